/// The three-objective sweep, and the rank tree that keeps its staircase.
extension Hypervolume {
  /// Three objectives: a sweep over the third distance, largest first, keeping
  /// the staircase of the rows seen so far (their non-dominated projections on
  /// the first two, by the first ascending and so by the second descending) and
  /// its area.
  ///
  /// A new row either lies under the staircase or adds the area between its box
  /// and the steps it covers, which leave the staircase; each row enters and
  /// leaves once, and each step is found in O(log n) in a rank tree over the rows
  /// ordered by the first distance, so the sweep takes O(n log n).
  ///
  /// The staircase covers every row seen before, so a row that one earlier row
  /// covers lies under it and leaves it as it is: a first pass drops such rows,
  /// testing each against two earlier rows only (the one of largest area, and the
  /// last row kept), and the rank tree is built over the rest, which for points
  /// spread through a box are a few dozen of a thousand. The rows dropped still
  /// close their slab of the sweep, so the sum takes the same terms in the same
  /// order as a sweep over every row.
  static func volume3(_ d: [Double], count n: Int) -> Double {
    // The sweep runs from the end of the ascending stable order: equal third
    // distances in descending index order.
    // byZ is a permutation of 0..<n and d holds 3n values: every index below is in range.
    return d.withUnsafeBufferPointer { d in
      let byZ = [Double].ascendingOrder(of: UnsafeBufferPointer(rebasing: d[2...]), count: n, stride: 3)
      return byZ.withUnsafeBufferPointer { byZ in
        let candidates = uncovered(d, sweep: byZ)
        return sweep(d, byZ, candidates)
      }
    }
  }

  /// The rows, in sweep order, that neither of two earlier rows covers in the first two distances.
  static func uncovered(_ d: UnsafeBufferPointer<Double>, sweep byZ: UnsafeBufferPointer<Int>) -> [Int] {
    var kept: [Int] = []
    // Distances are >= 0: a stand-in at -1 covers no row.
    var (bestX, bestY, bestArea) = (-1.0, -1.0, -1.0)
    var (lastX, lastY) = (-1.0, -1.0)
    var k = byZ.count
    while k > 0 {
      k -= 1
      let i = byZ[k]
      let x = d[3 * i]
      let y = d[3 * i + 1]
      if (bestX < x || bestY < y) && (lastX < x || lastY < y) {
        kept.append(i)
        (lastX, lastY) = (x, y)
      }
      // Any earlier row is a valid stand-in; the largest area covers the most of a box.
      if x * y > bestArea { (bestX, bestY, bestArea) = (x, y, x * y) }
    }
    return kept
  }

  /// The sweep over the rows in `byZ` from its end, with the staircase kept in a
  /// rank tree over `candidates` (every row that can change it, in sweep order).
  static func sweep(_ d: UnsafeBufferPointer<Double>, _ byZ: UnsafeBufferPointer<Int>, _ candidates: [Int]) -> Double {
    let c = candidates.count
    // Ranks: by the first distance ascending. The staircase holds at most one row
    // of each first distance, so ties may take any order.
    let byX = candidates.map { d[3 * $0] }.ascendingOrder()
    var rank = [Int](repeating: 0, count: c)
    // The ranks of the candidates with the same first distance as candidate t: lo[t]...hi[t].
    var lo = [Int](repeating: 0, count: c)
    var hi = [Int](repeating: 0, count: c)
    var xs = [Double](repeating: 0, count: c)
    var ys = [Double](repeating: 0, count: c)
    var start = 0
    while start < c {
      var end = start
      while end + 1 < c, d[3 * candidates[byX[end + 1]]] == d[3 * candidates[byX[start]]] { end += 1 }
      for r in start...end {
        let t = byX[r]
        rank[t] = r
        lo[t] = start
        hi[t] = end
        xs[r] = d[3 * candidates[t]]
        ys[r] = d[3 * candidates[t] + 1]
      }
      start = end + 1
    }
    let steps = RankSet(count: c)
    var area = 0.0
    var volume = 0.0
    var t = 0
    var k = byZ.count
    while k > 0 {
      k -= 1
      let i = byZ[k]
      if t < c, candidates[t] == i {
        let x = d[3 * i]
        let y = d[3 * i + 1]
        // The step right of x (or at it) is the highest there; at or above y, the row lies under the staircase.
        let covered = steps.first(atLeast: lo[t]).map { ys[$0] >= y } ?? false
        if !covered {
          var below = steps.first(atLeast: hi[t] + 1).map { ys[$0] } ?? 0
          var right = x
          var q = steps.last(atMost: hi[t])
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
          steps.insert(rank[t])
        }
        t += 1
      }
      let next = k > 0 ? d[3 * byZ[k - 1] + 2] : 0
      volume += area * (d[3 * i + 2] - next)
    }
    return volume
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
