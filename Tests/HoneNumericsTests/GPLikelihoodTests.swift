@testable import HoneNumerics
import HoneSupport
import XCTest

internal import HonePlatform

/// The MAP objective's analytic gradient against finite differences, and the fit built on it.
final class GPLikelihoodTests: XCTestCase {
  /// Compares the analytic gradient with central differences in every coordinate of θ.
  private func assertGradientMatchesFiniteDifferences(
    shape: GPKernelShape, kinds: [GPDimensionKind], theta: [Double], seed: UInt64, prior: GPPrior = GPPrior(),
    file: StaticString = #filePath, line: UInt = #line
  ) throws {
    let x = GPFixtures.inputs(35, kinds, seed: seed)
    var objective = try GPNegativeLogPosterior(
      inputs: x, targets: GPFixtures.targets(x), shape: shape, dimensions: kinds, prior: prior)
    var gradient: [Double] = []
    let value = try objective.evaluate(theta, gradient: &gradient)
    XCTAssertTrue(value.isFinite, file: file, line: line)
    XCTAssertEqual(gradient.count, theta.count, file: file, line: line)
    var scratch: [Double] = []
    let h = 1e-5
    for i in theta.indices {
      var (up, down) = (theta, theta)
      up[i] += h
      down[i] -= h
      let numeric =
        (try objective.evaluate(up, gradient: &scratch) - objective.evaluate(down, gradient: &scratch)) / (2 * h)
      XCTAssertEqual(
        gradient[i], numeric, accuracy: 1e-6 * max(1, abs(numeric)),
        "\(shape) ∂/∂θ[\(i)]", file: file, line: line)
    }
  }

  func testMaternGradientMatchesFiniteDifferences() throws {
    try assertGradientMatchesFiniteDifferences(
      shape: .matern52, kinds: GPFixtures.mixedKinds, theta: [log(0.2), log(1.5), log(0.7), log(0.8), log(0.05)],
      seed: 20)
  }

  func testRBFGradientMatchesFiniteDifferences() throws {
    try assertGradientMatchesFiniteDifferences(
      shape: .rbf, kinds: GPFixtures.mixedKinds, theta: [log(0.4), log(0.6), log(0.25), log(2.0), log(0.002)],
      seed: 21)
  }

  func testOptunaLengthscalePriorGradientAndMode() throws {
    let prior = GPPrior(lengthscaleFamily: .optuna)
    try assertGradientMatchesFiniteDifferences(
      shape: .matern52, kinds: GPFixtures.mixedKinds, theta: [log(0.3), log(2.5), log(0.7), log(0.8), log(0.05)],
      seed: 22, prior: prior)
    // −0.1(ℓ² + 1/ℓ²) peaks at ℓ = 1: log p(1) − log p(2) = −0.2 + 0.425.
    var g = [Double](repeating: 0, count: 3)
    let atOne = prior.logDensity([0, 0, 0], gradient: &g)
    XCTAssertEqual(g[0], 0, accuracy: 1e-12)
    let atTwo = prior.logDensity([log(2), 0, 0], gradient: &g)
    XCTAssertEqual(atOne - atTwo, 0.1 * (4 + 0.25 - 2), accuracy: 1e-12)
    XCTAssertEqual(prior.lengthscaleMode(dimensionCount: 7), 0)
  }

  func testGradientWithTwoCategoricalColumnsAndLargeLengthscales() throws {
    try assertGradientMatchesFiniteDifferences(
      shape: .matern52, kinds: [.categorical, .continuous, .categorical, .continuous],
      theta: [log(3), log(5), log(0.3), log(0.9), log(0.6), log(1e-4)], seed: 22)
  }

  func testFitPrefersShortLengthscaleOnTheRelevantColumn() throws {
    // y depends on column 0 only; column 1 is irrelevant.
    let x = GPFixtures.inputs(40, [.continuous, .continuous], seed: 23)
    let y = GPFixtures.standardized(GPFixtures.rows(x).map { sin(8 * $0[0]) })
    var rng = Xoshiro256(seed: 1)
    let model = try GaussianProcess.fit(inputs: x, targets: y, dimensions: [.continuous, .continuous], using: &rng)
    let lengthscales = model.kernel.hyperparameters.lengthscales
    XCTAssertLessThan(lengthscales[0], 0.5)
    XCTAssertGreaterThan(lengthscales[1], 3 * lengthscales[0])
    XCTAssertLessThan(model.kernel.hyperparameters.noise, 0.01, "noise-free data")
    let summary = try XCTUnwrap(model.fitSummary)
    XCTAssertEqual(summary.starts, 3, "default start plus two restarts")
    XCTAssertFalse(summary.usedWarmStart)

    // The fitted model predicts held-out points well.
    let test = GPFixtures.inputs(20, [.continuous, .continuous], seed: 24)
    let prediction = try model.predict(test)
    let truth = GPFixtures.rows(test).map { sin(8 * $0[0]) }
    let yRaw = GPFixtures.rows(x).map { sin(8 * $0[0]) }
    let mean = yRaw.reduce(0, +) / 40
    let sd = (yRaw.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 40).squareRoot()
    for (p, t) in zip(prediction.mean, truth) { XCTAssertEqual(p * sd + mean, t, accuracy: 0.1) }
  }

