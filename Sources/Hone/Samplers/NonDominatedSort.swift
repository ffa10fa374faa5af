/// Fast non-dominated sorting, constrained domination and crowding distance
/// (Deb et al. 2002), shared by the genetic samplers and by any sampler that
/// ranks trials on several objectives.
extension ParetoFront {
  /// Where a trial stands on its constraints, for constrained domination.
  public enum Feasibility: Equatable, Sendable {
    /// Every constraint value is ≤ 0.
    case feasible
    /// Some constraint value is > 0; the payload is the total violation.
    case infeasible(violation: Double)
    /// The trial's constraint values hold a NaN: every trial with numbers dominates it.
    case unknown

    /// The feasibility of `trial`'s stored constraint values.
    ///
    /// A trial with none set is feasible, as in Optuna 5 (an empty set of constraints
    /// is all satisfied): a study that adds constraints partway, or a trial told
    /// before its `constraints_func` existed, keeps its place on the front.
    public init(_ trial: FrozenTrial) {
      guard let values = trial.constraints else {
        self = .feasible
        return
      }
      guard !values.contains(where: \.isNaN) else {
        self = .unknown
        return
      }
      let violation = trial.constraintViolation
      self = violation > 0 ? .infeasible(violation: violation) : .feasible
    }
  }

  /// The non-domination rank of every point (0 for the first front), every objective
  /// minimized, by fronts peeled from the lexicographically sorted points (`ParetoRank`).
  ///
  /// Equal points share a rank, as neither dominates the other. With `feasibility`
  /// (one per point) the ranks follow constrained domination: the feasible points
  /// first, ranked on their objectives; then the infeasible ones, ranked by total
  /// violation alone (equal violations share a rank); then the points whose
  /// feasibility is unknown, ranked on their objectives.
  public static func ranks(_ points: [[Double]], feasibility: [Feasibility]? = nil) -> [Int] {
    guard let feasibility, feasibility.count == points.count else { return ParetoRank.ranks(points) }
    var ranks = Array(repeating: 0, count: points.count)
    let feasible = points.indices.filter { feasibility[$0] == .feasible }
    let sub = ParetoRank.ranks(feasible.map { points[$0] })
    for (k, i) in feasible.enumerated() { ranks[i] = sub[k] }
    var next = (sub.max() ?? -1) + 1
    var violations: [(Double, Int)] = []
    var unknown: [Int] = []
    for i in points.indices {
      switch feasibility[i] {
      case .feasible: break
      case .infeasible(let v): violations.append((v, i))
      case .unknown: unknown.append(i)
      }
    }
    violations.sort { $0.0 < $1.0 }
    for (k, (v, i)) in violations.enumerated() {
      if k > 0 && v > violations[k - 1].0 { next += 1 }
      ranks[i] = next
    }
    if !violations.isEmpty { next += 1 }
    let last = ParetoRank.ranks(unknown.map { points[$0] })
    for (k, i) in unknown.enumerated() { ranks[i] = next + last[k] }
    return ranks
  }

  /// The points' indices grouped by rank (`ranks`), best front first, each front in index order.
  public static func fronts(_ points: [[Double]], feasibility: [Feasibility]? = nil) -> [[Int]] {
    let r = ranks(points, feasibility: feasibility)
    var fronts = Array(repeating: [Int](), count: (r.max() ?? -1) + 1)
    for (i, k) in r.enumerated() { fronts[k].append(i) }
    return fronts
  }

  /// Whether `a` constrained-dominates `b`: a feasible point dominates an infeasible
  /// one, of two infeasible points the smaller violation dominates, a point of unknown
  /// feasibility is dominated by every point of known feasibility, and two feasible
  /// points, or two of unknown feasibility, compare by Pareto dominance (`dominates`),
  /// every objective minimized.
  public static func constrainedDominates(
    _ a: [Double], _ fa: Feasibility, _ b: [Double], _ fb: Feasibility
  ) -> Bool {
    switch (fa, fb) {
    case (.feasible, .feasible), (.unknown, .unknown): return dominates(a, b)
    case (.feasible, _): return true
    case (.infeasible(let va), .infeasible(let vb)): return va < vb
    case (.infeasible, .unknown): return true
    case (.infeasible, .feasible), (.unknown, .feasible), (.unknown, .infeasible): return false
    }
  }

  /// The crowding distance of every point, as Optuna's NSGA-II measures it.
  ///
  /// For each objective whose values are not all equal, the points are sorted by it
  /// (ties in index order), the nearest values below and above each point (−∞ below
  /// the first, +∞ above the last) are taken, and their gap, divided by the spread
  /// between the smallest and largest finite values (1 when that is not positive),
  /// is added to the point's distance; a gap between two equal infinities counts 0.
  /// The extreme points of every varying objective therefore get +∞.
  public static func crowdingDistances(_ points: [[Double]]) -> [Double] {
    var distance = Array(repeating: 0.0, count: points.count)
    guard let m = points.first?.count else { return distance }
    for d in 0..<m {
      let value = { (i: Int) -> Double in points[i].count > d ? points[i][d] : .nan }
      // NaN sorts last so that the order is total.
      let order = points.indices.sorted { i, j in
        let (x, y) = (value(i), value(j))
        if x.isNaN || y.isNaN { return !x.isNaN && y.isNaN || (x.isNaN == y.isNaN && i < j) }
        return x < y || (x == y && i < j)
      }
      guard let first = order.first, let last = order.last, value(first) != value(last) else { continue }
      var vs = [-Double.infinity]
      vs.reserveCapacity(order.count + 2)
      for i in order { vs.append(value(i)) }
      vs.append(.infinity)
      let vMin = vs.first { $0 != -.infinity } ?? 0
      let vMax = vs.last { $0 != .infinity } ?? 0
      var width = vMax - vMin
      if width <= 0 { width = 1 }
      for (j, i) in order.enumerated() {
        let gap = vs[j] == vs[j + 2] ? 0 : vs[j + 2] - vs[j]
        distance[i] += gap / width
      }
    }
    return distance
  }
}
