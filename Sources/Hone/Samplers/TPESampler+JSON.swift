/// The TPE sampler's options in a sampler spec, with Optuna's names.
extension TPESampler {
  /// The option names `makeSampler` accepts for `"tpe"`.
  static let optionNames: Set<String> = [
    "n_startup_trials", "n_ei_candidates", "gamma", "weights", "consider_prior", "prior_weight",
    "consider_magic_clip", "consider_endpoints", "multivariate", "group", "constant_liar",
    "warn_independent_sampling",
  ]

  /// A sampler from the `"options"` of a `{"type": "tpe"}` spec; absent options take `Options`' defaults.
  ///
  /// `gamma` is null (Optuna's rule) or `{"fraction": 0.1, "power": 1, "max": 25}`,
  /// min(⌈fraction·n^power⌉, max); `weights` is null (Optuna's), `"optuna"` or
  /// `"uniform"`. `consider_prior` may only be true: Optuna 4.3 made the prior mandatory.
  static func make(seed: UInt64?, options r: JSONObjectReader) throws(HoneError) -> TPESampler {
    try r.allowOnly(optionNames)
    var o = Options()
    func count(_ key: String, _ fallback: Int) throws(HoneError) -> Int {
      guard let v = try r.optionalInt64(key) else { return fallback }
      guard let n = Int(exactly: v), n >= 0, n <= 1 << 20 else {
        throw .invalidArgument("tpe sampler options: '\(key)' must be between 0 and 2^20, got \(v)")
      }
      return n
    }
    o.nStartupTrials = try count("n_startup_trials", o.nStartupTrials)
    o.nEICandidates = try count("n_ei_candidates", o.nEICandidates)
    if let g = try r.optionalObject("gamma") {
      let gr = JSONObjectReader(g, context: "tpe sampler options: gamma")
      try gr.allowOnly(["fraction", "power", "max"])
      let d = Gamma.optuna
      let max = try gr.optionalInt64("max") ?? Int64(d.max)
      guard let m = Int(exactly: max), m >= 0, m <= 1 << 40 else {
        throw .invalidArgument("tpe sampler options: gamma 'max' must be between 0 and 2^40, got \(max)")
      }
      o.gamma = Gamma(
        fraction: try gr.optionalNumber("fraction") ?? d.fraction, power: try gr.optionalNumber("power") ?? d.power,
        max: m)
    }
    if let w = try r.optionalString("weights") {
      guard let weights = Weights(rawValue: w) else {
        throw .invalidArgument("tpe sampler options: unknown weights '\(w)' (optuna, uniform)")
      }
      o.weights = weights
    }
    if try r.optionalBool("consider_prior") == false {
      throw .invalidArgument(
        "tpe sampler options: consider_prior must be true (Optuna 4.3 made the prior mandatory; "
          + "prior_weight sets its weight)")
    }
    o.priorWeight = try r.optionalNumber("prior_weight") ?? o.priorWeight
    o.considerMagicClip = try r.optionalBool("consider_magic_clip") ?? o.considerMagicClip
    o.considerEndpoints = try r.optionalBool("consider_endpoints") ?? o.considerEndpoints
    o.multivariate = try r.optionalBool("multivariate") ?? o.multivariate
    o.group = try r.optionalBool("group") ?? o.group
    o.constantLiar = try r.optionalBool("constant_liar") ?? o.constantLiar
    o.warnIndependentSampling = try r.optionalBool("warn_independent_sampling") ?? o.warnIndependentSampling
    return try TPESampler(seed: seed, options: o)
  }

  /// The options as `make` reads them, every one written out (null where Optuna's automatic rule applies).
  var optionsSpec: [(String, JSON)] {
    let o = options
    let gamma: JSON =
      o.gamma.map {
        .object([("fraction", .number($0.fraction)), ("power", .number($0.power)), ("max", .int($0.max))])
      } ?? .null
    return [
      ("n_startup_trials", .int(o.nStartupTrials)), ("n_ei_candidates", .int(o.nEICandidates)),
      ("gamma", gamma), ("weights", o.weights.map { .string($0.rawValue) } ?? .null),
      ("consider_prior", .bool(true)), ("prior_weight", .number(o.priorWeight)),
      ("consider_magic_clip", .bool(o.considerMagicClip)), ("consider_endpoints", .bool(o.considerEndpoints)),
      ("multivariate", o.multivariate.map { .bool($0) } ?? .null), ("group", .bool(o.group)),
      ("constant_liar", .bool(o.constantLiar)), ("warn_independent_sampling", .bool(o.warnIndependentSampling)),
    ]
  }
}