  func testWarmStartReachesTheSameObjectiveWithFewerEvaluations() throws {
    let kinds = GPFixtures.mixedKinds
    let x = GPFixtures.inputs(60, kinds, seed: 25)
    let y = GPFixtures.targets(x)
    var rng = Xoshiro256(seed: 2)
    let cold = try GaussianProcess.fit(inputs: x, targets: y, dimensions: kinds, using: &rng)
    let warm = try GaussianProcess.fit(
      inputs: x, targets: y, dimensions: kinds, warmStart: cold.kernel.hyperparameters, using: &rng)
    let (coldSummary, warmSummary) = (try XCTUnwrap(cold.fitSummary), try XCTUnwrap(warm.fitSummary))
    XCTAssertTrue(warmSummary.usedWarmStart)
    XCTAssertEqual(warmSummary.starts, 1)
    XCTAssertLessThan(warmSummary.evaluations, coldSummary.evaluations / 3)
    XCTAssertEqual(warmSummary.objective, coldSummary.objective, accuracy: 1e-3 * abs(coldSummary.objective))
  }

  func testDeterministicPinsTheNoiseAtTheFloor() throws {
    let x = GPFixtures.inputs(25, [.continuous, .continuous], seed: 26)
    let y = GPFixtures.standardized(GPFixtures.rows(x).map { $0[0] * $0[1] })
    var rng = Xoshiro256(seed: 3)
    let options = GPFitOptions(deterministic: true, noiseFloor: 1e-6)
    let model = try GaussianProcess.fit(
      inputs: x, targets: y, dimensions: [.continuous, .continuous], options: options, using: &rng)
    XCTAssertEqual(model.kernel.hyperparameters.logNoise, log(1e-6), accuracy: 1e-12)
    let atData = try model.predict(x)
    for (m, t) in zip(atData.mean, y) { XCTAssertEqual(m, t, accuracy: 1e-3, "interpolates") }
  }

  func testConstantTargetsAndDuplicatePointsFitWithoutError() throws {
    var x = GPFixtures.inputs(12, [.continuous], seed: 27)
    for i in 6..<12 { x[i, 0] = x[i - 6, 0] }
    var rng = Xoshiro256(seed: 4)
    let model = try GaussianProcess.fit(
      inputs: x, targets: [Double](repeating: 0, count: 12), dimensions: [.continuous], using: &rng)
    let prediction = try model.predict(GPFixtures.inputs(5, [.continuous], seed: 28))
    for (m, v) in zip(prediction.mean, prediction.variance) {
      XCTAssertEqual(m, 0, accuracy: 1e-9)
      XCTAssertTrue(v.isFinite && v > 0)
    }
  }

  func testIdenticalInputsWithConflictingTargetsAreExplainedAsNoise() throws {
    let x = Matrix<Double>(rows: 30, cols: 2, repeating: 0.5)
    let y = GPFixtures.standardized((0..<30).map { Double($0 % 5) })
    var rng = Xoshiro256(seed: 6)
    let model = try GaussianProcess.fit(inputs: x, targets: y, dimensions: [.continuous, .continuous], using: &rng)
    XCTAssertGreaterThan(model.kernel.hyperparameters.noise, 0.3, "the spread can only be noise")
    let prediction = try model.predict(x)
    XCTAssertEqual(prediction.mean[0], 0, accuracy: 0.1)
  }

  func testFitRejectsBadOptions() {
    let x = GPFixtures.inputs(4, [.continuous], seed: 29)
    var rng = Xoshiro256(seed: 5)
    for options in [
      GPFitOptions(noiseFloor: 0), GPFitOptions(restarts: -1), GPFitOptions(prior: GPPrior(lengthscaleScale: 0)),
    ] {
      XCTAssertThrowsError(
        try GaussianProcess.fit(
          inputs: x, targets: [0, 1, 0, -1], dimensions: [.continuous], options: options, using: &rng))
    }
  }
}
