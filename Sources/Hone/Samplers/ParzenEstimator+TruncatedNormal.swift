internal import HonePlatform

/// The truncated standard normal distribution, in log space where it matters.
///
/// TPE's kernels are normals truncated to the search range; a kernel far from one
/// end has a mass there that underflows in linear space, so masses are kept as logs
/// and the tails are taken on the side where Φ is accurate.
enum TruncatedNormal {
  /// log(Φ(b) − Φ(a)) for a ≤ b: the log mass of the standard normal on [a, b].
  ///
  /// Both ends in one tail are computed in that tail (flipped to the left one),
  /// where log Φ keeps its digits; an interval that holds 0 is 1 minus two tails.
  static func logMass(_ a: Double, _ b: Double) -> Double {
    if b <= 0 { return logDifference(StandardNormal.logCDF(b), StandardNormal.logCDF(a)) }
    if a > 0 { return logDifference(StandardNormal.logCDF(-a), StandardNormal.logCDF(-b)) }
    let tails = tailBelow(a) + tailBelow(-b)
    // Most kernels lie far from both ends of the range.
    return tails == 0 ? 0 : log1p(-tails)
  }

  /// Φ(z) for z ≤ 0, taken as 0 below −8.5, where it is under 1e-17: a log mass
  /// moves by less than that, far below what TPE's comparisons resolve, and
  /// skipping the call pays for the many kernels far from a bound.
  @inline(__always)
  static func tailBelow(_ z: Double) -> Double {
    z < -8.5 ? 0 : StandardNormal.cdf(z)
  }

  /// log(e^p − e^q) for p ≥ q; log1mexp keeps the digits of a narrow interval, where q is close to p.
  static func logDifference(_ p: Double, _ q: Double) -> Double {
    if p == -.infinity { return -.infinity }
    return p + StandardNormal.log1mexp(q - p)
  }

  /// log(e^x + e^y).
  static func logSum(_ x: Double, _ y: Double) -> Double {
    let m = max(x, y)
    if m == -.infinity { return -.infinity }
    return m + log1p(exp(-abs(x - y)))
  }

  /// The quantile at `u` ∈ [0, 1) of the standard normal truncated to [a, b], a < b.
  ///
  /// Inverts Φ(z) = Φ(a) + u·(Φ(b) − Φ(a)) in log space, on the left side of the
  /// interval when a < 0 and on the mirrored side otherwise, so neither tail loses
  /// its digits; the result is clamped into [a, b].
  static func quantile(_ u: Double, _ a: Double, _ b: Double) -> Double {
    let mass = logMass(a, b)
    let z: Double
    if a < 0 {
      z = StandardNormal.inverseLogCDF(logSum(StandardNormal.logCDF(a), log(u) + mass))
    } else {
      z = -StandardNormal.inverseLogCDF(logSum(StandardNormal.logCDF(-b), log1p(-u) + mass))
    }
    return z.isNaN ? a : min(max(z, a), b)
  }
}
