/// The trials of one study rebuilt from the rows of `SQLStorage.loadTrials`, every
/// value checked before it is used.
///
/// A database row is input like any other: a hand-edited or damaged file can hold
/// anything in any column (SQLite keeps text in an integer column), so a value is
/// used only once it has its column's type and lies where Hone writes it. Anything
/// else is a `.storage` error that names the study, the trial and the column, and
/// the whole read fails, so no caller keeps part of a bad batch.
///
/// Rows have eight columns: kind, an identifier (the trial's row, or the study's
/// change counter for the study row), an integer (number, objective, position or
/// step), the state, a real, a second real, a text and a second text. Kind -1 is
/// the study row (its directions and name in the texts), which sorts first; kind 0
/// a trial; then its values (1), parameters (2), intermediate values (3), user (4)
/// and system attributes (5).
struct StoredTrialDecoder {
  /// What messages call the database.
  let location: String
  let studyID: Int
  /// The study, once its row is read.
  private(set) var study: StoredStudy?
  /// The study's change counter as of the rows, once the study row is read.
  private(set) var cursor: Int64?
  private var studyName = ""
  private var directions: [StudyDirection] = []
  private var trials: [FrozenTrial] = []
  /// The index in `trials` of each trial's row identifier.
  private var index: [Int64: Int] = [:]

  /// The first instant no stored time may reach: 10000-01-01T00:00:00Z.
  static let endOfTime = 253_402_300_800.0

  init(location: String, study: Int) {
    self.location = location
    studyID = study
  }

  /// Decodes one row, throwing `.storage` for a value Hone would never have written there.
  mutating func add(_ row: SQLRow) throws(HoneError) {
    guard row.count == 8, case .integer(let kind) = row[0], case .integer(let id) = row[1] else {
      if row.count == 8, case .integer(let kind) = row[0], kind >= 0 {
        throw damaged(nil, "a row of kind \(kind) has row identifier \(row[1].summary)")
      }
      throw .internal("\(location): a trial query returned a row of an unexpected shape")
    }
    if kind == -1 {
      try addStudy(row, seq: id)
      return
    }
    guard cursor != nil else { throw damaged(nil, "a trial (row id \(id)) belongs to a study with no row") }
    if kind == 0 {
      try addTrial(row, id: id)
      return
    }
    guard let i = index[id] else {
      throw .internal("\(location): a child row precedes its trial (row id \(id))")
    }
    switch kind {
    case 1: try addValue(row, i)
    case 2: try addParam(row, i)
    case 3: try addIntermediate(row, i)
    case 4: trials[i].userAttrs.append(try attribute(row, i, table: "trial_user_attrs", trials[i].userAttrs))
    case 5: trials[i].systemAttrs.append(try attribute(row, i, table: "trial_system_attrs", trials[i].systemAttrs))
    default: throw .internal("\(location): a trial query returned a row of kind \(kind)")
    }
  }

  /// The trials ordered by number, once every row is in. With `dense`, the rows
  /// are all of the study's, whose numbers must then run from 0 without a gap.
  func finish(dense: Bool) throws(HoneError) -> [FrozenTrial] {
    for i in trials.indices { try check(i) }
    let sorted = trials.sorted { $0.number < $1.number }
    if dense {
      for (expected, t) in sorted.enumerated() where t.number != expected {
        let problem = t.number < expected
          ? "trial \(t.number) appears twice" : "there is no trial \(expected), but there is a trial \(t.number)"
        throw .storage(
          "\(location): the trial numbers of study '\(studyName)' have a gap: \(problem)\(Self.unmodified)")
      }
    }
    return sorted
  }

  // MARK: Rows

  private mutating func addStudy(_ row: SQLRow, seq: Int64) throws(HoneError) {
    guard case .text(let name) = row[7] else {
      throw .storage("\(location): a study's column 'study_name' holds \(row[7].summary), not text\(Self.unmodified)")
    }
    studyName = name
    guard case .text(let text) = row[6], let parsed = SQLStorage.directions(text) else {
      throw damaged(nil, "column 'directions' holds \(row[6].summary), not a list of minimize and maximize")
    }
    directions = parsed
    guard seq >= 0 else { throw damaged(nil, "column 'seq' holds \(seq), not a change count") }
    cursor = seq
    study = StoredStudy(id: studyID, name: name, directions: parsed)
  }

  private mutating func addTrial(_ row: SQLRow, id: Int64) throws(HoneError) {
    guard case .integer(let raw) = row[2], raw >= 0, raw < Int64(Int.max), let number = Int(exactly: raw) else {
      throw damaged(nil, "a trial (row id \(id)) has column 'number' holding \(row[2].summary), not a trial number")
    }
    guard index[id] == nil else { throw damaged(nil, "trial row id \(id) appears twice") }
    let at = trials.count
    trials.append(FrozenTrial(number: number, state: .fail))
    index[id] = at
    guard case .integer(let code) = row[3], let state = Int32(exactly: code).flatMap(TrialState.init(rawValue:))
    else { throw damaged(at, "column 'state' holds \(row[3].summary), not a trial state") }
    trials[at].state = state
    trials[at].datetimeStart = try time(row, 4, "datetime_start", at)
    trials[at].datetimeComplete = try time(row, 5, "datetime_complete", at)
  }

