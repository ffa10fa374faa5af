import XCTest

@testable import HoneNumerics
import HoneSupport

/// Hypervolumes against closed forms and against inclusion–exclusion, which is
/// exact for small sets, and the invariances the measure of a union guarantees.
final class HypervolumeTests: XCTestCase {
  /// Inclusion–exclusion over every non-empty subset: the intersection of boxes
  /// [p, r] is the box [max p, r].
  func inclusionExclusion(_ points: [[Double]], _ reference: [Double]) -> Double {
    let boxes = points.filter { p in zip(p, reference).allSatisfy { $0 < $1 } }
    var total = 0.0
    for mask in 1..<(1 << boxes.count) {
      var corner = [Double](repeating: -.infinity, count: reference.count)
      var size = 0
      for (k, p) in boxes.enumerated() where mask & (1 << k) != 0 {
        size += 1
        for j in corner.indices { corner[j] = max(corner[j], p[j]) }
      }
      let volume = zip(corner, reference).reduce(1.0) { $0 * ($1.1 - $1.0) }
      total += size % 2 == 1 ? volume : -volume
    }
    return total
  }

  func randomPoints(_ n: Int, _ m: Int, _ rng: inout Xoshiro256) -> [[Double]] {
    (0..<n).map { _ in (0..<m).map { _ in Double.random(in: 0..<1, using: &rng) } }
  }

  func testOnePointIsTheProductOfItsDistances() throws {
    XCTAssertEqual(try Hypervolume.compute(points: [[0.5]], reference: [2]), 1.5)
    XCTAssertEqual(try Hypervolume.compute(points: [[1, 2]], reference: [3, 5]), 6)
    XCTAssertEqual(try Hypervolume.compute(points: [[1, 2, 3]], reference: [2, 4, 7]), 8)
    XCTAssertEqual(try Hypervolume.compute(points: [[1, 2, 3, 4, 5]], reference: [2, 4, 7, 5, 8]), 24)
  }

  func testOneObjectiveIsTheDistanceOfTheBest() throws {
    XCTAssertEqual(try Hypervolume.compute(points: [[3], [1], [2], [7]], reference: [4]), 3)
    XCTAssertEqual(try Hypervolume.compute(points: [[5], [4]], reference: [4]), 0)
  }

  func testTwoPointsInTwoObjectivesByHand() throws {
    // Boxes [1,4]x[2,4] (6) and [2,4]x[1,4] (6) overlap in [2,4]x[2,4] (4).
    XCTAssertEqual(try Hypervolume.compute(points: [[1, 2], [2, 1]], reference: [4, 4]), 8)
  }

  func testStaircases() throws {
    // Steps (i, k - i) for i = 1...k - 1 under the reference (k, k): the area is k(k-1)/2.
    for k in 2...12 {
      let points = (1..<k).map { [Double($0), Double(k - $0)] }
      XCTAssertEqual(try Hypervolume.compute(points: points, reference: [Double(k), Double(k)]),
                     Double(k * (k - 1) / 2))
    }
    // The unit cubes of the corners of the simplex x + y + z = 2 in {0, 1, 2}^3 under (3, 3, 3).
    var points: [[Double]] = []
    for x in 0...2 { for y in 0...2 where x + y <= 2 { points.append([Double(x), Double(y), Double(2 - x - y)]) } }
    // The union is every unit cell (a, b, c) of [0, 3)^3 with a + b + c >= 2: 27 - 1 - 3 = 23.
    XCTAssertEqual(try Hypervolume.compute(points: points, reference: [3, 3, 3]), 23)
    // The same in four objectives: cells of [0, 3)^4 with a sum >= 2, so 81 - 1 - 4 = 76.
    var points4: [[Double]] = []
    for x in 0...2 { for y in 0...2 { for z in 0...2 where x + y + z <= 2 {
      points4.append([Double(x), Double(y), Double(z), Double(2 - x - y - z)])
    } } }
    XCTAssertEqual(try Hypervolume.compute(points: points4, reference: [3, 3, 3, 3]), 76)
  }

