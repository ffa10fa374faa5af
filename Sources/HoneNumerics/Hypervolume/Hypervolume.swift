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
    try values.withUnsafeBufferPointer { (v) throws(HoneError) in try compute(values: v, rows: rows, reference: reference) }
  }

  /// `compute(values:rows:reference:)` of values read in place, as the C entry passes the caller's array.
  public static func compute(
    values: UnsafeBufferPointer<Double>, rows: Int, reference: [Double]
  ) throws(HoneError) -> Double {
    let m = reference.count
    guard m >= 1 else { throw .invalidArgument("hypervolume: the reference point has no coordinates") }
    for (j, r) in reference.enumerated() where !r.isFinite {
      throw .invalidArgument("hypervolume: reference coordinate \(j) is \(r); it must be finite")
    }
    let (expected, overflow) = rows.multipliedReportingOverflow(by: m)
    guard rows >= 0, !overflow, values.count == expected else {
      throw .invalidArgument("hypervolume: \(values.count) values are not \(rows) points of \(m) coordinates")
    }
    func notANumber(_ i: Int) -> HoneError {
      .invalidArgument("hypervolume: point \(i / m), coordinate \(i % m) is NaN")
    }
    // WFG recurses one level per objective and per point, at most min(m, rows) deep:
    // a bound keeps that depth far inside any thread's stack.
    guard min(m, rows) <= maxDepth else {
      // A NaN is still the first complaint.
      if let i = values.firstIndex(where: \.isNaN) { throw notANumber(i) }
      throw .invalidArgument(
        "hypervolume: \(rows) points of \(m) objectives; at most \(maxDepth) objectives are supported "
          + "with more than \(maxDepth) points (the exact volume's cost grows exponentially with them)")
    }
    let (d, n, exponent): ([Double], Int, Int)
    switch scaledDistances(values, rows: rows, reference: reference) {
    case .notANumber(let i): throw notANumber(i)
    case .volume(let volume): return volume
    case .scaled(let distances, let count, let e): (d, n, exponent) = (distances, count, e)
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
