/// Constrained search, as Optuna 5's GPSampler does it: each constraint is modeled
/// by a GP of its own, and the acquisition becomes log EI + Σᵢ log P(cᵢ ≤ 0), with
/// the incumbent the best feasible trial. While no trial is feasible, only the
/// probability of feasibility is maximized.
extension GPSampler {
  /// What the constrained acquisition needs beside the objective's model.
  struct ConstraintModels {
    /// One log-probability-of-feasibility term per constraint.
    var terms: [GPAcquisitionTerm]
    /// The raw (larger is better) value of the best feasible observation, or nil when none is feasible.
    var bestFeasible: Double?
    /// The encoded row of that observation.
    var incumbent: [Double]?
  }

  /// Fits one GP per constraint to the observations that have constraint values.
  ///
  /// The constraints are those of the observations with as many values as the
  /// latest constrained one (a trial whose constraints function failed has none).
  /// Each constraint's values are negated (so larger is feasible), clipped to their
  /// finite range and standardized, and the threshold 0 goes through the same map,
  /// as Optuna's `_get_constraints_acqf_args`. Feasibility is `FrozenTrial.isFeasible`'s:
  /// an observation without constraints counts as feasible. Nil when no observation
  /// has constraint values: the search is then unconstrained.
  func constraintModels(
    space: SearchSpace, observed: [Observation], rows: [[Double]], raw: [Double], kinds: [GPDimensionKind],
    trial: Int
  ) throws(HoneError) -> ConstraintModels? {
    // `rows` and `raw` follow the observations with a value.
    let valued = observed.filter { !$0.value.isNaN }
    guard let count = valued.last(where: { $0.constraints != nil })?.constraints?.count else { return nil }
    var best: Int?
    for (i, o) in valued.enumerated() where o.constraints?.allSatisfy({ $0 <= 0 }) ?? true {
      if best.map({ raw[i] > raw[$0] }) ?? true { best = i }
    }
    let members = valued.indices.filter { valued[$0].constraints?.count == count }
    let inputs = try Matrix(rowMajor: members.map { rows[$0] })
    let signature = Self.signature(space)
    let cached = lock.withLock { constraintWarmStarts[signature] }
    var rng = Xoshiro256(seed: seed, stream: 0x4743, substream: UInt64(truncatingIfNeeded: trial))
    var terms: [GPAcquisitionTerm] = []
    var fitted: [GPHyperparameters] = []
    for j in 0..<count {
      let negated = members.map { -(valued[$0].constraints?[j] ?? 0) }
      let scaling = TargetScaling(negated)
      let warm = cached.flatMap { j < $0.count ? $0[j] : nil }
      let model = try GaussianProcess.fit(
        inputs: inputs, targets: negated.map(scaling.apply), dimensions: kinds, options: fitOptions,
        warmStart: warm, using: &rng)
      fitted.append(model.kernel.hyperparameters)
      terms.append(GPAcquisitionTerm(model: model, acquisition: .logProbabilityOfImprovement(best: scaling.apply(0))))
    }
    lock.withLock { constraintWarmStarts[signature] = fitted }
    return ConstraintModels(terms: terms, bestFeasible: best.map { raw[$0] }, incumbent: best.map { rows[$0] })
  }
}
