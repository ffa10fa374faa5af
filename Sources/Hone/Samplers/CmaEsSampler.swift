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
/// starts again from a uniform random mean (the warm start with `sourceTrials`) with
/// λ multiplied by `incPopsize`; `.bipop` interlaces those large-population runs with
/// small-population ones, as Optuna 3.x did; generations are numbered across
/// restarts. Optuna 5 ignores its deprecated `restart_strategy`; Hone does both.
/// Every run, restarts included, keeps the options below: sep-CMA, the margin and
/// learning-rate adaptation.
///
/// `useSeparableCMA` keeps C diagonal (sep-CMA-ES). `lrAdapt` adapts the learning
/// rates of the mean and covariance (LRA-CMA-ES); as in Optuna, it excludes
/// `useSeparableCMA` and `withMargin`.
///
/// `withMargin` is CMA-ES with margin (Optuna's `with_margin`, the `cmaes`
/// package's `CMAwM`) on the integer and stepped-float parameters: each one's
/// chance of changing value stays at least 1/(nλ). Log-scaled integers count as
/// continuous, as in Optuna, and a space with no discrete parameter is plain
/// CMA-ES. A trial is told at the unencoded draw its number seeds, which the
/// sampler draws again from the rebuilt state of its run instead of storing it;
/// a trial whose parameters are not that draw's encoding (an enqueued one, or one
/// sampled with another seed) is told at its parameters, as without margin. It
/// excludes `useSeparableCMA`, as in Optuna.
///
/// `sourceTrials` warm-starts the search (WS-CMA-ES, Optuna's `source_trials`):
/// the source trials whose parameters are exactly the joint space's, each within
/// its distribution, are mapped into the unit cube, and the best 10% of them
/// (at least one, so at least 10 trials) give the initial mean, σ and covariance
/// (`CMAEvolutionStrategy.warmStart`). They count when COMPLETE, or PRUNED with a
/// value under `considerPrunedTrials`, as in Optuna; fewer than 10 fitting ones
/// fail the ask, as Optuna raises. A restart starts from the warm start again,
/// with its own λ (and, in BIPOP's small regime, its smaller σ), as Optuna 3.x's
/// restarts did. It excludes `x0`, `sigma0` and `useSeparableCMA`, and combines
/// with `withMargin` and `lrAdapt`, as in Optuna.
public final class CmaEsSampler: Sampler, @unchecked Sendable {
  /// A restart strategy (Auger and Hansen, 2005).
  public enum RestartStrategy: String, Sendable {
    /// Once `CMAEvolutionStrategy.shouldStop` holds, start again from a uniform
    /// random mean with σ₀ (or from the warm start of `sourceTrials`) and λ
    /// multiplied by `incPopsize`.
    case ipop
    /// BIPOP (Hansen 2009): restart in whichever regime has used fewer evaluations,
    /// large (λ = λ₀·incPopsize^k for the k-th large run, σ₀) or small
    /// (λ = ⌊λ₀·(λ_large/λ₀)^(u²)⌋ below the last large λ, σ = σ₀·10^(−2u′)),
    /// from a uniform random mean (or the warm start, whose σ then stands for σ₀);
    /// `CmaEsSampler+History.swift` keeps the budgets.
    case bipop
  }

  /// A trial of another study that warm-starts CMA-ES, in external values.
  public struct SourceTrial: Sendable {
    /// Its parameters by name, as the user sees them.
    public var params: [(String, JSON)]
    /// Its objective value; nil for a trial that has none.
    public var value: Double?
    public var state: TrialState

    public init(params: [(String, JSON)], value: Double?, state: TrialState = .complete) {
      self.params = params
      self.value = value
      self.state = state
    }
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
  /// Whether the discrete parameters keep a margin (CMA-ES with margin).
  public let withMargin: Bool
  /// The trials of a similar study that warm-start generation 0 and every restart, or nil for none.
  public let sourceTrials: [SourceTrial]?
  public var name: String { "cmaes" }

