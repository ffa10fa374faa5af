internal import HonePlatform

/// The MAP objective −log p(y | θ) − log p(θ) of the log-hyperparameters θ, with its analytic gradient.
///
/// θ = (log ℓ₁ … log ℓ_d, log s, log v). With K = s·M + v·I, α = K⁻¹y and
/// W = ααᵀ − K⁻¹, the gradient of the log marginal likelihood is
/// ∂/∂θᵢ = ½·tr(W·∂K/∂θᵢ) (Rasmussen & Williams, eq. 5.9), where
/// - ∂K/∂log ℓ_k = s·m′(r²) ∘ (−2·Δ_k/ℓ_k²), Δ_k the per-column squared differences,
/// - ∂K/∂log s = s·M, the noise-free part of K,
/// - ∂K/∂log v = v·I.
/// K⁻¹ comes from the Cholesky factor by `dpotri`; the traces are then O(n²d)
/// sums over the lower triangle, below the O(n³) of the factorization. All
/// n×n buffers are kept between evaluations.
public struct GPNegativeLogPosterior: Sendable {
  /// The inputs, n×d.
  public let inputs: Matrix<Double>
  /// The standardized targets.
  public let targets: [Double]
  /// The radial profile.
  public let shape: GPKernelShape
  /// The kind of each input column.
  public let dimensions: [GPDimensionKind]
  /// The prior on the hyperparameters.
  public let prior: GPPrior
  /// r², then K, in the lower triangle.
  private var covariance = Matrix<Double>(rows: 0, cols: 0)
  /// s·m′(r²), then W ∘ s·m′(r²), in the lower triangle.
  private var slopes = Matrix<Double>(rows: 0, cols: 0)
  /// The factor and inverse of K.
  private var workspace = CholeskyWorkspace()
  /// The θ whose factor `workspace` holds, if the last evaluation factored.
  private var factoredTheta: [Double]?
  /// The factorizations of K attempted so far, each O(n³): what a fit's cost is counted in.
  private(set) var factorizations = 0

  /// Prepares the objective for the data; throws `invalidArgument` on mismatched shapes or non-finite data.
  public init(
    inputs: Matrix<Double>, targets: [Double], shape: GPKernelShape, dimensions: [GPDimensionKind], prior: GPPrior = GPPrior()
  ) throws(HoneError) {
    try GaussianProcess.validate(inputs: inputs, targets: targets, dimensionCount: dimensions.count)
    self.inputs = inputs
    self.targets = targets
    self.shape = shape
    self.dimensions = dimensions
    self.prior = prior
  }

  /// The objective at θ, writing its gradient into `gradient`.
  ///
  /// Returns +∞ when K is not positive definite even with jitter, so a line
  /// search backs off instead of the fit failing. Throws `invalidArgument`
  /// unless θ has d + 2 finite entries.
  public mutating func evaluate(_ theta: [Double], gradient: inout [Double]) throws(HoneError) -> Double {
    let d = dimensions.count
    let n = inputs.rows
    guard theta.count == d + 2 else {
      throw .invalidArgument("GPNegativeLogPosterior: θ has \(theta.count) entries, expected \(d + 2)")
    }
    gradient = [Double](repeating: 0, count: d + 2)
    let kernel = try self.kernel(theta)
    let s = exp(theta[d])
    let v = exp(theta[d + 1])
    factoredTheta = nil

    kernel.pairwiseSquaredDistances(inputs, into: &covariance)
    if slopes.rows != n { slopes = Matrix(rows: n, cols: n) }
    covariance.storage.withUnsafeMutableBufferPointer { pk in
      slopes.storage.withUnsafeMutableBufferPointer { ps in
        for j in 0..<n {
          pk[j * n + j] = s + v
          let below = (j * n + j + 1)..<(j * n + n)
          shape.scaleProfilesAndSlopes(
            UnsafeMutableBufferPointer(rebasing: pk[below]), slopes: UnsafeMutableBufferPointer(rebasing: ps[below]),
            scale: s)
        }
      }
    }
    factorizations += 1
    guard try workspace.factor(covariance) else { return .infinity }
    factoredTheta = theta

    var alpha = try Matrix(rows: n, cols: 1, columnMajor: targets)
    try Matrix.potrs(factor: workspace.factor, &alpha)
    var quadratic = 0.0
    for i in 0..<n { quadratic += targets[i] * alpha.storage[i] }
    var objective = 0.5 * quadratic + 0.5 * workspace.logDeterminant + Double(n) * StandardNormal.logSqrtTwoPi
    try workspace.invert()

    // Lower triangle: slopes ← W ∘ s·m′(r²); the sums give the scale and noise terms.
    var offDiagonalScaleTerm = 0.0
    var traceW = 0.0
    alpha.storage.withUnsafeBufferPointer { pa in
      workspace.inverse.storage.withUnsafeBufferPointer { pinv in
        covariance.storage.withUnsafeBufferPointer { pk in
          slopes.storage.withUnsafeMutableBufferPointer { ps in
            for j in 0..<n {
              let aj = pa[j]
              traceW += aj * aj - pinv[j * n + j]
              let below = (j * n + j + 1)..<(j * n + n)
              offDiagonalScaleTerm += Self.weigh(
                UnsafeMutableBufferPointer(rebasing: ps[below]), alpha: UnsafeBufferPointer(rebasing: pa[(j + 1)...]),
                alphaJ: aj, inverse: UnsafeBufferPointer(rebasing: pinv[below]),
                covariance: UnsafeBufferPointer(rebasing: pk[below]))
            }
          }
        }
      }
    }
    // Both triangles of the symmetric sums count, hence 2·Σ over i > j; the factor ½ of the trace cancels it.
    gradient[d] = -(offDiagonalScaleTerm + 0.5 * traceW * s)
    gradient[d + 1] = -0.5 * traceW * v
    var sums = [Double](repeating: 0, count: d)
    inputs.storage.withUnsafeBufferPointer { px in
      slopes.storage.withUnsafeBufferPointer { ps in
        for j in 0..<n {
          let weighted = UnsafeBufferPointer(rebasing: ps[(j * n + j + 1)..<(j * n + n)])
          for (k, kind) in dimensions.enumerated() {
            let column = UnsafeBufferPointer(rebasing: px[(k * n + j + 1)..<(k * n + n)])
            sums[k] += Self.weightedDifferences(weighted, column, from: px[k * n + j], kind)
          }
        }
      }
    }
    let weights = kernel.inverseSquaredLengthscales
    for k in 0..<d { gradient[k] = 2 * weights[k] * sums[k] }

    var priorGradient = [Double](repeating: 0, count: d + 2)
    objective -= prior.logDensity(theta, gradient: &priorGradient)
    for i in gradient.indices { gradient[i] -= priorGradient[i] }
    return objective
  }

