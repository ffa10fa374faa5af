internal import HonePlatform

/// How `GaussianProcess.fit` chooses the hyperparameters.
public struct GPFitOptions: Sendable, Equatable {
  /// The radial profile of the kernel.
  public var shape: GPKernelShape
  /// Whether the observations are noise-free; the noise is then pinned at `noiseFloor`.
  public var deterministic: Bool
  /// The smallest noise variance, relative to the standardized targets' unit variance.
  public var noiseFloor: Double
  /// The prior that makes the fit a MAP estimate.
  public var prior: GPPrior
  /// Random starts tried besides the default one when there is no usable warm start, or it failed.
  public var restarts: Int
  /// The L-BFGS-B limits for each start.
  public var optimizer: LBFGSB.Options
  /// A fit with no usable warm start on more points than this runs its starts on a random subset of this many.
  public var subsetSize: Int
  /// The most evaluations on all the points that refine the subset's hyperparameters.
  public var refinementEvaluations: Int

  /// Creates options.
  ///
  /// The optimizer's defaults stop early on purpose: a few hundredths in a
  /// log-lengthscale move the acquisition optimum by less than the noise, and
  /// each evaluation costs an O(n³) factorization and inversion. For the same
  /// reason a cold fit on many points starts on `subsetSize` of them and
  /// spends at most `refinementEvaluations` evaluations on all of them (see `fit`).
  public init(
    shape: GPKernelShape = .matern52, deterministic: Bool = false, noiseFloor: Double = 1e-6,
    prior: GPPrior = GPPrior(), restarts: Int = 2,
    optimizer: LBFGSB.Options = LBFGSB.Options(
      memory: 10, maxIterations: 50, maxEvaluations: 80, gradientTolerance: 1e-2, relativeReduction: 1e-5),
    subsetSize: Int = 256, refinementEvaluations: Int = 5
  ) {
    self.shape = shape
    self.deterministic = deterministic
    self.noiseFloor = noiseFloor
    self.prior = prior
    self.restarts = restarts
    self.optimizer = optimizer
    self.subsetSize = subsetSize
    self.refinementEvaluations = refinementEvaluations
  }
}

/// What a MAP fit did.
public struct GPFitSummary: Sendable, Equatable {
  /// −log p(y | θ) − log p(θ) at the chosen hyperparameters, up to the prior's constants.
  public var objective: Double
  /// The L-BFGS-B runs started.
  public var starts: Int
  /// The objective evaluations spent over all starts, on the subset and on all the points.
  public var evaluations: Int
  /// Whether the warm start alone sufficed, with no restart.
  public var usedWarmStart: Bool
  /// The points the starts ran on when they ran on a subset; nil when every start saw all the points.
  public var subsetSize: Int?
  /// The O(n³) factorizations of the covariance of all n points, the final conditioning included.
  public var fullDataFactorizations: Int
}

extension GaussianProcess {
  /// The box, in log space, that the fitted hyperparameters stay in.
  ///
  /// Inputs live in [0, 1] and targets are standardized, so lengthscales
  /// outside [0.01, 100] behave like their bound (every point independent, or
  /// the column irrelevant) and only slow the optimizer down or ruin the
  /// conditioning; likewise for outputscales outside [1e−3, 100]. The noise
  /// never exceeds twice the targets' variance.
  static let lengthscaleRange = (lower: log(1e-2), upper: log(1e2))
  static let outputscaleRange = (lower: log(1e-3), upper: log(1e2))
  static let noiseCeiling = log(2.0)