  let lock = Lock()
  /// What the sampler has read of its study's trials, and the state it rebuilt.
  var memo = Memo(study: "", directions: [])

  /// Creates the sampler.
  ///
  /// - Throws: `.invalidArgument` for a negative `nStartupTrials`, a `sigma0` that is
  ///   not positive and finite, a `popsize` below 2 or an `incPopsize` below 1;
  ///   `lrAdapt` with `useSeparableCMA` or `withMargin`; `withMargin` with
  ///   `useSeparableCMA`; `sourceTrials` with `x0`, `sigma0` or `useSeparableCMA`
  ///   (Optuna's rules), or whose counting trials are fewer than 10, a source
  ///   parameter that is not a finite scalar, or a COMPLETE source trial without a
  ///   value or with a NaN one.
  public init(
    seed: UInt64? = nil, x0: [(String, JSON)]? = nil, sigma0: Double? = nil, nStartupTrials: Int = 1,
    independentSampler: (any Sampler)? = nil, independentSamplerSpec: JSON? = nil,
    warnIndependentSampling: Bool = true, restartStrategy: RestartStrategy? = nil, popsize: Int? = nil,
    incPopsize: Int = 2,
    considerPrunedTrials: Bool = false, useSeparableCMA: Bool = false, lrAdapt: Bool = false,
    withMargin: Bool = false, sourceTrials: [SourceTrial]? = nil
  ) throws(HoneError) {
    guard nStartupTrials >= 0 else { throw .invalidArgument("cmaes sampler: n_startup_trials must be >= 0") }
    if let sigma0, !(sigma0 > 0 && sigma0.isFinite) {
      throw .invalidArgument("cmaes sampler: sigma0 must be positive and finite, got \(sigma0)")
    }
    if let popsize, popsize < 2 || popsize > 1 << 20 {
      throw .invalidArgument("cmaes sampler: popsize must be between 2 and 2^20, got \(popsize)")
    }
    guard incPopsize >= 1 else { throw .invalidArgument("cmaes sampler: inc_popsize must be >= 1, got \(incPopsize)") }
    guard !(lrAdapt && (useSeparableCMA || withMargin)) else {
      throw .invalidArgument("cmaes sampler: lr_adapt cannot be used with use_separable_cma or with_margin")
    }
    if let x0 {
      for (name, value) in x0 where value.numberValue.map({ !$0.isFinite }) ?? true {
        throw .invalidArgument("cmaes sampler: x0 '\(name)' must be a finite number, not \(value.text)")
      }
    }
    if withMargin && useSeparableCMA {
      throw .invalidArgument("cmaes sampler: with_margin cannot be used with use_separable_cma")
    }
    if let sourceTrials {
      try Self.validate(sourceTrials, x0: x0, sigma0: sigma0, separable: useSeparableCMA, pruned: considerPrunedTrials)
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
    self.withMargin = withMargin
    self.sourceTrials = sourceTrials
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
    var rng = drawStream(trial.number)
    // With margin the discrete coordinates are encoded onto the grid; `encoded` leaves a plain state's point alone.
    let x = state.encoded(state.ask(using: &rng))
    var point: [String: ParamValue] = [:]
    point.reserveCapacity(numeric.count)
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
    let keep = { (d: Distribution) -> Bool in
      if case .categorical = d { return false }
      return !d.isSingle
    }
    // The joint space is numeric already at every ask: rebuilding it would hash every name again.
    if space.distributions.allSatisfy(keep) { return space }
    return SearchSpace(zip(space.names, space.distributions).filter { keep($0.1) })
  }

  /// The trial's point in the unit cube of `space`, or nil when it lacks a parameter or has it under another distribution.
  static func unitPoint(_ t: FrozenTrial, _ space: SearchSpace) -> [Double]? {
    var x: [Double] = []
    x.reserveCapacity(space.count)
    for (k, (name, d)) in zip(space.names, space.distributions).enumerated() {
      guard let p = t.params.named(name, near: k), p.distribution == d else { return nil }
      // An enqueued value off a log scale's domain has no point in the cube.
      let u = d.toUnit(p.value)
      guard u.isFinite else { return nil }
      x.append(u)
    }
    return x
  }

  /// The random stream of trial `number`'s draw: one per trial, so the same seed gives the same point whichever worker asks.
  func drawStream(_ number: Int) -> Xoshiro256 {
    Xoshiro256(seed: seed, stream: UInt64(truncatingIfNeeded: number), substream: Self.drawSubstream)
  }

  /// The substream of every trial's draw, hashed once rather than at every ask.
  static let drawSubstream = stableHash("cmaes")

  /// Generation 0: the warm start of `sourceTrials`, or the mean at `x0` (the centre
  /// where it names no value) with σ₀ and C = I.
  ///
  /// - Throws: `.invalidArgument` when fewer than 10 source trials fit `space`.
  func initialState(_ space: SearchSpace, populationSize: Int, sign: Double) throws(HoneError) -> CMAEvolutionStrategy {
    if sourceTrials != nil {
      let start = try warmStart(space, sign: sign)
      return try startRun(
        space, mean: start.mean, sigma: start.sigma, covariance: start.covariance, populationSize: populationSize)
    }
    let given = Dictionary(x0 ?? [], uniquingKeysWith: { _, last in last })
    let mean = zip(space.names, space.distributions).map { name, d -> Double in
      guard let v = given[name].flatMap(d.internal) else { return 0.5 }
      return min(max(d.toUnit(v), 0), 1)
    }
    return try startRun(space, mean: mean, sigma: max(sigma0 ?? 1.0 / 6, 1e-8), populationSize: populationSize)
  }

  /// A run's strategy on the unit box of `space`, with every option that shapes one:
  /// sep-CMA, the margin's grid and learning-rate adaptation. The initial state and
  /// every restart are built here, so no run loses an option.
  func startRun(
    _ space: SearchSpace, mean: [Double], sigma: Double, covariance: Matrix<Double>? = nil, populationSize: Int
  ) throws(HoneError) -> CMAEvolutionStrategy {
    try CMAEvolutionStrategy(
      mean: mean, sigma: sigma, bounds: Array(repeating: (0, 1), count: space.count), populationSize: populationSize,
      covariance: covariance, separable: useSeparableCMA && space.count > 1, steps: marginSteps(space),
      learningRateAdaptation: lrAdapt)
  }

  /// The cell width in the unit cube of each discrete parameter with margin, 0 for the others; nil without margin.
  ///
  /// `toUnit` gives each of a grid's K values a cell of width 1/K and maps it to
  /// the cell's centre, so the values are the centres of the cells of width 1/K
  /// that tile [0, 1], and the boundaries halfway between neighbours are k/K.
  /// Optuna's CMAwM instead maps the first and last value to 0 and 1, with steps of
  /// step/(high − low). The two cubes differ by an affine map per coordinate, and
  /// the margin is invariant under it: the probabilities of crossing a boundary
  /// are the same, and A, a boundary distance over σ√Cᵢᵢ, is unchanged when both
  /// scale alike. Hone keeps its own cube, that of plain CMA-ES, for the initial
  /// distribution too, which is therefore a little wider on a discrete coordinate
  /// than Optuna's: Optuna's σ₀ = 1/6 of its cube is (K − 1)/(6K) of Hone's.
  func marginSteps(_ space: SearchSpace) -> [Double]? {
    guard withMargin else { return nil }
    return space.distributions.map { d -> Double in
      switch d {
      case .int(_, _, _, log: false): return 1 / (Double(d.lastGridIndex) + 1)
      case .float(let low, let high, let step?, log: false): return 1 / (((high - low) / step).rounded() + 1)
      default: return 0
      }
    }
  }
}
