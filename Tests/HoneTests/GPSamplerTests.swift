import XCTest

@testable import Hone

/// The GP sampler on whole studies: convergence, parallel workers, dynamic spaces, bad values.
final class GPSamplerTests: XCTestCase {
  static func branin(_ x: Double, _ y: Double) -> Double {
    let b = 5.1 / (4 * Double.pi * Double.pi), c = 5 / Double.pi, t = 1 / (8 * Double.pi)
    let u = y - b * x * x + c * x - 6
    return u * u + 10 * (1 - t) * cos(x) + 10
  }

  func testBraninMedianRegretAfterFortyTrials() throws {
    var regrets: [Double] = []
    for seed in UInt64(0)..<5 {
      let study = try Study(direction: .minimize, sampler: GPSampler(seed: seed))
      try study.optimize(nTrials: 40) { trial in
        Self.branin(try trial.suggestFloat("x", -5, 10), try trial.suggestFloat("y", 0, 15))
      }
      regrets.append(try study.bestTrial().value! - 0.397887)
    }
    let median = regrets.sorted()[2]
    XCTAssertLessThan(median, 0.05, "regrets \(regrets)")
  }

  func testMaximizationClimbs() throws {
    let study = try Study(direction: .maximize, sampler: GPSampler(seed: 3, nStartupTrials: 5))
    try study.optimize(nTrials: 25) { trial in
      let x = try trial.suggestFloat("x", 0, 1)
      return -(x - 0.73) * (x - 0.73)
    }
    XCTAssertGreaterThan(try study.bestTrial().value!, -1e-3)
  }

  /// The smallest distance between two of `points`.
  static func closestPair(_ points: [[Double]]) -> Double {
    var closest = Double.infinity
    for i in points.indices {
      for j in points.indices where j > i {
        closest = min(closest, zip(points[i], points[j]).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot())
      }
    }
    return closest
  }

  func testEightConcurrentAsksAreDistinctAndSpreadOut() throws {
    func history() throws -> Study {
      let study = try Study(direction: .minimize, sampler: GPSampler(seed: 1, nStartupTrials: 5))
      try study.optimize(nTrials: 12) { trial in
        Self.branin(try trial.suggestFloat("x", -5, 10), try trial.suggestFloat("y", 0, 15))
      }
      return study
    }
    func suggest(_ study: Study, _ t: Int) throws -> [Double] {
      [try study.suggestFloat(trial: t, "x", -5, 10) / 15, try study.suggestFloat(trial: t, "y", 0, 15) / 15]
    }
    // Eight workers ask before any of them tells.
    let study = try history()
    let asked = try (0..<8).map { _ in try study.ask() }
    let batch = try asked.map { try suggest(study, $0) }
    // The same eight asks with nothing pending: each trial fails before the next ask, and the
    // model leaves failed trials out, so every ask maximizes the same acquisition from its own starts.
    let alone = try history()
    let lone = try (0..<8).map { _ in
      let t = try alone.ask()
      let point = try suggest(alone, t)
      _ = try alone.tell(trial: t, values: [], state: .fail)
      return point
    }
    let spread = Self.closestPair(batch), clustered = Self.closestPair(lone)
    // 1% of the range apart, and a hundred times farther apart than the asks that ignore each other.
    XCTAssertGreaterThan(spread, 0.01, "pending suggestions cluster: \(batch)")
    XCTAssertGreaterThan(spread, 100 * clustered, "batch \(batch), alone \(lone)")
  }

  func testSameSeedGivesSameSuggestions() throws {
    func run() throws -> [[ParamValue]] {
      let study = try Study(direction: .minimize, sampler: GPSampler(seed: 9, nStartupTrials: 4))
      try study.optimize(nTrials: 12) { trial in
        let x = try trial.suggestFloat("x", -5, 10)
        let n = try trial.suggestInt("n", 1, 64, log: true)
        let c = try trial.suggestCategorical("c", ["a", "b", "c"])
        return x * x + Double(n) + (c == "b" ? 0 : 3)
      }
      return try study.trials.map { $0.params.map(\.value) }
    }
    XCTAssertEqual(try run(), try run())
  }

