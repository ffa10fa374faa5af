/// Trial mutations of the SQL storage: one write transaction each.
extension SQLStorage {
  public func createTrial(
    study: Int, template: FrozenTrial, heartbeat: Double?
  ) throws(HoneError) -> FrozenTrial {
    try write { () throws(HoneError) -> FrozenTrial in
      let seq = try advance(study)
      var trial = template
      trial.number = try lastNumber(study).map { $0 + 1 } ?? 0
      guard let inserted = try db.row(
        """
        INSERT INTO trials (study_id, number, state, datetime_start, datetime_complete, heartbeat, seq)
        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING trial_id
        """,
        [
          .integer(Int64(study)), .integer(Int64(trial.number)), .integer(Int64(trial.state.rawValue)),
          SQLStorage.optional(trial.datetimeStart), SQLStorage.optional(trial.datetimeComplete),
          trial.state == .running ? SQLStorage.optional(heartbeat) : .null, .integer(seq),
        ])
      else { throw .storage("\(location): inserting a trial returned no identifier") }
      let id = try inserted.integer(0)
      try insertValues(id, trial.values)
      for p in trial.params { try upsertParam(id, p) }
      for (step, value) in trial.intermediateValues.sorted(by: { $0.key < $1.key }) {
        try insertIntermediate(id, step, value)
      }
      for (k, v) in trial.userAttrs { try upsertAttr("trial_user_attrs", id, k, v) }
      for (k, v) in trial.systemAttrs { try upsertAttr("trial_system_attrs", id, k, v) }
      return trial
    }
  }

  public func popWaitingTrial(study: Int, start: Double, heartbeat: Double?) throws(HoneError) -> FrozenTrial? {
    let waitingQuery = "SELECT trial_id, number FROM trials WHERE study_id = ? AND state = ? ORDER BY number LIMIT 1"
    let binds: [SQLValue] = [.integer(Int64(study)), .integer(Int64(TrialState.waiting.rawValue))]
    // Most asks find no waiting trial: look without taking the write lock first.
    guard try readStatement({ () throws(HoneError) in try db.row(waitingQuery, binds) }) != nil else { return nil }
    return try write { () throws(HoneError) -> FrozenTrial? in
      let seq = try advance(study)
      guard let row = try db.row(waitingQuery, binds) else { return nil }
      let id = try row.integer(0)
      try db.execute(
        "UPDATE trials SET state = ?, datetime_start = ?, heartbeat = ?, seq = ? WHERE trial_id = ?",
        [
          .integer(Int64(TrialState.running.rawValue)), .real(start), SQLStorage.optional(heartbeat),
          .integer(seq), .integer(id),
        ])
      return try loadTrials("t.trial_id = ?", [.integer(id)]).trials.first
    }
  }

  public func setTrialParam(study: Int, number: Int, param: Param) throws(HoneError) {
    try mutateRunning(study, number) { id throws(HoneError) in try upsertParam(id, param) }
  }

  public func finishTrial(
    study: Int, number: Int, state: TrialState, values: [Double]?, complete: Double
  ) throws(HoneError) {
    try mutateRunning(study, number) { id throws(HoneError) in
      try db.execute(
        "UPDATE trials SET state = ?, datetime_complete = ? WHERE trial_id = ?",
        [.integer(Int64(state.rawValue)), .real(complete), .integer(id)])
      try insertValues(id, values)
    }
  }

  public func setIntermediateValue(study: Int, number: Int, step: Int64, value: Double) throws(HoneError) {
    try mutateRunning(study, number) { id throws(HoneError) in try insertIntermediate(id, step, value) }
  }

  public func setTrialUserAttr(study: Int, number: Int, key: String, value: JSON) throws(HoneError) {
    try mutateRunning(study, number) { id throws(HoneError) in try upsertAttr("trial_user_attrs", id, key, value) }
  }

  public func setTrialSystemAttr(study: Int, number: Int, key: String, value: JSON) throws(HoneError) {
    try mutateRunning(study, number) { id throws(HoneError) in
      try upsertAttr("trial_system_attrs", id, key, value)
    }
  }

  public func recordHeartbeat(study: Int, number: Int, time: Double) throws(HoneError) {
    try write { () throws(HoneError) in
      let id = try runningTrialID(study, number)
      try db.execute("UPDATE trials SET heartbeat = ? WHERE trial_id = ?", [.real(time), .integer(id)])
    }
  }

  public func failStaleTrials(study: Int, before: Double, complete: Double) throws(HoneError) -> [FrozenTrial] {
    let staleQuery = """
      SELECT trial_id FROM trials
      WHERE study_id = ? AND state = ? AND heartbeat IS NOT NULL AND heartbeat < ? ORDER BY number
      """
    let binds: [SQLValue] = [.integer(Int64(study)), .integer(Int64(TrialState.running.rawValue)), .real(before)]
    guard try !readStatement({ () throws(HoneError) in try db.query(staleQuery, binds) }).isEmpty else { return [] }
    return try write { () throws(HoneError) -> [FrozenTrial] in
      let seq = try advance(study)
      var failed: [FrozenTrial] = []
      for row in try db.query(staleQuery, binds) {
        let id = try row.integer(0)
        try db.execute(
          "UPDATE trials SET state = ?, datetime_complete = ?, heartbeat = NULL, seq = ? WHERE trial_id = ?",
          [.integer(Int64(TrialState.fail.rawValue)), .real(complete), .integer(seq), .integer(id)])
        failed += try loadTrials("t.trial_id = ?", [.integer(id)]).trials
      }
      return failed
    }
  }

