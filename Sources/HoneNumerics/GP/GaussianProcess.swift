/// A Gaussian process regression model conditioned on observations.
///
/// The model knows matrices and vectors only: `inputs` is n×d with one row
/// per observation, continuous columns normally in [0, 1] and categorical
/// columns holding codes, and `targets` are the n observed values, which the
/// caller has standardized (mean 0, variance 1, larger is better). The prior
/// mean is 0. The factor L·Lᵀ = K + v·I and α = K⁻¹y are kept, so predictions
/// cost O(n²) per point and never form an inverse.
public struct GaussianProcess: Sendable {
  /// The covariance function with its hyperparameters.
  public let kernel: GPKernel
  /// The observed inputs, one row per observation.
  public internal(set) var inputs: Matrix<Double>
  /// The observed targets.
  public internal(set) var targets: [Double]
  /// How the hyperparameters were fitted, when they were.
  public internal(set) var fitSummary: GPFitSummary?
  /// The Cholesky factor of K(X, X) + v·I.
  var factor: Cholesky
  /// α = (K + v·I)⁻¹·y.
  var weights: [Double]

  /// Conditions a process with the given kernel on `inputs` (n×d) and `targets` (n), without fitting anything.
  ///
  /// Throws `invalidArgument` on mismatched shapes or non-finite data and
  /// `numeric` when the covariance matrix cannot be factored even with jitter.
  public init(kernel: GPKernel, inputs: Matrix<Double>, targets: [Double]) throws(HoneError) {
    try Self.validate(inputs: inputs, targets: targets, dimensionCount: kernel.dimensionCount)
    self.kernel = kernel
    self.inputs = inputs
    self.targets = targets
    factor = try Cholesky(kernel.covariance(inputs))
    weights = try factor.solve(targets)
  }

  /// Wraps a factor of K(X, X) + v·I that the caller computed for these inputs.
  init(kernel: GPKernel, inputs: Matrix<Double>, targets: [Double], factor: Cholesky) throws(HoneError) {
    self.kernel = kernel
    self.inputs = inputs
    self.targets = targets
    self.factor = factor
    weights = try factor.solve(targets)
  }

  /// The number of observations conditioned on.
  public var count: Int { inputs.rows }

  /// The jitter the factorization had to add to the diagonal (0 when none was needed).
  public var jitter: Double { factor.jitter }

  /// Throws `invalidArgument` unless the data have matching shapes, at least one column and finite entries.
  static func validate(inputs: Matrix<Double>, targets: [Double], dimensionCount: Int) throws(HoneError) {
    guard dimensionCount > 0 else {
      throw .invalidArgument("GaussianProcess: at least one input dimension is needed")
    }
    guard inputs.cols == dimensionCount else {
      throw .invalidArgument("GaussianProcess: the inputs have \(inputs.cols) columns for \(dimensionCount) dimensions")
    }
    guard inputs.rows == targets.count else {
      throw .invalidArgument("GaussianProcess: \(inputs.rows) input rows but \(targets.count) targets")
    }
    if let bad = inputs.storage.first(where: { !$0.isFinite }) {
      throw .invalidArgument("GaussianProcess: the inputs hold the non-finite value \(bad)")
    }
    if let bad = targets.first(where: { !$0.isFinite }) {
      throw .invalidArgument("GaussianProcess: the targets hold the non-finite value \(bad)")
    }
  }

  /// Throws `invalidArgument` unless `points` has one column per dimension and finite entries.
  func validate(points: Matrix<Double>, _ routine: StaticString) throws(HoneError) {
    guard points.cols == kernel.dimensionCount else {
      throw .invalidArgument(
        "GaussianProcess.\(routine): the points have \(points.cols) columns for \(kernel.dimensionCount) dimensions")
    }
    if let bad = points.storage.first(where: { !$0.isFinite }) {
      throw .invalidArgument("GaussianProcess.\(routine): the points hold the non-finite value \(bad)")
    }
  }
}
