/// What `GPAcquisitionOptimizer` maximizes: a function of points in a GP's input space, with its gradient.
///
/// `GPAcquisitionTerm` (one acquisition under one model), `GPAcquisitionSum` (several added),
/// `GPExpectedHypervolumeImprovement` (several objectives' models at once) and
/// `GPBatchLogExpectedImprovement` (log EI beside pending points) are four.
public protocol GPAcquisitionObjective: Sendable {
  /// The model whose inputs and columns the points are checked against.
  var lead: GaussianProcess { get }
  /// The length over which the objective changes along each input column, which the local search preconditions by.
  var lengthscales: [Double] { get }
  /// The objective at each row of `points` (m×d).
  func values(at points: Matrix<Double>) throws(HoneError) -> [Double]
  /// The objective at each row of `points` (m×d) and its gradient in x, an m×d matrix.
  func valuesAndGradient(at points: Matrix<Double>) throws(HoneError) -> (values: [Double], gradient: Matrix<Double>)
}

extension GPAcquisitionObjective {
  /// The lead model's lengthscales.
  public var lengthscales: [Double] { lead.kernel.hyperparameters.lengthscales }
}
