internal import COpenBLAS

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
  /// variance s − ‖L⁻¹K*‖² column by column, L⁻¹K* for the whole batch at
  /// once. Throws `invalidArgument` on a column-count mismatch or a non-finite entry.
  public func predict(_ points: Matrix<Double>) throws(HoneError) -> GPPrediction {
    try validate(points: points, "predict")
    let (n, m) = (count, points.rows)
    var cross = try kernel.crossCovariance(inputs, points)
    let mean = try Matrix.product(cross, weights, trans: .transposed)
    try applyInverseFactor(to: &cross)
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

  /// Replaces the n×m `b` by L⁻¹·b.
  ///
  /// For a batch at least as wide as n (the raw candidates), L⁻¹ itself
  /// (n³/3 flops, `CholeskyWorkspace.invertLower`) and one triangular product
  /// (`dtrmm`) beat the triangular solve (`dtrsm`) of the same n²·m flops:
  /// OpenBLAS runs the product about twice as fast, having no division or
  /// dependency between rows. Narrow batches keep the solve.
  func applyInverseFactor(to b: inout Matrix<Double>) throws(HoneError) {
    let (n, m) = (count, b.cols)
    guard m >= n, n > 0, b.rows == n else { return try Matrix.trsm(factor.factor, &b) }
    let (order, width) = (try BLAS.dimension(n, "n", "predict"), try BLAS.dimension(m, "m", "predict"))
    let cblas = try BLASLibrary.cblas()
    var inverse = factor.factor
    inverse.storage.withUnsafeMutableBufferPointer { pi in
      b.storage.withUnsafeMutableBufferPointer { pb in
        guard let l = pi.baseAddress, let x = pb.baseAddress else { return }
        CholeskyWorkspace.invertLower(l, order: order, stride: order, cblas)
        cblas.dtrmm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, order, width, 1, l, order, x, order)
      }
    }
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
