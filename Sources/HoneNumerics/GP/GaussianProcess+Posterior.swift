/// The posterior of the latent function at a batch of points.
public struct GPPrediction: Sendable, Equatable {
  /// The posterior mean at each point.
  public var mean: [Double]
  /// The posterior variance of the latent function (without observation noise) at each point.
  public var variance: [Double]
}

extension GaussianProcess {
  /// The smallest variance a prediction reports, so that σ, log σ and 1/σ stay finite at observed points.
  public static let varianceFloor = 1e-12

  /// The posterior mean and variance at the rows of `points` (m×d).
  ///
  /// One GEMM gives the n×m cross-covariance K*, the mean is K*ᵀα and the
  /// variance s − ‖L⁻¹K*‖² column by column, from one triangular solve
  /// (`dtrsm`) for the whole batch. Throws `invalidArgument` on a column-count
  /// mismatch or a non-finite entry.
  public func predict(_ points: Matrix<Double>) throws(HoneError) -> GPPrediction {
    try validate(points: points, "predict")
    let (n, m) = (count, points.rows)
    var cross = try kernel.crossCovariance(inputs, points)
    let mean = try Matrix.product(cross, weights, trans: .transposed)
    try Matrix.trsm(factor.factor, &cross)
    let s = kernel.hyperparameters.outputscale
    var variance = [Double](repeating: 0, count: m)
    cross.storage.withUnsafeBufferPointer { pv in
      for j in 0..<m {
        let column = UnsafeBufferPointer(rebasing: pv[(j * n)..<(j * n + n)])
        variance[j] = max(Self.varianceFloor, s - Self.dot(column, column))
      }
    }
    return GPPrediction(mean: mean, variance: variance)
  }

  /// Σᵢ aᵢ·bᵢ over the shorter of the two, in four partial sums so that the additions need not wait on each other.
  @inline(__always)
  static func dot(_ a: UnsafeBufferPointer<Double>, _ b: UnsafeBufferPointer<Double>) -> Double {
    var partial = (0.0, 0.0, 0.0, 0.0)
    let count = min(a.count, b.count)
    var i = 0
    while i + 4 <= count {
      partial.0 += a[i] * b[i]
      partial.1 += a[i + 1] * b[i + 1]
      partial.2 += a[i + 2] * b[i + 2]
      partial.3 += a[i + 3] * b[i + 3]
      i += 4
    }
    while i < count {
      partial.0 += a[i] * b[i]
      i += 1
    }
    return (partial.0 + partial.1) + (partial.2 + partial.3)
  }
}
