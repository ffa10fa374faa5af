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
    /// The observation kernels whose log mass was computed rather than taken from a hint.
    var computed: [Int] = []
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
  /// The observation kernels in ascending order of their first-dimension centre, when
  /// that dimension is continuous and there are enough of them to search.
  private let window: Window?

  /// What finds the kernels a point can reach in the first dimension without visiting the others.
  private struct Window {
    /// Kernel indices by rank, and by rank their centres, reciprocal bandwidths in the
    /// first dimension and constants, so that the first dimension's terms read no gathers.
    let order: [Int]
    let centres: [Double]
    let inverseSigma: [Double]
    let constants: [Double]
    /// The largest first-dimension bandwidth and constant of the observation kernels.
    let maxSigma: Double
    let maxConstant: Double
  }

  var kernelCount: Int { weights.count }

  /// Fits the estimator to `observations`, one column of internal values per
  /// dimension of `space` (as doubles: categoricals by index), all of equal length,
  /// weighted by `observationWeights`.
  ///
  /// `sortedOrders`, when given, holds per numeric dimension what `ascendingOrder()`
  /// returns for its column on the estimator's axis, so that a caller that keeps
  /// the order between fits does not sort again. `massHint` holds bandwidths and
  /// log masses an earlier fit gave the same centres: a kernel whose bandwidth is
  /// unchanged takes its mass from there.
  init(
    space: [Distribution], observations: [[Double]], sortedOrders: [[Int]]? = nil, massHint: MassHint? = nil,
    observationWeights: [Double], priorWeight: Double, considerMagicClip: Bool, considerEndpoints: Bool
  ) {
    let n = observationWeights.count
    var w = observationWeights
    if n == 0 { w = [1] } else { w.append(priorWeight) }
    let total = w.reduce(0, +)
    weights = total > 0 ? w.map { $0 / total } : w
    logWeights = weights.map { log($0) }
    var dims: [Kernels] = []
    dims.reserveCapacity(space.count)
    // Each continuous dimension subtracts its normalizing terms as it is fitted.
    var c = logWeights
    // The first dimension's order and sorted centres, which the window keeps.
    var first: (order: [Int], sortedCentres: [Double]) = ([], [])
    for (j, (d, column)) in zip(space, observations).enumerated() {
      let order = sortedOrders.flatMap { j < $0.count && $0[j].count == column.count ? $0[j] : nil }
      let hint = massHint.flatMap { h in
        h.slots.count == column.count && j < h.sigma.count && j < h.logMass.count
          ? (slots: h.slots, sigma: h.sigma[j], logMass: h.logMass[j]) : nil
      }
      let fit = Self.kernels(
        d, column, order: order, hint: hint, priorWeight: priorWeight, magicClip: considerMagicClip,
        endpoints: considerEndpoints, constants: &c)
      dims.append(fit.kernels)
      if j == 0 { first = (fit.order, fit.sortedCentres) }
    }
    dimensions = dims
    constants = c
    if n >= 64, case .numeric(let k)? = dims.first, k.step == nil, first.order.count == n {
      let order = first.order
      window = Window(
        order: order, centres: first.sortedCentres, inverseSigma: order.map { 1 / k.sigma[$0] },
        constants: order.map { c[$0] }, maxSigma: Self.largest(k.sigma, count: n) ?? 0,
        maxConstant: Self.largest(c, count: n) ?? -.infinity)
    } else {
      window = nil
    }
  }

  /// The largest of the first `count` values, as `max()` of that prefix finds it, without its slice.
  private static func largest(_ values: [Double], count: Int) -> Double? {
    values.withUnsafeBufferPointer { v in
      guard count > 0, count <= v.count else { return nil }
      var best = v[0]
      for i in 1..<count where best < v[i] { best = v[i] }
      return best
    }
  }

  /// Bandwidths and log masses of kernels at given centres from an earlier fit, kept in
  /// slots of the caller's: observation i's are at `slots[i]` (none when negative).
  struct MassHint {
    var slots: [Int]
    /// Per dimension, by slot.
    var sigma: [[Double]]
    var logMass: [[Double]]
  }

  private static func kernels(
    _ d: Distribution, _ column: [Double], order: [Int]?, hint: (slots: [Int], sigma: [Double], logMass: [Double])?,
    priorWeight: Double, magicClip: Bool, endpoints: Bool, constants: inout [Double]
  ) -> (kernels: Kernels, order: [Int], sortedCentres: [Double]) {
    var low: Double, high: Double, step: Double?, isLog: Bool
    switch d {
    case .categorical(let choices):
      return (.categorical(categorical(count: choices.count, column, priorWeight: priorWeight)), [], [])
    case .float(let l, let h, let s, let lg): (low, high, step, isLog) = (l, h, s, lg)
    case .int(let l, let h, let s, let lg): (low, high, step, isLog) = (Double(l), Double(h), Double(s), lg)
    }
    let (gridLow, gridHigh) = (low, high)
    if let step {
      low -= step / 2
      high += step / 2
    }
    let n = column.count
    // The centres, with room for the prior's.
    var mus = [Double](unsafeUninitializedCapacity: n + 1) { out, count in
      column.withUnsafeBufferPointer { x in
        if isLog { for i in 0..<n { out[i] = log(x[i]) } } else { for i in 0..<n { out[i] = x[i] } }
      }
      count = n
    }
    if isLog { (low, high) = (log(low), log(high)) }
    let span = high - low
    let order = n > 0 ? order ?? mus.ascendingOrder() : []
    // The centres in ascending order, where each bandwidth is read from its neighbours.
    let sorted = [Double](unsafeUninitializedCapacity: n) { out, count in
      mus.withUnsafeBufferPointer { mu in
        // `order` is a permutation of the n centres' indices.
        for (rank, i) in order.enumerated() { out[rank] = mu[i] }
      }
      count = n
    }
    var sigmas = [Double](repeating: span, count: n + 1)
    if n > 0 {
      let minSigma = magicClip ? span / min(100, 1 + Double(n + 1)) : 1e-12
      sorted.withUnsafeBufferPointer { mu in
        sigmas.withUnsafeMutableBufferPointer { sigma in
          // Each centre's bandwidth is the larger gap to its sorted neighbours, the
          // range's ends counting as neighbours; without endpoints the outermost
          // centres take their inner gap.
          for rank in 0..<n {
            let here = mu[rank]
            let below = rank == 0 ? low : mu[rank - 1]
            let above = rank == n - 1 ? high : mu[rank + 1]
            var gap = max(here - below, above - here)
            if !endpoints && n >= 2 {
              if rank == 0 { gap = above - here } else if rank == n - 1 { gap = here - below }
            }
            sigma[order[rank]] = min(max(gap, minSigma), span)
          }
        }
      }
    }
    // The prior: at the centre, with the whole range as its bandwidth (sigmas' last entry).
    mus.append(0.5 * (low + high))
    let slots = hint?.slots ?? [], hintSigma = hint?.sigma ?? [], hintMass = hint?.logMass ?? []
    let hinted = min(slots.count, n)
    let usable = min(hintSigma.count, hintMass.count)
    var computed: [Int] = []
    let logSqrtTwoPi = StandardNormal.logSqrtTwoPi
    // Most bandwidths are the clip's floor, so the last logarithm is mostly the next one.
    var (last, logLast) = (Double.nan, Double.nan)
    let logMass = [Double](unsafeUninitializedCapacity: n + 1) { out, count in
      mus.withUnsafeBufferPointer { mu in
        sigmas.withUnsafeBufferPointer { sigma in
          slots.withUnsafeBufferPointer { slots in
            hintSigma.withUnsafeBufferPointer { hintSigma in
              hintMass.withUnsafeBufferPointer { hintMass in
                constants.withUnsafeMutableBufferPointer { c in
                  // `hinted` and `usable` bound every index into the hint.
                  for k in 0...n {
                    let r = k < hinted ? slots[k] : -1
                    let mass: Double
                    if r >= 0 && r < usable && hintSigma[r] == sigma[k] {
                      mass = hintMass[r]
                    } else {
                      if k < hinted { computed.append(k) }
                      mass = TruncatedNormal.logMass((low - mu[k]) / sigma[k], (high - mu[k]) / sigma[k])
                    }
                    out[k] = mass
                    // A continuous dimension's normalizing terms belong to every kernel's constant.
                    if step == nil && k < c.count {
                      if sigma[k] != last { (last, logLast) = (sigma[k], log(sigma[k])) }
                      c[k] -= logSqrtTwoPi + logLast + mass
                    }
                  }
                }
              }
            }
          }
        }
      }
      count = n + 1
    }
    let kernels = Numeric(
      mu: mus, sigma: sigmas, logMass: logMass, low: low, high: high, log: isLog, step: step,
      gridLow: gridLow, gridHigh: gridHigh, computed: computed)
    return (.numeric(kernels), order, sorted)
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
    // Every row draws its kernel, then one uniform per dimension, whatever they turn out to
    // be; drawn first, they let the dimensions be read out of their enum once each.
    var kernelOf = [Int](repeating: 0, count: count)
    var units = [Double](repeating: 0, count: count * d)
    for row in 0..<count {
      let u = rng.nextUnit() * total
      // The first kernel whose cumulative weight exceeds u (the last when rounding leaves none).
      kernelOf[row] = Self.partitionPoint(cumulative.count - 1) { cumulative[$0] > u }
      for j in 0..<d { units[row * d + j] = rng.nextUnit() }
    }
    for (j, dim) in dimensions.enumerated() {
      switch dim {
      case .categorical(let c):
        for row in 0..<count {
          let (k, v) = (kernelOf[row], units[row * d + j])
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
        }
      case .numeric(let m):
        for row in 0..<count {
          let k = kernelOf[row]
          let (mu, sigma) = (m.mu[k], m.sigma[k])
          let z = TruncatedNormal.quantile(units[row * d + j], (m.low - mu) / sigma, (m.high - mu) / sigma)
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
  ///
  /// Every dimension's term is at most 0 (a log probability, a log cell mass, a
  /// negative square), so a kernel's partial sum only falls as dimensions are
  /// added. Once it is more than `logSumExp`'s cut-off below the prior kernel's
  /// full log density, which the maximum is at least, the kernel cannot count and
  /// is dropped: the density is the same sum of the same terms (in the window's
  /// order when there is one, which can move the last bit), and an ask scoring 24 candidates against the bad estimator's thousand kernels
  /// computes most of them in one dimension only.
  func logPDF(_ points: [Double]) -> [Double] {
    let d = dimensions.count
    let count = d == 0 ? 0 : points.count / d
    let kernels = kernelCount
    var out = [Double](repeating: 0, count: count)
    guard kernels > 0 else { return out }
    // With a window, kernels are visited in its rank order: their slots follow it.
    let flat = Flat(dimensions, kernels: kernels, slots: window?.order)
    var s = [Double](repeating: 0, count: kernels)
    var active = [Int](repeating: 0, count: kernels)
    // Per discrete dimension: the log cell masses of the points' distinct values, by kernel.
    var cellCache: [Int: [Double: [Double]]] = [:]
    func cell(_ j: Int, _ x: Double) -> [Double] {
      if let cached = cellCache[j]?[x] { return cached }
      guard case .numeric(let m) = dimensions[j], let step = m.step else { return [] }
      var left = x - step / 2
      var right = x + step / 2
      if m.log { (left, right) = (log(left), log(right)) }
      let c = (0..<kernels).map {
        TruncatedNormal.logMass((left - m.mu[$0]) / m.sigma[$0], (right - m.mu[$0]) / m.sigma[$0]) - m.logMass[$0]
      }
      cellCache[j, default: [:]][x] = c
      return c
    }
    // One row's values, their place on each axis (or choice index), and cell masses, reused for every row.
    var axis = [Double](repeating: 0, count: d)
    var cells = [[Double]](repeating: [], count: d)
    // The prior is the last kernel and has the last slot.
    let prior = kernels - 1
    let stride = 2 * d
    flat.parameters.withUnsafeBufferPointer { parameters in
      flat.kernelOf.withUnsafeBufferPointer { kernelOf in
        flat.probabilities.withUnsafeBufferPointer { p in
          constants.withUnsafeBufferPointer { constants in
            s.withUnsafeMutableBufferPointer { sp in
              active.withUnsafeMutableBufferPointer { ap in
                for row in 0..<count {
                  for j in 0..<d {
                    let x = points[row * d + j]
                    switch flat.kinds[j] {
                    case .continuous: axis[j] = flat.log[j] ? log(x) : x
                    case .cells:
                      cells[j] = cell(j, x)
                      axis[j] = x
                    case .categorical:
                      axis[j] = Double(Int(exactly: x).map { min(max($0, 0), flat.choices[j] - 1) } ?? 0)
                    }
                  }
                  // The prior's full log density bounds the maximum from below.
                  var floor = constants[prior]
                  for j in 0..<d {
                    switch flat.kinds[j] {
                    case .continuous:
                      let z = (axis[j] - parameters[prior * stride + 2 * j]) * parameters[prior * stride + 2 * j + 1]
                      floor += -0.5 * z * z
                    case .cells: floor += cells[j][prior]
                    case .categorical: floor += log(p[flat.offset[j] + prior * flat.choices[j] + Int(axis[j])])
                    }
                  }
                  floor -= Self.logSumExpCutoff + 1
                  // sp[a] is the partial log density of the kernel in slot ap[a].
                  var n = 0
                  // With a window, only the kernels whose first-dimension centre lies within reach
                  // start, in that dimension's order, and the prior: a kernel k is kept after the
                  // first dimension only if ((t − μ_k)/σ_k)² ≤ 2(c_k − floor), which needs
                  // |t − μ_k| ≤ maxSigma·√(2(maxConstant − floor)). Their first-dimension
                  // terms are added here, from the window's copies in rank order.
                  var dense = true
                  if let w = window {
                    dense = false
                    let t = axis[0]
                    let reach2 = 2 * (w.maxConstant - floor)
                    if reach2 >= 0 {
                      let reach = w.maxSigma * reach2.squareRoot()
                      let (from, to) = (t - reach, t + reach)
                      let lo = Self.partitionPoint(w.centres.count) { w.centres[$0] >= from }
                      let hi = Self.partitionPoint(w.centres.count) { w.centres[$0] > to }
                      w.centres.withUnsafeBufferPointer { centre in
                        w.inverseSigma.withUnsafeBufferPointer { inverse in
                          w.constants.withUnsafeBufferPointer { constant in
                            // The window's arrays have one entry per observation kernel; rank r is slot r.
                            for r in lo..<min(hi, inverse.count, constant.count) {
                              let z = (t - centre[r]) * inverse[r]
                              let v = constant[r] + -0.5 * z * z
                              ap[n] = r
                              sp[n] = v
                              n &+= Self.one(v >= floor)
                            }
                          }
                        }
                      }
                    }
                    let z = (t - parameters[prior * stride]) * parameters[prior * stride + 1]
                    let v = constants[prior] + -0.5 * z * z
                    ap[n] = prior
                    sp[n] = v
                    n &+= Self.one(v >= floor)
                  }
                  for j in (dense ? 0 : 1)..<d {
                    // Densely (slots are kernels then), the first dimension runs over every kernel
                    // from its constant; later ones over those kept.
                    let first = dense && j == 0
                    let m = first ? kernels : n
                    var kept = 0
                    // Adds dimension j's term of the kernel in slot a's place to position a, keeping it when it may still count.
                    @inline(__always) func add(_ a: Int, _ slot: Int, _ term: Double) {
                      let v = (first ? constants[slot] : sp[a]) + term
                      sp[kept] = v
                      ap[kept] = slot
                      kept &+= Self.one(v >= floor)
                    }
                    switch flat.kinds[j] {
                    case .categorical:
                      let (base, c, i) = (flat.offset[j], flat.choices[j], Int(axis[j]))
                      for a in 0..<m {
                        let slot = first ? a : ap[a]
                        add(a, slot, log(p[base + kernelOf[slot] * c + i]))
                      }
                    case .cells:
                      cells[j].withUnsafeBufferPointer { cp in
                        for a in 0..<m {
                          let slot = first ? a : ap[a]
                          add(a, slot, cp[kernelOf[slot]])
                        }
                      }
                    case .continuous:
                      let t = axis[j]
                      guard let q = parameters.baseAddress.map({ $0 + 2 * j }) else { break }
                      // The hottest loops of an ask, one per case, so that neither chooses per kernel.
                      if first {
                        for k in 0..<kernels {
                          let z = (t - q[k * stride]) * q[k * stride + 1]
                          let v = constants[k] + -0.5 * z * z
                          sp[kept] = v
                          ap[kept] = k
                          kept &+= Self.one(v >= floor)
                        }
                      } else {
                        for a in 0..<m {
                          let slot = ap[a]
                          let z = (t - q[slot * stride]) * q[slot * stride + 1]
                          let v = sp[a] + -0.5 * z * z
                          sp[kept] = v
                          ap[kept] = slot
                          kept &+= Self.one(v >= floor)
                        }
                      }
                    }
                    n = kept
                  }
                  out[row] = Self.logSumExp(UnsafeBufferPointer(rebasing: sp[0..<n]))
                }
              }
            }
          }
        }
      }
    }
    return out
  }

  /// The kernels of every dimension laid out for `logPDF`, read once per call: its rows
  /// then switch on no enum payload, whose arrays every switch retains.
  ///
  /// Each kernel has a slot, and a slot's centres and reciprocal bandwidths of every
  /// continuous dimension lie together: kept kernels are visited in slot order, so their
  /// later dimensions are read from neighbouring memory rather than gathered.
  private struct Flat {
    enum Kind { case continuous, cells, categorical }
    var kinds: [Kind] = []
    var log: [Bool] = []
    /// Per slot, 2·dimensions values: each continuous dimension's centre and reciprocal bandwidth (zeros elsewhere).
    var parameters: [Double]
    /// The kernel in each slot.
    var kernelOf: [Int]
    /// Categorical dimension j's probabilities (kernels × choices[j], by kernel) from offset[j].
    var probabilities: [Double] = []
    var offset: [Int] = []
    var choices: [Int] = []

    /// `slots`, when given, holds the kernels of the first slots (every kernel but the last);
    /// the others keep their own index.
    init(_ dimensions: [Kernels], kernels: Int, slots: [Int]?) {
      var numeric: [Numeric?] = []
      for dim in dimensions {
        offset.append(probabilities.count)
        switch dim {
        case .categorical(let c):
          kinds.append(.categorical)
          log.append(false)
          choices.append(max(c.count, 1))
          probabilities += c.probabilities
          numeric.append(nil)
        case .numeric(let m):
          kinds.append(m.step == nil ? .continuous : .cells)
          log.append(m.log)
          choices.append(0)
          numeric.append(m.step == nil ? m : nil)
        }
      }
      var kernelOf = Array(0..<kernels)
      // A permutation of the first kernels only; anything else keeps the kernels in index order.
      if let slots, slots.count == kernels - 1 {
        for (s, k) in slots.enumerated() { kernelOf[s] = k }
      }
      let stride = 2 * numeric.count
      var parameters = [Double](repeating: 0, count: kernels * stride)
      parameters.withUnsafeMutableBufferPointer { out in
        kernelOf.withUnsafeBufferPointer { kernelOf in
          for (j, m) in numeric.enumerated() {
            // Each kernel has a centre and a bandwidth, and `kernelOf` holds kernel indices.
            guard let m, m.mu.count >= kernels, m.sigma.count >= kernels else { continue }
            m.mu.withUnsafeBufferPointer { mu in
              m.sigma.withUnsafeBufferPointer { sigma in
                for s in 0..<kernels {
                  let k = kernelOf[s]
                  out[s * stride + 2 * j] = mu[k]
                  out[s * stride + 2 * j + 1] = 1 / sigma[k]
                }
              }
            }
          }
        }
      }
      self.kernelOf = kernelOf
      self.parameters = parameters
    }
  }

  /// 1 for true and 0 for false, without a branch.
  ///
  /// The compactions in `logPDF` keep about half their kernels at random, so a branch
  /// on the comparison mispredicts often; `b ? 1 : 0` compiles to one (LLVM turns the
  /// select on the loop-carried count back into a jump), this to a flag-to-integer add.
  @inline(__always) static func one(_ b: Bool) -> Int { Int(truncatingIfNeeded: unsafeBitCast(b, to: UInt8.self)) }

  /// The first index in 0..<count where `isPast` holds, for a predicate false then true
  /// along the indices (count when it never holds): one binary search for every sorted list here.
  static func partitionPoint(_ count: Int, _ isPast: (Int) -> Bool) -> Int {
    var (lo, hi) = (0, count)
    while lo < hi {
      let mid = lo + (hi - lo) / 2
      if isPast(mid) { hi = mid } else { lo = mid + 1 }
    }
    return lo
  }

  /// log Σ e^s, skipping the terms too small to change the sum's double (below max − `logSumExpCutoff`).
  static func logSumExp(_ s: UnsafeBufferPointer<Double>) -> Double {
    guard let m = s.max(), m > -.infinity else { return -.infinity }
    if m == .infinity { return .infinity }
    var sum = 0.0
    for v in s where v > m - logSumExpCutoff { sum += exp(v - m) }
    return m + log(sum)
  }

  /// How far below the largest term `logSumExp` ignores the others: e^-50 is far below a double's precision.
  static let logSumExpCutoff = 50.0
}
