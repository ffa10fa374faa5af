internal import HonePlatform
import Testing

@testable import Hone

/// TPE: the Parzen estimator against hand-computed mixtures, the start-up, the
/// good/bad split, the distribution of its draws, and the constant liar.
@Suite struct TPESamplerTests {
  /// Φ(z).
  static func phi(_ z: Double) -> Double { 0.5 * erfc(-z / 2.0.squareRoot()) }

  /// The density of a normal truncated to [low, high].
  static func truncatedDensity(_ x: Double, mu: Double, sigma: Double, low: Double, high: Double) -> Double {
    let z = (x - mu) / sigma
    let mass = phi((high - mu) / sigma) - phi((low - mu) / sigma)
    return exp(-0.5 * z * z) / ((2 * Double.pi).squareRoot() * sigma) / mass
  }

  /// The mass of a normal truncated to [low, high] on [a, b].
  static func truncatedMass(_ a: Double, _ b: Double, mu: Double, sigma: Double, low: Double, high: Double) -> Double {
    (phi((b - mu) / sigma) - phi((a - mu) / sigma)) / (phi((high - mu) / sigma) - phi((low - mu) / sigma))
  }

  static func estimator(_ space: [Distribution], _ columns: [[Double]], weights: [Double]? = nil) -> ParzenEstimator {
    ParzenEstimator(
      space: space, observations: columns,
      observationWeights: weights ?? [Double](repeating: 1, count: columns.first?.count ?? 0),
      priorWeight: 1, considerMagicClip: true, considerEndpoints: false)
  }

