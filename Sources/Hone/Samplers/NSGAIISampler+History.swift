extension NSGAIISampler {
  /// What the sampler has read of one study's trials, kept between asks.
  ///
  /// Finished trials never change and trials are read in order of number, so each
  /// ask reads only the trials past `settled`, the first index below which all
  /// trials are finished.
  struct Memo {
    var study = ""
    var directions: [StudyDirection] = []
    var settled = 0
    /// Trials whose generation tag (and parents list) was read.
    var tagged: Set<Int> = []
    /// Finished trials whose outcome was read.
    var finished: Set<Int> = []
    /// The COMPLETE trials with a generation and one value per objective, by number.
    var complete: [Int: FrozenTrial] = [:]
    /// The COMPLETE trials of each generation, by ascending number.
    var members: [Int: [Int]] = [:]
    /// The largest generation with a COMPLETE trial.
    var maxGeneration = 0
    /// Each generation's parents list, from its lowest-numbered trial that records one.
    var records: [Int: (trial: Int, parents: [Int])] = [:]
    /// The intersection search space of the COMPLETE trials.
    var intersection = RunningIntersection()
    var space = SearchSpace()
    /// The parents last ranked: their generation, their list, and the ranking.
    var prepared: (generation: Int, list: [Int], ranked: Ranked)?
  }

  /// The generation of a trial created now, and the parents list to record on it when it
  /// is the first of its generation to carry one.
  struct GenerationPlan {
    var generation: Int
    var record: [Int]?
  }

  /// The joint space: the study's search space, or the parameters every COMPLETE trial
  /// has under the same distribution; single-valued ones are left to `sampleIndependent`.
  func jointSpace(_ history: StudyHistory) throws(HoneError) -> SearchSpace {
    if let space = history.searchSpace { return space.multiValued }
    let trials = try history.trials()
    return lock.withLock {
      select(history, trials)
      let changed = memo.intersection.advance(trials)
      if changed { memo.space = SearchSpace(memo.intersection.common ?? []).multiValued }
      return memo.space
    }
  }

  /// Starts the memo afresh for another study, or when the trials it read are gone.
  private func select(_ history: StudyHistory, _ trials: [FrozenTrial]) {
    if memo.study != history.studyName || memo.directions != history.directions || memo.settled > trials.count
      || memo.intersection.settled > trials.count
    {
      memo = Memo(study: history.studyName, directions: history.directions)
    }
  }

  /// Reads the trials past `memo.settled`: tags once each, outcomes once finished (under the lock).
  private func read(_ trials: [FrozenTrial], objectives: Int) {
    var settledSoFar = true
    for k in memo.settled..<trials.count {
      let t = trials[k]
      let final = t.state != .running && t.state != .waiting
      let g = generationTag(t)
      // A trial is read for its tags once it has them, or once it is finished without them.
      if (g != nil || final) && memo.tagged.insert(t.number).inserted, let g, g >= 1,
        case .array(let items)? = t.systemAttr(parentsKey)
      {
        let numbers = items.compactMap { $0.integerValue.flatMap { Int(exactly: $0) } }
        if numbers.count == items.count, memo.records[g].map({ t.number < $0.trial }) ?? true {
          memo.records[g] = (t.number, numbers)
        }
      }
      if final && memo.finished.insert(t.number).inserted, t.state == .complete, let g,
        t.values?.count == objectives
      {
        memo.complete[t.number] = t
        let at = memo.members[g]?.lastIndex { $0 < t.number }.map { $0 + 1 } ?? 0
        memo.members[g, default: []].insert(t.number, at: at)
        memo.maxGeneration = Swift.max(memo.maxGeneration, g)
      }
      if settledSoFar && final { memo.settled = k + 1 } else { settledSoFar = false }
    }
  }

  /// The generation a trial records, when it records one in [0, 2^31): a larger one is
  /// damaged data, and counting on from it could overflow.
  func generationTag(_ t: FrozenTrial) -> Int? {
    guard let g = t.systemAttr(generationKey)?.integerValue.flatMap({ Int(exactly: $0) }), g >= 0, g < 1 << 31
    else { return nil }
    return g
  }

  /// The generation of a trial created now, as Optuna assigns it: the largest generation
  /// among the COMPLETE trials, or the next once it has `populationSize` of them; and,
  /// when no trial of that generation lists its parents yet, the list to record.
  func generation(_ history: StudyHistory) throws(HoneError) -> GenerationPlan {
    let trials = try history.trials()
    let (g, chain) = lock.withLock { () -> (Int, Chain?) in
      select(history, trials)
      read(trials, objectives: history.directions.count)
      let top = memo.maxGeneration
      let g = (memo.members[top]?.count ?? 0) >= populationSize ? top + 1 : top
      guard g >= 1, memo.records[g] == nil else { return (g, nil) }
      return (g, makeChain(to: g))
    }
    guard let chain else { return GenerationPlan(generation: g) }
    return GenerationPlan(generation: g, record: try survivors(chain, history).map(\.number))
  }

  /// The parents of `trial`, ranked for its tournaments: the list it records, else that of
  /// its generation, else (for a trial this sampler did not tag) those of the generation it
  /// would have now. A generation's recorded parents are ranked once and kept, so that the
  /// asks of a generation cost O(parameters), not O(population).
  func parents(_ history: StudyHistory, of trial: FrozenTrial) throws(HoneError) -> Ranked {
    let trials = try history.trials()
    let g = generationTag(trial)
    var own: [Int]?
    if case .array(let items)? = trial.systemAttr(parentsKey) {
      own = items.compactMap { $0.integerValue.flatMap { Int(exactly: $0) } }
    }
    let directions = history.directions
    let (found, chain) = lock.withLock { () -> (Ranked?, Chain?) in
      select(history, trials)
      read(trials, objectives: directions.count)
      let top = memo.maxGeneration
      let generation = g ?? ((memo.members[top]?.count ?? 0) >= populationSize ? top + 1 : top)
      guard generation >= 1 else { return (Ranked([], directions: directions), nil) }
      guard let list = own ?? memo.records[generation]?.parents else { return (nil, makeChain(to: generation)) }
      if let p = memo.prepared, p.generation == generation, p.list == list { return (p.ranked, nil) }
      let ranked = Ranked(list.compactMap { memo.complete[$0] }, directions: directions)
      memo.prepared = (generation, list, ranked)
      return (ranked, nil)
    }
    if let found { return found }
    guard let chain else { return Ranked([], directions: directions) }
    return Ranked(try survivors(chain, history), directions: directions)
  }

  /// What choosing generation g's parents takes, gathered under the lock: the parents of
  /// the latest generation h ≤ g that records them (none for h = 0), and the COMPLETE
  /// trials of each generation from h to g − 1.
  ///
  /// A generation without COMPLETE trials passes its parents on unchanged (they are no more
  /// than `populationSize`, so every selection keeps them all), and is left out: the chain
  /// is as long as the generations that have trials, whatever numbers damaged tags hold.
  struct Chain {
    var start: [FrozenTrial]
    /// Each generation from h to g − 1 with COMPLETE trials, and those trials.
    var populations: [(generation: Int, trials: [FrozenTrial])]
  }

  /// The chain to generation g ≥ 1 (under the lock).
  private func makeChain(to g: Int) -> Chain {
    let h = memo.records.keys.filter { $0 < g }.max() ?? 0
    let start = h >= 1 ? (memo.records[h]?.parents ?? []).compactMap { memo.complete[$0] } : []
    let populations = memo.members.keys.filter { $0 >= h && $0 < g }.sorted().map { gen in
      (gen, (memo.members[gen] ?? []).compactMap { memo.complete[$0] })
    }
    return Chain(start: start, populations: populations)
  }

  /// Generation g's parents from its chain: the survivors of each generation's COMPLETE trials
  /// and its parents, in turn, outside the lock (a custom selection may read the history).
  private func survivors(_ chain: Chain, _ history: StudyHistory) throws(HoneError) -> [FrozenTrial] {
    var parents = chain.start
    for (previous, population) in chain.populations {
      let pool = population + parents.filter { p in !population.contains { $0.number == p.number } }
      let generation = previous + 1
      if let elitePopulationSelection {
        parents = try elitePopulationSelection(history, pool)
      } else {
        parents = try selection.survivors(
          pool, directions: history.directions, size: populationSize, seed: seed,
          generation: generation)
      }
    }
    return parents.sorted { $0.number < $1.number }
  }
}