  /// Fits the kernel hyperparameters by MAP and conditions the process on the data.
  ///
  /// `inputs` is n×d, continuous columns in [0, 1] and categorical columns
  /// holding codes 0…k−1; `targets` are standardized by the caller. With a
  /// `warmStart` of matching size the fit starts from it alone, which is the
  /// common case of refitting after a few new observations; without one, or
  /// when that run fails, it starts from the prior's center and from
  /// `options.restarts` random points, and keeps the best. `rng` draws the
  /// random starts and the subset only.
  ///
  /// Those starts cost one O(n³) factorization and inversion per evaluation,
  /// some 100 evaluations in all, so a cold fit on n > `options.subsetSize`
  /// points runs them on a random subset of m = `subsetSize` points instead
  /// (the "subset of data" approximation, Rasmussen & Williams 2006, §8.3.1;
  /// Chalupka, Williams & Murray 2013 find a random subset a strong baseline
  /// for choosing hyperparameters). The subset's optimum then starts one
  /// L-BFGS-B run on all n points, on the posterior divided by n, capped at
  /// r = `options.refinementEvaluations` evaluations: a sparser sample tends to
  /// read as less noisy, and this moves the noise and scales toward where all
  /// the data put them; the model is conditioned on all n. The cold fit so
  /// costs O(100·m³ + r·n³) instead of O(100·n³): at n = 1,000, m = 256,
  /// r = 5, about a fifteenth, and less than one periodic warm refit there
  /// (10 to 20 evaluations), which carries on from this optimum with the
  /// full budget once the data has grown by 5%. Optuna and BoTorch fit on all
  /// the data each time, from the previous optimum where they have one; the
  /// warm path here does the same, and only a process without a previous
  /// fit (a new worker on a loaded study) takes the subset.
  ///
  /// Throws `invalidArgument` on mismatched shapes, non-finite data or bad
  /// options, and `numeric` when the covariance cannot be factored at any start.
  public static func fit(
    inputs: Matrix<Double>, targets: [Double], dimensions: [GPDimensionKind],
    options: GPFitOptions = GPFitOptions(), warmStart: GPHyperparameters? = nil,
    using rng: inout some RandomNumberGenerator
  ) throws(HoneError) -> GaussianProcess {
    try validate(inputs: inputs, targets: targets, dimensionCount: dimensions.count)
    guard options.noiseFloor > 0, options.noiseFloor < 1, options.prior.isValid, options.restarts >= 0,
      options.subsetSize >= 2, options.refinementEvaluations >= 1
    else {
      throw .invalidArgument("GaussianProcess.fit: invalid options \(options)")
    }
    let n = inputs.rows
    let d = dimensions.count
    let floor = log(options.noiseFloor)
    let bounds = MultiStart.Bounds(
      lower: [Double](repeating: lengthscaleRange.lower, count: d) + [outputscaleRange.lower, floor],
      upper: [Double](repeating: lengthscaleRange.upper, count: d)
        + [outputscaleRange.upper, options.deterministic ? floor : noiseCeiling])
    var objective = try GPNegativeLogPosterior(
      inputs: inputs, targets: targets, shape: options.shape, dimensions: dimensions, prior: options.prior)
    var search = MultiStart()

    var usedWarmStart = false
    if let warm = warmStart, warm.logLengthscales.count == d, warm.isFinite {
      BLASThreads.adapt(to: .factorization, order: n)
      try search.run(&objective, from: warm.logLengthscales + [warm.logOutputscale, warm.logNoise],
                     bounds: bounds, options: options.optimizer)
      usedWarmStart = search.best.map { $0.value.isFinite && $0.termination != .lineSearchFailure } ?? false
    }
    var subsetSize: Int?
    if !usedWarmStart, n > options.subsetSize {
      let chosen = randomSubset(options.subsetSize, of: n, using: &rng)
      var subset = try GPNegativeLogPosterior(
        inputs: inputs.selectingRows(chosen), targets: chosen.map { targets[$0] }, shape: options.shape,
        dimensions: dimensions, prior: options.prior)
      var onSubset = MultiStart()
      BLASThreads.adapt(to: .factorization, order: chosen.count)
      try onSubset.runColdStarts(&subset, options: options, bounds: bounds, using: &rng)
      search.starts += onSubset.starts
      search.evaluations += onSubset.evaluations
      if let start = onSubset.best, start.value.isFinite {
        var refinement = options.optimizer
        refinement.maxEvaluations = min(refinement.maxEvaluations, options.refinementEvaluations)
        refinement.maxIterations = min(refinement.maxIterations, options.refinementEvaluations)
        BLASThreads.adapt(to: .factorization, order: n)
        let refined = try search.run(
          &objective, from: start.solution, bounds: bounds, options: refinement, scale: 1 / Double(n))
        if refined.value.isFinite { subsetSize = chosen.count }
      }
    }
    if !usedWarmStart, subsetSize == nil {
      BLASThreads.adapt(to: .factorization, order: n)
      try search.runColdStarts(&objective, options: options, bounds: bounds, using: &rng)
    }
    guard let best = search.best, best.value.isFinite else {
      throw .numeric("GaussianProcess.fit: the covariance matrix is not positive definite at any start")
    }
    var model = try objective.model(at: best.solution)
    model.fitSummary = GPFitSummary(
      objective: best.value, starts: search.starts, evaluations: search.evaluations, usedWarmStart: usedWarmStart,
      subsetSize: subsetSize, fullDataFactorizations: objective.factorizations)
    return model
  }

