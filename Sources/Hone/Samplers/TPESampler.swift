internal import HonePlatform

/// Optuna's tree-structured Parzen estimator (TPE), with Optuna 5.0's options and defaults.
///
/// Until `nStartupTrials` trials are COMPLETE or PRUNED, every parameter is
/// RandomSampler's draw for the same seed. After that, the finished trials are
/// split into the `gamma(n)` best ("below") and the rest ("above"): COMPLETE trials
/// by value first, then PRUNED ones by their last intermediate value at the
/// deepest step (a deeper step ranks first; a pruned trial with no report last),
/// as Optuna's `_split_trials` does. FAILED trials are ignored. A Parzen
/// estimator is fitted to each side (see `ParzenEstimator`), `nEICandidates`
/// points are drawn from the good one, l, and the point with the largest
/// log l(x) − log g(x) is suggested.
///
/// With `multivariate` (by default for single-objective studies, as in Optuna 5.0)
/// the parameters common to every finished trial are sampled jointly at ask time
/// and the others one by one; with `group`, each group of parameters that always
/// appear together is sampled jointly. With `constantLiar` (the default) the
/// study's other RUNNING trials join the bad side, with the values they have
/// suggested or this sampler proposed to them, so parallel workers do not
/// crowd one point.
///
/// Each suggestion draws from its own stream of the seed (trial number and
/// parameter), so a seeded study is reproducible in any host.
///
/// With several objectives this is Optuna's MOTPE: the good COMPLETE trials are the
/// best non-domination ranks, completed by greedy hypervolume subset selection, and
/// weigh alike; sampling is independent unless `multivariate` or `group` asks otherwise.
/// Trials with constraint values above 0 rank after every feasible one, by total violation.
public final class TPESampler: Sampler, @unchecked Sendable {
  /// The rule for the number of good trials out of n finished ones: min(⌈fraction·n^power⌉, max).
  public struct Gamma: Sendable, Equatable {
    public var fraction: Double
    public var power: Double
    public var max: Int

    /// Optuna's `default_gamma`: min(⌈0.1·n⌉, 25).
    public static let optuna = Gamma(fraction: 0.1, power: 1, max: 25)
    /// Optuna's `default_gamma_multiobjective`: ⌈0.1·n⌉.
    public static let optunaMultiObjective = Gamma(fraction: 0.1, power: 1, max: Int.max)
    /// Optuna's `hyperopt_default_gamma`: min(⌈0.25·√n⌉, 25).
    public static let hyperopt = Gamma(fraction: 0.25, power: 0.5, max: 25)

    public init(fraction: Double, power: Double, max: Int) {
      self.fraction = fraction
      self.power = power
      self.max = max
    }

    /// The number of good trials out of `n`.
    public func callAsFunction(_ n: Int) -> Int {
      let x = (fraction * (power == 1 ? Double(n) : pow(Double(n), power))).rounded(.up)
      // NaN is no trial; anything at or past max (+∞ too) is max.
      guard x > 0 else { return 0 }
      return x >= Double(max) ? max : Swift.min(Int(x), max)
    }
  }

  /// The weights of the observations of one side, oldest first.
  public enum Weights: String, Sendable {
    /// Optuna's `default_weights`: the 25 newest weigh 1, older ones ramp linearly from 1/n.
    case optuna
    /// Every observation weighs 1.
    case uniform

    /// The weights of `n` observations in trial-number order.
    public func callAsFunction(_ n: Int) -> [Double] {
      if self == .uniform || n < 25 { return [Double](repeating: 1, count: n) }
      let ramp = n - 25
      let head: [Double] =
        ramp == 1
        ? [1 / Double(n)]
        : (0..<ramp).map { 1 / Double(n) + Double($0) * (1 - 1 / Double(n)) / Double(ramp - 1) }
      return head + [Double](repeating: 1, count: 25)
    }
  }

