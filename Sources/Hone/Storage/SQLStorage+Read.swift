/// Trial reads of the SQL storage: one read transaction each, so a trial is never seen half-written.
extension SQLStorage {
  public func trial(study: Int, number: Int) throws(HoneError) -> FrozenTrial {
    try read { () throws(HoneError) -> FrozenTrial in
      guard let t = try loadTrials(
        "t.study_id = ? AND t.number = ?", [.integer(Int64(study)), .integer(Int64(number))]
      ).first else { throw try missingTrial(study, number) }
      return t
    }
  }

  public func trialChanges(study: Int, since cursor: Int64) throws(HoneError) -> TrialChanges {
    try read { () throws(HoneError) -> TrialChanges in
      guard let row = try db.row("SELECT seq FROM studies WHERE study_id = ?", [.integer(Int64(study))]) else {
        throw .notFound("no study with id \(study) in \(location)")
      }
      let latest = try row.integer(0)
      guard latest > cursor else { return TrialChanges(trials: [], cursor: latest) }
      let trials = try loadTrials("t.study_id = ? AND t.seq > ?", [.integer(Int64(study)), .integer(cursor)])
      return TrialChanges(trials: trials, cursor: latest)
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

  /// The trials that match `filter`, a condition on `trials t`, ordered by number.
  ///
  /// One query per table, whatever the number of trials; run it inside a transaction.
  func loadTrials(_ filter: String, _ binds: [SQLValue]) throws(HoneError) -> [FrozenTrial] {
    var trials: [FrozenTrial] = []
    var index: [Int64: Int] = [:]
    for row in try db.query(
      """
      SELECT t.trial_id, t.number, t.state, t.datetime_start, t.datetime_complete
      FROM trials t WHERE \(filter) ORDER BY t.number
      """, binds)
    {
      let raw = try row.integer(2)
      guard let state = Int32(exactly: raw).flatMap(TrialState.init(rawValue:)) else {
        throw .storage("\(location) is damaged: a trial has state \(raw)")
      }
      index[try row.integer(0)] = trials.count
      trials.append(
        FrozenTrial(
          number: try row.int(1), state: state, datetimeStart: try row.optionalReal(3),
          datetimeComplete: try row.optionalReal(4)))
    }
    guard !trials.isEmpty else { return [] }
    /// Runs a query over a child table and hands each row to `apply` with its trial's index.
    func children(
      _ columns: String, _ table: String, _ order: String, _ apply: (Int, SQLRow) throws(HoneError) -> Void
    ) throws(HoneError) {
      for row in try db.query(
        """
        SELECT c.trial_id, \(columns) FROM \(table) c JOIN trials t ON t.trial_id = c.trial_id
        WHERE \(filter) ORDER BY c.trial_id, \(order)
        """, binds)
      {
        guard let i = index[try row.integer(0)] else { continue }
        try apply(i, row)
      }
    }
    try children("c.value", "trial_values", "c.objective") { i, row throws(HoneError) in
      trials[i].values = (trials[i].values ?? []) + [try row.real(1)]
    }
    try children("c.param_name, c.param_value, c.distribution_json", "trial_params", "c.position") {
      i, row throws(HoneError) in
      let name = try row.text(1)
      let distribution: Distribution
      do throws(HoneError) {
        distribution = try Distribution(json: try row.json(3), context: "parameter '\(name)'")
      } catch {
        throw .storage("\(location) is damaged: \(error.message)")
      }
      trials[i].params.append(Param(name: name, distribution: distribution, value: try row.real(2)))
    }
    try children("c.step, c.value", "trial_intermediate_values", "c.step") { i, row throws(HoneError) in
      trials[i].intermediateValues[try row.integer(1)] = try row.real(2)
    }
    try children("c.attr_key, c.value_json", "trial_user_attrs", "c.position") { i, row throws(HoneError) in
      trials[i].userAttrs.append((try row.text(1), try row.json(2)))
    }
    try children("c.attr_key, c.value_json", "trial_system_attrs", "c.position") { i, row throws(HoneError) in
      trials[i].systemAttrs.append((try row.text(1), try row.json(2)))
    }
    return trials
  }
}
