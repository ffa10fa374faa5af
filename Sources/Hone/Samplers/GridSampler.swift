/// Tries every combination of a given grid, each point once, in a seeded random order.
///
/// Parameters are ordered by name; a point is a mixed-radix number over the value
/// lists, so the grid is never materialized. Visiting in random order rather than
/// in sequence keeps parallel workers from racing for the same next point. When
/// every point has been taken by a RUNNING, COMPLETE or PRUNED trial, `ask` fails
/// with `.exhausted`; failed points are tried again. Values are never read, so a
/// pruned trial counts as a visit to its point, as in Optuna.
public final class GridSampler: Sampler {
  public let seed: UInt64
  public let names: [String]
  public let values: [[JSON]]
  public let gridSize: Int
  public var name: String { "grid" }

  /// A grid over `searchSpace`: each parameter's list of scalar values.
  public init(searchSpace: [(String, JSON)], seed: UInt64? = nil) throws(HoneError) {
    guard !searchSpace.isEmpty else { throw .invalidArgument("grid sampler: the search space is empty") }
    var names: [String] = []
    var values: [[JSON]] = []
    var size = 1
    for (name, list) in searchSpace.sorted(by: { $0.0 < $1.0 }) {
      guard case .array(let items) = list, !items.isEmpty else {
        throw .invalidArgument("grid sampler: '\(name)' must be a non-empty array of values")
      }
      _ = try Distribution.makeCategorical(items)
      let (product, overflow) = size.multipliedReportingOverflow(by: items.count)
      guard !overflow, product <= 1 << 32 else {
        throw .invalidArgument("grid sampler: the grid has more than 2^32 points")
      }
      size = product
      names.append(name)
      values.append(items)
    }
    self.names = names
    self.values = values
    self.gridSize = size
    self.seed = seed ?? entropySeed()
  }

  public func beforeTrial(
    _ history: StudyHistory, fixedParams: [(String, JSON)]?
  ) throws(HoneError) -> [(String, JSON)] {
    if fixedParams != nil { return [] }
    let trials = try history.trials()
    var taken = [Bool](repeating: false, count: gridSize)
    var free = gridSize
    for t in trials where t.state != .fail {
      if let id = t.systemAttr("grid_id")?.numberValue, let i = Int(exactly: id),
        taken.indices.contains(i), !taken[i]
      {
        taken[i] = true
        free -= 1
      }
    }
    guard free > 0 else {
      throw .exhausted("the grid of \(gridSize) points is exhausted: every point is running or done")
    }
    var rng = Xoshiro256(seed: seed, stream: UInt64(trials.count))
    var k = Int.random(in: 0..<free, using: &rng)
    for (i, t) in taken.enumerated() where !t {
      if k == 0 { return [("grid_id", .number(Double(i)))] }
      k -= 1
    }
    throw .internal("grid sampler lost count of free points")
  }

  public func inferRelativeSearchSpace(
    _ history: StudyHistory, _ trial: FrozenTrial
  ) throws(HoneError) -> SearchSpace {
    SearchSpace(zip(names, values.map { Distribution.categorical($0) }).map { ($0, $1) })
  }

  /// The grid point of the trial, expressed in `space`.
  ///
  /// `space` is the grid's own categorical space, or the study's search space in
  /// define-and-run, so each grid value is mapped into the distribution it is asked
  /// under; a value that does not fit is left out and fails later with a clear error.
  public func sampleRelative(
    _ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace
  ) throws(HoneError) -> [String: Double] {
    guard let id = trial.systemAttr("grid_id")?.numberValue, var rest = Int(exactly: id) else { return [:] }
    var point: [String: Double] = [:]
    for (name, list) in zip(names, values).reversed() {
      let value = list[rest % list.count]
      rest /= list.count
      if let d = space[name], let x = d.internal(value), d.contains(x) { point[name] = x }
    }
    return point
  }

  public func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> Double {
    guard let i = names.firstIndex(of: name) else {
      throw .invalidArgument("grid sampler: parameter '\(name)' is not in the grid (\(names.joined(separator: ", ")))")
    }
    throw .invalidArgument(
      "grid sampler: the grid values of '\(name)' (\(values[i].map(\.text).joined(separator: ", "))) "
        + "do not fit \(distribution.summary)")
  }
}
