internal import HonePlatform
import XCTest

@testable import Hone

/// A database row is input: a SQLite file edited by hand, one row per case, is refused
/// with `.storage` naming the trial and the column, and is left byte for byte as it was.
final class StorageCorruptionTests: XCTestCase {
  private var scratch: TemporaryDirectory?
  var directory: String { scratch?.path ?? "/nonexistent" }

  override func setUpWithError() throws { scratch = try TemporaryDirectory("hone-corruption-test") }

  override func tearDownWithError() throws { scratch?.remove() }

  /// The row identifier of trial 2, the one most cases damage.
  static let trial2 = "(SELECT trial_id FROM trials WHERE number = 2)"

  /// Writes study 'x' (minimize) to a closed SQLite file and returns its bytes: four
  /// COMPLETE trials with an int 'n' in [1, 3], a categorical 'c' and a float 'f' in
  /// [0, 1], an intermediate value at step 0 and a user attribute 'u'. What Hone writes
  /// and must read back: trial 0's value is -inf, trial 1 reported a NaN and has
  /// infinite constraint values, and trial 3 was enqueued with n = 7, outside the
  /// bounds, as Optuna allows.
  func pristine() throws -> [UInt8] {
    let path = "\(directory)/pristine.db"
    do {
      let storage = try StorageURL(parsing: "sqlite:///" + path).open()
      let study = try Study(name: "x", direction: .minimize, storage: storage)
      for i in 0..<4 {
        if i == 3 { _ = try study.enqueueTrial([("n", .number(7))]) }
        let t = try study.ask()
        _ = try study.suggestInt(trial: t, "n", 1, 3)
        _ = try study.suggestCategorical(trial: t, "c", [.string("a"), .string("b"), .string("c")])
        _ = try study.suggestFloat(trial: t, "f", 0, 1)
        try study.report(trial: t, step: 0, value: i == 1 ? .nan : Double(i))
        try study.setUserAttr(trial: t, key: "u", value: .number(Double(i)))
        if i == 1 { try study.setConstraints(trial: t, [-.infinity, 0.5, .infinity]) }
        try study.tell(trial: t, values: [i == 0 ? -.infinity : Double(i)])
      }
    }
    // The study and its connection are gone: the WAL is checkpointed into the file.
    guard let data = bytes(path) else { throw HoneError.internal("no pristine file") }
    return data
  }

  /// The reads every case runs: a load with every trial, an export, and a listing.
  func reads(_ url: String) -> [(String, () throws -> Void)] {
    [
      ("load", { _ = try Study.load(name: "x", storageURL: url, optionsJSON: nil).trials }),
      ("export", { _ = try Study.load(name: "x", storageURL: url, optionsJSON: nil).export(.csv) }),
      ("list", { _ = try StorageURL(parsing: url).openExisting()?.studySummaries() }),
    ]
  }

  func testThePristineStudyReadsBackWithWhatHoneWrote() throws {
    let path = "\(directory)/control.db"
    write(path, try pristine())
    for (name, read) in reads("sqlite:///" + path) { XCTAssertNoThrow(try read(), name) }
    let trials = try Study.load(name: "x", storageURL: "sqlite:///" + path, optionsJSON: nil).trials
    XCTAssertEqual(trials.map(\.number), [0, 1, 2, 3])
    XCTAssertEqual(trials[0].value, -.infinity)
    XCTAssert(trials[1].intermediateValues[0]?.isNaN == true)
    XCTAssertEqual(trials[3].param("n")?.value, .int(7))
    XCTAssertEqual(trials[1].constraints, [-.infinity, 0.5, .infinity])
  }

