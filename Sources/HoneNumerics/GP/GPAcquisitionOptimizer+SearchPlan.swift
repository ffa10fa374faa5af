/// A validated search space: which coordinates L-BFGS-B moves, and how each discrete one is swept.
struct SearchPlan: Sendable {
  /// How a discrete coordinate is searched.
  enum Sweep: Sendable {
    /// Every value is tried.
    case exhaustive
    /// The coordinate is relaxed for L-BFGS-B, snapped, and tried at ±1, ±2, ±4, … grid steps.
    case stencil
  }

  /// The search dimensions, discrete values sorted and without duplicates.
  let dimensions: [GPSearchDimension]
  /// The sorted values of each discrete dimension; empty for continuous ones.
  let grids: [[Double]]
  /// The coordinates L-BFGS-B moves: continuous ones and relaxed large grids.
  let relaxed: [Int]
  /// The bounds of each relaxed coordinate, in `relaxed` order.
  let lower: [Double]
  let upper: [Double]
  /// Each discrete coordinate with its sweep.
  let sweeps: [(dimension: Int, sweep: Sweep)]

  /// Checks `space` against the kernel's column kinds and sorts out each coordinate.
  ///
  /// Throws `invalidArgument` on a count mismatch, an empty or non-finite
  /// interval or grid, or a categorical column that is not discrete.
  init(space: [GPSearchDimension], kinds: [GPDimensionKind], exhaustiveLimit: Int) throws(HoneError) {
    guard space.count == kinds.count else {
      throw .invalidArgument("GPAcquisitionOptimizer: \(space.count) search dimensions for \(kinds.count) inputs")
    }
    var dimensions: [GPSearchDimension] = []
    var grids: [[Double]] = []
    var relaxed: [Int] = []
    var lower: [Double] = []
    var upper: [Double] = []
    var sweeps: [(Int, Sweep)] = []
    for (k, dimension) in space.enumerated() {
      switch dimension {
      case .continuous(let low, let high):
        guard kinds[k] == .continuous else {
          throw .invalidArgument(
            "GPAcquisitionOptimizer: categorical dimension \(k) must be searched as .discrete codes")
        }
        guard low.isFinite, high.isFinite, low <= high else {
          throw .invalidArgument("GPAcquisitionOptimizer: dimension \(k) has the empty interval [\(low), \(high)]")
        }
        dimensions.append(dimension)
        grids.append([])
        relaxed.append(k)
        lower.append(low)
        upper.append(high)
      case .discrete(let values):
        guard !values.isEmpty, values.allSatisfy(\.isFinite) else {
          throw .invalidArgument("GPAcquisitionOptimizer: dimension \(k) needs finite values, got \(values)")
        }
        var grid = values.sorted()
        grid = grid.indices.filter { $0 == 0 || grid[$0] != grid[$0 - 1] }.map { grid[$0] }
        dimensions.append(.discrete(grid))
        grids.append(grid)
        if kinds[k] == .categorical || grid.count <= exhaustiveLimit {
          sweeps.append((k, .exhaustive))
        } else {
          relaxed.append(k)
          lower.append(grid[0])
          upper.append(grid[grid.count - 1])
          sweeps.append((k, .stencil))
        }
      }
    }
    self.dimensions = dimensions
    self.grids = grids
    self.relaxed = relaxed
    self.lower = lower
    self.upper = upper
    self.sweeps = sweeps
  }

  /// `count` scrambled Sobol points mapped into the space: intervals scaled, grids cut into equal cells.
  func sobolCandidates(count: Int, using rng: inout some RandomNumberGenerator) throws(HoneError) -> Matrix<Double> {
    let d = dimensions.count
    let sobol = try SobolSequence(dimension: d, scramble: true, using: &rng)
    var points = Matrix<Double>(rows: count, cols: d)
    var unit = [Double](repeating: 0, count: d)
    for r in 0..<count {
      sobol.point(at: UInt64(r), into: &unit)
      for k in 0..<d { points.storage[k * count + r] = place(unit[k], in: k) }
    }
    return points
  }

  /// The value of dimension `k` at the unit coordinate `u` ∈ [0, 1).
  private func place(_ u: Double, in k: Int) -> Double {
    switch dimensions[k] {
    case .continuous(let low, let high):
      return min(high, low + u * (high - low))
    case .discrete(let grid):
      return grid[min(grid.count - 1, max(0, Int(u * Double(grid.count))))]
    }
  }

  /// `points` moved into the space: clamped into intervals, snapped to the nearest grid value.
  func projected(_ points: Matrix<Double>) -> Matrix<Double> {
    var result = points
    let m = points.rows
    for (k, dimension) in dimensions.enumerated() {
      for r in 0..<m {
        let x = points.storage[k * m + r]
        switch dimension {
        case .continuous(let low, let high):
          result.storage[k * m + r] = min(max(x, low), high)
        case .discrete(let grid):
          result.storage[k * m + r] = grid[nearestIndex(x, in: grid)]
        }
      }
    }
    return result
  }

  /// The index of the value of the sorted, non-empty `grid` nearest to `x` (the lower one on a tie).
  func nearestIndex(_ x: Double, in grid: [Double]) -> Int {
    var (low, high) = (0, grid.count - 1)
    while low < high {
      let middle = (low + high) / 2
      if grid[middle] < x { low = middle + 1 } else { high = middle }
    }
    if low > 0 && x - grid[low - 1] <= grid[low] - x { return low - 1 }
    return low
  }
}
