internal import HonePlatform

/// Optuna's Parzen estimator: a weighted mixture of product kernels, one kernel
/// per observation plus a prior, as TPE fits to its good and bad trials.
///
/// A numeric dimension is a truncated normal on the search range, in log space
/// for log scales. Its bandwidth is the larger gap to the neighbouring
/// observations (the range's ends count as neighbours), the outermost kernels
/// taking their inner gap unless `considerEndpoints`, clipped to
/// [range / min(100, kernels + 1), range] with the magic clip and to [1e-12,
/// range] without. The prior sits at the centre with the whole range as its
/// bandwidth. Stepped and integer dimensions widen the range by half a step:
/// samples are rounded onto the grid and a point's density is its kernel's mass
/// on the point's cell. A categorical dimension gives each observation the
/// weights `priorWeight / kernels` on every choice plus 1 on its own, normalized;
/// the prior's row is uniform.
///
/// Densities of log-scale dimensions are those of the log value (without the
/// Jacobian), as in Optuna: TPE compares two estimators on the same points, and
/// the Jacobian cancels in their ratio.
struct ParzenEstimator {
  /// The kernels of one dimension.
  enum Kernels {
    case numeric(Numeric)
    case categorical(Categorical)
  }

  /// Truncated normals on [low, high] of the transformed axis.
  struct Numeric {
    var mu: [Double]
    var sigma: [Double]
    /// log of each kernel's normal mass on [low, high].
    var logMass: [Double]
    /// The transformed bounds (log for log scales; widened by half a step on a grid).
    var low: Double
    var high: Double
    var log: Bool
    /// The grid step in the original scale, and the grid's first and last points.
    var step: Double?
    var gridLow: Double
    var gridHigh: Double
  }

  /// One row of choice probabilities per kernel.
  struct Categorical {
    var count: Int
    /// Row-major, kernels × count.
    var probabilities: [Double]
  }

  /// The normalized mixture weights: the observations', then the prior's.
  let weights: [Double]
  let logWeights: [Double]
  let dimensions: [Kernels]
  /// Per kernel, the part of its log density shared by every point: its log weight
  /// and the normalizing terms of the continuous dimensions.
  private let constants: [Double]

  var kernelCount: Int { weights.count }

  /// Fits the estimator to `observations`, one column of internal values per
  /// dimension of `space` (as doubles: categoricals by index), all of equal length,
  /// weighted by `observationWeights`.
  init(
    space: [Distribution], observations: [[Double]], observationWeights: [Double],
    priorWeight: Double, considerMagicClip: Bool, considerEndpoints: Bool
  ) {
    let n = observationWeights.count
    var w = observationWeights
    if n == 0 { w = [1] } else { w.append(priorWeight) }
    let total = w.reduce(0, +)
    weights = total > 0 ? w.map { $0 / total } : w
    logWeights = weights.map { log($0) }
    var dims: [Kernels] = []
    dims.reserveCapacity(space.count)
    for (d, column) in zip(space, observations) {
      dims.append(
        Self.kernels(
          d, column, priorWeight: priorWeight, magicClip: considerMagicClip, endpoints: considerEndpoints))
    }
    dimensions = dims
    var c = logWeights
    for case .numeric(let k) in dims where k.step == nil {
      for i in c.indices { c[i] -= StandardNormal.logSqrtTwoPi + log(k.sigma[i]) + k.logMass[i] }
    }
    constants = c
  }

