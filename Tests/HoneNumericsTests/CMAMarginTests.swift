import HoneNumerics
internal import HonePlatform
import HoneSupport
import XCTest

/// CMA-ES with margin and the warm start against the `cmaes` package (0.12) that Optuna uses.
final class CMAMarginTests: XCTestCase {
  // MARK: - Reference values, pasted from `/work/bench-venv/bin/python scripts/cma_reference.py`

  // CMAwM(mean: [0.5, 0.3, 0.4], sigma: 0.05, steps: [0.2, 0.5, 0], population_size: 6)
  static let generations: [(population: [(x: [Double], value: Double)], mean: [Double], sigma: Double, a: [Double])] = [
    (population: [([0.5253578855570054, 0.2930109394418875, 0.4004923024551788], 0.4375917847836943), ([0.5061127442449476, 0.2881661545706139, 0.40003098359358924], 0.4571334499706976), ([0.499986644212131, 0.2736791354048187, 0.41526487008495244], 0.48336330160958296), ([0.5090074777387933, 0.2906185653904986, 0.3974267760820642], 0.4513219303031716), ([0.5075794906129513, 0.2960796537721253, 0.3963587638199118], 0.4464863356588959), ([0.47820137881263813, 0.3083187046783783, 0.4018582135793056], 0.460411311394136)],
     mean: [0.5000000000000001, 0.44138797599765955, 0.3990757223606132], sigma: 0.04075555262784703, a: [1.3546646251558971, 1.0, 1.0]),
    (population: [([0.5033557297601103, 0.4227236707287633, 0.4192582758016896], 0.34773829725004307), ([0.5018870090112917, 0.43665454529777453, 0.4238845102642928], 0.3406381469830246), ([0.49944508018143374, 0.4236510123769101, 0.39412113680416744], 0.33976582002992506), ([0.4720215360297484, 0.4542185968859316, 0.3939836300586364], 0.34035999309259574), ([0.49092104621735966, 0.4545007098644253, 0.3788885729376383], 0.3187164714397504), ([0.5065465157930727, 0.4161470661513661, 0.3909797214158699], 0.3386219730508578)],
     mean: [0.5000000000000001, 0.4546357585947027, 0.38352339176627004], sigma: 0.033445292236413564, a: [1.7171370605648129, 1.0, 1.0]),
    (population: [([0.48791735460410857, 0.4693046192231038, 0.4012443217759302], 0.31967081855070656), ([0.4966947982401723, 0.4630713292876101, 0.38171748242973047], 0.3091972583351529), ([0.505699698749016, 0.4470821005824752, 0.3663826205996168], 0.307706947733491), ([0.48190845153081807, 0.45847984528295843, 0.4060748337773513], 0.3339033960956733), ([0.5027031652142676, 0.4493720921533725, 0.40270780064993805], 0.32187515713599973), ([0.5023809888827065, 0.45565350537813465, 0.3860576526196878], 0.31129283645860917)],
     mean: [0.5000000000000001, 0.46238215266745103, 0.37228873628408743], sigma: 0.02870876607197621, a: [2.1165570212295233, 1.0, 1.0]),
  ]
  static let probe: [Double] = [0.33, 0.62, 0.5]
  static let probeEncoded: [Double] = [0.1, 0.75, 0.5]
  static let sources: [(x: [Double], value: Double)] = [
    ([0.5507979025745755, 0.7081478226181048, 0.2909047389129443], 0.2685779249206096),
    ([0.510827605197663, 0.8929469543476547, 0.8962930889334381], 0.5819888718116693),
    ([0.12558531046383625, 0.20724287813818676, 0.05146720330082988], 0.2740807288147164),
    ([0.44080984365063647, 0.029876210878566956, 0.4568332243947111], 0.7354718857428663),
    ([0.6491440476147607, 0.2784872826479753, 0.6762549019801313], 0.717530797387324),
    ([0.5908628174163508, 0.023981882377165364, 0.558854087990882], 0.8892012813884091),
    ([0.2592524469074654, 0.41510119701006964, 0.28352508177131874], 0.22644072129527648),
    ([0.6931379183129963, 0.4404537176707395, 0.15686773847496327], 0.3889831483864972),
    ([0.5446490180318447, 0.780314764511367, 0.30636353237617975], 0.27841517321692105),
    ([0.2219578839321814, 0.38797125755564876, 0.9363836498604304], 0.5660359097083976),
    ([0.9759954224729338, 0.6723836759128137, 0.9028341085383981], 1.0543486113242344),
    ([0.8457508712931793, 0.37799404132888914, 0.09221700887172424], 0.5667905296314634),
    ([0.6534109025235362, 0.5578407623884509, 0.3615647630625781], 0.40657307689679356),
    ([0.22505450483983191, 0.4065199163762486, 0.46894024869916906], 0.32122841204615776),
    ([0.26923557825106126, 0.2917927742254326, 0.45768639932297794], 0.4002699041318164),
    ([0.8605339129469265, 0.5862529044678214, 0.2834878624322098], 0.5909873831110894),
    ([0.2779775066236013, 0.4546220755219468, 0.20541034460498753], 0.1689959896628847),
    ([0.20137871104307314, 0.5140350598174419, 0.08722936878080467], 0.07819954421164502),
    ([0.4835855323515865, 0.3621762123878334, 0.7076866218156711], 0.5483889765435985),
    ([0.7467462231020046, 0.6910929218557643, 0.6891804137549141], 0.6436009753948315),
    ([0.3736001241489283, 0.6681348047352675, 0.3398486639568179], 0.2010767257521918),
    ([0.572793869868875, 0.3258071580648745, 0.44514504926353204], 0.5015680769990636),
    ([0.061528930829939266, 0.24267542218433813, 0.9716026061735676], 0.7141213095581569),
    ([0.23058420435507399, 0.6914775109473302, 0.6504768582137396], 0.3262464554825556),
    ([0.7239391394374821, 0.4750886106344313, 0.5966637746018628], 0.6234292422017712),
  ]
  static let warmMean: [Double] = [0.23967810883333723, 0.48432856766969434, 0.1463198566928961]
  static let warmSigma = 0.1079685137887636
  static let warmCovariance: [[Double]] = [[0.9836705127173383, -0.09759983209277527, 0.19414011152230864], [-0.09759983209277527, 0.9335411337164715, -0.15058256868901385], [0.19414011152230864, -0.15058256868901385, 1.1573693336902782]]

