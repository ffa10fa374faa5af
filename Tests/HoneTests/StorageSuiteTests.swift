internal import HonePlatform
import Testing

@testable import Hone

/// One storage suite, run against every backend: in memory, SQLite in a temporary
/// directory and PostgreSQL at `HONE_TEST_POSTGRES_URL`.
///
/// `StorageSuite` holds the cases, each on one backend. `StorageSuiteTests` runs
/// every case once per local backend, reported by the backend's name;
/// `StoragePostgreSQLSuiteTests` runs them on PostgreSQL, and reports them skipped
/// when `HONE_TEST_POSTGRES_URL` is not set (`make swift-test` and `make pg-test`
/// start a throwaway server).
final class StorageSuite {
  /// A backend under test, as a test case's argument.
  enum Kind: String, Sendable, CustomTestStringConvertible {
    case memory, sqlite, postgresql
    var testDescription: String { rawValue }
  }

  /// The backends that need no server.
  static let local: [Kind] = [.memory, .sqlite]

  /// The test database, or nil when `HONE_TEST_POSTGRES_URL` is unset or empty.
  static let postgresURL: String? = {
    guard let env = getenv("HONE_TEST_POSTGRES_URL"), env.pointee != 0 else { return nil }
    return String(cString: env)
  }()

  /// A backend under test: `open()` gives a new storage object on the same data.
  struct Backend {
    var name: String
    var open: () throws -> any Storage
  }

  /// SQLite's directory, removed with the suite.
  private let scratch: TemporaryDirectory?
  /// Names are unique per test run, so a shared database (PostgreSQL) needs no cleaning.
  let tag = "t\(UInt32.random(in: 0...UInt32.max))"
  let backend: Backend

  init(_ kind: Kind) throws {
    switch kind {
    case .memory:
      let memory = InMemoryStorage()
      scratch = nil
      backend = Backend(name: "memory") { memory }
    case .sqlite:
      let directory = try TemporaryDirectory("hone-storage-test")
      let path = "\(directory.path)/a.db"
      scratch = directory
      backend = Backend(name: "sqlite") { try StorageURL(parsing: "sqlite:///" + path).open() }
    case .postgresql:
      guard let url = Self.postgresURL else { throw HoneError.invalidArgument("HONE_TEST_POSTGRES_URL is not set") }
      scratch = nil
      backend = Backend(name: "postgresql") { try StorageURL(parsing: url).open() }
    }
  }

  deinit { scratch?.remove() }