  /// The sampler's options, with Optuna 5.0's defaults; `TPESampler(seed:options:)` checks them.
  public struct Options: Sendable {
    public var nStartupTrials = 10
    public var nEICandidates = 24
    /// Nil: Optuna's default, `Gamma.optuna` for a single objective and
    /// `Gamma.optunaMultiObjective` for several.
    public var gamma: Gamma? = nil
    /// Nil: Optuna's default, `Weights.optuna`.
    public var weights: Weights? = nil
    public var priorWeight = 1.0
    public var considerMagicClip = true
    public var considerEndpoints = false
    /// Nil: multivariate for single-objective studies, as Optuna 5.0 decides.
    public var multivariate: Bool? = nil
    public var group = false
    public var constantLiar = true
    public var warnIndependentSampling = false

    public init() {}

    /// Throws `.invalidArgument` for a count out of range, a prior weight that is
    /// negative or not finite, a gamma out of range, or `group` with `multivariate` false.
    func check() throws(HoneError) {
      let limit = 1 << 20
      guard (0...limit).contains(nStartupTrials) else {
        throw .invalidArgument("tpe sampler: n_startup_trials must be between 0 and 2^20, got \(nStartupTrials)")
      }
      guard (1...limit).contains(nEICandidates) else {
        throw .invalidArgument("tpe sampler: n_ei_candidates must be between 1 and 2^20, got \(nEICandidates)")
      }
      guard priorWeight >= 0, priorWeight.isFinite else {
        throw .invalidArgument("tpe sampler: prior_weight must be finite and >= 0, got \(priorWeight)")
      }
      if let g = gamma {
        guard g.fraction >= 0, g.fraction.isFinite, g.power.isFinite, g.max >= 0 else {
          throw .invalidArgument(
            "tpe sampler: gamma needs a finite fraction >= 0, a finite power and max >= 0, "
              + "got fraction=\(g.fraction) power=\(g.power) max=\(g.max)")
        }
      }
      if group && multivariate == false {
        throw .invalidArgument("tpe sampler: group can only be enabled when multivariate is enabled")
      }
    }
  }

  public let seed: UInt64
  public let options: Options
  public var name: String { "tpe" }

  let lock = Lock()
  /// Joint points proposed to trials that may not have suggested them yet: the
  /// constant liar's view of RUNNING trials whose storage rows lag behind.
  var proposals: [Int: [String: ParamValue]] = [:]
  /// The finished trials read for each joint space (`TPESampler+Memo.swift`), and the study they belong to.
  var memos: [SpaceMemo] = []
  var memoStudy = ""
  var memoClock = 0
  var intersectionMemo = IntersectionMemo()
  var ledger = Ledger()
  /// The history the ledger last checked.
  weak var ledgerHistory: StudyHistory?

  /// A sampler seeded with `seed` (from system entropy when nil) with `options`.
  ///
  /// - Throws: `.invalidArgument` when an option is out of range (see `Options`).
  public init(seed: UInt64? = nil, options: Options) throws(HoneError) {
    try options.check()
    self.seed = seed ?? entropySeed()
    self.options = options
  }

  /// A sampler with Optuna 5.0's defaults.
  public init(seed: UInt64? = nil) {
    self.seed = seed ?? entropySeed()
    self.options = Options()
  }

  /// Optuna 5.0's rule: multivariate when asked; otherwise with `group`, which needs
  /// it, and for a single objective only.
  func isMultivariate(_ history: StudyHistory) -> Bool {
    if let multivariate = options.multivariate { return multivariate }
    return options.group || !history.isMultiObjective
  }

  public func inferRelativeSearchSpace(
    _ history: StudyHistory, _ trial: FrozenTrial
  ) throws(HoneError) -> SearchSpace {
    guard isMultivariate(history) else { return SearchSpace() }
    let all = try history.trials()
    if options.group {
      var pairs: [(String, Distribution)] = []
      for g in Self.groups(of: all) { pairs += g.filter { !$0.1.isSingle } }
      return SearchSpace(pairs)
    }
    return SearchSpace(memoizedIntersection(history, all)).multiValued
  }