  func testDiscreteAndLogDomainsAreRespected() throws {
    let study = try Study(direction: .minimize, sampler: GPSampler(seed: 2, nStartupTrials: 3))
    try study.optimize(nTrials: 15) { trial in
      let q = try trial.suggestFloat("q", 0, 1, step: 0.1)
      let lr = try trial.suggestFloat("lr", 1e-5, 1, log: true)
      let n = try trial.suggestInt("n", 0, 20, step: 4)
      let c = try trial.suggestCategorical("c", ["adam", "sgd"])
      XCTAssertEqual((q * 10).rounded(), q * 10, accuracy: 1e-9)
      XCTAssert((1e-5...1).contains(lr))
      XCTAssert([0, 4, 8, 12, 16, 20].contains(n))
      XCTAssert(["adam", "sgd"].contains(c))
      let quadratic: Double = (q - 0.3) * (q - 0.3)
      let penalty: Double = c == "sgd" ? 1 : 0
      return quadratic + abs(lr.logValue + 7) + Double(n) + penalty
    }
    // The surrogate finds the categorical and the smallest int.
    let best = try study.bestTrial()
    XCTAssertEqual(best.param("n")?.value, .int(0))
  }

  func testFailedPrunedAndInfiniteTrialsDoNotBreakTheFit() throws {
    let study = try Study(direction: .minimize, sampler: GPSampler(seed: 4, nStartupTrials: 4))
    for i in 0..<16 {
      let t = try study.ask()
      let x = try study.suggestFloat(trial: t, "x", -1, 1)
      switch i % 4 {
      case 1: try study.tell(trial: t, values: [.infinity])
      case 2: try study.tell(trial: t, values: [.nan])
      case 3:
        try study.report(trial: t, step: 0, value: 5)
        try study.tell(trial: t, values: [], state: .pruned)
      default: try study.tell(trial: t, values: [x * x])
      }
    }
    XCTAssertEqual(try study.trials.filter { $0.state == .fail }.count, 4)
  }

  func testDynamicSpaceSamplesTheRestIndependently() throws {
    let study = try Study(direction: .minimize, sampler: GPSampler(seed: 5, nStartupTrials: 3))
    try study.optimize(nTrials: 14) { trial in
      let x = try trial.suggestFloat("x", -2, 2)
      if trial.number % 2 == 0 {
        return x * x + (try trial.suggestFloat("extra", 0, 1))
      }
      return x * x
    }
    XCTAssertEqual(try study.trials.filter { $0.param("extra") != nil }.count, 7)
  }

  func testLargeModelsGrowByAppendsBetweenFits() throws {
    let sampler = try GPSampler(seed: 6, nStartupTrials: 5)
    let study = try Study(direction: .minimize, sampler: sampler)
    var rng = Xoshiro256(seed: 1)
    for _ in 0..<240 {
      let (x, y) = (Double.random(in: -5...10, using: &rng), Double.random(in: 0...15, using: &rng))
      try study.enqueueTrial([("x", .number(x)), ("y", .number(y))])
      let t = try study.ask()
      try study.tell(trial: t, values: [Self.branin(try study.suggestFloat(trial: t, "x", -5, 10),
                                                   try study.suggestFloat(trial: t, "y", 0, 15))])
    }
    for _ in 0..<8 {
      let t = try study.ask()
      let x = try study.suggestFloat(trial: t, "x", -5, 10)
      let y = try study.suggestFloat(trial: t, "y", 0, 15)
      try study.tell(trial: t, values: [Self.branin(x, y)])
    }
    let fit = try XCTUnwrap(sampler.lock.withLock { sampler.warmStarts.values.first })
    // Fitted once at 240 points; the seven later observations were appended.
    XCTAssertEqual(fit.observations, 240)
    XCTAssertEqual(fit.included.count, 247)
    XCTAssertEqual(fit.model.count, 247)
    // The appended model predicts like one conditioned from scratch on the same data.
    let fresh = try GaussianProcess(kernel: fit.model.kernel, inputs: fit.model.inputs, targets: fit.model.targets)
    let probe = try Matrix(rowMajor: [[0.3, 0.4], [0.9, 0.1]])
    let (a, b) = (try fit.model.predict(probe), try fresh.predict(probe))
    for i in 0..<2 {
      XCTAssertEqual(a.mean[i], b.mean[i], accuracy: 1e-6)
      XCTAssertEqual(a.variance[i], b.variance[i], accuracy: 1e-6)
    }
  }