  /// Three generations of fixed populations: the mean, σ and A after each margin correction are CMAwM's.
  ///
  /// The grid is given in Hone's coordinates: the 5 and 2 values are the centres of
  /// cells of width 1/5 and 1/2 tiling [0, 1], which CMAwM gets as the bounds of its
  /// first and last value with those steps. The 2-value coordinate corrects the mean
  /// of an end cell every generation, the 5-value one lifts both sides through A.
  func testTheMarginCorrectionIsCMAwMs() throws {
    var cma = try CMAEvolutionStrategy(
      mean: [0.5, 0.3, 0.4], sigma: 0.05, bounds: Array(repeating: (0, 1), count: 3), populationSize: 6,
      steps: [0.2, 0.5, 0])
    XCTAssertEqual(cma.margin, 1.0 / 18, accuracy: 1e-15, "α = 1/(nλ)")
    XCTAssertEqual(cma.marginScales, [1, 1, 1])
    for (g, expected) in Self.generations.enumerated() {
      try cma.tell(expected.population)
      for i in 0..<3 {
        XCTAssertEqual(cma.mean[i], expected.mean[i], accuracy: 1e-12, "generation \(g + 1), mean \(i)")
        XCTAssertEqual(cma.marginScales[i], expected.a[i], accuracy: 1e-10, "generation \(g + 1), A \(i)")
      }
      XCTAssertEqual(cma.sigma, expected.sigma, accuracy: 1e-13, "generation \(g + 1)")
    }
    XCTAssertNotEqual(cma.marginScales[0], 1, "the inner cell was lifted")
    let encoded = cma.encoded(Self.probe)
    for i in 0..<3 { XCTAssertEqual(encoded[i], Self.probeEncoded[i], accuracy: 1e-12, "encoded \(i)") }
  }

  /// After every tell each discrete coordinate leaves the mean's cell with probability at least α.
  func testEveryDiscreteCoordinateKeepsItsMargin() throws {
    // Candidates piled on one point: plain CMA-ES would shrink σ until the values never change.
    var cma = try CMAEvolutionStrategy(
      mean: [0.3, 0.1, 0.5], sigma: 0.2, bounds: Array(repeating: (0, 1), count: 3), populationSize: 8,
      steps: [0.1, 0.25, 0])
    var rng = Xoshiro256(seed: 5)
    for _ in 0..<60 {
      let xs = (0..<cma.populationSize).map { _ in cma.ask(using: &rng) }
      // Evaluated at the encoding, told the draw, as CMAwM is used.
      try cma.tell(xs.map { x in (x, cma.encoded(x).map { ($0 - 0.12) * ($0 - 0.12) }.reduce(0, +)) })
      for i in 0..<2 {
        let p = try XCTUnwrap(cma.marginalChangeProbability(i))
        XCTAssertGreaterThanOrEqual(p, cma.margin * (1 - 1e-9), "generation \(cma.generation), coordinate \(i)")
      }
      XCTAssertNil(cma.marginalChangeProbability(2), "the continuous coordinate has no margin")
    }
    // σ shrank on the continuous coordinate's quadratic: the margin, not σ, keeps the discrete values moving.
    XCTAssertLessThan(cma.sigma, 0.05)
    XCTAssertGreaterThan(cma.marginScales[0], 2, "A widened the encoding as σ shrank")
    // The encodings lie on the grid: cell centres.
    for _ in 0..<50 {
      let e = cma.encoded(cma.ask(using: &rng))
      XCTAssertEqual((e[0] * 10 - 0.5).rounded(), e[0] * 10 - 0.5, accuracy: 1e-9)
      XCTAssertEqual((e[1] * 4 - 0.5).rounded(), e[1] * 4 - 0.5, accuracy: 1e-9)
    }
  }