  public func sampleRelative(
    _ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace
  ) throws(HoneError) -> [String: ParamValue] {
    // A define-and-run space may hold single values, which are not sampled.
    let space = space.multiValued
    guard !space.isEmpty, isMultivariate(history) else { return [:] }
    let all = try history.trials()
    guard finishedCount(all) >= options.nStartupTrials else { return [:] }
    var point: [String: ParamValue] = [:]
    if options.group {
      for (i, g) in Self.groups(of: all).enumerated() {
        let sub = g.filter { space[$0.0] != nil && !$0.1.isSingle }
        if sub.isEmpty { continue }
        let part = sample(
          history, all, trial: trial, names: sub.map(\.0), space: sub.map(\.1),
          substream: stableHash("tpe:group") &+ UInt64(i))
        point.merge(part) { a, _ in a }
      }
    } else {
      point = sample(
        history, all, trial: trial, names: space.names, space: space.distributions,
        substream: stableHash("tpe:relative"))
    }
    if options.constantLiar { lock.withLock { proposals[trial.number] = point } }
    return point
  }

  public func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    let all = try history.trials()
    guard finishedCount(all) >= options.nStartupTrials else {
      return RandomSampler.draw(distribution, seed: seed, trial: trial.number, name: name)
    }
    let seen = { (t: FrozenTrial) in
      (t.state == .complete || t.state == .pruned) && t.param(name) != nil
    }
    if options.warnIndependentSampling && isMultivariate(history) && all.contains(where: seen) {
      let message =
        "hone: TPESampler samples parameter '\(name)' of trial \(trial.number) independently: "
        + "it is outside the search space common to the finished trials\n"
      // Standard error by descriptor: the C library's `stderr` is a global Swift cannot share safely.
      _ = message.withCString { write(2, $0, strlen($0)) }
    }
    let point = sample(
      history, all, trial: trial, names: [name], space: [distribution],
      substream: stableHash("tpe:" + name))
    return point[name] ?? RandomSampler.draw(distribution, seed: seed, trial: trial.number, name: name)
  }

  public func afterTrial(
    _ history: StudyHistory, _ trial: FrozenTrial, state: TrialState, values: [Double]?
  ) {
    lock.withLock { proposals[trial.number] = nil }
  }

  /// The number of COMPLETE and PRUNED trials, which ends the start-up.
  func finishedCount(_ trials: [FrozenTrial]) -> Int {
    var n = 0
    // By index, so that no trial is copied.
    for i in trials.indices where trials[i].state == .complete || trials[i].state == .pruned { n += 1 }
    return n
  }

  /// One TPE proposal for the joint space `names` × `space`.
  func sample(
    _ history: StudyHistory, _ all: [FrozenTrial], trial: FrozenTrial, names: [String], space: [Distribution],
    substream: UInt64
  ) -> [String: ParamValue] {
    let pending = options.constantLiar ? lock.withLock { proposals } : [:]
    let (below, above) = split(
      all, excluding: trial.number, pending: pending, directions: history.directions,
      ledger: syncedLedger(history, all))
    // With several objectives the good trials weigh alike, as in Optuna's MOTPE.
    let goodWeights = history.isMultiObjective ? Weights.uniform : options.weights ?? .optuna
    let (good, bad) = withMemo(history, all, names: names, space: space) { memo in
      (
        estimator(below, of: all, memo: &memo, weights: goodWeights),
        estimator(above, of: all, memo: &memo, weights: options.weights ?? .optuna)
      )
    }
    var rng = Xoshiro256(seed: seed, stream: UInt64(truncatingIfNeeded: trial.number), substream: substream)
    let candidates = good.sample(options.nEICandidates, using: &rng)
    let l = good.logPDF(candidates)
    let g = bad.logPDF(candidates)
    var best = 0
    var bestScore = -Double.infinity
    for i in l.indices {
      let score = l[i] - g[i]
      if score > bestScore {
        best = i
        bestScore = score
      }
    }
    var point: [String: ParamValue] = [:]
    let d = space.count
    for (j, (n, dist)) in zip(names, space).enumerated() {
      point[n] = Self.value(candidates[best * d + j], of: dist)
    }
    return point
  }

  /// A Parzen estimator fitted to the trials of `side` (positions in `all`, in
  /// trial-number order) that have every parameter of `memo`'s joint space.
  ///
  /// Finished trials come from the memo with their sorted places; the others
  /// (RUNNING ones, with the liar) are read here and merged into each order.
  func estimator(_ side: [Observed], of all: [FrozenTrial], memo: inout SpaceMemo, weights: Weights) -> ParzenEstimator {
    let (names, space) = (memo.names, memo.space)
    let d = names.count
    // The column of each memo row on this side, -1 for rows elsewhere.
    var columnOfRow = [Int32](repeating: -1, count: memo.positions.count)
    // Per observation, its memo row, or -1 − its row in `read` when it was read here.
    var source: [Int] = []
    source.reserveCapacity(side.count)
    var unmemoized: [Int] = []
    var read: [Double] = []
    var row = [Double](repeating: 0, count: d)
    for o in side {
      if let r = memo.row(at: o.index) {
        guard r >= 0 else { continue }
        columnOfRow[Int(r)] = Int32(truncatingIfNeeded: source.count)
        source.append(Int(r))
      } else {
        guard Self.read(o, of: all, names: names, space: space, into: &row) else { continue }
        unmemoized.append(source.count)
        source.append(-1 - read.count / max(d, 1))
        read += row
      }
    }
    let n = source.count
    let columns = (0..<d).map { c in
      [Double](unsafeUninitializedCapacity: n) { column, count in
        memo.columns[c].withUnsafeBufferPointer { values in
          // `source` holds the memo's rows and rows of `read`, which has d values per row.
          for (i, r) in source.enumerated() { column[i] = r >= 0 ? values[r] : read[(-1 - r) * d + c] }
        }
        count = n
      }
    }
    var orders = [[Int]](repeating: [], count: d)
    for j in 0..<d where space[j].isNumeric {
      if unmemoized.isEmpty {
        // Rows and columns both come from this memo and this side, so every index is in range.
        orders[j] = [Int](unsafeUninitializedCapacity: n) { order, count in
          memo.sorted[j].withUnsafeBufferPointer { sorted in
            columnOfRow.withUnsafeBufferPointer { column in
              var at = 0
              for r in sorted {
                let c = column[Int(r)]
                if c >= 0 && at < n {
                  order[at] = Int(c)
                  at += 1
                }
              }
              count = at
            }
          }
        }
      } else {
        // Merge by (value on the axis, column): columns follow trial numbers, as the memo's positions do.
        let extra = unmemoized.map { (SpaceMemo.key(columns[j][$0], space[j]), $0) }.sorted { $0 < $1 }
        var order: [Int] = []
        order.reserveCapacity(n)
        var e = 0
        for r in memo.sorted[j] where columnOfRow[Int(r)] >= 0 {
          let here = (memo.keys[j][Int(r)], Int(columnOfRow[Int(r)]))
          while e < extra.count && extra[e] < here {
            order.append(extra[e].1)
            e += 1
          }
          order.append(here.1)
        }
        order += extra[e...].map(\.1)
        orders[j] = order
      }
    }
    let estimator = ParzenEstimator(
      space: space, observations: columns, sortedOrders: orders,
      massHint: .init(slots: source, sigma: memo.sigma, logMass: memo.logMass),
      observationWeights: weights(n), priorWeight: options.priorWeight,
      considerMagicClip: options.considerMagicClip, considerEndpoints: options.considerEndpoints)
    // Only the kernels whose mass was computed differ from what the memo holds (the hint is released by now).
    for (j, dim) in estimator.dimensions.enumerated() where j < memo.sigma.count && j < memo.logMass.count {
      guard case .numeric(let k) = dim else { continue }
      let rows = min(memo.sigma[j].count, memo.logMass[j].count)
      for i in k.computed where i < source.count && source[i] >= 0 && source[i] < rows {
        memo.sigma[j][source[i]] = k.sigma[i]
        memo.logMass[j][source[i]] = k.logMass[i]
      }
    }
    return estimator
  }

  /// The internal value of a sampled double in `d`, on its grid and within its bounds.
  static func value(_ x: Double, of d: Distribution) -> ParamValue {
    switch d {
    case .float(let low, let high, _, _): return .float(x.isNaN ? low : min(max(x, low), high))
    case .int: return .int(d.nearest(x))
    case .categorical(let choices):
      return .index(Int(exactly: x.rounded()).map { min(max($0, 0), max(choices.count - 1, 0)) } ?? 0)
    }
  }
}