  /// A cold first ask on a study loaded with many trials fits once, on a subset, then grows by appends.
  func testColdFirstAskOnALoadedStudyFitsOnceOnAllPointsThenGrows() throws {
    let unit = Distribution.float(low: 0, high: 1, step: nil, log: false)
    let space = SearchSpace([("x", unit), ("y", unit)])
    var rng = Xoshiro256(seed: 11)
    func complete(_ number: Int) -> FrozenTrial {
      let (a, b) = (rng.nextUnit(), rng.nextUnit())
      return FrozenTrial(
        number: number, state: .complete, values: [-((a - 0.3) * (a - 0.3) + 2 * (b - 0.7) * (b - 0.7))],
        params: [Param(name: "x", distribution: unit, value: .float(a)), Param(name: "y", distribution: unit, value: .float(b))])
    }
    var trials = (0..<210).map(complete)
    let sampler = try GPSampler(seed: 12, nStartupTrials: 5)
    sampler.fitOptions.subsetSize = 40
    sampler.fitOptions.refinementEvaluations = 4
    let asking = FrozenTrial(number: 210, state: .running)
    _ = try sampler.sampleRelative(
      StudyHistory(directions: [.maximize], trials: trials + [asking]), asking, space)
    let cold = try XCTUnwrap(sampler.lock.withLock { sampler.warmStarts.values.first })
    let summary = try XCTUnwrap(cold.model.fitSummary)
    XCTAssertEqual(summary.subsetSize, 40)
    XCTAssertLessThanOrEqual(summary.fullDataFactorizations, 4 + 1)
    XCTAssertEqual(cold.model.count, 210)

    // The next ask, one observation later, appends it instead of fitting again.
    trials.append(complete(210))
    let next = FrozenTrial(number: 211, state: .running)
    _ = try sampler.sampleRelative(StudyHistory(directions: [.maximize], trials: trials + [next]), next, space)
    let warm = try XCTUnwrap(sampler.lock.withLock { sampler.warmStarts.values.first })
    XCTAssertEqual(warm.observations, 210)
    XCTAssertEqual(warm.model.count, 211)
    XCTAssertEqual(warm.model.fitSummary, summary)
  }

  func testBadOptionsAreNamed() {
    for (spec, word) in [
      (#"{"type": "gp", "options": {"kernel": "linear"}}"#, "linear"),
      (#"{"type": "gp", "options": {"acquisition": "ei2"}}"#, "ei2"),
      (#"{"type": "gp", "options": {"n_candidates": 0}}"#, "n_candidates"),
      (#"{"type": "gp", "options": {"beta": 1}}"#, "beta"),
      (#"{"type": "gp", "options": {"n_startup": 1}}"#, "n_startup"),
      (#"{"type": "gp", "options": {"lengthscale_prior": "gamma"}}"#, "'gamma'"),
    ] {
      XCTAssertThrowsError(try Study(optionsJSON: #"{"sampler": \#(spec)}"#)) { error in
        XCTAssert("\(error)".contains(word), "\(error)")
      }
    }
  }
}
