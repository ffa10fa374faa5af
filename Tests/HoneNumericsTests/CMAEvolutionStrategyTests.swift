import HoneNumerics
internal import HonePlatform
import HoneSupport
import XCTest

/// CMA-ES against Hansen's tutorial (arXiv:1604.00772), restated here in 2-D with
/// closed-form 2×2 algebra, so that nothing in the expected values goes through LAPACK.
final class CMAEvolutionStrategyTests: XCTestCase {
  typealias Vec = [Double]

  /// The symmetric 2×2 matrix [[a, b], [b, c]].
  struct Sym2: Equatable {
    var a, b, c: Double
    func times(_ v: Vec) -> Vec { [a * v[0] + b * v[1], b * v[0] + c * v[1]] }
    /// M^(-1/2): √M = (M + √det·I)/√(tr + 2√det) for a symmetric positive definite 2×2 M, then its inverse.
    var inverseSqrt: Sym2 {
      let s = (a * c - b * b).squareRoot()
      let t = (a + c + 2 * s).squareRoot()
      let r = Sym2(a: (a + s) / t, b: b / t, c: (c + s) / t)
      let det = r.a * r.c - r.b * r.b
      return Sym2(a: r.c / det, b: -r.b / det, c: r.a / det)
    }
  }

  func testConstantsAreTheTutorialDefaults() throws {
    let cma = try CMAEvolutionStrategy(mean: [0, 0], sigma: 1)
    // λ = 4 + ⌊3 ln 2⌋ = 6, μ = 3.
    XCTAssertEqual(cma.populationSize, 6)
    XCTAssertEqual(cma.mu, 3)
    let raw = (1...6).map { log(3.5) - log(Double($0)) }
    let positive = raw[0..<3].reduce(0, +)
    for i in 0..<3 { XCTAssertEqual(cma.weights[i], raw[i] / positive, accuracy: 1e-15) }
    let muEff = 1 / (0..<3).map { pow(raw[$0] / positive, 2) }.reduce(0, +)
    XCTAssertEqual(cma.muEff, muEff, accuracy: 1e-13)
    XCTAssertEqual(cma.cSigma, (muEff + 2) / (2 + muEff + 5), accuracy: 1e-15)
    XCTAssertEqual(cma.dSigma, 1 + 2 * max(0, ((muEff - 1) / 3).squareRoot() - 1) + cma.cSigma, accuracy: 1e-15)
    XCTAssertEqual(cma.cc, (4 + muEff / 2) / (2 + 4 + 2 * muEff / 2), accuracy: 1e-15)
    XCTAssertEqual(cma.c1, 2 / (3.3 * 3.3 + muEff), accuracy: 1e-15)
    XCTAssertEqual(cma.cMu, min(1 - cma.c1, 2 * (muEff - 2 + 1 / muEff) / (16 + muEff)), accuracy: 1e-12)
    XCTAssertEqual(cma.chiN, 2.0.squareRoot() * (1 - 1.0 / 8 + 1.0 / 84), accuracy: 1e-15)
    // Active CMA: negative weights, scaled by α⁻ (tutorial eq. 53), sum to −α⁻.
    let muEffMinus = pow(raw[3..<6].reduce(0, +), 2) / raw[3..<6].map { $0 * $0 }.reduce(0, +)
    let alpha = min(1 + cma.c1 / cma.cMu, 1 + 2 * muEffMinus / (muEff + 2), (1 - cma.c1 - cma.cMu) / (2 * cma.cMu))
    XCTAssertEqual(cma.weights[3...].reduce(0, +), -alpha, accuracy: 1e-13)
    XCTAssert(cma.weights[3...].allSatisfy { $0 < 0 })
  }

