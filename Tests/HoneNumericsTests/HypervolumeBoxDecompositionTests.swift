import XCTest

@testable import HoneNumerics
import HoneSupport

/// The box decomposition of the non-dominated region against exact hypervolumes: the
/// boxes measure every point's hypervolume improvement, and they do not overlap.
final class HypervolumeBoxDecompositionTests: XCTestCase {
  /// Σ_boxes Π_k max(0, upper_k − max(lower_k, y_k)): the improvement the boxes give y.
  func improvement(_ boxes: [Hypervolume.Box], _ y: [Double]) -> Double {
    boxes.reduce(0) { total, box in
      total + (0..<y.count).reduce(1.0) { $0 * max(0, box.upper[$1] - max(box.lower[$1], y[$1])) }
    }
  }

  /// Points near a front (a simplex-like surface), with some dominated ones and duplicates.
  func cloud(_ n: Int, _ m: Int, _ rng: inout Xoshiro256) -> [[Double]] {
    var points = (0..<n).map { _ in
      let head = (0..<(m - 1)).map { _ in Double.random(in: 0..<1, using: &rng) }
      return head + [Double(m - 1) / 2 - head.reduce(0, +) / 2 + Double.random(in: 0..<0.3, using: &rng)]
    }
    if n > 2 { points.append(points[0]) }
    return points
  }

  func testTheBoxesMeasureEveryPointsHypervolumeImprovement() throws {
    var rng = Xoshiro256(seed: 17)
    for m in 2...4 {
      for n in [1, 2, 5, 12, 25] {
        let points = cloud(n, m, &rng)
        let reference = [Double](repeating: 2, count: m)
        let boxes = try Hypervolume.nonDominatedBoxes(of: points, reference: reference)
        let base = try Hypervolume.compute(points: points, reference: reference)
        for _ in 0..<30 {
          // New points inside, outside and across the reference and the front.
          let y = (0..<m).map { _ in Double.random(in: -0.5..<2.5, using: &rng) }
          let exact = try Hypervolume.compute(points: points + [y], reference: reference) - base
          XCTAssertEqual(improvement(boxes, y), exact, accuracy: 1e-9 * max(1, exact), "m \(m), n \(n), y \(y)")
        }
        // The boxes are disjoint: clipped to a corner below every point, they fill the region exactly.
        let corner = [Double](repeating: -0.5, count: m)
        let region = (0..<m).reduce(1.0) { $0 * (reference[$1] - corner[$1]) } - (try Hypervolume.compute(
          points: points.map { p in zip(p, corner).map { max($0, $1) } }, reference: reference))
        XCTAssertEqual(improvement(boxes, corner), region, accuracy: 1e-9, "m \(m), n \(n)")
        for box in boxes { XCTAssert(box.upper.allSatisfy(\.isFinite)) }
      }
    }
  }

  func testTwoObjectivesGiveOneBoxPerStep() throws {
    // The staircase (1, 3), (2, 2), (3, 1) below (4, 4): four boxes, from the first
    // objective's −∞ to each step.
    let boxes = try Hypervolume.nonDominatedBoxes(of: [[2, 2], [1, 3], [3, 1], [3, 3]], reference: [4, 4])
    XCTAssertEqual(boxes.count, 4)
    // From (0, 0): the square to the reference, 16, less the 6 the staircase dominates.
    XCTAssertEqual(improvement(boxes, [0, 0]), 10, accuracy: 1e-12)
  }

  func testBadArgumentsAreRefused() {
    XCTAssertThrowsError(try Hypervolume.nonDominatedBoxes(of: [[1]], reference: [2]))
    XCTAssertThrowsError(try Hypervolume.nonDominatedBoxes(of: [[1, 2, 3]], reference: [2, 3]))
    XCTAssertThrowsError(try Hypervolume.nonDominatedBoxes(of: [[1, .nan]], reference: [2, 3]))
    XCTAssertThrowsError(try Hypervolume.nonDominatedBoxes(of: [[1, 2]], reference: [.infinity, 3]))
  }
}
