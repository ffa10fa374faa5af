/// One term of a `GPAcquisitionSum`: an acquisition function under its own Gaussian process.
public struct GPAcquisitionTerm: Sendable {
  public var model: GaussianProcess
  public var acquisition: GPAcquisition

  public init(model: GaussianProcess, acquisition: GPAcquisition) {
    self.model = model
    self.acquisition = acquisition
  }
}

/// A sum of acquisition functions, each under its own Gaussian process over the same inputs.
///
/// Constrained log EI is one: log EI of the objective's model plus, for each
/// constraint modeled by a GP of its own, the log probability log Φ((μᵢ − tᵢ)/σᵢ)
/// that it holds, the standardized threshold tᵢ standing for cᵢ = 0 (Optuna's
/// LogCEI, which takes the constraints as independent). A single term evaluates
/// exactly as its model's `acquisition(_:at:)` and `acquisitionGradient(_:at:)`.
public struct GPAcquisitionSum: GPAcquisitionObjective {
  /// The terms, at least one; the first one's model sets the space's columns.
  public let terms: [GPAcquisitionTerm]

  /// Throws `invalidArgument` with no terms, or when the models' input columns differ.
  public init(_ terms: [GPAcquisitionTerm]) throws(HoneError) {
    guard let first = terms.first else { throw .invalidArgument("GPAcquisitionSum: at least one term is needed") }
    for t in terms where t.model.kernel.dimensions != first.model.kernel.dimensions {
      throw .invalidArgument("GPAcquisitionSum: the models' input columns differ")
    }
    self.terms = terms
  }

  /// The model whose inputs and columns the points are checked against.
  public var lead: GaussianProcess { terms[0].model }

  /// The sum at each row of `points` (m×d). Throws as `GaussianProcess.acquisition(_:at:)`.
  public func values(at points: Matrix<Double>) throws(HoneError) -> [Double] {
    var total = try terms[0].model.acquisition(terms[0].acquisition, at: points)
    for t in terms.dropFirst() {
      let v = try t.model.acquisition(t.acquisition, at: points)
      for i in total.indices { total[i] += v[i] }
    }
    return total
  }

  /// The sum at each row of `points` (m×d) and its gradient in x, an m×d matrix: the terms' sums.
  public func valuesAndGradient(
    at points: Matrix<Double>
  ) throws(HoneError) -> (values: [Double], gradient: Matrix<Double>) {
    var (total, gradient) = try terms[0].model.acquisitionGradient(terms[0].acquisition, at: points)
    for t in terms.dropFirst() {
      let (v, g) = try t.model.acquisitionGradient(t.acquisition, at: points)
      for i in total.indices { total[i] += v[i] }
      for i in gradient.storage.indices { gradient.storage[i] += g.storage[i] }
    }
    return (total, gradient)
  }
}
