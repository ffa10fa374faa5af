/// NSGA-II (Deb et al. 2002), as Optuna's `NSGAIISampler`: a genetic algorithm
/// whose survivors are chosen by fast non-dominated sorting and crowding distance.
///
/// It works with any number of objectives; with one, non-dominated sorting ranks by
/// value and it is a plain elitist genetic algorithm. The joint space is Optuna's
/// intersection search space (the parameters of every COMPLETE trial, or the study's
/// search space in define-and-run) less single-valued distributions. A child takes
/// its parents by binary tournament on (constrained) domination; with probability
/// `crossoverProb` it is their crossover (`Crossover`: categorical parameters always
/// by uniform crossover with `swappingProb`, numeric ones by the chosen operator in
/// Optuna's transformed space), else a copy of one parent. Each parameter is then
/// mutated with probability `mutationProb` (1/n for n parameters when nil): resampled
/// uniformly at random without a `mutation`, or, with one, moved by it (categorical
/// parameters are still resampled). A child that falls outside the space is drawn
/// again, parents included, as Optuna draws it; after 100 draws the last one is
/// clipped into the bounds, where Optuna would loop for ever.
///
/// Generations live in the study, as Optuna keeps them, so that they survive restarts
/// and storage and every worker's trials complete them. Each trial records its
/// generation in the system attribute `NSGAIISampler:generation` when it is created:
/// the largest generation among the COMPLETE trials, or the next one once that
/// generation has `populationSize` COMPLETE trials. Generation g's parents are the
/// survivors of generation g − 1's COMPLETE trials together with g − 1's parents; the
/// first trial of g lists them (by trial number) in `NSGAIISampler:parents`, where
/// Optuna caches them in a study attribute, and the lowest-numbered trial of g with
/// such a list decides them for good. Generation 0 is sampled at random. Pruned and
/// failed trials never count. The sampler reads each trial once and keeps what it
/// read, so an ask costs O(new trials).
///
/// Whenever some trial of a population carries constraint values (`FrozenTrial.constraints`, which Optuna 5's
/// `set_constraint` also feeds), domination is constrained: a feasible trial dominates
/// an infeasible one, and the smaller total violation dominates among infeasible ones.
/// A trial without constraint values counts as feasible, as in Optuna 5; one with a
/// NaN among them is dominated by every trial with numbers, and ranked among its like
/// by its objectives (Optuna 5 raises there, which would stop every worker's asks).
///
/// `elitePopulationSelection` and `childGeneration` replace the built-in strategies,
/// as Optuna's `elite_population_selection_strategy` and `child_generation_strategy`
/// do; they exist in Swift only (a JSON spec cannot carry code), and a sampler with
/// them has no spec.
public final class NSGAIISampler: Sampler, @unchecked Sendable {
  /// Chooses the survivors of a generation: the study, and the COMPLETE trials of the
  /// previous generation together with its parents; returns the next parents.
  public typealias ElitePopulationSelection =
    @Sendable (_ history: StudyHistory, _ population: [FrozenTrial]) throws(HoneError) -> [FrozenTrial]
  /// Proposes a child: the study, the trial being sampled (whose number can seed a
  /// generator), the joint space and the parents; returns internal values by name,
  /// and any parameter left out is sampled at random.
  public typealias ChildGeneration =
    @Sendable (_ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace, _ parents: [FrozenTrial])
      throws(HoneError) -> [String: ParamValue]

  /// The system attribute that holds a trial's generation, Optuna's key.
  public static let generationKey = "NSGAIISampler:generation"
  /// The system attribute, on the first trial of a generation, that lists the generation's parents.
  public static let parentsKey = "NSGAIISampler:parents"
  /// The most draws of a child before the last is clipped into the bounds.
  static let maxDraws = 100

