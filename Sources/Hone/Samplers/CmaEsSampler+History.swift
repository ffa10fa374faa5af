internal import HonePlatform

extension CmaEsSampler {
  /// A finished trial that counts (COMPLETE, or PRUNED with `considerPrunedTrials`).
  struct Candidate {
    /// Its point in the unit cube of the joint space; nil when it lacks a parameter.
    var x: [Double]?
    /// The value to minimize.
    var value: Double
    /// Its parameters in the joint space's order, with margin, to recognise the draw it was sampled as.
    var params: [ParamValue]? = nil
  }

  /// What the sampler has read of one study's trials, kept between asks.
  ///
  /// Finished trials never change and trials are read in order of number, so each
  /// ask reads only the trials past `settled`, the first index below which all
  /// trials are finished: an ask costs O(trials still running + new ones).
  struct Memo {
    var study: String
    var directions: [StudyDirection]
    /// The intersection search space of the COMPLETE trials.
    var intersection = RunningIntersection()
    var space = SearchSpace()
    /// The joint space of the generations below; they are read again when it changes.
    var run = Generations()
  }

  /// The generations read from the trials, for one joint space.
  struct Generations {
    var pointSpace = SearchSpace()
    var settled = 0
    /// Trials whose attributes were read: the generation tag and population record.
    var tagged: Set<Int> = []
    /// Finished trials whose outcome was read.
    var finished: Set<Int> = []
    var counting = 0
    var candidates: [Int: Candidate] = [:]
    /// The counting trials of each generation that have a point, by ascending number.
    var members: [Int: [Int]] = [:]
    /// Generations that some trial carries the tag of.
    var generations: Set<Int> = []
    /// For generation g, the population recorded by the lowest-numbered trial of g + 1 that records one.
    var records: [Int: (trial: Int, population: [Int])] = [:]
    /// The lowest generation whose population may have changed since the state was advanced;
    /// nil when no trial read since then can change the state, which then stands as it is.
    var dirty: Int?
    /// The state, and the trials told as each generation on the way to it.
    var state: CMAEvolutionStrategy?
    var used: [[Int]] = []
    /// The restarts on the way to `state`.
    var restarts = Restarts()

    /// The population told as generation g − 1, when no trial of generation g has been seen yet.
    func firstOfGeneration(_ g: Int) -> [Int]? {
      guard g >= 1, !generations.contains(g), used.indices.contains(g - 1) else { return nil }
      return used[g - 1]
    }

    /// Generation g's population: the recorded one when it is usable, else the first λ counting trials.
    func population(_ g: Int, lambda: Int) -> [Int]? {
      if let r = records[g], r.population.count == lambda, Set(r.population).count == lambda,
        r.population.allSatisfy({ candidates[$0]?.x != nil })
      {
        return r.population
      }
      guard let m = members[g], m.count >= lambda else { return nil }
      return Array(m.prefix(lambda))
    }
  }

  /// The joint space CMA-ES samples: numeric, multi-valued parameters of the study's
  /// search space, or of every COMPLETE trial (Optuna's intersection search space).
  func jointSpace(_ history: StudyHistory) throws(HoneError) -> SearchSpace {
    if history.isMultiObjective { return SearchSpace() }
    if let space = history.searchSpace { return Self.numeric(space) }
    let trials = try history.trials()
    return lock.withLock {
      select(history, trials)
      let changed = memo.intersection.advance(trials)
      if changed {
        memo.space = Self.numeric(SearchSpace(memo.intersection.common ?? []))
      }
      return memo.space
    }
  }

  /// Starts the memo afresh for another study, or when the trials it read are gone.
  private func select(_ history: StudyHistory, _ trials: [FrozenTrial]) {
    if memo.study != history.studyName || memo.directions != history.directions
      || memo.run.settled > trials.count || memo.intersection.settled > trials.count
    {
      memo = Memo(study: history.studyName, directions: history.directions)
    }
  }

