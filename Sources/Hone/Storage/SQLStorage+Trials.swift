/// Trial mutations of the SQL storage: one write transaction each.
extension SQLStorage {
  public func createTrial(
    study: Int, template: FrozenTrial, heartbeat: Double?
  ) throws(HoneError) -> FrozenTrial {
    try write { () throws(HoneError) -> FrozenTrial in
      try insertTrial(study: study, template: template, heartbeat: heartbeat, seq: try advance(study))
    }
  }

  /// Inserts `template` as the study's next trial, stamped `seq`; run it in a write transaction.
  func insertTrial(
    study: Int, template: FrozenTrial, heartbeat: Double?, seq: Int64
  ) throws(HoneError) -> FrozenTrial {
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
    var changes = valueChanges(trial.values) + newParamChanges(trial.params, existing: [])
    changes += trial.intermediateValues.sorted(by: { $0.key < $1.key }).map(intermediateChange)
    changes += trial.userAttrs.map { attrChange("trial_user_attrs", $0.0, $0.1) }
    changes += trial.systemAttrs.map { attrChange("trial_system_attrs", $0.0, $0.1) }
    try apply(changes, to: try inserted.integer(0))
    return trial
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
      return try loadTrials("t.trial_id = ?", [.integer(id)], study: study).trials.first
    }
  }

  public func setTrialParam(study: Int, number: Int, param: Param) throws(HoneError) {
    try mutateRunning(study, number, [paramChange(param)])
  }

  /// One write transaction with a statement per parameter; positions are numbered here,
  /// not counted per row, so n parameters cost O(n).
  public func setTrialParams(study: Int, number: Int, params: [Param]) throws(HoneError) {
    try write { () throws(HoneError) in
      let seq = try advance(study)
      let stamp = "UPDATE trials SET seq = ? WHERE study_id = ? AND number = ? AND state = ? RETURNING trial_id"
      let match: [SQLValue] = [
        .integer(seq), .integer(Int64(study)), .integer(Int64(number)), .integer(Int64(TrialState.running.rawValue)),
      ]
      guard let row = try db.row(stamp, match) else { throw try notRunning(study, number) }
      let id = try row.integer(0)
      let names = try db.query("SELECT param_name FROM trial_params WHERE trial_id = ?", [.integer(id)])
        .map { r throws(HoneError) in try r.text(0) }
      try apply(newParamChanges(params, existing: names), to: id)
    }
  }

  public func finishTrial(
    study: Int, number: Int, state: TrialState, values: [Double]?, complete: Double
  ) throws(HoneError) {
    try mutateRunning(
      study, number, valueChanges(values),
      set: ("state = ?, datetime_complete = ?", [.integer(Int64(state.rawValue)), .real(complete)]))
  }

  public func setIntermediateValue(study: Int, number: Int, step: Int64, value: Double) throws(HoneError) {
    try mutateRunning(study, number, [intermediateChange(step, value)])
  }

  public func setTrialUserAttr(study: Int, number: Int, key: String, value: JSON) throws(HoneError) {
    try mutateRunning(study, number, [attrChange("trial_user_attrs", key, value)])
  }

  public func setTrialSystemAttr(study: Int, number: Int, key: String, value: JSON) throws(HoneError) {
    try mutateRunning(study, number, [attrChange("trial_system_attrs", key, value)])
  }

  public func recordHeartbeat(study: Int, number: Int, time: Double) throws(HoneError) {
    try write { () throws(HoneError) in
      let id = try runningTrialID(study, number)
      try db.execute("UPDATE trials SET heartbeat = ? WHERE trial_id = ?", [.real(time), .integer(id)])
    }
  }

  public func failStaleTrials(
    study: Int, before: Double, complete: Double, retry: (FrozenTrial) -> FrozenTrial?
  ) throws(HoneError) -> [FrozenTrial] {
    // Heartbeats that are not times are selected too, to be refused rather than never seen stale.
    let staleQuery = """
      SELECT trial_id, number, heartbeat FROM trials
      WHERE study_id = ? AND state = ? AND heartbeat IS NOT NULL
        AND (heartbeat < ? OR NOT (heartbeat >= 0 AND heartbeat < ?)) ORDER BY number
      """
    let binds: [SQLValue] = [
      .integer(Int64(study)), .integer(Int64(TrialState.running.rawValue)), .real(before),
      .real(StoredTrialDecoder.endOfTime),
    ]
    let stale = try readStatement { () throws(HoneError) in try db.query(staleQuery, binds) }
    guard !stale.isEmpty else { return [] }
    try checkHeartbeats(stale, study: study)
    return try write { () throws(HoneError) -> [FrozenTrial] in
      let seq = try advance(study)
      var failed: [FrozenTrial] = []
      let rows = try db.query(staleQuery, binds)
      try checkHeartbeats(rows, study: study)
      for row in rows {
        let id = try row.integer(0)
        try db.execute(
          "UPDATE trials SET state = ?, datetime_complete = ?, heartbeat = NULL, seq = ? WHERE trial_id = ?",
          [.integer(Int64(TrialState.fail.rawValue)), .real(complete), .integer(seq), .integer(id)])
        for trial in try loadTrials("t.trial_id = ?", [.integer(id)], study: study).trials {
          failed.append(trial)
          if let again = retry(trial) {
            _ = try insertTrial(study: study, template: again, heartbeat: nil, seq: seq)
          }
        }
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
    guard let row = try db.row(
      "SELECT number FROM trials WHERE study_id = ? ORDER BY number DESC LIMIT 1", [.integer(Int64(study))])
    else { return nil }
    guard case .integer(let raw) = row[0], raw >= 0, raw < Int64(Int.max), let number = Int(exactly: raw) else {
      throw damagedStudy(study, "its highest trial number is \(row[0].summary), not a trial number")
    }
    return number
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

  /// A change to a trial's child rows: one INSERT that takes the trial's row
  /// identifier from a relation `t (trial_id)`, so it can run after the trial's
  /// UPDATE or as part of the same statement.
  struct ChildChange {
    let sql: String
    let binds: [SQLValue]
  }

  /// Stamps a RUNNING trial as changed, with `set` applied to its row, and applies
  /// `changes`, atomically; `.state` or `.notFound` when the trial is not RUNNING.
  ///
  /// Where the database can modify data inside WITH (PostgreSQL), all of it is one
  /// statement: one round trip, and the study's row lock held only while it runs.
  /// Elsewhere it is a write transaction of a statement per change.
  private func mutateRunning(
    _ study: Int, _ number: Int, _ changes: [ChildChange], set: (String, [SQLValue])? = nil
  ) throws(HoneError) {
    let extra = set.map { ", " + $0.0 } ?? ""
    let where_ = "WHERE study_id = ? AND number = ? AND state = ? RETURNING trial_id"
    let match: [SQLValue] = [
      .integer(Int64(study)), .integer(Int64(number)), .integer(Int64(TrialState.running.rawValue)),
    ]
    if db.dialect.modifiesInWith {
      var sql = """
        WITH s AS (UPDATE studies SET seq = seq + 1 WHERE study_id = ? RETURNING seq),
        t AS (UPDATE trials SET seq = (SELECT seq FROM s)\(extra) \(where_))
        """
      var binds: [SQLValue] = [.integer(Int64(study))] + (set?.1 ?? []) + match
      for (i, c) in changes.enumerated() {
        sql += ",\nc\(i) AS (\(c.sql))"
        binds += c.binds
      }
      let updated = try write(statement: true) { () throws(HoneError) in
        try db.row(sql + "\nSELECT trial_id FROM t", binds)
      }
      // When nothing matched, only the study's counter moved: say why the trial was not RUNNING.
      if updated == nil { throw try readStatement { () throws(HoneError) in try notRunning(study, number) } }
      return
    }
    try write { () throws(HoneError) in
      let seq = try advance(study)
      // Stamping the change and checking the state are one statement; only when no
      // RUNNING trial matched does a second one find out why.
      let stamp = "UPDATE trials SET seq = ?\(extra) \(where_)"
      guard let row = try db.row(stamp, [.integer(seq)] + (set?.1 ?? []) + match) else {
        throw try notRunning(study, number)
      }
      try apply(changes, to: try row.integer(0))
    }
  }

  /// The error for a trial that no RUNNING row matched: missing, or finished.
  private func notRunning(_ study: Int, _ number: Int) throws(HoneError) -> HoneError {
    _ = try runningTrialID(study, number)
    return .internal("trial \(number) is RUNNING but was not updated")
  }

  /// Applies `changes` to the trial with row identifier `id`, inside a write transaction.
  private func apply(_ changes: [ChildChange], to id: Int64) throws(HoneError) {
    for c in changes { try db.execute("WITH t AS (SELECT ? AS trial_id) " + c.sql, [.integer(id)] + c.binds) }
  }

  // Casts fix the parameters' types: PostgreSQL cannot infer them in a SELECT list.
  // `WHERE true` keeps SQLite from reading ON CONFLICT as a join constraint.

  private func valueChanges(_ values: [Double]?) -> [ChildChange] {
    (values ?? []).enumerated().map { i, v in
      ChildChange(
        sql: """
          INSERT INTO trial_values (trial_id, objective, value)
          SELECT trial_id, CAST(? AS \(db.dialect.integer)), CAST(? AS \(db.dialect.real)) FROM t WHERE true
          """, binds: [.integer(Int64(i)), .real(v)])
    }
  }

  /// A parameter's row. `param_value` is REAL, which cannot hold every Int64, so an
  /// int's exact value goes to `param_int` too (schema version 2); reads prefer it.
  ///
  /// Without `position`, the parameter goes after the trial's others, counted by the statement.
  private func paramChange(_ p: Param, position: Int64? = nil) -> ChildChange {
    let exact: SQLValue
    if case .int(let i) = p.value { exact = .integer(i) } else { exact = .null }
    let (slot, positionBind): (String, [SQLValue]) =
      position.map { ("CAST(? AS \(db.dialect.integer))", [.integer($0)]) }
      ?? ("(SELECT COUNT(*) FROM trial_params x WHERE x.trial_id = t.trial_id)", [])
    return ChildChange(
      sql: """
        INSERT INTO trial_params (trial_id, position, param_name, param_value, param_int, distribution_json)
        SELECT trial_id, \(slot),
          CAST(? AS TEXT), CAST(? AS \(db.dialect.real)), CAST(? AS \(db.dialect.integer)), CAST(? AS TEXT)
        FROM t WHERE true
        ON CONFLICT (trial_id, param_name)
        DO UPDATE SET param_value = excluded.param_value, param_int = excluded.param_int,
          distribution_json = excluded.distribution_json
        """, binds: positionBind + [.text(p.name), .real(p.value.double), exact, .text(p.distribution.json.text)])
  }

  /// The rows of `params` for a trial that has parameters `existing`: new names are
  /// numbered after them, and a name already there keeps its place.
  private func newParamChanges(_ params: [Param], existing: [String]) -> [ChildChange] {
    var seen = Set(existing)
    var next = Int64(seen.count)
    return params.map { p in
      guard seen.insert(p.name).inserted else { return paramChange(p, position: 0) }
      defer { next += 1 }
      return paramChange(p, position: next)
    }
  }

  /// The first report of a step wins, as in memory and in Optuna.
  private func intermediateChange(_ step: Int64, _ value: Double) -> ChildChange {
    ChildChange(
      sql: """
        INSERT INTO trial_intermediate_values (trial_id, step, value)
        SELECT trial_id, CAST(? AS \(db.dialect.integer)), CAST(? AS \(db.dialect.real)) FROM t WHERE true
        ON CONFLICT (trial_id, step) DO NOTHING
        """, binds: [.integer(step), .real(value)])
  }

  private func attrChange(_ table: String, _ key: String, _ value: JSON) -> ChildChange {
    ChildChange(
      sql: """
        INSERT INTO \(table) (trial_id, position, attr_key, value_json)
        SELECT trial_id, (SELECT COUNT(*) FROM \(table) x WHERE x.trial_id = t.trial_id),
          CAST(? AS TEXT), CAST(? AS TEXT) FROM t WHERE true
        ON CONFLICT (trial_id, attr_key) DO UPDATE SET value_json = excluded.value_json
        """, binds: [.text(key), .text(value.text)])
  }

  static func optional(_ x: Double?) -> SQLValue { x.map(SQLValue.real) ?? .null }
}