  /// The survivors kept per generation, and the COMPLETE trials that end one.
  public let populationSize: Int
  /// How a numeric parameter chosen for mutation moves; nil resamples it at random.
  public let mutation: Mutation?
  /// The probability of mutating each parameter; nil is 1/n for n parameters.
  public let mutationProb: Double?
  public let crossover: Crossover
  /// The probability that a child is a crossover rather than a copy of one parent.
  public let crossoverProb: Double
  /// The probability that uniform crossover takes a categorical parameter from the first parent.
  public let swappingProb: Double
  public let seed: UInt64
  public let elitePopulationSelection: ElitePopulationSelection?
  public let childGeneration: ChildGeneration?
  public var name: String { selection.name }

  /// The built-in survivor selection: NSGA-II's crowding, or NSGA-III's reference points.
  let selection: Selection
  /// The generation and parents keys: `NSGAIISampler:` or `NSGAIIISampler:`.
  let generationKey: String
  let parentsKey: String
  let lock = Lock()
  var memo = Memo()

  /// Creates the sampler with Optuna's defaults.
  ///
  /// - Throws: `.invalidArgument` for a `populationSize` below 2, below the crossover's
  ///   parent count or above 2^20, a probability outside [0, 1], or a crossover or
  ///   mutation parameter out of its range.
  public convenience init(
    populationSize: Int = 50, mutation: Mutation? = nil, mutationProb: Double? = nil, crossover: Crossover? = nil,
    crossoverProb: Double = 0.9, swappingProb: Double = 0.5, seed: UInt64? = nil,
    elitePopulationSelection: ElitePopulationSelection? = nil, childGeneration: ChildGeneration? = nil
  ) throws(HoneError) {
    try self.init(
      selection: .crowding, populationSize: populationSize, mutation: mutation, mutationProb: mutationProb,
      crossover: crossover, crossoverProb: crossoverProb, swappingProb: swappingProb, seed: seed,
      elitePopulationSelection: elitePopulationSelection, childGeneration: childGeneration)
  }

  init(
    selection: Selection, populationSize: Int, mutation: Mutation?, mutationProb: Double?, crossover: Crossover?,
    crossoverProb: Double, swappingProb: Double, seed: UInt64?,
    elitePopulationSelection: ElitePopulationSelection?, childGeneration: ChildGeneration?
  ) throws(HoneError) {
    let context = "\(selection.name) sampler"
    let crossover = crossover ?? .uniform(swappingProb: swappingProb)
    try crossover.validate(context)
    guard populationSize >= 2, populationSize <= 1 << 20 else {
      throw .invalidArgument("\(context): population_size must be between 2 and 2^20, got \(populationSize)")
    }
    guard populationSize >= crossover.parentCount else {
      throw .invalidArgument(
        "\(context): population_size must be at least \(crossover.parentCount) with the \(crossover.optionName) crossover, got \(populationSize)"
      )
    }
    for (key, p) in [("mutation_prob", mutationProb), ("crossover_prob", crossoverProb), ("swapping_prob", swappingProb)] {
      if let p, !(p >= 0 && p <= 1) { throw .invalidArgument("\(context): \(key) must be in [0, 1], got \(p)") }
    }
    if case .polynomial(let eta)? = mutation, !(eta >= 0 && eta.isFinite) {
      throw .invalidArgument("\(context): the polynomial mutation's eta must be finite and >= 0, got \(eta)")
    }
    self.selection = selection
    self.generationKey = "\(selection.keyPrefix):generation"
    self.parentsKey = "\(selection.keyPrefix):parents"
    self.populationSize = populationSize
    self.mutation = mutation
    self.mutationProb = mutationProb
    self.crossover = crossover
    self.crossoverProb = crossoverProb
    self.swappingProb = swappingProb
    self.seed = seed ?? entropySeed()
    self.elitePopulationSelection = elitePopulationSelection
    self.childGeneration = childGeneration
  }

  /// Records the trial's generation, and on the first trial of a generation its parents.
  public func beforeTrial(
    _ history: StudyHistory, fixedParams: [(String, JSON)]?
  ) throws(HoneError) -> [(String, JSON)] {
    let plan = try generation(history)
    var attrs: [(String, JSON)] = [(generationKey, .int(plan.generation))]
    if let record = plan.record { attrs.append((parentsKey, .array(record.map { .int($0) }))) }
    return attrs
  }