  /// One generation from a non-identity covariance and non-zero paths, checked term by term.
  func testUpdatesMatchTheTutorialFormulas() throws {
    let c0 = Sym2(a: 2, b: 0.6, c: 1)
    var cma = try CMAEvolutionStrategy(
      mean: [0.3, -0.2], sigma: 0.5, covariance: try Matrix(rowMajor: [[c0.a, c0.b], [c0.b, c0.c]]))
    // A first generation gives the paths non-zero values; the expected values start from its result.
    let first: [(x: Vec, value: Double)] = [
      ([0.9, 0.1], 3), ([-0.4, 0.5], 1), ([0.2, -1.0], 6), ([1.1, -0.6], 2), ([0.0, 0.0], 5), ([0.5, 0.8], 4),
    ]
    try cma.tell(first)
    XCTAssertEqual(cma.generation, 1)
    let m = cma.mean, sigma = cma.sigma, ps = cma.pathSigma, pc = cma.pathC
    let c = Sym2(a: cma.covariance[0, 0], b: cma.covariance[1, 0], c: cma.covariance[1, 1])
    XCTAssertEqual(cma.covariance[0, 1], c.b)

    let second: [(x: Vec, value: Double)] = [
      ([0.4, 0.2], 0.5), ([-0.3, -0.1], 2.5), ([0.8, 0.6], -1), ([0.1, 0.9], 4), ([-0.7, 0.3], 3), ([0.6, -0.5], 0),
    ]
    try cma.tell(second)

    // The tutorial's update, written out.
    let n = 2.0, w = cma.weights, muEff = cma.muEff, cs = cma.cSigma, cc = cma.cc, c1 = cma.c1, cmu = cma.cMu
    let ranked = second.sorted { $0.value < $1.value }.map { s in [(s.x[0] - m[0]) / sigma, (s.x[1] - m[1]) / sigma] }
    var yw: Vec = [0, 0]
    for i in 0..<3 { yw = [yw[0] + w[i] * ranked[i][0], yw[1] + w[i] * ranked[i][1]] }
    let mean = [m[0] + sigma * yw[0], m[1] + sigma * yw[1]]
    let cInvSqrt = c.inverseSqrt
    let white = cInvSqrt.times(yw)
    let k = (cs * (2 - cs) * muEff).squareRoot()
    let newPs = [(1 - cs) * ps[0] + k * white[0], (1 - cs) * ps[1] + k * white[1]]
    let psNorm = (newPs[0] * newPs[0] + newPs[1] * newPs[1]).squareRoot()
    let newSigma = sigma * exp(cs / cma.dSigma * (psNorm / cma.chiN - 1))
    // h_σ with the generation counter g = 2 as the `cmaes` package counts it.
    let hSigma: Double = psNorm / (1 - pow(1 - cs, 2 * 3)).squareRoot() < (1.4 + 2 / (n + 1)) * cma.chiN ? 1 : 0
    let kc = (cc * (2 - cc) * muEff).squareRoot()
    let newPc = [(1 - cc) * pc[0] + hSigma * kc * yw[0], (1 - cc) * pc[1] + hSigma * kc * yw[1]]
    var rankMu = Sym2(a: 0, b: 0, c: 0)
    for (i, y) in ranked.enumerated() {
      let wy = cInvSqrt.times(y)
      let wi = w[i] >= 0 ? w[i] : w[i] * n / (wy[0] * wy[0] + wy[1] * wy[1] + 1e-8)
      rankMu.a += wi * y[0] * y[0]
      rankMu.b += wi * y[0] * y[1]
      rankMu.c += wi * y[1] * y[1]
    }
    let decay = 1 + c1 * (1 - hSigma) * cc * (2 - cc) - c1 - cmu * w.reduce(0, +)
    let newC = Sym2(
      a: decay * c.a + c1 * newPc[0] * newPc[0] + cmu * rankMu.a,
      b: decay * c.b + c1 * newPc[0] * newPc[1] + cmu * rankMu.b,
      c: decay * c.c + c1 * newPc[1] * newPc[1] + cmu * rankMu.c)

    XCTAssertEqual(cma.generation, 2)
    for i in 0..<2 {
      XCTAssertEqual(cma.mean[i], mean[i], accuracy: 1e-13)
      XCTAssertEqual(cma.pathSigma[i], newPs[i], accuracy: 1e-12)
      XCTAssertEqual(cma.pathC[i], newPc[i], accuracy: 1e-12)
    }
    XCTAssertEqual(cma.sigma, newSigma, accuracy: 1e-13)
    XCTAssertEqual(cma.covariance[0, 0], newC.a, accuracy: 1e-12)
    XCTAssertEqual(cma.covariance[1, 0], newC.b, accuracy: 1e-12)
    XCTAssertEqual(cma.covariance[0, 1], newC.b, accuracy: 1e-12)
    XCTAssertEqual(cma.covariance[1, 1], newC.c, accuracy: 1e-12)
    // B·D²·Bᵀ reproduces C: the decomposition `ask` draws with is C's.
    for i in 0..<2 {
      for j in 0..<2 {
        let r = (0..<2).map { cma.eigenvectors[i, $0] * cma.scales[$0] * cma.scales[$0] * cma.eigenvectors[j, $0] }
        XCTAssertEqual(r.reduce(0, +), cma.covariance[i, j], accuracy: 1e-12)
      }
    }
  }

