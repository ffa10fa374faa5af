@testable import HoneNumerics
import HoneSupport
import XCTest

internal import HonePlatform

/// A cold fit on many points: its hyperparameters come from a subset, its cost is bounded, its model sees every point.
final class GPColdStartTests: XCTestCase {
  static let kinds: [GPDimensionKind] = [.continuous, .continuous, .continuous]

  /// Options whose subset is small enough for a debug build.
  static func subsetOptions(_ subset: Int = 40, refinement: Int = 4) -> GPFitOptions {
    GPFitOptions(subsetSize: subset, refinementEvaluations: refinement)
  }

  func testColdFitOnManyPointsFactorsAllOfThemAFixedNumberOfTimes() throws {
    let x = GPFixtures.inputs(150, Self.kinds, seed: 3)
    var rng = Xoshiro256(seed: 4)
    let model = try GaussianProcess.fit(
      inputs: x, targets: GPFixtures.targets(x), dimensions: Self.kinds, options: Self.subsetOptions(), using: &rng)
    let summary = try XCTUnwrap(model.fitSummary)
    XCTAssertEqual(summary.subsetSize, 40)
    XCTAssertFalse(summary.usedWarmStart)
    // The refinement's evaluations and at most one conditioning, whatever the subset's starts cost.
    XCTAssertLessThanOrEqual(summary.fullDataFactorizations, 4 + 1)
    XCTAssertGreaterThan(summary.evaluations, summary.fullDataFactorizations, "the starts ran on the subset")
    XCTAssertEqual(model.count, 150)
  }

  func testFewPointsAndWarmStartsNeverTakeTheSubset() throws {
    let x = GPFixtures.inputs(60, Self.kinds, seed: 5)
    let y = GPFixtures.targets(x)
    var rng = Xoshiro256(seed: 6)
    let small = try GaussianProcess.fit(
      inputs: x, targets: y, dimensions: Self.kinds, options: Self.subsetOptions(60), using: &rng)
    XCTAssertNil(try XCTUnwrap(small.fitSummary).subsetSize)
    let warm = try GaussianProcess.fit(
      inputs: x, targets: y, dimensions: Self.kinds, options: Self.subsetOptions(20),
      warmStart: small.kernel.hyperparameters, using: &rng)
    let summary = try XCTUnwrap(warm.fitSummary)
    XCTAssertTrue(summary.usedWarmStart)
    XCTAssertNil(summary.subsetSize)
    XCTAssertEqual(summary.starts, 1)
  }

  func testSubsetHyperparametersNearlyMaximizeTheFullPosterior() throws {
    let n = 160
    let x = GPFixtures.inputs(n, Self.kinds, seed: 7)
    let y = GPFixtures.targets(x)
    var rng = Xoshiro256(seed: 8)
    let full = try GaussianProcess.fit(
      inputs: x, targets: y, dimensions: Self.kinds, options: Self.subsetOptions(n), using: &rng)
    let subset = try GaussianProcess.fit(
      inputs: x, targets: y, dimensions: Self.kinds, options: Self.subsetOptions(50, refinement: 10), using: &rng)
    let (fullSummary, subsetSummary) = (try XCTUnwrap(full.fitSummary), try XCTUnwrap(subset.fitSummary))
    XCTAssertNil(fullSummary.subsetSize)
    XCTAssertEqual(subsetSummary.subsetSize, 50)

    // The reported objective is that of all n points at the chosen hyperparameters, not the subset's.
    var objective = try GPNegativeLogPosterior(inputs: x, targets: y, shape: .matern52, dimensions: Self.kinds)
    let h = subset.kernel.hyperparameters
    var gradient: [Double] = []
    let atSubset = try objective.evaluate(h.logLengthscales + [h.logOutputscale, h.logNoise], gradient: &gradient)
    XCTAssertEqual(subsetSummary.objective, atSubset, accuracy: 1e-9 * max(1, abs(atSubset)))
    // Within a fiftieth of a nat per point of the full multi-start fit (about 0.007 at these seeds).
    XCTAssertLessThan(subsetSummary.objective - fullSummary.objective, 0.02 * Double(n))
  }

  func testSubsetFitConditionsOnEveryPointLikeADenseSolve() throws {
    let x = GPFixtures.inputs(90, Self.kinds, seed: 9)
    let y = GPFixtures.targets(x)
    var rng = Xoshiro256(seed: 10)
    let model = try GaussianProcess.fit(
      inputs: x, targets: y, dimensions: Self.kinds, options: Self.subsetOptions(30), using: &rng)
    XCTAssertEqual(model.fitSummary?.subsetSize, 30)
    let kernel = model.kernel
    let train = GPFixtures.rows(x)
    let noise = exp(kernel.hyperparameters.logNoise) + model.jitter
    let k = train.indices.map { i in
      train.indices.map { j in GPFixtures.covariance(train[i], train[j], kernel) + (i == j ? noise : 0) }
    }
    let alpha = GPFixtures.solve(k, y)
    let prediction = try model.predict(x)
    for (t, point) in train.enumerated() {
      let mean = zip(train.map { GPFixtures.covariance($0, point, kernel) }, alpha).reduce(0) { $0 + $1.0 * $1.1 }
      XCTAssertEqual(prediction.mean[t], mean, accuracy: 1e-8 * max(1, abs(mean)), "mean at training point \(t)")
    }
  }

  func testNegligibleKernelValuesAreExactlyZero() {
    for shape in [GPKernelShape.matern52, .rbf] {
      let cutoff = shape.negligibleSquaredDistance
      let below = shape.profile(cutoff.nextDown)
      XCTAssertGreaterThan(below, 0, "\(shape)")
      XCTAssertLessThan(below, 1.3e-100, "\(shape): nothing dropped is larger")
      XCTAssertEqual(shape.profile(cutoff.nextUp), 0, "\(shape)")
      XCTAssertTrue(shape.profileAndSlope(cutoff.nextUp) == (0, 0), "\(shape)")
    }
  }

  func testFitRejectsBadSubsetOptions() {
    let x = GPFixtures.inputs(10, Self.kinds, seed: 13)
    for options in [GPFitOptions(subsetSize: 1), GPFitOptions(refinementEvaluations: 0)] {
      var rng = Xoshiro256(seed: 14)
      XCTAssertThrowsError(
        try GaussianProcess.fit(
          inputs: x, targets: GPFixtures.targets(x), dimensions: Self.kinds, options: options, using: &rng)
      ) { error in
        guard case .invalidArgument? = error as? HoneError else { return XCTFail("\(options): \(error)") }
      }
    }
  }
}
