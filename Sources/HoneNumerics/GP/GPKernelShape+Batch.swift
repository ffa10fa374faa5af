extension GPKernelShape {
  /// Replaces each r² in `values` by scale·m(r²), as `profile` would one at a time.
  ///
  /// Four entries at a time, as SIMD vectors with the cutoff a select and the
  /// exponential `BranchFreeExp`: libm's `exp`, one call per entry, was the
  /// largest single cost of scoring candidates and of assembling K.
  func scaleProfiles(_ values: UnsafeMutableBufferPointer<Double>, scale s: Double) {
    guard let base = values.baseAddress else { return }
    let raw = UnsafeMutableRawPointer(base)
    let stride = MemoryLayout<Double>.stride
    var i = 0
    while i + 4 <= values.count {
      let r2 = raw.loadUnaligned(fromByteOffset: i * stride, as: SIMD4<Double>.self)
      raw.storeBytes(of: scaled(r2, s).value, toByteOffset: i * stride, as: SIMD4<Double>.self)
      i += 4
    }
    while i < values.count {
      values[i] = scaled(SIMD4(repeating: values[i]), s).value[0]
      i += 1
    }
  }

  /// Replaces each r² in `values` by scale·m(r²) and writes scale·m′(r²) at the same index of `slopes`.
  ///
  /// Only the first min(values.count, slopes.count) entries are touched; see `scaleProfiles` for the batching.
  func scaleProfilesAndSlopes(
    _ values: UnsafeMutableBufferPointer<Double>, slopes: UnsafeMutableBufferPointer<Double>, scale s: Double
  ) {
    guard let valueBase = values.baseAddress, let slopeBase = slopes.baseAddress else { return }
    let rawValues = UnsafeMutableRawPointer(valueBase)
    let rawSlopes = UnsafeMutableRawPointer(slopeBase)
    let stride = MemoryLayout<Double>.stride
    let count = min(values.count, slopes.count)
    var i = 0
    while i + 4 <= count {
      let r2 = rawValues.loadUnaligned(fromByteOffset: i * stride, as: SIMD4<Double>.self)
      let (value, slope) = scaled(r2, s)
      rawValues.storeBytes(of: value, toByteOffset: i * stride, as: SIMD4<Double>.self)
      rawSlopes.storeBytes(of: slope, toByteOffset: i * stride, as: SIMD4<Double>.self)
      i += 4
    }
    while i < count {
      let (value, slope) = scaled(SIMD4(repeating: values[i]), s)
      values[i] = value[0]
      slopes[i] = slope[0]
      i += 1
    }
  }

  /// s·m(r²) and s·m′(r²) for four r² at once, 0 beyond `negligibleSquaredDistance` (`profileAndSlope`'s formulas).
  @inline(__always)
  private func scaled(_ r2: SIMD4<Double>, _ s: Double) -> (value: SIMD4<Double>, slope: SIMD4<Double>) {
    let cutoff = SIMD4<Double>(repeating: negligibleSquaredDistance)
    let negligible = r2 .> cutoff
    let clipped = r2.replacing(with: cutoff, where: negligible)
    let value: SIMD4<Double>
    let slope: SIMD4<Double>
    switch self {
    case .matern52:
      let root = (5 * clipped).squareRoot()
      let e = s * BranchFreeExp.ofNegative(root)
      value = (1 + root + 5.0 / 3.0 * clipped) * e
      slope = -5.0 / 6.0 * (1 + root) * e
    case .rbf:
      let e = s * BranchFreeExp.ofNegative(0.5 * clipped)
      value = e
      slope = -0.5 * e
    }
    return (value.replacing(with: 0, where: negligible), slope.replacing(with: 0, where: negligible))
  }
}

/// e^(−x) lane by lane for 0 ≤ x ≤ 700, without a branch or a call, within one ulp of libm's `exp`.
///
/// x/ln 2 is split into k + r/ln 2 with k an integer (rounded by adding
/// 1.5·2⁵², whose low mantissa bits then hold k) and |r| ≤ ln 2/2 (Cody–Waite,
/// ln 2 in two parts so k·ln 2 is exact); e^r is its Taylor polynomial of
/// degree 13, whose truncation error 0.35¹⁴/14! ≈ 4·10⁻¹⁸ is below an ulp, and
/// 2ᵏ is built in the exponent field. Outside [0, 700] a lane is meaningless
/// but finite, which is why callers clamp the argument first.
enum BranchFreeExp {
  @inline(__always)
  static func ofNegative(_ x: SIMD4<Double>) -> SIMD4<Double> {
    let shifter = SIMD4<Double>(repeating: 6755399441055744.0)  // 1.5·2⁵²
    let t = -x * 1.4426950408889634 + shifter
    let k = t - shifter
    let r = (-x - k * 0.6931471803691238) - k * 1.9082149292705877e-10
    var p = SIMD4<Double>(repeating: 1.0 / 6227020800.0)
    p = p * r + 1.0 / 479001600.0
    p = p * r + 1.0 / 39916800.0
    p = p * r + 1.0 / 3628800.0
    p = p * r + 1.0 / 362880.0
    p = p * r + 1.0 / 40320.0
    p = p * r + 1.0 / 5040.0
    p = p * r + 1.0 / 720.0
    p = p * r + 1.0 / 120.0
    p = p * r + 1.0 / 24.0
    p = p * r + 1.0 / 6.0
    p = p * r + 0.5
    p = p * r + 1.0
    p = p * r + 1.0
    // The low bits of t hold k in two's complement; adding the bias and shifting leaves 2ᵏ's exponent field.
    let bits = (unsafeBitCast(t, to: SIMD4<UInt64>.self) &+ 1023) &<< 52
    return p * unsafeBitCast(bits, to: SIMD4<Double>.self)
  }
}