  /// The state of the current generation rebuilt from `history`, or nil while CMA-ES has not started.
  ///
  /// Generation g's population is the list the first trial of generation g + 1
  /// recorded, or, before there is one, the first λ counting trials tagged g by
  /// number. The state is that of every generation with a population, told in
  /// order from the initial one: a pure function of the stored trials, which this
  /// sampler advances incrementally. Internal for the tests that compare the two.
  func state(_ history: StudyHistory, space: SearchSpace) throws(HoneError) -> CMAEvolutionStrategy? {
    guard !space.isEmpty, !history.isMultiObjective else { return nil }
    let trials = try history.trials()
    let sign: Double = history.directions.first == .maximize ? -1 : 1
    let lambda = popsize ?? CMAEvolutionStrategy.defaultPopulationSize(dimension: space.count)
    return try lock.withLock { () throws(HoneError) -> CMAEvolutionStrategy? in
      select(history, trials)
      if memo.run.pointSpace != space { memo.run = Generations(pointSpace: space) }
      read(trials, space: space, sign: sign)
      guard memo.run.counting >= nStartupTrials else { return nil }
      // Nothing read since the state was advanced can change a population: the state stands.
      if memo.run.dirty == nil, let s = memo.run.state { return s }
      if let dirty = memo.run.dirty, dirty < memo.run.used.count {
        // A population already told has changed: keep the generations before it.
        if let g = (dirty..<memo.run.used.count).first(where: { memo.run.population($0, lambda: lambda) != memo.run.used[$0] }) {
          memo.run.used.removeSubrange(g...)
          memo.run.state = nil
        }
      }
      var state: CMAEvolutionStrategy
      if let s = memo.run.state {
        state = s
      } else {
        state = try initialState(space, populationSize: lambda, sign: sign)
        let told = memo.run.used
        (memo.run.used, memo.run.restarts) = ([], Restarts())
        for p in told {
          guard try advance(&state, with: p, space: space, defaultPopulation: lambda, sign: sign) else { break }
        }
      }
      while let p = memo.run.population(memo.run.used.count, lambda: state.populationSize) {
        guard try advance(&state, with: p, space: space, defaultPopulation: lambda, sign: sign) else { break }
      }
      memo.run.state = state
      // Cleared only once the state is stored, so a throw above leaves the populations to be examined again.
      memo.run.dirty = nil
      return state
    }
  }

  /// Tells `state` the population `p` (under the lock), restarting it when the strategy says so; false when
  /// LAPACK cannot decompose the covariance, and the state is kept to sample from.
  ///
  /// `defaultPopulation` is λ₀, the population of the first run, from which BIPOP's sizes are reckoned;
  /// `sign` turns the source trials' values into values to minimize for a restart's warm start.
  private func advance(
    _ state: inout CMAEvolutionStrategy, with p: [Int], space: SearchSpace, defaultPopulation: Int, sign: Double
  ) throws(HoneError) -> Bool {
    let solutions = p.compactMap { n in
      memo.run.candidates[n].flatMap { c in toldPoint(n, c, state, space).map { ($0, c.value) } }
    }
    guard (try? state.tell(solutions)) != nil else { return false }
    memo.run.used.append(p)
    guard let strategy = restartStrategy, state.shouldStop() else { return true }
    memo.run.restarts.count += 1
    // The restart's stream is seeded by its index, so every worker restarts alike.
    var rng = Xoshiro256(
      seed: seed, stream: UInt64(truncatingIfNeeded: memo.run.restarts.count), substream: stableHash("cmaes-restart"))
    // With source trials every run starts from their warm start, as Optuna 3.x's `_init_optimizer` did.
    let start: (mean: [Double], sigma: Double, covariance: Matrix<Double>?)
    if sourceTrials != nil {
      let warm = try warmStart(space, sign: sign)
      start = (warm.mean, warm.sigma, warm.covariance)
    } else {
      start = ((0..<space.count).map { _ in rng.nextUnit() }, max(sigma0 ?? 1.0 / 6, 1e-8), nil)
    }
    let next: (populationSize: Int, sigma: Double)
    switch strategy {
    case .ipop: next = (Self.grown(state.populationSize, by: incPopsize, times: 1), start.sigma)
    case .bipop:
      next = memo.run.restarts.bipop(
        after: state, defaultPopulation: defaultPopulation, incPopsize: incPopsize, sigma0: start.sigma, using: &rng)
    }
    state = try startRun(
      space, mean: start.mean, sigma: next.sigma, covariance: start.covariance, populationSize: next.populationSize)
    return true
  }

  /// λ·inc^k, capped at CMA-ES's largest population, 2^20.
  static func grown(_ lambda: Int, by inc: Int, times k: Int) -> Int {
    let cap = 1 << 20
    var p = min(lambda, cap)
    for _ in 0..<max(k, 0) {
      guard p < cap else { break }
      let (q, overflow) = p.multipliedReportingOverflow(by: inc)
      p = overflow ? cap : min(q, cap)
    }
    return p
  }

  /// The restarts on the way to a state, with BIPOP's budgets: all that decides the
  /// next restart, a function of the told generations alone, so a state rebuilt from
  /// storage restarts as the one kept in memory does.
  struct Restarts: Equatable {
    /// BIPOP's two regimes.
    enum Regime: Equatable { case small, large }
    /// The restarts so far; the index that seeds the next one's stream.
    var count = 0
    /// The regime of the current run; the first run, with λ₀ and σ₀, counts as small, as in Optuna 3.x.
    var regime = Regime.small
    /// The large-population runs so far: k in λ₀·incPopsize^k.
    var largeRuns = 0
    /// The evaluations (λ × generations told) of the finished runs of the small regime.
    var smallEvaluations = 0
    /// The evaluations of the finished runs of the large regime.
    var largeEvaluations = 0