  func expectError(
    _ backend: Backend, _ expression: @autoclosure () throws -> some Any, _ check: (HoneError) -> Bool,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let error = #expect(throws: HoneError.self, "\(backend.name)", sourceLocation: sourceLocation) {
      try expression()
    }
    if let error, !check(error) { Issue.record("\(backend.name): \(error)", sourceLocation: sourceLocation) }
  }

  func studiesAreCreatedFoundListedAndDeletedByName() throws {
    let b = backend
    let s = try b.open()
    let a = try s.createStudy(name: "\(tag)-a", directions: [.minimize])
    let m = try s.createStudy(name: "\(tag)-m", directions: [.maximize, .minimize])
    #expect(a != m)
    expectError(b, try s.createStudy(name: "\(tag)-a", directions: [.maximize])) {
      if case .invalidArgument(let m) = $0 { return m.contains("already exists") }
      return false
    }
    #expect(try s.findStudy(name: "\(tag)-m") == StoredStudy(id: m, name: "\(tag)-m", directions: [.maximize, .minimize]))
    #expect(try s.findStudy(name: "\(tag)-none") == nil)
    for v in [3.0, 1, 1, 2] {
      let t = try s.createTrial(study: a, state: .running, systemAttrs: [], start: 100 + v)
      try s.finishTrial(study: a, number: t.number, state: .complete, values: [v], complete: 200)
    }
    _ = try s.createTrial(study: a, state: .running, systemAttrs: [], start: 50)
    let summaries = try s.studySummaries().filter { $0.name.hasPrefix(tag) }
    #expect(summaries.map(\.name) == ["\(tag)-a", "\(tag)-m"], "\(b.name)")
    #expect(summaries[0].nTrials == 5)
    #expect(summaries[0].bestTrial?.number == 1, "the earliest of the tied best")
    #expect(summaries[0].bestTrial?.values == [1])
    #expect(summaries[0].datetimeStart == 50)
    #expect(summaries[1].nTrials == 0)
    #expect(summaries[1].bestTrial == nil)
    #expect(summaries[1].datetimeStart == nil)
    #expect(summaries[1].json["study_name"] == .string("\(tag)-m"))

    try s.deleteStudy(name: "\(tag)-a")
    #expect(try s.findStudy(name: "\(tag)-a") == nil)
    expectError(b, try s.deleteStudy(name: "\(tag)-a")) { if case .notFound = $0 { return true }; return false }
    expectError(b, try s.trials(study: a)) { if case .notFound = $0 { return true }; return false }
    #expect(try s.studySummaries().filter { $0.name.hasPrefix(tag) }.map(\.name) == ["\(tag)-m"])
    // A new study of the old name gets a new identifier: a stale handle cannot reach it.
    let again = try s.createStudy(name: "\(tag)-a", directions: [.minimize])
    #expect(again != a)
    #expect(try s.trialCount(study: again) == 0)
  }

  func trialsAreNumberedAndEverySetterIsStored() throws {
    let b = backend
    let s = try b.open()
    let id = try s.createStudy(name: "\(tag)-setters", directions: [.minimize])
    let numbers = try (0..<3).map { _ in
      try s.createTrial(study: id, state: .running, systemAttrs: [("k", .string("v"))], start: 1).number
    }
    #expect(numbers == [0, 1, 2])
    #expect(try s.trialCount(study: id) == 3)
    let x = Param(name: "x", distribution: try .makeFloat(low: 0, high: 1), value: .float(0.25))
    // Optuna's choices include NaN and the infinities: the distribution's JSON text carries them.
    let c = Param(
      name: "c", distribution: try .makeCategorical([.string("a"), .number(2), .null, .number(.nan), .number(-.infinity)]),
      value: .index(3))
    try s.setTrialParam(study: id, number: 1, param: x)
    try s.setTrialParam(study: id, number: 1, param: c)
    try s.setTrialParam(study: id, number: 1, param: Param(name: "x", distribution: x.distribution, value: .float(0.5)))
    try s.setIntermediateValue(study: id, number: 1, step: 3, value: 2)
    try s.setIntermediateValue(study: id, number: 1, step: 3, value: 9)
    try s.setIntermediateValue(study: id, number: 1, step: 0, value: .nan)
    try s.setIntermediateValue(study: id, number: 1, step: 7, value: -.infinity)
    try s.setTrialUserAttr(study: id, number: 1, key: "u1", value: .object([("a", .array([.number(1), .bool(true)]))]))
    try s.setTrialUserAttr(study: id, number: 1, key: "u2", value: .string("two"))
    try s.setTrialUserAttr(study: id, number: 1, key: "u1", value: .number(0.1))
    try s.setTrialSystemAttr(study: id, number: 1, key: "s", value: .null)
    try s.finishTrial(study: id, number: 1, state: .complete, values: [.infinity], complete: 5)

    let t = try s.trial(study: id, number: 1)
    #expect(t.state == .complete)
    #expect(t.values == [.infinity])
    #expect(t.params == [Param(name: "x", distribution: x.distribution, value: .float(0.5)), c], "\(b.name)")
    #expect(t.param("c")?.external.numberValue?.isNaN == true, "\(b.name)")
    #expect(try b.open().trial(study: id, number: 1).params == t.params, "\(b.name)")
    #expect(t.intermediateValues.count == 3)
    #expect(t.intermediateValues[3] == 2)
    #expect(t.intermediateValues[0]?.isNaN == true, "\(b.name)")
    #expect(t.intermediateValues[7] == -.infinity)
    #expect(t.userAttrs.map(\.0) == ["u1", "u2"])
    #expect(t.userAttr("u1") == .number(0.1))
    #expect(t.systemAttrs.map(\.0) == ["k", "s"])
    #expect(t.datetimeStart == 1)
    #expect(t.datetimeComplete == 5)

    // A finished trial takes no more changes, and the first tell stays.
    func isState(_ e: HoneError) -> Bool { if case .state(let m) = e { return m.contains("COMPLETE") }; return false }
    expectError(b, try s.finishTrial(study: id, number: 1, state: .fail, values: nil, complete: 6), isState)
    expectError(b, try s.setTrialParam(study: id, number: 1, param: x), isState)
    expectError(b, try s.setIntermediateValue(study: id, number: 1, step: 9, value: 1), isState)
    expectError(b, try s.setTrialUserAttr(study: id, number: 1, key: "z", value: .null), isState)
    expectError(b, try s.setTrialSystemAttr(study: id, number: 1, key: "z", value: .null), isState)
    expectError(b, try s.recordHeartbeat(study: id, number: 1, time: 9), isState)
    #expect(try s.trial(study: id, number: 1).values == [.infinity])
    #expect(try s.trial(study: id, number: 1).json == t.json)
    expectError(b, try s.trial(study: id, number: 3)) { if case .notFound = $0 { return true }; return false }
    expectError(b, try s.setTrialParam(study: id, number: 7, param: x)) {
      if case .notFound = $0 { return true }
      return false
    }
    expectError(b, try s.createTrial(study: id + 1000, state: .running, systemAttrs: [], start: 1)) {
      if case .notFound = $0 { return true }
      return false
    }
  }

  func intParamsAreStoredExactlyOverTheWholeInt64Range() throws {
    let b = backend
    let s = try b.open()
    let id = try s.createStudy(name: "\(tag)-exact", directions: [.minimize])
    let wide = try Distribution.makeInt(low: .min, high: .max)
    let params = [
      Param(name: "top", distribution: wide, value: .int(.max - 1)),
      Param(name: "bottom", distribution: wide, value: .int(.min)),
      Param(name: "odd", distribution: wide, value: .int(1 << 53 + 1)),
      Param(name: "f", distribution: try .makeFloat(low: 0, high: 1), value: .float(0.125)),
    ]
    _ = try s.createTrial(study: id, template: FrozenTrial(number: 0, state: .running, params: params), heartbeat: nil)
    _ = try s.createTrial(study: id, state: .running, systemAttrs: [], start: 1)
    try s.setTrialParams(study: id, number: 1, params: params)
    // A batch that renames nothing keeps each parameter's place.
    try s.setTrialParams(
      study: id, number: 1, params: [Param(name: "bottom", distribution: wide, value: .int(.min + 1)), params[0]])
    try s.setTrialParam(study: id, number: 1, param: Param(name: "last", distribution: wide, value: .int(.max)))
    let reopened = try b.open()
    #expect(try reopened.trial(study: id, number: 0).params == params, "\(b.name)")
    let t = try reopened.trial(study: id, number: 1)
    #expect(t.params.map(\.name) == ["top", "bottom", "odd", "f", "last"], "\(b.name)")
    #expect(t.param("bottom")?.value == .int(.min + 1), "\(b.name)")
    #expect(t.param("last")?.value == .int(.max), "\(b.name)")
    #expect(t.param("top")?.external.text == "9223372036854775806", "\(b.name)")
    #expect(throws: (any Error).self, "\(b.name)") { try s.setTrialParams(study: id, number: 7, params: params) }
  }

  func readsAreIncremental() throws {
    let b = backend
    let s = try b.open()
    let id = try s.createStudy(name: "\(tag)-incremental", directions: [.minimize])
    for _ in 0..<4 { _ = try s.createTrial(study: id, state: .running, systemAttrs: [], start: 1) }
    let all = try s.trialChanges(study: id, since: 0)
    #expect(all.trials.map(\.number) == [0, 1, 2, 3])
    let none = try s.trialChanges(study: id, since: all.cursor)
    #expect(none.trials.count == 0)
    #expect(none.cursor == all.cursor)

    try s.finishTrial(study: id, number: 2, state: .complete, values: [1], complete: 2)
    try s.setTrialUserAttr(study: id, number: 0, key: "k", value: .bool(true))
    _ = try s.createTrial(study: id, state: .running, systemAttrs: [], start: 1)
    let changed = try s.trialChanges(study: id, since: all.cursor)
    #expect(changed.trials.map(\.number) == [0, 2, 4], "\(b.name)")
    #expect(changed.trials[1].state == .complete)
    #expect(changed.trials[0].userAttr("k") == .bool(true))
    #expect(changed.cursor > all.cursor)

    // A failed mutation changes nothing, not even the cursor's view.
    #expect(throws: (any Error).self) { try s.finishTrial(study: id, number: 2, state: .fail, values: nil, complete: 3) }
    try s.recordHeartbeat(study: id, number: 1, time: 5)
    #expect(try s.trialChanges(study: id, since: changed.cursor).trials.count == 0, "\(b.name)")
    try s.setTrialParam(
      study: id, number: 1, param: Param(name: "x", distribution: try .makeInt(low: 0, high: 9), value: .int(3)))
    #expect(try s.trialChanges(study: id, since: changed.cursor).trials.map(\.number) == [1])
  }

  func aStudyHandleCachesTrialsAndSeesOtherHandles() throws {
    let b = backend
    let writer = try Study(name: "\(tag)-cache", direction: .minimize, storage: try b.open())
    let reader = try Study.load(name: "\(tag)-cache", storage: try b.open())
    #expect(try reader.trials.count == 0)
    for i in 0..<5 {
      let t = try writer.ask()
      _ = try writer.suggestFloat(trial: t, "x", 0, 1)
      if i != 3 { try writer.tell(trial: t, values: [Double(i)]) }
    }
    #expect(try reader.trials.map(\.state) == [.complete, .complete, .complete, .running, .complete])
    try writer.tell(trial: 3, values: [-1])
    #expect(try reader.trials.map(\.state) == Array(repeating: .complete, count: 5))
    #expect(try reader.bestTrial().number == 3, "\(b.name)")
    #expect(try reader.trials.map(\.json) == writer.trials.map(\.json))
  }

  func waitingTrialsArePoppedOldestFirst() throws {
    let b = backend
    let s = try b.open()
    let id = try s.createStudy(name: "\(tag)-waiting", directions: [.minimize])
    #expect(try s.popWaitingTrial(study: id, start: 1, heartbeat: nil) == nil)
    let p = Param(name: "x", distribution: try .makeFloat(low: 0, high: 1), value: .float(0.75))
    _ = try s.createTrial(study: id, template: FrozenTrial(number: 9, state: .waiting, params: [p]), heartbeat: 1)
    _ = try s.createTrial(study: id, state: .waiting, systemAttrs: [("fixed_params", .object([]))], start: nil)
    let first = try s.popWaitingTrial(study: id, start: 4, heartbeat: nil)
    #expect(first?.number == 0)
    #expect(first?.state == .running)
    #expect(first?.params == [p])
    #expect(first?.datetimeStart == 4)
    #expect(try s.popWaitingTrial(study: id, start: 5, heartbeat: nil)?.number == 1)
    #expect(try s.popWaitingTrial(study: id, start: 6, heartbeat: nil) == nil)
    // The trial carried a heartbeat only while WAITING was not RUNNING, so it is not stale.
    #expect(try s.failStaleTrials(study: id, before: 100, complete: 100) { _ in nil }.count == 0, "\(b.name)")
  }

  /// PostgreSQL only: its text cannot hold NUL, so the third trial's parameter name fails the copy there.
  func aCopyThatFailsLeavesNoPartialStudy() throws {
    let source = InMemoryStorage()
    let id = try source.createStudy(name: "src", directions: [.minimize])
    for name in ["a", "b", "c\u{0}d"] {
      let p = Param(name: name, distribution: try .makeFloat(low: 0, high: 1), value: .float(0.5))
      _ = try source.createTrial(study: id, template: FrozenTrial(number: 0, state: .waiting, params: [p]), heartbeat: nil)
    }
    let target = try backend.open()
    #expect(throws: (any Error).self) { try Study.copy(name: "src", from: source, to: target, as: "\(tag)-partial") }
    #expect(try target.findStudy(name: "\(tag)-partial") == nil)
  }

  func staleTrialsFailOnceAndTrialsWithoutHeartbeatStay() throws {
    let b = backend
    let s = try b.open()
    let id = try s.createStudy(name: "\(tag)-stale", directions: [.minimize])
    _ = try s.createTrial(study: id, state: .running, systemAttrs: [], start: 10, heartbeat: 10)
    _ = try s.createTrial(study: id, state: .running, systemAttrs: [], start: 10, heartbeat: nil)
    _ = try s.createTrial(study: id, state: .running, systemAttrs: [], start: 10, heartbeat: 10)
    try s.recordHeartbeat(study: id, number: 2, time: 30)
    #expect(try s.failStaleTrials(study: id, before: 10, complete: 40) { _ in nil }.count == 0)
    // The retry a caller asks for is created in the same step as the failure.
    let failed = try s.failStaleTrials(study: id, before: 20, complete: 40) { stale in
      FrozenTrial(number: 0, state: .waiting, systemAttrs: [("retry_of", .number(Double(stale.number)))])
    }
    #expect(failed.map(\.number) == [0], "\(b.name)")
    #expect(failed.first?.state == .fail)
    #expect(try s.trial(study: id, number: 0).datetimeComplete == 40)
    #expect(try s.trial(study: id, number: 3).systemAttr("retry_of") == .number(0), "\(b.name)")
    #expect(try s.failStaleTrials(study: id, before: 20, complete: 41) { _ in nil }.count == 0)
    #expect(try s.trials(study: id).map(\.state) == [.fail, .running, .running, .waiting])
  }

  func loadIfExistsAndLoadByName() throws {
    let b = backend
    let storage = try b.open()
    let first = try Study(name: "\(tag)-load", directions: [.maximize], storage: storage)
    let t = try first.ask()
    try first.tell(trial: t, values: [2])
    expectError(b, try Study(name: "\(tag)-load", direction: .minimize, storage: try b.open())) {
      if case .invalidArgument(let m) = $0 { return m.contains("already exists") }
      return false
    }
    // As in Optuna, a loaded study keeps its stored directions.
    let again = try Study(name: "\(tag)-load", direction: .minimize, storage: try b.open(), loadIfExists: true)
    #expect(again.directions == [.maximize])
    #expect(try again.trialCount() == 1)
    #expect(try again.ask() == 1, "numbering continues in the loaded study")
    let loaded = try Study.load(name: "\(tag)-load", storage: try b.open())
    #expect(try loaded.trials.map(\.state) == [.complete, .running])
    expectError(b, try Study.load(name: "\(tag)-nope", storage: try b.open())) {
      if case .notFound = $0 { return true }
      return false
    }
    let fresh = try Study(name: "\(tag)-fresh", direction: .minimize, storage: try b.open(), loadIfExists: true)
    #expect(try fresh.trialCount() == 0)
  }

  func copyStudyCarriesEveryTrial() throws {
    let b = backend
    let source = try Study(name: "\(tag)-src", directions: [.minimize], storage: try b.open())
    try source.enqueueTrial([("x", .number(0.5))])
    for i in 0..<3 {
      let t = try source.ask()
      _ = try source.suggestFloat(trial: t, "x", 0, 1)
      try source.report(trial: t, step: 1, value: Double(i))
      try source.setUserAttr(trial: t, key: "i", value: .number(Double(i)))
      if i < 2 { try source.tell(trial: t, values: [Double(i)]) }
    }
    try source.enqueueTrial([("x", .number(0.25))])
    let memory = InMemoryStorage()
    try Study.copy(name: "\(tag)-src", from: try b.open(), to: memory, as: "copy")
    let copy = try Study.load(name: "copy", storage: memory)
    #expect(try copy.trials.map(\.json) == source.trials.map(\.json), "\(b.name)")
    try Study.copy(name: "copy", from: memory, to: try b.open(), as: "\(tag)-back")
    #expect(try Study.load(name: "\(tag)-back", storage: try b.open()).trials.map(\.json) == source.trials.map(\.json))
    #expect(throws: (any Error).self) { try Study.copy(name: "copy", from: memory, to: try b.open(), as: "\(tag)-back") }
  }

  func staleTrialIsFailedByTheNextAskAndRetriedWithItsParams() throws {
    let b = backend
    let policy = try HeartbeatPolicy(interval: 0.02, gracePeriod: 0.1, failedTrialRetries: 1)
    let dead = try Study(name: "\(tag)-retry", direction: .minimize, storage: try b.open(), heartbeatPolicy: policy)
    let t = try dead.ask()
    let x = try dead.suggestFloat(trial: t, "x", 0, 1)
    let n = try dead.suggestInt(trial: t, "n", 1, 9)
    // The worker dies; another one asks after the grace period.
    usleep(150_000)
    let alive = try Study.load(name: "\(tag)-retry", storage: try b.open(), heartbeatPolicy: policy)
    let retry = try alive.ask()
    #expect(try alive.trial(t).state == .fail, "\(b.name)")
    #expect(retry == 1)
    #expect(try alive.suggestFloat(trial: retry, "x", 0, 1) == x)
    #expect(try alive.suggestInt(trial: retry, "n", 1, 9) == n)
    let frozen = try alive.trial(retry)
    #expect(frozen.systemAttr("failed_trial") == .number(0))
    #expect(frozen.systemAttr("retry_history") == .array([.number(0)]))
    // The retry dies too: with a cap of one retry, it is not queued again.
    usleep(150_000)
    #expect(try alive.failStaleTrials() == [retry])
    #expect(try alive.trialCount() == 2, "\(b.name)")
    // A worker that keeps calling keeps its trial alive.
    let live = try alive.ask()
    for _ in 0..<8 {
      usleep(25_000)
      try alive.report(trial: live, step: 0, value: 1)
    }
    #expect(try dead.failStaleTrials() == [])
    try alive.heartbeat(trial: live)
    try alive.tell(trial: live, values: [1])
    #expect(try alive.trial(live).state == .complete)
  }
}

