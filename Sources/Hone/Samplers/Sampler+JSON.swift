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
      "n_restarts", "lengthscale_prior",
    ])
    let priorName = try options.optionalString("lengthscale_prior") ?? "lognormal"
    guard let lengthscalePrior = GPPrior.LengthscaleFamily(rawValue: priorName) else {
      throw .invalidArgument("gp sampler options: unknown lengthscale_prior '\(priorName)' (lognormal, optuna)")
    }
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
      nCandidates: try count("n_candidates", 1024), nRestarts: try count("n_restarts", 10),
      lengthscalePrior: lengthscalePrior)
  default:
    throw .invalidArgument("unknown sampler type '\(type)' (random, grid, qmc, gp)")
  }
}
