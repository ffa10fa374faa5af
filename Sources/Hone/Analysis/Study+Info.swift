/// A description of a study for hosts.
extension Study {
  /// `{"name", "directions", "sampler", "pruner", "n_trials", "search_space"}`.
  public var infoJSON: JSON {
    get throws(HoneError) {
      .object([
        ("name", .string(name)),
        ("directions", .array(directions.map { .string($0.rawValue) })),
        ("sampler", .string(sampler.name)),
        ("pruner", .string(pruner.name)),
        ("n_trials", .int(try trialCount())),
        ("search_space", searchSpace.map { s in
          .object(zip(s.names, s.distributions).map { ($0, $1.json) })
        } ?? .null),
      ])
    }
  }
}
