internal import HonePlatform

/// The per-parameter state of a first-order optimizer and its update rule.
///
/// Every rule is written as θ ← θ − lr·u with a direction u (PyTorch's
/// conventions), so hypergradient descent (Baydin et al. 2018) can adapt the
/// rate from h = g_t · u_{t−1}: lr ← lr + β·h.
final class MLPOptimizer {
  let kind: MLPOptimizerKind
  let layout: MLPLayout
  let momentum, beta1, beta2, epsilon: Float
  let weightDecay: Float
  let hypergradientLR: Double
  /// The base rate, adapted in place when hypergradient descent is on.
  private(set) var baseRate: Double
  /// The number of steps taken.
  private(set) var steps = 0
  private let first, second, previous: UnsafeMutableBufferPointer<Float>

  init(kind: MLPOptimizerKind, layout: MLPLayout, config: MLPConfig) {
    self.kind = kind
    self.layout = layout
    momentum = Float(config.momentum)
    beta1 = Float(config.beta1)
    beta2 = Float(config.beta2)
    epsilon = Float(config.epsilon)
    weightDecay = Float(config.resolvedWeightDecay)
    hypergradientLR = config.hypergradientLR
    baseRate = config.learningRate
    func buffer() -> UnsafeMutableBufferPointer<Float> {
      let b = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(1, layout.parameterCount))
      b.initialize(repeating: 0)
      return b
    }
    first = buffer()
    second = buffer()
    previous = buffer()
  }

  deinit {
    first.deallocate()
    second.deallocate()
    previous.deallocate()
  }

  /// Applies one update to `p` from gradient `g`; `factor` is the schedule's multiplier on the base rate.
  ///
  /// Returns the learning rate used.
  @discardableResult
  func step(_ p: UnsafeMutablePointer<Float>, _ g: UnsafePointer<Float>, factor: Double) -> Double {
    let n = layout.parameterCount
    guard let m = first.baseAddress, let v = second.baseAddress, let u = previous.baseAddress else { return 0 }
    if hypergradientLR > 0, steps > 0 {
      var h = 0.0
      for i in 0..<n { h += Double(g[i]) * Double(u[i]) }
      // A rate driven below zero would ascend; keep it positive.
      baseRate = max(baseRate + hypergradientLR * h, 1e-12)
    }
    steps += 1
    let lr = baseRate * factor
    let rate = Float(lr)
    if weightDecay > 0 {
      let shrink = 1 - rate * weightDecay
      for l in 0..<layout.layerCount {
        for i in layout.weightOffset[l]..<layout.biasOffset[l] { p[i] *= shrink }
      }
    }
    // Fused single passes with the constants in locals let the compiler vectorize each rule.
    let (mu, b1, b2, eps) = (momentum, beta1, beta2, epsilon)
    switch kind {
    case .sgd:
      for i in 0..<n {
        u[i] = g[i]
        p[i] -= rate * g[i]
      }
    case .momentum:
      for i in 0..<n {
        let mi = mu * m[i] + g[i]
        m[i] = mi
        u[i] = mi
        p[i] -= rate * mi
      }
    case .nesterov:
      for i in 0..<n {
        let mi = mu * m[i] + g[i]
        m[i] = mi
        let ui = g[i] + mu * mi
        u[i] = ui
        p[i] -= rate * ui
      }
    case .adagrad:
      for i in 0..<n {
        let vi = v[i] + g[i] * g[i]
        v[i] = vi
        let ui = g[i] / (vi.squareRoot() + eps)
        u[i] = ui
        p[i] -= rate * ui
      }
    case .rmsprop:
      for i in 0..<n {
        let vi = mu * v[i] + (1 - mu) * g[i] * g[i]
        v[i] = vi
        let ui = g[i] / (vi.squareRoot() + eps)
        u[i] = ui
        p[i] -= rate * ui
      }
    case .adam, .adamw:
      let c1 = 1 / (1 - Float(pow(Double(b1), Double(steps))))
      let c2 = 1 / (1 - Float(pow(Double(b2), Double(steps))))
      // The pointers may alias as far as the compiler knows, so it will not vectorize; SIMD8 does it by hand.
      let simdEnd = n - n % 8
      let keepDirection = hypergradientLR > 0
      var i = 0
      while i < simdEnd {
        let gi = UnsafeRawPointer(g + i).loadUnaligned(as: SIMD8<Float>.self)
        let mi = b1 * UnsafeRawPointer(m + i).loadUnaligned(as: SIMD8<Float>.self) + (1 - b1) * gi
        let vi = b2 * UnsafeRawPointer(v + i).loadUnaligned(as: SIMD8<Float>.self) + (1 - b2) * gi * gi
        let ui = (mi * c1) / ((vi * c2).squareRoot() + eps)
        UnsafeMutableRawPointer(m + i).storeBytes(of: mi, as: SIMD8<Float>.self)
        UnsafeMutableRawPointer(v + i).storeBytes(of: vi, as: SIMD8<Float>.self)
        // Only hypergradient descent reads the direction back; skip the store otherwise.
        if keepDirection { UnsafeMutableRawPointer(u + i).storeBytes(of: ui, as: SIMD8<Float>.self) }
        let pi = UnsafeRawPointer(p + i).loadUnaligned(as: SIMD8<Float>.self) - rate * ui
        UnsafeMutableRawPointer(p + i).storeBytes(of: pi, as: SIMD8<Float>.self)
        i += 8
      }
      for i in simdEnd..<n {
        let gi = g[i]
        let mi = b1 * m[i] + (1 - b1) * gi
        let vi = b2 * v[i] + (1 - b2) * gi * gi
        m[i] = mi
        v[i] = vi
        let ui = (mi * c1) / ((vi * c2).squareRoot() + eps)
        u[i] = ui
        p[i] -= rate * ui
      }
    }
    return lr
  }
}
