import XCTest

@testable import HoneNumerics
import HoneSupport

/// Non-domination ranks against their definition, peeled by brute force.
final class ParetoRankTests: XCTestCase {
  func dominates(_ a: [Double], _ b: [Double]) -> Bool {
    zip(a, b).allSatisfy { $0 <= $1 } && zip(a, b).contains { $0 < $1 }
  }

  /// Rank r: the rows that only rows of ranks below r dominate, found by checking every pair.
  func bruteForce(_ points: [[Double]]) -> [Int] {
    var rank = [Int](repeating: -1, count: points.count)
    var r = 0
    while rank.contains(-1) {
      let open = points.indices.filter { rank[$0] == -1 }
      let front = open.filter { i in !open.contains { j in dominates(points[j], points[i]) } }
      for i in front { rank[i] = r }
      r += 1
    }
    return rank
  }

  func testRanksMatchTheDefinitionOnRandomAndTiedSets() {
    var rng = Xoshiro256(seed: 31)
    for m in 1...4 {
      for n in [1, 2, 5, 30, 120] {
        // Coarse values make ties and duplicates common.
        let coarse = (0..<n).map { _ in (0..<m).map { _ in Double(Int.random(in: 0..<4, using: &rng)) } }
        let fine = (0..<n).map { _ in (0..<m).map { _ in Double.random(in: -1..<1, using: &rng) } }
        for points in [coarse, fine] {
          XCTAssertEqual(ParetoRank.ranks(points), bruteForce(points), "m \(m), n \(n)")
        }
      }
    }
  }

  func testEnoughStopsOnceThatManyAreRankedAndBoundsTheRest() {
    var rng = Xoshiro256(seed: 9)
    for m in 2...3 {
      let points = (0..<80).map { _ in (0..<m).map { _ in Double.random(in: 0..<1, using: &rng) } }
      let exact = bruteForce(points)
      for enough in [1, 5, 20, 79] {
        let ranks = ParetoRank.ranks(points, enough: enough)
        // The ranks are exact up to the first rank at which `enough` rows have one.
        var last = 0
        while exact.filter({ $0 <= last }).count < enough { last += 1 }
        for i in points.indices {
          if exact[i] <= last {
            XCTAssertEqual(ranks[i], exact[i])
          } else {
            XCTAssertEqual(ranks[i], last + 1)
          }
        }
      }
    }
  }

  func testInfinitiesRankAndEmptyInputGivesNothing() {
    XCTAssertEqual(ParetoRank.ranks([]), [])
    // [-inf, 2] dominates [0, inf]; nothing dominates [inf, 0], whose second value is the least.
    XCTAssertEqual(ParetoRank.ranks([[.infinity, 0], [0, .infinity], [1, 1], [-.infinity, 2]]), [0, 1, 0, 0])
  }
}
