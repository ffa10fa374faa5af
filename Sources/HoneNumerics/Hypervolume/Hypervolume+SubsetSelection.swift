/// Hypervolume subset selection: a few points of one front that dominate as much as possible.
extension Hypervolume {
  /// `count` of the rows of `points`, chosen greedily for hypervolume with respect to
  /// `reference`, as Optuna's TPE breaks a tie between trials of one non-domination rank.
  ///
  /// The greedy choice is a (1 − 1/e) approximation of the best subset (the
  /// hypervolume is submodular): each step takes the point that adds the most volume
  /// to those taken before. The points are first made unique in lexicographic order,
  /// which also breaks ties between equal contributions (the first wins). Returned
  /// indices are into `points`, in the order chosen:
  /// - with fewer unique points than `count`, every unique point (its first
  ///   occurrence) and then the earliest duplicates, in row order;
  /// - with a reference that is not finite, the first `count` unique points in
  ///   lexicographic order, since no volume can be compared.
  ///
  /// - Throws: `HoneError.invalidArgument` when a row's length differs from the
  ///   reference's, a value is NaN, or `count` is negative or above the number of rows.
  public static func greedySubset(
    of points: [[Double]], count: Int, reference: [Double]
  ) throws(HoneError) -> [Int] {
    let m = reference.count
    guard count >= 0, count <= points.count else {
      throw .invalidArgument("cannot choose \(count) of \(points.count) points")
    }
    for (i, p) in points.enumerated() {
      guard p.count == m else {
        throw .invalidArgument("point \(i) has \(p.count) coordinates, but the reference has \(m)")
      }
      guard !p.contains(where: \.isNaN) else { throw .invalidArgument("point \(i) has a NaN coordinate") }
    }
    if count == points.count { return Array(points.indices) }
    let unique = lexicographicallyUnique(points)
    if unique.count < count {
      var chosen = [Bool](repeating: false, count: points.count)
      for i in unique { chosen[i] = true }
      var extra = count - unique.count
      for i in points.indices where !chosen[i] && extra > 0 {
        chosen[i] = true
        extra -= 1
      }
      return points.indices.filter { chosen[$0] }
    }
    guard reference.allSatisfy(\.isFinite) else { return Array(unique.prefix(count)) }
    return m == 2
      ? greedyInTwoDimensions(unique, of: points, count: count, reference: reference)
      : try greedyByVolume(unique, of: points, count: count, reference: reference)
  }

  /// The index of the first occurrence of each distinct row, in lexicographic order of the rows.
  static func lexicographicallyUnique(_ points: [[Double]]) -> [Int] {
    let order = points.indices.sorted { a, b in
      let (p, q) = (points[a], points[b])
      for (x, y) in zip(p, q) where x != y { return x < y }
      return a < b
    }
    var out: [Int] = []
    for i in order where out.last.map({ points[$0] != points[i] }) ?? true { out.append(i) }
    return out
  }

  /// Two objectives: a point's contribution is the box between it and the corner
  /// that the chosen points leave it, so each step updates the corners in O(n).
  ///
  /// `unique` is in lexicographic order; on one front, a point chosen at sorted place
  /// k caps the first objective of the points before it and the second of those after it.
  private static func greedyInTwoDimensions(
    _ unique: [Int], of points: [[Double]], count: Int, reference: [Double]
  ) -> [Int] {
    var left = unique
    var corners = [[Double]](repeating: reference, count: unique.count)
    var chosen: [Int] = []
    for _ in 0..<count {
      var best = 0
      var bestVolume = -Double.infinity
      for (k, i) in left.enumerated() {
        let volume = (corners[k][0] - points[i][0]) * (corners[k][1] - points[i][1])
        if volume > bestVolume {
          (best, bestVolume) = (k, volume)
        }
      }
      let taken = points[left[best]]
      chosen.append(left[best])
      left.remove(at: best)
      corners.remove(at: best)
      for k in 0..<best { corners[k][0] = min(taken[0], corners[k][0]) }
      for k in best..<corners.count { corners[k][1] = min(taken[1], corners[k][1]) }
    }
    return chosen
  }

  /// Any number of objectives: each step measures what every point left adds to the
  /// volume of those chosen.
  ///
  /// Contributions only shrink as points are chosen (submodularity), so a point whose
  /// last contribution is below the best one measured this step cannot be the best,
  /// and keeps that bound instead of being measured again.
  private static func greedyByVolume(
    _ unique: [Int], of points: [[Double]], count: Int, reference: [Double]
  ) throws(HoneError) -> [Int] {
    var left = unique
    var bound = unique.map { i in zip(reference, points[i]).reduce(1.0) { $0 * ($1.0 - $1.1) } }
    var chosen: [Int] = []
    var chosenRows: [[Double]] = []
    var volume = 0.0
    while chosen.count < count {
      var best = 0
      for k in left.indices where bound[k] > bound[best] { best = k }
      chosen.append(left[best])
      chosenRows.append(points[left[best]])
      volume += bound[best]
      left.remove(at: best)
      bound.remove(at: best)
      if chosen.count == count || volume.isInfinite {
        if volume.isInfinite { chosen += left.prefix(count - chosen.count) }
        break
      }
      // Measured from the largest bound down; the others keep their bound.
      var measuredBest = -Double.infinity
      for k in left.indices.sorted(by: { bound[$0] > bound[$1] }) {
        if bound[k] < measuredBest { continue }
        let with = try compute(points: chosenRows + [points[left[k]]], reference: reference)
        bound[k] = with - volume
        measuredBest = max(measuredBest, bound[k])
      }
    }
    return chosen
  }
}