  func testEigendecompositionThroughDsyevd() throws {
    let a = try Matrix<Double>(rowMajor: [[4, 1, 0.5], [1, 3, -0.2], [0.5, -0.2, 1]])
    let (values, vectors) = try Matrix.syevd(a)
    XCTAssertEqual(values, values.sorted())
    XCTAssertEqual(values.reduce(0, +), 8, accuracy: 1e-12)
    for k in 0..<3 {
      for i in 0..<3 {
        let av = (0..<3).map { a[i, $0] * vectors[$0, k] }.reduce(0, +)
        XCTAssertEqual(av, values[k] * vectors[i, k], accuracy: 1e-12)
      }
    }
    XCTAssertThrowsError(try Matrix.syevd(Matrix<Double>(rows: 2, cols: 3)))
  }

  func testAskStaysInTheBoxAndTellRefusesAWrongGeneration() throws {
    let cma = try CMAEvolutionStrategy(mean: [0.5, 0.5, 0.5], sigma: 2, bounds: Array(repeating: (0, 1), count: 3))
    var rng = Xoshiro256(seed: 3)
    for _ in 0..<200 { XCTAssert(cma.isFeasible(cma.ask(using: &rng))) }
    var copy = cma
    XCTAssertThrowsError(try copy.tell([([0.5, 0.5, 0.5], 1)]))
    XCTAssertEqual(copy, cma, "a refused generation changes nothing")
    XCTAssertThrowsError(try CMAEvolutionStrategy(mean: [0], sigma: 0))
    XCTAssertThrowsError(try CMAEvolutionStrategy(mean: [0, 0], sigma: 1, populationSize: 1))
  }

  /// Unbounded draws are N(m, σ²C) for a correlated C: the sample mean and covariance of
  /// 40,000 draws lie within five standard errors of m and σ²C. A B applied transposed,
  /// or D to the wrong axes, would turn or stretch the ellipse by far more.
  func testDrawsHaveTheMeanAndCovarianceOfTheState() throws {
    let c: [[Double]] = [[2, 0.9, -0.3], [0.9, 1, 0.2], [-0.3, 0.2, 0.5]]
    let (mean, sigma) = ([1.0, -2.0, 0.5], 0.7)
    let cma = try CMAEvolutionStrategy(mean: mean, sigma: sigma, covariance: try Matrix(rowMajor: c))
    var rng = Xoshiro256(seed: 17)
    let n = 40_000
    let draws = (0..<n).map { _ in cma.ask(using: &rng) }
    for i in 0..<3 {
      let m = draws.map { $0[i] }.reduce(0, +) / Double(n)
      let sd = sigma * c[i][i].squareRoot()
      XCTAssertEqual(m, mean[i], accuracy: 5 * sd / Double(n).squareRoot(), "mean \(i)")
      for j in 0...i {
        let mj = draws.map { $0[j] }.reduce(0, +) / Double(n)
        let cov = draws.map { ($0[i] - m) * ($0[j] - mj) }.reduce(0, +) / Double(n - 1)
        // The variance of a sample covariance: (Σ_ii Σ_jj + Σ_ij²)/n.
        let (sii, sjj, sij) = (sigma * sigma * c[i][i], sigma * sigma * c[j][j], sigma * sigma * c[i][j])
        XCTAssertEqual(cov, sij, accuracy: 5 * ((sii * sjj + sij * sij) / Double(n)).squareRoot(), "cov \(i),\(j)")
      }
    }
  }

