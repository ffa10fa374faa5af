/// The one-sample Wilcoxon signed-rank test, as SciPy's `scipy.stats.wilcoxon(d,
/// zero_method="zsplit", alternative=...)` with its default `method="auto"` and no
/// continuity correction: the call Optuna's `WilcoxonPruner` makes.
///
/// The differences are ranked by absolute value, ties sharing their average
/// rank. The statistic is R⁺, the sum of the ranks of the positive differences;
/// a zero difference gives half its rank to R⁺ and half to R⁻ ("zero split"),
/// so that a sample of zeros still has a statistic. The p-value comes from
///
/// - the exact null distribution of R⁺ when there are neither ties nor zeros
///   and at most 50 differences;
/// - all 2ⁿ sign flips of the differences when there are ties or zeros and at
///   most 13 differences (SciPy's permutation test, exact there since 2¹³ is
///   below its 9999 resamples);
/// - the normal approximation, with the tie correction of the variance,
///   otherwise.
public enum WilcoxonSignedRank {
  /// The alternative hypothesis about the median of the differences.
  public enum Alternative: Sendable {
    /// The median is not zero.
    case twoSided
    /// The median is below zero.
    case less
    /// The median is above zero.
    case greater
  }

  /// How the p-value was found.
  public enum Method: Sendable, Equatable {
    case exact, signFlips, normalApproximation
  }

  /// The outcome of a test.
  public struct Result: Sendable {
    /// R⁺ for a one-sided test, min(R⁺, R⁻) for a two-sided one, as SciPy reports it.
    public var statistic: Double
    public var pValue: Double
    public var method: Method
  }

  /// The largest sample whose p-value comes from the exact null distribution.
  static let exactLimit = 50
  /// The largest sample with ties or zeros whose sign flips are all enumerated.
  static let signFlipLimit = 13

  /// Tests whether the differences `d` are centred on zero.
  ///
  /// - Throws: `.invalidArgument` when `d` is empty or holds a value that is not finite.
  public static func test(_ d: [Double], alternative: Alternative) throws(HoneError) -> Result {
    guard !d.isEmpty else { throw .invalidArgument("the Wilcoxon test needs at least one difference") }
    guard d.allSatisfy(\.isFinite) else {
      throw .invalidArgument("the Wilcoxon test needs finite differences")
    }
    let n = d.count
    let (ranks, tieSizes) = averageRanks(d.map { abs($0) })
    let rPlus = positiveRankSum(d, ranks)
    let rMinus = Double(n) * Double(n + 1) / 2 - rPlus
    let statistic = alternative == .twoSided ? min(rPlus, rMinus) : rPlus
    let hasTies = tieSizes.contains { $0 > 1 }
    let hasZeros = d.contains(0)
    if n <= exactLimit && !hasTies && !hasZeros {
      return Result(statistic: statistic, pValue: exactPValue(rPlus, n: n, alternative), method: .exact)
    }
    if n <= signFlipLimit {
      return Result(
        statistic: statistic, pValue: signFlipPValue(d, ranks, observed: rPlus, alternative), method: .signFlips)
    }
    let count = Double(n)
    let mean = count * (count + 1) / 4
    let tieCorrection = tieSizes.reduce(0.0) { $0 + Double($1) * Double($1) * Double($1) - Double($1) }
    let sd = ((count * (count + 1) * (2 * count + 1) - tieCorrection / 2) / 24).squareRoot()
    let z = (rPlus - mean) / sd
    let p: Double
    switch alternative {
    case .less: p = StandardNormal.cdf(z)
    case .greater: p = StandardNormal.cdf(-z)
    case .twoSided: p = 2 * StandardNormal.cdf(-abs(z))
    }
    return Result(statistic: statistic, pValue: p, method: .normalApproximation)
  }

