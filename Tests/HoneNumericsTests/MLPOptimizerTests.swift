import XCTest

@testable import HoneNumerics

/// First optimizer steps against values worked out by hand, and schedule multipliers.
///
/// A 1→1 network has parameters [w, b]; both start at 1 and see the gradients
/// g₁ = [0.5, −1] then g₂ = [−0.25, 0.5], with lr 0.1, momentum/ρ 0.9,
/// β = (0.9, 0.999), ε = 1e−8. Weight decay touches w only.
final class MLPOptimizerTests: XCTestCase {
  private func steps(_ kind: MLPOptimizerKind, configure: (inout MLPConfig) -> Void = { _ in }) throws -> [[Float]] {
    var config = MLPConfig()
    config.optimizer = kind
    config.learningRate = 0.1
    config.momentum = 0.9
    configure(&config)
    let layout = try MLPLayout(sizes: [1, 1])
    let opt = MLPOptimizer(kind: kind, layout: layout, config: config)
    var p: [Float] = [1, 1]
    var out: [[Float]] = []
    for g in [[Float(0.5), -1], [-0.25, 0.5]] {
      opt.step(&p, g, factor: 1)
      out.append(p)
    }
    return out
  }

  private func assertSteps(_ got: [[Float]], _ expected: [[Double]], _ name: String, line: UInt = #line) {
    for (s, (g, e)) in zip(got, expected).enumerated() {
      for i in 0..<2 {
        XCTAssertEqual(Double(g[i]), e[i], accuracy: 1e-6, "\(name) step \(s + 1) parameter \(i)", line: line)
      }
    }
  }

  func testSGD() throws {
    // w: 1 − 0.1·0.5 = 0.95, then 0.95 + 0.1·0.25 = 0.975.
    assertSteps(try steps(.sgd), [[0.95, 1.1], [0.975, 1.05]], "sgd")
  }

  func testMomentum() throws {
    // Buffer 0.5, then 0.9·0.5 − 0.25 = 0.2: w = 0.95 − 0.02 = 0.93.
    assertSteps(try steps(.momentum), [[0.95, 1.1], [0.93, 1.14]], "momentum")
  }

  func testNesterov() throws {
    // u₁ = 0.5 + 0.9·0.5 = 0.95; u₂ = −0.25 + 0.9·0.2 = −0.07.
    assertSteps(try steps(.nesterov), [[0.905, 1.19], [0.912, 1.176]], "nesterov")
  }

  func testAdaGrad() throws {
    // Σg² = 0.25 then 0.3125: u₂ = −0.25/√0.3125.
    assertSteps(try steps(.adagrad), [[0.9, 1.1], [0.94472136, 1.05527864]], "adagrad")
  }

  func testRMSProp() throws {
    // v₁ = 0.1·0.25 = 0.025, u₁ = 0.5/√0.025 = 3.1623.
    assertSteps(try steps(.rmsprop), [[0.68377225, 1.31622776], [0.83121420, 1.16878580]], "rmsprop")
  }

  func testAdam() throws {
    // The first bias-corrected step is sign(g)·lr; the second uses m̂ = 0.02/0.19, v̂ = 3.1225e−4/1.999e−3.
    assertSteps(try steps(.adam), [[0.9, 1.1], [0.87336630, 1.12663370]], "adam")
  }

  func testAdamWDecaysWeightsNotBiases() throws {
    // w ← w·(1 − 0.1·0.1) before each Adam step; the bias matches plain Adam.
    assertSteps(try steps(.adamw) { $0.weightDecay = 0.1 }, [[0.89, 1.1], [0.85446630, 1.12663370]], "adamw")
  }

  func testHypergradientAdaptsTheRate() throws {
    // h = g₂·g₁ = −0.625, so lr = 0.1 + 0.01·(−0.625) = 0.09375 for step 2.
    assertSteps(try steps(.sgd) { $0.hypergradientLR = 0.01 }, [[0.95, 1.1], [0.9734375, 1.053125]], "hypergradient")
  }

