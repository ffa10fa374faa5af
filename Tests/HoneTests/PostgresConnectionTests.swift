internal import HonePlatform
import XCTest

@testable import Hone

/// Password redaction and URL checks: no server needed.
final class PostgresRedactionTests: XCTestCase {
  func testRedactedURLHidesEveryPasswordForm() {
    let cases = [
      ("postgresql://hone:s3cret@db.example:5432/hone", "postgresql://hone:***@db.example:5432/hone"),
      ("postgres://hone:s3cret@db/hone?sslmode=require", "postgres://hone:***@db/hone?sslmode=require"),
      ("postgresql://hone@db/hone", "postgresql://hone@db/hone"),
      ("postgresql://db:5432/hone", "postgresql://db:5432/hone"),
      ("postgresql://hone:p%40ss@[::1]:5432/hone", "postgresql://hone:***@[::1]:5432/hone"),
      // Unencoded '@', '/' and '?' in the password: hidden whole all the same.
      ("postgresql://hone:p@ss@db/hone", "postgresql://hone:***@db/hone"),
      ("postgresql://hone:se/cr?et@db/hone", "postgresql://hone:***@db/hone"),
      ("postgresql://hone:pw@db/hone?application_name=a@b", "postgresql://hone:***@db/hone?application_name=a@b"),
      ("postgresql://db/hone?user=hone&password=s3cret&sslmode=disable",
        "postgresql://db/hone?user=hone&password=***&sslmode=disable"),
      ("host=db user=hone password=s3cret dbname=hone", "host=db user=hone password=*** dbname=hone"),
      ("host=db password='s3 \\'cr' dbname=hone", "host=db password=*** dbname=hone"),
      ("host=db old_password=keep", "host=db old_password=keep"),
    ]
    for (url, expected) in cases {
      XCTAssertEqual(PostgresConnection.redactedURL(url), expected, url)
    }
  }

  func testBadURLsAreRejectedWithoutShowingThePassword() {
    let cases = [
      ("mysql://hone:Zq9secretpw@db/hone", "not a PostgreSQL URL"),
      ("postgresql://hone:Zq9secretpw@db/hone?bogus_option=1", "not a valid PostgreSQL URL"),
      ("postgresql://hone:Zq9secretpw%zz@db/hone", "not valid percent-encoding"),
      ("postgresql://hone:Zq9@secretpw@db/hone", "ambiguous"),
      ("postgresql://hone:Zq9/secretpw@db/hone", "ambiguous"),
    ]
    for (url, expected) in cases {
      XCTAssertThrowsError(try PostgresConnection(url: url), url) { error in
        guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(url): \(error)") }
        XCTAssert(m.contains(expected), m)
        XCTAssertFalse(m.contains("Zq9") || m.contains("secretpw"), m)
      }
    }
  }

  func testRefusedConnectionNamesTheRedactedURL() throws {
    // Port 1 on the loopback: nothing listens there, so the refusal is immediate.
    XCTAssertThrowsError(try PostgresConnection(url: "postgresql://hone:Zq9secretpw@127.0.0.1:1/hone")) {
      error in
      guard case HoneError.storage(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("could not connect to PostgreSQL at postgresql://hone:***@127.0.0.1:1/hone"), m)
      XCTAssertFalse(m.contains("Zq9secretpw"), m)
    }
  }

  func testScrubReplacesLongerSecretsFirst() {
    XCTAssertEqual(
      PostgresConnection.scrub("user pa%40ss and pa@ss", secrets: ["pa@ss", "pa%40ss", ""]),
      "user *** and ***")
  }

  func testPlaceholdersNumberRowsInOrder() {
    XCTAssertEqual(PostgresConnection.placeholders(rows: 2, columns: 3), "($1, $2, $3), ($4, $5, $6)")
    XCTAssertEqual(PostgresConnection.placeholders(rows: 1, columns: 2, from: 4), "($4, $5)")
    XCTAssertEqual(PostgresConnection.placeholders(rows: 0, columns: 2), "")
  }
}

