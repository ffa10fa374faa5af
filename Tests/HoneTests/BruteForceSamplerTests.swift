import XCTest

@testable import Hone

/// The brute-force sampler: exhaustive and exact over finite define-by-run spaces, as Optuna's.
final class BruteForceSamplerTests: XCTestCase {
  /// Optuna's conditional objective: a in {0, 1, 2}; b after a = 0, c after a = 1, nothing after a = 2.
  static func conditional(_ trial: Trial, prune: Bool = false) throws -> Double {
    let a = try trial.suggestInt("a", 0, 2)
    if a == 0 {
      let b = try trial.suggestFloat("b", -1, 1, step: 0.5)
      if prune { throw TrialPruned() }
      return Double(a) + b
    }
    if a == 1 { return try trial.suggestCategorical("c", ["x", "y", "z"]) == "x" ? 2 : 0 }
    return 4
  }

  static let conditionalPoints: Set<String> = [
    "a=0 b=-1", "a=0 b=-0.5", "a=0 b=0", "a=0 b=0.5", "a=0 b=1", #"a=1 c="x""#, #"a=1 c="y""#, #"a=1 c="z""#, "a=2",
  ]

  static func point(_ t: FrozenTrial) -> String {
    t.params.map { "\($0.name)=\($0.external.text)" }.joined(separator: " ")
  }

