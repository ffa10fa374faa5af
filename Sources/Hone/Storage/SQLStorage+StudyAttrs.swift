/// Study attributes of the SQL storage, in tables `study_user_attrs` and
/// `study_system_attrs` (schema version 3).
extension SQLStorage {
  static let studyAttrTables = ["study_user_attrs", "study_system_attrs"]

  public func setStudyUserAttr(study: Int, key: String, value: JSON) throws(HoneError) {
    try setStudyAttr("study_user_attrs", study: study, key: key, value: value)
  }

  public func setStudySystemAttr(study: Int, key: String, value: JSON) throws(HoneError) {
    try setStudyAttr("study_system_attrs", study: study, key: key, value: value)
  }

  public func studyUserAttrs(study: Int) throws(HoneError) -> [(String, JSON)] {
    try studyAttrs("study_user_attrs", study: study)
  }

  public func studySystemAttrs(study: Int) throws(HoneError) -> [(String, JSON)] {
    try studyAttrs("study_system_attrs", study: study)
  }

  /// Inserts or replaces one attribute; a new key goes after the study's others.
  private func setStudyAttr(_ table: String, study: Int, key: String, value: JSON) throws(HoneError) {
    try write { () throws(HoneError) in
      let id = Int64(study)
      guard try db.row("SELECT 1 FROM studies WHERE study_id = ?", [.integer(id)]) != nil else {
        throw .notFound("no study with id \(study) in \(location)")
      }
      try db.execute(
        """
        INSERT INTO \(table) (study_id, position, attr_key, value_json)
        VALUES (?, (SELECT COUNT(*) FROM \(table) WHERE study_id = ?), ?, ?)
        ON CONFLICT (study_id, attr_key) DO UPDATE SET value_json = excluded.value_json
        """, [.integer(id), .integer(id), .text(key), .text(value.text)])
    }
  }

  private func studyAttrs(_ table: String, study: Int) throws(HoneError) -> [(String, JSON)] {
    try lock.withLock { () throws(HoneError) -> [(String, JSON)] in
      if try hasNoTables() { throw .notFound("no study with id \(study) in \(location)") }
      try refreshSchemaVersion()
      return try db.transaction(write: false) { () throws(HoneError) -> [(String, JSON)] in
        guard try db.row("SELECT 1 FROM studies WHERE study_id = ?", [.integer(Int64(study))]) != nil else {
          throw .notFound("no study with id \(study) in \(location)")
        }
        return try loadStudyAttrs(table, study: study)
      }
    }
  }

  /// The attributes of `study` in `table`, ordered by position, every row checked;
  /// none for a file older than version 3, which is read as it is. Call it in a transaction.
  func loadStudyAttrs(_ table: String, study: Int) throws(HoneError) -> [(String, JSON)] {
    guard schemaVersion >= 3 else { return [] }
    let rows = try db.query(
      "SELECT position, attr_key, value_json FROM \(table) WHERE study_id = ? ORDER BY position, attr_key",
      [.integer(Int64(study))])
    var attrs: [(String, JSON)] = []
    var keys = Set<String>()
    for row in rows {
      guard row.count == 3 else {
        throw .internal("\(location): a \(table) query returned a row of an unexpected shape")
      }
      guard case .integer = row[0] else {
        throw damagedStudy(study, "a row of \(table) has column 'position' holding \(row[0].summary), not an integer")
      }
      guard case .text(let key) = row[1] else {
        throw damagedStudy(study, "a row of \(table) has column 'attr_key' holding \(row[1].summary), not text")
      }
      guard keys.insert(key).inserted else {
        throw damagedStudy(study, "\(table) key '\(key)' appears twice")
      }
      guard case .text(let text) = row[2] else {
        throw damagedStudy(study, "\(table) key '\(key)' has column 'value_json' holding \(row[2].summary), not text")
      }
      do throws(HoneError) {
        attrs.append((key, try JSON.parse(text)))
      } catch {
        throw damagedStudy(study, "\(table) key '\(key)' has a value_json that is not JSON (\(error.message))")
      }
    }
    return attrs
  }
}