  func testEveryPathAgreesWithInclusionExclusion() throws {
    var rng = Xoshiro256(seed: 14)
    for m in 2...5 {
      for trial in 0..<60 {
        let n = 1 + trial % 10
        let points = randomPoints(n, m, &rng)
        let reference = (0..<m).map { _ in Double.random(in: 0.7..<1.2, using: &rng) }
        let exact = inclusionExclusion(points, reference)
        let got = try Hypervolume.compute(points: points, reference: reference)
        XCTAssertEqual(got, exact, accuracy: 1e-12 * max(exact, 1e-300), "m = \(m), n = \(n)")
      }
    }
  }

  func testTiesAgreeWithInclusionExclusion() throws {
    // Coordinates on a coarse grid: equal values in every objective, duplicates, weak dominance.
    var rng = Xoshiro256(seed: 7)
    for m in 2...5 {
      for _ in 0..<60 {
        let n = Int.random(in: 1...10, using: &rng)
        let points = (0..<n).map { _ in (0..<m).map { _ in Double(Int.random(in: 0...3, using: &rng)) } }
        let reference = [Double](repeating: 3, count: m)
        let exact = inclusionExclusion(points, reference)
        XCTAssertEqual(try Hypervolume.compute(points: points, reference: reference), exact,
                       accuracy: 1e-12 * max(exact, 1), "\(points)")
      }
    }
  }

  func testDominatedPointsDuplicatesAndOrderChangeNothing() throws {
    var rng = Xoshiro256(seed: 3)
    for m in 1...5 {
      let points = randomPoints(30, m, &rng)
      let reference = [Double](repeating: 1, count: m)
      let base = try Hypervolume.compute(points: points, reference: reference)
      XCTAssertGreaterThan(base, 0)
      let dominated = points.map { p in p.map { $0 + (1 - $0) * Double.random(in: 0..<1, using: &rng) } }
      let outside = points.prefix(5).map { p in p.enumerated().map { $0.offset == 0 ? 1 + $0.element : $0.element } }
      let larger = (points + dominated + points + outside).shuffled(using: &rng)
      XCTAssertEqual(try Hypervolume.compute(points: larger, reference: reference), base,
                     accuracy: 1e-12 * base, "m = \(m)")
      XCTAssertEqual(try Hypervolume.compute(points: points.shuffled(using: &rng), reference: reference), base,
                     accuracy: 1e-12 * base, "m = \(m)")
    }
  }

  func testThreeObjectiveSweepAgreesWithSlicingOnLargerSets() throws {
    // The staircase sweep against slicing the third objective into two-objective sweeps.
    var rng = Xoshiro256(seed: 5)
    for n in [50, 200] {
      let points = randomPoints(n, 3, &rng).map { p in p.map { $0 * $0 } }
      let flat = points.flatMap { $0.map { 1 - $0 } }
      let sweep = Hypervolume.volume3(flat, count: n)
      XCTAssertEqual(sweep, try Hypervolume.compute(points: points, reference: [1, 1, 1]), accuracy: 1e-12 * sweep)
      var sliced = 0.0
      let order = (0..<n).sorted { flat[3 * $0 + 2] > flat[3 * $1 + 2] }
      for (k, i) in order.enumerated() {
        let first = order[...k].flatMap { [flat[3 * $0], flat[3 * $0 + 1]] }
        let next = k + 1 < n ? flat[3 * order[k + 1] + 2] : 0
        sliced += Hypervolume.volume2(first, count: k + 1) * (flat[3 * i + 2] - next)
      }
      XCTAssertEqual(sweep, sliced, accuracy: 1e-12 * sweep)
    }
  }

  func testPointsOutsideTheReferenceAddNothing() throws {
    XCTAssertEqual(try Hypervolume.compute(points: [], reference: [1, 2]), 0)
    XCTAssertEqual(try Hypervolume.compute(points: [[1, 0], [0, 2], [3, 3]], reference: [1, 2]), 0)
    XCTAssertEqual(try Hypervolume.compute(points: [[.infinity, 0], [0, 1]], reference: [1, 2]), 1)
    XCTAssertEqual(try Hypervolume.compute(points: [[-.infinity, 2], [0, 1]], reference: [1, 2]), 1)
  }