  /// On a convex quadratic CMA-ES converges linearly once C has adapted: log‖m − x*‖
  /// falls by a rate that does not shrink. The bound is loose (below a third of the
  /// rate measured, about 0.14 per generation)) and holds for every seed, over a window of many generations.
  func testConvergesLinearlyOnAConvexQuadratic() throws {
    let n = 4
    let scales = (0..<n).map { pow(10, Double($0) / Double(n - 1)) }  // condition number 100
    let optimum = [0.7, -1.2, 2.0, 0.1]
    func f(_ x: Vec) -> Double { (0..<n).map { scales[$0] * pow(x[$0] - optimum[$0], 2) }.reduce(0, +) }
    func distance(_ m: Vec) -> Double { zip(m, optimum).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot() }
    var rates: [Double] = []
    for seed in 0..<8 {
      var cma = try CMAEvolutionStrategy(mean: Array(repeating: 3, count: n), sigma: 1)
      var rng = Xoshiro256(seed: UInt64(seed))
      var logDistance: [Double] = []
      for _ in 0..<200 {
        let population = (0..<cma.populationSize).map { _ in cma.ask(using: &rng) }
        try cma.tell(population.map { ($0, f($0)) })
        logDistance.append(log(distance(cma.mean)))
      }
      let rate = (logDistance[59] - logDistance[199]) / 140
      rates.append(rate)
    }
    for r in rates { XCTAssertGreaterThan(r, 0.03, "per-generation log-distance decrease \(rates)") }
    XCTAssertGreaterThan(rates.sorted()[rates.count / 2], 0.06, "median rate \(rates)")
  }

  /// The value-range test stops a search whose values have been flat for 10 + ⌈30n/λ⌉ generations, and not before.
  func testAFlatObjectiveStopsAfterTheValueHistory() throws {
    var cma = try CMAEvolutionStrategy(mean: [0.5, 0.5], sigma: 0.2, bounds: [(0, 1), (0, 1)])
    var rng = Xoshiro256(seed: 9)
    XCTAssertEqual(cma.valueHistoryLength, 10 + 10)
    for _ in 0...cma.valueHistoryLength {
      XCTAssertFalse(cma.shouldStop(), "generation \(cma.generation)")
      try cma.tell((0..<cma.populationSize).map { _ in (cma.ask(using: &rng), 3.0) })
    }
    XCTAssert(cma.shouldStop())
  }
}

extension CMAEvolutionStrategyTests {
  /// sep-CMA-ES: the diagonal update, term by term, with its own constants.
  func testSeparableUpdatesMatchTheirFormulas() throws {
    let c0: Vec = [2, 0.5]
    var cma = try CMAEvolutionStrategy(
      mean: [0.3, -0.2], sigma: 0.5, covariance: try Matrix(rowMajor: [[c0[0], 0], [0, c0[1]]]), separable: true)
    let n = 2.0
    // λ = 6, μ = 3: weights ∝ ln 4 − ln i on the three best, none on the rest.
    let raw = (1...3).map { log(4.0) - log(Double($0)) }
    let w = raw.map { $0 / raw.reduce(0, +) }
    XCTAssertEqual(Array(cma.weights.prefix(3)), w)
    XCTAssertEqual(Array(cma.weights.suffix(3)), [0, 0, 0])
    let muEff = 1 / w.map { $0 * $0 }.reduce(0, +)
    let cs = (muEff + 2) / (n + muEff + 3), cc = 4 / (n + 4), c1 = 2 / (3.3 * 3.3 + muEff)
    let cmu = (n + 2) / 3 * (2 / muEff / pow(n + 2.0.squareRoot(), 2) + (1 - 1 / muEff) * min(1, (2 * muEff - 1) / (16 + muEff)))
    XCTAssertEqual(cma.cSigma, cs, accuracy: 1e-15)
    XCTAssertEqual(cma.cc, cc, accuracy: 1e-15)
    XCTAssertEqual(cma.c1, c1, accuracy: 1e-15)
    XCTAssertEqual(cma.cMu, cmu, accuracy: 1e-15)
    let population: [(x: Vec, value: Double)] = [
      ([0.9, 0.1], 3), ([-0.4, 0.5], 1), ([0.2, -1.0], 6), ([1.1, -0.6], 2), ([0.0, 0.0], 5), ([0.5, 0.8], 4),
    ]
    let m: Vec = [0.3, -0.2], sigma = 0.5
    try cma.tell(population)
    let y = population.sorted { $0.value < $1.value }.map { s in [(s.x[0] - m[0]) / sigma, (s.x[1] - m[1]) / sigma] }
    let yw = [0, 1].map { j in (0..<3).map { w[$0] * y[$0][j] }.reduce(0, +) }
    let ps = [0, 1].map { (cs * (2 - cs) * muEff).squareRoot() * yw[$0] / c0[$0].squareRoot() }
    let psNorm = (ps[0] * ps[0] + ps[1] * ps[1]).squareRoot()
    let hSigma: Double = psNorm / (1 - pow(1 - cs, 4)).squareRoot() < (1.4 + 2 / (n + 1)) * cma.chiN ? 1 : 0
    let pc = [0, 1].map { hSigma * (cc * (2 - cc) * muEff).squareRoot() * yw[$0] }
    let decay = 1 + c1 * (1 - hSigma) * cc * (2 - cc) - c1 - cmu
    for j in 0..<2 {
      XCTAssertEqual(cma.mean[j], m[j] + sigma * yw[j], accuracy: 1e-13)
      XCTAssertEqual(cma.pathSigma[j], ps[j], accuracy: 1e-12)
      let rankMu = (0..<3).map { w[$0] * y[$0][j] * y[$0][j] }.reduce(0, +)
      XCTAssertEqual(cma.covariance[j, j], decay * c0[j] + c1 * pc[j] * pc[j] + cmu * rankMu, accuracy: 1e-12)
      XCTAssertEqual(cma.scales[j], cma.covariance[j, j].squareRoot(), accuracy: 1e-15)
    }
    XCTAssertEqual(cma.covariance[0, 1], 0)
    XCTAssertEqual(cma.sigma, sigma * exp(cs / cma.dSigma * (psNorm / cma.chiN - 1)), accuracy: 1e-13)
  }
}