/// A population with its losses (every objective minimized, NaN as +∞) and, when
/// domination is constrained, each trial's feasibility. A class, so that the parents of a
/// generation, ranked once, keep their table for the joint space between asks.
final class Ranked: @unchecked Sendable {
  let trials: [FrozenTrial]
  let losses: [[Double]]
  let feasibility: [ParetoFront.Feasibility]?
  /// The last table built, guarded by the sampler's lock.
  private var cached: Table?

  /// The parents' values in one joint space, by position: what each child reads.
  struct Table {
    var space: SearchSpace
    /// Each parent's values, nil for one that lacks a parameter of the space.
    var rows: [[ParamValue?]]
    /// Each parent's numeric values in the transformed space, nil when it lacks one.
    var genes: [[Double]?]
    /// The positions of the numeric and categorical parameters, and the numeric ones' bounds.
    var numeric: [Int]
    var categorical: [Int]
    var bounds: [(Double, Double)]
  }

  /// Domination is constrained when some trial carries constraint values (Optuna 5's rule).
  init(_ trials: [FrozenTrial], directions: [StudyDirection]) {
    self.trials = trials
    losses = trials.map { t in
      let values = t.values ?? []
      return directions.indices.map { k in
        let v = k < values.count ? values[k] : .infinity
        let loss = directions[k] == .maximize ? -v : v
        return loss.isNaN ? .infinity : loss
      }
    }
    let isConstrained = trials.contains { $0.constraints != nil }
    feasibility = isConstrained ? trials.map(ParetoFront.Feasibility.init) : nil
  }