  public func inferRelativeSearchSpace(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> SearchSpace {
    try jointSpace(history)
  }

  public func sampleRelative(
    _ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace
  ) throws(HoneError) -> [String: ParamValue] {
    let parents = try parents(history, of: trial)
    guard !parents.trials.isEmpty, !space.isEmpty else { return [:] }
    if let childGeneration { return try childGeneration(history, trial, space, parents.trials) }
    var rng = Xoshiro256(seed: seed, stream: UInt64(truncatingIfNeeded: trial.number), substream: Self.childSubstream)
    return child(of: parents, in: space, multiObjective: history.isMultiObjective, using: &rng)
  }

  public func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    RandomSampler.draw(distribution, seed: seed, trial: trial.number, name: name)
  }

  /// The substream of every child's draws, hashed once.
  static let childSubstream = stableHash("nsga-child")

  /// Optuna's child generation: a tournament for each parent, crossover or a copy, then mutation.
  func child<R: GeneticDraws & RandomNumberGenerator>(
    of ranked: Ranked, in space: SearchSpace, multiObjective: Bool, using rng: inout R
  ) -> [String: ParamValue] {
    guard !ranked.trials.isEmpty else { return [:] }
    let table = lock.withLock { ranked.table(for: space) }
    var child: [ParamValue?]
    if rng.unit() < crossoverProb, let crossed = crossed(ranked, table, multiObjective: multiObjective, using: &rng) {
      child = crossed
    } else {
      child = table.rows[Int.random(in: 0..<table.rows.count, using: &rng)]
    }
    let rate = mutationProb ?? 1 / Double(Swift.max(1, child.count { $0 != nil }))
    for (k, d) in space.distributions.enumerated() {
      guard let value = child[k], rng.unit() < rate else { continue }
      // Without a mutation, or for a categorical parameter, the value is left to the random sampler.
      child[k] = nil
      if let mutation, d.isNumeric {
        child[k] = d.fromGenetic(mutation.mutated(d.geneticValue(value), bounds: d.geneticBounds, using: &rng), clip: true)
      }
    }
    var point: [String: ParamValue] = [:]
    point.reserveCapacity(space.count)
    for (k, name) in space.names.enumerated() { if let v = child[k] { point[name] = v } }
    return point
  }

  /// A crossover of parents chosen by tournament, drawn again (parents too) while it leaves
  /// the space; by position in the space. Nil when a chosen parent lacks a parameter of the
  /// space, or the parents are too few.
  func crossed<R: GeneticDraws & RandomNumberGenerator>(
    _ ranked: Ranked, _ table: Ranked.Table, multiObjective: Bool, using rng: inout R
  ) -> [ParamValue?]? {
    guard ranked.trials.count >= crossover.parentCount else { return nil }
    let distributions = table.space.distributions
    var child = Array(repeating: ParamValue?.none, count: distributions.count)
    var points: [[Double]] = []
    points.reserveCapacity(crossover.parentCount)
    for draw in 1...Self.maxDraws {
      let chosen = ranked.tournament(crossover.parentCount, using: &rng)
      guard let first = chosen.first, let last = chosen.last else { return nil }
      for k in table.categorical {
        let from = rng.unit() >= swappingProb ? last : first
        guard let v = table.rows[from][k] else { return nil }
        child[k] = v
      }
      guard !table.numeric.isEmpty else { return child }
      points.removeAll(keepingCapacity: true)
      for i in chosen {
        guard let genes = table.genes[i] else { return nil }
        points.append(genes)
      }
      let x = crossover.child(points, bounds: table.bounds, multiObjective: multiObjective, using: &rng)
      var inside = true
      for (j, k) in table.numeric.enumerated() {
        let xj = j < x.count ? x[j] : .nan
        if let v = distributions[k].fromGenetic(xj, clip: draw == Self.maxDraws) {
          child[k] = v
        } else {
          inside = false
        }
      }
      if inside { break }
    }
    return child
  }
}