extension CMAEvolutionStrategyTests {
  /// Three generations from a non-identity covariance, against the `cmaes` package 0.12.0
  /// (`CMA(mean=[0.3, -0.2], sigma=0.5, cov=[[2, 0.6], [0.6, 1]], lr_adapt=...)`, told
  /// these solutions), with learning-rate adaptation and without: without it, the
  /// update is the plain one.
  func testLearningRateAdaptationMatchesTheCmaesPackage() throws {
    let generations: [[(x: Vec, value: Double)]] = [
      [([0.9, 0.1], 3), ([-0.4, 0.5], 1), ([0.2, -1.0], 6), ([1.1, -0.6], 2), ([0.0, 0.0], 5), ([0.5, 0.8], 4)],
      [([0.4, 0.2], 0.5), ([-0.3, -0.1], 2.5), ([0.8, 0.6], -1), ([0.1, 0.9], 4), ([-0.7, 0.3], 3), ([0.6, -0.5], 0)],
      [([0.2, 0.4], 1.5), ([0.7, -0.2], 0.25), ([-0.1, 0.6], 2), ([0.9, 0.5], -0.5), ([0.3, -0.4], 3.5), ([-0.5, -0.3], 1)],
    ]
    // (mean, sigma, C00, C10, C11) after the three tells, printed by the package.
    let expected: [Bool: (mean: Vec, sigma: Double, c: Vec)] = [
      true: (
        [0.7056511033533096, 0.23692204817983067], 0.512240135318241,
        [1.743216035081303, 0.5280443302892972, 0.7336043204140376]
      ),
      false: (
        [0.733343908663343, 0.23809108273677665], 0.38003753524158007,
        [1.7574431973905573, 0.5006083178301093, 0.7016505324593927]
      ),
    ]
    for adapt in [true, false] {
      var cma = try CMAEvolutionStrategy(
        mean: [0.3, -0.2], sigma: 0.5, covariance: try Matrix(rowMajor: [[2, 0.6], [0.6, 1]]),
        learningRateAdaptation: adapt)
      for g in generations { try cma.tell(g) }
      let e = try XCTUnwrap(expected[adapt])
      for i in 0..<2 { XCTAssertEqual(cma.mean[i], e.mean[i], accuracy: 1e-12, "lr_adapt \(adapt)") }
      XCTAssertEqual(cma.sigma, e.sigma, accuracy: 1e-12, "lr_adapt \(adapt)")
      XCTAssertEqual(cma.covariance[0, 0], e.c[0], accuracy: 1e-12, "lr_adapt \(adapt)")
      XCTAssertEqual(cma.covariance[1, 0], e.c[1], accuracy: 1e-12, "lr_adapt \(adapt)")
      XCTAssertEqual(cma.covariance[1, 1], e.c[2], accuracy: 1e-12, "lr_adapt \(adapt)")
      if adapt {
        let rates = try XCTUnwrap(cma.learningRates)
        XCTAssertEqual(rates.etaMean, 0.765024632861733, accuracy: 1e-12)
        XCTAssertEqual(rates.etaSigma, 0.9153323337803159, accuracy: 1e-12)
        XCTAssertEqual(rates.meanSecondMoment, 0.12638280237152344, accuracy: 1e-12)
        XCTAssertEqual(rates.covarianceSecondMoment, 0.006891411296430054, accuracy: 1e-12)
        // Σ is split so that det C = 1.
        XCTAssertEqual(cma.covariance[0, 0] * cma.covariance[1, 1] - pow(cma.covariance[1, 0], 2), 1, accuracy: 1e-12)
      } else {
        XCTAssertNil(cma.learningRates)
      }
    }
  }

