/// CMA-ES over the numeric parameters, as Optuna's `CmaEsSampler`.
///
/// The joint space is Optuna's: the parameters common to every COMPLETE trial
/// (or the study's search space in define-and-run), less categoricals and
/// single-valued distributions, which go to the independent sampler. CMA-ES
/// runs in the unit cube of that space (`Distribution.toUnit`: logs in log
/// space, integers and stepped floats on cells of equal width), starting at its
/// centre, or at `x0`, with σ₀ = 1/6, or `sigma0`, as Optuna 5 does.
///
/// The state lives in the study, not in the sampler: every trial sampled by
/// CMA-ES records its generation in the system attribute `cma:generation`, and
/// the state is rebuilt by replaying the generations that are complete. Before
/// generation g + 1 has a trial, g's population is its first λ finished trials
/// by number; the first trial of g + 1 then records that list in
/// `cma:population`, so a trial of g that finishes later cannot rewrite a told
/// generation. Trials of any worker, of any process, complete a generation, and
/// a restarted study continues where it stopped. The sampler reads each trial
/// once and advances the state it keeps, so an ask costs O(new trials), not a
/// replay (`CmaEsSampler+History.swift`).
///
/// Pruned trials count only with `considerPrunedTrials`, by their last
/// intermediate value (the value at the largest step), as in Optuna; without
/// it, or without any intermediate value, they are left out like failed trials,
/// and the generation waits for other trials to fill its population. Values are
/// ranked (NaN last), so infinite values are fine. Multi-objective studies are
/// not modeled: every parameter then goes to the independent sampler. Hone has
/// no logger, so `warnIndependentSampling` is recorded in the spec but prints nothing.
///
/// With `restartStrategy: .ipop` a stalled search (`CMAEvolutionStrategy.shouldStop`)
/// starts again from a uniform random mean with λ multiplied by `incPopsize`;
/// `.bipop` interlaces those large-population runs with small-population ones, as
/// Optuna 3.x did; generations are numbered across restarts. Optuna 5 ignores its
/// deprecated `restart_strategy`; Hone does both. `lrAdapt` adapts the learning
/// rates of the mean and covariance (LRA-CMA-ES). The spec refuses, by name, what
/// Hone does not implement yet: `with_margin` and `source_trials`.
/// `useSeparableCMA` keeps C diagonal (sep-CMA-ES).
public final class CmaEsSampler: Sampler, @unchecked Sendable {
  /// A restart strategy (Auger and Hansen, 2005).
  public enum RestartStrategy: String, Sendable {
    /// Once `CMAEvolutionStrategy.shouldStop` holds, start again from a uniform
    /// random mean with σ₀ and λ multiplied by `incPopsize`.
    case ipop
    /// BIPOP (Hansen 2009): restart in whichever regime has used fewer evaluations,
    /// large (λ = λ₀·incPopsize^k for the k-th large run, σ₀) or small
    /// (λ = ⌊λ₀·(λ_large/λ₀)^(u²)⌋ below the last large λ, σ = σ₀·10^(−2u′)),
    /// from a uniform random mean; `CmaEsSampler+History.swift` keeps the budgets.
    case bipop
  }

  /// The system attribute that holds a trial's generation.
  public static let generationKey = "cma:generation"
  /// The system attribute, on the first trial of generation g + 1, that lists the trials told as generation g.
  public static let populationKey = "cma:population"

  public let seed: UInt64
  /// The initial mean by parameter name, in external values; the centre of the space where absent.
  public let x0: [(String, JSON)]?
  /// The initial step size in the unit cube; 1/6 when nil.
  public let sigma0: Double?
  /// Finished trials (COMPLETE, and PRUNED with `considerPrunedTrials`) sampled independently before CMA-ES starts.
  public let nStartupTrials: Int
  /// The sampler of parameters outside the joint space, and of the start-up trials.
  public let independentSampler: any Sampler
  /// The spec `independentSampler` was built from, or nil for the default random sampler with this seed.
  public let independentSamplerSpec: JSON?
  public let warnIndependentSampling: Bool
  /// λ; 4 + ⌊3 ln n⌋ when nil.
  public let popsize: Int?
  /// The factor of λ between restarts.
  public let incPopsize: Int
  /// How the search restarts once it stalls; nil for never.
  public let restartStrategy: RestartStrategy?
  public let considerPrunedTrials: Bool
  /// Whether C is kept diagonal (sep-CMA-ES); ignored in one dimension, as Optuna does.
  public let useSeparableCMA: Bool
  /// Whether the learning rates of the mean and of the covariance adapt to their signal-to-noise ratio (LRA-CMA-ES).
  public let lrAdapt: Bool
  public var name: String { "cmaes" }

  let lock = Lock()
  /// What the sampler has read of its study's trials, and the state it rebuilt.
  var memo = Memo(study: "", directions: [])

