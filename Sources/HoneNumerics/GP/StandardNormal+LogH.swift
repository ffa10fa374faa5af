internal import HonePlatform

extension StandardNormal {
  /// log h(z), where h(z) = φ(z) + z·Φ(z) is the expected improvement of a standard normal over −z.
  ///
  /// The branches are those of Ament et al. 2023, "Unexpected Improvements to
  /// Expected Improvement for Bayesian Optimization", eq. 9:
  /// - z > −1: log(φ(z) + z·Φ(z)) directly; h ≥ h(−1) ≈ 0.083 so nothing cancels badly;
  /// - −1/√ε < z ≤ −1: −z²/2 − log√(2π) + log1mexp(log(erfcx(−z/√2)·|z|) + log√(π/2)),
  ///   where the bracket is log q with q = |z|·√(π/2)·erfcx(−z/√2) < 1 and h = φ(z)·(1 − q);
  /// - z ≤ −1/√ε: −z²/2 − log√(2π) − 2·log|z|, the leading term of h ≈ φ(z)/z².
  ///
  /// In the middle branch log1mexp sees an argument with an absolute error of
  /// about ε while 1 − q ≈ 1/z², so from |z| = 40 on `tailGap` sums 1 − q from
  /// its asymptotic series instead; the result is then exact to a few ulps of log h.
  public static func logH(_ z: Double) -> Double {
    if z > -1 { return log(density(z) + z * cdf(z)) }
    let a = -z
    if a < gapSeriesThreshold {
      return -0.5 * z * z - logSqrtTwoPi + log1mexp(log(erfcx(a * inverseSqrtTwo) * a) + logSqrtHalfPi)
    }
    if a < asymptoticThreshold {
      return -0.5 * z * z - logSqrtTwoPi + log(tailGap(z))
    }
    return -0.5 * z * z - logSqrtTwoPi - 2 * log(a)
  }

  /// The two ratios the derivatives of LogEI need: Φ(z)/h(z) = d log h/dz and φ(z)/h(z).
  ///
  /// With σ·h(z) the expected improvement, ∂ log EI/∂μ = (Φ/h)/σ and
  /// ∂ log EI/∂σ = (φ/h)/σ. Below −1 both are written through 1 − q (see
  /// `logH`), φ/h = 1/(1 − q) and Φ/h = q/(|z|·(1 − q)), so no exp(−z²/2) is formed.
  public static func logHRatios(_ z: Double) -> (cdf: Double, density: Double) {
    if z > -1 {
      let phi = density(z)
      let bigPhi = cdf(z)
      let h = phi + z * bigPhi
      return (bigPhi / h, phi / h)
    }
    let gap = tailGap(z)
    let a = -z
    return ((1 - gap) / (a * gap), 1 / gap)
  }

  /// Where `tailGap` switches from 1 − q to its asymptotic series.
  static let gapSeriesThreshold = 40.0

  /// 1 − q(z) = 1 − |z|·√(π/2)·erfcx(−z/√2) for z ≤ −1, which tends to 1/z².
  ///
  /// Far out it is 1/z²·(1 − 3/z² + 15/z⁴ − 105/z⁶ + 945/z⁸ − 10395/z¹⁰ + …); from
  /// |z| = 40 the first omitted term is below 1e−14 of the sum.
  static func tailGap(_ z: Double) -> Double {
    let a = -z
    if a < gapSeriesThreshold {
      return -expm1(log(erfcx(a * inverseSqrtTwo) * a) + logSqrtHalfPi)
    }
    let t = 1 / (a * a)
    return t * (1 - 3 * t * (1 - 5 * t * (1 - 7 * t * (1 - 9 * t * (1 - 11 * t)))))
  }

  /// log(1 − exp(a)) for a ≤ 0, accurate both near 0 and for large negative a (Mächler 2012).
  @inline(__always)
  package static func log1mexp(_ a: Double) -> Double {
    a > -0.693_147_180_559_945_3 ? log(-expm1(a)) : log1p(-exp(a))
  }
}
