import Testing
import XCTest

@testable import Hone

/// Int parameters are exact end to end: no Int64 travels through a Double.
/// `StudyExactIntegerSuiteTests` runs the sampler cases, one test case per sampler.
final class StudyExactIntegerTests: XCTestCase {
  static let wide: [(low: Int64, high: Int64, step: Int64, log: Bool)] = [
    (.min, .max, 1, false), (.max - 3, .max, 1, false), (.min, .min + 2, 1, false),
    (1 << 53 + 1, 1 << 53 + 1, 1, false), (1 << 53 + 1, 1 << 53 + 9, 2, false), (1 << 62 - 5, 1 << 62 + 5, 1, false),
    (1, .max, 1, true), (.max - 10, .max, 1, true), (.min, .max, 1 << 62, false), (-5, .max, .max, false),
  ]

  static func onGrid(_ v: Int64, _ r: (low: Int64, high: Int64, step: Int64, log: Bool)) -> Bool {
    v >= r.low && v <= r.high && (Int128(v) - Int128(r.low)) % Int128(r.step) == 0
  }

  func testTheUnitMapIsExactAtTheEndsOfInt64() throws {
    let full = try Distribution.makeInt(low: .min, high: .max)
    XCTAssertEqual(full.fromUnit(0), .int(.min))
    XCTAssertEqual(full.fromUnit(1), .int(.max))
    XCTAssertEqual(full.fromUnit(.nan), .int(.min))
    XCTAssertEqual(full.fromUnit(0.5), .int(0))
    for v: Int64 in [.min, .min + 1, -1, 0, 1 << 53 + 1, .max - 1, .max] {
      // A double is exact only to its precision; what it holds comes back exactly.
      let d = Double(v)
      XCTAssertEqual(full.nearest(d), d >= 0x1p63 ? .max : Int64(d))
      XCTAssert((0...1).contains(full.toUnit(.int(v))))
    }
    let odd = try Distribution.makeInt(low: 1 << 53 + 1, high: 1 << 53 + 5, step: 2)
    for u in stride(from: 0.0, through: 1.0, by: 0.05) {
      let x = odd.fromUnit(u)
      XCTAssert(odd.contains(x), "\(u) → \(x)")
      XCTAssertEqual(odd.fromUnit(odd.toUnit(x)), x)
    }
    XCTAssertEqual(odd.nearest(.infinity), 1 << 53 + 5)
    XCTAssertEqual(odd.nearest(-.infinity), 1 << 53 + 1)
    XCTAssertFalse(odd.contains(.int(1 << 53 + 2)))
    XCTAssertFalse(odd.contains(.float(9007199254740993)))
  }