  /// Optuna stores null constraints when its constraints function raised: no constraints, not damage.
  func testNullConstraintsAsOptunaWritesThemReadAsNone() throws {
    let path = "\(directory)/null.db"
    write(path, try pristine())
    sqlite(path, "UPDATE trial_system_attrs SET value_json = 'null' WHERE attr_key = 'constraints'")
    let study = try Study.load(name: "x", storageURL: "sqlite:///" + path, optionsJSON: nil)
    XCTAssertEqual(try study.trial(1).systemAttr(FrozenTrial.constraintsKey), .null)
    XCTAssertNil(try study.trial(1).constraints)
    XCTAssertTrue(try study.trial(1).isFeasible)
  }

  func testEveryDamagedRowIsRefusedNamingItAndTheFileIsUnchanged() throws {
    let t2 = Self.trial2
    let cases: [(name: String, sql: String, needles: [String])] = [
      ("huge trial number", "UPDATE trials SET number = 9223372036854775807 WHERE number = 3",
       ["'number'", "9223372036854775807"]),
      ("negative trial number", "UPDATE trials SET number = -1 WHERE number = 2", ["'number'", "-1"]),
      ("text trial number", "UPDATE trials SET number = 'two' WHERE number = 2", ["'number'", "text 'two'"]),
      ("gap in the numbers", "DELETE FROM trials WHERE number = 2", ["no trial 2, but there is a trial 3"]),
      ("unknown state", "UPDATE trials SET state = 42 WHERE number = 2", ["trial 2 ", "'state'", "42"]),
      ("blob state", "UPDATE trials SET state = x'0102' WHERE number = 2", ["trial 2 ", "'state'", "blob"]),
      ("absurd start", "UPDATE trials SET datetime_start = 1e300 WHERE number = 2",
       ["trial 2 ", "'datetime_start'", "1e+300"]),
      ("infinite completion", "UPDATE trials SET datetime_complete = 1e999 WHERE number = 2",
       ["trial 2 ", "'datetime_complete'", "inf"]),
      ("negative start", "UPDATE trials SET datetime_start = -5 WHERE number = 2",
       ["trial 2 ", "'datetime_start'", "-5"]),
      ("text start", "UPDATE trials SET datetime_start = 'yesterday' WHERE number = 2",
       ["trial 2 ", "'datetime_start'", "text 'yesterday'"]),
      // A row as schema 1 wrote it: no exact column, only the double.
      ("huge int parameter",
       "UPDATE trial_params SET param_value = 1e300, param_int = NULL WHERE param_name = 'n' AND trial_id = \(t2)",
       ["trial 2 ", "parameter 'n' has value 1e+300, which is not a 64-bit integer"]),
      ("fractional int parameter",
       "UPDATE trial_params SET param_value = 1.5, param_int = NULL WHERE param_name = 'n' AND trial_id = \(t2)",
       ["trial 2 ", "parameter 'n' has value 1.5, which is not an integer"]),
      ("exact int parameter out of bounds",
       "UPDATE trial_params SET param_int = 9223372036854775807 WHERE param_name = 'n' AND trial_id = \(t2)",
       ["trial 2 ", "parameter 'n' has value 9223372036854775807, outside int[1, 3]"]),
      ("text exact int parameter",
       "UPDATE trial_params SET param_int = 'two' WHERE param_name = 'n' AND trial_id = \(t2)",
       ["trial 2 ", "'param_int'", "text 'two'"]),
      ("categorical index -5",
       "UPDATE trial_params SET param_value = -5 WHERE param_name = 'c' AND trial_id = \(t2)",
       ["trial 2 ", "parameter 'c' has value -5, not an index"]),
      ("categorical index 0.5",
       "UPDATE trial_params SET param_value = 0.5 WHERE param_name = 'c' AND trial_id = \(t2)",
       ["trial 2 ", "parameter 'c' has value 0.5"]),
      ("categorical index past the end",
       "UPDATE trial_params SET param_value = 3 WHERE param_name = 'c' AND trial_id = \(t2)",
       ["trial 2 ", "parameter 'c' has value 3, not an index"]),
      ("float outside its bounds",
       "UPDATE trial_params SET param_value = 5 WHERE param_name = 'f' AND trial_id = \(t2)",
       ["trial 2 ", "parameter 'f' has value 5, outside float[0.0, 1.0]"]),
      ("an enqueued value without its fixed_params",
       "DELETE FROM trial_system_attrs WHERE attr_key = 'fixed_params'",
       ["trial 3 ", "parameter 'n' has value 7, outside int[1, 3]"]),
      ("text parameter value",
       "UPDATE trial_params SET param_value = 'big' WHERE param_name = 'f' AND trial_id = \(t2)",
       ["trial 2 ", "'param_value'", "text 'big'"]),
      ("truncated distribution_json",
       "UPDATE trial_params SET distribution_json = '{\"type\": \"int\"' WHERE param_name = 'n' AND trial_id = \(t2)",
       ["trial 2 ", "parameter 'n' has a distribution_json that is not a distribution"]),
      ("distribution_json of the wrong shape",
       "UPDATE trial_params SET distribution_json = '[1, 2]' WHERE param_name = 'n' AND trial_id = \(t2)",
       ["trial 2 ", "parameter 'n' has a distribution_json that is not a distribution"]),
      ("distribution_json with low above high",
       """
       UPDATE trial_params SET distribution_json = '{"type": "int", "low": 3, "high": 1}'
       WHERE param_name = 'n' AND trial_id = \(t2)
       """,
       ["trial 2 ", "parameter 'n' has a distribution_json that is not a distribution"]),
      ("parameter name not UTF-8",
       "UPDATE trial_params SET param_name = CAST(x'ff' AS TEXT) WHERE param_name = 'f' AND trial_id = \(t2)",
       ["trial 2 ", "'param_name'", "not UTF-8"]),
      ("malformed value_json", "UPDATE trial_user_attrs SET value_json = '{oops' WHERE trial_id = \(t2)",
       ["trial 2 ", "trial_user_attrs key 'u' has a value_json that is not JSON"]),
      ("blob attribute key", "UPDATE trial_user_attrs SET attr_key = x'75' WHERE trial_id = \(t2)",
       ["trial 2 ", "'attr_key'", "blob"]),
      ("negative grid_id", "INSERT INTO trial_system_attrs VALUES (\(t2), 9, 'grid_id', '-1')",
       ["trial 2 ", "system attribute 'grid_id' is -1"]),
      ("constraints not an array", "INSERT INTO trial_system_attrs VALUES (\(t2), 9, 'constraints', '{\"c\": 1}')",
       ["trial 2 ", "system attribute 'constraints'", "not an array of numbers"]),
      ("a constraint that is not a number",
       "INSERT INTO trial_system_attrs VALUES (\(t2), 9, 'constraints', '[-1, \"low\"]')",
       ["trial 2 ", "system attribute 'constraints'", "item 1 is not a number"]),
      ("a NaN constraint", "INSERT INTO trial_system_attrs VALUES (\(t2), 9, 'constraints', '[NaN]')",
       ["trial 2 ", "system attribute 'constraints'", "item 0 is NaN"]),
      ("fixed_params not an object", "INSERT INTO trial_system_attrs VALUES (\(t2), 9, 'fixed_params', '[1]')",
       ["trial 2 ", "'fixed_params'"]),
      ("objective out of range", "UPDATE trial_values SET objective = 1 WHERE trial_id = \(t2)",
       ["trial 2 ", "objective 1, but the study has 1 direction"]),
      ("NULL objective value", "UPDATE trial_values SET value = NULL WHERE trial_id = \(t2)",
       ["trial 2 ", "the value of objective 0 is NULL"]),
      ("text objective value", "UPDATE trial_values SET value = 'low' WHERE trial_id = \(t2)",
       ["trial 2 ", "'value'", "text 'low'"]),
      ("COMPLETE without a value", "DELETE FROM trial_values WHERE trial_id = \(t2)",
       ["trial 2 ", "COMPLETE with 0 values"]),
      ("negative step", "UPDATE trial_intermediate_values SET step = -3 WHERE trial_id = \(t2)",
       ["trial 2 ", "step -3"]),
      ("text step", "UPDATE trial_intermediate_values SET step = 'first' WHERE trial_id = \(t2)",
       ["trial 2 ", "'step'", "text 'first'"]),
      ("unknown direction", "UPDATE studies SET directions = 'sideways'", ["study 'x'", "'directions'", "sideways"]),
      ("negative change counter", "UPDATE studies SET seq = -4", ["study 'x'", "'seq'", "-4"]),
      ("text schema version", "UPDATE hone_schema SET version = 'one'", ["schema version", "text 'one'"]),
    ]
    let original = try pristine()
    for (i, c) in cases.enumerated() {
      let path = "\(directory)/case\(i).db"
      write(path, original)
      sqlite(path, c.sql)
      let before = bytes(path)
      XCTAssertNotEqual(before, original, "\(c.name): the edit changed nothing")
      for (read, run) in reads("sqlite:///" + path) {
        XCTAssertThrowsError(try run(), "\(c.name), \(read)") { error in
          guard case HoneError.storage(let m) = error else { return XCTFail("\(c.name), \(read): \(error)") }
          for needle in c.needles + [path, "not modified"] where !m.contains(needle) {
            XCTFail("\(c.name), \(read): '\(needle)' is not in: \(m)")
          }
        }
        XCTAssertEqual(bytes(path), before, "\(c.name), \(read): the file was modified")
      }
    }
  }