  /// Without discrete coordinates the strategy is plain CMA-ES.
  func testNoDiscreteCoordinateIsPlainCMA() throws {
    var plain = try CMAEvolutionStrategy(mean: [0.4, 0.6], sigma: 0.2, bounds: [(0, 1), (0, 1)])
    var zero = try CMAEvolutionStrategy(mean: [0.4, 0.6], sigma: 0.2, bounds: [(0, 1), (0, 1)], steps: [0, 0])
    XCTAssertEqual(zero.margin, 0)
    var rng = Xoshiro256(seed: 1)
    for _ in 0..<5 {
      let xs = (0..<plain.populationSize).map { _ in plain.ask(using: &rng) }
      try plain.tell(xs.map { ($0, $0[0] + $0[1]) })
      try zero.tell(xs.map { ($0, $0[0] + $0[1]) })
    }
    XCTAssertEqual(zero, plain)
    XCTAssertThrowsError(try CMAEvolutionStrategy(mean: [0.5], sigma: 0.2, bounds: [(0, 1)], steps: [0.3]))
    XCTAssertThrowsError(try CMAEvolutionStrategy(mean: [0.5], sigma: 0.2, steps: [0.5]), "a grid needs a finite box")
    XCTAssertThrowsError(try CMAEvolutionStrategy(mean: [0.5], sigma: 0.2, bounds: [(0, 1)], steps: [1]), "one cell")
    // Learning-rate adaptation is defined without a margin only: all-continuous steps are fine.
    let box: [(lower: Double, upper: Double)] = [(0, 1), (0, 1)]
    XCTAssertThrowsError(
      try CMAEvolutionStrategy(
        mean: [0.4, 0.6], sigma: 0.2, bounds: box, steps: [0.25, 0], learningRateAdaptation: true))
    let adapting = try CMAEvolutionStrategy(
      mean: [0.4, 0.6], sigma: 0.2, bounds: box, steps: [0, 0], learningRateAdaptation: true)
    XCTAssertNotNil(adapting.learningRates)
  }

  /// The warm start is `get_warm_start_mgd`'s, and det C = 1.
  func testTheWarmStartIsGetWarmStartMgds() throws {
    let (mean, sigma, c) = try CMAEvolutionStrategy.warmStart(Self.sources)
    for i in 0..<3 {
      XCTAssertEqual(mean[i], Self.warmMean[i], accuracy: 1e-14)
      for j in 0..<3 { XCTAssertEqual(c[i, j], Self.warmCovariance[i][j], accuracy: 1e-12, "C[\(i), \(j)]") }
    }
    XCTAssertEqual(sigma, Self.warmSigma, accuracy: 1e-14)
    let det = c[0, 0] * (c[1, 1] * c[2, 2] - c[1, 2] * c[2, 1]) - c[0, 1] * (c[1, 0] * c[2, 2] - c[1, 2] * c[2, 0])
      + c[0, 2] * (c[1, 0] * c[2, 1] - c[1, 1] * c[2, 0])
    XCTAssertEqual(det, 1, accuracy: 1e-12)
    // ⌊0.1 · 9⌋ = 0 solutions: nothing to fit.
    XCTAssertThrowsError(try CMAEvolutionStrategy.warmStart(Array(Self.sources.prefix(9))))
    XCTAssertThrowsError(try CMAEvolutionStrategy.warmStart([]))
  }

  /// Φ(Φ⁻¹(p)) = p across the range, to the relative 10⁻¹² that Φ's own rounding, amplified by x², allows.
  func testTheNormalQuantileInvertsTheCDF() {
    for p in [1e-300, 1e-100, 1e-10, 1e-4, 0.01, 0.02425, 0.1, 1.0 / 18, 0.3, 0.5 - 1e-10, 0.5, 0.7, 0.99] {
      let x = StandardNormal.quantile(p)
      let back = p <= 0.5 ? StandardNormal.cdf(x) : 1 - StandardNormal.cdf(-x)
      XCTAssertEqual(back, p, accuracy: 1e-12 * p, "p = \(p)")
    }
    XCTAssertEqual(StandardNormal.quantile(0.5), 0)
    XCTAssertEqual(StandardNormal.quantile(0), -.infinity)
    XCTAssert(StandardNormal.quantile(1.5).isNaN)
  }
}
