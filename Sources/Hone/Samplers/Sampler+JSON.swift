/// A sampler from its JSON spec: `{"type": ..., "seed": ..., "options": {...}}`.
///
/// Absent options take the defaults of the samplers' initializers, read from a
/// sampler built with them, so that they are written once; `samplerSpec(_:seed:)`
/// writes them back. No spec (nil or null) is TPE with its defaults, Optuna's default sampler.
public func makeSampler(_ json: JSON?) throws(HoneError) -> any Sampler {
  guard let json, json != .null else { return TPESampler() }
  guard case .object(let members) = json else {
    throw .invalidArgument("sampler must be an object, not \(json.typeName)")
  }
  let r = JSONObjectReader(members, context: "sampler")
  try r.allowOnly(["type", "seed", "options"])
  let type = try r.string("type")
  let seed = try r.optionalSeed("seed")
  let options = JSONObjectReader(try r.optionalObject("options") ?? [], context: "\(type) sampler options")
  switch type {
  case "tpe":
    return try TPESampler.make(seed: seed, options: options)
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
    return QMCSampler(seed: seed, scramble: try options.optionalBool("scramble") ?? QMCSampler(seed: 0).scramble)
  case "gp":
    try options.allowOnly([
      "kernel", "acquisition", "beta", "n_startup_trials", "deterministic_objective", "n_candidates",
      "n_restarts", "lengthscale_prior",
    ])
    let d = try GPSampler(seed: 0)
    let priorName = try options.optionalString("lengthscale_prior") ?? d.lengthscalePrior.rawValue
    guard let lengthscalePrior = GPPrior.LengthscaleFamily(rawValue: priorName) else {
      throw .invalidArgument("gp sampler options: unknown lengthscale_prior '\(priorName)' (lognormal, optuna)")
    }
    let kernel: GPKernelShape
    switch try options.optionalString("kernel") ?? d.kernel.optionName {
    case "matern52": kernel = .matern52
    case "rbf": kernel = .rbf
    case let other: throw .invalidArgument("gp sampler options: unknown kernel '\(other)' (matern52, rbf)")
    }
    let acquisition: GPSampler.Acquisition
    let beta = try options.optionalNumber("beta")
    switch try options.optionalString("acquisition") ?? d.acquisition.optionName {
    case "logei": acquisition = .logEI
    case "logpi": acquisition = .logPI
    case "ucb": acquisition = .ucb(beta: beta ?? GPSampler.defaultUCBBeta)
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
      nStartupTrials: try count("n_startup_trials", d.nStartupTrials),
      deterministicObjective: try options.optionalBool("deterministic_objective") ?? d.deterministicObjective,
      nCandidates: try count("n_candidates", d.optimizer.rawSamples),
      nRestarts: try count("n_restarts", d.optimizer.starts),
      lengthscalePrior: lengthscalePrior)
  case "brute_force":
    return try BruteForceSampler(options: options, seed: seed)
  case "partial_fixed":
    return try PartialFixedSampler(options: options, seed: seed)
  case "cmaes": return try CmaEsSampler.make(options, seed: seed)
  case "nsgaii": return try NSGAIISampler.make(options, seed: seed)
  case "nsgaiii": return try NSGAIIISampler.make(options, seed: seed)
  default:
    throw .invalidArgument(
      "unknown sampler type '\(type)' (tpe, random, grid, qmc, gp, cmaes, nsgaii, nsgaiii, brute_force, partial_fixed)")
  }
}

/// The JSON spec of a sampler `makeSampler` builds, every option written out with
/// its defaults filled in; `seed` is the seed the spec gave (nil for none). Nil
/// for a sampler of another type.
public func samplerSpec(_ sampler: any Sampler, seed: UInt64?) -> JSON? {
  func spec(_ type: String, _ options: [(String, JSON)]) -> JSON {
    var members: [(String, JSON)] = [("type", .string(type)), ("seed", seed.map { .int($0) } ?? .null)]
    if !options.isEmpty { members.append(("options", .object(options))) }
    return .object(members)
  }
  switch sampler {
  case let s as TPESampler:
    return spec("tpe", s.optionsSpec)
  case is RandomSampler:
    return spec("random", [])
  case let s as GridSampler:
    return spec("grid", [("search_space", .object(Array(zip(s.names, s.values.map { JSON.array($0) }))))])
  case let s as QMCSampler:
    return spec("qmc", [("scramble", .bool(s.scramble)), ("qmc_type", .string("sobol"))])
  case let s as GPSampler:
    let beta: JSON
    if case .ucb(let b) = s.acquisition { beta = .number(b) } else { beta = .null }
    return spec(
      "gp",
      [
        ("kernel", .string(s.kernel.optionName)), ("acquisition", .string(s.acquisition.optionName)), ("beta", beta),
        ("n_startup_trials", .int(s.nStartupTrials)), ("deterministic_objective", .bool(s.deterministicObjective)),
        ("n_candidates", .int(s.optimizer.rawSamples)), ("n_restarts", .int(s.optimizer.starts)),
        ("lengthscale_prior", .string(s.lengthscalePrior.rawValue)),
      ])
  case let s as BruteForceSampler:
    return spec("brute_force", s.specOptions)
  case let s as PartialFixedSampler:
    return s.specOptions.map { spec("partial_fixed", $0) }
  case let s as CmaEsSampler: return spec("cmaes", s.specOptions)
  case let s as NSGAIISampler where s.selection == .crowding: return s.specOptions.map { spec("nsgaii", $0) }
  case let s as NSGAIIISampler: return s.specOptions.map { spec("nsgaiii", $0) }
  default:
    return nil
  }
}

extension GPKernelShape {
  /// The name of the kernel in the sampler's options.
  var optionName: String {
    switch self {
    case .matern52: return "matern52"
    case .rbf: return "rbf"
    }
  }
}

extension GPSampler.Acquisition {
  /// The name of the acquisition in the sampler's options.
  var optionName: String {
    switch self {
    case .logEI: return "logei"
    case .logPI: return "logpi"
    case .ucb: return "ucb"
    }
  }
}