  private static func kernels(
    _ d: Distribution, _ column: [Double], priorWeight: Double, magicClip: Bool, endpoints: Bool
  ) -> Kernels {
    var low: Double, high: Double, step: Double?, isLog: Bool
    switch d {
    case .categorical(let choices):
      return .categorical(categorical(count: choices.count, column, priorWeight: priorWeight))
    case .float(let l, let h, let s, let lg): (low, high, step, isLog) = (l, h, s, lg)
    case .int(let l, let h, let s, let lg): (low, high, step, isLog) = (Double(l), Double(h), Double(s), lg)
    }
    let (gridLow, gridHigh) = (low, high)
    if let step {
      low -= step / 2
      high += step / 2
    }
    var mus = column
    if isLog {
      mus = mus.map { log($0) }
      (low, high) = (log(low), log(high))
    }
    let n = mus.count
    let span = high - low
    var sigmas = [Double](repeating: 0, count: n)
    if n > 0 {
      // The sorted centres between the range's ends.
      let order = Self.sortedOrder(mus)
      var s = [Double](repeating: 0, count: n + 2)
      s[0] = low
      for i in 0..<n { s[i + 1] = mus[order[i]] }
      s[n + 1] = high
      var sorted = [Double](repeating: 0, count: n)
      for i in 0..<n {
        let left: Double = s[i + 1] - s[i]
        let right: Double = s[i + 2] - s[i + 1]
        sorted[i] = max(left, right)
      }
      if !endpoints && n >= 2 {
        sorted[0] = s[2] - s[1]
        sorted[n - 1] = s[n] - s[n - 1]
      }
      let minSigma = magicClip ? span / min(100, 1 + Double(n + 1)) : 1e-12
      for rank in 0..<n { sigmas[order[rank]] = min(max(sorted[rank], minSigma), span) }
    }
    mus.append(0.5 * (low + high))
    sigmas.append(span)
    let logMass = zip(mus, sigmas).map { TruncatedNormal.logMass((low - $0) / $1, (high - $0) / $1) }
    return .numeric(
      Numeric(
        mu: mus, sigma: sigmas, logMass: logMass, low: low, high: high, log: isLog, step: step,
        gridLow: gridLow, gridHigh: gridHigh))
  }

  /// The indices of `x` in ascending order of value, equal values in index order.
  ///
  /// A stable LSD radix sort on the doubles' bits mapped to unsigned integers of the
  /// same order, a byte at a time, skipping the bytes every value shares (the sign
  /// and exponent of values in one range): a fraction of a comparison sort's cost,
  /// and every ask runs one per dimension of each estimator.
  static func sortedOrder(_ x: [Double]) -> [Int] {
    let n = x.count
    var keys = x.map { v -> UInt64 in
      // -0 as +0, so that the order is that of `<`.
      let b = (v == 0 ? 0.0 : v).bitPattern
      return b >> 63 == 1 ? ~b : b | (1 << 63)
    }
    var order = Array(0..<n)
    var nextKeys = keys
    var nextOrder = order
    var counts = [Int](repeating: 0, count: 256)
    for shift in stride(from: UInt64(0), to: 64, by: 8) {
      let spread = counts.withUnsafeMutableBufferPointer { c -> Bool in
        for i in 0..<256 { c[i] = 0 }
        for k in keys { c[Int((k >> shift) & 0xFF)] += 1 }
        if c.contains(n) { return false }
        var total = 0
        for i in 0..<256 {
          let count = c[i]
          c[i] = total
          total += count
        }
        return true
      }
      if !spread { continue }
      // The slots come from the counts of these very keys, so each lies in 0..<n.
      keys.withUnsafeBufferPointer { k in
        order.withUnsafeBufferPointer { o in
          nextKeys.withUnsafeMutableBufferPointer { nk in
            nextOrder.withUnsafeMutableBufferPointer { no in
              counts.withUnsafeMutableBufferPointer { c in
                for i in 0..<n {
                  let digit = Int((k[i] >> shift) & 0xFF)
                  let at = c[digit]
                  c[digit] = at + 1
                  nk[at] = k[i]
                  no[at] = o[i]
                }
              }
            }
          }
        }
      }
      swap(&keys, &nextKeys)
      swap(&order, &nextOrder)
    }
    return order
  }

  private static func categorical(count: Int, _ column: [Double], priorWeight: Double) -> Categorical {
    let count = max(count, 1)
    guard !column.isEmpty else {
      return Categorical(count: count, probabilities: [Double](repeating: 1 / Double(count), count: count))
    }
    let kernels = column.count + 1
    var p = [Double](repeating: priorWeight / Double(kernels), count: kernels * count)
    for (k, x) in column.enumerated() {
      if let c = Int(exactly: x), c >= 0, c < count { p[k * count + c] += 1 }
    }
    for k in 0..<kernels {
      let row = p[(k * count)..<((k + 1) * count)].reduce(0, +)
      if row > 0 { for c in 0..<count { p[k * count + c] /= row } }
    }
    return Categorical(count: count, probabilities: p)
  }

