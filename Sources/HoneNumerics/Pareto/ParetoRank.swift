/// Non-domination ranks, for minimization: fast non-dominated sorting by fronts.
///
/// A row dominates another when it is no larger in every coordinate and smaller in
/// one. Rank 0 holds the rows no row dominates, rank 1 those that only rank-0 rows
/// dominate, and so on; equal rows share a rank. The rows are made unique in
/// lexicographic order first: then no row dominates one before it, so each front is
/// peeled in one pass from its first row (as Optuna's `_calculate_nondomination_rank`).
public enum ParetoRank {
  /// The rank of each row of `points`, all of one length.
  ///
  /// With `enough`, peeling stops once at least that many unique rows have a rank;
  /// the rows left all get the next rank, which then only bounds theirs from below,
  /// as Optuna's `n_below` does. NaN coordinates compare as neither smaller nor larger;
  /// callers map them to a worst value first.
  public static func ranks(_ points: [[Double]], enough: Int? = nil) -> [Int] {
    guard let m = points.first?.count, points.allSatisfy({ $0.count == m }) else { return [Int](repeating: 0, count: points.count) }
    let order = points.indices.sorted { a, b in lexicographicallyBefore(points[a], points[b]) || (points[a] == points[b] && a < b) }
    // The unique rows in lexicographic order, and each row's place among them.
    var unique: [Int] = []
    var place = [Int](repeating: 0, count: points.count)
    for i in order {
      if let last = unique.last, points[last] == points[i] {
        place[i] = unique.count - 1
      } else {
        unique.append(i)
        place[i] = unique.count - 1
      }
    }
    var rankOfUnique = [Int](repeating: 0, count: unique.count)
    if m == 1 {
      // One objective: the unique values are sorted, so a value's rank is its place.
      for k in unique.indices { rankOfUnique[k] = k }
    } else {
      let target = min(enough ?? unique.count, unique.count)
      var remaining = Array(unique.indices)
      var rank = 0
      var ranked = 0
      while !remaining.isEmpty && ranked < target {
        let front = frontOfSorted(remaining.map { points[unique[$0]] })
        var next: [Int] = []
        next.reserveCapacity(remaining.count)
        for (k, u) in remaining.enumerated() {
          if front[k] {
            rankOfUnique[u] = rank
            ranked += 1
          } else {
            next.append(u)
          }
        }
        remaining = next
        rank += 1
      }
      for u in remaining { rankOfUnique[u] = rank }
    }
    return place.map { rankOfUnique[$0] }
  }

  /// Whether `a` comes before `b` in lexicographic order.
  static func lexicographicallyBefore(_ a: [Double], _ b: [Double]) -> Bool {
    for (x, y) in zip(a, b) where x != y { return x < y }
    return false
  }

  /// Which of `rows`, unique and in lexicographic order, no other row dominates.
  ///
  /// No row dominates one before it, so the first row is on the front; rows that it
  /// dominates are dropped, and the first row left is on the front in turn.
  static func frontOfSorted(_ rows: [[Double]]) -> [Bool] {
    var onFront = [Bool](repeating: false, count: rows.count)
    guard let m = rows.first?.count else { return onFront }
    if m == 2 {
      // Two objectives: a row is on the front when its second value is a new minimum.
      var least = Double.infinity
      for (k, r) in rows.enumerated() where k == 0 || r[1] < least {
        onFront[k] = true
        least = r[1]
      }
      return onFront
    }
    var remaining = Array(rows.indices)
    while let top = remaining.first {
      onFront[top] = true
      // The first coordinate is sorted, so a later row escapes the top row only by being smaller in another.
      remaining = remaining.dropFirst().filter { k in (1..<m).contains { rows[k][$0] < rows[top][$0] } }
    }
    return onFront
  }
}