  func assertExhausted(_ study: Study, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try study.ask(), file: file, line: line) { error in
      guard case HoneError.exhausted(let m) = error else { return XCTFail("\(error)", file: file, line: line) }
      XCTAssert(m.contains("brute-force"), m, file: file, line: line)
    }
  }

  func testAConditionalSpaceIsTriedOncePerPointThenExhausted() throws {
    for seed in UInt64(0)..<4 {
      let study = try Study(direction: .minimize, sampler: BruteForceSampler(seed: seed))
      try study.optimize(nTrials: 30) { try Self.conditional($0) }
      let points = try study.trials.map(Self.point)
      XCTAssertEqual(points.count, 9, "seed \(seed): \(points)")
      XCTAssertEqual(Set(points), Self.conditionalPoints, "seed \(seed)")
      assertExhausted(study)
    }
  }

  func testPrunedAndFailedTrialsHaveTriedTheirPoints() throws {
    let pruned = try Study(direction: .minimize, sampler: BruteForceSampler(seed: 1))
    try pruned.optimize(nTrials: 30) { try Self.conditional($0, prune: true) }
    XCTAssertEqual(try pruned.trials.filter { $0.state == .pruned }.count, 5)
    XCTAssertEqual(Set(try pruned.trials.map(Self.point)), Self.conditionalPoints)
    XCTAssertEqual(try pruned.trials.count, 9)
    // A NaN marks every trial FAIL; as in Optuna, a failed point is not tried again.
    let failed = try Study(direction: .minimize, sampler: BruteForceSampler(seed: 2))
    try failed.optimize(nTrials: 50) { Double.nan + Double(try $0.suggestInt("x", 0, 19)) }
    let xs = try failed.trials.map { $0.param("x")?.value }
    XCTAssertEqual(Set(xs), Set((0...19).map { ParamValue.int($0) }))
    XCTAssertEqual(xs.count, 20)
    XCTAssert(try failed.trials.allSatisfy { $0.state == .fail })
  }

  func testATrialThatStoppedBeforeParametersOthersSuggestedMarksNoPoint() throws {
    let study = try Study(direction: .minimize, sampler: BruteForceSampler(seed: 3))
    // Trial 0 fails after x = 0, before y; trial 1 shows that y follows x = 0.
    try study.enqueueTrial([("x", .int(0))])
    try study.enqueueTrial([("x", .int(0)), ("y", .int(0))])
    let t0 = try study.ask()
    _ = try study.suggestInt(trial: t0, "x", 0, 1)
    try study.tell(trial: t0, values: [], state: .fail)
    try study.optimize(nTrials: 10) { trial in
      Double(try trial.suggestInt("x", 0, 1) + trial.suggestInt("y", 0, 1))
    }
    let full = try study.trials.filter { $0.params.count == 2 }.map(Self.point)
    XCTAssertEqual(Set(full), ["x=0 y=0", "x=0 y=1", "x=1 y=0", "x=1 y=1"])
    XCTAssertEqual(full.count, 4)
    assertExhausted(study)
  }

  func testRunningTrialsAreNotDuplicatedAndCountAsTried() throws {
    let study = try Study(direction: .minimize, sampler: BruteForceSampler(seed: 4))
    let (t1, t2) = (try study.ask(), try study.ask())
    let a = try study.suggestCategorical(trial: t1, "x", [.string("a"), .string("b")])
    let b = try study.suggestCategorical(trial: t2, "x", [.string("a"), .string("b")])
    XCTAssertEqual(Set([a, b]), [0, 1])
    // Both points are running: by default the search is over.
    assertExhausted(study)
  }

  func testAvoidPrematureStopWaitsForRunningTrialsThatMayGrow() throws {
    for avoid in [false, true] {
      let study = try Study(direction: .minimize, sampler: BruteForceSampler(seed: 5, avoidPrematureStop: avoid))
      // As Optuna's test: x = 0 is done with both y; trial 1 has x = 1 and may still suggest y.
      try study.enqueueTrial([("x", .int(0)), ("y", .int(1))])
      try study.enqueueTrial([("x", .int(1))])
      try study.enqueueTrial([("x", .int(0)), ("y", .int(0))])
      let t = (try study.ask(), try study.ask(), try study.ask())
      for n in [t.0, t.2] {
        _ = try study.suggestInt(trial: n, "x", 0, 1)
        _ = try study.suggestInt(trial: n, "y", 0, 1)
        try study.tell(trial: n, values: [0])
      }
      XCTAssertEqual(try study.suggestInt(trial: t.1, "x", 0, 1), 1)
      guard avoid else {
        assertExhausted(study)
        continue
      }
      let next = try study.ask()
      XCTAssertEqual(try study.suggestInt(trial: next, "x", 0, 1), 1, "the only branch a running trial may leave open")
    }
  }

  func testAnEnqueuedTrialStartsAfterExhaustion() throws {
    let study = try Study(direction: .minimize, sampler: BruteForceSampler(seed: 6))
    try study.optimize(nTrials: 10) { Double(try $0.suggestInt("x", 0, 1)) }
    XCTAssertEqual(try study.trials.count, 2)
    assertExhausted(study)
    try study.enqueueTrial([("x", .int(0))])
    let t = try study.ask()
    XCTAssertEqual(try study.suggestInt(trial: t, "x", 0, 1), 0)
  }

  func testDefineAndRunCoversTheStudysSpace() throws {
    let space = SearchSpace([
      ("n", try Distribution.makeInt(low: 0, high: 2)), ("opt", try Distribution.makeCategorical([.string("a"), .string("b")])),
      ("q", try Distribution.makeFloat(low: 0, high: 1, step: 0.5)),
    ])
    let study = try Study(direction: .minimize, sampler: BruteForceSampler(seed: 7), searchSpace: space)
    var seen = Set<String>()
    for _ in 0..<18 {
      let t = try study.ask()
      seen.insert(Self.point(try study.trial(t)))
      try study.tell(trial: t, values: [0])
    }
    XCTAssertEqual(seen.count, 18)
    assertExhausted(study)
  }

  func testTheWholeInt64RangeIsAFiniteSpace() throws {
    let study = try Study(direction: .minimize, sampler: BruteForceSampler(seed: 8))
    var seen = Set<Int64>()
    for _ in 0..<5 {
      let t = try study.ask()
      seen.insert(try study.suggestInt(trial: t, "k", .min, .max))
      try study.tell(trial: t, values: [0])
    }
    XCTAssertEqual(seen.count, 5)
  }

  func testAContinuousFloatIsAnErrorThatNamesIt() throws {
    let study = try Study(direction: .minimize, sampler: BruteForceSampler(seed: 9))
    let t = try study.ask()
    XCTAssertThrowsError(try study.suggestFloat(trial: t, "lr", 1e-3, 1, log: true)) { error in
      guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("'lr'") && m.contains("continuous"), m)
    }
  }

  func testASpaceThatChangesForTheSameEarlierValuesIsAnError() throws {
    let study = try Study(direction: .minimize, sampler: BruteForceSampler(seed: 10))
    XCTAssertThrowsError(try study.optimize(nTrials: 5) { trial in Double(try trial.suggestInt("x", -1, trial.number)) }) {
      error in
      guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("'x'") && m.contains("int[-1, 0]") && m.contains("int[-1, 1]"), m)
    }
    let other = try Study(direction: .minimize, sampler: BruteForceSampler(seed: 10))
    let t0 = try other.ask()
    _ = try other.suggestInt(trial: t0, "a", 0, 0)
    _ = try other.suggestInt(trial: t0, "b", 0, 1)
    try other.tell(trial: t0, values: [0])
    let t1 = try other.ask()
    _ = try other.suggestInt(trial: t1, "a", 0, 0)
    XCTAssertThrowsError(try other.suggestInt(trial: t1, "c", 0, 1)) { error in
      guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("'b'") && m.contains("'c'"), m)
    }
  }

  func testOptionsAndTheirErrors() throws {
    let s = try XCTUnwrap(
      try makeSampler(try JSON.parse(#"{"type": "brute_force", "seed": 3, "options": {"avoid_premature_stop": true}}"#))
        as? BruteForceSampler)
    XCTAssertEqual(s.seed, 3)
    XCTAssertTrue(s.avoidPrematureStop)
    XCTAssertThrowsError(try makeSampler(try JSON.parse(#"{"type": "brute_force", "options": {"avoid": true}}"#))) {
      XCTAssertEqual(
        "\($0)", "\(HoneError.invalidArgument("brute_force sampler options: unknown key 'avoid' (allowed: avoid_premature_stop)"))")
    }
  }
}
