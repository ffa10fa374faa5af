import Testing

@testable import Hone

/// Fast non-dominated sorting, constrained domination and crowding distance against
/// their definitions, computed the slow way.
@Suite struct NonDominatedSortTests {
  /// Random points with many ties (values on a coarse grid), so that equal points and
  /// equal coordinates occur.
  static func points(_ n: Int, objectives m: Int, seed: UInt64) -> [[Double]] {
    var rng = Xoshiro256(seed: seed)
    return (0..<n).map { _ in (0..<m).map { _ in (rng.nextUnit() * 6).rounded(.down) } }
  }

  /// Ranks by peeling: the first front is every point no remaining point dominates, and so on.
  static func peeledRanks(_ points: [[Double]], dominates: (Int, Int) -> Bool) -> [Int] {
    var ranks = Array(repeating: -1, count: points.count)
    var rank = 0
    while ranks.contains(-1) {
      let left = points.indices.filter { ranks[$0] == -1 }
      let front = left.filter { i in !left.contains { j in dominates(j, i) } }
      for i in front { ranks[i] = rank }
      rank += 1
    }
    return ranks
  }

  @Test(arguments: [1, 2, 3, 5])
  func ranksMatchPeelingOnRandomSets(objectives: Int) {
    for seed in 0..<20 as Range<UInt64> {
      let p = Self.points(40, objectives: objectives, seed: seed)
      let fast = ParetoFront.ranks(p)
      #expect(fast == Self.peeledRanks(p) { ParetoFront.dominates(p[$0], p[$1]) })
      // The first front is the Pareto front that `of` finds.
      let fronts = ParetoFront.fronts(p)
      #expect(fronts.flatMap { $0 }.sorted() == Array(p.indices))
    }
  }

  @Test func constrainedRanksMatchPeelingOnRandomSets() {
    for seed in 0..<20 as Range<UInt64> {
      let p = Self.points(40, objectives: 2, seed: seed)
      var rng = Xoshiro256(seed: seed &+ 100)
      let f: [ParetoFront.Feasibility] = p.indices.map { _ in
        let u = rng.nextUnit()
        if u < 0.5 { return .feasible }
        if u < 0.9 { return .infeasible(violation: (rng.nextUnit() * 4).rounded(.up)) }
        return .unknown
      }
      let fast = ParetoFront.ranks(p, feasibility: f)
      let slow = Self.peeledRanks(p) { ParetoFront.constrainedDominates(p[$0], f[$0], p[$1], f[$1]) }
      #expect(fast == slow)
    }
  }

  @Test func constrainedDominationOnHandMadeCases() {
    let d = ParetoFront.constrainedDominates
    // Feasible beats infeasible whatever the objectives.
    #expect(d([9, 9], .feasible, [0, 0], .infeasible(violation: 0.1)))
    #expect(!d([0, 0], .infeasible(violation: 0.1), [9, 9], .feasible))
    // Between infeasible points only the violation counts.
    #expect(d([9, 9], .infeasible(violation: 1), [0, 0], .infeasible(violation: 2)))
    #expect(!d([0, 0], .infeasible(violation: 2), [9, 9], .infeasible(violation: 1)))
    #expect(!d([0, 0], .infeasible(violation: 1), [9, 9], .infeasible(violation: 1)))
    // Between feasible points, Pareto dominance.
    #expect(d([1, 2], .feasible, [1, 3], .feasible))
    #expect(!d([1, 3], .feasible, [2, 1], .feasible))
    #expect(!d([1, 2], .feasible, [1, 2], .feasible))
    // A point without constraint values is dominated by every point with them; among
    // themselves such points compare by their objectives.
    #expect(d([9, 9], .infeasible(violation: 100), [0, 0], .unknown))
    #expect(d([9, 9], .feasible, [0, 0], .unknown))
    #expect(!d([0, 0], .unknown, [9, 9], .infeasible(violation: 100)))
    #expect(d([0, 0], .unknown, [9, 9], .unknown))
    #expect(!d([0, 9], .unknown, [9, 0], .unknown))
  }

