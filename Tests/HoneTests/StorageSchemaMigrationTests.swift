import CSQLite
import XCTest

@testable import Hone

/// Files written by schema version 1, which kept int parameters only as REAL.
final class StorageSchemaMigrationTests: XCTestCase {
  private var scratch: TemporaryDirectory?

  override func setUpWithError() throws { scratch = try TemporaryDirectory("hone-migration-test") }

  override func tearDownWithError() throws { scratch?.remove() }

  func testAVersion1FileIsMigratedAndItsIntParamsStillRead() throws {
    let path = "\(scratch?.path ?? "/nonexistent")/v1.db"
    var db: OpaquePointer?
    XCTAssertEqual(sqlite3_open(path, &db), SQLITE_OK)
    let v1: [String] = SQLSchema.migrations(.sqlite).filter { $0.0 == 1 }.flatMap(\.1)
    XCTAssertFalse(v1.isEmpty)
    let distribution = try Distribution.makeInt(low: 0, high: 100).json.text
    let rows = [
      "INSERT INTO hone_schema (version) VALUES (1)",
      "INSERT INTO studies (study_id, study_name, directions, seq) VALUES (1, 'old', 'minimize', 1)",
      "INSERT INTO trials (trial_id, study_id, number, state, seq) VALUES (1, 1, 0, 0, 1)",
      """
      INSERT INTO trial_params (trial_id, position, param_name, param_value, distribution_json)
      VALUES (1, 0, 'n', 42.0, '\(distribution)')
      """,
    ]
    for sql in v1 + rows {
      XCTAssertEqual(sqlite3_exec(db, sql, nil, nil, nil), SQLITE_OK, String(cString: sqlite3_errmsg(db)))
    }
    sqlite3_close(db)

    let before = try XCTUnwrap(bytes(path))
    let storage = try StorageURL(parsing: "sqlite:///" + path).open()
    let study = try XCTUnwrap(try storage.findStudy(name: "old"))
    XCTAssertEqual(try storage.trial(study: study.id, number: 0).param("n")?.value, .int(42))
    // Reading migrates nothing: the file is written by the first write only.
    XCTAssertEqual(bytes(path), before, "a read changed the version-1 file")
    // Written after the migration, a value above 2^53 comes back exactly.
    try storage.setTrialParam(
      study: study.id, number: 0,
      param: Param(name: "big", distribution: try .makeInt(low: 0, high: .max), value: .int(1 << 62 + 1)))
    XCTAssertEqual(try storage.trial(study: study.id, number: 0).param("big")?.value, .int(1 << 62 + 1))
  }

  /// A version-2 file reads with no study attributes, unmodified, and gains the
  /// attribute tables with the first write, keeping its trials.
  func testAVersion2FileGainsStudyAttributeTables() throws {
    let path = "\(scratch?.path ?? "/nonexistent")/v2.db"
    var db: OpaquePointer?
    XCTAssertEqual(sqlite3_open(path, &db), SQLITE_OK)
    let v2: [String] = SQLSchema.migrations(.sqlite).filter { $0.0 <= 2 }.flatMap(\.1)
    let rows = [
      "INSERT INTO hone_schema (version) VALUES (2)",
      "INSERT INTO studies (study_id, study_name, directions, seq) VALUES (1, 'old', 'minimize,maximize', 1)",
      "INSERT INTO trials (trial_id, study_id, number, state, seq) VALUES (1, 1, 0, 0, 1)",
    ]
    for sql in v2 + rows {
      XCTAssertEqual(sqlite3_exec(db, sql, nil, nil, nil), SQLITE_OK, String(cString: sqlite3_errmsg(db)))
    }
    sqlite3_close(db)

    let before = try XCTUnwrap(bytes(path))
    let storage = try StorageURL(parsing: "sqlite:///" + path).open()
    // Opened on the version-2 file; another handle migrates it below.
    let early = try StorageURL(parsing: "sqlite:///" + path).open()
    let study = try XCTUnwrap(try storage.findStudy(name: "old"))
    XCTAssertTrue(try early.studySystemAttrs(study: study.id).isEmpty)
    XCTAssertTrue(try storage.studyUserAttrs(study: study.id).isEmpty)
    XCTAssertTrue(try storage.studySystemAttrs(study: study.id).isEmpty)
    XCTAssertEqual(try storage.studySummaries().map { $0.userAttrs.count }, [0])
    XCTAssertEqual(bytes(path), before, "a read changed the version-2 file")
    let handle = try Study.load(name: "old", storage: storage)
    XCTAssertNil(try handle.metricNames())
    try handle.setMetricNames(["loss", "accuracy"])
    try handle.setUserAttr("owner", .string("me"))

    XCTAssertEqual(
      JSON.object(try early.studySystemAttrs(study: study.id)),
      .object([(Study.metricNamesKey, .array([.string("loss"), .string("accuracy")]))]),
      "a handle opened before the migration must see what was written after it")
    let reopened = try StorageURL(parsing: "sqlite:///" + path).open()
    let again = try Study.load(name: "old", storage: reopened)
    XCTAssertEqual(try again.metricNames(), ["loss", "accuracy"])
    XCTAssertEqual(JSON.object(try again.userAttrs()), .object([("owner", .string("me"))]))
    XCTAssertEqual(try again.trialCount(), 1)
    XCTAssertEqual(try reopened.trial(study: study.id, number: 0).state, .running)
    var check: OpaquePointer?
    XCTAssertEqual(sqlite3_open(path, &check), SQLITE_OK)
    defer { sqlite3_close(check) }
    var statement: OpaquePointer?
    XCTAssertEqual(sqlite3_prepare_v2(check, "SELECT version FROM hone_schema", -1, &statement, nil), SQLITE_OK)
    XCTAssertEqual(sqlite3_step(statement), SQLITE_ROW)
    XCTAssertEqual(sqlite3_column_int64(statement, 0), SQLSchema.version)
    sqlite3_finalize(statement)
  }
}