  private mutating func addValue(_ row: SQLRow, _ i: Int) throws(HoneError) {
    let objective = try integer(row, 2, "objective", i)
    let have = trials[i].values?.count ?? 0
    guard objective >= 0, objective < directions.count else {
      throw damaged(i, "it has a value for objective \(objective), but the study has \(directionCount)")
    }
    guard objective == have else {
      throw damaged(
        i, objective < have
          ? "objective \(objective) has two values" : "it has a value for objective \(objective) but none for \(have)")
    }
    // A trial is never finished with a NaN (tell marks it FAIL instead), which would be stored as NULL.
    guard let value = try number(row, 4, "value", i), !value.isNaN else {
      throw damaged(i, "the value of objective \(objective) is \(row[4].summary)")
    }
    trials[i].values = (trials[i].values ?? []) + [value]
  }

  private mutating func addParam(_ row: SQLRow, _ i: Int) throws(HoneError) {
    _ = try integer(row, 2, "position", i)
    let name = try text(row, 6, "param_name", i)
    guard !trials[i].params.contains(where: { $0.name == name }) else {
      throw damaged(i, "parameter '\(name)' appears twice")
    }
    let json = try text(row, 7, "distribution_json", i)
    let distribution: Distribution
    do throws(HoneError) {
      distribution = try Distribution(json: try JSON.parse(json), context: "it")
    } catch {
      throw damaged(i, "parameter '\(name)' has a distribution_json that is not a distribution (\(error.message))")
    }
    guard let stored = try number(row, 4, "param_value", i) else { throw damaged(i, "parameter '\(name)' is NULL") }
    // An int's exact value has a column of its own (schema 2); files written
    // before it hold only the double, which is exact up to 2^53.
    let exact: Int64?
    switch row[3] {
    case .null: exact = nil
    case .integer(let v): exact = v
    default: throw damaged(i, "column 'param_int' holds \(row[3].summary), not an integer")
    }
    guard let value = ParamValue(stored: stored, exact: exact, of: distribution) else {
      throw damaged(
        i, "parameter '\(name)' has value \(exact.map(String.init) ?? JSON.number(stored).text), "
          + (Self.kindProblem(stored, in: distribution)))
    }
    trials[i].params.append(Param(name: name, distribution: distribution, value: value))
  }

  private mutating func addIntermediate(_ row: SQLRow, _ i: Int) throws(HoneError) {
    let step = try integer(row, 2, "step", i)
    guard step >= 0 else { throw damaged(i, "it has an intermediate value at step \(step), below 0") }
    guard trials[i].intermediateValues[step] == nil else {
      throw damaged(i, "step \(step) has two intermediate values")
    }
    // NULL is a reported NaN, which report accepts.
    trials[i].intermediateValues[step] = try number(row, 4, "value", i) ?? .nan
  }

  private func attribute(
    _ row: SQLRow, _ i: Int, table: String, _ existing: [(String, JSON)]
  ) throws(HoneError) -> (String, JSON) {
    _ = try integer(row, 2, "position", i)
    let key = try text(row, 6, "attr_key", i)
    guard !existing.contains(where: { $0.0 == key }) else { throw damaged(i, "\(table) key '\(key)' appears twice") }
    let json = try text(row, 7, "value_json", i)
    do throws(HoneError) {
      return (key, try JSON.parse(json))
    } catch {
      throw damaged(i, "\(table) key '\(key)' has a value_json that is not JSON (\(error.message))")
    }
  }

  // MARK: Whole trials

  /// What only the whole trial shows: its value count, its parameters' domains
  /// (an enqueued value may lie outside the bounds, as in Optuna) and the system
  /// attributes that samplers index with.
  private func check(_ i: Int) throws(HoneError) {
    let t = trials[i]
    if t.state == .complete, t.values?.count != directions.count {
      throw damaged(i, "it is COMPLETE with \(t.values?.count ?? 0) values, but the study has \(directionCount)")
    }
    let fixed = Study.fixedParams(of: t)
    if let attr = t.systemAttr("fixed_params"), fixed == nil {
      throw damaged(i, "system attribute 'fixed_params' is \(attr.text), not an object")
    }
    for p in t.params {
      let enqueued = fixed?.contains { $0.0 == p.name } ?? false
      if let problem = Self.problem(p.value, in: p.distribution, enqueued: enqueued) {
        throw damaged(i, "parameter '\(p.name)' has value \(p.value.text), \(problem)")
      }
    }
    if let attr = t.systemAttr(FrozenTrial.constraintsKey), let problem = Self.constraintsProblem(attr) {
      throw damaged(i, "system attribute '\(FrozenTrial.constraintsKey)' is \(attr.text), \(problem)")
    }
    for (key, value) in t.systemAttrs where key.hasPrefix(FrozenTrial.constraintKeyPrefix) {
      guard let x = value.numberValue, !x.isNaN else {
        throw damaged(i, "system attribute '\(key)' is \(value.text), not a constraint value")
      }
    }
    if let id = t.systemAttr("grid_id"), !(id.numberValue.flatMap { Int(exactly: $0) }.map { $0 >= 0 } ?? false) {
      throw damaged(i, "system attribute 'grid_id' is \(id.text), not a grid index")
    }
  }

