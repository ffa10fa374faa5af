import HoneNumerics
import HoneSupport
import XCTest

@testable import HoneNumerics

/// Log EHVI against the mean of exact hypervolume improvements over its own samples, and
/// its gradient against finite differences.
final class GPExpectedHypervolumeImprovementTests: XCTestCase {
  private let kinds: [GPDimensionKind] = [.continuous, .continuous]

  /// Two (or three) objectives in tension on [0, 1]², standardized, larger is better.
  private func problem(objectives m: Int) throws -> (GPExpectedHypervolumeImprovement, [[Double]]) {
    let x = GPFixtures.inputs(20, kinds, seed: 70)
    let rows = GPFixtures.rows(x)
    let targets: [(([Double]) -> Double)] = [
      { -($0[0] * $0[0] + $0[1] * $0[1]) }, { -(($0[0] - 1) * ($0[0] - 1) + $0[1] * $0[1]) },
      { -($0[0] * $0[0] + ($0[1] - 1) * ($0[1] - 1)) },
    ]
    var models: [GaussianProcess] = []
    var columns: [[Double]] = []
    for k in 0..<m {
      var rng = Xoshiro256(seed: 71 + UInt64(k))
      let y = GPFixtures.standardized(rows.map(targets[k]))
      columns.append(y)
      models.append(try GaussianProcess.fit(inputs: x, targets: y, dimensions: kinds, options: GPFitOptions(), using: &rng))
    }
    let values = rows.indices.map { i in columns.map { $0[i] } }
    var rng = Xoshiro256(seed: 79)
    return (try GPExpectedHypervolumeImprovement(models: models, values: values, sampleCount: 64, using: &rng), values)
  }

  func testTheValueIsTheLogOfTheMeanExactImprovementOverItsSamples() throws {
    for m in [2, 3] {
      let (ehvi, values) = try problem(objectives: m)
      let losses = values.map { $0.map { -$0 } }
      let reference = (0..<m).map { k in
        let worst = losses.map { $0[k] }.max()!
        return max(1.1 * worst, 0.9 * worst).nextUp
      }
      let base = try Hypervolume.compute(points: losses, reference: reference)
      let points = GPFixtures.inputs(12, kinds, seed: 80)
      let computed = try ehvi.values(at: points)
      for j in 0..<points.rows {
        let p = try ehvi.models.map { try $0.predict(points.selectingRows([j])) }
        var total = 0.0
        for s in 0..<ehvi.sampleCount {
          let y = (0..<m).map { k in -(p[k].mean[0] + p[k].variance[0].squareRoot() * ehvi.samples[s * m + k]) }
          total += try Hypervolume.compute(points: losses + [y], reference: reference) - base
        }
        let exact = log(total / Double(ehvi.sampleCount))
        // The ε floor adds at most (boxes · ε^m) per sample, far below these improvements.
        XCTAssertEqual(computed[j], exact, accuracy: 1e-6 * max(1, abs(exact)), "m \(m), point \(j)")
      }
    }
  }

  func testTheGradientMatchesFiniteDifferences() throws {
    let (ehvi, _) = try problem(objectives: 2)
    let points = GPFixtures.inputs(8, kinds, seed: 81)
    let (values, gradient) = try ehvi.valuesAndGradient(at: points)
    // The gradient path reads σ as (μ + σ) − μ, so the two paths agree to rounding.
    for (a, b) in zip(values, try ehvi.values(at: points)) { XCTAssertEqual(a, b, accuracy: 1e-9 * max(1, abs(b))) }
    let h = 1e-6
    for j in 0..<points.rows {
      for c in 0..<2 {
        var up = points.selectingRows([j])
        var down = up
        up.storage[c] += h
        down.storage[c] -= h
        let numeric = (try ehvi.values(at: up)[0] - ehvi.values(at: down)[0]) / (2 * h)
        XCTAssertEqual(gradient.storage[c * points.rows + j], numeric, accuracy: 1e-4 * max(1, abs(numeric)), "point \(j), \(c)")
      }
    }
  }

  func testBadArgumentsAreRefused() throws {
    let (ehvi, values) = try problem(objectives: 2)
    var rng = Xoshiro256(seed: 1)
    XCTAssertThrowsError(try GPExpectedHypervolumeImprovement(models: [ehvi.models[0]], values: values, using: &rng))
    XCTAssertThrowsError(
      try GPExpectedHypervolumeImprovement(models: ehvi.models, values: [[0, .nan]], using: &rng))
    XCTAssertThrowsError(try GPExpectedHypervolumeImprovement(models: ehvi.models, values: [[0]], using: &rng))
    XCTAssertThrowsError(
      try GPExpectedHypervolumeImprovement(models: ehvi.models, values: values, sampleCount: 0, using: &rng))
  }
}
