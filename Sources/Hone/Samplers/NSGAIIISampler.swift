/// NSGA-III (Deb and Jain 2014), as Optuna's `NSGAIIISampler`: NSGA-II whose last
/// front is thinned by niching around reference points instead of crowding distance.
///
/// Everything but the survivor selection is `NSGAIISampler`'s: the options, the
/// child generation, constrained domination, and generations kept in the study
/// (under `NSGAIIISampler:generation` and `NSGAIIISampler:parents`). To fill the
/// last places, the objectives of the survivors so far and of the last front are
/// normalized (infinities clipped to three spreads beyond the finite values, the
/// ideal point subtracted, the intercepts of the hyperplane through the extreme
/// points of the achievement scalarizing function divided out, or the largest
/// values when those points are degenerate), each trial is associated with the
/// reference line nearest to it, and the reference points with the fewest
/// survivors take, in turn, their nearest member of the last front (the first time
/// a point has none) or a random one. The reference points are `referencePoints`
/// (one coordinate per objective; only their directions matter), or else Das and
/// Dennis's C(M + p − 1, p) points on the unit simplex for M objectives and
/// p = `dividingParameter` divisions. Unlike Optuna, the objectives are normalized as
/// losses, so a maximized objective is handled as its negation.
public final class NSGAIIISampler: Sampler, @unchecked Sendable {
  /// The system attribute that holds a trial's generation, Optuna's key.
  public static let generationKey = "NSGAIIISampler:generation"
  /// The system attribute, on the first trial of a generation, that lists its parents.
  public static let parentsKey = "NSGAIIISampler:parents"

  /// The sampler that does the work with NSGA-III's selection.
  public let core: NSGAIISampler
  /// The reference points given, or nil for Das–Dennis's.
  public let referencePoints: [[Double]]?
  public let dividingParameter: Int
  public var name: String { "nsgaiii" }

  public var populationSize: Int { core.populationSize }
  public var mutation: NSGAIISampler.Mutation? { core.mutation }
  public var mutationProb: Double? { core.mutationProb }
  public var crossover: NSGAIISampler.Crossover { core.crossover }
  public var crossoverProb: Double { core.crossoverProb }
  public var swappingProb: Double { core.swappingProb }
  public var seed: UInt64 { core.seed }

  /// Creates the sampler with Optuna's defaults.
  ///
  /// - Throws: `.invalidArgument` for `NSGAIISampler`'s rules, a `dividingParameter`
  ///   below 1, or reference points that are empty, of unequal lengths, not finite,
  ///   or with a zero row (which has no direction).
  public init(
    populationSize: Int = 50, mutation: NSGAIISampler.Mutation? = nil, mutationProb: Double? = nil,
    crossover: NSGAIISampler.Crossover? = nil, crossoverProb: Double = 0.9, swappingProb: Double = 0.5,
    seed: UInt64? = nil, referencePoints: [[Double]]? = nil, dividingParameter: Int = 3,
    elitePopulationSelection: NSGAIISampler.ElitePopulationSelection? = nil,
    childGeneration: NSGAIISampler.ChildGeneration? = nil
  ) throws(HoneError) {
    guard dividingParameter >= 1 else {
      throw .invalidArgument("nsgaiii sampler: dividing_parameter must be >= 1, got \(dividingParameter)")
    }
    if let referencePoints {
      guard let m = referencePoints.first?.count, m >= 1, referencePoints.allSatisfy({ $0.count == m }) else {
        throw .invalidArgument("nsgaiii sampler: reference_points must be a non-empty list of points of one dimension")
      }
      guard referencePoints.allSatisfy({ $0.allSatisfy(\.isFinite) && $0.contains { $0 != 0 } }) else {
        throw .invalidArgument("nsgaiii sampler: every reference point must be finite and not zero")
      }
    }
    self.referencePoints = referencePoints
    self.dividingParameter = dividingParameter
    core = try NSGAIISampler(
      selection: .referencePoints(points: referencePoints, dividingParameter: dividingParameter),
      populationSize: populationSize, mutation: mutation, mutationProb: mutationProb, crossover: crossover,
      crossoverProb: crossoverProb, swappingProb: swappingProb, seed: seed,
      elitePopulationSelection: elitePopulationSelection, childGeneration: childGeneration)
  }

