/// The exact hypervolume of a set of points with respect to a reference point, for minimization.
///
/// The hypervolume is the Lebesgue measure of the region that the points dominate
/// and that dominates the reference: the union of the boxes `[p, r]` over the
/// points `p` that strictly dominate `r` (every coordinate `p_j < r_j`). Points
/// that do not strictly dominate the reference, dominated points and duplicates
/// are allowed and add nothing, as in Optuna's `compute_hypervolume`.
///
/// The algorithm depends on the number of objectives m: the largest distance to
/// the reference for m = 1, a sort and sweep for m = 2, a sweep over the third
/// objective that keeps the two-dimensional staircase in a rank tree for m = 3
/// (both O(n log n)), and WFG's limit-set recursion for m >= 4, which slices off
/// one objective per level and ends in the three-dimensional sweep. WFG's cost
/// grows exponentially with m in the worst case.
///
/// Infinite coordinates: a point with +inf in a coordinate does not strictly
/// dominate the (finite) reference and adds nothing; a point with -inf in a
/// coordinate that strictly dominates the reference in every other one has an
/// infinite box, so the hypervolume is +inf, as in Optuna.
///
/// Each coordinate is measured as its distance to the reference and scaled by a
/// power of two into (0, 1] (exact, and halving first where the distance would
/// overflow), so no intermediate volume overflows; the result is scaled back at
/// the end and is +inf only when the volume exceeds the largest double.
public enum Hypervolume {
  /// The hypervolume of `points`, each a row of `reference.count` coordinates.
  ///
  /// - Throws: `HoneError.invalidArgument` when the reference is empty or not
  ///   finite, a row's length differs from the reference's, or a value is NaN.
  public static func compute(points: [[Double]], reference: [Double]) throws(HoneError) -> Double {
    let m = reference.count
    var flat: [Double] = []
    flat.reserveCapacity(points.count.multipliedReportingOverflow(by: m).overflow ? 0 : points.count * m)
    for (i, row) in points.enumerated() {
      guard row.count == m else {
        throw .invalidArgument("hypervolume: point \(i) has \(row.count) coordinates, the reference has \(m)")
      }
      flat.append(contentsOf: row)
    }
    return try compute(values: flat, rows: points.count, reference: reference)
  }

  /// The most objectives the exact computation takes when there are also more than this many points.
  public static let maxDepth = 64

  /// The hypervolume of `rows` points stored row-major in `values`, `reference.count` per row.
  ///
  /// - Throws: `HoneError.invalidArgument` when the reference is empty or not
  ///   finite, `values` does not hold `rows * reference.count` values, a value is NaN,
  ///   or there are more than `maxDepth` of both points and objectives.
  public static func compute(values: [Double], rows: Int, reference: [Double]) throws(HoneError) -> Double {
    let m = reference.count
    guard m >= 1 else { throw .invalidArgument("hypervolume: the reference point has no coordinates") }
    for (j, r) in reference.enumerated() where !r.isFinite {
      throw .invalidArgument("hypervolume: reference coordinate \(j) is \(r); it must be finite")
    }
    let (expected, overflow) = rows.multipliedReportingOverflow(by: m)
    guard rows >= 0, !overflow, values.count == expected else {
      throw .invalidArgument("hypervolume: \(values.count) values are not \(rows) points of \(m) coordinates")
    }
    if let i = values.firstIndex(where: \.isNaN) {
      throw .invalidArgument("hypervolume: point \(i / m), coordinate \(i % m) is NaN")
    }
    // WFG recurses one level per objective and per point, at most min(m, rows) deep:
    // a bound keeps that depth far inside any thread's stack.
    guard min(m, rows) <= maxDepth else {
      throw .invalidArgument(
        "hypervolume: \(rows) points of \(m) objectives; at most \(maxDepth) objectives are supported "
          + "with more than \(maxDepth) points (the exact volume's cost grows exponentially with them)")
    }
    // The points whose box has positive width in every coordinate.
    var kept: [Int] = []
    for i in 0..<rows {
      let row = i * m
      var inside = true
      var unbounded = false
      for j in 0..<m {
        let p = values[row + j]
        guard p < reference[j] else {
          inside = false
          break
        }
        if p == -.infinity { unbounded = true }
      }
      if inside {
        if unbounded { return .infinity }
        kept.append(i)
      }
    }
    let n = kept.count
    guard n > 0 else { return 0 }

    // Distances to the reference, column by column, scaled into (0, 1].
    var d = [Double](repeating: 0, count: n * m)
    var exponent = 0
    for j in 0..<m {
      let r = reference[j]
      var largest = 0.0
      for k in 0..<n {
        let distance = r - values[kept[k] * m + j]
        d[k * m + j] = distance
        largest = max(largest, distance)
      }
      // A distance overflowed: the true one is below twice the largest double, so halved it is finite.
      let halved = !largest.isFinite
      if halved {
        largest = 0
        for k in 0..<n {
          let distance = r * 0.5 - values[kept[k] * m + j] * 0.5
          d[k * m + j] = distance
          largest = max(largest, distance)
        }
      }
      // largest = s * 2^e with s in [1, 2): dividing by 2^(e + 1) puts the column in (0, 1).
      let shift = largest.exponent + 1
      if (-1022...1023).contains(-shift) {
        let scale = Double(sign: .plus, exponent: -shift, significand: 1)
        for k in 0..<n { d[k * m + j] *= scale }
      } else {
        // A subnormal column: 2^-shift itself is beyond a double.
        for k in 0..<n { d[k * m + j] = Double(sign: .plus, exponent: -shift, significand: d[k * m + j]) }
      }
      let (e1, o1) = exponent.addingReportingOverflow(shift)
      let (e2, o2) = e1.addingReportingOverflow(halved ? 1 : 0)
      // Only with more columns than memory holds; the result is then beyond any double.
      guard !o1, !o2 else { return shift > 0 ? .infinity : 0 }
      exponent = e2
    }

    let volume: Double
    switch m {
    case 1: volume = d.max() ?? 0
    case 2: volume = volume2(d, count: n)
    case 3: volume = volume3(d, count: n)
    default:
      let (front, count) = nondominated(d, count: n, dims: m)
      volume = wfg(front, count: count, dims: m)
    }
    return Double(sign: .plus, exponent: exponent, significand: volume)
  }
}

