/// A description of a study for hosts.
extension Study {
  /// `{"name", "directions", "sampler", "pruner", "n_trials", "search_space",
  /// "user_attrs", "system_attrs", "metric_names"}`; metric names are null when unset.
  public var infoJSON: JSON {
    get throws(HoneError) {
      let systemAttrs = try self.systemAttrs()
      let metricNames = systemAttrs.first { $0.0 == Self.metricNamesKey }.flatMap { Self.metricNames($0.1) }
      return .object([
        ("name", .string(name)),
        ("directions", .array(directions.map { .string($0.rawValue) })),
        ("sampler", .string(sampler.name)),
        ("pruner", .string(pruner.name)),
        ("n_trials", .int(try trialCount())),
        ("search_space", searchSpace.map { s in
          .object(zip(s.names, s.distributions).map { ($0, $1.json) })
        } ?? .null),
        ("user_attrs", .object(try userAttrs())),
        ("system_attrs", .object(systemAttrs)),
        ("metric_names", metricNames.map { .array($0.map(JSON.string)) } ?? .null),
      ])
    }
  }
}
