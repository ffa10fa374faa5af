/// A partition into boxes of the region a front does not dominate, for expected hypervolume improvement.
extension Hypervolume {
  /// One box of a decomposition: `lower` may hold −∞, `upper` is finite.
  public struct Box: Sendable, Equatable {
    public var lower: [Double]
    public var upper: [Double]
  }

  /// Boxes that partition the points below `reference` that no row of `points` weakly
  /// dominates (every objective minimized), as BoTorch's and Optuna's
  /// `get_non_dominated_box_bounds` build them.
  ///
  /// The hypervolume a new point y adds to `points` is then
  /// Σ_boxes Π_k max(0, upper_k − max(lower_k, y_k)), which is what EHVI integrates.
  /// The boxes come from the local upper bounds of the front (Lacour, Klamroth and
  /// Fonseca 2017, Algorithm 2), whose negation, taken as a front against the point
  /// at infinity, gives the lower bounds and the boxes (their Eq. 2): O(n^⌊m/2⌋)
  /// boxes for n front points in m objectives. Rows that are not below the reference
  /// in every objective, dominated rows and duplicates change nothing.
  ///
  /// - Throws: `HoneError.invalidArgument` with fewer than two objectives, a row of
  ///   another length, or a value that is NaN or infinite.
  public static func nonDominatedBoxes(of points: [[Double]], reference: [Double]) throws(HoneError) -> [Box] {
    let m = reference.count
    guard m >= 2 else { throw .invalidArgument("box decomposition: needs at least 2 objectives, got \(m)") }
    guard reference.allSatisfy(\.isFinite) else {
      throw .invalidArgument("box decomposition: the reference point must be finite")
    }
    for (i, p) in points.enumerated() {
      guard p.count == m else {
        throw .invalidArgument("box decomposition: point \(i) has \(p.count) coordinates, but the reference has \(m)")
      }
      guard p.allSatisfy(\.isFinite) else { throw .invalidArgument("box decomposition: point \(i) is not finite") }
    }
    let inside = points.filter { zip($0, reference).allSatisfy { $0 < $1 } }
    let upper = localUpperBounds(sortedFront(inside), reference: reference).bounds
    let atInfinity = [Double](repeating: .infinity, count: m)
    let negated = localUpperBounds(sortedFront(upper.map { $0.map { -$0 } }), reference: atInfinity)
    return boxes(negated.bounds, negated.definingPoints, reference: atInfinity).map {
      Box(lower: $0.upper.map { -$0 }, upper: $0.lower.map { -$0 })
    }
  }

  /// The rows no other row weakly dominates, one of each set of equal rows, in lexicographic order.
  static func sortedFront(_ rows: [[Double]]) -> [[Double]] {
    let unique = lexicographicallyUnique(rows).map { rows[$0] }
    let onFront = ParetoRank.frontOfSorted(unique)
    return unique.indices.filter { onFront[$0] }.map { unique[$0] }
  }

  /// The local upper bounds of `front` (sorted by its first objective) below `reference`,
  /// each with its defining points: `definingPoints[i][k]` is the point z^k(u_i) that
  /// bounds u_i in objective k (the reference's k-th coordinate alone, for the reference).
  static func localUpperBounds(
    _ front: [[Double]], reference: [Double]
  ) -> (bounds: [[Double]], definingPoints: [[[Double]]]) {
    let m = reference.count
    var bounds = [reference]
    var defining = [(0..<m).map { k in (0..<m).map { j in j == k ? reference[k] : -Double.infinity } }]
    for point in front {
      var keptBounds: [[Double]] = []
      var keptDefining: [[[Double]]] = []
      var newBounds: [[Double]] = []
      var newDefining: [[[Double]]] = []
      for (i, u) in bounds.enumerated() {
        guard zip(point, u).allSatisfy({ $0 < $1 }) else {
          keptBounds.append(u)
          keptDefining.append(defining[i])
          continue
        }
        // u is dominated by the new point: it splits into one bound per objective j
        // where the point still exceeds every other defining point's j-th coordinate.
        let z = defining[i]
        for j in 0..<m {
          var threshold = -Double.infinity
          if j > 0 { for k in 0..<m where k != j { threshold = max(threshold, z[k][j]) } }
          guard point[j] >= threshold else { continue }
          var split = u
          split[j] = point[j]
          var points = z
          points[j] = point
          newBounds.append(split)
          newDefining.append(points)
        }
      }
      bounds = keptBounds + newBounds
      defining = keptDefining + newDefining
    }
    return (bounds, defining)
  }

  /// The boxes of Lacour et al.'s Eq. 2 from local upper bounds and their defining
  /// points, the empty ones left out.
  static func boxes(_ bounds: [[Double]], _ defining: [[[Double]]], reference: [Double]) -> [Box] {
    let m = reference.count
    var out: [Box] = []
    for (u, z) in zip(bounds, defining) {
      var lower = [Double](repeating: 0, count: m)
      var upper = [Double](repeating: 0, count: m)
      lower[0] = z[0][0]
      upper[0] = reference[0]
      for j in 1..<m {
        var l = -Double.infinity
        for k in 0..<j { l = max(l, z[k][j]) }
        lower[j] = l
        upper[j] = u[j]
      }
      if zip(lower, upper).allSatisfy({ $0 < $1 }) { out.append(Box(lower: lower, upper: upper)) }
    }
    return out
  }
}
