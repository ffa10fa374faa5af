/// Creating a study from the JSON options every host passes.
///
/// Keys (all optional):
/// - `name`: a unique study name (default: generated).
/// - `direction`: `"minimize"` (default) or `"maximize"`; or `directions`: an array of them.
/// - `sampler`: `{"type": "random" | "grid" | "qmc" | "gp", "seed": 42, "options": {...}}`.
/// - `pruner`: `{"type": "median" | "percentile" | "successive_halving" | "hyperband" |
///   "threshold" | "patient" | "nop", "options": {...}}` (see `makePruner`); absent means nop.
/// - `storage`: `null` or `"memory"` (persistent storages come with their own issue).
/// - `search_space`: `{"x": {"type": "float", "low": 0, "high": 1}, ...}`: define-and-run,
///   where `ask` fixes every parameter at once.
/// - `load_if_exists`: accepted for persistent storages; an in-memory study is always new.
extension Study {
  /// Creates a study from an options document; unknown keys are errors that name the key.
  public convenience init(optionsJSON text: String) throws(HoneError) {
    let json = text.allSatisfy(\.isWhitespace) ? JSON.object([]) : try JSON.parse(text)
    guard case .object(let members) = json else {
      throw .invalidArgument("study options must be a JSON object, not \(json.typeName)")
    }
    let r = JSONObjectReader(members, context: "study options")
    try r.allowOnly([
      "name", "direction", "directions", "sampler", "pruner", "storage", "search_space", "load_if_exists",
    ])
    let directions = try Study.parseDirections(r)
    var searchSpace: SearchSpace?
    if let space = try r.optionalObject("search_space") {
      guard !space.isEmpty else { throw .invalidArgument("study options: 'search_space' must not be empty") }
      var s = SearchSpace()
      for (name, d) in space {
        guard !name.isEmpty else { throw .invalidArgument("search_space: a parameter name is empty") }
        s[name] = try Distribution(json: d, context: "search_space '\(name)'")
      }
      searchSpace = s
    }
    _ = try r.optionalBool("load_if_exists")
    let storage = try Study.makeStorage(r["storage"])
    try self.init(
      name: try r.optionalString("name"),
      directions: directions,
      sampler: try makeSampler(r["sampler"]),
      pruner: try makePruner(r["pruner"]),
      storage: storage,
      searchSpace: searchSpace)
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

  private static func makeStorage(_ json: JSON?) throws(HoneError) -> any Storage {
    switch json {
    case nil, .null?, .string("memory")?:
      return InMemoryStorage()
    case .string(let url)?:
      let scheme = url.split(separator: ":", maxSplits: 1).first.map(String.init) ?? url
      throw .invalidArgument("storage '\(scheme):…' is not supported in this build; use null or \"memory\"")
    case let other?:
      throw .invalidArgument("study options: 'storage' must be a string or null, not \(other.typeName)")
    }
  }
}

/// A sampler from its JSON spec: `{"type": ..., "seed": ..., "options": {...}}`.
public func makeSampler(_ json: JSON?) throws(HoneError) -> any Sampler {
  guard let json, json != .null else { return RandomSampler() }
  guard case .object(let members) = json else {
    throw .invalidArgument("sampler must be an object, not \(json.typeName)")
  }
  let r = JSONObjectReader(members, context: "sampler")
  try r.allowOnly(["type", "seed", "options"])
  let type = try r.string("type")
  let seed = try r.optionalSeed("seed")
  let options = JSONObjectReader(try r.optionalObject("options") ?? [], context: "\(type) sampler options")
  switch type {
  case "random":
    try options.allowOnly([])
    return RandomSampler(seed: seed)
  case "grid":
    try options.allowOnly(["search_space"])
    guard let space = try options.optionalObject("search_space") else {
      throw .invalidArgument("grid sampler options: 'search_space' is required")
    }
    return try GridSampler(searchSpace: space, seed: seed)
  case "qmc":
    try options.allowOnly(["scramble", "qmc_type"])
    let kind = try options.optionalString("qmc_type") ?? "sobol"
    guard kind == "sobol" else {
      throw .invalidArgument("qmc sampler options: qmc_type '\(kind)' is not supported (sobol)")
    }
    return QMCSampler(seed: seed, scramble: try options.optionalBool("scramble") ?? true)
  case "gp":
    try options.allowOnly([
      "kernel", "acquisition", "beta", "n_startup_trials", "deterministic_objective", "n_candidates",
      "n_restarts",
    ])
    let kernel: GPKernelShape
    switch try options.optionalString("kernel") ?? "matern52" {
    case "matern52": kernel = .matern52
    case "rbf": kernel = .rbf
    case let other: throw .invalidArgument("gp sampler options: unknown kernel '\(other)' (matern52, rbf)")
    }
    let acquisition: GPSampler.Acquisition
    let beta = try options.optionalNumber("beta")
    switch try options.optionalString("acquisition") ?? "logei" {
    case "logei": acquisition = .logEI
    case "logpi": acquisition = .logPI
    case "ucb": acquisition = .ucb(beta: beta ?? 2)
    case let other:
      throw .invalidArgument("gp sampler options: unknown acquisition '\(other)' (logei, logpi, ucb)")
    }
    if let beta, acquisition != .ucb(beta: beta) {
      throw .invalidArgument("gp sampler options: 'beta' applies to the ucb acquisition only")
    }
    func count(_ key: String, _ fallback: Int) throws(HoneError) -> Int {
      guard let v = try options.optionalInt64(key) else { return fallback }
      guard let n = Int(exactly: v), n >= 0, n <= 1 << 20 else {
        throw .invalidArgument("gp sampler options: '\(key)' must be between 0 and 2^20, got \(v)")
      }
      return n
    }
    return try GPSampler(
      seed: seed, kernel: kernel, acquisition: acquisition,
      nStartupTrials: try count("n_startup_trials", 10),
      deterministicObjective: try options.optionalBool("deterministic_objective") ?? false,
      nCandidates: try count("n_candidates", 1024), nRestarts: try count("n_restarts", 10))
  default:
    throw .invalidArgument("unknown sampler type '\(type)' (random, grid, qmc, gp)")
  }
}
