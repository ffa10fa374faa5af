import Testing
import XCTest

@testable import Hone

/// Constraint values on trials: the rules of setting them, and the best trials
/// and Pareto front they restrict to feasible trials, as in Optuna.
final class StudyConstraintsTests: XCTestCase {
  /// Runs one trial with value(s) `values` and constraints `constraints` (none for nil).
  @discardableResult
  func run(_ study: Study, _ values: [Double], _ constraints: [Double]?) throws -> Int {
    let t = try study.ask()
    _ = try study.suggestFloat(trial: t, "x", 0, 1)
    if let constraints { try study.setConstraints(trial: t, constraints) }
    try study.tell(trial: t, values: values)
    return t
  }

  func testConstraintsAreTheSystemAttributeAndSettingAgainReplacesThem() throws {
    let study = try Study(direction: .minimize, sampler: RandomSampler(seed: 1))
    let t = try study.ask()
    try study.setConstraints(trial: t, [1, -2])
    try study.setConstraints(trial: t, [-.infinity, 0, .infinity])
    XCTAssertEqual(try study.trial(t).constraints, [-.infinity, 0, .infinity])
    XCTAssertEqual(
      try study.trial(t).systemAttr(FrozenTrial.constraintsKey), .array([.number(-.infinity), .number(0), .number(.infinity)]))
    XCTAssertFalse(try study.trial(t).isFeasible)
    XCTAssertEqual(try study.trial(t).constraintViolation, .infinity)
    try study.setConstraints(trial: t, [])
    XCTAssertEqual(try study.trial(t).constraints, [])
    XCTAssertTrue(try study.trial(t).isFeasible)
    try study.tell(trial: t, values: [1])
    XCTAssertEqual(try study.trial(t).constraints, [], "telling keeps the constraints")
  }

