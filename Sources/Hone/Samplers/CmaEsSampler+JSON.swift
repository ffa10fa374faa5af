extension CmaEsSampler {
  /// The option keys of the `"cmaes"` sampler spec, Optuna's argument names.
  static let optionKeys: Set<String> = [
    "x0", "sigma0", "n_startup_trials", "independent_sampler", "warn_independent_sampling", "restart_strategy",
    "popsize", "inc_popsize", "consider_pruned_trials", "use_separable_cma", "with_margin", "lr_adapt",
    "source_trials",
  ]

  /// The sampler of a `"cmaes"` spec's options; absent options take the initializer's defaults.
  ///
  /// Every option of Optuna's `CmaEsSampler` is implemented; `restart_strategy` is
  /// `"ipop"`, `"bipop"` or null. `lr_adapt` with `use_separable_cma` or `with_margin`
  /// is an error, as in Optuna, and so are the `CmaEsSampler.init` rules of
  /// `with_margin` and `source_trials`. `source_trials` is an array of
  /// `{"params": {name: value}, "value": v, "state": "COMPLETE"}` (`CmaEsSampler.sourceTrials(_:)`).
  static func make(_ options: JSONObjectReader, seed: UInt64?) throws(HoneError) -> CmaEsSampler {
    try options.allowOnly(optionKeys)
    let context = "cmaes sampler options"
    let strategy = try options.optionalString("restart_strategy")
    var restartStrategy: RestartStrategy?
    if let strategy {
      guard let s = RestartStrategy(rawValue: strategy) else {
        throw .invalidArgument("\(context): unknown restart_strategy '\(strategy)' (ipop, bipop, or null)")
      }
      restartStrategy = s
    }
    let lrAdapt = try options.optionalBool("lr_adapt") ?? false
    let (separable, margin) = (try options.optionalBool("use_separable_cma"), try options.optionalBool("with_margin"))
    if lrAdapt, separable == true || margin == true {
      throw .invalidArgument("\(context): lr_adapt cannot be used with use_separable_cma or with_margin")
    }
    func count(_ key: String) throws(HoneError) -> Int? {
      guard let v = try options.optionalInt64(key) else { return nil }
      guard let n = Int(exactly: v), n >= -1 << 31, n <= 1 << 31 else {
        throw .invalidArgument("\(context): '\(key)' must be between -2^31 and 2^31, got \(v)")
      }
      return n
    }
    var independent: (any Sampler)?
    var independentSpec: JSON?
    if let spec = options["independent_sampler"], spec != .null {
      let inner = try makeSampler(spec)
      var innerSeed: UInt64?
      if case .object(let members) = spec {
        innerSeed = try JSONObjectReader(members, context: "independent_sampler").optionalSeed("seed")
      }
      independent = inner
      independentSpec = samplerSpec(inner, seed: innerSeed) ?? spec
    }
    let d = try CmaEsSampler(seed: 0)
    return try CmaEsSampler(
      seed: seed, x0: try options.optionalObject("x0"), sigma0: try options.optionalNumber("sigma0"),
      nStartupTrials: try count("n_startup_trials") ?? d.nStartupTrials,
      independentSampler: independent, independentSamplerSpec: independentSpec,
      warnIndependentSampling: try options.optionalBool("warn_independent_sampling") ?? d.warnIndependentSampling,
      restartStrategy: restartStrategy, popsize: try count("popsize"), incPopsize: try count("inc_popsize") ?? d.incPopsize,
      considerPrunedTrials: try options.optionalBool("consider_pruned_trials") ?? d.considerPrunedTrials,
      useSeparableCMA: separable ?? d.useSeparableCMA, lrAdapt: lrAdapt, withMargin: margin ?? d.withMargin,
      sourceTrials: try sourceTrials(options["source_trials"]))
  }

  /// The options of this sampler's spec, every one written out.
  var specOptions: [(String, JSON)] {
    [
      ("x0", x0.map { .object($0) } ?? .null), ("sigma0", sigma0.map { .number($0) } ?? .null),
      ("n_startup_trials", .int(nStartupTrials)), ("independent_sampler", independentSamplerSpec ?? .null),
      ("warn_independent_sampling", .bool(warnIndependentSampling)), ("restart_strategy", restartStrategy.map { .string($0.rawValue) } ?? .null),
      ("popsize", popsize.map { .int($0) } ?? .null), ("inc_popsize", .int(incPopsize)),
      ("consider_pruned_trials", .bool(considerPrunedTrials)), ("use_separable_cma", .bool(useSeparableCMA)),
      ("with_margin", .bool(withMargin)), ("lr_adapt", .bool(lrAdapt)), ("source_trials", sourceTrialsSpec),
    ]
  }
}