  @Test func feasibilityReadsTheTrialsConstraints() {
    func trial(_ c: JSON?) -> FrozenTrial {
      FrozenTrial(number: 0, state: .complete, values: [0], systemAttrs: c.map { [(FrozenTrial.constraintsKey, $0)] } ?? [])
    }
    #expect(ParetoFront.Feasibility(trial(.array([.number(-1), .number(0)]))) == .feasible)
    #expect(ParetoFront.Feasibility(trial(.array([.number(2), .number(-5), .number(0.5)]))) == .infeasible(violation: 2.5))
    #expect(ParetoFront.Feasibility(trial(nil)) == .feasible)
    #expect(ParetoFront.Feasibility(trial(.array([]))) == .feasible)
    #expect(ParetoFront.Feasibility(trial(.array([.number(.nan)]))) == .unknown)
  }

  @Test func constrainedRanksOnAHandMadeSet() {
    let p: [[Double]] = [[1, 1], [0, 0], [2, 0], [0, 2], [3, 3], [5, 5]]
    let f: [ParetoFront.Feasibility] = [
      .feasible, .infeasible(violation: 1), .feasible, .infeasible(violation: 0.5), .feasible, .unknown,
    ]
    // Feasible: [1,1] and [2,0] are not comparable (rank 0), [3,3] is dominated (rank 1);
    // then violation 0.5 (rank 2), violation 1 (rank 3), and the unknown last (rank 4).
    #expect(ParetoFront.ranks(p, feasibility: f) == [0, 3, 0, 2, 1, 4])
  }

  /// The crowding distance as Optuna defines it, for one point at a time.
  static func crowding(_ p: [[Double]], _ i: Int) -> Double {
    var total = 0.0
    for d in 0..<(p.first?.count ?? 0) {
      let values = p.map { $0[d] }
      guard let lo = values.min(), let hi = values.max(), lo != hi else { continue }
      let order = p.indices.sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
      guard let at = order.firstIndex(of: i) else { continue }
      let below = at == 0 ? -Double.infinity : values[order[at - 1]]
      let above = at == order.count - 1 ? Double.infinity : values[order[at + 1]]
      total += (above - below) / (hi - lo)
    }
    return total
  }

  @Test func crowdingMatchesItsDefinitionOnRandomSets() {
    for seed in 0..<20 as Range<UInt64> {
      var rng = Xoshiro256(seed: seed)
      let p = (0..<15).map { _ in [rng.nextUnit(), rng.nextUnit() * 10, -rng.nextUnit()] }
      let fast = ParetoFront.crowdingDistances(p)
      for i in p.indices {
        let slow = Self.crowding(p, i)
        #expect(fast[i] == slow || abs(fast[i] - slow) <= 1e-12 * max(1, abs(slow)), "point \(i): \(fast[i]) vs \(slow)")
      }
    }
  }

  @Test func crowdingOnAHandMadeFront() {
    // A 2-objective front of four points: the ends are infinitely far, the middle ones
    // get the sum over both objectives of their neighbours' gap over the spread (3 on each).
    let p: [[Double]] = [[0, 3], [1, 2], [2.5, 0.5], [3, 0]]
    let c = ParetoFront.crowdingDistances(p)
    #expect(c[0] == .infinity && c[3] == .infinity)
    #expect(abs(c[1] - (2.5 / 3 + 2.5 / 3)) < 1e-12)
    #expect(abs(c[2] - (2.0 / 3 + 2.0 / 3)) < 1e-12)
    // An objective whose values are all equal adds nothing, even at the ends.
    #expect(ParetoFront.crowdingDistances([[1, 5], [1, 6], [1, 8]]) == [.infinity, 1, .infinity])
  }
}
