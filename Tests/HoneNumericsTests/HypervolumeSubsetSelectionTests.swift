import XCTest

@testable import HoneNumerics
import HoneSupport

/// Greedy hypervolume subset selection against a direct greedy, against the best
/// subset found by enumeration (the (1 − 1/e) guarantee), and its rules for
/// duplicates and references that are not finite.
final class HypervolumeSubsetSelectionTests: XCTestCase {
  /// Points on one front: the first m − 1 coordinates random, the last decreasing in their sum.
  func front(_ n: Int, _ m: Int, _ rng: inout Xoshiro256) -> [[Double]] {
    (0..<n).map { _ in
      let head = (0..<(m - 1)).map { _ in Double.random(in: 0..<1, using: &rng) }
      return head + [Double(m - 1) - head.reduce(0, +) + Double.random(in: 0..<0.01, using: &rng)]
    }
  }

  /// Greedy by measuring every remaining point's contribution at every step; the first
  /// point in lexicographic order wins a tie.
  func directGreedy(_ points: [[Double]], _ count: Int, _ reference: [Double]) throws -> [Int] {
    var left = Hypervolume.lexicographicallyUnique(points)
    var chosen: [Int] = []
    while chosen.count < count {
      let base = try Hypervolume.compute(points: chosen.map { points[$0] }, reference: reference)
      var best = 0
      var bestGain = -Double.infinity
      for (k, i) in left.enumerated() {
        let gain = try Hypervolume.compute(points: (chosen + [i]).map { points[$0] }, reference: reference) - base
        if gain > bestGain { (best, bestGain) = (k, gain) }
      }
      chosen.append(left.remove(at: best))
    }
    return chosen
  }

  func testEachStepTakesTheLargestContributionInEveryDimension() throws {
    var rng = Xoshiro256(seed: 21)
    for m in 2...4 {
      for trial in 0..<20 {
        let points = front(6 + trial % 7, m, &rng)
        let reference = [Double](repeating: Double(m), count: m)
        for count in 1..<points.count {
          let chosen = try Hypervolume.greedySubset(of: points, count: count, reference: reference)
          XCTAssertEqual(chosen, try directGreedy(points, count, reference), "m \(m), \(points.count) points, \(count)")
        }
      }
    }
  }

  func testTheGreedySubsetHasAtLeastOneMinusOneOverEOfTheBestVolume() throws {
    var rng = Xoshiro256(seed: 8)
    for m in 2...3 {
      for _ in 0..<10 {
        let points = front(9, m, &rng)
        let reference = [Double](repeating: Double(m) - 0.5, count: m)
        for count in [2, 3, 4] {
          let greedy = try Hypervolume.compute(
            points: try Hypervolume.greedySubset(of: points, count: count, reference: reference).map { points[$0] },
            reference: reference)
          var best = 0.0
          for mask in 0..<(1 << points.count) where mask.nonzeroBitCount == count {
            let subset = points.indices.filter { mask & (1 << $0) != 0 }.map { points[$0] }
            best = max(best, try Hypervolume.compute(points: subset, reference: reference))
          }
          XCTAssertGreaterThanOrEqual(greedy, (1 - exp(-1)) * best)
          XCTAssertLessThanOrEqual(greedy, best * (1 + 1e-12))
        }
      }
    }
  }

  func testTwoPointsByHand() throws {
    // [1, 3] adds 3 × 1 = 3 against [4, 4]; [2, 2] adds 2 × 2 = 4; [3, 1] adds 1 × 3 = 3.
    let points: [[Double]] = [[1, 3], [3, 1], [2, 2]]
    XCTAssertEqual(try Hypervolume.greedySubset(of: points, count: 1, reference: [4, 4]), [2])
    // After [2, 2], [1, 3] adds 1 × 1 and so does [3, 1]: the first in lexicographic order wins.
    XCTAssertEqual(try Hypervolume.greedySubset(of: points, count: 2, reference: [4, 4]), [2, 0])
    XCTAssertEqual(try Hypervolume.greedySubset(of: points, count: 3, reference: [4, 4]), [0, 1, 2])
  }

  func testDuplicatesFillInRowOrderOnlyWhenTheUniquePointsRunOut() throws {
    let points: [[Double]] = [[1, 3], [1, 3], [2, 2], [2, 2], [3, 1]]
    // Three unique points cover a request for three.
    XCTAssertEqual(Set(try Hypervolume.greedySubset(of: points, count: 3, reference: [4, 4])), [0, 2, 4])
    // For four, the unique ones and then the earliest duplicate, in row order.
    XCTAssertEqual(try Hypervolume.greedySubset(of: points, count: 4, reference: [4, 4]), [0, 1, 2, 4])
  }

  func testAReferenceThatIsNotFiniteTakesTheFirstPointsInLexicographicOrder() throws {
    let points: [[Double]] = [[3, 1], [1, 3], [2, 2]]
    XCTAssertEqual(try Hypervolume.greedySubset(of: points, count: 2, reference: [.infinity, 4]), [1, 2])
  }

  func testBadArgumentsAreRefused() {
    XCTAssertThrowsError(try Hypervolume.greedySubset(of: [[1, 2]], count: 2, reference: [3, 3]))
    XCTAssertThrowsError(try Hypervolume.greedySubset(of: [[1, 2]], count: -1, reference: [3, 3]))
    XCTAssertThrowsError(try Hypervolume.greedySubset(of: [[1]], count: 1, reference: [3, 3]))
    XCTAssertThrowsError(try Hypervolume.greedySubset(of: [[1, .nan], [0, 1]], count: 1, reference: [3, 3]))
  }
}
