extension GaussianProcess {
  /// The acquisition at each row of `points` (m×d), from one batched posterior.
  ///
  /// Throws `invalidArgument` on a column-count mismatch or a non-finite entry.
  public func acquisition(_ acquisition: GPAcquisition, at points: Matrix<Double>) throws(HoneError) -> [Double] {
    let prediction = try predict(points)
    return (0..<points.rows).map {
      acquisition.evaluate(mean: prediction.mean[$0], standardDeviation: prediction.variance[$0].squareRoot()).value
    }
  }

  /// The acquisition at each row of `points` (m×d) and its gradient in x, an m×d matrix.
  ///
  /// With k* the covariances with the training points, β = K⁻¹k* and
  /// ∂k*ₐ/∂x_j = 2·s·m′(r²ₐ)·(x_j − Xₐⱼ)/ℓ_j², the chain rule through μ = k*ᵀα
  /// and σ² = s − k*ᵀβ gives ∂A/∂x_j = Σₐ cₐ·(x_j − Xₐⱼ)/ℓ_j² with
  /// cₐ = 2·s·m′(r²ₐ)·(∂A/∂μ·αₐ − ∂A/∂σ·βₐ/σ). One `dpotrs` solves for β over
  /// the whole batch. Categorical columns get a zero gradient, and so does σ
  /// where the variance sits at `varianceFloor`. Throws as `acquisition(_:at:)`.
  public func acquisitionGradient(
    _ acquisition: GPAcquisition, at points: Matrix<Double>
  ) throws(HoneError) -> (values: [Double], gradient: Matrix<Double>) {
    try validate(points: points, "acquisitionGradient")
    let (n, m) = (count, points.rows)
    let s = kernel.hyperparameters.outputscale
    let shape = kernel.shape
    var cross = try kernel.crossSquaredDistances(inputs, points)
    var coefficients = Matrix<Double>(rows: n, cols: m)
    cross.storage.withUnsafeMutableBufferPointer { pk in
      coefficients.storage.withUnsafeMutableBufferPointer { pc in
        shape.scaleProfilesAndSlopes(pk, slopes: pc, scale: s)
      }
    }
    let mean = try Matrix.product(cross, weights, trans: .transposed)
    var solved = cross
    try Matrix.potrs(factor: factor.factor, &solved)

    var values = [Double](repeating: 0, count: m)
    cross.storage.withUnsafeBufferPointer { pk in
      solved.storage.withUnsafeBufferPointer { pb in
        coefficients.storage.withUnsafeMutableBufferPointer { pc in
          weights.withUnsafeBufferPointer { alpha in
            for j in 0..<m {
              let columnRange = (j * n)..<(j * n + n)
              let beta = UnsafeBufferPointer(rebasing: pb[columnRange])
              let variance = s - Self.dot(UnsafeBufferPointer(rebasing: pk[columnRange]), beta)
              let sd = max(Self.varianceFloor, variance).squareRoot()
              let (value, dMean, dSD) = acquisition.evaluate(mean: mean[j], standardDeviation: sd)
              values[j] = value
              let varianceWeight = variance > Self.varianceFloor ? dSD / sd : 0
              let c = UnsafeMutableBufferPointer(rebasing: pc[columnRange])
              for a in c.indices { c[a] = 2 * c[a] * (dMean * alpha[a] - varianceWeight * beta[a]) }
            }
          }
        }
      }
    }

    return (values, inputGradient(coefficients: coefficients, at: points))
  }

  /// Row j, column k: (1/ℓ_k²)·Σₐ cₐⱼ·(x_jk − Xₐk) for a continuous column k, 0 for a categorical one.
  ///
  /// An acquisition that depends on x through k* = s·m(r²(x, Xₐ)) has this gradient
  /// once `coefficients` (n×m) hold 2·(∂A/∂k*ₐ)·s·m′(r²ₐ) per training point and point.
  func inputGradient(coefficients: Matrix<Double>, at points: Matrix<Double>) -> Matrix<Double> {
    let (n, m, d) = (count, points.rows, kernel.dimensionCount)
    var gradient = Matrix<Double>(rows: m, cols: d)
    let inverseSquared = kernel.inverseSquaredLengthscales
    inputs.storage.withUnsafeBufferPointer { px in
      points.storage.withUnsafeBufferPointer { pp in
        coefficients.storage.withUnsafeBufferPointer { pc in
          gradient.storage.withUnsafeMutableBufferPointer { pg in
            for k in 0..<d where kernel.dimensions[k] == .continuous {
              let observed = UnsafeBufferPointer(rebasing: px[(k * n)..<(k * n + n)])
              for j in 0..<m {
                let c = UnsafeBufferPointer(rebasing: pc[(j * n)..<(j * n + n)])
                pg[k * m + j] = inverseSquared[k] * Self.weightedOffsets(c, observed, from: pp[k * m + j])
              }
            }
          }
        }
      }
    }
    return gradient
  }

  /// Σₐ cₐ·(x − Xₐ), in four partial sums.
  @inline(__always)
  private static func weightedOffsets(
    _ c: UnsafeBufferPointer<Double>, _ observed: UnsafeBufferPointer<Double>, from x: Double
  ) -> Double {
    var partial = (0.0, 0.0, 0.0, 0.0)
    let count = min(c.count, observed.count)
    var a = 0
    while a + 4 <= count {
      partial.0 += c[a] * (x - observed[a])
      partial.1 += c[a + 1] * (x - observed[a + 1])
      partial.2 += c[a + 2] * (x - observed[a + 2])
      partial.3 += c[a + 3] * (x - observed[a + 3])
      a += 4
    }
    while a < count {
      partial.0 += c[a] * (x - observed[a])
      a += 1
    }
    return (partial.0 + partial.1) + (partial.2 + partial.3)
  }
}
