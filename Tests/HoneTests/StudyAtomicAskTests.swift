import XCTest

@testable import Hone

/// A failing ask changes nothing; the grid serves enqueued trials; big spaces cost linear time.
final class StudyAtomicAskTests: XCTestCase {
  static let space = #"{"n": {"type": "int", "low": 1, "high": 3}, "x": {"type": "float", "low": 0, "high": 2}}"#

  /// A study with a search space, and a second handle on its storage that has none.
  func handles(sampler: String = #"{"type": "random", "seed": 1}"#) throws -> (Study, Study) {
    let storage = InMemoryStorage()
    let spaced = try Study(
      name: "s", direction: .minimize, sampler: try makeSampler(try JSON.parse(sampler)), storage: storage,
      searchSpace: try Self.searchSpace())
    let free = try Study(name: "s", direction: .minimize, storage: storage, loadIfExists: true)
    return (spaced, free)
  }

  static func searchSpace() throws -> SearchSpace {
    SearchSpace([("n", try .makeInt(low: 1, high: 3)), ("x", try .makeFloat(low: 0, high: 2))])
  }

  func assertAskFails(_ study: Study, _ needles: [String], line: UInt = #line) throws {
    let before = try study.trials.map(\.json.text)
    XCTAssertThrowsError(try study.ask(), line: line) { error in
      guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(error)", line: line) }
      for n in needles { XCTAssert(m.contains(n), m, line: line) }
    }
    XCTAssertEqual(try study.trials.map(\.json.text), before, "a failed ask changed the study", line: line)
  }

  func testAnEnqueuedValueThatDoesNotFitLeavesTheTrialWaiting() throws {
    let (spaced, free) = try handles()
    try free.enqueueTrial([("n", .number(1e300))])
    try assertAskFails(spaced, ["'n'", "1e+300", "int[1, 3]"])
    XCTAssertEqual(try spaced.trialCount(), 1)
    let waiting = try spaced.trial(0)
    XCTAssertEqual(waiting.state, .waiting)
    XCTAssertNil(waiting.datetimeStart)
    XCTAssertTrue(waiting.params.isEmpty)
    // The handle without the space can still start it and suggest the rest.
    XCTAssertEqual(try free.ask(), 0)
    XCTAssertEqual(try free.suggestFloat(trial: 0, "x", 0, 2) >= 0, true)
  }

  func testTheGridServesEnqueuedTrialsUnderAStudyWideSpace() throws {
    let grid = #"{"type": "grid", "seed": 3, "options": {"search_space": {"n": [1, 2, 3], "x": [0.5, 1.5]}}}"#
    let (spaced, free) = try handles(sampler: grid)
    // A partial point takes its open parameters from a free grid point that agrees with it.
    try spaced.enqueueTrial([("x", .number(1.5))])
    try spaced.enqueueTrial([("n", try JSON.parse("2"))])
    try spaced.enqueueTrial([("n", .number(3)), ("x", .number(0.5))])
    var points: [String] = []
    for _ in 0..<6 {
      let t = try spaced.ask()
      let trial = try spaced.trial(t)
      guard case .int(let n)? = trial.param("n")?.value, case .float(let x)? = trial.param("x")?.value else {
        return XCTFail("trial \(t): \(trial.params)")
      }
      XCTAssert([1, 2, 3].contains(n) && [0.5, 1.5].contains(x), "\(n), \(x)")
      points.append("\(n),\(x)")
      try spaced.tell(trial: t, values: [Double(n) + x])
    }
    XCTAssertEqual(points[0].hasSuffix(",1.5"), true, "\(points)")
    XCTAssertEqual(points[1].hasPrefix("2,"), true, "\(points)")
    XCTAssertEqual(points[2], "3,0.5")
    XCTAssertEqual(Set(points).count, 6, "every grid point once: \(points)")
    XCTAssertThrowsError(try spaced.ask()) { guard case HoneError.exhausted = $0 else { return XCTFail("\($0)") } }

    // A value off the grid leaves the other parameters without a grid value: a clear error, and no change.
    try free.enqueueTrial([("n", .number(7))])
    try assertAskFails(spaced, ["enqueued", "n=7", "'x'"])
    XCTAssertEqual(try spaced.trial(6).state, .waiting)
  }

  func testASamplerThatCannotServeTheTrialCreatesNone() throws {
    let grid = #"{"type": "grid", "options": {"search_space": {"n": [1, 2, 3]}}}"#
    let (spaced, _) = try handles(sampler: grid)
    // The grid does not cover x.
    try assertAskFails(spaced, ["'x'", "not in the grid"])
    XCTAssertEqual(try spaced.trialCount(), 0)
  }

  /// Quadratic costs (a name lookup by scan, a duplicate-key check by scan, a storage
  /// call per parameter that rereads the trial) would keep these from finishing.
  func testA200000ParameterSpaceIsCreatedAndAskedOnce() throws {
    let n = 200_000
    let space = SearchSpace(
      try (0..<n).map { i in ("p\(i)", i % 2 == 0 ? try .makeFloat(low: 0, high: 1) : try .makeInt(low: 0, high: Int64(i))) })
    XCTAssertEqual(space.count, n)
    XCTAssertEqual(space["p199999"], try .makeInt(low: 0, high: 199_999))
    let study = try Study(direction: .minimize, sampler: RandomSampler(seed: 7), searchSpace: space)
    try study.enqueueTrial([("p1", .integer(1)), ("p2", .number(0.5))])
    let t = try study.ask()
    let trial = try study.trial(t)
    XCTAssertEqual(trial.params.count, n)
    XCTAssertEqual(trial.param("p1")?.value, .int(1))
    XCTAssertEqual(trial.param("p2")?.value, .float(0.5))
    XCTAssertEqual(trial.params.last?.name, "p\(n - 1)")
    XCTAssertEqual(try study.suggestInt(trial: t, "p3", 0, 3) <= 3, true)
  }

  func testA50000ParameterSpaceIsReadFromStudyOptions() throws {
    let n = 50_000
    let members = (0..<n).map { #""p\#($0)": {"type": "int", "low": 0, "high": \#($0)}"# }
    let study = try Study(optionsJSON: #"{"search_space": {"# + members.joined(separator: ",") + "}}")
    XCTAssertEqual(study.searchSpace?.count, n)
    XCTAssertEqual(study.searchSpace?["p49999"], try .makeInt(low: 0, high: 49_999))
    XCTAssertThrowsError(try Study(optionsJSON: #"{"search_space": {"# + (members + [members[7]]).joined(separator: ",") + "}}")) {
      XCTAssert("\($0)".contains("duplicate key 'p7'"), "\($0)")
    }
  }
}
