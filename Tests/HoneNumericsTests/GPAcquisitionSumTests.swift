import HoneNumerics
import HoneSupport
import XCTest

internal import HonePlatform

/// Sums of acquisition functions under several models: constrained log EI, as Optuna's LogCEI.
final class GPAcquisitionSumTests: XCTestCase {
  private let kinds: [GPDimensionKind] = [.continuous, .continuous]

  /// A GP fitted to the constraint c(x) = x₀ + x₁ − 1 (feasible where ≤ 0), negated and
  /// standardized as the sampler does, with the threshold c = 0 mapped the same way.
  private func constraintModel() throws -> (model: GaussianProcess, threshold: Double) {
    let x = GPFixtures.inputs(30, kinds, seed: 60)
    let negated = GPFixtures.rows(x).map { -($0[0] + $0[1] - 1) }
    let mean = negated.reduce(0, +) / Double(negated.count)
    let sd = (negated.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(negated.count)).squareRoot()
    var rng = Xoshiro256(seed: 61)
    let model = try GaussianProcess.fit(
      inputs: x, targets: negated.map { ($0 - mean) / sd }, dimensions: kinds, options: GPFitOptions(), using: &rng)
    return (model, (0 - mean) / sd)
  }

  private func objectiveModel() throws -> GaussianProcess {
    let x = GPFixtures.inputs(25, kinds, seed: 62)
    let y = GPFixtures.standardized(GPFixtures.rows(x).map(GPFixtures.bowl))
    var rng = Xoshiro256(seed: 63)
    return try GaussianProcess.fit(inputs: x, targets: y, dimensions: kinds, options: GPFitOptions(), using: &rng)
  }

  func testTheFeasibilityTermIsTheLogNormalCDFOfTheFittedPosterior() throws {
    let (model, threshold) = try constraintModel()
    let sum = try GPAcquisitionSum([GPAcquisitionTerm(model: model, acquisition: .logProbabilityOfImprovement(best: threshold))])
    let points = GPFixtures.inputs(50, kinds, seed: 64)
    let values = try sum.values(at: points)
    let prediction = try model.predict(points)
    for i in 0..<points.rows {
      let z = (prediction.mean[i] - threshold) / prediction.variance[i].squareRoot()
      let probability = 0.5 * erfc(-z / 2.0.squareRoot())
      XCTAssertEqual(values[i], log(probability), accuracy: 1e-9 * max(1, abs(log(probability))), "point \(i)")
    }
    // Deep inside and far outside the feasible half, the fitted model is sure.
    let sure = try sum.values(at: Matrix(rowMajor: [[0.1, 0.1], [0.9, 0.95]]))
    XCTAssertGreaterThan(exp(sure[0]), 0.99)
    XCTAssertLessThan(exp(sure[1]), 0.01)
  }

  func testASumIsItsTermsAndItsGradientIsTheirs() throws {
    // A wiggly constraint the model cannot fit exactly keeps σ and the log-probabilities moderate.
    let x = GPFixtures.inputs(20, kinds, seed: 71)
    var rng = Xoshiro256(seed: 72)
    let constraint = try GaussianProcess.fit(
      inputs: x, targets: GPFixtures.standardized(GPFixtures.rows(x).map { sin(9 * $0[0]) + cos(7 * $0[1]) }),
      dimensions: kinds, options: GPFitOptions(), using: &rng)
    let z = GPFixtures.inputs(20, kinds, seed: 73)
    let objective = try GaussianProcess.fit(
      inputs: z, targets: GPFixtures.standardized(GPFixtures.rows(z).map { sin(8 * $0[0] + 5 * $0[1]) }),
      dimensions: kinds, options: GPFitOptions(), using: &rng)
    let terms = [
      GPAcquisitionTerm(model: objective, acquisition: .logExpectedImprovement(best: 0.8)),
      GPAcquisitionTerm(model: constraint, acquisition: .logProbabilityOfImprovement(best: 0.3)),
      GPAcquisitionTerm(model: constraint, acquisition: .logProbabilityOfImprovement(best: -0.5)),
    ]
    let sum = try GPAcquisitionSum(terms)
    let points = GPFixtures.inputs(16, kinds, seed: 65)
    let parts = try terms.map { try $0.model.acquisition($0.acquisition, at: points) }
    let partGradients = try terms.map { try $0.model.acquisitionGradient($0.acquisition, at: points).gradient }
    let (values, gradient) = try sum.valuesAndGradient(at: points)
    let plain = try sum.values(at: points)
    let h = 1e-6
    var checked = 0
    for r in 0..<points.rows {
      XCTAssertEqual(plain[r], parts[0][r] + parts[1][r] + parts[2][r], accuracy: 1e-12 * max(1, abs(plain[r])))
      XCTAssertEqual(values[r], plain[r], accuracy: 1e-9 * max(1, abs(plain[r])), "point \(r)")
      for k in 0..<2 {
        let total = partGradients[0][r, k] + partGradients[1][r, k] + partGradients[2][r, k]
        XCTAssertEqual(gradient[r, k], total, accuracy: 1e-12 * max(1, abs(total)))
      }
      // Finite differences are accurate where the log-probabilities are not deep in a tail.
      guard abs(plain[r]) < 50 else { continue }
      checked += 1
      for k in 0..<2 {
        var (up, down) = (points, points)
        up[r, k] += h
        down[r, k] -= h
        let numeric = (try sum.values(at: up)[r] - sum.values(at: down)[r]) / (2 * h)
        XCTAssertEqual(gradient[r, k], numeric, accuracy: 1e-5 * max(1, abs(numeric)), "point \(r) column \(k)")
      }
    }
    XCTAssertGreaterThan(checked, 2)
  }