  /// After one generation, whatever its candidates, E = β·s and V = β‖s‖² for the
  /// step s, so the estimated ratio is β/(2 − β) and η = exp(β·(β/(2 − β)/α − 1)).
  func testTheFirstAdaptationDependsOnlyOnTheConstants() throws {
    var rng = Xoshiro256(seed: 21)
    typealias R = CMAEvolutionStrategy.LearningRates
    func eta(_ beta: Double) -> Double { exp(min(R.gamma, beta) * (beta / (2 - beta) / R.alpha - 1)) }
    for n in [1, 3, 5] {
      var cma = try CMAEvolutionStrategy(
        mean: Array(repeating: 0.5, count: n), sigma: 0.3, bounds: Array(repeating: (0, 1), count: n),
        learningRateAdaptation: true)
      let population = (0..<cma.populationSize).map { _ in cma.ask(using: &rng) }
      try cma.tell(population.map { ($0, $0.map { ($0 - 0.2) * ($0 - 0.2) }.reduce(0, +)) })
      let rates = try XCTUnwrap(cma.learningRates)
      XCTAssertEqual(rates.etaMean, eta(R.betaMean), accuracy: 1e-12, "n = \(n)")
      XCTAssertEqual(rates.etaSigma, eta(R.betaSigma), accuracy: 1e-12, "n = \(n)")
    }
    XCTAssertThrowsError(try CMAEvolutionStrategy(mean: [0, 0], sigma: 1, separable: true, learningRateAdaptation: true))
  }

  /// LRA-CMA-ES still converges on a convex quadratic (condition number 100): the
  /// median over seeds of the mean's final distance to the optimum is far below the start's.
  func testLearningRateAdaptationConvergesOnAConvexQuadratic() throws {
    let n = 4
    let scales = (0..<n).map { pow(10, Double($0) / Double(n - 1)) }
    let optimum = [0.7, -1.2, 2.0, 0.1]
    func f(_ x: Vec) -> Double { (0..<n).map { scales[$0] * pow(x[$0] - optimum[$0], 2) }.reduce(0, +) }
    var distances: [Double] = []
    for seed in 0..<8 {
      var cma = try CMAEvolutionStrategy(mean: Array(repeating: 3, count: n), sigma: 1, learningRateAdaptation: true)
      var rng = Xoshiro256(seed: UInt64(seed))
      for _ in 0..<300 {
        let population = (0..<cma.populationSize).map { _ in cma.ask(using: &rng) }
        try cma.tell(population.map { ($0, f($0)) })
      }
      distances.append(zip(cma.mean, optimum).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot())
    }
    XCTAssertLessThan(distances.sorted()[distances.count / 2], 1e-4, "median final distance \(distances)")
    XCTAssert(distances.allSatisfy { $0 < 1e-1 }, "every seed gets closer than the start's 4: \(distances)")
  }
}