  static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
    abs(a - b) <= tolerance * max(1, abs(b))
  }

  @Test func continuousDensityIsTheWeightedSumOfTruncatedNormals() throws {
    // Observations 2, 3, 7 in [0, 10]: gaps with the ends as neighbours give 2, 4, 4;
    // the outer kernels take their inner gap (1 and 4) without consider_endpoints; the
    // magic clip raises every bandwidth to 10 / min(100, 1 + 4) = 2. The prior: μ 5, σ 10.
    let pe = Self.estimator([.float(low: 0, high: 10, step: nil, log: false)], [[2, 3, 7]])
    let mus = [2.0, 3, 7, 5], sigmas = [2.0, 4, 4, 10]
    for x in [0.0, 0.3, 2, 4.5, 7.25, 9.9, 10] {
      let direct = zip(mus, sigmas).map { Self.truncatedDensity(x, mu: $0, sigma: $1, low: 0, high: 10) / 4 }
        .reduce(0, +)
      #expect(Self.close(pe.logPDF([x])[0], log(direct)), "x = \(x)")
    }
  }

  @Test func logScaleDensityIsTheMixtureOfTheLogValues() throws {
    // In log space: observations log 1, log 10 in [log 0.1, log 100]; n = 2, so both
    // outer kernels take the inner gap, log 10, clipped into [range/4, range].
    let pe = Self.estimator([.float(low: 0.1, high: 100, step: nil, log: true)], [[1, 10]])
    let (low, high) = (log(0.1), log(100.0))
    let range = high - low
    let mus = [0, log(10.0), (low + high) / 2], sigmas = [max(log(10.0), range / 4), max(log(10.0), range / 4), range]
    let w = [1.0, 1, 1].map { $0 / 3 }
    for x in [0.1, 0.5, 3, 42, 100] {
      var direct = 0.0
      for k in 0..<3 { direct += w[k] * Self.truncatedDensity(log(x), mu: mus[k], sigma: sigmas[k], low: low, high: high) }
      #expect(Self.close(pe.logPDF([x])[0], log(direct)), "x = \(x)")
    }
  }

  @Test func gridDensityIsTheKernelMassOfTheCellAndCategoricalsAreWeightedKernels() throws {
    // An int on 0, 2, ..., 10 widens to [-1, 11]; observations 2 and 4 take the inner
    // gap 2, clipped to 12 / min(100, 4) = 3; the prior is μ 5, σ 12. A categorical
    // of three with three kernels: each observation's row is (1/3 everywhere + 1 on
    // its choice) / 2; the prior's row is uniform.
    // Weights 1 and 3 for the observations, 1 for the prior.
    let space: [Distribution] = [.int(low: 0, high: 10, step: 2, log: false), .categorical([.int(0), .int(1), .int(2)])]
    let pe = Self.estimator(space, [[2, 4], [0, 2]], weights: [1, 3])
    let mus = [2.0, 4, 5], sigmas = [3.0, 3, 12], w = [1.0 / 5, 3.0 / 5, 1.0 / 5]
    let rows: [[Double]] = [[4.0 / 6, 1.0 / 6, 1.0 / 6], [1.0 / 6, 1.0 / 6, 4.0 / 6], [1.0 / 3, 1.0 / 3, 1.0 / 3]]
    for x in [0.0, 2, 6, 10] {
      for c in 0..<3 {
        var direct = 0.0
        for k in 0..<3 {
          direct += w[k] * Self.truncatedMass(x - 1, x + 1, mu: mus[k], sigma: sigmas[k], low: -1, high: 11) * rows[k][c]
        }
        #expect(Self.close(pe.logPDF([x, Double(c)])[0], log(direct)), "x = \(x), c = \(c)")
      }
    }
    // The cell masses of the grid sum to one for each kernel, so the density does too.
    var total = 0.0
    for x in stride(from: 0.0, through: 10, by: 2) { for c in 0..<3 { total += exp(pe.logPDF([x, Double(c)])[0]) } }
    #expect(Self.close(total, 1, 1e-12))
  }

  @Test func theTruncatedNormalQuantileInvertsItsDistributionFunction() {
    for (a, b) in [(-1.0, 2.0), (-40, -30), (30, 45), (-8, 0.5), (0.1, 0.2)] {
      for u in [0.0, 1e-9, 0.1, 0.5, 0.9, 0.999999] {
        let z = TruncatedNormal.quantile(u, a, b)
        let mass = exp(TruncatedNormal.logMass(a, z)) / exp(TruncatedNormal.logMass(a, b))
        #expect(abs(mass - u) < 1e-9, "a \(a) b \(b) u \(u): z \(z)")
      }
    }
    for y in [-1e-12, -0.01, -0.7, -5, -100, -1e4] {
      #expect(Self.close(StandardNormal.logCDF(StandardNormal.inverseLogCDF(y)), y, 1e-12), "y = \(y)")
    }
  }

  /// The Kolmogorov–Smirnov statistic of `samples` against the distribution function `cdf`.
  static func ks(_ samples: [Double], _ cdf: (Double) -> Double) -> Double {
    let s = samples.sorted()
    let n = Double(s.count)
    var d = 0.0
    for (i, x) in s.enumerated() {
      let f = cdf(x)
      d = max(d, abs(f - Double(i) / n), abs(Double(i + 1) / n - f))
    }
    return d
  }

  /// 20 COMPLETE trials of x = 0, 0.5, ..., 9.5 in [0, 10] with value x, minimized.
  static func lineHistory(log: Bool = false) -> [FrozenTrial] {
    let d: Distribution = log ? .float(low: 1, high: 100, step: nil, log: true) : .float(low: 0, high: 10, step: nil, log: false)
    return (0..<20).map { i in
      let x = log ? pow(100, Double(i) / 20) : Double(i) / 2
      return FrozenTrial(
        number: i, state: .complete, values: [x], params: [Param(name: "x", distribution: d, value: .float(x))])
    }
  }

  /// The estimator `sampler` fits to the trials `side` of `history` for one parameter `x` of `d`, through its memo.
  static func fitted(
    _ sampler: TPESampler, _ side: [TPESampler.Observed], _ history: [FrozenTrial], _ d: Distribution
  ) -> ParzenEstimator {
    let study = StudyHistory(directions: [.minimize], trials: history)
    return sampler.withMemo(study, history, names: ["x"], space: [d]) { sampler.estimator(side, of: history, memo: &$0, weights: .optuna) }
  }

  @Test func drawsOfTheGoodDensityPassAKolmogorovSmirnovTestAgainstItsMixture() throws {
    // gamma(20) = 2: the good side holds x = 0 and 0.5. Sorted with the ends: 0, 0, 0.5,
    // 10; both take the inner gap 0.5, clipped to 10 / min(100, 4) = 2.5; prior μ 5, σ 10.
    let sampler = TPESampler(seed: 11)
    let history = Self.lineHistory()
    let (below, above) = sampler.split(history, excluding: -1, pending: [:], directions: [.minimize])
    #expect(below.map(\.index) == [0, 1])
    #expect(above.count == 18)
    let good = Self.fitted(sampler, below, history, .float(low: 0, high: 10, step: nil, log: false))
    var rng = Xoshiro256(seed: 5)
    let draws = good.sample(4000, using: &rng)
    let mus = [0.0, 0.5, 5], sigmas = [2.5, 2.5, 10]
    func cdf(_ x: Double) -> Double {
      zip(mus, sigmas).map { Self.truncatedMass(0, x, mu: $0, sigma: $1, low: 0, high: 10) / 3 }.reduce(0, +)
    }
    // The 0.1% critical value of the KS statistic is 1.95/√n.
    #expect(Self.ks(draws, cdf) < 1.95 / 4000.0.squareRoot())
    // The statistic does detect a wrong mixture: the same draws against the prior alone.
    #expect(Self.ks(draws) { Self.truncatedMass(0, $0, mu: 5, sigma: 10, low: 0, high: 10) } > 0.1)
  }

  @Test func logScaleDrawsPassAKolmogorovSmirnovTestInLogSpace() throws {
    let sampler = TPESampler(seed: 11)
    let history = Self.lineHistory(log: true)
    let (below, _) = sampler.split(history, excluding: -1, pending: [:], directions: [.minimize])
    let good = Self.fitted(sampler, below, history, .float(low: 1, high: 100, step: nil, log: true))
    var rng = Xoshiro256(seed: 6)
    let draws = good.sample(4000, using: &rng).map { log($0) }
    // log x = 0 and log(100)/20; the inner gap is clipped to log(100)/4; prior at the centre.
    let (low, high) = (0.0, log(100.0))
    let mus = [0, high / 20, high / 2], sigmas = [high / 4, high / 4, high]
    func cdf(_ t: Double) -> Double {
      zip(mus, sigmas).map { Self.truncatedMass(low, t, mu: $0, sigma: $1, low: low, high: high) / 3 }.reduce(0, +)
    }
    #expect(Self.ks(draws, cdf) < 1.95 / 4000.0.squareRoot())
  }

  @Test func theStartUpTrialsAreTheRandomSamplersDraws() throws {
    let tpe = try Study(optionsJSON: #"{"sampler": {"type": "tpe", "seed": 3, "options": {"multivariate": false}}}"#)
    let multi = try Study(optionsJSON: #"{"sampler": {"type": "tpe", "seed": 3}}"#)
    let random = try Study(optionsJSON: #"{"sampler": {"type": "random", "seed": 3}}"#)
    var points: [[[Double]]] = [[], [], []]
    for (s, study) in [tpe, multi, random].enumerated() {
      for _ in 0..<10 {
        let t = try study.ask()
        let x = try study.suggestFloat(trial: t, "x", -5, 5)
        let n = Double(try study.suggestInt(trial: t, "n", 1, 64, log: true))
        let c = Double(try study.suggestCategorical(trial: t, "c", [.string("a"), .string("b"), .string("c")]))
        points[s].append([x, n, c])
        try study.tell(trial: t, values: [x * x])
      }
    }
    #expect(points[0] == points[2])
    #expect(points[1] == points[2])
    // The eleventh trial is TPE's own.
    let t = try tpe.ask()
    let r = try random.ask()
    #expect(try tpe.suggestFloat(trial: t, "x", -5, 5) != (try random.suggestFloat(trial: r, "x", -5, 5)))
  }

  @Test func prunedTrialsRankByTheirDeepestReportAfterTheCompleteOnes() throws {
    let d = Distribution.float(low: 0, high: 1, step: nil, log: false)
    func trial(_ n: Int, _ state: TrialState, value: Double? = nil, reports: [Int64: Double] = [:]) -> FrozenTrial {
      FrozenTrial(
        number: n, state: state, values: value.map { [$0] }, params: [Param(name: "x", distribution: d, value: .float(0.5))],
        intermediateValues: reports)
    }
    let trials = [
      trial(0, .complete, value: 3), trial(1, .pruned, reports: [1: 0.1]), trial(2, .pruned, reports: [1: 5, 4: 9]),
      trial(3, .complete, value: 1), trial(4, .pruned), trial(5, .pruned, reports: [4: 2]), trial(6, .fail),
      trial(7, .running), trial(8, .pruned, reports: [4: .nan]),
    ]
    // Gamma: all seven finished trials but two are good.
    var options = TPESampler.Options()
    options.gamma = .init(fraction: 1, power: 1, max: 5)
    let sampler = try TPESampler(seed: 0, options: options)
    let (below, above) = sampler.split(trials, excluding: -1, pending: [:], directions: [.minimize])
    // Both complete trials, then pruned ones at the deepest step, 4, by value (5: 2,
    // then 2: 9, then 8: NaN, ranked as +∞), before trial 1 at step 1; a pruned trial
    // without reports is last. RUNNING is bad.
    #expect(below.map(\.index) == [0, 2, 3, 5, 8])
    #expect(above.map(\.index) == [1, 4, 7])
    options.constantLiar = false
    let (below2, above2) = try TPESampler(seed: 0, options: options).split(
      trials, excluding: -1, pending: [:], directions: [.maximize])
    // Maximizing, trial 2 (9) ranks before 5 (2) at step 4; without the liar RUNNING is left out.
    #expect(below2.map(\.index) == [0, 2, 3, 5, 8])
    #expect(above2.map(\.index) == [1, 4])
  }

  @Test func infeasibleTrialsRankByTheirViolationAfterTheFeasibleOnes() throws {
    let d = Distribution.float(low: 0, high: 1, step: nil, log: false)
    func trial(
      _ n: Int, _ state: TrialState, value: Double? = nil, reports: [Int64: Double] = [:], constraints: [Double]? = nil
    ) -> FrozenTrial {
      FrozenTrial(
        number: n, state: state, values: value.map { [$0] }, params: [Param(name: "x", distribution: d, value: .float(0.5))],
        intermediateValues: reports,
        systemAttrs: constraints.map { [(FrozenTrial.constraintsKey, .array($0.map { .number($0) }))] } ?? [])
    }
    let trials = [
      // The best value, but infeasible by 0.5 + 1.
      trial(0, .complete, value: -10, constraints: [0.5, 1]),
      trial(1, .complete, value: 4, constraints: [0, -1]),
      trial(2, .complete, value: 3, constraints: [0.25]),
      trial(3, .pruned, reports: [2: 7], constraints: [-1]),
      // Infeasible by 0.25 like trial 2, so the earlier number ranks first.
      trial(4, .complete, value: 2, constraints: [0.25]),
      // No constraints: feasible.
      trial(5, .complete, value: 5),
      trial(6, .running, constraints: [9]),
      trial(7, .complete, value: 1, constraints: [.infinity]),
    ]
    var options = TPESampler.Options()
    // Gamma 5 of the 7 finished trials: both feasible COMPLETE ones, the feasible
    // PRUNED one, then the two least infeasible, 2 before 4 (violation 0.25, then the number).
    options.gamma = .init(fraction: 1, power: 1, max: 5)
    let (below, above) = try TPESampler(seed: 0, options: options).split(
      trials, excluding: -1, pending: [:], directions: [.minimize])
    #expect(below.map(\.index) == [1, 2, 3, 4, 5])
    // The RUNNING trial is bad whatever its constraints say.
    #expect(above.map(\.index) == [0, 6, 7])
    // With room for one infeasible trial only, the tie on violation goes to the lower number.
    options.gamma = .init(fraction: 1, power: 1, max: 4)
    let (below4, _) = try TPESampler(seed: 0, options: options).split(
      trials, excluding: -1, pending: [:], directions: [.minimize])
    #expect(below4.map(\.index) == [1, 2, 3, 5])
  }

  /// The values of `x` that 8 concurrent asks get after 30 told trials on a grid of 12.
  func concurrentSuggestions(liar: Bool, multivariate: Bool) throws -> [Int64] {
    let study = try Study(
      optionsJSON:
        #"{"sampler": {"type": "tpe", "seed": 1, "options": {"constant_liar": \#(liar), "multivariate": \#(multivariate)}}}"#
    )
    for _ in 0..<30 {
      let t = try study.ask()
      let x = try study.suggestInt(trial: t, "x", 0, 11)
      try study.tell(trial: t, values: [Double(abs(x - 6))])
    }
    var running: [Int64] = []
    for _ in 0..<8 {
      running.append(try study.suggestInt(trial: try study.ask(), "x", 0, 11))
    }
    return running
  }

  @Test(arguments: [false, true])
  func theConstantLiarKeepsEightConcurrentAsksDistinct(multivariate: Bool) throws {
    let liar = try concurrentSuggestions(liar: true, multivariate: multivariate)
    #expect(Set(liar).count == 8, "\(liar)")
    // Without it, the asks crowd the best cells.
    let crowd = try concurrentSuggestions(liar: false, multivariate: multivariate)
    #expect(Set(crowd).count < 8, "\(crowd)")
  }

  /// Three ranks of two objectives: the first three rows are the front, each of the next three
  /// is dominated by one of them only, and the last by all.
  static let ranked: [[Double]] = [[1, 5], [2, 4], [5, 1], [2, 6], [3, 5], [6, 2], [7, 7]]

  @Test func severalObjectivesTakeWholeRanksThenAHypervolumeSubset() {
    #expect(TPESampler.multiObjectiveGood(Self.ranked, count: 0) == [])
    #expect(TPESampler.multiObjectiveGood(Self.ranked, count: 3) == [0, 1, 2])
    // Rank 1 against the reference 1.1 × its worst, (6.6, 6.6): [3, 5] adds 3.6 × 1.6,
    // the others 0.6 × 4.6 each.
    #expect(TPESampler.multiObjectiveGood(Self.ranked, count: 4) == [0, 1, 2, 4])
    // Beside [3, 5], [2, 6] adds (3 − 2) × 0.6 and [6, 2] adds 0.6 × (5 − 2).
    #expect(TPESampler.multiObjectiveGood(Self.ranked, count: 5) == [0, 1, 2, 4, 5])
    #expect(TPESampler.multiObjectiveGood(Self.ranked, count: 7) == Array(0..<7))
    // A NaN value is the worst: the row falls to the last rank.
    #expect(TPESampler.multiObjectiveGood([[.nan, 0], [1, 1], [2, 2]], count: 1) == [1])
  }

  @Test func aMultiObjectiveSplitFlipsMaximizedObjectivesAndRanksInfeasibleTrialsLast() throws {
    let d = Distribution.float(low: 0, high: 1, step: nil, log: false)
    // The second objective is maximized: the stored value is the negated one.
    var trials = Self.ranked.enumerated().map { i, v in
      FrozenTrial(
        number: i, state: .complete, values: [v[0], -v[1]], params: [Param(name: "x", distribution: d, value: .float(0.5))])
    }
    trials.append(
      FrozenTrial(
        number: 7, state: .complete, values: [0, 0], params: [Param(name: "x", distribution: d, value: .float(0.5))],
        systemAttrs: [(FrozenTrial.constraintsKey, .array([.number(1)]))]))
    trials.append(FrozenTrial(number: 8, state: .fail, params: [Param(name: "x", distribution: d, value: .float(0.5))]))
    var options = TPESampler.Options()
    options.gamma = .init(fraction: 1, power: 1, max: 4)
    let sampler = try TPESampler(seed: 0, options: options)
    let (below, above) = sampler.split(trials, excluding: -1, pending: [:], directions: [.minimize, .maximize])
    // Trial 7 would dominate every other, but it is infeasible.
    #expect(below.map(\.index) == [0, 1, 2, 4])
    #expect(above.map(\.index) == [3, 5, 6, 7])
    // Without a gamma, Optuna's multi-objective default: ⌈0.1 · 8⌉ = 1 good trial, the
    // front's largest box against 1.1 × its worst values (5.5, 5.5): [2, 4], 3.5 × 1.5.
    let (one, _) = TPESampler(seed: 0).split(trials, excluding: -1, pending: [:], directions: [.minimize, .maximize])
    #expect(one.map(\.index) == [1])
  }

  @Test func aMultiObjectiveStudyStartsAtRandomThenSamplesByTPE() throws {
    let tpe = try Study(optionsJSON: #"{"directions": ["minimize", "maximize"], "sampler": {"type": "tpe", "seed": 4}}"#)
    let random = try Study(
      optionsJSON: #"{"directions": ["minimize", "maximize"], "sampler": {"type": "random", "seed": 4}}"#)
    var differ = 0
    for i in 0..<15 {
      let (a, b) = (try tpe.ask(), try random.ask())
      let x = try tpe.suggestFloat(trial: a, "x", 0, 1)
      let y = try random.suggestFloat(trial: b, "x", 0, 1)
      if i < 10 { #expect(x == y) } else if x != y { differ += 1 }
      try tpe.tell(trial: a, values: [x, x])
      try random.tell(trial: b, values: [y, y])
    }
    #expect(differ == 5)
    // Independent sampling by default for several objectives: the relative space is empty.
    let history = StudyHistory(directions: [.minimize, .maximize], trials: try tpe.trials)
    #expect(try TPESampler(seed: 0).inferRelativeSearchSpace(history, try tpe.trials[0]).isEmpty)
  }

  @Test func theDefaultSamplerIsTPE() throws {
    #expect(try makeSampler(nil) is TPESampler)
    #expect(try Study().sampler is TPESampler)
    #expect(try Study(optionsJSON: "{}").sampler is TPESampler)
  }
}

extension TPESamplerTests {
}

extension TPESamplerTests {
  /// log Σ_k w_k Π_j p_kj(x_j) over every kernel, in log space, from the kernels' own centres and
  /// bandwidths and this suite's formulas: no kernel is skipped.
  static func directLogDensity(_ pe: ParzenEstimator, _ x: [Double]) -> Double {
    var terms = pe.logWeights
    for (j, dim) in pe.dimensions.enumerated() {
      for k in terms.indices {
        switch dim {
        case .categorical(let c):
          terms[k] += log(c.probabilities[k * c.count + Int(x[j])])
        case .numeric(let m):
          if let step = m.step {
            terms[k] += log(truncatedMass(x[j] - step / 2, x[j] + step / 2, mu: m.mu[k], sigma: m.sigma[k], low: m.low, high: m.high))
          } else {
            let z = (x[j] - m.mu[k]) / m.sigma[k]
            let mass = phi((m.high - m.mu[k]) / m.sigma[k]) - phi((m.low - m.mu[k]) / m.sigma[k])
            terms[k] += -0.5 * z * z - log((2 * Double.pi).squareRoot() * m.sigma[k] * mass)
          }
        }
      }
    }
    let top = terms.max() ?? -.infinity
    return top + log(terms.reduce(0) { $0 + exp($1 - top) })
  }

  @Test func aThousandKernelsGiveTheDirectMixtureThoughFarKernelsAreSkipped() throws {
    // Far kernels are dropped dimension by dimension; the density must still be the whole sum.
    let space: [Distribution] = [
      .float(low: 0, high: 10, step: nil, log: false), .float(low: -3, high: 3, step: nil, log: false),
      .int(low: 0, high: 20, step: 2, log: false), .categorical([.int(0), .int(1), .int(2)]),
    ]
    var rng = Xoshiro256(seed: 21)
    let n = 1000
    let columns: [[Double]] = [
      (0..<n).map { _ in 10 * rng.nextUnit() }, (0..<n).map { _ in 6 * rng.nextUnit() - 3 },
      (0..<n).map { _ in 2 * Double(Int(rng.nextUnit() * 11)) }, (0..<n).map { _ in Double(Int(rng.nextUnit() * 3)) },
    ]
    let pe = Self.estimator(space, columns, weights: (0..<n).map { _ in 0.1 + rng.nextUnit() })
    var points: [Double] = []
    for i in 0..<40 {
      // Half at observations, half anywhere.
      if i % 2 == 0 {
        points += columns.map { $0[i * 7] }
      } else {
        points += [10 * rng.nextUnit(), 6 * rng.nextUnit() - 3, 2 * Double(Int(rng.nextUnit() * 11)), Double(i % 3)]
      }
    }
    let got = pe.logPDF(points)
    for i in 0..<40 {
      let x = Array(points[(4 * i)..<(4 * i + 4)])
      #expect(Self.close(got[i], Self.directLogDensity(pe, x), 1e-11), "point \(i): \(x)")
    }
  }

  /// A finished, pruned, failed or running trial of a mixed space, with the parameters of `point`.
  static func mixedTrial(_ number: Int, _ point: [String: ParamValue], _ space: SearchSpace) -> FrozenTrial {
    let params = zip(space.names, space.distributions).compactMap { name, d in
      point[name].map { Param(name: name, distribution: d, value: $0) }
    }
    let value = params.reduce(0.0) { $0 + abs($1.value.double - 3) }
    switch number % 11 {
    case 3: return FrozenTrial(number: number, state: .pruned, params: params, intermediateValues: [2: value])
    case 5: return FrozenTrial(number: number, state: .fail, params: params)
    case 8: return FrozenTrial(number: number, state: .running, params: params)
    default: return FrozenTrial(number: number, state: .complete, values: [value], params: params)
    }
  }

  /// RandomSampler's draw of every parameter of `space`.
  static func randomPoint(_ space: SearchSpace, trial: Int) -> [String: ParamValue] {
    var point: [String: ParamValue] = [:]
    for (name, d) in zip(space.names, space.distributions) { point[name] = RandomSampler.draw(d, seed: 2, trial: trial, name: name) }
    return point
  }

  @Test(arguments: [false, true]) func theMemoKeptBetweenAsksProposesWhatAFreshSamplerDoes(liar: Bool) throws {
    // One sampler through a whole study, against a new one (no memo) at every ask.
    var options = TPESampler.Options()
    options.nStartupTrials = 4
    options.constantLiar = liar
    let space = SearchSpace([
      ("a", .float(low: -5, high: 5, step: nil, log: false)), ("b", .float(low: 1e-3, high: 10, step: nil, log: true)),
      ("c", .int(low: 0, high: 12, step: 3, log: false)), ("d", .categorical([.string("x"), .string("y")])),
      ("e", .float(low: 0, high: 1, step: 0.25, log: false)),
    ])
    let kept = try TPESampler(seed: 6, options: options)
    var trials: [FrozenTrial] = []
    for number in 0..<90 {
      // A running trial finishes some asks later, as a slow worker's does.
      if number >= 6, trials[number - 6].state == .running {
        let t = trials[number - 6]
        trials[number - 6] = FrozenTrial(number: t.number, state: .complete, values: [-1], params: t.params)
      }
      let history = StudyHistory(directions: [.minimize], trials: trials, studyName: "memo")
      let trial = FrozenTrial(number: number, state: .running)
      let fresh = try TPESampler(seed: 6, options: options)
      let joint = try kept.inferRelativeSearchSpace(history, trial)
      #expect(joint == (try fresh.inferRelativeSearchSpace(history, trial)), "ask \(number)")
      let point = try kept.sampleRelative(history, trial, space)
      #expect(point == (try fresh.sampleRelative(history, trial, space)), "ask \(number)")
      kept.afterTrial(history, trial, state: .complete, values: nil)
      // Every third trial lacks `e`, so the joint space of the finished trials shrinks once one finishes.
      var own = point.isEmpty ? Self.randomPoint(space, trial: number) : point
      if number % 3 == 1 { own["e"] = nil }
      trials.append(Self.mixedTrial(number, own, space))
    }
    // Another study's history under the same name, as long: the memo must not serve it.
    let other = (0..<100).map { i in
      FrozenTrial(
        number: i, state: .complete, values: [Double(i % 7)], params: Self.mixedTrial(i, Self.randomPoint(space, trial: i + 500), space).params)
    }
    let history = StudyHistory(directions: [.minimize], trials: other, studyName: "memo")
    let trial = FrozenTrial(number: 100, state: .running)
    #expect(
      (try kept.sampleRelative(history, trial, space))
        == (try TPESampler(seed: 6, options: options).sampleRelative(history, trial, space)))
  }
}
