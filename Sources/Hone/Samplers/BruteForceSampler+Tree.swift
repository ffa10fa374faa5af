/// The finite candidates of one parameter in the brute-force search, indexed 0...lastIndex.
///
/// Only indices are kept, never the candidate list, so an integer over the whole
/// Int64 range costs no more than a coin.
struct BruteForceGrid: Equatable {
  /// The distribution, with an int's log flag cleared: the scale does not change the candidates.
  let distribution: Distribution
  let lastIndex: UInt64

  /// The candidates of `distribution`; a continuous float is an error naming the parameter.
  init(_ distribution: Distribution, name: String, trial: Int) throws(HoneError) {
    switch distribution {
    case .float(let low, let high, let step, _):
      guard let step else {
        throw .invalidArgument(
          "brute force sampler: '\(name)' (trial \(trial)) is \(distribution.summary), which is continuous; "
            + "give it a step, so that the search space is finite")
      }
      self.distribution = distribution
      lastIndex = Distribution.index(((high - low) / step).rounded(), max: .max)
    case .int(let low, let high, let step, _):
      self.distribution = .int(low: low, high: high, step: step, log: false)
      lastIndex = self.distribution.lastGridIndex
    case .categorical(let choices):
      self.distribution = distribution
      lastIndex = UInt64(truncatingIfNeeded: max(choices.count - 1, 0))
    }
  }

  /// The index of `value`, or nil when it is not a candidate (an enqueued value off the grid).
  func key(of value: ParamValue) -> UInt64? {
    guard distribution.contains(value) else { return nil }
    switch (distribution, value) {
    case (.float(let low, _, let step?, _), .float(let x)):
      return Distribution.index(((x - low) / step).rounded(), max: lastIndex)
    case (.int, .int(let x)):
      return distribution.gridIndex(of: x)
    case (.categorical, .index(let i)):
      return UInt64(exactly: i)
    default:
      return nil
    }
  }

  /// Candidate `k`, for k up to `lastIndex`, as random and QMC draws compute grid points.
  func value(at k: UInt64) -> ParamValue {
    switch distribution {
    case .float(let low, let high, let step, _):
      return .float(min(low + Double(k) * (step ?? 0), high))
    case .int:
      return .int(distribution.gridPoint(k))
    case .categorical:
      return .index(Int(truncatingIfNeeded: k))
    }
  }
}

/// A node of the tree of parameter paths that trials took, as Optuna's `_TreeNode`.
///
/// A node is expanded (internal) once a trial revealed the parameter that follows
/// it; its children are the candidates trials took, the others being untried.
/// Otherwise it is a leaf: tried when a finished trial ended there, running when a
/// running one did, untried when neither. A trial that ended at an expanded node
/// stopped before the parameters others went on to suggest, and is ignored there.
final class BruteForceNode {
  private var name: String?
  private var grid: BruteForceGrid?
  /// The trial that revealed `name`, for error messages.
  private var expandedBy = 0
  private var children: [UInt64: BruteForceNode] = [:]
  private var finished = false
  private var running = false

  /// Records that `name` with `grid` follows this node, as trial `trial` revealed;
  /// another parameter or range than an earlier trial revealed is an error.
  func expand(name: String, grid: BruteForceGrid, trial: Int) throws(HoneError) {
    guard let ownName = self.name, let own = self.grid else {
      (self.name, self.grid, expandedBy) = (name, grid, trial)
      return
    }
    let rule = "the search space must depend on the earlier values only"
    guard ownName == name else {
      throw .invalidArgument(
        "brute force sampler: after the same earlier values, trial \(expandedBy) suggests '\(ownName)' "
          + "and trial \(trial) '\(name)'; \(rule)")
    }
    guard own == grid else {
      throw .invalidArgument(
        "brute force sampler: after the same earlier values, trial \(expandedBy) suggests '\(name)' as "
          + "\(own.distribution.summary) and trial \(trial) as \(grid.distribution.summary); \(rule)")
    }
  }

  /// Adds the path of trial `trial`, its parameters in the order suggested.
  ///
  /// A value off its grid ends the path there and marks nothing, as in Optuna.
  func add(_ path: [Param], trial: Int, finished: Bool) throws(HoneError) {
    var node = self
    for p in path {
      let grid = try BruteForceGrid(p.distribution, name: p.name, trial: trial)
      try node.expand(name: p.name, grid: grid, trial: trial)
      guard let key = grid.key(of: p.value) else { return }
      if let next = node.children[key] {
        node = next
      } else {
        let next = BruteForceNode()
        node.children[key] = next
        node = next
      }
    }
    if finished { node.finished = true } else { node.running = true }
  }

  /// Whether an untried point is left below; running leaves count as tried when `excludeRunning`.
  func isExpandable(excludeRunning: Bool) -> Bool {
    guard let grid else { return !finished && !(running && excludeRunning) }
    return UInt64(truncatingIfNeeded: children.count) <= grid.lastIndex
      || children.values.contains { $0.isExpandable(excludeRunning: excludeRunning) }
  }

  /// The number of untried points below, as a weight.
  ///
  /// Summed in key order: above 2^53 the rounding depends on the order, and a
  /// dictionary's order differs between processes.
  func untried(excludeRunning: Bool) -> Double {
    guard let grid else { return finished || (running && excludeRunning) ? 0 : 1 }
    var count = Double(grid.lastIndex) - Double(children.count) + 1
    for key in children.keys.sorted() {
      count += children[key]?.untried(excludeRunning: excludeRunning) ?? 0
    }
    return count
  }

  /// The index of a child with untried points, for an expanded node that has one.
  ///
  /// Optuna's rule: half the weight in proportion to the untried points below a
  /// child, half spread flat over the children with any, so that a small branch
  /// is not starved; children a running trial is in lose their weight while
  /// another child has some.
  func sampleChild(excludeRunning: Bool, using rng: inout Xoshiro256) -> UInt64 {
    guard let grid else { return 0 }
    let keys = children.keys.sorted()
    let counts = keys.map { children[$0]?.untried(excludeRunning: excludeRunning) ?? 0 }
    let hasUntouched = UInt64(truncatingIfNeeded: keys.count) <= grid.lastIndex
    // The candidates no trial took, one untried point each.
    let untouched = hasUntouched ? Double(grid.lastIndex) - Double(keys.count) + 1 : 0
    let total = counts.reduce(untouched, +)
    let positive = Double(counts.filter { $0 > 0 }.count) + untouched
    func weight(_ c: Double) -> Double { c > 0 ? 0.5 * c / total + 0.5 / positive : 0 }
    var weights = counts.map(weight)
    let isRunning = keys.map { children[$0]?.running ?? false }
    if hasUntouched || zip(weights, isRunning).contains(where: { $0 > 0 && !$1 }) {
      for i in weights.indices where isRunning[i] { weights[i] = 0 }
    }
    let untouchedWeight = hasUntouched ? weight(1) * untouched : 0
    var u = rng.nextUnit() * weights.reduce(untouchedWeight, +)
    for (key, w) in zip(keys, weights) where w > 0 {
      if u < w { return key }
      u -= w
    }
    guard hasUntouched else {
      // Rounding left u past the last weight.
      return weights.indices.last { weights[$0] > 0 }.map { keys[$0] } ?? 0
    }
    // The r-th untouched candidate: step over the taken ones at or below it.
    var r = UInt64.random(in: 0...(grid.lastIndex - UInt64(truncatingIfNeeded: keys.count)), using: &rng)
    for key in keys where key <= r { r += 1 }
    return r
  }
}
