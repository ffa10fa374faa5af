/// The kinds of component spec that `OptionsKind.normalize(_:)` validates.
public enum OptionsKind: String, CaseIterable, Sendable {
  /// A parameter distribution, as in a study's `search_space`: `{"type": "float", "low": 0, "high": 1}`.
  case distribution
  /// A sampler spec, as a study's `sampler` option.
  case sampler
  /// A pruner spec, as a study's `pruner` option.
  case pruner
  /// An MLP training configuration.
  case mlp

  /// The kind named `name`.
  ///
  /// - Throws: `.invalidArgument` for an unknown name.
  public init(named name: String) throws(HoneError) {
    guard let kind = OptionsKind(rawValue: name) else {
      let names = OptionsKind.allCases.map(\.rawValue).joined(separator: ", ")
      throw .invalidArgument("unknown options kind '\(name)' (\(names))")
    }
    self = kind
  }

  /// Validates a spec of this kind as a study or a training would, and writes
  /// it back with every default filled in.
  ///
  /// The same rules and messages apply as where the spec is used, so a host can
  /// check a component when it is configured rather than when a study starts,
  /// and read the core's defaults. Nil means the defaults (for a distribution,
  /// an error: it has required keys). A distribution's `high` is lowered onto
  /// its step grid, as the study does.
  ///
  /// - Throws: `.invalidArgument` with the message the study or training would give.
  public func normalize(_ json: JSON?) throws(HoneError) -> JSON {
    switch self {
    case .distribution:
      return try Distribution(json: json ?? .null, context: "distribution").json
    case .sampler:
      let sampler = try makeSampler(json)
      // The seed was read and checked by makeSampler; it is written back as given.
      let seed = json?["seed"]?.integerValue.flatMap { UInt64(exactly: $0) }
      guard let spec = samplerSpec(sampler, seed: seed) else {
        throw .internal("sampler '\(sampler.name)' has no spec")
      }
      return spec
    case .pruner:
      let pruner = try makePruner(json)
      guard let spec = prunerSpec(pruner) else { throw .internal("pruner '\(pruner.name)' has no spec") }
      return spec
    case .mlp:
      return try (json.map { (j) throws(HoneError) in try MLPConfig(json: j) } ?? MLPConfig()).json
    }
  }
}
