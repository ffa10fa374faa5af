import HoneNumerics
import HoneSupport
import XCTest

/// The acquisition optimizer on functions whose maximizer is known.
final class GPOptimizerTests: XCTestCase {
  /// A GP fitted to the bowl at Sobol-like points, with larger-is-better targets.
  private func bowlModel(extra: [GPDimensionKind] = [], _ target: ([Double]) -> Double) throws -> GaussianProcess {
    let kinds: [GPDimensionKind] = [.continuous, .continuous] + extra
    var x = GPFixtures.inputs(40, kinds, levels: 3, seed: 40)
    for i in 0..<40 {
      for k in 2..<kinds.count where kinds[k] == .continuous { x[i, k] = (x[i, k] * 4).rounded() / 4 }
    }
    var rng = Xoshiro256(seed: 41)
    let y = GPFixtures.standardized(GPFixtures.rows(x).map(target))
    return try GaussianProcess.fit(
      inputs: x, targets: y, dimensions: kinds, options: GPFitOptions(deterministic: true), using: &rng)
  }

  func testFindsTheMaximumOfTheMean() throws {
    let model = try bowlModel(GPFixtures.bowl)
    var rng = Xoshiro256(seed: 42)
    let best = try GPAcquisitionOptimizer().maximize(
      .upperConfidenceBound(beta: 0), model: model,
      space: [.continuous(lower: 0, upper: 1), .continuous(lower: 0, upper: 1)], using: &rng)
    XCTAssertEqual(best.point[0], 0.3, accuracy: 0.03)
    XCTAssertEqual(best.point[1], 0.7, accuracy: 0.03)
    // No raw candidate or local search may beat the reported maximum.
    let check = try model.acquisition(
      .upperConfidenceBound(beta: 0), at: GPFixtures.inputs(2000, [.continuous, .continuous], seed: 43))
    XCTAssertGreaterThanOrEqual(best.value, check.max() ?? .infinity)
  }

  func testLogEIMaximumLiesNearTheOptimumAndIsReproducible() throws {
    let model = try bowlModel(GPFixtures.bowl)
    let best = model.targets.max() ?? 0
    let space: [GPSearchDimension] = [.continuous(lower: 0, upper: 1), .continuous(lower: 0, upper: 1)]
    var rng = Xoshiro256(seed: 44)
    let first = try GPAcquisitionOptimizer().maximize(
      .logExpectedImprovement(best: best), model: model, space: space, using: &rng)
    rng = Xoshiro256(seed: 44)
    let again = try GPAcquisitionOptimizer().maximize(
      .logExpectedImprovement(best: best), model: model, space: space, using: &rng)
    XCTAssertEqual(first, again)
    XCTAssertEqual(first.point[0], 0.3, accuracy: 0.1)
    XCTAssertEqual(first.point[1], 0.7, accuracy: 0.1)
  }

  func testRespectsBoundsAndDiscreteValues() throws {
    // Column 2 is a 5-value grid, column 3 a categorical with 3 codes; the best is at 0.75 and code 2.
    let model = try bowlModel(extra: [.continuous, .categorical]) { x in
      GPFixtures.bowl(x) - 0.5 * (x[2] - 0.75) * (x[2] - 0.75) + (x[3] == 2 ? 0.3 : 0)
    }
    let space: [GPSearchDimension] = [
      .continuous(lower: 0, upper: 0.25), .continuous(lower: 0, upper: 1), .discrete([0, 0.25, 0.5, 0.75, 1]),
      .discrete([0, 1, 2]),
    ]
    var rng = Xoshiro256(seed: 45)
    let best = try GPAcquisitionOptimizer().maximize(
      .upperConfidenceBound(beta: 0), model: model, space: space, using: &rng)
    XCTAssertEqual(best.point[0], 0.25, accuracy: 1e-9, "the optimum 0.3 lies outside; the bound is active")
    XCTAssertEqual(best.point[1], 0.7, accuracy: 0.05)
    XCTAssertEqual(best.point[2], 0.75)
    XCTAssertEqual(best.point[3], 2)
  }

  func testLargeGridIsRelaxedThenSnapped() throws {
    let model = try bowlModel(GPFixtures.bowl)
    let grid = (0...100).map { Double($0) / 100 }
    var rng = Xoshiro256(seed: 46)
    let best = try GPAcquisitionOptimizer().maximize(
      .upperConfidenceBound(beta: 0), model: model, space: [.discrete(grid), .continuous(lower: 0, upper: 1)],
      using: &rng)
    XCTAssertTrue(grid.contains(best.point[0]), "\(best.point[0]) is on the grid")
    XCTAssertEqual(best.point[0], 0.3, accuracy: 0.03)
    XCTAssertEqual(best.point[1], 0.7, accuracy: 0.03)
  }

  func testRejectsMalformedSpaces() throws {
    let model = try bowlModel(GPFixtures.bowl)
    var rng = Xoshiro256(seed: 47)
    let optimizer = GPAcquisitionOptimizer()
    for space: [GPSearchDimension] in [
      [.continuous(lower: 0, upper: 1)],
      [.continuous(lower: 1, upper: 0), .continuous(lower: 0, upper: 1)],
      [.discrete([]), .continuous(lower: 0, upper: 1)],
      [.discrete([.nan]), .continuous(lower: 0, upper: 1)],
    ] {
      XCTAssertThrowsError(
        try optimizer.maximize(.upperConfidenceBound(beta: 1), model: model, space: space, using: &rng))
    }
    XCTAssertThrowsError(
      try GPAcquisitionOptimizer(starts: 0).maximize(
        .upperConfidenceBound(beta: 1), model: model,
        space: [.continuous(lower: 0, upper: 1), .continuous(lower: 0, upper: 1)],
        using: &rng))
  }
}
