/// The JSON export of trials, with Optuna's field names.
extension FrozenTrial {
  /// `{"number", "state", "values", "params", "distributions", "intermediate_values",
  /// "user_attrs", "system_attrs", "datetime_start", "datetime_complete"}`; times are
  /// ISO 8601 UTC. System attributes are the library's own, e.g. an enqueued trial's
  /// "fixed_params" and a grid trial's "grid_id", as Optuna records them.
  public var json: JSON {
    .object([
      ("number", .int(number)),
      ("state", .string(state.name)),
      ("values", values.map { .array($0.map(JSON.number)) } ?? .null),
      ("params", .object(params.map { ($0.name, $0.external) })),
      ("distributions", .object(params.map { ($0.name, $0.distribution.json) })),
      ("intermediate_values", .object(
        intermediateValues.sorted { $0.key < $1.key }.map { (String($0.key), .number($0.value)) })),
      ("user_attrs", .object(userAttrs)),
      ("system_attrs", .object(systemAttrs)),
      ("datetime_start", datetimeStart.map { .string(WallClock.iso8601($0)) } ?? .null),
      ("datetime_complete", datetimeComplete.map { .string(WallClock.iso8601($0)) } ?? .null),
    ])
  }

  /// The parameters as a JSON object of user-facing values.
  public var paramsJSON: JSON { .object(params.map { ($0.name, $0.external) }) }
}