  /// Scales each slope by wᵢ = αᵢ·α_j − (K⁻¹)ᵢⱼ, W's entry, and returns Σ wᵢ·Kᵢⱼ, over one column below the diagonal.
  ///
  /// Four partial sums, not one: a single running sum makes every addition wait for the last.
  @inline(__always)
  private static func weigh(
    _ slopes: UnsafeMutableBufferPointer<Double>, alpha: UnsafeBufferPointer<Double>, alphaJ: Double,
    inverse: UnsafeBufferPointer<Double>, covariance: UnsafeBufferPointer<Double>
  ) -> Double {
    var partial = (0.0, 0.0, 0.0, 0.0)
    let count = slopes.count
    var i = 0
    while i + 4 <= count {
      let w0 = alpha[i] * alphaJ - inverse[i]
      let w1 = alpha[i + 1] * alphaJ - inverse[i + 1]
      let w2 = alpha[i + 2] * alphaJ - inverse[i + 2]
      let w3 = alpha[i + 3] * alphaJ - inverse[i + 3]
      partial.0 += w0 * covariance[i]
      partial.1 += w1 * covariance[i + 1]
      partial.2 += w2 * covariance[i + 2]
      partial.3 += w3 * covariance[i + 3]
      slopes[i] *= w0
      slopes[i + 1] *= w1
      slopes[i + 2] *= w2
      slopes[i + 3] *= w3
      i += 4
    }
    while i < count {
      let w = alpha[i] * alphaJ - inverse[i]
      partial.0 += w * covariance[i]
      slopes[i] *= w
      i += 1
    }
    return (partial.0 + partial.1) + (partial.2 + partial.3)
  }

  /// Σᵢ weightedᵢ·(xᵢ − x_j)² for a continuous column, Σ over xᵢ ≠ x_j of weightedᵢ for a categorical one.
  @inline(__always)
  private static func weightedDifferences(
    _ weighted: UnsafeBufferPointer<Double>, _ x: UnsafeBufferPointer<Double>, from xj: Double,
    _ kind: GPDimensionKind
  ) -> Double {
    var partial = (0.0, 0.0, 0.0, 0.0)
    let count = weighted.count
    var i = 0
    switch kind {
    case .continuous:
      while i + 4 <= count {
        let d0 = x[i] - xj
        let d1 = x[i + 1] - xj
        let d2 = x[i + 2] - xj
        let d3 = x[i + 3] - xj
        partial.0 += weighted[i] * d0 * d0
        partial.1 += weighted[i + 1] * d1 * d1
        partial.2 += weighted[i + 2] * d2 * d2
        partial.3 += weighted[i + 3] * d3 * d3
        i += 4
      }
      while i < count {
        let d = x[i] - xj
        partial.0 += weighted[i] * d * d
        i += 1
      }
    case .categorical:
      while i + 4 <= count {
        partial.0 += x[i] != xj ? weighted[i] : 0
        partial.1 += x[i + 1] != xj ? weighted[i + 1] : 0
        partial.2 += x[i + 2] != xj ? weighted[i + 2] : 0
        partial.3 += x[i + 3] != xj ? weighted[i + 3] : 0
        i += 4
      }
      while i < count {
        partial.0 += x[i] != xj ? weighted[i] : 0
        i += 1
      }
    }
    return (partial.0 + partial.1) + (partial.2 + partial.3)
  }

  /// The kernel with hyperparameters θ.
  func kernel(_ theta: [Double]) throws(HoneError) -> GPKernel {
    let d = dimensions.count
    return try GPKernel(
      shape: shape, dimensions: dimensions,
      hyperparameters: GPHyperparameters(
        logLengthscales: Array(theta[0..<d]), logOutputscale: theta[d], logNoise: theta[d + 1]))
  }

  /// The model conditioned with hyperparameters θ, reusing the last evaluation's factor when it was at θ.
  mutating func model(at theta: [Double]) throws(HoneError) -> GaussianProcess {
    let kernel = try self.kernel(theta)
    if factoredTheta != theta {
      try kernel.pairwiseCovariance(inputs, into: &covariance)
      factorizations += 1
      guard try workspace.factor(covariance) else {
        throw .numeric(
          "GaussianProcess.fit: the covariance matrix is not positive definite at the fitted hyperparameters")
      }
    }
    factoredTheta = nil
    return try GaussianProcess(kernel: kernel, inputs: inputs, targets: targets, factor: workspace.takeCholesky())
  }
}