  func testAFailedSetChangesNothing() throws {
    let study = try Study(direction: .minimize, sampler: RandomSampler(seed: 2))
    let running = try study.ask()
    try study.setConstraints(trial: running, [0.5])
    let done = try run(study, [1], [-1])
    let before = try study.trials.map(\.json)
    XCTAssertThrowsError(try study.setConstraints(trial: running, [0, .nan])) { error in
      guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("NaN"), m)
    }
    XCTAssertThrowsError(try study.setConstraints(trial: done, [0])) { error in
      guard case HoneError.state(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("COMPLETE"), m)
    }
    XCTAssertThrowsError(try study.setConstraints(trial: done, [])) { error in
      guard case HoneError.state = error else { return XCTFail("\(error)") }
    }
    XCTAssertThrowsError(try study.setConstraints(trial: 17, [0])) { error in
      guard case HoneError.notFound = error else { return XCTFail("\(error)") }
    }
    XCTAssertEqual(try study.trials.map(\.json), before)
    XCTAssertEqual(try study.trial(running).constraints, [0.5])
  }

  func testTheBestTrialIsTheBestFeasibleOne() throws {
    for direction in [StudyDirection.minimize, .maximize] {
      let study = try Study(direction: direction, sampler: RandomSampler(seed: 3))
      let better = direction == .minimize ? -1.0 : 1.0
      try run(study, [5 * better], [0.1])  // the best value, infeasible
      XCTAssertThrowsError(try study.bestTrial()) { error in
        guard case HoneError.notFound(let m) = error else { return XCTFail("\(error)") }
        XCTAssert(m.contains("feasible"), m)
      }
      try run(study, [1 * better], [0, -3])  // feasible: exactly 0 satisfies a constraint
      try run(study, [2 * better], [-1, 1e-300])  // infeasible by a hair
      try run(study, [0], nil)  // no constraints: feasible
      XCTAssertEqual(try study.bestTrial().number, 1, "\(direction)")
      try run(study, [3 * better], [])  // an empty list: feasible
      XCTAssertEqual(try study.bestTrial().number, 4, "\(direction)")
      XCTAssertEqual(try study.bestTrials().map(\.number), [4])
    }
  }

  func testAnUnconstrainedStudyKeepsItsBestTrial() throws {
    let study = try Study(direction: .minimize, sampler: RandomSampler(seed: 4))
    XCTAssertThrowsError(try study.bestTrial()) { error in
      guard case HoneError.notFound(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("COMPLETE"), m)
    }
    try run(study, [2], nil)
    try run(study, [1], nil)
    XCTAssertEqual(try study.bestTrial().number, 1)
  }

  func testTheParetoFrontHoldsOnlyFeasibleTrials() throws {
    let study = try Study(directions: [.minimize, .minimize], sampler: RandomSampler(seed: 5))
    try run(study, [0, 0], [1])  // dominates everything, infeasible
    XCTAssertEqual(try study.bestTrials().map(\.number), [], "no feasible trial: an empty front")
    try run(study, [1, 3], [-1])
    try run(study, [3, 1], nil)
    try run(study, [2, 2], [0])
    try run(study, [3, 3], [-1])  // dominated by feasible trials
    try run(study, [0.5, 0.5], [0.5])  // would dominate all three, infeasible
    // A PRUNED or FAIL trial's constraints never put it on the front.
    let t = try study.ask()
    try study.setConstraints(trial: t, [-1])
    try study.tell(trial: t, values: [], state: .fail)
    XCTAssertEqual(try study.bestTrials().map(\.number), [1, 2, 3])
  }

  func testTheStudySummaryBestTrialIsFeasible() throws {
    let storage = InMemoryStorage()
    let study = try Study(name: "s", direction: .minimize, sampler: RandomSampler(seed: 6), storage: storage)
    try run(study, [-10], [2])
    try run(study, [3], [-2])
    try run(study, [4], nil)
    let summary = try XCTUnwrap(try storage.studySummaries().first { $0.name == "s" })
    XCTAssertEqual(summary.bestTrial?.number, 1)
    XCTAssertEqual(summary.bestTrial?.number, try study.bestTrial().number)
  }

  func testExportsCarryTheConstraints() throws {
    let study = try Study(direction: .minimize, sampler: RandomSampler(seed: 7))
    try run(study, [1], [0.25, -.infinity])
    let csv = try study.export(.csv)
    let lines = csv.split(separator: "\r\n")
    XCTAssert(lines[0].contains("system_attrs_constraints"), String(lines[0]))
    XCTAssert(lines[1].contains("\"[0.25,-Infinity]\""), String(lines[1]))
    let json = try JSON.parse(try study.export(.json))
    guard case .array(let trials) = json else { return XCTFail("not an array: \(json)") }
    XCTAssertEqual(trials[0]["system_attrs"]?["constraints"], .array([.number(0.25), .number(-.infinity)]))
  }
}

extension StorageSuite {
  /// Constraint values survive the storage, infinities included, and decide the best trial after a reload.
  func constraintsAreStoredAndDecideTheBestTrial() throws {
    let b = backend
    let study = try Study(name: "\(tag)-cons", direction: .minimize, sampler: RandomSampler(seed: 1), storage: try b.open())
    let values: [(Double, [Double]?)] = [(-5, [1, -.infinity]), (2, [0, -1]), (1, [.infinity]), (3, nil), (4, [])]
    for (v, c) in values {
      let t = try study.ask()
      _ = try study.suggestFloat(trial: t, "x", 0, 1)
      if let c { try study.setConstraints(trial: t, c) }
      try study.tell(trial: t, values: [v])
    }
    let reloaded = try Study.load(name: "\(tag)-cons", storage: try b.open())
    let trials = try reloaded.trials
    #expect(trials.map(\.constraints) == values.map(\.1), "\(b.name)")
    #expect(trials.map(\.isFeasible) == [false, true, false, true, true], "\(b.name)")
    #expect(try reloaded.bestTrial().number == 1, "\(b.name)")
    let summary = try b.open().studySummaries().first { $0.name == "\(tag)-cons" }
    #expect(summary?.bestTrial?.number == 1, "\(b.name)")
    // Setting them on a finished trial fails in every backend and leaves the stored ones.
    expectError(b, try reloaded.setConstraints(trial: 1, [5])) {
      if case .state = $0 { return true }
      return false
    }
    #expect(try Study.load(name: "\(tag)-cons", storage: try b.open()).trial(1).constraints == [0, -1], "\(b.name)")
  }
}
