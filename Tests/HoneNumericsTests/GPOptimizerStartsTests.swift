import HoneNumerics
import HoneSupport
import XCTest

/// The caller's candidates start local searches of their own, however low their acquisition.
final class GPOptimizerStartsTests: XCTestCase {
  /// A broad low hill at 0.2 (height 1) and a narrow high peak at 0.9 (height 3), on one input.
  struct TwoBasins: GPAcquisitionObjective {
    let lead: GaussianProcess
    var lengthscales: [Double] { [1] }

    static func value(_ x: Double) -> (Double, Double) {
      let hill = exp(-(x - 0.2) * (x - 0.2) / 0.5)
      let peak = 3 * exp(-(x - 0.9) * (x - 0.9) / 0.002)
      return (hill + peak, hill * -2 * (x - 0.2) / 0.5 + peak * -2 * (x - 0.9) / 0.002)
    }

    func values(at points: Matrix<Double>) throws(HoneError) -> [Double] {
      (0..<points.rows).map { Self.value(points[$0, 0]).0 }
    }

    func valuesAndGradient(
      at points: Matrix<Double>
    ) throws(HoneError) -> (values: [Double], gradient: Matrix<Double>) {
      var gradient = Matrix<Double>(rows: points.rows, cols: 1)
      var values: [Double] = []
      for i in 0..<points.rows {
        let (v, g) = Self.value(points[i, 0])
        values.append(v)
        gradient[i, 0] = g
      }
      return (values, gradient)
    }
  }

  private func objective() throws -> TwoBasins {
    var rng = Xoshiro256(seed: 1)
    let x = try Matrix(rowMajor: [[0.1], [0.5], [0.7]])
    let model = try GaussianProcess.fit(
      inputs: x, targets: [-1, 0, 1], dimensions: [.continuous], options: GPFitOptions(deterministic: true),
      using: &rng)
    return TwoBasins(lead: model)
  }

  func testACandidateBelowTheSobolPointsStillStartsASearch() throws {
    let objective = try objective()
    // At 0.8 the peak's slope is climbable but the value, about 0.5, is below the hill's.
    XCTAssertLessThan(TwoBasins.value(0.8).0, 0.55)
    let space: [GPSearchDimension] = [.continuous(lower: 0, upper: 1)]
    // One Sobol point and one start: without its own start the candidate would lose the roulette to the hill.
    let optimizer = GPAcquisitionOptimizer(rawSamples: 1, starts: 1)
    for seed in 0..<8 as Range<UInt64> {
      var rng = Xoshiro256(seed: seed)
      let found = try optimizer.maximize(
        objective, space: space, candidates: try Matrix(rowMajor: [[0.8]]), using: &rng)
      // The hill's tail moves the top a little off 0.9; the hill's own top is below 1.03.
      XCTAssertEqual(found.point[0], 0.9, accuracy: 0.01, "seed \(seed)")
      XCTAssertGreaterThanOrEqual(found.value, TwoBasins.value(0.9).0, "seed \(seed)")
    }
  }

  func testWithoutCandidatesTheBestSobolPointStarts() throws {
    let objective = try objective()
    var rng = Xoshiro256(seed: 3)
    let found = try GPAcquisitionOptimizer(rawSamples: 1, starts: 1).maximize(
      objective, space: [.continuous(lower: 0, upper: 1)], using: &rng)
    // One Sobol point and one search: it climbs whichever basin the point is in, to that basin's top.
    let top = found.point[0] > 0.6 ? 0.9 : 0.2
    XCTAssertEqual(found.point[0], top, accuracy: 0.01)
    XCTAssertEqual(abs(TwoBasins.value(found.point[0]).1), 0, accuracy: 1e-3, "a stationary point")
  }
}
