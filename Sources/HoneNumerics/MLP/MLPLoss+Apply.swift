internal import HonePlatform

extension MLPLoss {
  /// The mean loss of a batch and its gradient with respect to the outputs.
  ///
  /// `z` is `batch × outputs` row-major (values or logits), `y` the targets
  /// (`batch × outputs` for regression, one label per row otherwise). The loss is
  /// averaged over rows (and, for regression, over outputs too) and accumulated in
  /// Double; `grad`, when given, receives ∂loss/∂z.
  static func evaluate(
    _ loss: MLPLoss, task: MLPTask, huberDelta: Float,
    z: UnsafePointer<Float>, y: UnsafePointer<Float>, batch: Int, outputs k: Int,
    grad: UnsafeMutablePointer<Float>?
  ) -> Double {
    var total = 0.0
    switch (task, loss) {
    case (.regression, _):
      let scale = 1 / Float(batch * k)
      for i in 0..<(batch * k) {
        let r = z[i] - y[i]
        let g: Float
        switch loss {
        case .mae:
          total += Double(abs(r))
          g = r > 0 ? 1 : (r < 0 ? -1 : 0)
        case .huber:
          if abs(r) <= huberDelta {
            total += Double(0.5 * r * r)
            g = r
          } else {
            total += Double(huberDelta * (abs(r) - 0.5 * huberDelta))
            g = r > 0 ? huberDelta : -huberDelta
          }
        default:
          total += Double(r * r)
          g = 2 * r
        }
        grad?[i] = g * scale
      }
      return total / Double(batch * k)
    case (.binary, .hinge):
      for i in 0..<batch {
        let t: Float = y[i] > 0.5 ? 1 : -1
        let margin = 1 - t * z[i]
        total += Double(max(0, margin))
        grad?[i] = margin > 0 ? -t / Float(batch) : 0
      }
    case (.binary, _):
      for i in 0..<batch {
        // max(z,0) − z·y + log(1 + e^−|z|) is BCE on logits without overflow.
        let v = z[i]
        total += Double(max(v, 0) - v * y[i] + log1pf(expf(-abs(v))))
        grad?[i] = (MLPActivation.sigmoid(v) - y[i]) / Float(batch)
      }
    case (.multiclass, .hinge):
      for r in 0..<batch {
        let row = z + r * k
        let label = min(max(Int(y[r]), 0), k - 1)
        var count: Float = 0
        for j in 0..<k where j != label {
          let m = 1 + row[j] - row[label]
          total += Double(max(0, m))
          grad?[r * k + j] = m > 0 ? 1 / Float(batch) : 0
          if m > 0 { count += 1 }
        }
        grad?[r * k + label] = -count / Float(batch)
      }
    case (.multiclass, _):
      for r in 0..<batch {
        let row = z + r * k
        let label = min(max(Int(y[r]), 0), k - 1)
        var m = row[0]
        for j in 1..<k { m = max(m, row[j]) }
        var s: Float = 0
        for j in 0..<k { s += expf(row[j] - m) }
        // log-sum-exp shifted by the maximum never overflows.
        let lse = m + logf(s)
        total += Double(lse - row[label])
        if let g = grad {
          for j in 0..<k { g[r * k + j] = (expf(row[j] - lse) - (j == label ? 1 : 0)) / Float(batch) }
        }
      }
    }
    return total / Double(batch)
  }
}