  public func beforeTrial(
    _ history: StudyHistory, fixedParams: [(String, JSON)]?
  ) throws(HoneError) -> [(String, JSON)] {
    if let m = referencePoints?.first?.count, m != history.directions.count {
      throw .invalidArgument(
        "nsgaiii sampler: the reference points have \(m) coordinates but the study has \(history.directions.count) objectives"
      )
    }
    return try core.beforeTrial(history, fixedParams: fixedParams)
  }

  public func inferRelativeSearchSpace(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> SearchSpace {
    try core.inferRelativeSearchSpace(history, trial)
  }

  public func sampleRelative(
    _ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace
  ) throws(HoneError) -> [String: ParamValue] {
    try core.sampleRelative(history, trial, space)
  }

  public func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    try core.sampleIndependent(history, trial, name: name, distribution: distribution)
  }

  /// The substream of the niching draws, hashed once.
  static let nicheSubstream = stableHash("nsga3-niche")

  /// Das and Dennis's reference points: every point of the unit simplex in M dimensions
  /// whose coordinates are multiples of 1/p, C(M + p − 1, p) of them.
  ///
  /// - Throws: `.invalidArgument` when there would be more than 2^20.
  public static func dasDennis(objectives m: Int, divisions p: Int) throws(HoneError) -> [[Double]] {
    guard m >= 1, p >= 1 else { return [] }
    var count = 1
    for i in 1...p {
      let (product, overflow) = count.multipliedReportingOverflow(by: m - 1 + i)
      guard !overflow, product / i <= 1 << 20 else {
        throw .invalidArgument(
          "nsgaiii sampler: \(m) objectives with dividing_parameter \(p) give more than 2^20 reference points")
      }
      count = product / i
    }
    var points: [[Double]] = []
    points.reserveCapacity(count)
    var parts = Array(repeating: 0, count: m)
    // Every composition of p into m parts, the last part taking what is left.
    func fill(_ k: Int, _ left: Int) {
      if k == m - 1 {
        parts[k] = left
        points.append(parts.map { Double($0) / Double(p) })
        return
      }
      for v in stride(from: left, through: 0, by: -1) {
        parts[k] = v
        fill(k + 1, left - v)
      }
    }
    fill(0, p)
    return points
  }

  /// The losses normalized as Optuna's NSGA-III normalizes them (see the type's summary).
  static func normalized(_ losses: [[Double]]) -> [[Double]] {
    guard let m = losses.first?.count, m > 0 else { return losses }
    var x = losses
    for d in 0..<m {
      let finite = x.compactMap { $0.count > d && $0[d].isFinite ? $0[d] : nil }
      guard let lo = finite.min(), let hi = finite.max() else {
        for i in x.indices where x[i].count > d { x[i][d] = 0 }
        continue
      }
      let margin = 3 * (hi - lo)
      for i in x.indices where x[i].count > d { x[i][d] = Swift.min(Swift.max(x[i][d], lo - margin), hi + margin) }
      let ideal = x.compactMap { $0.count > d ? $0[d] : nil }.min() ?? 0
      for i in x.indices where x[i].count > d { x[i][d] -= ideal }
    }
    guard x.allSatisfy({ $0.count == m }) else { return x }
    // The extreme point of each axis minimizes the achievement scalarizing function with weight 1 on it, 1e6 elsewhere.
    let extremes = (0..<m).map { d -> [Double] in
      var best = 0
      var bestValue = Double.infinity
      for (i, row) in x.enumerated() {
        let asf = row.enumerated().map { $0.element * ($0.offset == d ? 1 : 1e6) }.max() ?? 0
        if asf < bestValue { (best, bestValue) = (i, asf) }
      }
      return x[best]
    }
    var scale: [Double]
    if let a = solve(extremes, Array(repeating: 1, count: m)) {
      scale = a
    } else {
      scale = (0..<m).map { d in
        let top = x.map { $0[d] }.max() ?? 0
        return 1 / (top == 0 ? 1 : top)
      }
    }
    scale = scale.map { $0.isFinite ? $0 : 1 }
    for i in x.indices { for d in 0..<m { x[i][d] *= scale[d] } }
    return x
  }

