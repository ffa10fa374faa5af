internal import HonePlatform

extension StandardNormal {
  /// Φ⁻¹(p), the standard normal quantile: −∞ at 0, +∞ at 1, NaN outside [0, 1].
  ///
  /// Acklam's rational approximation (relative error below 1.2·10⁻⁹) refined by
  /// one Halley step on Φ(x) − p, which brings it to about full double precision.
  /// The upper half is −Φ⁻¹(1 − p), so the step never subtracts probabilities
  /// close to 1 (1 − p is exact there).
  public static func quantile(_ p: Double) -> Double {
    guard p >= 0, p <= 1 else { return .nan }
    if p == 0 { return -.infinity }
    if p == 1 { return .infinity }
    if p > 0.5 { return -quantile(1 - p) }
    let x: Double
    if p < 0.02425 {
      let q = (-2 * log(p)).squareRoot()
      x = (((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
        - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00)
        / ((((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
          + 3.754408661907416e+00) * q + 1)
    } else {
      let q = p - 0.5
      let r = q * q
      x = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
        + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
        / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
          + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1)
    }
    // Halley: u = (Φ(x) − p)/φ(x), x ← x − u/(1 + x·u/2).
    // Deep in the subnormal tail φ(x) underflows; the approximation is kept there.
    let u = (cdf(x) - p) / density(x)
    guard u.isFinite else { return x }
    return x - u / (1 + x * u / 2)
  }
}
