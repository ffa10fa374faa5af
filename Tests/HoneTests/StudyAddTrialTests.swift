import XCTest

@testable import Hone

/// Hand-built trials: Optuna's add_trial validation, the JSON round trip, and samplers using them.
final class StudyAddTrialTests: XCTestCase {
  static let start = 1_795_000_000.25
  static let end = 1_795_000_003.5

  func study(_ directions: [StudyDirection] = [.minimize], storage: any Storage = InMemoryStorage()) throws -> Study {
    try Study(
      name: "add", directions: directions, sampler: try makeSampler(try JSON.parse(#"{"type": "random", "seed": 3}"#)),
      storage: storage)
  }

  func complete(_ values: [Double], x: Double = 0.5) throws -> FrozenTrial {
    FrozenTrial(
      number: 99, state: .complete, values: values,
      params: [Param(name: "x", distribution: try .makeFloat(low: 0, high: 1), value: .float(x))],
      datetimeStart: Self.start, datetimeComplete: Self.end)
  }

  /// Adding `trial` fails with `.invalidArgument` naming each needle, and changes nothing.
  func assertRefused(_ study: Study, _ trial: FrozenTrial, _ needles: [String], line: UInt = #line) throws {
    let before = try study.trials.map(\.json.text)
    XCTAssertThrowsError(try study.addTrial(trial), line: line) { error in
      guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(error)", line: line) }
      for n in needles { XCTAssert(m.contains(n), m, line: line) }
    }
    XCTAssertEqual(try study.trials.map(\.json.text), before, "a refused add changed the study", line: line)
  }

  func testAddedTrialGetsTheNextNumberAndBecomesTheBest() throws {
    let s = try study()
    let asked = try s.ask()
    try s.tell(trial: asked, values: [3])
    XCTAssertEqual(try s.addTrial(try complete([0.8])), 1)
    XCTAssertEqual(try s.addTrial(try complete([2.0])), 2)
    XCTAssertEqual(try s.trials.map(\.number), [0, 1, 2])
    XCTAssertEqual(try s.bestTrial().number, 1)
    XCTAssertEqual(try s.bestTrial().value, 0.8)
    // The next ask gets the number after the added trials.
    XCTAssertEqual(try s.ask(), 3)
  }

  func testJSONRoundTripKeepsEveryFieldButTheNumber() throws {
    let directory = try TemporaryDirectory("hone-add-trial")
    defer { directory.remove() }
    let sqlite = try StorageURL(parsing: "sqlite:///\(directory.path)/a.db").open()
    for storage: any Storage in [InMemoryStorage(), sqlite] {
      let source = try study(storage: InMemoryStorage())
      let t = try source.ask()
      _ = try source.suggestFloat(trial: t, "x", 0.001, 1, step: nil, log: true)
      _ = try source.suggestInt(trial: t, "big", Int64.min + 1, Int64.max, step: 2)
      _ = try source.suggestCategorical(trial: t, "opt", [.string("adam"), .int(3), .bool(true), .null])
      _ = try source.suggestFloat(trial: t, "q", 0, 1, step: 0.25, log: false)
      try source.report(trial: t, step: 0, value: 0.7)
      try source.report(trial: t, step: 5, value: .nan)
      try source.setUserAttr(trial: t, key: "note", value: .object([("a", .array([.int(1), .string("b")]))]))
      try source.setConstraints(trial: t, [0.5, -1])
      try source.tell(trial: t, values: [.infinity])
      let pruned = try source.ask()
      try source.report(trial: pruned, step: 1, value: 2)
      try source.tell(trial: pruned, values: [], state: .pruned)
      try source.tell(trial: try source.ask(), values: [], state: .fail)
      try source.enqueueTrial([("x", .number(0.5))])

      let target = try study(storage: storage)
      try target.tell(trial: try target.ask(), values: [1])  // so numbers differ
      for original in try source.trials {
        let text = original.json.text
        let number = try target.addTrial(try FrozenTrial(addJSON: try JSON.parse(text)))
        // Read back through a fresh trial cache: what the storage holds, decoded again.
        let reread = try Study.load(name: "add", storage: storage)
        var copy = try reread.trial(number).json
        var expected = try JSON.parse(text)
        XCTAssertEqual(number, original.number + 1)
        guard case .object(var c) = copy, case .object(var e) = expected else { return XCTFail("not objects") }
        c.removeAll { $0.0 == "number" }
        e.removeAll { $0.0 == "number" }
        copy = .object(c)
        expected = .object(e)
        XCTAssertEqual(copy.text, expected.text)
      }
      // The added WAITING trial is started by the next ask, with its fixed parameter.
      let next = try target.ask()
      XCTAssertEqual(next, 4)
      XCTAssertEqual(try target.suggestFloat(trial: next, "x", 0, 1, step: nil, log: false), 0.5)
    }
  }

  func testIntegersAreReadExactly() throws {
    let s = try study()
    let text = #"""
      {"state": "COMPLETE", "values": [1], "params": {"n": 9007199254740993},
       "distributions": {"n": {"type": "int", "low": 1, "high": 9223372036854775807}},
       "datetime_start": "2026-11-23T10:04:05.123456Z", "datetime_complete": "2026-11-23T11:04:05+01:00"}
      """#
    let n = try s.addTrial(try FrozenTrial(addJSON: try JSON.parse(text)))
    let t = try s.trial(n)
    XCTAssertEqual(t.params.first?.value, .int(9_007_199_254_740_993))
    XCTAssertEqual(t.json["datetime_start"], .string("2026-11-23T10:04:05.123456Z"))
    XCTAssertEqual(t.json["datetime_complete"], .string("2026-11-23T10:04:05.000000Z"))
  }

  func testValidationFollowsOptuna() throws {
    let s = try study()
    try s.tell(trial: try s.ask(), values: [1])
    var t = try complete([1])
    t.values = nil
    try assertRefused(s, t, ["values are required", "COMPLETE"])
    try assertRefused(s, try complete([1, 2]), ["2 values", "1 objective"])
    try assertRefused(s, try complete([.nan]), ["NaN"])
    t = try complete([1])
    t.state = .fail
    try assertRefused(s, t, ["FAIL"])
    t = try complete([1])
    t.datetimeStart = nil
    try assertRefused(s, t, ["datetime_start"])
    t = try complete([1])
    t.datetimeComplete = nil
    try assertRefused(s, t, ["datetime_complete", "finished"])
    t = try complete([1])
    t.state = .running
    t.values = nil
    try assertRefused(s, t, ["datetime_complete must be null"])
    t = try complete([1])
    t.datetimeStart = -1
    try assertRefused(s, t, ["1970"])
    t = try complete([1])
    t.datetimeComplete = .nan
    try assertRefused(s, t, ["datetime_complete"])
    try assertRefused(s, try complete([1], x: 1.5), ["not contained", "'x'"])
    t = try complete([1])
    t.params = [Param(name: "x", distribution: .float(low: 2, high: 1, step: nil, log: false), value: .float(1.5))]
    try assertRefused(s, t, ["parameter 'x'", "low"])
    t = try complete([1])
    t.params.append(t.params[0])
    try assertRefused(s, t, ["appears twice"])
    t = try complete([1])
    t.params = [Param(name: "n", distribution: try .makeInt(low: 0, high: 10, step: 2), value: .int(3))]
    try assertRefused(s, t, ["not contained"])
    t = try complete([1])
    t.params = [Param(name: "c", distribution: try .makeCategorical([.string("a")]), value: .index(1))]
    try assertRefused(s, t, ["not contained"])
    t = try complete([1])
    t.intermediateValues = [-1: 0]
    try assertRefused(s, t, ["step"])
    t = try complete([1])
    t.systemAttrs = [("constraints", .string("no"))]
    try assertRefused(s, t, ["constraints"])
    t = try complete([1])
    t.systemAttrs = [("grid_id", .number(-1))]
    try assertRefused(s, t, ["grid_id"])
    t = try complete([1])
    t.userAttrs = [("k", .int(1)), ("k", .int(2))]
    try assertRefused(s, t, ["'k' appears twice"])
    XCTAssertEqual(try s.trialCount(), 1)
  }

  func testEveryStateIsAcceptedAsInOptuna() throws {
    let s = try study([.minimize, .maximize])
    var t = FrozenTrial(number: 0, state: .running, datetimeStart: Self.start)
    let running = try s.addTrial(t)
    t = FrozenTrial(number: 0, state: .waiting)
    _ = try s.addTrial(t)
    t = FrozenTrial(number: 0, state: .pruned, values: [1, 2], datetimeStart: Self.start, datetimeComplete: Self.end)
    _ = try s.addTrial(t)
    t = FrozenTrial(number: 0, state: .fail, datetimeStart: Self.start, datetimeComplete: Self.end)
    _ = try s.addTrial(t)
    XCTAssertEqual(try s.trials.map(\.state), [.running, .waiting, .pruned, .fail])
    // The added RUNNING trial can be told.
    XCTAssertEqual(try s.tell(trial: running, values: [1, 2]), .complete)
    // The WAITING one is the next ask's.
    XCTAssertEqual(try s.ask(), 1)
  }

  func testAddTrialsAddsNoneWhenOneIsInvalid() throws {
    let s = try study()
    XCTAssertThrowsError(try s.addTrials([try complete([1]), try complete([1, 2])])) { error in
      guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("trial 1 of 2"), m)
    }
    XCTAssertEqual(try s.trialCount(), 0)
    XCTAssertEqual(try s.addTrials([try complete([2]), try complete([1])]), [0, 1])
    XCTAssertEqual(try s.bestTrial().number, 1)
  }

  func testSamplersUseAddedTrials() throws {
    // TPE after its startup trials samples near the added good region.
    let s = try Study(
      name: "tpe", direction: .minimize,
      sampler: try makeSampler(try JSON.parse(#"{"type": "tpe", "seed": 1, "options": {"n_startup_trials": 5}}"#)))
    for k in 0..<20 {
      let x = Double(k) / 19
      _ = try s.addTrial(try complete([(x - 0.1) * (x - 0.1)], x: x))
    }
    var near = 0
    for _ in 0..<10 {
      let t = try s.ask()
      let x = try s.suggestFloat(trial: t, "x", 0, 1, step: nil, log: false)
      if x < 0.4 { near += 1 }
      try s.tell(trial: t, values: [(x - 0.1) * (x - 0.1)])
    }
    XCTAssertGreaterThanOrEqual(near, 7, "TPE ignored the added trials")
  }

  func testJSONParserIsStrict() throws {
    let bad: [(String, String)] = [
      (#"[]"#, "object"),
      (#"{}"#, "'state' is required"),
      (#"{"state": "DONE"}"#, "unknown state"),
      (#"{"state": "FAIL", "extra": 1}"#, "unknown key 'extra'"),
      (#"{"state": "FAIL", "values": "x"}"#, "'values'"),
      (#"{"state": "FAIL", "values": ["x"]}"#, "values[0]"),
      (#"{"state": "FAIL", "params": {"x": 1}}"#, "no distribution"),
      (#"{"state": "FAIL", "distributions": {"x": {"type": "float", "low": 0, "high": 1}}}"#, "no parameter"),
      (#"{"state": "FAIL", "params": {"n": 1.5}, "distributions": {"n": {"type": "int", "low": 0, "high": 9}}}"#, "does not fit"),
      (#"{"state": "FAIL", "params": {"n": 1e300}, "distributions": {"n": {"type": "int", "low": 0, "high": 9}}}"#, "does not fit"),
      (#"{"state": "FAIL", "intermediate_values": {"01": 1}}"#, "step '01'"),
      (#"{"state": "FAIL", "intermediate_values": {"99999999999999999999": 1}}"#, "Int64"),
      (#"{"state": "FAIL", "intermediate_values": {"1": "a"}}"#, "must be a number"),
      (#"{"state": "FAIL", "datetime_start": "2026-13-01T00:00:00Z"}"#, "ISO 8601"),
      (#"{"state": "FAIL", "datetime_start": "2026-02-29T00:00:00Z"}"#, "ISO 8601"),
      (#"{"state": "FAIL", "datetime_start": "2026-01-01T00:00:00"}"#, "ISO 8601"),
      (#"{"state": "FAIL", "datetime_start": "2026-01-01T00:00:00.1234567Z"}"#, "ISO 8601"),
      (#"{"state": "FAIL", "number": "a"}"#, "'number'"),
      (#"{"state": "FAIL", "state": "FAIL"}"#, "duplicate key"),
    ]
    for (text, needle) in bad {
      XCTAssertThrowsError(try FrozenTrial(addJSON: try JSON.parse(text)), text) { error in
        guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(error)") }
        XCTAssert(m.contains(needle), "\(text): \(m)")
      }
    }
    XCTAssertEqual(WallClock.parseISO8601("1970-01-01T00:00:00Z").map { $0.rounded(.down) }, 0)
    XCTAssertEqual(WallClock.parseISO8601("2000-03-01T00:00:00Z").map { $0.rounded(.down) }, 951_868_800)
    XCTAssertEqual(WallClock.parseISO8601("2000-02-29T23:00:00-01:00").map { $0.rounded(.down) }, 951_868_800)
  }
}