  /// The rank of each value among `values` (1-based, ties averaged) and the size of each group of ties.
  static func averageRanks(_ values: [Double]) -> (ranks: [Double], tieSizes: [Int]) {
    let order = values.indices.sorted { values[$0] < values[$1] }
    var ranks = [Double](repeating: 0, count: values.count)
    var sizes: [Int] = []
    var start = 0
    while start < order.count {
      var end = start + 1
      while end < order.count && values[order[end]] == values[order[start]] { end += 1 }
      // Positions start..<end hold ranks start+1 ... end; their average is a multiple of 1/2.
      let rank = Double(start + 1 + end) / 2
      for k in start..<end { ranks[order[k]] = rank }
      sizes.append(end - start)
      start = end
    }
    return (ranks, sizes)
  }

  /// R⁺ with zeros split: the ranks of positive differences plus half those of zero ones.
  ///
  /// The ranks are multiples of 1/2 and their halves multiples of 1/4, so every
  /// sum here is exact in binary floating point and may be compared with `==`.
  static func positiveRankSum(_ d: [Double], _ ranks: [Double]) -> Double {
    var sum = 0.0
    for (x, r) in zip(d, ranks) {
      if x > 0 { sum += r } else if x == 0 { sum += r / 2 }
    }
    return sum
  }

  /// The p-value from the exact null distribution of R⁺ over n untied, nonzero differences.
  ///
  /// Under the null each rank 1...n joins R⁺ with probability 1/2, so the number
  /// of rank subsets with each sum, over 2ⁿ, is the distribution. The counts stay
  /// below 2⁵³ for n ≤ 50 and the tails are exact before the one division.
  static func exactPValue(_ rPlus: Double, n: Int, _ alternative: Alternative) -> Double {
    let maxSum = n * (n + 1) / 2
    var counts = [Double](repeating: 0, count: maxSum + 1)
    counts[0] = 1
    for k in 1...n {
      let top = k * (k + 1) / 2
      for s in stride(from: top, through: k, by: -1) { counts[s] += counts[s - k] }
    }
    let total = Double(sign: .plus, exponent: n, significand: 1)
    // A tie-free sample has an integral R⁺; SciPy rounds up for the lower tail and
    // down for the upper one, which only matters for a statistic that is not.
    let atMost = Int(min(max(rPlus.rounded(.up), -1), Double(maxSum)))
    let atLeast = Int(min(max(rPlus.rounded(.down), 0), Double(maxSum + 1)))
    let lower = atMost < 0 ? 0 : counts[0...atMost].reduce(0, +) / total
    let upper = atLeast > maxSum ? 0 : counts[atLeast...maxSum].reduce(0, +) / total
    switch alternative {
    case .less: return lower
    case .greater: return upper
    case .twoSided: return min(1, 2 * min(lower, upper))
    }
  }

  /// The p-value over all 2ⁿ sign flips of `d`, each equally likely under the null.
  ///
  /// A flip keeps the ranks of |d| and leaves zeros as they are, so each flipped
  /// R⁺ is a sum of the same ranks, exact as in `positiveRankSum`. Flipping a zero
  /// changes nothing, so the 2ᵐ flips of the m nonzero differences, each standing
  /// for the same number of full flips, give the same fractions.
  static func signFlipPValue(
    _ d: [Double], _ ranks: [Double], observed: Double, _ alternative: Alternative
  ) -> Double {
    let zeroHalf = zip(d, ranks).reduce(0.0) { $0 + ($1.0 == 0 ? $1.1 / 2 : 0) }
    let nonzero = zip(d, ranks).filter { $0.0 != 0 }.map(\.1)
    var atMost = 0
    var atLeast = 0
    let flips = 1 << nonzero.count
    for mask in 0..<flips {
      // Bit i set: the i-th nonzero difference is positive in this flip.
      var sum = zeroHalf
      for (i, r) in nonzero.enumerated() where mask & (1 << i) != 0 { sum += r }
      if sum <= observed { atMost += 1 }
      if sum >= observed { atLeast += 1 }
    }
    let lower = Double(atMost) / Double(flips)
    let upper = Double(atLeast) / Double(flips)
    switch alternative {
    case .less: return lower
    case .greater: return upper
    case .twoSided: return min(1, 2 * min(lower, upper))
    }
  }
}
