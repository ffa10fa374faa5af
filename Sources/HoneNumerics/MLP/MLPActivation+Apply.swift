internal import HonePlatform

extension MLPActivation {
  /// The slope of leaky_relu for negative inputs.
  static let leakySlope: Float = 0.01

  /// Writes f(z) into `a` for `count` elements; `a` may alias `z`.
  func forward(_ z: UnsafePointer<Float>, _ a: UnsafeMutablePointer<Float>, count: Int) {
    switch self {
    case .relu: for i in 0..<count { a[i] = max(z[i], 0) }
    case .leakyRelu: for i in 0..<count { a[i] = z[i] > 0 ? z[i] : Self.leakySlope * z[i] }
    case .elu: for i in 0..<count { a[i] = z[i] > 0 ? z[i] : expm1f(z[i]) }
    case .gelu: for i in 0..<count { a[i] = 0.5 * z[i] * (1 + erff(z[i] * 0.70710678)) }
    case .tanh: for i in 0..<count { a[i] = tanhf(z[i]) }
    case .sigmoid: for i in 0..<count { a[i] = Self.sigmoid(z[i]) }
    case .linear: if UnsafePointer(a) != z { for i in 0..<count { a[i] = z[i] } }
    }
  }

  /// Multiplies the upstream gradient `g` in place by f′(z), where `a` = f(z).
  func backward(_ z: UnsafePointer<Float>, _ a: UnsafePointer<Float>, _ g: UnsafeMutablePointer<Float>, count: Int) {
    switch self {
    case .relu:
      // A branch per element defeats vectorization; a SIMD select masks 16 at a time.
      let simdEnd = count - count % 16
      var i = 0
      while i < simdEnd {
        let zi = UnsafeRawPointer(z + i).loadUnaligned(as: SIMD16<Float>.self)
        var gi = UnsafeRawPointer(g + i).loadUnaligned(as: SIMD16<Float>.self)
        gi.replace(with: 0, where: zi .<= 0)
        UnsafeMutableRawPointer(g + i).storeBytes(of: gi, as: SIMD16<Float>.self)
        i += 16
      }
      for i in simdEnd..<count where z[i] <= 0 { g[i] = 0 }
    case .leakyRelu: for i in 0..<count where z[i] <= 0 { g[i] *= Self.leakySlope }
    // For z ≤ 0, elu′(z) = e^z = a + 1.
    case .elu: for i in 0..<count where z[i] <= 0 { g[i] *= a[i] + 1 }
    case .gelu:
      for i in 0..<count {
        let x = z[i]
        let cdf = 0.5 * (1 + erff(x * 0.70710678))
        let pdf = 0.39894228 * expf(-0.5 * x * x)
        g[i] *= cdf + x * pdf
      }
    case .tanh: for i in 0..<count { g[i] *= 1 - a[i] * a[i] }
    case .sigmoid: for i in 0..<count { g[i] *= a[i] * (1 - a[i]) }
    case .linear: break
    }
  }

  /// The logistic function, evaluated without overflow on either side.
  @inline(__always)
  static func sigmoid(_ z: Float) -> Float {
    if z >= 0 { return 1 / (1 + expf(-z)) }
    let e = expf(z)
    return e / (1 + e)
  }
}
