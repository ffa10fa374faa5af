import Testing

@testable import Hone

/// Each crossover and the mutation against its formula on fixed parents and fixed draws,
/// computed by hand; and every child the sampler makes lies in the search space.
@Suite struct NSGACrossoverTests {
  /// Draws from a script, in order; NaN once the script is spent, which fails the comparison.
  struct Script: GeneticDraws {
    var units: [Double]
    var normals: [Double] = []
    mutating func unit() -> Double { units.isEmpty ? .nan : units.removeFirst() }
    mutating func normal() -> Double { normals.isEmpty ? .nan : normals.removeFirst() }
  }

  typealias Crossover = NSGAIISampler.Crossover

  func child(_ c: Crossover, _ parents: [[Double]], bounds: [(Double, Double)], _ script: Script) -> ([Double], Script) {
    var s = script
    let x = c.child(parents, bounds: bounds, multiObjective: true, using: &s)
    return (x, s)
  }

  func close(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) }
  }

  @Test func uniformTakesTheSecondParentWhenTheDrawIsAtLeastTheSwappingProbability() {
    let (x, s) = child(.uniform(swappingProb: 0.5), [[0, 10], [1, 20]], bounds: [(0, 5), (0, 50)], Script(units: [0.7, 0.2]))
    #expect(x == [1, 10])
    #expect(s.units.isEmpty)
  }

  @Test func blxAlphaIsUniformInTheWidenedBox() {
    // Coordinate 0: parents 0 and 2, widened by 0.5·2 to [−1, 3], at 0.25 → 0. Coordinate 1: equal parents stay.
    let (x, s) = child(.blxAlpha(alpha: 0.5), [[0, 4], [2, 4]], bounds: [(-10, 10), (-10, 10)], Script(units: [0.25, 0.5]))
    #expect(close(x, [0, 4]))
    #expect(s.units.isEmpty)
  }

  @Test func sbxFollowsTheBoundedPolynomialSpread() {
    // η = 1, parents 2 and 4 in [0, 10]: β₁ = 1 + 2·2/2 = 3, α₁ = 2 − 3⁻² = 17/9; u = 0.5 ≤ 1/α₁, so
    // β_q = (u·α₁)^(1/2) = √(17/18) and c₁ = (2 + 4 − β_q·2)/2 = 3 − √(17/18). Then the crossed
    // gene (0.1 < 0.5), unswapped (0.9), from the first child (0.2).
    let c = Crossover.sbx(eta: 1, uniformCrossoverProb: 0.5, useChildGeneProb: 0.5)
    let (x, s) = child(c, [[2], [4]], bounds: [(0, 10)], Script(units: [0.5, 0.1, 0.9, 0.2]))
    #expect(close(x, [3 - (17.0 / 18).squareRoot()]))
    #expect(s.units.isEmpty)
    // The same draws but the parent's gene (0.6 ≥ 0.5), swapped (0.3 < 0.5), from the first child: parent 2's 4.
    let (y, _) = child(c, [[2], [4]], bounds: [(0, 10)], Script(units: [0.5, 0.6, 0.3, 0.2]))
    #expect(y == [4])
  }

  @Test func sbxDefaultsEtaByTheNumberOfObjectives() {
    let c = Crossover.sbxDefault
    var one = Script(units: [0.25, 0.1, 0.9, 0.2])
    var many = one
    let single = c.child([[2], [4]], bounds: [(0, 10)], multiObjective: false, using: &one)
    let multi = c.child([[2], [4]], bounds: [(0, 10)], multiObjective: true, using: &many)
    let explicit2 = child(.sbx(eta: 2, uniformCrossoverProb: 0.5, useChildGeneProb: 0.5), [[2], [4]], bounds: [(0, 10)], Script(units: [0.25, 0.1, 0.9, 0.2])).0
    let explicit20 = child(.sbx(eta: 20, uniformCrossoverProb: 0.5, useChildGeneProb: 0.5), [[2], [4]], bounds: [(0, 10)], Script(units: [0.25, 0.1, 0.9, 0.2])).0
    #expect(single == explicit2)
    #expect(multi == explicit20)
  }

  @Test func vsbxMixesBothParents() {
    // η = 1, u = 0.25: β₁ = (1/0.5)^(1/2) = √2, β₂ = (1/1.5)^(1/2) = √(2/3). u₁ = 0.3 ≤ 0.5 and
    // u₂ = 0.7 > 0.5 choose the formulas; the crossed gene (0.1), unswapped (0.9), of the second child (0.8):
    // c₂ = (−(1 − β₁)·2 + (3 − β₂)·4)/2.
    let c = Crossover.vsbx(eta: 1, uniformCrossoverProb: 0.5, useChildGeneProb: 0.5)
    let (x, s) = child(c, [[2], [4]], bounds: [(0, 10)], Script(units: [0.25, 0.3, 0.7, 0.1, 0.9, 0.8]))
    let (b1, b2) = (2.0.squareRoot(), (2.0 / 3).squareRoot())
    #expect(close(x, [(-(1 - b1) * 2 + (3 - b2) * 4) / 2]))
    #expect(s.units.isEmpty)
    // The first child with u₁ = 0.3: ((1 + β₁)·2 + (1 − β₂)·4)/2.
    let (y, _) = child(c, [[2], [4]], bounds: [(0, 10)], Script(units: [0.25, 0.3, 0.7, 0.1, 0.9, 0.2]))
    #expect(close(y, [((1 + b1) * 2 + (1 - b2) * 4) / 2]))
  }

  @Test func spxSamplesTheExpandedSimplex() {
    // ε = 1 keeps the parents' simplex: G = (1, 1), r₀ = 0.25, r₁ = 0.64^(1/2) = 0.8;
    // c₁ = 0.25·(x₀ − x₁) = (−0.75, 0), c₂ = 0.8·(x₁ − x₂ + c₁) = (1.8, −2.4), child = x₂ + c₂.
    let (x, s) = child(.spx(epsilon: 1), [[0, 0], [3, 0], [0, 3]], bounds: [(-9, 9), (-9, 9)], Script(units: [0.25, 0.64]))
    #expect(close(x, [1.8, 0.6]))
    #expect(s.units.isEmpty)
    // The default ε is √(n + 2): with r = (1, 1) the child is x₀ expanded away from G.
    let (y, _) = child(.spxDefault, [[0, 0], [3, 0], [0, 3]], bounds: [(-9, 9), (-9, 9)], Script(units: [1, 1]))
    let e = 2.0
    #expect(close(y, [1 + e * (0 - 1), 1 + e * (0 - 1)]))
  }

  @Test func undxDrawsAlongAndAcrossThePrimaryLine() {
    // Parents (0, 0), (2, 0) and (1, 1): midpoint (1, 0), d = (−2, 0); ξ = 0.4·0.5² = 0.1 moves the
    // child to (0.8, 0); the third parent lies D = 1 off the line, and η₀ = 1·0.5² = 0.25 moves the
    // child along (0, 1), the complement of the line's direction.
    let c = Crossover.undx(sigmaXi: 0.5, sigmaEta: 0.5)
    let (x, s) = child(c, [[0, 0], [2, 0], [1, 1]], bounds: [(-9, 9), (-9, 9)], Script(units: [], normals: [1, 0.3, 0.4]))
    #expect(close(x, [0.8, 0.25]))
    #expect(s.normals.isEmpty)
    // In one dimension there is no orthogonal part.
    let (y, _) = child(c, [[0], [2], [1]], bounds: [(-9, 9)], Script(units: [], normals: [1, 0.4]))
    #expect(close(y, [0.8]))
  }

  @Test func undxComplementIsOrthonormal() {
    var rng = Xoshiro256(seed: 3)
    for n in 1...6 {
      let e = Crossover.unitDirection((0..<n).map { _ in rng.nextUnit() }, (0..<n).map { _ in rng.nextUnit() })
      let basis = Crossover.orthonormalComplement(e)
      #expect(basis.count == n - 1)
      for (i, u) in basis.enumerated() {
        #expect(abs(zip(u, e).reduce(0) { $0 + $1.0 * $1.1 }) < 1e-12)
        for (j, v) in basis.enumerated() {
          #expect(abs(zip(u, v).reduce(0) { $0 + $1.0 * $1.1 } - (i == j ? 1 : 0)) < 1e-12)
        }
      }
    }
  }

  @Test func polynomialMutationFollowsDebsFormula() {
    // η = 1, x = 5 in [0, 10], u = 0.25: δ₁ = 0.5, v = 2u + (1 − 2u)(1 − δ₁)² = 0.625, δ_q = √v − 1.
    var s = Script(units: [0.25])
    let y = NSGAIISampler.Mutation.polynomial(eta: 1).mutated(5, bounds: (0, 10), using: &s)
    #expect(abs(y - (5 + (0.625.squareRoot() - 1) * 10)) < 1e-12)
    // u = 0.75 mirrors it upwards.
    var t = Script(units: [0.75])
    let z = NSGAIISampler.Mutation.polynomial(eta: 1).mutated(5, bounds: (0, 10), using: &t)
    #expect(abs(z - (5 + (1 - 0.625.squareRoot()) * 10)) < 1e-12)
  }

  static let crossovers: [Crossover] = [
    .uniform(swappingProb: 0.5), .blxAlphaDefault, .blxAlpha(alpha: 3), .sbxDefault, .spxDefault,
    .spx(epsilon: 10), .undxDefault, .undx(sigmaXi: 3, sigmaEta: 3), .vsbxDefault,
    .vsbx(eta: 0, uniformCrossoverProb: 0.5, useChildGeneProb: 1),
  ]

  /// The transform round trip, Optuna's: a value maps back to itself.
  @Test func theTransformedSpaceMapsBackToTheSameValues() throws {
    let ds: [(Distribution, ParamValue)] = [
      (try .makeFloat(low: -3, high: 2), .float(1.25)), (try .makeFloat(low: 1e-3, high: 1, log: true), .float(0.02)),
      (try .makeFloat(low: 0, high: 1, step: 0.25), .float(0.75)), (try .makeInt(low: 1, high: 9, step: 2), .int(7)),
      (try .makeInt(low: 1, high: 1000, log: true), .int(37)),
    ]
    for (d, v) in ds {
      let back = try #require(d.fromGenetic(d.geneticValue(v)))
      #expect(abs(back.double - v.double) <= 1e-12 * abs(v.double), "\(d.summary)")
      let (lo, hi) = d.geneticBounds
      #expect(d.fromGenetic(lo, clip: true).map(d.contains) == true)
      #expect(d.fromGenetic(hi, clip: true).map(d.contains) == true)
    }
    // Below a continuous float's low end the child is refused (drawn again), above its high end clipped.
    let f = try Distribution.makeFloat(low: 0, high: 1)
    #expect(f.fromGenetic(-0.1) == nil)
    #expect(f.fromGenetic(1.5) == .float(1))
    #expect(f.fromGenetic(-0.1, clip: true) == .float(0))
    #expect(f.fromGenetic(.nan) == nil)
  }

  @Test(arguments: crossovers)
  func everyChildLiesInTheSearchSpace(_ crossover: Crossover) throws {
    let space = SearchSpace([
      ("a", try .makeFloat(low: -3, high: 2)), ("b", try .makeFloat(low: 1e-4, high: 1, log: true)),
      ("c", try .makeFloat(low: 0, high: 1, step: 0.125)), ("d", try .makeInt(low: -5, high: 5, step: 5)),
      ("e", try .makeInt(low: 1, high: 64, log: true)), ("f", try .makeCategorical([.string("x"), .string("y"), .int(3)])),
    ])
    for mutation in [nil, NSGAIISampler.Mutation.polynomial(eta: 20)] {
      let sampler = try NSGAIISampler(populationSize: 4, mutation: mutation, crossover: crossover, seed: 5)
      var rng = Xoshiro256(seed: 9)
      for round in 0..<50 {
        // Parents on or near the bounds, where children leave the space most often.
        let parents = (0..<4).map { i in
          FrozenTrial(
            number: i, state: .complete, values: [rng.nextUnit(), rng.nextUnit()],
            params: zip(space.names, space.distributions).map { name, d in
              let u = round % 2 == 0 ? (rng.nextUnit() < 0.5 ? 0 : 1) : rng.nextUnit()
              return Param(name: name, distribution: d, value: d.fromUnit(u))
            })
        }
        let ranked = Ranked(parents, directions: [.minimize, .minimize])
        let child = sampler.child(of: ranked, in: space, multiObjective: true, using: &rng)
        for (name, value) in child {
          let d = try #require(space[name])
          #expect(d.contains(value), "\(crossover) \(name) = \(value) outside \(d.summary)")
        }
      }
    }
  }
}

extension NSGAIISampler.Crossover: CustomTestStringConvertible {
  public var testDescription: String { "\(self)" }
}
