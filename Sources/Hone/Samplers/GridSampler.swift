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

  /// Assigns the trial a grid point that is free: not taken by a RUNNING, COMPLETE
  /// or PRUNED trial.
  ///
  /// An enqueued trial gets a point that agrees with its fixed parameters, a free
  /// one when there is one, so that the parameters it leaves open come from the grid.
  /// When a fixed value is not on the grid, no point agrees and it gets none.
  public func beforeTrial(
    _ history: StudyHistory, fixedParams: [(String, JSON)]?
  ) throws(HoneError) -> [(String, JSON)] {
    let trials = try history.trials()
    let fixed = Dictionary(fixedParams ?? [], uniquingKeysWith: { _, last in last })
    // The digits each parameter may take: those equal to its fixed value, or all.
    var allowed: [[Int]] = []
    for (name, list) in zip(names, values) {
      let digits = fixed[name].map { v in list.indices.filter { list[$0] == v } } ?? Array(list.indices)
      if digits.isEmpty { return [] }
      allowed.append(digits)
    }
    var size = 1
    for a in allowed { size *= a.count }
    // The taken points that agree with the fixed values, as indices among those points.
    var taken = Set<Int>()
    for t in trials where t.state != .fail {
      if let id = Self.gridID(of: t), let k = subIndex(of: id, allowed: allowed) { taken.insert(k) }
    }
    var rng = Xoshiro256(seed: seed, stream: UInt64(truncatingIfNeeded: trials.count))
    let free = size - taken.count
    guard free > 0 else {
      guard fixedParams == nil else {
        // Every agreeing point is taken; an enqueued trial runs one again, as asked.
        return [("grid_id", .int(gridID(ofSub: Int.random(in: 0..<size, using: &rng), allowed: allowed)))]
      }
      throw .exhausted("the grid of \(gridSize) points is exhausted: every point is running or done")
    }
    // The k-th free index: step over the taken ones below it, in order.
    var k = Int.random(in: 0..<free, using: &rng)
    for t in taken.sorted() where t <= k { k += 1 }
    return [("grid_id", .int(gridID(ofSub: k, allowed: allowed)))]
  }

  static func gridID(of trial: FrozenTrial) -> Int? {
    trial.systemAttr("grid_id")?.integerValue.flatMap { Int(exactly: $0) }
  }

  /// The grid point of index `k` among the points whose digits are in `allowed`;
  /// the last parameter is the least significant digit, as in `sampleRelative`.
  private func gridID(ofSub k: Int, allowed: [[Int]]) -> Int {
    var (rest, id, stride) = (k, 0, 1)
    for (list, digits) in zip(values, allowed).reversed() {
      id += digits[rest % digits.count] * stride
      rest /= digits.count
      stride *= list.count
    }
    return id
  }

  /// The index of grid point `id` among the points whose digits are in `allowed`, or nil when it is not one.
  private func subIndex(of id: Int, allowed: [[Int]]) -> Int? {
    guard id >= 0, id < gridSize else { return nil }
    var (rest, k, stride) = (id, 0, 1)
    for (list, digits) in zip(values, allowed).reversed() {
      guard let position = digits.firstIndex(of: rest % list.count) else { return nil }
      k += position * stride
      rest /= list.count
      stride *= digits.count
    }
    return k
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
  ) throws(HoneError) -> [String: ParamValue] {
    guard let id = Self.gridID(of: trial), id >= 0, id < gridSize else { return [:] }
    var rest = id
    var point: [String: ParamValue] = [:]
    for (name, list) in zip(names, values).reversed() {
      let value = list[rest % list.count]
      rest /= list.count
      if let d = space[name], let x = d.internal(value), d.contains(x) { point[name] = x }
    }
    return point
  }

  public func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    guard let i = names.firstIndex(of: name) else {
      throw .invalidArgument("grid sampler: parameter '\(name)' is not in the grid (\(names.joined(separator: ", ")))")
    }
    if Self.gridID(of: trial) == nil, let fixed = Study.fixedParams(of: trial) {
      throw .invalidArgument(
        "grid sampler: trial \(trial.number) was enqueued with values that are not a point of the grid "
          + "(\(fixed.map { "\($0.0)=\($0.1.text)" }.joined(separator: ", "))), so '\(name)' has no grid value; "
          + "enqueue values from the grid, or every parameter")
    }
    throw .invalidArgument(
      "grid sampler: the grid values of '\(name)' (\(values[i].map(\.text).joined(separator: ", "))) "
        + "do not fit \(distribution.summary)")
  }
}