  func testMinusInfinityInADominatingPointIsAnInfiniteVolume() throws {
    XCTAssertEqual(try Hypervolume.compute(points: [[-.infinity, 0], [0, 1]], reference: [1, 2]), .infinity)
    XCTAssertEqual(try Hypervolume.compute(points: [[0, 0, -.infinity, 0]], reference: [1, 1, 1, 1]), .infinity)
  }

  func testExtremeMagnitudesNeitherOverflowNorLoseTheResult() throws {
    // The distance 2e308 overflows a double, the volume 2e8 does not.
    XCTAssertEqual(try Hypervolume.compute(points: [[-1e308, 0]], reference: [1e308, 1e-300]), 2e8,
                   accuracy: 1e-6)
    XCTAssertEqual(try Hypervolume.compute(points: [[0, 0]], reference: [1e300, 1e300]), .infinity)
    // The first two distances multiply to 1.5e-400, below every double; scaled by
    // powers of two, the volume 1.5e-200 keeps its digits.
    let tiny = try Hypervolume.compute(points: [[0, 0, 0], [5e-201, -1e-200, 0]], reference: [1e-200, 1e-200, 1e200])
    XCTAssertEqual(tiny, 1.5e-200, accuracy: 1e-14 * 1.5e-200)
  }

  func testSubnormalDistancesKeepTheirVolume() throws {
    // Found by fuzz_hypervolume: scaling a subnormal column by 2^-shift overflowed to inf, and inf - inf is NaN.
    XCTAssertEqual(try Hypervolume.compute(points: [[0, 0]], reference: [5e-324, 1]), 5e-324)
    XCTAssertEqual(try Hypervolume.compute(points: [[0, 0]], reference: [1e-310, 1e10]), 1e-300, accuracy: 1e-310)
    let points: [[Double]] = [[-1.6e-314, -65536, -1e-314], [-1e-314, -1, -1.6e-314], [0, -3, -1.2e-314]]
    let v = try Hypervolume.compute(points: points, reference: [0, 0, 0])
    XCTAssertFalse(v.isNaN)
    let (wide, exact) = (points.map { p in p.map { $0 * 0x1p1000 } }, inclusionExclusion(points.map { p in p.map { $0 * 0x1p1000 } }, [0, 0, 0]))
    XCTAssertEqual(try Hypervolume.compute(points: wide, reference: [0, 0, 0]), exact, accuracy: 1e-12 * exact)
    for m in 4...5 {
      let p = (0..<3).map { i in (0..<m).map { j in -Double((i + j) % 3 + 1) * 1e-315 } }
      XCTAssertFalse(try Hypervolume.compute(points: p, reference: [Double](repeating: 0, count: m)).isNaN)
    }
  }

  func testBadArgumentsAreRefused() {
    func refused(_ points: [[Double]], _ reference: [Double]) {
      XCTAssertThrowsError(try Hypervolume.compute(points: points, reference: reference)) { error in
        guard case HoneError.invalidArgument = error else { return XCTFail("\(error)") }
      }
    }
    refused([[1]], [])
    refused([], [])
    refused([[1, 2]], [3])
    refused([[1], [1, 2]], [3])
    refused([[.nan, 0]], [1, 1])
    refused([[5, .nan]], [1, 1])
    refused([[0, 0]], [1, .infinity])
    refused([[0, 0]], [-.infinity, 1])
    refused([[0, 0]], [.nan, 1])
    XCTAssertThrowsError(try Hypervolume.compute(values: [1, 2, 3], rows: 2, reference: [4, 4]))
    XCTAssertThrowsError(try Hypervolume.compute(values: [], rows: -1, reference: [4]))
    XCTAssertThrowsError(try Hypervolume.compute(values: [], rows: Int.max, reference: [4, 4]))
    // Past the depth bound in both points and objectives; at it in either, the volume is computed.
    let wide = Hypervolume.maxDepth + 1
    XCTAssertThrowsError(
      try Hypervolume.compute(values: [Double](repeating: 0, count: wide * wide), rows: wide, reference: [Double](repeating: 1, count: wide)))
    XCTAssertEqual(
      try Hypervolume.compute(values: [Double](repeating: 0, count: 2 * wide), rows: 2, reference: [Double](repeating: 1, count: wide)), 1)
  }
}