extension StorageSuite {
  func studyAttrsSurviveReopeningAndAreReplacedInPlace() throws {
    let b = backend
    let s = try b.open()
    let id = try s.createStudy(name: "\(tag)-attrs", directions: [.minimize, .maximize])
    let other = try s.createStudy(name: "\(tag)-other", directions: [.minimize])
    #expect(try s.studyUserAttrs(study: id).isEmpty, "\(b.name)")
    try s.setStudyUserAttr(study: id, key: "b", value: .int(1))
    try s.setStudyUserAttr(study: id, key: "a", value: .array([.string("x"), .null]))
    try s.setStudyUserAttr(study: id, key: "b", value: .object([("k", .bool(true))]))
    try s.setStudySystemAttr(study: id, key: "study:metric_names", value: .array([.string("loss"), .string("acc")]))
    try s.setStudyUserAttr(study: other, key: "only", value: .int(1 << 62 + 1))
    let user = JSON.object([("b", .object([("k", .bool(true))])), ("a", .array([.string("x"), .null]))])
    let reopened = try b.open()
    #expect(JSON.object(try reopened.studyUserAttrs(study: id)) == user, "\(b.name)")
    #expect(
      JSON.object(try reopened.studySystemAttrs(study: id))
        == .object([("study:metric_names", .array([.string("loss"), .string("acc")]))]), "\(b.name)")
    #expect(JSON.object(try reopened.studyUserAttrs(study: other)) == .object([("only", .int(1 << 62 + 1))]))
    #expect(try reopened.studySystemAttrs(study: other).isEmpty, "\(b.name)")
    let summary = try #require(try reopened.studySummaries().first { $0.name == "\(tag)-attrs" })
    #expect(JSON.object(summary.userAttrs) == user, "\(b.name)")
    #expect(summary.json["user_attrs"] == user, "\(b.name)")
    let study = try Study.load(name: "\(tag)-attrs", storage: reopened)
    #expect(try study.metricNames() == ["loss", "acc"], "\(b.name)")
    #expect(try study.infoJSON["metric_names"] == .array([.string("loss"), .string("acc")]))
    #expect(try study.infoJSON["user_attrs"] == user, "\(b.name)")
    expectError(b, try study.setMetricNames(["only one"])) {
      if case .invalidArgument = $0 { return true }
      return false
    }
    #expect(try study.metricNames() == ["loss", "acc"], "\(b.name)")
    expectError(b, try study.setUserAttr("", .null)) {
      if case .invalidArgument(let m) = $0 { return m.contains("empty") }
      return false
    }
    expectError(b, try s.setStudyUserAttr(study: 1 << 40, key: "k", value: .null)) {
      if case .notFound = $0 { return true }
      return false
    }
    expectError(b, try s.studySystemAttrs(study: 1 << 40)) {
      if case .notFound = $0 { return true }
      return false
    }
  }

  func studyAttrsAreDeletedAndCopiedWithTheirStudy() throws {
    let b = backend
    let s = try b.open()
    let id = try s.createStudy(name: "\(tag)-src", directions: [.minimize])
    try s.setStudyUserAttr(study: id, key: "u", value: .string("v"))
    try s.setStudySystemAttr(study: id, key: "s", value: .number(0.5))
    let memory = InMemoryStorage()
    try Study.copy(name: "\(tag)-src", from: s, to: memory, as: "copy")
    try Study.copy(name: "copy", from: memory, to: try b.open(), as: "\(tag)-back")
    let back = try #require(try s.findStudy(name: "\(tag)-back"))
    #expect(JSON.object(try s.studyUserAttrs(study: back.id)) == .object([("u", .string("v"))]), "\(b.name)")
    #expect(JSON.object(try s.studySystemAttrs(study: back.id)) == .object([("s", .number(0.5))]), "\(b.name)")
    try s.deleteStudy(name: "\(tag)-src")
    expectError(b, try s.studyUserAttrs(study: id)) {
      if case .notFound = $0 { return true }
      return false
    }
    // A new study of the same name starts with no attributes.
    let again = try s.createStudy(name: "\(tag)-src", directions: [.minimize])
    #expect(try s.studyUserAttrs(study: again).isEmpty, "\(b.name)")
    #expect(try s.studySystemAttrs(study: again).isEmpty, "\(b.name)")
    #expect(try s.studyUserAttrs(study: back.id).count == 1, "\(b.name)")
  }
}