  /// Study attribute rows are input too: every read of them refuses a damaged row,
  /// naming the study and the column, and leaves the file as it was.
  func testADamagedStudyAttributeIsRefusedByEveryReadOfIt() throws {
    let cases: [(name: String, sql: String, needles: [String])] = [
      ("malformed study attribute", "INSERT INTO study_user_attrs VALUES (1, 0, 'k', '[1,')",
       ["study 'x'", "study_user_attrs key 'k' has a value_json that is not JSON"]),
      ("blob study attribute key", "INSERT INTO study_system_attrs VALUES (1, 0, x'75', '1')",
       ["study 'x'", "study_system_attrs", "'attr_key'", "blob"]),
      ("text study attribute position", "INSERT INTO study_user_attrs VALUES (1, 'first', 'k', '1')",
       ["study 'x'", "study_user_attrs", "'position'", "text 'first'"]),
      ("blob study attribute value", "INSERT INTO study_system_attrs VALUES (1, 0, 'k', x'31')",
       ["study 'x'", "study_system_attrs key 'k'", "'value_json'", "blob"]),
    ]
    let original = try pristine()
    for (i, c) in cases.enumerated() {
      let path = "\(directory)/attr\(i).db"
      let url = "sqlite:///" + path
      write(path, original)
      sqlite(path, c.sql)
      let before = bytes(path)
      XCTAssertNotEqual(before, original, "\(c.name): the edit changed nothing")
      let reads: [(String, () throws -> Void)] = [
        ("list", { _ = try StorageURL(parsing: url).openExisting()?.studySummaries() }),
        ("info", { _ = try Study.load(name: "x", storageURL: url, optionsJSON: nil).infoJSON }),
        ("attrs", {
          let study = try Study.load(name: "x", storageURL: url, optionsJSON: nil)
          _ = try study.userAttrs()
          _ = try study.systemAttrs()
        }),
        ("metric names", { _ = try Study.load(name: "x", storageURL: url, optionsJSON: nil).metricNames() }),
      ]
      for (read, run) in reads {
        // Metric names read the system attributes only.
        if read == "metric names", c.sql.contains("study_user_attrs") { continue }
        XCTAssertThrowsError(try run(), "\(c.name), \(read)") { error in
          guard case HoneError.storage(let m) = error else { return XCTFail("\(c.name), \(read): \(error)") }
          for needle in c.needles + [path, "not modified"] where !m.contains(needle) {
            XCTFail("\(c.name), \(read): '\(needle)' is not in: \(m)")
          }
        }
        XCTAssertEqual(bytes(path), before, "\(c.name), \(read): the file was modified")
      }
    }
  }

