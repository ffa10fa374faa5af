/// Creating and loading a study from the JSON options every host passes.
///
/// Keys (all optional):
/// - `name`: a unique study name (default: generated).
/// - `direction`: `"minimize"` (default) or `"maximize"`; or `directions`: an array of them.
/// - `sampler`: `{"type": "random" | "grid" | "qmc" | "gp", "seed": 42, "options": {...}}`.
/// - `pruner`: `{"type": "median" | "percentile" | "successive_halving" | "hyperband" |
///   "threshold" | "patient" | "nop", "options": {...}}` (see `makePruner`); absent means nop.
/// - `storage`: a storage URL (see `StorageURL`): `null` or `"memory"`, `"memory://NAME"`, `"sqlite:///path.db"`.
/// - `search_space`: `{"x": {"type": "float", "low": 0, "high": 1}, ...}`: define-and-run,
///   where `ask` fixes every parameter at once.
/// - `load_if_exists`: load the study of that name if the storage has one.
/// - `heartbeat_interval`, `grace_period` (seconds), `failed_trial_retries`: see `HeartbeatPolicy`.
extension Study {
  /// Creates a study from an options document; unknown keys are errors that name the key.
  ///
  /// A `sampler` or `pruner` given here (a host's own, such as the C callbacks)
  /// takes the place of the options' key, which must then be absent.
  public convenience init(
    optionsJSON text: String, sampler: (any Sampler)? = nil, pruner: (any Pruner)? = nil
  ) throws(HoneError) {
    let r = try Study.optionsReader(text)
    try Study.refuseBoth(r, sampler: sampler, pruner: pruner)
    try r.allowOnly(Study.handleKeys.union(["name", "direction", "directions", "storage", "load_if_exists"]))
    let directions = try Study.parseDirections(r)
    let loadIfExists = try r.optionalBool("load_if_exists") ?? false
    let storage = try StorageURL(parsing: try Study.storageURL(r["storage"])).open()
    try self.init(
      name: try r.optionalString("name"),
      directions: directions,
      sampler: try Study.chosen(sampler, r),
      pruner: try Study.chosen(pruner, r),
      storage: storage,
      searchSpace: try Study.parseSearchSpace(r),
      loadIfExists: loadIfExists,
      heartbeatPolicy: try Study.parseHeartbeat(r))
  }

  /// Loads the study `name` from the storage at `storageURL`; `optionsJSON` (nil or
  /// empty for defaults) gives this handle's sampler, pruner, search space and heartbeats.
  ///
  /// - Throws: `.notFound` when the storage has no such study.
  public static func load(
    name: String, storageURL: String, optionsJSON: String?, sampler: (any Sampler)? = nil,
    pruner: (any Pruner)? = nil
  ) throws(HoneError) -> Study {
    let r = try optionsReader(optionsJSON ?? "")
    try refuseBoth(r, sampler: sampler, pruner: pruner)
    for key in ["name", "storage", "direction", "directions", "load_if_exists"] where r[key] != nil {
      throw .invalidArgument(
        "load options: '\(key)' is not an option of a loaded study: the name and storage are arguments, "
          + "and the directions are stored")
    }
    try r.allowOnly(handleKeys)
    // A load only reads: a SQLite file that is not there is not created.
    guard let storage = try StorageURL(parsing: storageURL).openExisting() else {
      throw .notFound("no study named '\(name)': there is no file at \(storageURL)")
    }
    return try load(
      name: name, storage: storage, sampler: try Study.chosen(sampler, r),
      pruner: try Study.chosen(pruner, r), searchSpace: try parseSearchSpace(r),
      heartbeatPolicy: try parseHeartbeat(r))
  }

  /// The host's sampler, else the options' one.
  private static func chosen(_ sampler: (any Sampler)?, _ r: JSONObjectReader) throws(HoneError) -> any Sampler {
    if let sampler { return sampler }
    return try makeSampler(r["sampler"])
  }

  /// The host's pruner, else the options' one.
  private static func chosen(_ pruner: (any Pruner)?, _ r: JSONObjectReader) throws(HoneError) -> any Pruner {
    if let pruner { return pruner }
    return try makePruner(r["pruner"])
  }

  /// Refuses an options' sampler or pruner next to one given as an object.
  private static func refuseBoth(
    _ r: JSONObjectReader, sampler: (any Sampler)?, pruner: (any Pruner)?
  ) throws(HoneError) {
    if sampler != nil, r["sampler"] != nil {
      throw .invalidArgument("study options: 'sampler' must be absent when a sampler is given by the host")
    }
    if pruner != nil, r["pruner"] != nil {
      throw .invalidArgument("study options: 'pruner' must be absent when a pruner is given by the host")
    }
  }

  /// The options that belong to a handle rather than to the stored study.
  private static let handleKeys: Set<String> = [
    "sampler", "pruner", "search_space", "heartbeat_interval", "grace_period", "failed_trial_retries",
  ]

  private static func optionsReader(_ text: String) throws(HoneError) -> JSONObjectReader {
    let json = try JSON.parseOptions(text) ?? .object([])
    guard case .object(let members) = json else {
      throw .invalidArgument("study options must be a JSON object, not \(json.typeName)")
    }
    return JSONObjectReader(members, context: "study options")
  }

  private static func parseDirections(_ r: JSONObjectReader) throws(HoneError) -> [StudyDirection] {
    let single = try r.optionalString("direction")
    guard let many = r["directions"], many != .null else {
      return [try StudyDirection(parsing: single ?? "minimize")]
    }
    guard single == nil else {
      throw .invalidArgument("study options: give 'direction' or 'directions', not both")
    }
    guard case .array(let items) = many, !items.isEmpty else {
      throw .invalidArgument("study options: 'directions' must be a non-empty array")
    }
    var out: [StudyDirection] = []
    for item in items {
      guard let s = item.stringValue else {
        throw .invalidArgument("study options: each direction must be a string")
      }
      out.append(try StudyDirection(parsing: s))
    }
    return out
  }

  private static func parseSearchSpace(_ r: JSONObjectReader) throws(HoneError) -> SearchSpace? {
    guard let space = try r.optionalObject("search_space") else { return nil }
    guard !space.isEmpty else { throw .invalidArgument("study options: 'search_space' must not be empty") }
    var s = SearchSpace()
    for (name, d) in space {
      guard !name.isEmpty else { throw .invalidArgument("search_space: a parameter name is empty") }
      s[name] = try Distribution(json: d, context: "search_space '\(name)'")
    }
    return s
  }

  private static func parseHeartbeat(_ r: JSONObjectReader) throws(HoneError) -> HeartbeatPolicy? {
    let grace = try r.optionalNumber("grace_period")
    let retries = try r.optionalInt64("failed_trial_retries")
    guard let interval = try r.optionalNumber("heartbeat_interval") else {
      if grace != nil || retries != nil {
        throw .invalidArgument(
          "study options: 'grace_period' and 'failed_trial_retries' need 'heartbeat_interval'")
      }
      return nil
    }
    var cap: Int?
    if let retries {
      guard let n = Int(exactly: retries), n >= 0 else {
        throw .invalidArgument("study options: 'failed_trial_retries' must be >= 0, got \(retries)")
      }
      cap = n
    }
    return try HeartbeatPolicy(interval: interval, gracePeriod: grace, failedTrialRetries: cap)
  }

  private static func storageURL(_ json: JSON?) throws(HoneError) -> String? {
    switch json {
    case nil, .null?: return nil
    case .string(let url)?: return url
    case let other?:
      throw .invalidArgument("study options: 'storage' must be a string or null, not \(other.typeName)")
    }
  }
}
