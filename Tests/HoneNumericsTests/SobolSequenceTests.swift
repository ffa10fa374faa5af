import XCTest

@testable import HoneNumerics
import HoneSupport

/// Sobol points against scipy.stats.qmc.Sobol (scipy 1.17, scramble=False), and the
/// properties scrambling must keep.
final class SobolSequenceTests: XCTestCase {
  func unscrambled(_ d: Int) throws -> SobolSequence {
    var rng = Xoshiro256(seed: 0)
    return try SobolSequence(dimension: d, scramble: false, using: &rng)
  }

  /// FNV-1a over the 52-bit integer coordinates, the digest the reference script prints:
  /// `h = ((h ^ int(x * 2**52)) * 0x100000001b3) mod 2**64` over the points, row-major.
  func digest(_ s: SobolSequence, count: Int) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for i in 0..<count {
      for x in s.point(at: UInt64(i)) {
        h = (h ^ UInt64(x * 0x1p52)) &* 0x100_0000_01b3
      }
    }
    return h
  }

  func testFirstSixteenPointsOfTwentyOneDimensionsMatchScipy() throws {
    // scipy: Sobol(21, scramble=False).random(16) * 16.
    let expected: [[Int]] = [
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      [8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8],
      [12, 4, 4, 4, 12, 12, 4, 12, 12, 12, 12, 12, 4, 4, 12, 4, 12, 4, 12, 4, 4],
      [4, 12, 12, 12, 4, 4, 12, 4, 4, 4, 4, 4, 12, 12, 4, 12, 4, 12, 4, 12, 12],
      [6, 6, 10, 14, 6, 2, 6, 14, 14, 10, 14, 6, 6, 10, 6, 14, 6, 14, 14, 2, 2],
      [14, 14, 2, 6, 14, 10, 14, 6, 6, 2, 6, 14, 14, 2, 14, 6, 14, 6, 6, 10, 10],
      [10, 2, 14, 10, 10, 14, 2, 2, 2, 6, 2, 10, 2, 14, 10, 10, 10, 10, 2, 6, 6],
      [2, 10, 6, 2, 2, 6, 10, 10, 10, 14, 10, 2, 10, 6, 2, 2, 2, 2, 10, 14, 14],
      [3, 5, 15, 7, 9, 5, 7, 15, 15, 5, 11, 1, 15, 15, 13, 15, 13, 13, 15, 5, 3],
      [11, 13, 7, 15, 1, 13, 15, 7, 7, 13, 3, 9, 7, 7, 5, 7, 5, 5, 7, 13, 11],
      [15, 1, 11, 3, 5, 9, 3, 3, 3, 9, 7, 13, 11, 11, 1, 11, 1, 9, 3, 1, 7],
      [7, 9, 3, 11, 13, 1, 11, 11, 11, 1, 15, 5, 3, 3, 9, 3, 9, 1, 11, 9, 15],
      [5, 3, 5, 9, 15, 7, 1, 1, 1, 15, 5, 7, 9, 5, 11, 1, 11, 3, 1, 7, 1],
      [13, 11, 13, 1, 7, 15, 9, 9, 9, 7, 13, 15, 1, 13, 3, 9, 3, 11, 9, 15, 9],
      [9, 7, 1, 13, 3, 11, 5, 13, 13, 3, 9, 11, 13, 1, 7, 5, 7, 7, 13, 3, 5],
      [1, 15, 9, 5, 11, 3, 13, 5, 5, 11, 1, 3, 5, 9, 15, 13, 15, 15, 5, 11, 13],
    ]
    let s = try unscrambled(21)
    for (i, row) in expected.enumerated() {
      XCTAssertEqual(s.point(at: UInt64(i)), row.map { Double($0) / 16 }, "point \(i)")
    }
  }

  func testDigestsOfLongerRunsMatchScipy() throws {
    XCTAssertEqual(digest(try unscrambled(2), count: 256), 0x2f40_e4b9_7d05_4b25)
    XCTAssertEqual(digest(try unscrambled(5), count: 256), 0xf4ba_08a7_b7b2_0725)
    XCTAssertEqual(digest(try unscrambled(21), count: 256), 0x8474_6c55_3acb_4725)
    XCTAssertEqual(digest(try unscrambled(64), count: 256), 0x1f56_7a7f_8c87_2325)
    XCTAssertEqual(digest(try unscrambled(1111), count: 1024), 0xedd4_5d8a_bd87_5325)
  }

  func testDeepIndicesMatchScipyFastForward() throws {
    let s = try unscrambled(1111)
    let dims = [0, 1, 20, 1110]
    let cases: [(UInt64, [Double])] = [
      (100, [0.4140625, 0.2578125, 0.7578125, 0.4609375]),
      (255, [0.00390625, 0.99609375, 0.31640625, 0.82421875]),
      (1023, [0.0009765625, 0.7529296875, 0.8662109375, 0.5888671875]),
      (1_000_003, [0.2764749526977539, 0.5619192123413086, 0.7901296615600586, 0.15498828887939453]),
    ]
    for (index, values) in cases {
      let p = s.point(at: index)
      XCTAssertEqual(dims.map { p[$0] }, values, "index \(index)")
    }
  }

  func testDimensionOutsideTheTableIsAnError() throws {
    var rng = Xoshiro256(seed: 1)
    for d in [0, -1, SobolSequence.maxDimension + 1] {
      XCTAssertThrowsError(try SobolSequence(dimension: d, scramble: true, using: &rng)) {
        guard case .invalidArgument = $0 as? HoneError else { return XCTFail("\($0)") }
      }
    }
    XCTAssertGreaterThanOrEqual(SobolSequence.maxDimension, 21)
  }

  func testScramblingIsSeededAndChangesThePoints() throws {
    func scrambled(_ seed: UInt64) throws -> [[Double]] {
      var rng = Xoshiro256(seed: seed)
      let s = try SobolSequence(dimension: 7, scramble: true, using: &rng)
      return (0..<64).map { s.point(at: UInt64($0)) }
    }
    XCTAssertEqual(try scrambled(5), try scrambled(5))
    XCTAssertNotEqual(try scrambled(5), try scrambled(6))
    let plain = try unscrambled(7)
    XCTAssertNotEqual(try scrambled(5), (0..<64).map { plain.point(at: UInt64($0)) })
  }

  /// The first 2^m points of a scrambled Sobol sequence are still a (0, m, 1)-net in
  /// every coordinate and a (0, m, 2)-net in the first two: each elementary box of
  /// volume 2^-m holds exactly one point.
  func testScrambledPointsKeepTheNetProperty() throws {
    for seed in UInt64(0)..<5 {
      var rng = Xoshiro256(seed: seed)
      let s = try SobolSequence(dimension: 21, scramble: true, using: &rng)
      let m = 8
      let n = 1 << m
      let points = (0..<n).map { s.point(at: UInt64($0)) }
      for d in 0..<21 {
        let cells = Set(points.map { Int($0[d] * Double(n)) })
        XCTAssertEqual(cells.count, n, "seed \(seed), dimension \(d)")
      }
      for split in 0...m {
        let rows = Double(1 << split)
        let columns = Double(1 << (m - split))
        let cells = Set(points.map { (p: [Double]) -> Int in
          Int(p[0] * rows) * n + Int(p[1] * columns)
        })
        XCTAssertEqual(cells.count, n, "seed \(seed), boxes 2^-\(split) x 2^-\(m - split)")
      }
      XCTAssertTrue(points.allSatisfy { $0.allSatisfy { $0 >= 0 && $0 < 1 } })
    }
  }

  /// Averaged over scramblings, every point is uniform: the mean of f(x) = x over one
  /// scrambled point is 1/2 with variance 1/12 per draw.
  func testScrambledPointIsUniformOverSeeds() throws {
    var counts = [Int](repeating: 0, count: 10)
    for seed in UInt64(0)..<2000 {
      var rng = Xoshiro256(seed: seed)
      let s = try SobolSequence(dimension: 3, scramble: true, using: &rng)
      counts[min(Int(s.point(at: 0)[2] * 10), 9)] += 1
    }
    let e = 200.0
    let chi = counts.reduce(0) { $0 + (Double($1) - e) * (Double($1) - e) / e }
    XCTAssertLessThan(chi, 27.88)  // 9 dof, p = 0.001
  }
}
