import XCTest

@testable import HoneNumerics
import HoneSupport

/// The bucket sort against a comparison sort on (value, index), on spread, clustered and special values.
final class AscendingOrderTests: XCTestCase {
  /// The stable order of `<`: −0 and +0 are equal and keep their index order.
  func expected(_ x: [Double]) -> [Int] {
    x.indices.sorted { x[$0] < x[$1] || (x[$0] == x[$1] && $0 < $1) }
  }

  func testEveryKindOfInputSortsAsTheStableOrderOfLessThan() {
    var rng = Xoshiro256(seed: 11)
    // Negatives, zeros of both signs, infinities, subnormals, extremes and ties.
    let pool: [Double] = [
      -.infinity, -1e300, -2.5, -0.0, 0, 5e-324, 1e-310, 0.5, 3, .greatestFiniteMagnitude, .infinity,
    ]
    for n in [0, 1, 2, 5, 33, 63, 64, 300, 2000, 10_000] {
      let mixed = (0..<n).map { k in
        k % 3 == 0 ? pool[Int.random(in: 0..<pool.count, using: &rng)] : Double.random(in: -4..<4, using: &rng)
      }
      let spread = (0..<n).map { _ in (Double.random(in: 0..<1, using: &rng) - 0.5) * 1e6 }
      // All but one value in a sliver of the range: the buckets there overflow their insertion sort.
      let clustered = (0..<n).map { k in k == 0 ? 1e12 : 1 + Double.random(in: 0..<1e-9, using: &rng) }
      let ties = (0..<n).map { _ in Double(Int.random(in: 0..<3, using: &rng)) * (Bool.random(using: &rng) ? 1 : -1) }
      for x in [mixed, spread, clustered, ties] {
        XCTAssertEqual(x.ascendingOrder(), expected(x), "n = \(n)")
      }
    }
    XCTAssertEqual([Double](repeating: 7, count: 100).ascendingOrder(), Array(0..<100))
  }
}
