/// Trial reads of the SQL storage: each is one statement, so a trial is never seen
/// half-written and a read costs one round trip to the database.
extension SQLStorage {
  public func trial(study: Int, number: Int) throws(HoneError) -> FrozenTrial {
    try readStatement { () throws(HoneError) -> FrozenTrial in
      guard let t = try loadTrials(
        "t.study_id = ? AND t.number = ?", [.integer(Int64(study)), .integer(Int64(number))]
      ).trials.first else { throw try missingTrial(study, number) }
      return t
    }
  }

  public func trialChanges(study: Int, since cursor: Int64) throws(HoneError) -> TrialChanges {
    try readStatement { () throws(HoneError) -> TrialChanges in
      let loaded = try loadTrials(
        "t.study_id = ? AND t.seq > ?", [.integer(Int64(study)), .integer(cursor)], cursorOf: study)
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

  /// The trials that match `filter`, a condition on `trials t`, ordered by number,
  /// and, given `cursorOf`, that study's change counter as of the same snapshot.
  ///
  /// One statement: the trial rows and those of each child table come as branches
  /// of one UNION ALL, told apart by their first column.
  func loadTrials(
    _ filter: String, _ binds: [SQLValue], cursorOf study: Int? = nil
  ) throws(HoneError) -> (trials: [FrozenTrial], cursor: Int64?) {
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
    var branches = [
      """
      SELECT 0 AS kind, t.trial_id AS id, t.number AS k, t.state AS st, t.datetime_start AS r1,
        t.datetime_complete AS r2, NULL AS s1, NULL AS s2
      FROM trials t WHERE \(filter)
      """,
      child(1, "trial_values", "objective", "c.value", "NULL", "NULL"),
      child(2, "trial_params", "position", "c.param_value", "c.param_name", "c.distribution_json", "c.param_int"),
      child(3, "trial_intermediate_values", "step", "c.value", "NULL", "NULL"),
      child(4, "trial_user_attrs", "position", "NULL", "c.attr_key", "c.value_json"),
      child(5, "trial_system_attrs", "position", "NULL", "c.attr_key", "c.value_json"),
    ]
    var allBinds = Array([[SQLValue]](repeating: binds, count: branches.count).joined())
    if let study {
      branches.append("SELECT -1, seq, NULL, NULL, NULL, NULL, NULL, NULL FROM studies WHERE study_id = ?")
      allBinds.append(.integer(Int64(study)))
    }
    var trials: [FrozenTrial] = []
    var index: [Int64: Int] = [:]
    var cursor: Int64?
    for row in try db.query(branches.joined(separator: "\nUNION ALL\n") + "\nORDER BY kind, id, k", allBinds) {
      let kind = try row.integer(0)
      if kind == -1 {
        cursor = try row.integer(1)
        continue
      }
      if kind == 0 {
        let raw = try row.integer(3)
        guard let state = Int32(exactly: raw).flatMap(TrialState.init(rawValue:)) else {
          throw .storage("\(location) is damaged: a trial has state \(raw)")
        }
        index[try row.integer(1)] = trials.count
        trials.append(
          FrozenTrial(
            number: try row.int(2), state: state, datetimeStart: try row.optionalReal(4),
            datetimeComplete: try row.optionalReal(5)))
        continue
      }
      guard let i = index[try row.integer(1)] else { continue }
      switch kind {
      case 1:
        trials[i].values = (trials[i].values ?? []) + [try row.real(4)]
      case 2:
        let name = try row.text(6)
        let distribution: Distribution
        do throws(HoneError) {
          distribution = try Distribution(json: try row.json(7), context: "parameter '\(name)'")
        } catch {
          throw .storage("\(location) is damaged: \(error.message)")
        }
        let exact: Int64? = if row.indices.contains(3), case .integer(let v) = row[3] { v } else { nil }
        guard let value = ParamValue(stored: try row.real(4), exact: exact, of: distribution) else {
          throw .storage("\(location) is damaged: parameter '\(name)' holds \(try row.real(4)), not \(distribution.summary)")
        }
        trials[i].params.append(Param(name: name, distribution: distribution, value: value))
      case 3:
        trials[i].intermediateValues[try row.integer(2)] = try row.real(4)
      case 4:
        trials[i].userAttrs.append((try row.text(6), try row.json(7)))
      default:
        trials[i].systemAttrs.append((try row.text(6), try row.json(7)))
      }
    }
    trials.sort { $0.number < $1.number }
    return (trials, cursor)
  }
}
