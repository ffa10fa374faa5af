/// A storage in a SQL database, shared by processes and machines.
///
/// Every mutation is one write transaction. It starts by advancing the study's
/// change counter, which also serializes the writers of one study (a row lock in
/// PostgreSQL, the database lock in SQLite), so the next trial number and the
/// RUNNING check of a tell are decided by one writer at a time.
public final class SQLStorage: Storage, @unchecked Sendable {
  let db: any SQLConnection
  /// What messages call the database, e.g. `SQLite database 'x.db'`.
  let location: String
  let lock = Lock()
  /// Whether the tables exist at this build's version and the connection is set
  /// up for writes; until then nothing has been written, and a database with no
  /// tables reads as a storage with no studies.
  private var writable = false
  /// Whether the database was found with no tables at all.
  private var empty: Bool
  /// The schema version of the tables as this handle last saw them: an older
  /// file is read as it is, and migrated by the first write. Under the lock.
  private(set) var schemaVersion: Int64

  /// Opens the storage on `connection`.
  ///
  /// Opening only reads: the tables of a new database are created, an older
  /// schema migrated and SQLite switched to WAL mode by the first write, so a
  /// load or a listing never modifies a file.
  ///
  /// - Throws: `.storage` for a database that is not Hone's or is newer than this
  ///   build; such a database is not modified.
  public init(connection: any SQLConnection, location: String) throws(HoneError) {
    db = connection
    self.location = location
    let found = try SQLSchema.inspect(connection, location: location)
    empty = found == .empty
    if case .hone(let version) = found { schemaVersion = version } else { schemaVersion = SQLSchema.version }
  }

  /// Creates or migrates the tables and sets the connection up for writes; under the lock.
  private func prepareForWrites() throws(HoneError) {
    try db.prepareForWrites()
    try SQLSchema.install(db, location: location)
    writable = true
    empty = false
    schemaVersion = SQLSchema.version
  }

  /// Whether the database still has no tables, looking again while it had none:
  /// another process may have created them since. Under the lock.
  func hasNoTables() throws(HoneError) -> Bool {
    guard empty else { return false }
    empty = try SQLSchema.inspect(db, location: location) == .empty
    return empty
  }

  /// Reads the schema version again while it is older than this build's and this
  /// handle has not written: another process may have migrated the file since, and
  /// reads of what the migration added must see it. Under the lock, outside a transaction.
  func refreshSchemaVersion() throws(HoneError) {
    guard schemaVersion < SQLSchema.version, !writable else { return }
    if case .hone(let version) = try SQLSchema.inspect(db, location: location) { schemaVersion = version }
  }

  /// Runs `body` in a write transaction under the storage's lock; with `statement`,
  /// `body` runs exactly one statement, which is its own transaction.
  func write<T>(statement: Bool = false, _ body: () throws(HoneError) -> T) throws(HoneError) -> T {
    try lock.withLock { () throws(HoneError) -> T in
      if !writable { try prepareForWrites() }
      return statement ? try body() : try db.transaction(write: true, body)
    }
  }

  /// Runs `body`, which must run exactly one statement, under the storage's lock.
  ///
  /// A single statement sees one snapshot by itself, so it needs no transaction,
  /// and PostgreSQL is spared the round trips of BEGIN and COMMIT.
  func readStatement<T>(_ body: () throws(HoneError) -> T) throws(HoneError) -> T {
    try lock.withLock { () throws(HoneError) -> T in try body() }
  }

  /// Runs `body` in a read transaction under the storage's lock.
  func read<T>(_ body: () throws(HoneError) -> T) throws(HoneError) -> T {
    try lock.withLock { () throws(HoneError) -> T in try db.transaction(write: false, body) }
  }

  // MARK: Studies

  public func createStudy(
    name: String, directions: [StudyDirection], trials: [FrozenTrial]
  ) throws(HoneError) -> Int {
    try write { () throws(HoneError) -> Int in
      if try db.row("SELECT study_id FROM studies WHERE study_name = ?", [.text(name)]) != nil {
        throw .invalidArgument("a study named '\(name)' already exists")
      }
      let row = try db.row(
        "INSERT INTO studies (study_name, directions, seq) VALUES (?, ?, 0) RETURNING study_id",
        [.text(name), .text(directions.map(\.rawValue).joined(separator: ","))])
      guard let row else { throw .storage("\(location): creating study '\(name)' returned no identifier") }
      let id = try row.int(0)
      if !trials.isEmpty {
        let seq = try advance(id)
        for t in trials { _ = try insertTrial(study: id, template: t, heartbeat: nil, seq: seq) }
      }
      return id
    }
  }