  /// `count` points drawn from the mixture, row-major (count × dimensions), as
  /// internal values: on the grid for stepped dimensions, indices for categoricals.
  func sample(_ count: Int, using rng: inout Xoshiro256) -> [Double] {
    let d = dimensions.count
    var out = [Double](repeating: 0, count: count * d)
    var cumulative = weights
    for i in cumulative.indices.dropFirst() { cumulative[i] += cumulative[i - 1] }
    let total = cumulative.last ?? 1
    for row in 0..<count {
      let u = rng.nextUnit() * total
      // The first kernel whose cumulative weight exceeds u.
      var (lo, hi) = (0, cumulative.count - 1)
      while lo < hi {
        let mid = (lo + hi) / 2
        if cumulative[mid] > u { hi = mid } else { lo = mid + 1 }
      }
      let k = lo
      for (j, dim) in dimensions.enumerated() {
        switch dim {
        case .categorical(let c):
          let v = rng.nextUnit()
          var acc = 0.0
          var chosen = c.count - 1
          for i in 0..<c.count {
            acc += c.probabilities[k * c.count + i]
            if v < acc {
              chosen = i
              break
            }
          }
          out[row * d + j] = Double(chosen)
        case .numeric(let m):
          let (mu, sigma) = (m.mu[k], m.sigma[k])
          let z = TruncatedNormal.quantile(rng.nextUnit(), (m.low - mu) / sigma, (m.high - mu) / sigma)
          var x = min(max(mu + sigma * z, m.low), m.high)
          if m.log { x = exp(x) }
          if let step = m.step {
            x = min(max(m.gridLow + ((x - m.gridLow) / step).rounded() * step, m.gridLow), m.gridHigh)
          }
          out[row * d + j] = x
        }
      }
    }
    return out
  }

  /// The log density of each point of `points` (row-major, as `sample` returns them).
  func logPDF(_ points: [Double]) -> [Double] {
    let d = dimensions.count
    let count = d == 0 ? 0 : points.count / d
    let kernels = kernelCount
    var out = [Double](repeating: 0, count: count)
    var s = [Double](repeating: 0, count: kernels)
    // Per discrete dimension: the log cell masses of the points' distinct values.
    var cellCache: [Int: [Double: [Double]]] = [:]
    for row in 0..<count {
      for k in 0..<kernels { s[k] = constants[k] }
      for (j, dim) in dimensions.enumerated() {
        let x = points[row * d + j]
        switch dim {
        case .categorical(let c):
          let i = Int(exactly: x).map { min(max($0, 0), c.count - 1) } ?? 0
          for k in 0..<kernels { s[k] += log(c.probabilities[k * c.count + i]) }
        case .numeric(let m):
          if let step = m.step {
            let cell: [Double]
            if let cached = cellCache[j]?[x] {
              cell = cached
            } else {
              var left = x - step / 2
              var right = x + step / 2
              if m.log { (left, right) = (log(left), log(right)) }
              cell = (0..<kernels).map {
                TruncatedNormal.logMass((left - m.mu[$0]) / m.sigma[$0], (right - m.mu[$0]) / m.sigma[$0])
                  - m.logMass[$0]
              }
              cellCache[j, default: [:]][x] = cell
            }
            for k in 0..<kernels { s[k] += cell[k] }
          } else {
            let t = m.log ? log(x) : x
            for k in 0..<kernels {
              let z = (t - m.mu[k]) / m.sigma[k]
              s[k] -= 0.5 * z * z
            }
          }
        }
      }
      out[row] = Self.logSumExp(s)
    }
    return out
  }

  /// log Σ e^s, skipping the terms too small to change the sum's double (below max − 50).
  static func logSumExp(_ s: [Double]) -> Double {
    guard let m = s.max(), m > -.infinity else { return -.infinity }
    if m == .infinity { return .infinity }
    var sum = 0.0
    for v in s where v > m - 50 { sum += exp(v - m) }
    return m + log(sum)
  }
}