  /// A heartbeat is read only to find stale trials: one that is not a time is refused
  /// there, rather than never seen stale.
  func testADamagedHeartbeatIsRefusedByTheStaleTrialCheck() throws {
    let options = #"{"heartbeat_interval": 60}"#
    for (i, heartbeat) in ["'soon'", "1e300", "-1"].enumerated() {
      let path = "\(directory)/heartbeat\(i).db"
      let url = "sqlite:///" + path
      do {
        let study = try Study(optionsJSON: #"{"name": "x", "storage": "\#(url)", "heartbeat_interval": 60}"#)
        _ = try study.ask()
      }
      sqlite(path, "UPDATE trials SET heartbeat = \(heartbeat)")
      let before = bytes(path)
      let study = try Study.load(name: "x", storageURL: url, optionsJSON: options)
      XCTAssertThrowsError(try study.failStaleTrials()) { error in
        guard case HoneError.storage(let m) = error else { return XCTFail("\(heartbeat): \(error)") }
        XCTAssert(m.contains("trial 0 has column 'heartbeat'") && m.contains("not modified"), m)
      }
      XCTAssertEqual(bytes(path), before, "\(heartbeat): the file was modified")
    }
  }

  /// A handle's cache takes a batch of changes whole or not at all.
  func testABatchWithAGapIsRefusedWholeAndTheCacheRecovers() throws {
    let path = "\(directory)/cache.db"
    write(path, try pristine())
    let study = try Study.load(name: "x", storageURL: "sqlite:///" + path, optionsJSON: nil)
    XCTAssertEqual(try study.trials.count, 4)
    // Trial 1 changes and a trial 6 appears past a gap, in one batch after the handle's cursor.
    sqlite(
      path,
      """
      UPDATE studies SET seq = seq + 1;
      UPDATE trials SET datetime_complete = 1000, seq = (SELECT seq FROM studies) WHERE number = 1;
      INSERT INTO trials (study_id, number, state, seq) SELECT study_id, 6, 3, seq FROM studies;
      """)
    XCTAssertThrowsError(try study.trials) { error in
      guard case HoneError.storage(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains("trial 6") && m.contains("trial 4 was next"), m)
    }
    sqlite(path, "DELETE FROM trials WHERE number = 6")
    let trials = try study.trials
    XCTAssertEqual(trials.map(\.number), [0, 1, 2, 3])
    XCTAssertEqual(trials[1].datetimeComplete, 1000)
  }

  /// PostgreSQL can hold what SQLite cannot (a NaN time, NULL in any column of a
  /// hand-made table); the decoder refuses those rows alike.
  func testRowsOnlyAnotherDatabaseCanHoldAreRefused() {
    let study: SQLRow = [.integer(-1), .integer(5), .null, .null, .null, .null, .text("minimize"), .text("x")]
    func trial(start: SQLValue) -> SQLRow {
      [.integer(0), .integer(11), .integer(0), .integer(1), start, .null, .null, .null]
    }
    let param: SQLRow = [
      .integer(2), .integer(11), .integer(0), .null, .real(0.5), .null, .null,
      .text(#"{"type": "float", "low": 0, "high": 1}"#),
    ]
    let cases: [(String, [SQLRow], String)] = [
      ("NaN start", [study, trial(start: .real(.nan))], "'datetime_start' holds nan"),
      ("infinite start", [study, trial(start: .real(-.infinity))], "'datetime_start' holds -inf"),
      ("NULL parameter name", [study, trial(start: .null), param], "'param_name' holds NULL"),
      ("no study row", [trial(start: .null)], "belongs to a study with no row"),
    ]
    for (name, rows, needle) in cases {
      var decoder = StoredTrialDecoder(location: "db", study: 1)
      func decode() throws {
        for row in rows { try decoder.add(row) }
        _ = try decoder.finish(dense: true)
      }
      XCTAssertThrowsError(try decode(), name) {
        guard case HoneError.storage(let m) = $0 else { return XCTFail("\(name): \($0)") }
        XCTAssert(m.contains(needle), "\(name): \(m)")
      }
    }
  }

  /// PostgreSQL's typed columns still take what Hone never writes there: a NaN time,
  /// a negative step. The same checks refuse them.
  func testDamagedPostgreSQLRowsAreRefused() throws {
    guard let env = getenv("HONE_TEST_POSTGRES_URL"), !String(cString: env).isEmpty else {
      throw XCTSkip("HONE_TEST_POSTGRES_URL is not set; `make pg-test` runs this test against a throwaway server")
    }
    let url = String(cString: env)
    let name = "corruption-\(getpid())"
    let ofStudy = "trial_id IN (SELECT trial_id FROM trials WHERE study_id = $1)"
    let edits = [
      ("UPDATE trials SET datetime_start = 'NaN' WHERE study_id = $1", "'datetime_start' holds nan"),
      ("UPDATE trial_intermediate_values SET step = -3 WHERE \(ofStudy)", "step -3"),
      ("UPDATE trial_values SET value = 'NaN' WHERE \(ofStudy)", "the value of objective 0 is the real nan"),
    ]
    for (sql, needle) in edits {
      let study = try Study(name: name, direction: .minimize, storage: try StorageURL(parsing: url).open())
      defer { try? Study.delete(name: name, storage: study.storage) }
      let t = try study.ask()
      try study.report(trial: t, step: 0, value: 1)
      try study.tell(trial: t, values: [1])
      _ = try PostgresConnection(url: url).execute(sql, params: [.int(Int64(study.studyID))])
      XCTAssertThrowsError(try Study.load(name: name, storageURL: url, optionsJSON: nil).trials, sql) { error in
        guard case HoneError.storage(let m) = error else { return XCTFail("\(sql): \(error)") }
        XCTAssert(m.contains("trial 0 of study '\(name)'") && m.contains(needle), m)
        XCTAssertFalse(m.contains("hone:hone@"), "the message shows the password: \(m)")
      }
    }
  }

  /// Reads never write: a zero-byte file stays empty until the first write.
  func testReadsLeaveAZeroByteFileEmpty() throws {
    let path = "\(directory)/empty.db"
    let url = "sqlite:///" + path
    write(path, [])
    XCTAssertThrowsError(try Study.load(name: "x", storageURL: url, optionsJSON: nil)) { error in
      guard case HoneError.notFound = error else { return XCTFail("\(error)") }
    }
    let storage = try XCTUnwrap(try StorageURL(parsing: url).openExisting())
    XCTAssertEqual(try storage.studySummaries().count, 0)
    XCTAssertThrowsError(try storage.deleteStudy(name: "x")) { error in
      guard case HoneError.notFound = error else { return XCTFail("\(error)") }
    }
    // A storage opened for writing writes nothing while it only reads.
    XCTAssertNil(try StorageURL(parsing: url).open().findStudy(name: "x"))
    XCTAssertEqual(bytes(path), [])
    _ = try storage.createStudy(name: "x", directions: [.minimize])
    XCTAssertEqual(try Study.load(name: "x", storageURL: url, optionsJSON: nil).directions, [.minimize])
  }

  /// A load, a listing or a delete of a file that does not exist does not create it.
  func testReadsOfAMissingFileDoNotCreateIt() throws {
    let path = "\(directory)/never.db"
    XCTAssertThrowsError(try Study.load(name: "x", storageURL: "sqlite:///" + path, optionsJSON: nil)) { error in
      guard case HoneError.notFound(let m) = error else { return XCTFail("\(error)") }
      XCTAssert(m.contains(path), m)
    }
    XCTAssertNil(try StorageURL(parsing: "sqlite:///" + path).openExisting())
    XCTAssertNotEqual(access(path, F_OK), 0, "the file was created")
  }
}