  func testEnqueuedIntsComeBackExactly() throws {
    let study = try Study(direction: .minimize)
    try study.enqueueTrial([("n", try JSON.parse("4611686018427387905")), ("m", .integer(-9_223_372_036_854_775_808))])
    let t = try study.ask()
    XCTAssertEqual(try study.suggestInt(trial: t, "n", 0, .max), 4_611_686_018_427_387_905)
    XCTAssertEqual(try study.suggestInt(trial: t, "m", .min, 0), .min)
    XCTAssert(try study.trial(t).json.text.contains(#""n":4611686018427387905"#))
    try study.tell(trial: t, values: [0])
    XCTAssert(try study.export(.csv).contains("4611686018427387905"))
  }

  func testValuesThatCanNeverFitAreRefusedAtEnqueueWhenTheSpaceIsKnown() throws {
    let study = try Study(
      optionsJSON: #"{"search_space": {"n": {"type": "int", "low": 1, "high": 3}, "x": {"type": "float", "low": 0, "high": 1}}}"#)
    for (name, value, needle) in [
      ("n", JSON.number(1e300), "1e+300"), ("n", .number(2.5), "2.5"), ("n", .string("two"), "\"two\""),
      ("x", .number(.nan), "NaN"), ("x", .number(.infinity), "Infinity"),
    ] {
      XCTAssertThrowsError(try study.enqueueTrial([(name, value)])) { error in
        guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(error)") }
        XCTAssert(m.contains("'\(name)'") && m.contains(needle) && m.contains(name == "n" ? "int[1, 3]" : "float["), m)
      }
    }
    XCTAssertEqual(try study.trialCount(), 0)
    // Out of bounds but of the right kind is kept, as in Optuna.
    try study.enqueueTrial([("n", .integer(7))])
    XCTAssertEqual(try study.trial(try study.ask()).param("n")?.value, .int(7))
  }

  func testAFixedValueThatDoesNotFitFailsTheSuggestionAndChangesNothing() throws {
    let study = try Study(direction: .minimize)
    try study.enqueueTrial([("n", .number(1e300)), ("x", .number(.nan))])
    let t = try study.ask()
    let before = try study.trial(t)
    XCTAssertThrowsError(try study.suggestInt(trial: t, "n", 1, 3)) { error in
      guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("'n'") && m.contains("1e+300") && m.contains("int[1, 3]"), m)
    }
    XCTAssertThrowsError(try study.suggestFloat(trial: t, "x", 0, 1)) { XCTAssert("\($0)".contains("NaN"), "\($0)") }
    let after = try study.trial(t)
    XCTAssertEqual(after.state, .running)
    XCTAssertEqual(after.params, before.params)
    XCTAssertTrue(after.params.isEmpty)
  }

  func testNonFiniteNumbersAreRefusedOrFollowOptuna() throws {
    let study = try Study(direction: .minimize)
    let t = try study.ask()
    for (low, high, step) in [(Double.nan, 1.0, nil), (0, .nan, nil), (0, .infinity, nil), (0, 1, Double.nan), (0, 1, 0)] {
      XCTAssertThrowsError(try study.suggestFloat(trial: t, "x", low, high, step: step)) {
        guard case HoneError.invalidArgument = $0 else { return XCTFail("\($0)") }
      }
    }
    XCTAssertThrowsError(try study.suggestFloat(trial: t, "x", .nan, 1, log: true))
    XCTAssertThrowsError(try study.suggestFloat(trial: t, "x", -1e308, 1e308)) {
      XCTAssert("\($0)".contains("too wide"), "\($0)")
    }
    XCTAssertEqual(try study.suggestFloat(trial: t, "y", -1e307, 1e307).isFinite, true)
    try study.report(trial: t, step: 0, value: .nan)
    XCTAssertEqual(try study.tell(trial: t, values: [.nan]), .fail)
    XCTAssertThrowsError(try Study(optionsJSON: #"{"heartbeat_interval": NaN}"#))
    XCTAssertThrowsError(try Study(optionsJSON: #"{"search_space": {"x": {"type": "float", "low": NaN, "high": 1}}}"#))
    XCTAssertThrowsError(try Study(optionsJSON: #"{"sampler": {"type": "gp", "options": {"beta": NaN, "acquisition": "ucb"}}}"#))
  }
}

/// Exact ints through every sampler, one test case per sampler, reported by name.
@Suite struct StudyExactIntegerSuiteTests {
  typealias Spec = SamplerSuiteTests.Spec

  @Test(arguments: [
    Spec(name: "random", json: #"{"type": "random", "seed": 1}"#),
    Spec(name: "qmc", json: #"{"type": "qmc", "seed": 2}"#),
    Spec(
      name: "gp",
      json: #"{"type": "gp", "seed": 3, "options": {"n_startup_trials": 2, "n_candidates": 16, "n_restarts": 1}}"#),
  ])
  func everySamplerSuggestsIntsWithinExtremeBounds(_ spec: Spec) throws {
    let study = try Study(optionsJSON: #"{"sampler": \#(spec.json)}"#)
    for i in 0..<5 {
      let t = try study.ask()
      var objective = 0.0
      for (j, r) in StudyExactIntegerTests.wide.enumerated() {
        let v = try study.suggestInt(trial: t, "p\(j)", r.low, r.high, step: r.step, log: r.log)
        #expect(StudyExactIntegerTests.onGrid(v, r), "\(v) is not on \(r)")
        // Asking again returns the same exact value.
        #expect(try study.suggestInt(trial: t, "p\(j)", r.low, r.high, step: r.step, log: r.log) == v)
        #expect(try study.trial(t).param("p\(j)")?.external == .int(v))
        objective += Double(v) / 1e19
      }
      try study.tell(trial: t, values: [objective + Double(i)])
    }
  }

  @Test(arguments: ["random", "qmc"])
  func defineAndRunFixesExactIntsAtAsk(_ sampler: String) throws {
    let space = StudyExactIntegerTests.wide.enumerated().map { j, r in
      #""p\#(j)": {"type": "int", "low": \#(r.low), "high": \#(r.high), "step": \#(r.step), "log": \#(r.log)}"#
    }
    let study = try Study(
      optionsJSON: #"{"sampler": {"type": "\#(sampler)", "seed": 4}, "search_space": {\#(space.joined(separator: ","))}}"#)
    for _ in 0..<4 {
      let t = try study.ask()
      for (j, r) in StudyExactIntegerTests.wide.enumerated() {
        guard case .int(let v)? = try study.trial(t).param("p\(j)")?.value else {
          Issue.record("p\(j) is not an int")
          return
        }
        #expect(StudyExactIntegerTests.onGrid(v, r), "\(v) is not on \(r)")
        #expect(try study.suggestInt(trial: t, "p\(j)", r.low, r.high, step: r.step, log: r.log) == v)
      }
      try study.tell(trial: t, values: [1])
    }
  }
}
