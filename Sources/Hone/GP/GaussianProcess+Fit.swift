#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

  /// Creates options.
  ///
  /// The optimizer's defaults stop early on purpose: a few hundredths in a
  /// log-lengthscale move the acquisition optimum by less than the noise, and
  /// each evaluation costs an O(n³) factorization and inversion.
  public init(
    shape: GPKernelShape = .matern52, deterministic: Bool = false, noiseFloor: Double = 1e-6,
    prior: GPPrior = GPPrior(), restarts: Int = 2,
    optimizer: LBFGSB.Options = LBFGSB.Options(
      memory: 10, maxIterations: 50, maxEvaluations: 80, gradientTolerance: 1e-2, relativeReduction: 1e-5)
  ) {
    self.shape = shape
    self.deterministic = deterministic
    self.noiseFloor = noiseFloor
    self.prior = prior
    self.restarts = restarts
    self.optimizer = optimizer
  }
}

/// What a MAP fit did.
public struct GPFitSummary: Sendable, Equatable {
  /// −log p(y | θ) − log p(θ) at the chosen hyperparameters, up to the prior's constants.
  public var objective: Double
  /// The L-BFGS-B runs started.
  public var starts: Int
  /// The objective evaluations spent over all starts.
  public var evaluations: Int
  /// Whether the warm start alone sufficed, with no restart.
  public var usedWarmStart: Bool
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
  /// random starts only.
  ///
  /// Throws `invalidArgument` on mismatched shapes, non-finite data or bad
  /// options, and `numeric` when the covariance cannot be factored at any start.
  public static func fit(
    inputs: Matrix, targets: [Double], dimensions: [GPDimensionKind],
    options: GPFitOptions = GPFitOptions(), warmStart: GPHyperparameters? = nil,
    using rng: inout some RandomNumberGenerator
  ) throws(HoneError) -> GaussianProcess {
    try validate(inputs: inputs, targets: targets, dimensionCount: dimensions.count)
    guard options.noiseFloor > 0, options.noiseFloor < 1, options.prior.isValid, options.restarts >= 0 else {
      throw .invalidArgument("GaussianProcess.fit: invalid options \(options)")
    }
    BLASThreads.adapt(to: .factorization, order: inputs.rows)
    let d = dimensions.count
    let floor = log(options.noiseFloor)
    let lower = [Double](repeating: lengthscaleRange.lower, count: d) + [outputscaleRange.lower, floor]
    let upper =
      [Double](repeating: lengthscaleRange.upper, count: d)
      + [outputscaleRange.upper, options.deterministic ? floor : noiseCeiling]
    var objective = try GPNegativeLogPosterior(
      inputs: inputs, targets: targets, shape: options.shape, dimensions: dimensions, prior: options.prior)

    var best: LBFGSB?
    var starts = 0
    var evaluations = 0
    func run(from start: [Double]) throws(HoneError) {
      let result = try LBFGSB.minimize(start: start, lower: lower, upper: upper, options: options.optimizer) {
        (theta, gradient) throws(HoneError) in try objective.evaluate(theta, gradient: &gradient)
      }
      starts += 1
      evaluations += result.evaluations
      if result.value < best?.value ?? .infinity { best = result }
    }

    var usedWarmStart = false
    if let warm = warmStart, warm.logLengthscales.count == d, warm.isFinite {
      try run(from: warm.logLengthscales + [warm.logOutputscale, warm.logNoise])
      usedWarmStart = best.map { $0.value.isFinite && $0.termination != .lineSearchFailure } ?? false
    }
    if !usedWarmStart {
      let center = options.prior.lengthscaleMode(dimensionCount: d)
      // The prior's mode for ℓ, unit outputscale and a little noise.
      try run(from: [Double](repeating: center, count: d) + [0, log(1e-2)])
      for _ in 0..<options.restarts {
        let lengthscales = (0..<d).map { _ in Double.random(in: log(0.05)...log(2.0), using: &rng) }
        let outputscale = Double.random(in: log(0.5)...log(2.0), using: &rng)
        let noise = Double.random(in: log(1e-5)...log(1e-1), using: &rng)
        try run(from: lengthscales + [outputscale, noise])
      }
    }
    guard let best, best.value.isFinite else {
      throw .numeric("GaussianProcess.fit: the covariance matrix is not positive definite at any start")
    }
    var model = try objective.model(at: best.solution)
    model.fitSummary = GPFitSummary(
      objective: best.value, starts: starts, evaluations: evaluations, usedWarmStart: usedWarmStart)
    return model
  }
}