  /// The table of `space`, built on first use and kept until another space is asked for (under the sampler's lock).
  func table(for space: SearchSpace) -> Table {
    if let cached, cached.space == space { return cached }
    let numeric = space.distributions.indices.filter { space.distributions[$0].isNumeric }
    let rows = trials.map { t in
      zip(space.names, space.distributions).enumerated().map { k, p -> ParamValue? in
        guard let param = t.params.named(p.0, near: k), param.distribution == p.1 else { return nil }
        return param.value
      }
    }
    let genes = rows.map { row -> [Double]? in
      var g: [Double] = []
      for k in numeric {
        guard let v = row[k] else { return nil }
        g.append(space.distributions[k].geneticValue(v))
      }
      return g
    }
    let table = Table(
      space: space, rows: rows, genes: genes, numeric: numeric,
      categorical: space.distributions.indices.filter { !space.distributions[$0].isNumeric },
      bounds: numeric.map { space.distributions[$0].geneticBounds })
    cached = table
    return table
  }

  func dominates(_ i: Int, _ j: Int) -> Bool {
    guard let feasibility else { return ParetoFront.dominates(losses[i], losses[j]) }
    return ParetoFront.constrainedDominates(losses[i], feasibility[i], losses[j], feasibility[j])
  }

  /// `count` distinct indices, each the winner of a binary tournament among those not yet
  /// chosen: of two uniform draws (with replacement), the first when it dominates the second.
  func tournament<R: RandomNumberGenerator>(_ count: Int, using rng: inout R) -> [Int] {
    var chosen: [Int] = []
    chosen.reserveCapacity(count)
    for _ in 0..<count {
      let left = trials.count - chosen.count
      guard left > 0 else { break }
      // The r-th index not chosen yet: each chosen index at or below it moves it one on.
      let taken = chosen.sorted()
      func draw() -> Int {
        var r = Int.random(in: 0..<left, using: &rng)
        for c in taken where c <= r { r += 1 }
        return r
      }
      let a = draw()
      let b = draw()
      chosen.append(dominates(a, b) ? a : b)
    }
    return chosen
  }
}
