import XCTest

@testable import HoneNumerics
import HoneSupport

/// Metrics on small hand-worked examples.
final class MLPMetricsTests: XCTestCase {
  func testBinaryMetrics() {
    // Logits for p = sigmoid(z); labels 1,0,1,0; predictions 1,1,0,0.
    let z: [Float] = [2, 0.5, -0.5, -2]
    let y: [Float] = [1, 0, 1, 0]
    let m = MLPMetrics.compute(task: .binary, loss: 0, z: z, y: y, rows: 4, outputs: 1)
    XCTAssertEqual(m.accuracy, 0.5)
    XCTAssertEqual(m.precision, 0.5)
    XCTAssertEqual(m.recall, 0.5)
    XCTAssertEqual(m.f1, 0.5)
    // Positives score ranks 4 and 2 of 4: (6 − 3)/(2·2) = 0.75.
    XCTAssertEqual(m.rocAUC ?? 0, 0.75, accuracy: 1e-12)
    let p = [2, 0.5, -0.5, -2].map { 1 / (1 + exp(-$0)) }
    let ll = -(log(p[0]) + log(1 - p[1]) + log(p[2]) + log(1 - p[3])) / 4
    XCTAssertEqual(m.logLoss ?? 0, ll, accuracy: 1e-6)
  }

  func testMulticlassMacroMetrics() {
    // Predicted classes 0, 1, 1, 2 for labels 0, 1, 2, 2.
    let z: [Float] = [5, 0, 0, 0, 5, 0, 0, 5, 1, 0, 0, 5]
    let y: [Float] = [0, 1, 2, 2]
    let m = MLPMetrics.compute(task: .multiclass, loss: 0, z: z, y: y, rows: 4, outputs: 3)
    XCTAssertEqual(m.accuracy, 0.75)
    // Precision per class 1, 0.5, 1; recall 1, 1, 0.5.
    XCTAssertEqual(m.precision ?? 0, 2.5 / 3, accuracy: 1e-12)
    XCTAssertEqual(m.recall ?? 0, 2.5 / 3, accuracy: 1e-12)
    XCTAssertEqual(m.f1 ?? 0, (1 + 2.0 / 3 + 2.0 / 3) / 3, accuracy: 1e-12)
    XCTAssertNotNil(m.rocAUC)
  }

  func testRegressionMetrics() {
    let z: [Float] = [1, 2, 4]
    let y: [Float] = [1, 3, 3]
    let m = MLPMetrics.compute(task: .regression, loss: 0, z: z, y: y, rows: 3, outputs: 1)
    XCTAssertEqual(m.mse ?? 0, 2.0 / 3, accuracy: 1e-12)
    XCTAssertEqual(m.mae ?? 0, 2.0 / 3, accuracy: 1e-12)
    // Mean 7/3, total sum of squares 8/3: R² = 1 − 2/(8/3) = 0.25.
    XCTAssertEqual(m.r2 ?? 0, 0.25, accuracy: 1e-12)
    XCTAssertNil(m.accuracy)
  }

  func testAUCIsNilWithoutBothClasses() {
    let m = MLPMetrics.compute(task: .binary, loss: 0, z: [1, 2], y: [1, 1], rows: 2, outputs: 1)
    XCTAssertNil(m.rocAUC)
  }
}

extension MLPMetricsTests {
  func testAUCMatchesPairwiseCountingWithTies() {
    // Logits on a coarse grid force ties; AUC = P(score⁺ > score⁻) + ½·P(tie).
    var rng = Xoshiro256(seed: 12)
    let n = 257
    let z = (0..<n).map { _ in Float(Int(rng.nextUnit() * 9)) - 4 }
    let y = (0..<n).map { _ in Float(rng.nextUnit() < 0.4 ? 1 : 0) }
    var wins = 0.0
    var pairs = 0.0
    for i in 0..<n where y[i] == 1 {
      for j in 0..<n where y[j] == 0 {
        pairs += 1
        wins += z[i] > z[j] ? 1 : (z[i] == z[j] ? 0.5 : 0)
      }
    }
    let scratch = MLPMetricScratch(rows: n, classes: 2)
    let m = MLPMetrics.compute(task: .binary, loss: 0, z: z, y: y, rows: n, outputs: 1, scratch: scratch)
    XCTAssertEqual(m.rocAUC ?? 0, wins / pairs, accuracy: 1e-12)
    XCTAssertEqual(
      MLPMetrics.compute(task: .binary, loss: 0, z: z, y: y, rows: n, outputs: 1), m, "scratch changes nothing")
  }
}
