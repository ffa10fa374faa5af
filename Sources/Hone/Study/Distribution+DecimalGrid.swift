/// The top of a stepped float grid, computed as Optuna computes it.
extension Distribution {
  /// `high` lowered onto the grid `low + k * step`, in decimal arithmetic on
  /// each number's shortest round-trip form, as Optuna does.
  ///
  /// Binary arithmetic gets a grid point wrong where decimal gets it right:
  /// [0.7, 0.8] with step 0.1 keeps 0.8 here (0.7 + 0.1 is 0.7999999999999999),
  /// and [0, 1] with step 0.3 ends at 0.9, not 0.8999999999999999. A high on the
  /// grid is returned as it is. Nil when the three numbers' digits, brought to one
  /// scale, do not fit an `Int128`; the caller then falls back to binary arithmetic.
  static func decimalGridHigh(low: Double, high: Double, step: Double) -> Double? {
    guard let l = ScaledDecimal(low), let h = ScaledDecimal(high), let s = ScaledDecimal(step) else { return nil }
    let scale = min(l.exponent, h.exponent, s.exponent)
    guard let lo = l.significand(atExponent: scale), let hi = h.significand(atExponent: scale),
      let st = s.significand(atExponent: scale), st > 0
    else { return nil }
    let (span, spanOverflow) = hi.subtractingReportingOverflow(lo)
    guard !spanOverflow, span >= 0 else { return nil }
    let (q, r) = span.quotientAndRemainder(dividingBy: st)
    if r == 0 { return high }
    let (offset, offsetOverflow) = q.multipliedReportingOverflow(by: st)
    let (top, topOverflow) = offset.addingReportingOverflow(lo)
    guard !offsetOverflow, !topOverflow else { return nil }
    // Parsing the decimal text rounds once, to the nearest double, as Python's float(Decimal) does.
    return Double("\(top)e\(scale)")
  }
}

/// A finite double's shortest round-trip decimal form, `significand × 10^exponent`.
struct ScaledDecimal {
  let significand: Int128
  let exponent: Int

  /// The decimal form of `x`'s shortest description ("0.1", "1e-05", "-2.5e+20"); nil for NaN and infinities.
  init?(_ x: Double) {
    guard x.isFinite else { return nil }
    let text = x.description
    let parts = text.split(separator: "e", maxSplits: 1)
    guard let mantissa = parts.first else { return nil }
    var exponent = 0
    if parts.count == 2 {
      guard let e = Int(parts[1]) else { return nil }
      exponent = e
    }
    var digits = ""
    var afterPoint = false
    for c in mantissa {
      if c == "." {
        afterPoint = true
      } else {
        digits.append(c)
        if afterPoint { exponent -= 1 }
      }
    }
    // The digits keep the sign; Int128 refuses anything that is not a number.
    guard let value = Int128(digits) else { return nil }
    significand = value
    self.exponent = exponent
  }

  /// The significand brought to `target` (at most `exponent`), or nil when it overflows.
  func significand(atExponent target: Int) -> Int128? {
    let shift = exponent - target
    guard shift >= 0 else { return nil }
    if significand == 0 { return 0 }
    // 10^39 exceeds Int128: a longer shift of a nonzero significand always overflows.
    guard shift <= 38 else { return nil }
    var value = significand
    for _ in 0..<shift {
      let (product, overflow) = value.multipliedReportingOverflow(by: 10)
      if overflow { return nil }
      value = product
    }
    return value
  }
}