  /// `count` distinct indices of 0..<n drawn uniformly (a partial Fisher–Yates shuffle), in increasing order.
  static func randomSubset(_ count: Int, of n: Int, using rng: inout some RandomNumberGenerator) -> [Int] {
    var indices = Array(0..<n)
    let m = min(max(count, 0), n)
    for i in 0..<m { indices.swapAt(i, Int.random(in: i..<n, using: &rng)) }
    return indices[0..<m].sorted()
  }
}

/// L-BFGS-B runs of one fit, keeping the best.
private struct MultiStart {
  struct Bounds {
    var lower: [Double]
    var upper: [Double]
  }

  /// The lowest objective reached, where, and why that run stopped.
  struct Outcome {
    var value: Double
    var solution: [Double]
    var termination: LBFGSB.Termination?
  }

  var best: Outcome?
  var starts = 0
  var evaluations = 0

  /// Minimizes `scale`·objective from `start`; the outcome's value is the objective's own.
  ///
  /// The scale only changes L-BFGS-B's first step, a unit step along the projected
  /// gradient with no curvature known yet (`gradientTolerance` is scaled alike): a
  /// log posterior summed over n points has gradients of order n, so that step
  /// lands on a corner of the box. GPyTorch's `ExactMarginalLogLikelihood`, which
  /// BoTorch fits with scipy's L-BFGS-B, divides by n for the same reason.
  @discardableResult
  mutating func run(
    _ objective: inout GPNegativeLogPosterior, from start: [Double], bounds: Bounds, options: LBFGSB.Options,
    scale: Double = 1
  ) throws(HoneError) -> Outcome {
    var scaled = options
    scaled.gradientTolerance *= scale
    let result = try LBFGSB.minimize(start: start, lower: bounds.lower, upper: bounds.upper, options: scaled) {
      (theta, gradient) throws(HoneError) in
      let value = try objective.evaluate(theta, gradient: &gradient)
      if scale != 1 { for i in gradient.indices { gradient[i] *= scale } }
      return scale * value
    }
    starts += 1
    evaluations += result.evaluations
    let outcome = Outcome(value: result.value / scale, solution: result.solution, termination: result.termination)
    if outcome.value < best?.value ?? .infinity { best = outcome }
    return outcome
  }

  /// The prior's mode for ℓ with unit outputscale and a little noise, then `options.restarts` random starts.
  mutating func runColdStarts(
    _ objective: inout GPNegativeLogPosterior, options: GPFitOptions, bounds: Bounds,
    using rng: inout some RandomNumberGenerator
  ) throws(HoneError) {
    let d = objective.dimensions.count
    let center = options.prior.lengthscaleMode(dimensionCount: d)
    try run(&objective, from: [Double](repeating: center, count: d) + [0, log(1e-2)], bounds: bounds,
            options: options.optimizer)
    for _ in 0..<options.restarts {
      let lengthscales = (0..<d).map { _ in Double.random(in: log(0.05)...log(2.0), using: &rng) }
      let outputscale = Double.random(in: log(0.5)...log(2.0), using: &rng)
      let noise = Double.random(in: log(1e-5)...log(1e-1), using: &rng)
      try run(&objective, from: lengthscales + [outputscale, noise], bounds: bounds, options: options.optimizer)
    }
  }
}
