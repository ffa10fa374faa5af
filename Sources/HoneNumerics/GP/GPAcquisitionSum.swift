/// One term of a `GPAcquisitionSum`: an acquisition function under its own Gaussian process.
public struct GPAcquisitionTerm: GPAcquisitionObjective {
  public var model: GaussianProcess
  public var acquisition: GPAcquisition

  public init(model: GaussianProcess, acquisition: GPAcquisition) {
    self.model = model
    self.acquisition = acquisition
  }

  public var lead: GaussianProcess { model }

  public func values(at points: Matrix<Double>) throws(HoneError) -> [Double] {
    try model.acquisition(acquisition, at: points)
  }

  public func valuesAndGradient(
    at points: Matrix<Double>
  ) throws(HoneError) -> (values: [Double], gradient: Matrix<Double>) {
    try model.acquisitionGradient(acquisition, at: points)
  }
}

/// A sum of acquisition objectives over the same inputs: terms each under its own
/// Gaussian process, or log EHVI beside such terms (Optuna's LogCEHVI).
///
/// Constrained log EI is one: log EI of the objective's model plus, for each
/// constraint modeled by a GP of its own, the log probability log Φ((μᵢ − tᵢ)/σᵢ)
/// that it holds, the standardized threshold tᵢ standing for cᵢ = 0 (Optuna's
/// LogCEI, which takes the constraints as independent). A single term evaluates
/// exactly as its model's `acquisition(_:at:)` and `acquisitionGradient(_:at:)`.
public struct GPAcquisitionSum: GPAcquisitionObjective {
  /// The parts, at least one; the first one's model sets the space's columns.
  public let parts: [any GPAcquisitionObjective]

  /// Throws `invalidArgument` with no parts, or when the parts' input columns differ.
  public init(_ parts: [any GPAcquisitionObjective]) throws(HoneError) {
    guard let first = parts.first else { throw .invalidArgument("GPAcquisitionSum: at least one term is needed") }
    for p in parts where p.lead.kernel.dimensions != first.lead.kernel.dimensions {
      throw .invalidArgument("GPAcquisitionSum: the models' input columns differ")
    }
    self.parts = parts
  }

  /// The model whose inputs and columns the points are checked against.
  public var lead: GaussianProcess { parts[0].lead }

  /// The first part's lengthscales: the objective's, before any constraint's.
  public var lengthscales: [Double] { parts[0].lengthscales }

  /// The sum at each row of `points` (m×d). Throws as `GaussianProcess.acquisition(_:at:)`.
  public func values(at points: Matrix<Double>) throws(HoneError) -> [Double] {
    var total = try parts[0].values(at: points)
    for p in parts.dropFirst() {
      let v = try p.values(at: points)
      for i in total.indices { total[i] += v[i] }
    }
    return total
  }

  /// The sum at each row of `points` (m×d) and its gradient in x, an m×d matrix: the parts' sums.
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