  // MARK: Helpers

  /// Advances the study's change counter and returns it: the `seq` of this transaction's changes.
  func advance(_ study: Int) throws(HoneError) -> Int64 {
    guard let row = try db.row(
      "UPDATE studies SET seq = seq + 1 WHERE study_id = ? RETURNING seq", [.integer(Int64(study))])
    else { throw .notFound("no study with id \(study) in \(location)") }
    return try row.integer(0)
  }

  /// The highest trial number of a study, or nil when it has no trial.
  func lastNumber(_ study: Int) throws(HoneError) -> Int? {
    // ORDER BY ... LIMIT 1 is one index seek; MAX() inside an expression would scan.
    try db.row(
      "SELECT number FROM trials WHERE study_id = ? ORDER BY number DESC LIMIT 1", [.integer(Int64(study))]
    ).map { row throws(HoneError) in try row.int(0) }
  }

  /// The row identifier of a trial that exists and is RUNNING, or the error that says why not.
  func runningTrialID(_ study: Int, _ number: Int) throws(HoneError) -> Int64 {
    guard let row = try db.row(
      "SELECT trial_id, state FROM trials WHERE study_id = ? AND number = ?",
      [.integer(Int64(study)), .integer(Int64(number))])
    else { throw try missingTrial(study, number) }
    let raw = try row.integer(1)
    guard let state = Int32(exactly: raw).flatMap(TrialState.init(rawValue:)) else {
      throw .storage("\(location) is damaged: trial \(number) has state \(raw)")
    }
    guard state == .running else { throw .state("trial \(number) is \(state.name), not RUNNING") }
    return try row.integer(0)
  }

  /// The error for a trial that does not exist: its study's, or its own.
  func missingTrial(_ study: Int, _ number: Int) throws(HoneError) -> HoneError {
    guard let s = try db.row("SELECT study_name FROM studies WHERE study_id = ?", [.integer(Int64(study))]) else {
      return .notFound("no study with id \(study) in \(location)")
    }
    return .notFound("no trial \(number) in study '\(try s.text(0))'")
  }

  /// Applies `body` to a RUNNING trial's row identifier and stamps the change, in one transaction.
  private func mutateRunning(
    _ study: Int, _ number: Int, _ body: (Int64) throws(HoneError) -> Void
  ) throws(HoneError) {
    try write { () throws(HoneError) in
      let seq = try advance(study)
      // Stamping the change and checking the state are one statement; only when no
      // RUNNING trial matched does a second one find out why.
      guard let row = try db.row(
        "UPDATE trials SET seq = ? WHERE study_id = ? AND number = ? AND state = ? RETURNING trial_id",
        [
          .integer(seq), .integer(Int64(study)), .integer(Int64(number)),
          .integer(Int64(TrialState.running.rawValue)),
        ])
      else {
        _ = try runningTrialID(study, number)
        throw .internal("trial \(number) is RUNNING but was not updated")
      }
      try body(try row.integer(0))
    }
  }

  private func insertValues(_ id: Int64, _ values: [Double]?) throws(HoneError) {
    for (i, v) in (values ?? []).enumerated() {
      try db.execute(
        "INSERT INTO trial_values (trial_id, objective, value) VALUES (?, ?, ?)",
        [.integer(id), .integer(Int64(i)), .real(v)])
    }
  }

  private func upsertParam(_ id: Int64, _ p: Param) throws(HoneError) {
    try db.execute(
      """
      INSERT INTO trial_params (trial_id, position, param_name, param_value, distribution_json)
      VALUES (?, (SELECT COUNT(*) FROM trial_params WHERE trial_id = ?), ?, ?, ?)
      ON CONFLICT (trial_id, param_name)
      DO UPDATE SET param_value = excluded.param_value, distribution_json = excluded.distribution_json
      """,
      [.integer(id), .integer(id), .text(p.name), .real(p.value), .text(p.distribution.json.text)])
  }

  private func insertIntermediate(_ id: Int64, _ step: Int64, _ value: Double) throws(HoneError) {
    // The first report of a step wins, as in memory and in Optuna.
    try db.execute(
      """
      INSERT INTO trial_intermediate_values (trial_id, step, value) VALUES (?, ?, ?)
      ON CONFLICT (trial_id, step) DO NOTHING
      """, [.integer(id), .integer(step), .real(value)])
  }

  private func upsertAttr(_ table: String, _ id: Int64, _ key: String, _ value: JSON) throws(HoneError) {
    try db.execute(
      """
      INSERT INTO \(table) (trial_id, position, attr_key, value_json)
      VALUES (?, (SELECT COUNT(*) FROM \(table) WHERE trial_id = ?), ?, ?)
      ON CONFLICT (trial_id, attr_key) DO UPDATE SET value_json = excluded.value_json
      """, [.integer(id), .integer(id), .text(key), .text(value.text)])
  }

  static func optional(_ x: Double?) -> SQLValue { x.map(SQLValue.real) ?? .null }
}