// The algorithms below measure the union of the boxes [0, d] of rows d of
// distances to the reference: the larger a coordinate, the better.
extension Hypervolume {
  /// Two objectives: the rows by the first distance, largest first; each row
  /// that reaches higher in the second adds the strip above the ones before it.
  static func volume2(_ d: [Double], count n: Int) -> Double {
    // Equal first distances may come in any order: the higher adds the rest of the strip.
    let order = (0..<n).map { d[2 * $0] }.ascendingOrder().reversed()
    var height = 0.0
    var volume = 0.0
    for i in order where d[2 * i + 1] > height {
      volume += d[2 * i] * (d[2 * i + 1] - height)
      height = d[2 * i + 1]
    }
    return volume
  }

  /// Three objectives: a sweep over the third distance, largest first, keeping
  /// the staircase of the rows seen so far (their non-dominated projections on
  /// the first two, by the first ascending and so by the second descending) and
  /// its area.
  ///
  /// A new row either lies under the staircase or adds the area between its box
  /// and the steps it covers, which leave the staircase; each row enters and
  /// leaves once, and each step is found in O(log n) in a rank tree over the rows
  /// ordered by the first distance, so the sweep takes O(n log n).
  static func volume3(_ d: [Double], count n: Int) -> Double {
    // Ranks: by the first distance ascending. The staircase holds at most one row
    // of each first distance, so ties may take any order.
    let byX = (0..<n).map { d[3 * $0] }.ascendingOrder()
    var rank = [Int](repeating: 0, count: n)
    // The ranks of the rows with the same first distance as row i: lo[i]...hi[i].
    var lo = [Int](repeating: 0, count: n)
    var hi = [Int](repeating: 0, count: n)
    var xs = [Double](repeating: 0, count: n)
    var ys = [Double](repeating: 0, count: n)
    var start = 0
    while start < n {
      var end = start
      while end + 1 < n, d[3 * byX[end + 1]] == d[3 * byX[start]] { end += 1 }
      for r in start...end {
        let i = byX[r]
        rank[i] = r
        lo[i] = start
        hi[i] = end
        xs[r] = d[3 * i]
        ys[r] = d[3 * i + 1]
      }
      start = end + 1
    }
    let byZ = Array((0..<n).map { d[3 * $0 + 2] }.ascendingOrder().reversed())
    let steps = RankSet(count: n)
    var area = 0.0
    var volume = 0.0
    for (k, i) in byZ.enumerated() {
      let x = d[3 * i]
      let y = d[3 * i + 1]
      // The step right of x (or at it) is the highest there; at or above y, the row lies under the staircase.
      let covered = steps.first(atLeast: lo[i]).map { ys[$0] >= y } ?? false
      if !covered {
        var below = steps.first(atLeast: hi[i] + 1).map { ys[$0] } ?? 0
        var right = x
        var q = steps.last(atMost: hi[i])
        var gain = 0.0
        while let s = q, ys[s] <= y {
          gain += (right - xs[s]) * (y - below)
          below = ys[s]
          right = xs[s]
          steps.remove(s)
          q = steps.last(atMost: s - 1)
        }
        gain += (right - (q.map { xs[$0] } ?? 0)) * (y - below)
        area += gain
        steps.insert(rank[i])
      }
      let next = k + 1 < n ? d[3 * byZ[k + 1] + 2] : 0
      volume += area * (d[3 * i + 2] - next)
    }
    return volume
  }