  func testOneTermIsExactlyItsModelsAcquisitionAndItsMaximum() throws {
    let objective = try objectiveModel()
    let acquisition = GPAcquisition.logExpectedImprovement(best: 1)
    let sum = try GPAcquisitionSum([GPAcquisitionTerm(model: objective, acquisition: acquisition)])
    let points = GPFixtures.inputs(7, kinds, seed: 66)
    XCTAssertEqual(try sum.values(at: points), try objective.acquisition(acquisition, at: points))
    let (values, gradient) = try sum.valuesAndGradient(at: points)
    let direct = try objective.acquisitionGradient(acquisition, at: points)
    XCTAssertEqual(values, direct.values)
    XCTAssertEqual(gradient, direct.gradient)
    let space: [GPSearchDimension] = [.continuous(lower: 0, upper: 1), .continuous(lower: 0, upper: 1)]
    let optimizer = GPAcquisitionOptimizer(rawSamples: 128, starts: 3)
    var a = Xoshiro256(seed: 67)
    var b = Xoshiro256(seed: 67)
    XCTAssertEqual(
      try optimizer.maximize(sum, space: space, using: &a),
      try optimizer.maximize(acquisition, model: objective, space: space, using: &b))
  }

  func testTheConstrainedMaximumIsFeasible() throws {
    // The bowl's optimum (0.3, 0.7) lies on c = 0; the feasibility term pulls the maximum inside.
    let (constraint, threshold) = try constraintModel()
    let objective = try objectiveModel()
    let space: [GPSearchDimension] = [.continuous(lower: 0, upper: 1), .continuous(lower: 0, upper: 1)]
    var rng = Xoshiro256(seed: 68)
    let best = try GPAcquisitionOptimizer().maximize(
      try GPAcquisitionSum([
        GPAcquisitionTerm(model: constraint, acquisition: .logProbabilityOfImprovement(best: threshold))
      ]), space: space, using: &rng)
    XCTAssertLessThan(best.point[0] + best.point[1], 1, "feasibility alone is maximized inside the feasible half")
    XCTAssertGreaterThan(exp(best.value), 0.99)
  }

  func testEmptyOrMismatchedTermsAreRefused() throws {
    XCTAssertThrowsError(try GPAcquisitionSum([]))
    let x = GPFixtures.inputs(10, [.continuous], seed: 69)
    var rng = Xoshiro256(seed: 70)
    let oneColumn = try GaussianProcess.fit(
      inputs: x, targets: GPFixtures.standardized(GPFixtures.rows(x).map { $0[0] }), dimensions: [.continuous],
      options: GPFitOptions(), using: &rng)
    XCTAssertThrowsError(
      try GPAcquisitionSum([
        GPAcquisitionTerm(model: try objectiveModel(), acquisition: .upperConfidenceBound(beta: 1)),
        GPAcquisitionTerm(model: oneColumn, acquisition: .upperConfidenceBound(beta: 1)),
      ]))
  }
}
