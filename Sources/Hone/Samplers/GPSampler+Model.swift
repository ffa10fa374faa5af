/// Encoding trials for the Gaussian process, fitting it and decoding its proposal.
///
/// Floats and ints enter through `Distribution.toUnit`: log parameters in log
/// space, and ints and stepped floats widened by half a step so every grid value
/// owns an equal share of [0, 1]. Categoricals enter as their index, which the
/// kernel compares by Hamming distance.
extension GPSampler {
  /// Grids larger than this are modeled as continuous and snapped on output; listing
  /// them would cost more than it tells the optimizer.
  static let largestListedGrid = 4096

  func optimize(
    space: SearchSpace, observed: [Observation], pending: [[String: ParamValue]], maximize: Bool, trial: Int
  ) throws(HoneError) -> [String: ParamValue] {
    let d = space.count
    let kinds = space.distributions.map { d -> GPDimensionKind in
      if case .categorical = d { return .categorical }
      return .continuous
    }
    var numbers: [Int] = []
    var rows: [[Double]] = []
    var raw: [Double] = []
    for t in observed where !t.value.isNaN {
      numbers.append(t.number)
      rows.append(encode(space) { t.params[$0] })
      raw.append(maximize ? t.value : -t.value)
    }

    var rng = Xoshiro256(seed: seed, stream: 0x4750, substream: UInt64(truncatingIfNeeded: trial))
    var (model, scaling) = try fittedModel(
      key: Self.signature(space), rows: rows, raw: raw, numbers: numbers, kinds: kinds, using: &rng)
    let targets = model.targets
    let inputs = model.inputs

    // Log EI looks at the pending points through fantasies of their values (q-batch log EI);
    // log PI and UCB through the Kriging believer: the posterior mean believed at them.
    let pendingRows = pending.isEmpty ? nil : try Matrix(rowMajor: pending.map { p in encode(space) { p[$0] } })
    let fantasized = pendingRows != nil && acquisition == .logEI
    if let pendingRows, !fantasized { try model.appendBelieved(pendingRows) }
    func objective(best: Double) throws(HoneError) -> any GPAcquisitionObjective {
      switch acquisition {
      case .logEI:
        guard let pendingRows else {
          return GPAcquisitionTerm(model: model, acquisition: .logExpectedImprovement(best: best))
        }
        var fantasies = Xoshiro256(seed: seed, stream: 0x7145, substream: UInt64(truncatingIfNeeded: trial))
        return try GPBatchLogExpectedImprovement(model: model, pending: pendingRows, best: best, using: &fantasies)
      case .logPI: return GPAcquisitionTerm(model: model, acquisition: .logProbabilityOfImprovement(best: best))
      case .ucb(let beta): return GPAcquisitionTerm(model: model, acquisition: .upperConfidenceBound(beta: beta))
      }
    }
    var terms = [try objective(best: targets.max() ?? 0)]
    var incumbent = targets.indices.max { targets[$0] < targets[$1] }.map { i in
      [(0..<d).map { inputs[i, $0] }]
    } ?? []
    if let constraints = try constraintModels(
        space: space, observed: observed, rows: rows, raw: raw, kinds: kinds, trial: trial)
    {
      // EI improves on the best feasible value, under the map the objective's targets went through.
      terms = []
      if let best = constraints.bestFeasible { terms.append(try objective(best: scaling.apply(best))) }
      terms += constraints.terms
      incumbent = constraints.incumbent.map { [$0] } ?? []
    }
    let found = try optimizer.maximize(
      try GPAcquisitionSum(terms), space: space.distributions.map(Self.searchDimension),
      candidates: incumbent.isEmpty ? nil : try Matrix(rowMajor: incumbent), using: &rng)
    return try decode(found.point, space)
  }

  /// The parameters of an optimizer's point in `space`'s model columns.
  func decode(_ found: [Double], _ space: SearchSpace) throws(HoneError) -> [String: ParamValue] {
    guard found.count == space.count else {
      throw .internal("gp sampler: the acquisition optimizer returned \(found.count) coordinates for \(space.count)")
    }
    var point: [String: ParamValue] = [:]
    for (j, (name, dist)) in zip(space.names, space.distributions).enumerated() {
      if case .categorical(let choices) = dist {
        let last = UInt64(max(choices.count - 1, 0))
        point[name] = .index(Int(Distribution.index(found[j].rounded(), max: last)))
      } else {
        point[name] = dist.fromUnit(found[j])
      }
    }
    return point
  }