/// One case of the storage suite, reported by its name.
enum StorageCase: String, CaseIterable, Sendable, CustomTestStringConvertible {
  case studiesAreCreatedFoundListedAndDeletedByName, trialsAreNumberedAndEverySetterIsStored
  case intParamsAreStoredExactlyOverTheWholeInt64Range, readsAreIncremental
  case aStudyHandleCachesTrialsAndSeesOtherHandles, waitingTrialsArePoppedOldestFirst
  case staleTrialsFailOnceAndTrialsWithoutHeartbeatStay, loadIfExistsAndLoadByName
  case copyStudyCarriesEveryTrial, staleTrialIsFailedByTheNextAskAndRetriedWithItsParams
  case constraintsAreStoredAndDecideTheBestTrial
  case studyAttrsSurviveReopeningAndAreReplacedInPlace, studyAttrsAreDeletedAndCopiedWithTheirStudy
  /// Needs a server that can be made to fail mid-copy: PostgreSQL only.
  case aCopyThatFailsLeavesNoPartialStudy

  var testDescription: String { rawValue }

  /// The cases every backend runs.
  static let everyBackend = allCases.filter { $0 != .aCopyThatFailsLeavesNoPartialStudy }

  func run(on kind: StorageSuite.Kind) throws {
    let suite = try StorageSuite(kind)
    switch self {
    case .studiesAreCreatedFoundListedAndDeletedByName: try suite.studiesAreCreatedFoundListedAndDeletedByName()
    case .trialsAreNumberedAndEverySetterIsStored: try suite.trialsAreNumberedAndEverySetterIsStored()
    case .intParamsAreStoredExactlyOverTheWholeInt64Range: try suite.intParamsAreStoredExactlyOverTheWholeInt64Range()
    case .readsAreIncremental: try suite.readsAreIncremental()
    case .aStudyHandleCachesTrialsAndSeesOtherHandles: try suite.aStudyHandleCachesTrialsAndSeesOtherHandles()
    case .waitingTrialsArePoppedOldestFirst: try suite.waitingTrialsArePoppedOldestFirst()
    case .staleTrialsFailOnceAndTrialsWithoutHeartbeatStay: try suite.staleTrialsFailOnceAndTrialsWithoutHeartbeatStay()
    case .loadIfExistsAndLoadByName: try suite.loadIfExistsAndLoadByName()
    case .copyStudyCarriesEveryTrial: try suite.copyStudyCarriesEveryTrial()
    case .staleTrialIsFailedByTheNextAskAndRetriedWithItsParams:
      try suite.staleTrialIsFailedByTheNextAskAndRetriedWithItsParams()
    case .constraintsAreStoredAndDecideTheBestTrial: try suite.constraintsAreStoredAndDecideTheBestTrial()
    case .aCopyThatFailsLeavesNoPartialStudy: try suite.aCopyThatFailsLeavesNoPartialStudy()
    case .studyAttrsSurviveReopeningAndAreReplacedInPlace: try suite.studyAttrsSurviveReopeningAndAreReplacedInPlace()
    case .studyAttrsAreDeletedAndCopiedWithTheirStudy: try suite.studyAttrsAreDeletedAndCopiedWithTheirStudy()
    }
  }
}

/// The storage suite on the backends that need no server: one test case per backend and case.
@Suite struct StorageSuiteTests {
  @Test(arguments: StorageSuite.local, StorageCase.everyBackend)
  func storage(_ kind: StorageSuite.Kind, _ test: StorageCase) throws { try test.run(on: kind) }
}

/// The storage suite on PostgreSQL; skipped, and reported so, without `HONE_TEST_POSTGRES_URL`.
@Suite(
  .enabled(
    if: StorageSuite.postgresURL != nil,
    "HONE_TEST_POSTGRES_URL is not set; `make pg-test` runs these tests against a throwaway server"))
struct StoragePostgreSQLSuiteTests {
  @Test(arguments: StorageCase.allCases)
  func storage(_ test: StorageCase) throws { try test.run(on: .postgresql) }
}