    /// BIPOP's next run after `finished` stalled (Hansen 2009, as Optuna 3.x's
    /// `_cmaes.py`): `finished`'s evaluations go to its regime's budget, and the next
    /// run takes the regime whose budget is smaller, large on a tie.
    ///
    /// Large: λ₀·incPopsize^k for the k-th large run, and σ₀. Small:
    /// ⌊λ₀·(λ_large/λ₀)^(u²)⌋ for the last large λ (λ₀ before any), and σ₀·10^(−2u′),
    /// with u and u′ independent uniforms from `rng`, as Hansen's and pycma's; Optuna
    /// 3.x kept σ₀.
    mutating func bipop(
      after finished: CMAEvolutionStrategy, defaultPopulation lambda0: Int, incPopsize: Int, sigma0: Double,
      using rng: inout Xoshiro256
    ) -> (populationSize: Int, sigma: Double) {
      let (used, overflow) = finished.populationSize.multipliedReportingOverflow(by: finished.generation)
      let evaluations = overflow ? Int.max : used
      func add(_ budget: inout Int) {
        let (sum, over) = budget.addingReportingOverflow(evaluations)
        budget = over ? Int.max : sum
      }
      if regime == .small { add(&smallEvaluations) } else { add(&largeEvaluations) }
      // Both draws are made whichever regime comes next, so the stream does not depend on it.
      let (u, v) = (rng.nextUnit(), rng.nextUnit())
      guard smallEvaluations < largeEvaluations else {
        regime = .large
        largeRuns += 1
        return (CmaEsSampler.grown(lambda0, by: incPopsize, times: largeRuns), sigma0)
      }
      regime = .small
      let largest = Double(CmaEsSampler.grown(lambda0, by: incPopsize, times: largeRuns))
      let lambda = (Double(lambda0) * pow(largest / Double(lambda0), u * u)).rounded(.down)
      let populationSize = Int(exactly: lambda).map { min(max($0, lambda0), 1 << 20) } ?? lambda0
      return (populationSize, sigma0 * pow(10, -2 * v))
    }
  }

  /// Reads the trials past `memo.run.settled`: tags and records once each, outcomes once finished.
  private func read(_ trials: [FrozenTrial], space: SearchSpace, sign: Double) {
    var settledSoFar = true
    for k in memo.run.settled..<trials.count {
      let t = trials[k]
      if t.state != .waiting && memo.run.tagged.insert(t.number).inserted {
        if let g = t.systemAttr(Self.generationKey)?.integerValue.flatMap({ Int(exactly: $0) }), g >= 0 {
          memo.run.generations.insert(g)
          if g >= 1, case .array(let items)? = t.systemAttr(Self.populationKey) {
            let numbers = items.compactMap { $0.integerValue.flatMap { Int(exactly: $0) } }
            if numbers.count == items.count, memo.run.records[g - 1].map({ t.number < $0.trial }) ?? true {
              memo.run.records[g - 1] = (t.number, numbers)
              memo.run.dirty = min(memo.run.dirty ?? g - 1, g - 1)
            }
          }
        }
      }
      let final = t.state != .running && t.state != .waiting
      if final && memo.run.finished.insert(t.number).inserted {
        let value: Double?
        switch t.state {
        case .complete: value = t.value
        case .pruned where considerPrunedTrials: value = t.lastIntermediateValue
        default: value = nil
        }
        if let value {
          memo.run.counting += 1
          let g = t.systemAttr(Self.generationKey)?.integerValue.flatMap { Int(exactly: $0) }
          var c = Candidate(x: g == nil ? nil : Self.unitPoint(t, space), value: sign * value)
          if withMargin, c.x != nil {
            c.params = space.names.enumerated().compactMap { k, name in t.params.named(name, near: k)?.value }
          }
          memo.run.candidates[t.number] = c
          // Only a trial with a point can join a population; trials mostly finish in order, so search from the end.
          if let g, g >= 0, c.x != nil {
            let at = memo.run.members[g]?.lastIndex { $0 < t.number }.map { $0 + 1 } ?? 0
            memo.run.members[g, default: []].insert(t.number, at: at)
            memo.run.dirty = min(memo.run.dirty ?? g, g)
          }
        }
      }
      if settledSoFar && final { memo.run.settled = k + 1 } else { settledSoFar = false }
    }
  }

  /// The point trial `n` is told at: with margin, the unencoded draw its number seeds from
  /// `state`, as CMAwM tells it, when that draw encodes to the trial's parameters (the
  /// state is the one its generation was sampled from); else its parameters' point.
  private func toldPoint(_ n: Int, _ c: Candidate, _ state: CMAEvolutionStrategy, _ space: SearchSpace) -> [Double]? {
    guard let x = c.x else { return nil }
    guard state.margin > 0, let params = c.params, params.count == space.count else { return x }
    var rng = drawStream(n)
    let draw = state.ask(using: &rng)
    let encoded = state.encoded(draw)
    guard encoded.count == space.count else { return x }
    for (k, d) in space.distributions.enumerated() where d.fromUnit(encoded[k]) != params[k] { return x }
    return draw
  }

  /// The state the sampler keeps in memory, for the tests that compare it with one rebuilt from storage.
  var cachedState: CMAEvolutionStrategy? { lock.withLock { memo.run.state } }
  /// The restart bookkeeping the sampler keeps in memory, for the same tests.
  var cachedRestarts: Restarts { lock.withLock { memo.run.restarts } }
}
