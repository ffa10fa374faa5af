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

  /// Opens the storage on `connection`, creating or migrating the schema.
  ///
  /// - Throws: `.storage` for a database that is not Hone's or is newer than this
  ///   build; such a database is not modified.
  public init(connection: any SQLConnection, location: String) throws(HoneError) {
    db = connection
    self.location = location
    let found = try SQLSchema.inspect(connection, location: location)
    try connection.prepareForWrites()
    if found != .hone(version: SQLSchema.version) { try SQLSchema.install(connection, location: location) }
  }

  /// Runs `body` in a write transaction under the storage's lock; with `statement`,
  /// `body` runs exactly one statement, which is its own transaction.
  func write<T>(statement: Bool = false, _ body: () throws(HoneError) -> T) throws(HoneError) -> T {
    try lock.withLock { () throws(HoneError) -> T in
      statement ? try body() : try db.transaction(write: true, body)
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
    try read { () throws(HoneError) -> StoredStudy? in
      guard let row = try db.row("SELECT study_id, directions FROM studies WHERE study_name = ?", [.text(name)])
      else { return nil }
      return StoredStudy(id: try row.int(0), name: name, directions: try parseDirections(row.text(1)))
    }
  }

  public func deleteStudy(name: String) throws(HoneError) {
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
      try db.execute("DELETE FROM studies WHERE study_id = ?", [.integer(id)])
    }
  }

  static let trialTables = [
    "trial_values", "trial_params", "trial_intermediate_values", "trial_user_attrs", "trial_system_attrs",
  ]

  public func studySummaries() throws(HoneError) -> [StudySummary] {
    try read { () throws(HoneError) -> [StudySummary] in
      var out: [StudySummary] = []
      for row in try db.query("SELECT study_id, study_name, directions FROM studies ORDER BY study_id", []) {
        let id = try row.integer(0)
        let directions = try parseDirections(row.text(2))
        guard let stats = try db.row(
          "SELECT COUNT(*), MIN(datetime_start) FROM trials WHERE study_id = ?", [.integer(id)])
        else { throw .storage("\(location): counting the trials of a study returned no row") }
        var best: FrozenTrial?
        if directions.count == 1 {
          let order = directions[0] == .minimize ? "ASC" : "DESC"
          if let b = try db.row(
            """
            SELECT t.number FROM trials t JOIN trial_values v ON v.trial_id = t.trial_id AND v.objective = 0
            WHERE t.study_id = ? AND t.state = ? ORDER BY v.value \(order), t.number LIMIT 1
            """, [.integer(id), .integer(Int64(TrialState.complete.rawValue))])
          {
            best = try loadTrials(
              "t.study_id = ? AND t.number = ?", [.integer(id), .integer(try b.integer(0))]
            ).trials.first
          }
        }
        out.append(
          StudySummary(
            name: try row.text(1), directions: directions, nTrials: try stats.int(0), bestTrial: best,
            datetimeStart: try stats.optionalReal(1)))
      }
      return out
    }
  }

  func parseDirections(_ text: String) throws(HoneError) -> [StudyDirection] {
    let names = text.split(separator: ",").map(String.init)
    let directions = names.compactMap(StudyDirection.init(rawValue:))
    guard !directions.isEmpty, directions.count == names.count else {
      throw .storage("\(location) is damaged: a study has directions '\(text)'")
    }
    return directions
  }
}
