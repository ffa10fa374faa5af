/// The good side of a split by several objectives, as Optuna's MOTPE makes it.
extension TPESampler {
  /// Which `count` of `values` (one row per COMPLETE trial, in trial-number order, every
  /// objective to be minimized) are good: whole non-domination ranks from the best, and of
  /// the first rank that does not fit, the rows that greedy hypervolume subset selection
  /// picks, against the reference 1.1 × the rank's worst values (0.9 × for negative ones).
  ///
  /// Indices are into `values`, ascending. NaN counts as +∞, the worst value.
  static func multiObjectiveGood(_ values: [[Double]], count: Int) -> [Int] {
    if count <= 0 { return [] }
    if count >= values.count { return Array(values.indices) }
    let rows = values.map { $0.map { $0.isNaN ? Double.infinity : $0 } }
    let ranks = ParetoRank.ranks(rows, enough: count)
    var perRank: [Int: Int] = [:]
    for r in ranks { perRank[r, default: 0] += 1 }
    // The deepest rank whose rows, with every better rank's, fit in `count`.
    var whole = -1
    var taken = 0
    while let n = perRank[whole + 1], taken + n <= count {
      taken += n
      whole += 1
    }
    var good = Set(rows.indices.filter { ranks[$0] <= whole })
    if good.count < count {
      let tied = rows.indices.filter { ranks[$0] == whole + 1 }
      let points = tied.map { rows[$0] }
      let need = count - good.count
      let chosen =
        (try? Hypervolume.greedySubset(of: points, count: need, reference: referencePoint(points)))
        ?? Array(points.indices.prefix(need))
      for k in chosen { good.insert(tied[k]) }
    }
    return good.sorted()
  }

  /// Optuna's reference point for a front: per objective, the larger of 1.1 and 0.9
  /// times the worst value, and 1e-12 where that is 0.
  static func referencePoint(_ points: [[Double]]) -> [Double] {
    guard let m = points.first?.count else { return [] }
    return (0..<m).map { j in
      let worst = points.map { $0[j] }.max() ?? 0
      let r = max(1.1 * worst, 0.9 * worst)
      return r == 0 ? 1e-12 : r
    }
  }
}