  /// The model of `raw` (larger is better) at `rows`, kept under `key` for the next ask:
  /// the last one grown by the points it has not seen when it still serves
  /// (`canReuse`), else a fit warm-started from its hyperparameters, with the map that
  /// standardized its targets.
  func fittedModel(
    key: String, rows: [[Double]], raw: [Double], numbers: [Int], kinds: [GPDimensionKind],
    using rng: inout Xoshiro256
  ) throws(HoneError) -> (GaussianProcess, TargetScaling) {
    let previous = lock.withLock { warmStarts[key] }
    if let previous, Self.canReuse(previous, observations: rows.count),
      previous.included.isSubset(of: numbers),
      let grown = try? grow(previous, numbers: numbers, rows: rows, raw: raw)
    {
      lock.withLock { warmStarts[key] = grown }
      return (grown.model, grown.scaling)
    }
    let scaling = TargetScaling(raw)
    let model = try GaussianProcess.fit(
      inputs: try Matrix(rowMajor: rows), targets: raw.map(scaling.apply), dimensions: kinds, options: fitOptions,
      warmStart: previous?.model.kernel.hyperparameters, using: &rng)
    let fitted = Fit(model: model, scaling: scaling, observations: rows.count, included: Set(numbers))
    lock.withLock { warmStarts[key] = fitted }
    return (model, scaling)
  }

  /// Whether a model fitted on `fit.observations` points still serves `observations`.
  ///
  /// A MAP fit evaluates the likelihood five to ten times, each an O(n³) factorization and
  /// inversion; one more point among hundreds barely moves the optimum. Large models
  /// therefore refit once the data has grown by 5%, and grow by Cholesky appends in
  /// between, so most asks at n = 1,000 factor nothing.
  static func canReuse(_ fit: Fit, observations: Int) -> Bool {
    fit.observations >= 200 && observations >= fit.observations
      && Double(observations) < Double(fit.observations) * 1.05
  }

  /// The last model conditioned on the points it has not seen, by an O(n²) append per
  /// point, under the affine map of the targets it was fitted with. A failed append
  /// (a duplicate point under a tiny noise) throws, and the caller refits.
  func grow(_ previous: Fit, numbers: [Int], rows: [[Double]], raw: [Double]) throws(HoneError) -> Fit {
    let fresh = numbers.indices.filter { !previous.included.contains(numbers[$0]) }
    var grown = previous
    guard !fresh.isEmpty else { return grown }
    try grown.model.append(
      try Matrix(rowMajor: fresh.map { rows[$0] }), targets: fresh.map { previous.scaling.apply(raw[$0]) })
    grown.included.formUnion(fresh.map { numbers[$0] })
    return grown
  }

  /// One model row: unit coordinates for numbers, indices for categoricals; a missing value is 0.
  func encode(_ space: SearchSpace, _ value: (String) -> ParamValue?) -> [Double] {
    zip(space.names, space.distributions).map { name, dist in
      guard let v = value(name) else { return 0 }
      if case .categorical = dist { return v.double }
      return min(max(dist.toUnit(v), 0), 1)
    }
  }

  /// Where the acquisition optimizer may move along one parameter.
  static func searchDimension(_ dist: Distribution) -> GPSearchDimension {
    switch dist {
    case .categorical(let choices):
      return .discrete((0..<choices.count).map(Double.init))
    case .float(_, _, nil, _):
      return .continuous(lower: 0, upper: 1)
    case .float(let low, let high, .some(let step), _):
      return grid(points: ((high - low) / step).rounded() + 1)
    case .int(_, _, _, let log):
      if log { return .continuous(lower: 0, upper: 1) }
      return grid(points: Double(dist.lastGridIndex) + 1)
    }
  }

  /// The centers of `points` equal cells of [0, 1], which `toUnit` maps grid values to.
  private static func grid(points: Double) -> GPSearchDimension {
    guard points.isFinite, points <= Double(largestListedGrid) else { return .continuous(lower: 0, upper: 1) }
    let n = Int(points)
    return .discrete((0..<n).map { (Double($0) + 0.5) / Double(n) })
  }

  static func signature(_ space: SearchSpace) -> String {
    zip(space.names, space.distributions).map { "\($0)=\($1.summary)" }.joined(separator: ";")
  }
}

/// The affine map that standardizes objective values, with infinities clipped to the
/// finite range seen when it was made.
struct TargetScaling: Sendable {
  var mean: Double
  var scale: Double
  var low: Double
  var high: Double

  init(_ values: [Double]) {
    let finite = values.filter(\.isFinite)
    low = finite.min() ?? 0
    high = finite.max() ?? 0
    let clipped = values.map { [low, high] in min(max($0, low), high) }
    let n = Double(max(clipped.count, 1))
    mean = clipped.reduce(0, +) / n
    let variance = clipped.reduce(0) { [mean] in $0 + ($1 - mean) * ($1 - mean) } / n
    scale = variance > 1e-24 ? variance.squareRoot() : 1
  }

  func apply(_ value: Double) -> Double {
    let v = value.isFinite ? value : (value > 0 ? high : low)
    return (v - mean) / scale
  }
}