/// A live server: set HONE_TEST_POSTGRES_URL (`make pg-test` starts one).
final class PostgresConnectionTests: XCTestCase {
  private var url = ""
  private var db: PostgresConnection!
  private var table = ""

  override func setUpWithError() throws {
    guard let env = getenv("HONE_TEST_POSTGRES_URL"), !String(cString: env).isEmpty else {
      throw XCTSkip("HONE_TEST_POSTGRES_URL is not set; `make pg-test` runs these tests against a throwaway server")
    }
    url = String(cString: env)
    db = try PostgresConnection(url: url)
    table = "hone_test_\(getpid())_\(name.filter { $0.isLetter || $0.isNumber }.suffix(40))".lowercased()
  }

  override func tearDownWithError() throws {
    if let db { _ = try db.execute("DROP TABLE IF EXISTS \(table)") }
  }

  func testEveryTypeRoundTripsThroughParameters() throws {
    // Several statements without parameters go through PQexec in one call.
    _ = try db.execute(
      """
      DROP TABLE IF EXISTS \(table);
      CREATE TABLE \(table) (id bigint PRIMARY KEY, i bigint, d double precision, t text, b boolean);
      CREATE INDEX ON \(table) (t);
      """)
    let rows: [[PGValue]] = [
      [.int(0), .int(.max), .double(.nan), .text("héllo 🌍 日本語"), .bool(true)],
      [.int(1), .int(.min), .double(.infinity), .text("'; DROP TABLE x; -- \\ \" $1"), .bool(false)],
      [.int(2), .int(0), .double(-.infinity), .text(""), .null],
      [.int(3), .null, .double(-0.0), .null, .bool(true)],
      [.int(4), .int(-7), .double(0.1), .text("line\nbreak\ttab"), .bool(false)],
      [.int(5), .int(42), .double(.leastNonzeroMagnitude), .text("x"), .null],
      [.int(6), .int(43), .double(.greatestFiniteMagnitude), .text("y"), .null],
      [.int(7), .int(44), .double(-.pi), .text("z"), .null],
      [.int(8), .int(45), .null, .text("w"), .null],
    ]
    let inserted = try db.execute(
      "INSERT INTO \(table) (id, i, d, t, b) VALUES \(PostgresConnection.placeholders(rows: rows.count, columns: 5))",
      params: rows.flatMap { $0 })
    XCTAssertEqual(inserted.affectedRows, rows.count)

    let result = try db.execute("SELECT id, i, d, t, b FROM \(table) WHERE id >= $1 ORDER BY id", params: [.int(0)])
    XCTAssertEqual(result.columns, ["id", "i", "d", "t", "b"])
    XCTAssertEqual(result.rowCount, rows.count)
    for (r, row) in rows.enumerated() {
      for c in 0..<5 {
        XCTAssertEqual(try result.value(r, c), row[c], "row \(r) column \(c)")
      }
    }
    XCTAssert(try result.double(0, 2).isNaN)
    XCTAssertEqual(try result.double(3, 2).sign, .minus)
    XCTAssertEqual(try result.int64(0, try result.column("i")), .max)
    XCTAssertEqual(try result.string(0, 3), "héllo 🌍 日本語")
    XCTAssertEqual(try result.bool(1, 4), false)
    XCTAssertTrue(try result.isNull(3, 1))
    XCTAssertFalse(try result.isNull(0, 1))

    // Untyped context: each value comes back as what it was sent as.
    for value in rows.flatMap({ $0 }) {
      XCTAssertEqual(try db.execute("SELECT $1 AS v", params: [value]).value(0, 0), value)
    }
    // A text parameter lands in a typed column because its type is left to the server.
    let cast = try db.execute("SELECT $1::jsonb ->> 'k', $2::float8", params: [.text(#"{"k": "v"}"#), .text("NaN")])
    XCTAssertEqual(try cast.string(0, 0), "v")
    XCTAssert(try cast.double(0, 1).isNaN)
  }

  func testAccessorsAndStatementsFailWithClearErrors() throws {
    let r = try db.execute("SELECT NULL::bigint AS n, 'abc' AS s, 1 AS one")
    XCTAssertThrowsError(try r.int64(0, 0)) { XCTAssert("\($0)".contains("'n' of row 0 is NULL"), "\($0)") }
    XCTAssertThrowsError(try r.int64(0, 1)) { XCTAssert("\($0)".contains("'abc', not an integer"), "\($0)") }
    XCTAssertThrowsError(try r.bool(0, 2)) { XCTAssert("\($0)".contains("not a boolean"), "\($0)") }
    XCTAssertThrowsError(try r.string(1, 0)) { guard case HoneError.internal = $0 else { return XCTFail("\($0)") } }
    XCTAssertThrowsError(try r.string(0, 3)) { guard case HoneError.internal = $0 else { return XCTFail("\($0)") } }
    XCTAssertThrowsError(try r.column("missing"))

    XCTAssertThrowsError(try db.execute("SELEC 1")) { error in
      guard case HoneError.storage(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("syntax error") && m.contains("SQLSTATE 42601") && m.contains("'SELEC 1'"), m)
      XCTAssert(m.contains(PostgresConnection.redactedURL(self.url)), m)
    }
    XCTAssertThrowsError(try db.execute("SELECT $1", params: [.text("a\u{0}b")])) { error in
      guard case HoneError.invalidArgument(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("$1 holds a NUL"), m)
    }
    XCTAssertThrowsError(try db.execute("SELECT 1", params: Array(repeating: .int(1), count: 65_536)))
    _ = try db.execute("CREATE TABLE \(table) (k text PRIMARY KEY)")
    _ = try db.execute("INSERT INTO \(table) VALUES ($1)", params: [.text("a")])
    XCTAssertThrowsError(try db.execute("INSERT INTO \(table) VALUES ($1)", params: [.text("a")])) {
      XCTAssert("\($0)".contains("SQLSTATE 23505"), "\($0)")
    }
    // The connection is still usable after each failure.
    XCTAssertEqual(try db.execute("SELECT count(*) FROM \(table)").int64(0, 0), 1)
  }

  func testTransactionCommitsOrRollsBackWhole() throws {
    _ = try db.execute("CREATE TABLE \(table) (k int)")
    let n = try db.transaction { tx throws(HoneError) -> Int64 in
      _ = try tx.execute("INSERT INTO \(table) VALUES (1), (2)")
      return try tx.execute("SELECT count(*) FROM \(table)").int64(0, 0)
    }
    XCTAssertEqual(n, 2)

    // The body's own error.
    XCTAssertThrowsError(
      try db.transaction { tx throws(HoneError) in
        _ = try tx.execute("INSERT INTO \(table) VALUES (3)")
        throw HoneError.state("changed my mind")
      }
    ) { XCTAssertEqual($0 as? HoneError, .state("changed my mind")) }
    // A failing statement.
    XCTAssertThrowsError(
      try db.transaction { tx throws(HoneError) in
        _ = try tx.execute("INSERT INTO \(table) VALUES (4)")
        _ = try tx.execute("INSERT INTO \(table)_missing VALUES (5)")
      }
    ) { XCTAssert("\($0)".contains("SQLSTATE 42P01"), "\($0)") }
    // A failing statement the body caught: still no commit.
    XCTAssertThrowsError(
      try db.transaction { tx throws(HoneError) in
        _ = try tx.execute("INSERT INTO \(table) VALUES (6)")
        _ = try? tx.execute("SELECT 1/0")
      }
    ) { XCTAssert("\($0)".contains("division by zero"), "\($0)") }
    XCTAssertEqual(try db.execute("SELECT array_agg(k ORDER BY k)::text FROM \(table)").string(0, 0), "{1,2}")

    // A transaction that escapes its body cannot run statements unlocked.
    let escaped = try db.transaction { tx throws(HoneError) in tx }
    XCTAssertThrowsError(try escaped.execute("SELECT 1")) {
      guard case HoneError.state = $0 else { return XCTFail("\($0)") }
    }
    XCTAssertThrowsError(try db.transaction(maxAttempts: 0) { _ throws(HoneError) in })
  }

  func testSerializationFailureRunsTheTransactionAgain() throws {
    _ = try db.execute("CREATE TABLE \(table) (id int PRIMARY KEY, n bigint); INSERT INTO \(table) VALUES (1, 0)")
    let other = try PostgresConnection(url: url)
    var attempts = 0
    let seen = try db.transaction { tx throws(HoneError) -> Int64 in
      attempts += 1
      let n = try tx.execute("SELECT n FROM \(table) WHERE id = 1").int64(0, 0)
      // Another session commits an update after this snapshot, on the first attempt only.
      if attempts == 1 { _ = try other.execute("UPDATE \(table) SET n = n + 10 WHERE id = 1") }
      _ = try tx.execute("UPDATE \(table) SET n = $1 WHERE id = 1", params: [.int(n + 1)])
      return n
    }
    XCTAssertEqual(attempts, 2)
    XCTAssertEqual(seen, 10)
    XCTAssertEqual(try db.execute("SELECT n FROM \(table)").int64(0, 0), 11)

    // With a single attempt the failure surfaces.
    var tries = 0
    XCTAssertThrowsError(
      try db.transaction(maxAttempts: 1) { tx throws(HoneError) in
        tries += 1
        let n = try tx.execute("SELECT n FROM \(table) WHERE id = 1").int64(0, 0)
        _ = try other.execute("UPDATE \(table) SET n = n + 10 WHERE id = 1")
        _ = try tx.execute("UPDATE \(table) SET n = $1 WHERE id = 1", params: [.int(n + 1)])
      }
    ) { XCTAssert("\($0)".contains("gave up after 1 attempts") && "\($0)".contains("40001"), "\($0)") }
    XCTAssertEqual(tries, 1)
    XCTAssertEqual(try db.execute("SELECT n FROM \(table)").int64(0, 0), 21)
  }

  func testConcurrentSerializableIncrementsAreExact() throws {
    _ = try db.execute("CREATE TABLE \(table) (id int PRIMARY KEY, n bigint); INSERT INTO \(table) VALUES (1, 0)")
    let perThread = 100
    let connections = [try PostgresConnection(url: url), try PostgresConnection(url: url)]
    let sql = "UPDATE \(table) SET n = $1 WHERE id = 1"
    let select = "SELECT n FROM \(table) WHERE id = 1"
    DispatchQueueless.concurrentPerform(iterations: 2) { i in
      for _ in 0..<perThread {
        do {
          // Read, then write: a lost update unless conflicts are retried.
          try connections[i].transaction(maxAttempts: 1000) { tx throws(HoneError) in
            let n = try tx.execute(select).int64(0, 0)
            _ = try tx.execute(sql, params: [.int(n + 1)])
          }
        } catch {
          XCTFail("\(error)")
        }
      }
    }
    XCTAssertEqual(try db.execute(select).int64(0, 0), Int64(2 * perThread))
  }

  func testDeadlockVictimRunsAgain() throws {
    _ = try db.execute("CREATE TABLE \(table) (id int PRIMARY KEY, n int); INSERT INTO \(table) VALUES (1, 0), (2, 0)")
    let connections = [try PostgresConnection(url: url), try PostgresConnection(url: url)]
    let barrier = UnsafeMutablePointer<pthread_barrier_t>.allocate(capacity: 1)
    pthread_barrier_init(barrier, nil, 2)
    defer {
      pthread_barrier_destroy(barrier)
      barrier.deallocate()
    }
    let attempts = Lock()
    nonisolated(unsafe) var total = 0
    nonisolated(unsafe) let sync = barrier
    let table = self.table
    DispatchQueueless.concurrentPerform(iterations: 2) { i in
      var mine = 0
      do {
        // Thread 0 locks row 1 then row 2; thread 1 the other way round.
        try connections[i].transaction(isolation: .readCommitted) { tx throws(HoneError) in
          mine += 1
          _ = try tx.execute("UPDATE \(table) SET n = n + 1 WHERE id = $1", params: [.int(Int64(1 + i))])
          if mine == 1 { pthread_barrier_wait(sync) }
          _ = try tx.execute("UPDATE \(table) SET n = n + 1 WHERE id = $1", params: [.int(Int64(2 - i))])
        }
      } catch {
        XCTFail("\(error)")
      }
      attempts.withLock { total += mine }
    }
    XCTAssertGreaterThanOrEqual(total, 3, "one of the two transactions must have been the deadlock victim")
    XCTAssertEqual(try db.execute("SELECT sum(n) FROM \(table)").int64(0, 0), 4)
  }

  func testLostConnectionIsReestablishedOnce() throws {
    _ = try db.execute("CREATE TABLE \(table) (k int)")
    let admin = try PostgresConnection(url: url)
    func kill() throws {
      let pid = try db.execute("SELECT pg_backend_pid()").int64(0, 0)
      XCTAssertTrue(try admin.execute("SELECT pg_terminate_backend($1::int)", params: [.int(pid)]).bool(0, 0))
      // Termination is asynchronous: wait until the backend is gone.
      for _ in 0..<200 {
        let alive = try admin.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", params: [.int(pid)])
        if try alive.int64(0, 0) == 0 { return }
        usleep(10_000)
      }
    }
    try kill()
    let before = try db.execute("SELECT pg_backend_pid()").int64(0, 0)
    XCTAssertEqual(try db.execute("SELECT 1").int64(0, 0), 1)
    try kill()
    try db.transaction { tx throws(HoneError) in _ = try tx.execute("INSERT INTO \(table) VALUES (1)") }
    XCTAssertEqual(try db.execute("SELECT count(*) FROM \(table)").int64(0, 0), 1)
    XCTAssertNotEqual(try db.execute("SELECT pg_backend_pid()").int64(0, 0), before)
  }

  func testPreparedStatementsSurviveReconnectsAndDifferentTypes() throws {
    _ = try db.execute("CREATE TABLE \(table) (k bigint, v double precision)")
    let insert = "INSERT INTO \(table) (k, v) VALUES ($1, $2)"
    // The same text with other parameter types is another prepared statement.
    _ = try db.execute(insert, params: [.int(1), .double(0.5)])
    _ = try db.execute(insert, params: [.int(2), .null])
    _ = try db.execute(insert, params: [.text("3"), .int(7)])
    // A reconnect loses the session's prepared statements; the cache must forget them too.
    let admin = try PostgresConnection(url: url)
    let pid = try db.execute("SELECT pg_backend_pid()").int64(0, 0)
    _ = try admin.execute("SELECT pg_terminate_backend($1::int)", params: [.int(pid)])
    for _ in 0..<200 {
      let alive = try admin.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", params: [.int(pid)])
      if try alive.int64(0, 0) == 0 { break }
      usleep(10_000)
    }
    _ = try db.execute(insert, params: [.int(4), .double(1.5)])
    let rows = try db.execute("SELECT k, v FROM \(table) WHERE k >= $1 ORDER BY k", params: [.int(0)])
    XCTAssertEqual(rows.rowCount, 4)
    XCTAssertEqual(try rows.double(3, 1), 1.5)
    XCTAssertTrue(try rows.isNull(1, 1))
  }

  func testWrongPasswordMessageHidesThePassword() throws {
    let wrong = "Wr0ng-pa55word-\(getpid())"
    guard let span = PostgresConnection.passwordSpans(in: url).first else {
      throw XCTSkip("HONE_TEST_POSTGRES_URL carries no password to replace")
    }
    var bad = url
    bad.replaceSubrange(span, with: wrong)
    XCTAssertThrowsError(try PostgresConnection(url: bad)) { error in
      guard case HoneError.storage(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("password authentication failed"), m)
      XCTAssert(m.contains(PostgresConnection.redactedURL(bad)) && m.contains(":***@"), m)
      XCTAssertFalse(m.contains(wrong), m)
    }
  }
}
