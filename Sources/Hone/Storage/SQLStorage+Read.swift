/// Trial reads of the SQL storage: each is one statement, so a trial is never seen
/// half-written and a read costs one round trip to the database.
extension SQLStorage {
  public func trial(study: Int, number: Int) throws(HoneError) -> FrozenTrial {
    try readStatement { () throws(HoneError) -> FrozenTrial in
      guard let t = try loadTrials(
        "t.study_id = ? AND t.number = ?", [.integer(Int64(study)), .integer(Int64(number))], study: study
      ).trials.first else { throw try missingTrial(study, number) }
      return t
    }
  }

  public func trialChanges(study: Int, since cursor: Int64) throws(HoneError) -> TrialChanges {
    try readStatement { () throws(HoneError) -> TrialChanges in
      // From the start, every trial: their numbers must then run from 0 without a gap.
      let loaded = cursor == 0
        ? try loadTrials("t.study_id = ?", [.integer(Int64(study))], study: study, dense: true)
        : try loadTrials("t.study_id = ? AND t.seq > ?", [.integer(Int64(study)), .integer(cursor)], study: study)
      guard let latest = loaded.cursor else { throw .notFound("no study with id \(study) in \(location)") }
      return TrialChanges(trials: loaded.trials, cursor: latest)
    }
  }

  public func trialCount(study: Int) throws(HoneError) -> Int {
    try read { () throws(HoneError) -> Int in
      guard try db.row("SELECT 1 FROM studies WHERE study_id = ?", [.integer(Int64(study))]) != nil else {
        throw .notFound("no study with id \(study) in \(location)")
      }
      // Trial numbers are dense from 0, so the count is the last number plus one.
      return try lastNumber(study).map { $0 + 1 } ?? 0
    }
  }

  /// The trials that match `filter`, a condition on `trials t` of `study`'s trials,
  /// ordered by number, with the study and its change counter as of the same
  /// snapshot (nil when there is no such study). With `dense`, `filter` selects
  /// every trial of the study.
  ///
  /// One statement: the trial rows and those of each child table come as branches
  /// of one UNION ALL, told apart by their first column. `StoredTrialDecoder`
  /// checks every value.
  func loadTrials(
    _ filter: String, _ binds: [SQLValue], study: Int, dense: Bool = false
  ) throws(HoneError) -> (trials: [FrozenTrial], cursor: Int64?, study: StoredStudy?) {
    // Columns: kind, trial_id, an integer (number, objective, position or step),
    // a second integer (state, or an int parameter's exact value), a real, a second
    // real, a text and a second text.
    func child(
      _ kind: Int, _ table: String, _ key: String, _ real: String, _ text1: String, _ text2: String,
      _ integer: String = "NULL"
    ) -> String {
      """
      SELECT \(kind), c.trial_id, c.\(key), \(integer), \(real), NULL, \(text1), \(text2)
      FROM \(table) c JOIN trials t ON t.trial_id = c.trial_id WHERE \(filter)
      """
    }
    let branches = [
      """
      SELECT 0 AS kind, t.trial_id AS id, t.number AS k, t.state AS st, t.datetime_start AS r1,
        t.datetime_complete AS r2, NULL AS s1, NULL AS s2
      FROM trials t WHERE \(filter)
      """,
      child(1, "trial_values", "objective", "c.value", "NULL", "NULL"),
      // Version 1 had no exact column for ints; such a file is read as it is, unmigrated.
      child(
        2, "trial_params", "position", "c.param_value", "c.param_name", "c.distribution_json",
        schemaVersion >= 2 ? "c.param_int" : "NULL"),
      child(3, "trial_intermediate_values", "step", "c.value", "NULL", "NULL"),
      child(4, "trial_user_attrs", "position", "NULL", "c.attr_key", "c.value_json"),
      child(5, "trial_system_attrs", "position", "NULL", "c.attr_key", "c.value_json"),
      "SELECT -1, seq, NULL, NULL, NULL, NULL, directions, study_name FROM studies WHERE study_id = ?",
    ]
    let allBinds = Array([[SQLValue]](repeating: binds, count: branches.count - 1).joined()) + [.integer(Int64(study))]
    var decoder = StoredTrialDecoder(location: location, study: study)
    for row in try db.query(branches.joined(separator: "\nUNION ALL\n") + "\nORDER BY kind, id, k", allBinds) {
      try decoder.add(row)
    }
    return (try decoder.finish(dense: dense), decoder.cursor, decoder.study)
  }
}
