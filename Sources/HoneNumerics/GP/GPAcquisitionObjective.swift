/// What `GPAcquisitionOptimizer` maximizes: a function of points in a GP's input space, with its gradient.
///
/// `GPAcquisitionSum` (one acquisition per model, added) and
/// `GPExpectedHypervolumeImprovement` (several objectives' models at once) are two.
public protocol GPAcquisitionObjective: Sendable {
  /// The model whose inputs and columns the points are checked against.
  var lead: GaussianProcess { get }
  /// The objective at each row of `points` (m×d).
  func values(at points: Matrix<Double>) throws(HoneError) -> [Double]
  /// The objective at each row of `points` (m×d) and its gradient in x, an m×d matrix.
  func valuesAndGradient(at points: Matrix<Double>) throws(HoneError) -> (values: [Double], gradient: Matrix<Double>)
}

/// Several acquisition objectives over the same inputs, added: log EHVI with the log
/// probabilities of feasibility, as Optuna's LogCEHVI.
public struct GPAcquisitionTotal: GPAcquisitionObjective {
  public let parts: [any GPAcquisitionObjective]

  /// Throws `invalidArgument` with no parts, or when the parts' input columns differ.
  public init(_ parts: [any GPAcquisitionObjective]) throws(HoneError) {
    guard let first = parts.first else { throw .invalidArgument("GPAcquisitionTotal: at least one part is needed") }
    for p in parts where p.lead.kernel.dimensions != first.lead.kernel.dimensions {
      throw .invalidArgument("GPAcquisitionTotal: the parts' input columns differ")
    }
    self.parts = parts
  }

  public var lead: GaussianProcess { parts[0].lead }

  public func values(at points: Matrix<Double>) throws(HoneError) -> [Double] {
    var total = try parts[0].values(at: points)
    for p in parts.dropFirst() {
      let v = try p.values(at: points)
      for i in total.indices { total[i] += v[i] }
    }
    return total
  }

  public func valuesAndGradient(
    at points: Matrix<Double>
  ) throws(HoneError) -> (values: [Double], gradient: Matrix<Double>) {
    var (total, gradient) = try parts[0].valuesAndGradient(at: points)
    for p in parts.dropFirst() {
      let (v, g) = try p.valuesAndGradient(at: points)
      for i in total.indices { total[i] += v[i] }
      for i in gradient.storage.indices { gradient.storage[i] += g.storage[i] }
    }
    return (total, gradient)
  }
}
