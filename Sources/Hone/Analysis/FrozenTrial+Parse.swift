/// Reading a trial back from the JSON form `FrozenTrial.json` writes.
extension FrozenTrial {
  /// A trial from the JSON of `FrozenTrial.json` (what `hone_trial_json` returns).
  ///
  /// "state" is required; "values", "params", "distributions",
  /// "intermediate_values", "user_attrs", "system_attrs", "datetime_start" and
  /// "datetime_complete" may be missing or null (none); "number" may be given
  /// (an integer) and is ignored. Any other key is an error that names it.
  /// Every parameter needs a distribution and every distribution a parameter;
  /// int values are read exactly; steps are decimal integers; times are ISO 8601
  /// with "Z" or an offset. This parses only: `validateForAdding` checks the rest.
  public init(addJSON json: JSON) throws(HoneError) {
    guard case .object(let members) = json else {
      throw .invalidArgument("a trial must be a JSON object, not \(json.typeName)")
    }
    let r = JSONObjectReader(members, context: "trial")
    try r.allowOnly([
      "number", "state", "values", "params", "distributions", "intermediate_values", "user_attrs",
      "system_attrs", "datetime_start", "datetime_complete",
    ])
    _ = try r.optionalInt64("number")
    let stateName = try r.string("state")
    guard let state = TrialState(name: stateName) else {
      throw .invalidArgument("trial: unknown state '\(stateName)' (RUNNING, COMPLETE, PRUNED, FAIL or WAITING)")
    }
    self.init(number: 0, state: state)

    if let v = r["values"], v != .null {
      guard case .array(let items) = v else { throw .invalidArgument("trial: 'values' must be an array or null") }
      var values: [Double] = []
      for (k, item) in items.enumerated() {
        guard let x = item.numberValue else {
          throw .invalidArgument("trial: values[\(k)] must be a number, not \(item.typeName)")
        }
        values.append(x)
      }
      self.values = values
    }

    let params = try r.optionalObject("params") ?? []
    let distributions = try r.optionalObject("distributions") ?? []
    // JSON.parse refuses duplicate keys, so every name here is unique.
    let specs = Dictionary(distributions, uniquingKeysWith: { first, _ in first })
    let names = Set(params.map { $0.0 })
    if let extra = distributions.first(where: { !names.contains($0.0) }) {
      throw .invalidArgument("trial: distribution '\(extra.0)' has no parameter in 'params'")
    }
    for (name, value) in params {
      guard let spec = specs[name] else {
        throw .invalidArgument("trial: parameter '\(name)' has no distribution in 'distributions'")
      }
      let d = try Distribution(json: spec, context: "distribution of '\(name)'")
      guard let internalValue = d.internal(value) else {
        throw .invalidArgument("trial: the value \(value.text) of parameter '\(name)' does not fit \(d.summary)")
      }
      self.params.append(Param(name: name, distribution: d, value: internalValue))
    }

    for (key, value) in try r.optionalObject("intermediate_values") ?? [] {
      // Only the canonical text of a step, so two keys never name one step.
      guard let step = Int64(key), String(step) == key else {
        throw .invalidArgument("trial: intermediate value step '\(key)' is not a decimal integer in the Int64 range")
      }
      guard let x = value.numberValue else {
        throw .invalidArgument("trial: the intermediate value at step \(step) must be a number, not \(value.typeName)")
      }
      intermediateValues[step] = x
    }
    userAttrs = try r.optionalObject("user_attrs") ?? []
    systemAttrs = try r.optionalObject("system_attrs") ?? []
    datetimeStart = try Self.time(r, "datetime_start")
    datetimeComplete = try Self.time(r, "datetime_complete")
  }

  private static func time(_ r: JSONObjectReader, _ key: String) throws(HoneError) -> Double? {
    guard let text = try r.optionalString(key) else { return nil }
    guard let t = WallClock.parseISO8601(text) else {
      throw .invalidArgument(
        "trial: '\(key)' is \(JSON.string(text).text), not an ISO 8601 time such as 2026-11-23T10:04:05.123456Z")
    }
    return t
  }
}
