internal import HonePlatform

extension StandardNormal {
  /// The scaled complementary error function erfcx(x) = exp(x²)·erfc(x).
  ///
  /// For 0 ≤ x < 12 it is the product of the C library's erfc (a few ulps) and
  /// exp(x²), with x² split exactly into a head and a tail so the exponential
  /// does not amplify the rounding of x². From 12 on, where erfc would soon
  /// underflow, the asymptotic series 1/(x√π)·Σ (−1)ᵏ(2k−1)!!/(2x²)ᵏ is summed;
  /// its terms fall below 1e−17 within a dozen steps there. Negative arguments
  /// use erfcx(x) = 2·exp(x²) − erfcx(−x), which overflows to +∞ below −26.6.
  public static func erfcx(_ x: Double) -> Double {
    if x.isNaN { return x }
    if x < 0 {
      if x < -26.7 { return .infinity }
      return 2 * expOfSquare(x) - erfcx(-x)
    }
    if x < 12 { return expOfSquare(x) * erfc(x) }
    let t = 0.5 / (x * x)
    var term = 1.0
    var sum = 1.0
    for k in 1...20 {
      term *= -Double(2 * k - 1) * t
      sum += term
      if abs(term) < 1e-17 * sum { break }
    }
    return sum * inverseSqrtPi / x
  }

  /// exp(x²) with x² carried as an exact head and tail.
  @inline(__always)
  static func expOfSquare(_ x: Double) -> Double {
    let head = x * x
    // fma(x, x, −head) is exactly the rounding error of head.
    let low = (-head).addingProduct(x, x)
    let e = exp(head)
    return e + e * low
  }
}