  public func findStudy(name: String) throws(HoneError) -> StoredStudy? {
    try lock.withLock { () throws(HoneError) -> StoredStudy? in
      if try hasNoTables() { return nil }
      return try db.transaction(write: false) { () throws(HoneError) -> StoredStudy? in
        guard let row = try db.row("SELECT study_id, directions FROM studies WHERE study_name = ?", [.text(name)])
        else { return nil }
        guard case .integer(let raw) = row[0], let id = Int(exactly: raw) else {
          throw .storage("\(location): study '\(name)' has study_id \(row[0].summary)\(StoredTrialDecoder.unmodified)")
        }
        return StoredStudy(id: id, name: name, directions: try parseDirections(row[1], study: name))
      }
    }
  }

  public func deleteStudy(name: String) throws(HoneError) {
    // A study that is not there is reported without writing, even the schema.
    guard try findStudy(name: name) != nil else { throw .notFound("no study named '\(name)' in \(location)") }
    try write { () throws(HoneError) in
      guard let row = try db.row("SELECT study_id FROM studies WHERE study_name = ?", [.text(name)]) else {
        throw .notFound("no study named '\(name)' in \(location)")
      }
      let id = try row.integer(0)
      // Children first, explicitly: SQLite enforces no foreign keys unless asked per connection.
      for table in SQLStorage.trialTables {
        try db.execute(
          "DELETE FROM \(table) WHERE trial_id IN (SELECT trial_id FROM trials WHERE study_id = ?)", [.integer(id)])
      }
      try db.execute("DELETE FROM trials WHERE study_id = ?", [.integer(id)])
      for table in SQLStorage.studyAttrTables {
        try db.execute("DELETE FROM \(table) WHERE study_id = ?", [.integer(id)])
      }
      try db.execute("DELETE FROM studies WHERE study_id = ?", [.integer(id)])
    }
  }

  static let trialTables = [
    "trial_values", "trial_params", "trial_intermediate_values", "trial_user_attrs", "trial_system_attrs",
  ]

  /// Every study with every trial read, so a listing checks the rows it summarizes.
  public func studySummaries() throws(HoneError) -> [StudySummary] {
    try lock.withLock { () throws(HoneError) -> [StudySummary] in
      if try hasNoTables() { return [] }
      try refreshSchemaVersion()
      return try db.transaction(write: false) { () throws(HoneError) -> [StudySummary] in
        var out: [StudySummary] = []
        for row in try db.query("SELECT study_id FROM studies ORDER BY study_id", []) {
          guard case .integer(let raw) = row[0], let id = Int(exactly: raw) else {
            throw .storage("\(location): a study has study_id \(row[0].summary)\(StoredTrialDecoder.unmodified)")
          }
          let loaded = try loadTrials("t.study_id = ?", [.integer(raw)], study: id, dense: true)
          guard let study = loaded.study else { continue }
          out.append(
            StudySummary(
              name: study.name, directions: study.directions, nTrials: loaded.trials.count,
              bestTrial: StudySummary.best(of: loaded.trials, directions: study.directions),
              datetimeStart: loaded.trials.compactMap(\.datetimeStart).min(),
              userAttrs: try loadStudyAttrs("study_user_attrs", study: id),
              systemAttrs: try loadStudyAttrs("study_system_attrs", study: id)))
        }
        return out
      }
    }
  }

  /// The directions stored as `text`, e.g. `minimize,maximize`, or nil when it is not such a list.
  static func directions(_ text: String) -> [StudyDirection]? {
    let names = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    let directions = names.compactMap(StudyDirection.init(rawValue:))
    return !directions.isEmpty && directions.count == names.count ? directions : nil
  }

  func parseDirections(_ value: SQLValue, study: String) throws(HoneError) -> [StudyDirection] {
    guard case .text(let text) = value, let directions = SQLStorage.directions(text) else {
      throw .storage(
        "\(location): study '\(study)': column 'directions' holds \(value.summary), "
          + "not a list of minimize and maximize\(StoredTrialDecoder.unmodified)")
    }
    return directions
  }
}