  func testScheduleFactors() {
    let w = MLPSchedule.constant.factor(step: 0, stepsPerEpoch: 10, epochs: 20, warmupEpochs: 2)
    XCTAssertEqual(w, 1.0 / 20, accuracy: 1e-12, "warmup starts at 1/warmup steps")
    XCTAssertEqual(
      MLPSchedule.constant.factor(step: 19, stepsPerEpoch: 10, epochs: 20, warmupEpochs: 2), 1, accuracy: 1e-12)
    let step = MLPSchedule.step(stepEpochs: 3, gamma: 0.5)
    XCTAssertEqual(step.factor(step: 69, stepsPerEpoch: 10, epochs: 20, warmupEpochs: 0), 0.25, accuracy: 1e-12)
    XCTAssertEqual(
      MLPSchedule.exponential(gamma: 0.9).factor(step: 20, stepsPerEpoch: 10, epochs: 20, warmupEpochs: 0), 0.81,
      accuracy: 1e-12)
    let cosine = MLPSchedule.cosine(period: 4, periodMultiplier: 2, minFactor: 0)
    XCTAssertEqual(cosine.factor(step: 2, stepsPerEpoch: 1, epochs: 20, warmupEpochs: 0), 0.5, accuracy: 1e-12)
    XCTAssertEqual(cosine.factor(step: 4, stepsPerEpoch: 1, epochs: 20, warmupEpochs: 0), 1, accuracy: 1e-12, "restart")
    XCTAssertEqual(
      cosine.factor(step: 8, stepsPerEpoch: 1, epochs: 20, warmupEpochs: 0), 0.5, accuracy: 1e-12, "second period is 8")
    let tri = MLPSchedule.cyclic(halfPeriod: 2, maxFactor: 5, halving: false)
    XCTAssertEqual(tri.factor(step: 2, stepsPerEpoch: 1, epochs: 20, warmupEpochs: 0), 5, accuracy: 1e-12)
    XCTAssertEqual(tri.factor(step: 4, stepsPerEpoch: 1, epochs: 20, warmupEpochs: 0), 1, accuracy: 1e-12)
    let tri2 = MLPSchedule.cyclic(halfPeriod: 2, maxFactor: 5, halving: true)
    XCTAssertEqual(
      tri2.factor(step: 6, stepsPerEpoch: 1, epochs: 20, warmupEpochs: 0), 3, accuracy: 1e-12, "half amplitude")
    let one = MLPSchedule.oneCycle(maxFactor: 1, pctStart: 0.25, divFactor: 25, finalDivFactor: 1e4)
    XCTAssertEqual(one.factor(step: 0, stepsPerEpoch: 1, epochs: 20, warmupEpochs: 0), 0.04, accuracy: 1e-12)
    XCTAssertEqual(one.factor(step: 5, stepsPerEpoch: 1, epochs: 20, warmupEpochs: 0), 1, accuracy: 1e-12)
    XCTAssertEqual(one.factor(step: 20, stepsPerEpoch: 1, epochs: 20, warmupEpochs: 0), 4e-6, accuracy: 1e-12)
  }
}

extension MLPOptimizerTests {
  func testCosineRestartsWithGrowingPeriodsInClosedForm() {
    // Periods 2, 4, 8 start at epochs 0, 2, 6; mid-period factors are 0.5 and restarts are 1.
    let s = MLPSchedule.cosine(period: 2, periodMultiplier: 2, minFactor: 0)
    for (epoch, expected) in [(1, 0.5), (2, 1), (4, 0.5), (6, 1), (10, 0.5)] {
      XCTAssertEqual(
        s.factor(step: epoch, stepsPerEpoch: 1, epochs: 100, warmupEpochs: 0), expected, accuracy: 1e-9,
        "epoch \(epoch)")
    }
    var config = MLPConfig()
    config.schedule = .cosine(period: 1e-300, periodMultiplier: 1, minFactor: 0.1)
    XCTAssertThrowsError(try config.validate()) { XCTAssertTrue("\($0)".contains("'schedule'"), "\($0)") }
  }
}

extension MLPOptimizerTests {
  func testAdamVectorPathMatchesTheHandValues() throws {
    // 15 parameters cover the 8-wide SIMD body and the scalar tail alike.
    var config = MLPConfig()
    config.learningRate = 0.1
    let layout = try MLPLayout(sizes: [4, 3])
    let opt = MLPOptimizer(kind: .adam, layout: layout, config: config)
    var p = [Float](repeating: 1, count: 15)
    opt.step(&p, [Float](repeating: 0.5, count: 15), factor: 1)
    opt.step(&p, [Float](repeating: -0.25, count: 15), factor: 1)
    for (i, v) in p.enumerated() { XCTAssertEqual(Double(v), 0.87336630, accuracy: 1e-6, "parameter \(i)") }
  }
}