  /// The solution of A·y = b by Gaussian elimination with partial pivoting, or nil when A
  /// is not finite or is singular to working precision.
  static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
    let n = b.count
    guard a.count == n, a.allSatisfy({ $0.count == n && $0.allSatisfy(\.isFinite) }) else { return nil }
    var m = a
    var y = b
    let largest = a.flatMap { $0 }.map { Swift.abs($0) }.max() ?? 0
    let tolerance = largest * Double(n) * Double.ulpOfOne
    for col in 0..<n {
      var pivot = col
      for r in col..<n where Swift.abs(m[r][col]) > Swift.abs(m[pivot][col]) { pivot = r }
      guard Swift.abs(m[pivot][col]) > tolerance else { return nil }
      m.swapAt(col, pivot)
      y.swapAt(col, pivot)
      for r in (col + 1)..<n {
        let f = m[r][col] / m[col][col]
        for c in col..<n { m[r][c] -= f * m[col][c] }
        y[r] -= f * y[col]
      }
    }
    for col in stride(from: n - 1, through: 0, by: -1) {
      var s = y[col]
      for c in (col + 1)..<n { s -= m[col][c] * y[c] }
      y[col] = s / m[col][col]
    }
    return y
  }

  /// Each point's nearest reference line (through the origin and a reference point) and its distance to it.
  static func associate(_ points: [[Double]], _ references: [[Double]]) -> (closest: [Int], distance: [Double]) {
    let norms = references.map { r in r.reduce(0) { $0 + $1 * $1 } }
    var closest: [Int] = []
    var distance: [Double] = []
    for s in points {
      var best = 0
      var bestDistance = Double.infinity
      for (j, r) in references.enumerated() where r.count == s.count && norms[j] > 0 {
        let t = zip(s, r).reduce(0) { $0 + $1.0 * $1.1 } / norms[j]
        let d = zip(s, r).reduce(0) { acc, p in
          let e = p.0 - t * p.1
          return acc + e * e
        }.squareRoot()
        if d < bestDistance { (best, bestDistance) = (j, d) }
      }
      closest.append(best)
      distance.append(bestDistance)
    }
    return (closest, distance)
  }

  /// NSGA-III's niching, as Optuna's `_preserve_niche_individuals`: `n` members of the last
  /// front (indices after `eliteCount` in `closest`, returned relative to it), each taken for
  /// a reference point with the fewest survivors so far among those with a candidate left.
  static func niched(
    _ n: Int, eliteCount: Int, closest: [Int], distance: [Double], using rng: inout Xoshiro256
  ) -> [Int] {
    var candidates: [Int: [(Double, Int)]] = [:]
    var order: [Int] = []
    for i in eliteCount..<closest.count {
      let r = closest[i]
      if candidates[r] == nil { order.append(r) }
      candidates[r, default: []].append((distance[i], i - eliteCount))
    }
    var survivors: [Int: Int] = [:]
    for i in 0..<Swift.min(eliteCount, closest.count) { survivors[closest[i], default: 0] += 1 }
    var byCount: [Int: [Int]] = [:]
    for r in order { byCount[survivors[r] ?? 0, default: []].append(r) }
    var picked: [Int] = []
    var shuffled: Set<Int> = []
    var count = -1
    // Every pick takes one candidate and there are at least n, so the counts stay below this bound.
    let bound = closest.count + 1
    while picked.count < n && count <= bound {
      guard var refs = byCount[count], !refs.isEmpty else {
        count += 1
        if var next = byCount[count] {
          next.shuffle(using: &rng)
          byCount[count] = next
        }
        continue
      }
      let r = refs.removeLast()
      byCount[count] = refs
      guard var members = candidates[r], !members.isEmpty else { continue }
      if count > 0 && !shuffled.contains(r) {
        members.shuffle(using: &rng)
        shuffled.insert(r)
      } else if count == 0 {
        members.sort { $0 > $1 }
      }
      picked.append(members.removeLast().1)
      candidates[r] = members
      if !members.isEmpty { byCount[count + 1, default: []].append(r) }
    }
    return picked
  }
}
