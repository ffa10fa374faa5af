internal import HonePlatform

/// One input column of the space an acquisition function is maximized over.
public enum GPSearchDimension: Sendable, Equatable {
  /// The real interval [lower, upper], normally [0, 1].
  case continuous(lower: Double, upper: Double)
  /// A finite set of values: an integer or stepped grid scaled into [0, 1], or a categorical column's codes.
  case discrete([Double])
}

/// The best point an acquisition optimizer found.
public struct GPAcquisitionMaximum: Sendable, Equatable {
  /// The point, one value per dimension, each inside its search dimension.
  public var point: [Double]
  /// The acquisition value there.
  public var value: Double
}

/// Maximizes an acquisition function of a Gaussian process over a mixed continuous and discrete space.
///
/// The search follows Optuna's GPSampler and BoTorch: `rawSamples` scrambled
/// Sobol points are scored in one batch; the best of them, the caller's
/// `candidates` (such as the incumbent), and more Sobol points drawn with
/// probability ∝ exp(a − a_max) (a Boltzmann roulette on the acquisition values,
/// without replacement) up to `starts` in all, start local searches. A local
/// search alternates L-BFGS-B over the continuous coordinates, run for all
/// starts in lockstep so each step is one batched posterior, with sweeps over
/// the discrete coordinates one at a time: a column with at most
/// `exhaustiveLimit` values, and every categorical column, is tried at every
/// value; a larger grid is relaxed to its interval during L-BFGS-B, then
/// snapped to the nearest value and searched along a stencil of ±1, ±2, ±4, …
/// grid steps. Sweeps repeat, up to `rounds`, while they move a coordinate.
/// Everything random comes from the generator passed in, so a seed fixes the result.
public struct GPAcquisitionOptimizer: Sendable, Equatable {
  /// The Sobol candidates scored before the local searches.
  public var rawSamples: Int
  /// The local searches started.
  public var starts: Int
  /// The largest grid searched exhaustively; larger non-categorical grids are relaxed and snapped.
  public var exhaustiveLimit: Int
  /// The most rounds of continuous optimization followed by a discrete sweep.
  public var rounds: Int
  /// The L-BFGS-B limits for each continuous optimization, which runs in lengthscale units z = x/ℓ.
  public var local: LBFGSB.Options

  /// Creates an optimizer.
  ///
  /// The local searches run to a projected gradient of 10⁻⁵ in lengthscale units.
  /// Optuna's looser 10⁻² halves their iterations, but measured worse: on
  /// rosenbrock4, 20 seeds, the median regret after 60 trials rose from 283 to 417
  /// (`benchmarks/sampler_quality.py`'s problem), where a valley's floor is found
  /// by following a small gradient a long way.
  public init(
    rawSamples: Int = 1024, starts: Int = 10, exhaustiveLimit: Int = 16, rounds: Int = 3,
    local: LBFGSB.Options = LBFGSB.Options(
      memory: 10, maxIterations: 100, maxEvaluations: 150, gradientTolerance: 1e-5,
      relativeReduction: 1e-9)
  ) {
    self.rawSamples = rawSamples
    self.starts = starts
    self.exhaustiveLimit = exhaustiveLimit
    self.rounds = rounds
    self.local = local
  }

  /// Maximizes `acquisition` under `model` over `space`, one entry per input column.
  ///
  /// Categorical columns of the kernel must be `.discrete` over their codes.
  /// `candidates` (k×d) are moved into the space and each starts a local search
  /// of its own, whatever its value; the incumbent is a good one to pass. Its
  /// acquisition is near its minimum (σ ≈ 0 at an observed point), so a roulette
  /// would almost never pick it, yet a step off it along the posterior mean is
  /// where a refinement of the best region lies: without that start, EI's
  /// maximizer drifts to far corners of high variance. Throws
  /// `invalidArgument` on a malformed space, options or candidates.
  public func maximize(
    _ acquisition: GPAcquisition, model: GaussianProcess, space: [GPSearchDimension],
    candidates: Matrix<Double>? = nil, using rng: inout some RandomNumberGenerator
  ) throws(HoneError) -> GPAcquisitionMaximum {
    try maximize(
      GPAcquisitionTerm(model: model, acquisition: acquisition), space: space,
      candidates: candidates, using: &rng)
  }

  /// Maximizes any acquisition objective over `space`, as `maximize(_:model:space:candidates:using:)`
  /// maximizes one acquisition; the columns are those of the objective's `lead` model.
  public func maximize(
    _ objective: some GPAcquisitionObjective, space: [GPSearchDimension],
    candidates: Matrix<Double>? = nil, using rng: inout some RandomNumberGenerator
  ) throws(HoneError) -> GPAcquisitionMaximum {
    let model = objective.lead
    guard rawSamples >= 1, starts >= 1, exhaustiveLimit >= 0, rounds >= 1 else {
      throw .invalidArgument("GPAcquisitionOptimizer: invalid options \(self)")
    }
    let plan = try SearchPlan(space: space, kinds: model.kernel.dimensions, exhaustiveLimit: exhaustiveLimit)

    let sobol = try plan.sobolCandidates(count: rawSamples, using: &rng)
    var raw = sobol
    if let candidates {
      try model.validate(points: candidates, "maximize")
      raw = raw.appendingRows(of: plan.projected(candidates))
    }
    BLASThreads.adapt(to: .manyRightHandSides, order: model.count)
    let rawValues = try objective.values(at: raw).map { $0.isNaN ? -.infinity : $0 }
    // The best Sobol point and the roulette fill the starts the candidates leave, at least one.
    let given = raw.rows - sobol.rows
    let drawn = Self.pickStarts(
      Array(rawValues[0..<sobol.rows]), count: min(max(starts - given, 1), sobol.rows), using: &rng)
    let chosen = drawn + Array(sobol.rows..<raw.rows)

    var search = LocalSearch(
      objective: objective, plan: plan, options: local,
      points: raw.selectingRows(chosen), values: chosen.map { rawValues[$0] })
    BLASThreads.adapt(to: .fewRightHandSides, order: model.count)
    try search.run(rounds: rounds)
    return search.best()
  }

  /// The index of the best value, then `count − 1` more drawn without replacement with probability ∝ exp(v − v_max).
  ///
  /// When the remaining weights all underflow the draw is uniform over the rest.
  static func pickStarts(_ values: [Double], count: Int, using rng: inout some RandomNumberGenerator) -> [Int] {
    guard let top = values.indices.max(by: { values[$0] < values[$1] }) else { return [] }
    let peak = values[top]
    var weights = values.map { peak.isFinite && $0.isFinite ? exp($0 - peak) : 0 }
    weights[top] = 0
    var taken = [Bool](repeating: false, count: values.count)
    taken[top] = true
    var chosen = [top]
    while chosen.count < count {
      let total = weights.reduce(0, +)
      var pick: Int
      if total > 0, total.isFinite {
        var u = Double.random(in: 0..<total, using: &rng)
        pick = weights.indices.first { weights[$0] > 0 } ?? 0
        for i in weights.indices where weights[i] > 0 {
          pick = i
          if u < weights[i] { break }
          u -= weights[i]
        }
      } else {
        let rest = taken.indices.filter { !taken[$0] }
        pick = rest[Int.random(in: 0..<rest.count, using: &rng)]
      }
      weights[pick] = 0
      taken[pick] = true
      chosen.append(pick)
    }
    return chosen
  }
}
