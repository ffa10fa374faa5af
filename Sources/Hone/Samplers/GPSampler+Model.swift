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
    space: SearchSpace, observed: [FrozenTrial], pending: [[String: Double]], maximize: Bool, trial: Int
  ) throws(HoneError) -> [String: Double] {
    let d = space.count
    let kinds = space.distributions.map { d -> GPDimensionKind in
      if case .categorical = d { return .categorical }
      return .continuous
    }
    var rows: [[Double]] = []
    rows.reserveCapacity(observed.count)
    var raw: [Double] = []
    for t in observed {
      guard let v = t.value, !v.isNaN else { continue }
      rows.append(encode(space) { t.param($0)?.value ?? 0 })
      raw.append(maximize ? v : -v)
    }
    let targets = Self.standardized(raw)
    let inputs = try Matrix(rowMajor: rows)

    let signature = Self.signature(space)
    let previous = lock.withLock { warmStarts[signature] }
    var rng = Xoshiro256(seed: seed, stream: 0x4750, substream: UInt64(trial))
    var model: GaussianProcess
    if let previous, Self.canReuse(previous, observations: rows.count) {
      let kernel = try GPKernel(shape: kernel, dimensions: kinds, hyperparameters: previous.hyperparameters)
      model = try GaussianProcess(kernel: kernel, inputs: inputs, targets: targets)
    } else {
      model = try GaussianProcess.fit(
        inputs: inputs, targets: targets, dimensions: kinds,
        options: GPFitOptions(shape: kernel, deterministic: deterministicObjective),
        warmStart: previous?.hyperparameters, using: &rng)
      let fitted = Fit(hyperparameters: model.kernel.hyperparameters, observations: rows.count)
      lock.withLock { warmStarts[signature] = fitted }
    }

    if !pending.isEmpty {
      try model.appendBelieved(try Matrix(rowMajor: pending.map { p in encode(space) { p[$0] ?? 0 } }))
    }
    let best = targets.max() ?? 0
    let acquisitionFunction: GPAcquisition
    switch acquisition {
    case .logEI: acquisitionFunction = .logExpectedImprovement(best: best)
    case .logPI: acquisitionFunction = .logProbabilityOfImprovement(best: best)
    case .ucb(let beta): acquisitionFunction = .upperConfidenceBound(beta: beta)
    }
    let incumbent = targets.indices.max { targets[$0] < targets[$1] }.map { [rows[$0]] } ?? []
    let found = try optimizer.maximize(
      acquisitionFunction, model: model, space: space.distributions.map(Self.searchDimension),
      candidates: incumbent.isEmpty ? nil : try Matrix(rowMajor: incumbent), using: &rng)
    guard found.point.count == d else {
      throw .internal("gp sampler: the acquisition optimizer returned \(found.point.count) coordinates for \(d)")
    }
    var point: [String: Double] = [:]
    for (j, (name, dist)) in zip(space.names, space.distributions).enumerated() {
      if case .categorical(let choices) = dist {
        point[name] = min(max(found.point[j].rounded(), 0), Double(choices.count - 1))
      } else {
        point[name] = dist.fromUnit(found.point[j])
      }
    }
    return point
  }

  /// Whether hyperparameters fitted on `fit.observations` points still serve `observations`.
  ///
  /// A MAP fit evaluates the likelihood five to ten times, each an O(n³) factorization and
  /// inversion; one more point among hundreds barely moves the optimum. Large models
  /// therefore refit once the data has grown by 5%, and are only conditioned in between,
  /// which keeps an ask at n = 1,000 to one factorization.
  static func canReuse(_ fit: Fit, observations: Int) -> Bool {
    fit.observations >= 200 && observations >= fit.observations
      && Double(observations) < Double(fit.observations) * 1.05
  }

  /// One model row: unit coordinates for numbers, indices for categoricals.
  func encode(_ space: SearchSpace, _ value: (String) -> Double) -> [Double] {
    zip(space.names, space.distributions).map { name, dist in
      if case .categorical = dist { return value(name) }
      return min(max(dist.toUnit(value(name)), 0), 1)
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
    case .int(let low, let high, let step, let log):
      if log { return .continuous(lower: 0, upper: 1) }
      return grid(points: Double((high - low) / step) + 1)
    }
  }

  /// The centers of `points` equal cells of [0, 1], which `toUnit` maps grid values to.
  private static func grid(points: Double) -> GPSearchDimension {
    guard points.isFinite, points <= Double(largestListedGrid) else { return .continuous(lower: 0, upper: 1) }
    let n = Int(points)
    return .discrete((0..<n).map { (Double($0) + 0.5) / Double(n) })
  }

  /// Targets with mean 0 and unit spread; infinities clipped to the finite range seen.
  static func standardized(_ values: [Double]) -> [Double] {
    let finite = values.filter(\.isFinite)
    let low = finite.min() ?? 0
    let high = finite.max() ?? 0
    let clipped = values.map { min(max($0, low), high) }
    let n = Double(max(clipped.count, 1))
    let mean = clipped.reduce(0, +) / n
    let variance = clipped.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n
    let sd = variance > 1e-24 ? variance.squareRoot() : 1
    return clipped.map { ($0 - mean) / sd }
  }

  static func signature(_ space: SearchSpace) -> String {
    zip(space.names, space.distributions).map { "\($0)=\($1.summary)" }.joined(separator: ";")
  }
}
