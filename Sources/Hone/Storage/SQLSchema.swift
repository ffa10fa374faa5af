/// The tables of the SQL storage, their version and their migrations.
///
/// Table `hone_schema` holds one row with the schema version. A database with
/// no tables is initialized; one with Hone's tables at an older version is
/// migrated; a newer version, or tables that are not Hone's, is refused before
/// anything is written.
///
/// Times are seconds since the epoch. Trial values, parameters and attributes
/// live in their own tables keyed by trial; `position` keeps the order in
/// which parameters and attributes were first set. An int parameter's exact value
/// is in `param_int` (version 2), as `param_value` is a REAL. Every mutation of a trial
/// sets its `seq` to the study's next `seq`, the change cursor of incremental reads.
/// Study attributes (version 3) live in `study_user_attrs` and `study_system_attrs`,
/// keyed by study and ordered by `position` like a trial's.
enum SQLSchema {
  /// The version this build writes.
  static let version: Int64 = 3

  /// What a connection's database holds.
  enum Inspection: Equatable {
    /// No tables at all: a new database.
    case empty
    /// Hone's tables at `version`, which this build can use after migrating.
    case hone(version: Int64)
  }

  /// Reads the database's schema version without writing anything.
  ///
  /// - Throws: `.storage` for a database with tables that are not Hone's, or with
  ///   a schema newer than this build.
  static func inspect(_ db: any SQLConnection, location: String) throws(HoneError) -> Inspection {
    try db.transaction(write: false) { () throws(HoneError) -> Inspection in
      let tables = Set(try db.query(db.dialect.tableNames, []).map { row throws(HoneError) in try row.text(0) })
      if tables.isEmpty { return .empty }
      guard tables.contains("hone_schema") else {
        throw .storage(
          "\(location) is not a Hone storage: it has tables (\(tables.sorted().prefix(5).joined(separator: ", ")))"
            + " but no hone_schema table; it was not modified")
      }
      guard let row = try db.row("SELECT version FROM hone_schema", []) else {
        throw .storage("\(location) is damaged: its hone_schema table is empty; it was not modified")
      }
      guard case .integer(let found) = row.first, found >= 1 else {
        throw .storage(
          "\(location) is damaged: its schema version is \(row.first?.summary ?? "missing"); it was not modified")
      }
      guard found <= version else {
        throw .storage(
          "\(location) has schema version \(found), newer than this build supports (\(version)); "
            + "upgrade Hone to open it. It was not modified")
      }
      return .hone(version: found)
    }
  }

  /// Creates the tables of a new database, or migrates an older one, in one write transaction.
  ///
  /// Another process may have done it meanwhile, so the version is read again under the write lock.
  static func install(_ db: any SQLConnection, location: String) throws(HoneError) {
    try db.transaction(write: true) { () throws(HoneError) in
      try db.lockSchema()
      var current: Int64 = 0
      let tables = try db.query(db.dialect.tableNames, []).map { row throws(HoneError) in try row.text(0) }
      if tables.contains("hone_schema"), let row = try db.row("SELECT version FROM hone_schema", []) {
        current = try row.integer(0)
      }
      guard current < version else { return }
      for (target, statements) in migrations(db.dialect) where target > current {
        for sql in statements { try db.execute(sql) }
      }
      if current == 0 {
        try db.execute("INSERT INTO hone_schema (version) VALUES (?)", [.integer(version)])
      } else {
        try db.execute("UPDATE hone_schema SET version = ?", [.integer(version)])
      }
    }
  }

  /// The statements that bring a database to each version, in order of version.
  static func migrations(_ d: SQLDialect) -> [(Int64, [String])] {
    [(1, version1(d)), (2, version2(d)), (3, version3(d))]
  }

  /// Version 3: the user and system attributes of a study; a migrated study has none.
  private static func version3(_ d: SQLDialect) -> [String] {
    ["study_user_attrs", "study_system_attrs"].map { table in
      """
      CREATE TABLE \(table) (
        study_id \(d.integer) NOT NULL REFERENCES studies (study_id) ON DELETE CASCADE,
        position \(d.integer) NOT NULL, attr_key TEXT NOT NULL, value_json TEXT NOT NULL,
        PRIMARY KEY (study_id, attr_key)
      )
      """
    }
  }

  /// Version 2: the exact value of an int parameter, which `param_value` (REAL) rounds
  /// above 2^53; NULL for other kinds and for rows written by version 1.
  private static func version2(_ d: SQLDialect) -> [String] {
    ["ALTER TABLE trial_params ADD COLUMN param_int \(d.integer)"]
  }

  private static func version1(_ d: SQLDialect) -> [String] {
    let trialKey = "trial_id \(d.integer) NOT NULL REFERENCES trials (trial_id) ON DELETE CASCADE"
    return [
      "CREATE TABLE hone_schema (version \(d.integer) NOT NULL)",
      """
      CREATE TABLE studies (
        study_id \(d.serialKey),
        study_name TEXT NOT NULL UNIQUE,
        directions TEXT NOT NULL,
        seq \(d.integer) NOT NULL DEFAULT 0
      )
      """,
      """
      CREATE TABLE trials (
        trial_id \(d.serialKey),
        study_id \(d.integer) NOT NULL REFERENCES studies (study_id) ON DELETE CASCADE,
        number \(d.integer) NOT NULL,
        state \(d.integer) NOT NULL,
        datetime_start \(d.real),
        datetime_complete \(d.real),
        heartbeat \(d.real),
        seq \(d.integer) NOT NULL,
        UNIQUE (study_id, number)
      )
      """,
      "CREATE INDEX trials_study_seq ON trials (study_id, seq)",
      // The oldest WAITING trial and the stale RUNNING ones, found without a scan.
      "CREATE INDEX trials_study_state ON trials (study_id, state, number)",
      """
      CREATE TABLE trial_values (
        \(trialKey), objective \(d.integer) NOT NULL, value \(d.real),
        PRIMARY KEY (trial_id, objective)
      )
      """,
      """
      CREATE TABLE trial_params (
        \(trialKey), position \(d.integer) NOT NULL, param_name TEXT NOT NULL,
        param_value \(d.real) NOT NULL, distribution_json TEXT NOT NULL,
        PRIMARY KEY (trial_id, param_name)
      )
      """,
      """
      CREATE TABLE trial_intermediate_values (
        \(trialKey), step \(d.integer) NOT NULL, value \(d.real),
        PRIMARY KEY (trial_id, step)
      )
      """,
      """
      CREATE TABLE trial_user_attrs (
        \(trialKey), position \(d.integer) NOT NULL, attr_key TEXT NOT NULL, value_json TEXT NOT NULL,
        PRIMARY KEY (trial_id, attr_key)
      )
      """,
      """
      CREATE TABLE trial_system_attrs (
        \(trialKey), position \(d.integer) NOT NULL, attr_key TEXT NOT NULL, value_json TEXT NOT NULL,
        PRIMARY KEY (trial_id, attr_key)
      )
      """,
    ]
  }
}