  /// Four or more objectives: WFG (While, Bradstreet and Barone, 2012).
  ///
  /// With the rows sorted by the last distance, largest first, the union is the
  /// sum over rows of the volume each adds to the rows before it: its box minus
  /// the union of its limit set (the rows before it, each clipped to its box).
  /// Every clipped row reaches exactly as far in the last objective as the row
  /// itself, so that slab's volume is the last distance times an (m - 1)-objective
  /// exclusive volume, computed the same way down to the three-objective sweep.
  static func wfg(_ d: [Double], count n: Int, dims m: Int) -> Double {
    if n == 0 { return 0 }
    if n == 1 { return (0..<m).reduce(1.0) { $0 * d[$1] } }
    switch m {
    case 1: return d.max() ?? 0
    case 2: return volume2(d, count: n)
    case 3: return volume3(d, count: n)
    default: break
    }
    let last = m - 1
    let order = (0..<n).sorted { d[$0 * m + last] > d[$1 * m + last] }
    var limit: [Double] = []
    limit.reserveCapacity(n * last)
    var volume = 0.0
    for (position, i) in order.enumerated() {
      var box = 1.0
      for j in 0..<last { box *= d[i * m + j] }
      limit.removeAll(keepingCapacity: true)
      for before in order[..<position] {
        for j in 0..<last { limit.append(min(d[before * m + j], d[i * m + j])) }
      }
      let (front, count) = nondominated(limit, count: position, dims: last)
      // Never negative in exact arithmetic; rounding may leave a tiny negative.
      let exclusive = max(0, box - wfg(front, count: count, dims: last))
      volume += d[i * m + last] * exclusive
    }
    return volume
  }

  /// The rows that no other row weakly dominates, one of each set of duplicates.
  ///
  /// In lexicographically descending order a row's weak dominators come before
  /// it, so each row is compared with the rows kept so far only.
  static func nondominated(_ d: [Double], count n: Int, dims m: Int) -> ([Double], Int) {
    let order = (0..<n).sorted { a, b in
      for j in 0..<m where d[a * m + j] != d[b * m + j] { return d[a * m + j] > d[b * m + j] }
      return false
    }
    var front: [Double] = []
    front.reserveCapacity(n * m)
    var count = 0
    for i in order {
      let row = i * m
      var dominated = false
      for k in 0..<count where (0..<m).allSatisfy({ front[k * m + $0] >= d[row + $0] }) {
        dominated = true
        break
      }
      if !dominated {
        front.append(contentsOf: d[row..<(row + m)])
        count += 1
      }
    }
    return (front, count)
  }
}

/// A set of ranks 0..<count in a Fenwick tree of counts: insert, remove and the
/// nearest member either side of a rank, each in O(log count).
///
/// The tree is a buffer read without per-access checks: every index is computed
/// here from ranks in 0..<count, which the sweep alone passes, and stays in
/// 1...count.
final class RankSet {
  private let tree: UnsafeMutablePointer<Int>
  private let count: Int
  /// The largest power of two at most `count`, where a search for the k-th member starts.
  private let top: Int
  private var total = 0

  init(count: Int) {
    self.count = count
    tree = .allocate(capacity: count + 1)
    tree.initialize(repeating: 0, count: count + 1)
    var top = 1
    while top <= count / 2 { top *= 2 }
    self.top = top
  }

  deinit { tree.deallocate() }

  func insert(_ rank: Int) { add(rank, 1) }
  func remove(_ rank: Int) { add(rank, -1) }

  /// The largest member at most `rank`.
  func last(atMost rank: Int) -> Int? {
    let c = membersUpTo(rank)
    return c > 0 ? member(c) : nil
  }

  /// The smallest member at least `rank`.
  func first(atLeast rank: Int) -> Int? {
    let c = membersUpTo(rank - 1)
    return c < total ? member(c + 1) : nil
  }

  private func add(_ rank: Int, _ delta: Int) {
    total += delta
    var i = rank + 1
    while i <= count {
      tree[i] += delta
      i += i & -i
    }
  }

  /// The number of members at most `rank`.
  private func membersUpTo(_ rank: Int) -> Int {
    var i = min(rank, count - 1) + 1
    var c = 0
    while i > 0 {
      c += tree[i]
      i -= i & -i
    }
    return c
  }

  /// The k-th smallest member, k from 1.
  private func member(_ k: Int) -> Int {
    var position = 0
    var remaining = k
    var step = top
    while step > 0 {
      if position + step <= count, tree[position + step] < remaining {
        position += step
        remaining -= tree[position]
      }
      step /= 2
    }
    return position
  }
}
