/// Exporting a study's trials as CSV or JSON.
extension Study {
  /// The formats of `export(_:)`.
  public enum ExportFormat: String, CaseIterable, Sendable {
    /// One row per trial with Optuna's `trials_dataframe()` columns, RFC 4180 quoting.
    case csv
    /// The array of trial objects of `FrozenTrial.json`.
    case json
  }

  /// Every trial, ordered by number, in `format`.
  public func export(_ format: ExportFormat) throws(HoneError) -> String {
    let trials = try self.trials
    switch format {
    case .json: return JSON.array(trials.map(\.json)).text
    case .csv: return Study.csv(trials, objectives: directions.count)
    }
  }

  /// Optuna's flat columns: number, value (values_0, ... with several objectives),
  /// datetime_start, datetime_complete, duration (seconds), params_<name>,
  /// user_attrs_<key>, system_attrs_<key>, state. Keys are taken in the order they
  /// first appear; a cell a trial lacks is empty.
  static func csv(_ trials: [FrozenTrial], objectives: Int) -> String {
    func keys(_ lists: [[String]]) -> [String] {
      var seen = Set<String>()
      return lists.joined().filter { seen.insert($0).inserted }
    }
    let params = keys(trials.map { $0.params.map(\.name) })
    let user = keys(trials.map { $0.userAttrs.map(\.0) })
    let system = keys(trials.map { $0.systemAttrs.map(\.0) })
    let valueColumns = objectives == 1 ? ["value"] : (0..<objectives).map { "values_\($0)" }
    var header = ["number"] + valueColumns + ["datetime_start", "datetime_complete", "duration"]
    header += params.map { "params_\($0)" } + user.map { "user_attrs_\($0)" }
    header += system.map { "system_attrs_\($0)" } + ["state"]
    var lines = [header.map(csvField).joined(separator: ",")]
    for t in trials {
      var row = [String(t.number)]
      row += (0..<objectives).map { i in t.values.flatMap { i < $0.count ? number($0[i]) : nil } ?? "" }
      row.append(t.datetimeStart.map(WallClock.iso8601) ?? "")
      row.append(t.datetimeComplete.map(WallClock.iso8601) ?? "")
      if let start = t.datetimeStart, let end = t.datetimeComplete {
        row.append(number(end - start))
      } else {
        row.append("")
      }
      let byName = Dictionary(t.params.map { ($0.name, $0.external) }, uniquingKeysWith: { a, _ in a })
      row += params.map { byName[$0].map(cell) ?? "" }
      let userByKey = Dictionary(t.userAttrs, uniquingKeysWith: { a, _ in a })
      row += user.map { userByKey[$0].map(cell) ?? "" }
      let systemByKey = Dictionary(t.systemAttrs, uniquingKeysWith: { a, _ in a })
      row += system.map { systemByKey[$0].map(cell) ?? "" }
      row.append(t.state.name)
      lines.append(row.map(csvField).joined(separator: ","))
    }
    return lines.joined(separator: "\r\n") + "\r\n"
  }

  /// A number as JSON writes it, so values round-trip; NaN and infinities by name.
  private static func number(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x > 0 ? "inf" : "-inf" }
    return JSON.number(x).text
  }

  /// A string as itself, a number as `number`, anything else as its JSON text.
  private static func cell(_ v: JSON) -> String {
    switch v {
    case .string(let s): return s
    case .number(let x): return number(x)
    default: return v.text
    }
  }

  /// Quotes a field that holds a comma, a quote or a line break, doubling its quotes.
  private static func csvField(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return s }
    var out = "\""
    for c in s {
      if c == "\"" { out.append("\"") }
      out.append(c)
    }
    return out + "\""
  }
}
