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
        var explained = 0.0
        for i in 0..<n {
          let v = pv[j * n + i]
          explained += v * v
        }
        variance[j] = max(Self.varianceFloor, s - explained)
      }
    }
    return GPPrediction(mean: mean, variance: variance)
  }
}
