import CSQLite
internal import HonePlatform
import XCTest

@testable import Hone

/// What only the SQLite backend has: files, schema versions, URLs and concurrent connections.
final class StorageSQLiteTests: XCTestCase {
  private var scratch: TemporaryDirectory?
  var directory: String { scratch?.path ?? "/nonexistent" }

  override func setUpWithError() throws { scratch = try TemporaryDirectory("hone-sqlite-test") }

  override func tearDownWithError() throws { scratch?.remove() }

  func assertRefused(_ path: String, _ needle: String, line: UInt = #line) {
    let before = bytes(path)
    XCTAssertNotNil(before, line: line)
    XCTAssertThrowsError(try StorageURL(parsing: "sqlite:///" + path).open(), line: line) { error in
      guard case HoneError.storage(let m) = error else { return XCTFail("\(error)", line: line) }
      XCTAssert(m.contains(needle), m, line: line)
      XCTAssert(m.contains("not modified") || m.contains("corrupt"), m, line: line)
    }
    XCTAssertEqual(bytes(path), before, "the file was modified", line: line)
  }

  func testForeignCorruptAndNewerFilesAreRefusedUnmodified() throws {
    let text = "\(directory)/notes.db"
    write(text, Array("this is not a database at all, just some text\n".utf8))
    assertRefused(text, "not a SQLite database")

    let foreign = "\(directory)/foreign.db"
    sqlite(foreign, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users VALUES (1, 'ann');")
    assertRefused(foreign, "not a Hone storage")

    let newer = "\(directory)/newer.db"
    try fill(newer)
    sqlite(newer, "PRAGMA journal_mode = DELETE; UPDATE hone_schema SET version = 99;")
    assertRefused(newer, "schema version 99")

    let corrupt = "\(directory)/corrupt.db"
    try fill(corrupt)
    sqlite(corrupt, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
    guard var data = bytes(corrupt), data.count > 4096 else { return XCTFail("no database pages") }
    // Keep the header, scramble the schema page.
    for i in 120..<min(data.count, 4096) { data[i] = UInt8(truncatingIfNeeded: i &* 131) }
    write(corrupt, data)
    assertRefused(corrupt, corrupt)
  }

  /// A Hone storage with a study of 50 trials, closed again.
  func fill(_ path: String) throws {
    let storage = try StorageURL(parsing: "sqlite:///" + path).open()
    let id = try storage.createStudy(name: "s", directions: [.minimize])
    for _ in 0..<50 { _ = try storage.createTrial(study: id, state: .running, systemAttrs: [], start: 1) }
  }

  func testANewFileIsCreatedInWALModeAndReopenedWithEverything() throws {
    let path = "\(directory)/new.db"
    let first = try Study(
      name: "s", directions: [.minimize, .maximize], storage: try StorageURL(parsing: "sqlite:///" + path).open())
    for i in 0..<10 {
      let t = try first.ask()
      _ = try first.suggestCategorical(trial: t, "c", [.string("a"), .number(1.5), .bool(false)])
      try first.tell(trial: t, values: [Double(i), Double(i)])
    }
    var db: OpaquePointer?
    sqlite3_open(path, &db)
    var statement: OpaquePointer?
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &statement, nil)
    XCTAssertEqual(sqlite3_step(statement), SQLITE_ROW)
    XCTAssertEqual(String(cString: sqlite3_column_text(statement, 0)), "wal")
    sqlite3_finalize(statement)
    sqlite3_close(db)

    let reopened = try Study.load(name: "s", storage: try StorageURL(parsing: "sqlite:///" + path).open())
    XCTAssertEqual(reopened.directions, [.minimize, .maximize])
    XCTAssertEqual(try reopened.trials.map(\.json), try first.trials.map(\.json))
    XCTAssertEqual(try reopened.bestTrials().count, 10)
  }

  func testURLsParseAndNeverShowAPassword() throws {
    XCTAssertEqual(try StorageURL(parsing: nil), .memory)
    XCTAssertEqual(try StorageURL(parsing: "memory"), .memory)
    XCTAssertEqual(try StorageURL(parsing: "sqlite:///rel/x.db"), .sqlite(path: "rel/x.db"))
    XCTAssertEqual(try StorageURL(parsing: "sqlite:////abs/x.db"), .sqlite(path: "/abs/x.db"))
    XCTAssertEqual(
      try StorageURL(parsing: "postgresql://u:p@h:5432/db"), .postgresql(url: "postgresql://u:p@h:5432/db"))
    for bad in ["sqlite://", "sqlite:///", "sqlite://host/x.db", "mysql://u:hunter2@h/db", "x"] {
      XCTAssertThrowsError(try StorageURL(parsing: bad), bad) { error in
        guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(bad): \(error)") }
        XCTAssertFalse(m.contains("hunter2"), m)
      }
    }
    let cases = [
      ("postgresql://user:hunter2@db.example:5432/hone", "postgresql://user:***@db.example:5432/hone"),
      ("postgresql://user:hun/ter@2@host/db", "postgresql://user:***@host/db"),
      ("postgres://user@host/db", "postgres://user@host/db"),
      ("postgresql://host/db?user=u&password=hunter2&sslmode=require",
       "postgresql://host/db?user=u&password=***&sslmode=require"),
      ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ]
    for (url, expected) in cases { XCTAssertEqual(StorageURL.redacted(url), expected) }
    // Nothing listens on port 1: the connection is refused, and the message says so without the password.
    XCTAssertThrowsError(try StorageURL(parsing: "postgresql://user:hunter2@127.0.0.1:1/db").open()) { error in
      guard case HoneError.storage(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("could not connect"), m)
      XCTAssertFalse(m.contains("hunter2"), m)
    }
    XCTAssertThrowsError(try Study(optionsJSON: #"{"storage": "postgresql://u:hunter2@127.0.0.1:1/db"}"#)) { error in
      XCTAssertFalse("\(error)".contains("hunter2"))
    }
  }

  func testConnectionsInThreadsNumberTrialsWithoutGaps() throws {
    let url = "sqlite:///\(directory)/race.db"
    let studies = try (0..<4).map { i in
      try Study(name: "race", direction: .minimize, storage: try StorageURL(parsing: url).open(), loadIfExists: true)
    }
    let errors = Lock()
    var failures: [String] = []
    var threads: [pthread_t] = []
    final class Box: @unchecked Sendable { let body: () -> Void; init(_ b: @escaping () -> Void) { body = b } }
    for study in studies {
      let box = Box {
        for _ in 0..<25 {
          do {
            let t = try study.ask()
            let x = try study.suggestFloat(trial: t, "x", 0, 1)
            try study.tell(trial: t, values: [x])
          } catch {
            errors.withLock { failures.append("\(error)") }
          }
        }
      }
      var thread = pthread_t()
      let arg = Unmanaged.passRetained(box).toOpaque()
      pthread_create(&thread, nil, { p in
        let box = Unmanaged<Box>.fromOpaque(p!).takeRetainedValue()
        box.body()
        return nil
      }, arg)
      threads.append(thread)
    }
    for t in threads { pthread_join(t, nil) }
    XCTAssertEqual(failures, [])
    let trials = try studies[0].trials
    XCTAssertEqual(trials.map(\.number), Array(0..<100))
    XCTAssert(trials.allSatisfy { $0.state == .complete && $0.param("x") != nil })
  }

  /// A GP worker sees another process's RUNNING trials as pending, through the
  /// shared file, and spreads its own suggestions away from them.
  func testGPWorkersOnOneFileSeeEachOthersRunningTrials() throws {
    let storage = try StorageURL(parsing: "sqlite:///\(directory)/gp.db").open()
    let first = try Study(
      name: "gp", direction: .minimize, sampler: GPSampler(seed: 1, nStartupTrials: 5), storage: storage)
    try first.optimize(nTrials: 12) { trial in
      let dx: Double = try trial.suggestFloat("x", 0, 1) - 0.3
      let dy: Double = try trial.suggestFloat("y", 0, 1) - 0.6
      return dx * dx + dy * dy
    }
    // A second worker: its own storage connection and sampler, with the first's seed,
    // so without the first's RUNNING trial it would propose about the same point.
    let second = try Study.load(
      name: "gp", storage: try StorageURL(parsing: "sqlite:///\(directory)/gp.db").open(),
      sampler: GPSampler(seed: 1, nStartupTrials: 5))
    func propose(_ study: Study) throws -> (Int, [Double]) {
      let t = try study.ask()
      return (t, [try study.suggestFloat(trial: t, "x", 0, 1), try study.suggestFloat(trial: t, "y", 0, 1)])
    }
    func distance(_ a: [Double], _ b: [Double]) -> Double {
      ((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])).squareRoot()
    }
    let (t0, p0) = try propose(first)
    XCTAssertEqual(try second.trials.filter { $0.state == .running }.map(\.number), [t0])
    let (t1, p1) = try propose(second)
    // Control: with both failed (left out of the model) nothing is pending, and the
    // second worker proposes about where the first did.
    try first.tell(trial: t0, values: [], state: .fail)
    try second.tell(trial: t1, values: [], state: .fail)
    let (_, p2) = try propose(second)
    XCTAssertLessThan(distance(p2, p0), 0.2 * distance(p1, p0), "p0 \(p0), p1 \(p1), p2 \(p2)")
  }
}

/// Files for the SQLite suites: their bytes, and SQL run on them as another program would.
extension XCTestCase {
  func bytes(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 4096)
    while true {
      let n = fread(&buffer, 1, buffer.count, f)
      if n == 0 { return out }
      out += buffer[0..<n]
    }
  }

  func write(_ path: String, _ data: [UInt8]) {
    let f = fopen(path, "wb")
    _ = data.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, f) }
    fclose(f)
  }

  /// Runs SQL on a file through SQLite directly, as another program would.
  func sqlite(_ path: String, _ sql: String, line: UInt = #line) {
    var db: OpaquePointer?
    XCTAssertEqual(sqlite3_open(path, &db), SQLITE_OK, line: line)
    XCTAssertEqual(sqlite3_exec(db, sql, nil, nil, nil), SQLITE_OK, String(cString: sqlite3_errmsg(db)), line: line)
    sqlite3_close(db)
  }
}