  /// Why a stored `"constraints"` attribute is not constraint values, or nil when it is.
  ///
  /// An array of numbers, infinities included; null is what Optuna stores when the
  /// constraints function raised, and means none. NaN is never stored: Optuna refuses it.
  static func constraintsProblem(_ attr: JSON) -> String? {
    switch attr {
    case .null: return nil
    case .array(let items):
      for (k, item) in items.enumerated() {
        guard let x = item.numberValue else { return "whose item \(k) is not a number" }
        if x.isNaN { return "whose item \(k) is NaN" }
      }
      return nil
    default: return "not an array of numbers"
    }
  }

  /// Why a stored double cannot be a value of `d`'s kind at all.
  static func kindProblem(_ x: Double, in d: Distribution) -> String {
    switch d {
    case .float: return "which is not finite"
    case .int:
      return x == x.rounded(.towardZero) && x.isFinite ? "which is not a 64-bit integer" : "which is not an integer"
    case .categorical: return "not an index of \(d.summary)"
    }
  }

  /// Why `value` cannot be the stored value of a parameter of `d`, or nil when it can.
  ///
  /// Enqueued values may lie outside the bounds, as Optuna allows; sampled ones never do.
  static func problem(_ value: ParamValue, in d: Distribution, enqueued: Bool) -> String? {
    switch (d, value) {
    case (.float(let low, let high, _, _), .float(let x)):
      // A sampler's `low + u * (high - low)` may pass `high` by an ulp or two.
      let slack = 4 * (abs(low) + abs(high)).ulp
      return enqueued || (x >= low - slack && x <= high + slack) ? nil : "outside \(d.summary)"
    case (.int(let low, let high, _, _), .int(let x)):
      if enqueued { return nil }
      if x < low || x > high { return "outside \(d.summary)" }
      return d.contains(value) ? nil : "off the grid of \(d.summary)"
    case (.categorical, .index):
      return d.contains(value) ? nil : "not an index of \(d.summary)"
    default:
      return "not a value of \(d.summary)"
    }
  }

  // MARK: Columns

  private func integer(_ row: SQLRow, _ c: Int, _ column: String, _ i: Int) throws(HoneError) -> Int64 {
    guard case .integer(let v) = row[c] else {
      throw damaged(i, "column '\(column)' holds \(row[c].summary), not an integer")
    }
    return v
  }

  /// A number; nil for NULL, which is how a NaN is stored.
  private func number(_ row: SQLRow, _ c: Int, _ column: String, _ i: Int) throws(HoneError) -> Double? {
    switch row[c] {
    case .null: return nil
    case .real(let v): return v
    case .integer(let v): return Double(v)
    case .text, .unreadable: throw damaged(i, "column '\(column)' holds \(row[c].summary), not a number")
    }
  }

  private func text(_ row: SQLRow, _ c: Int, _ column: String, _ i: Int) throws(HoneError) -> String {
    guard case .text(let v) = row[c] else { throw damaged(i, "column '\(column)' holds \(row[c].summary), not text") }
    return v
  }

  /// A time in seconds since the epoch, or nil for NULL.
  private func time(_ row: SQLRow, _ c: Int, _ column: String, _ i: Int) throws(HoneError) -> Double? {
    guard let t = try number(row, c, column, i) else { return nil }
    guard t >= 0, t < Self.endOfTime else {
      throw damaged(i, "column '\(column)' holds \(t), not a time between 1970 and the year 10000")
    }
    return t
  }

  // MARK: Messages

  private var directionCount: String { directions.count == 1 ? "1 direction" : "\(directions.count) directions" }

  static let unmodified = "; the storage was not modified"

  /// The error for a bad value of trial `i` (nil: of no trial yet, or of the study).
  private func damaged(_ i: Int?, _ problem: String) -> HoneError {
    let subject = i.map { "trial \(trials[$0].number) of study '\(studyName)'" } ?? "study '\(studyName)'"
    return .storage("\(location): \(subject): \(problem)\(Self.unmodified)")
  }
}