  /// Creates the sampler.
  ///
  /// - Throws: `.invalidArgument` for a negative `nStartupTrials`, a `sigma0` that is
  ///   not positive and finite, a `popsize` below 2, an `incPopsize` below 1, or
  ///   `lrAdapt` with `useSeparableCMA` (which Optuna prohibits).
  public init(
    seed: UInt64? = nil, x0: [(String, JSON)]? = nil, sigma0: Double? = nil, nStartupTrials: Int = 1,
    independentSampler: (any Sampler)? = nil, independentSamplerSpec: JSON? = nil,
    warnIndependentSampling: Bool = true, restartStrategy: RestartStrategy? = nil, popsize: Int? = nil,
    incPopsize: Int = 2,
    considerPrunedTrials: Bool = false, useSeparableCMA: Bool = false, lrAdapt: Bool = false
  ) throws(HoneError) {
    guard nStartupTrials >= 0 else { throw .invalidArgument("cmaes sampler: n_startup_trials must be >= 0") }
    if let sigma0, !(sigma0 > 0 && sigma0.isFinite) {
      throw .invalidArgument("cmaes sampler: sigma0 must be positive and finite, got \(sigma0)")
    }
    if let popsize, popsize < 2 || popsize > 1 << 20 {
      throw .invalidArgument("cmaes sampler: popsize must be between 2 and 2^20, got \(popsize)")
    }
    guard incPopsize >= 1 else { throw .invalidArgument("cmaes sampler: inc_popsize must be >= 1, got \(incPopsize)") }
    guard !(lrAdapt && useSeparableCMA) else {
      throw .invalidArgument("cmaes sampler: lr_adapt cannot be used with use_separable_cma or with_margin")
    }
    if let x0 {
      for (name, value) in x0 where value.numberValue.map({ !$0.isFinite }) ?? true {
        throw .invalidArgument("cmaes sampler: x0 '\(name)' must be a finite number, not \(value.text)")
      }
    }
    let seed = seed ?? entropySeed()
    self.seed = seed
    self.x0 = x0
    self.sigma0 = sigma0
    self.nStartupTrials = nStartupTrials
    self.independentSampler = independentSampler ?? RandomSampler(seed: seed)
    self.independentSamplerSpec = independentSampler == nil ? nil : independentSamplerSpec
    self.warnIndependentSampling = warnIndependentSampling
    self.popsize = popsize
    self.restartStrategy = restartStrategy
    self.incPopsize = incPopsize
    self.considerPrunedTrials = considerPrunedTrials
    self.useSeparableCMA = useSeparableCMA
    self.lrAdapt = lrAdapt
  }

  /// Records the generation CMA-ES will sample the trial from, when it will.
  public func beforeTrial(
    _ history: StudyHistory, fixedParams: [(String, JSON)]?
  ) throws(HoneError) -> [(String, JSON)] {
    var attrs = try independentSampler.beforeTrial(history, fixedParams: fixedParams)
    let space = try jointSpace(history)
    guard try state(history, space: space) != nil else { return attrs }
    attrs.removeAll { $0.0 == Self.generationKey || $0.0 == Self.populationKey }
    // Generations are numbered across restarts, so each tag names one population.
    let (generation, told) = lock.withLock { (memo.run.used.count, memo.run.firstOfGeneration(memo.run.used.count)) }
    attrs.append((Self.generationKey, .int(generation)))
    // The first trial of a generation pins the population its predecessor was told,
    // so a trial of that generation finishing late cannot change the history.
    if let told {
      attrs.append((Self.populationKey, .array(told.map { .int($0) })))
    }
    return attrs
  }

  public func inferRelativeSearchSpace(
    _ history: StudyHistory, _ trial: FrozenTrial
  ) throws(HoneError) -> SearchSpace {
    try jointSpace(history)
  }

  public func sampleRelative(
    _ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace
  ) throws(HoneError) -> [String: ParamValue] {
    let numeric = Self.numeric(space)
    guard !history.isMultiObjective, let state = try state(history, space: numeric) else { return [:] }
    // One stream per trial: the same seed gives the same point whichever worker asks.
    var rng = Xoshiro256(seed: seed, stream: UInt64(truncatingIfNeeded: trial.number), substream: stableHash("cmaes"))
    let x = state.ask(using: &rng)
    var point: [String: ParamValue] = [:]
    for (k, (name, d)) in zip(numeric.names, numeric.distributions).enumerated() { point[name] = d.fromUnit(x[k]) }
    return point
  }

  public func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    try independentSampler.sampleIndependent(history, trial, name: name, distribution: distribution)
  }

  public func afterTrial(_ history: StudyHistory, _ trial: FrozenTrial, state: TrialState, values: [Double]?) {
    independentSampler.afterTrial(history, trial, state: state, values: values)
  }

  static func numeric(_ space: SearchSpace) -> SearchSpace {
    SearchSpace(
      zip(space.names, space.distributions).filter { _, d in
        if case .categorical = d { return false }
        return !d.isSingle
      })
  }

  /// The trial's point in the unit cube of `space`, or nil when it lacks a parameter or has it under another distribution.
  static func unitPoint(_ t: FrozenTrial, _ space: SearchSpace) -> [Double]? {
    var x: [Double] = []
    x.reserveCapacity(space.count)
    for (name, d) in zip(space.names, space.distributions) {
      guard let p = t.param(name), p.distribution == d else { return nil }
      // An enqueued value off a log scale's domain has no point in the cube.
      let u = d.toUnit(p.value)
      guard u.isFinite else { return nil }
      x.append(u)
    }
    return x
  }

  /// Generation 0: the mean at `x0` (the centre where it names no value), σ₀, the unit box.
  func initialState(_ space: SearchSpace, populationSize: Int) throws(HoneError) -> CMAEvolutionStrategy {
    let given = Dictionary(x0 ?? [], uniquingKeysWith: { _, last in last })
    let mean = zip(space.names, space.distributions).map { name, d -> Double in
      guard let v = given[name].flatMap(d.internal) else { return 0.5 }
      return min(max(d.toUnit(v), 0), 1)
    }
    return try CMAEvolutionStrategy(
      mean: mean, sigma: max(sigma0 ?? 1.0 / 6, 1e-8),
      bounds: Array(repeating: (0, 1), count: space.count), populationSize: populationSize,
      separable: useSeparableCMA && space.count > 1, learningRateAdaptation: lrAdapt)
  }
}
