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
          for i in (j + 1)..<max(j + 1, n) {
            let (value, slope) = shape.profileAndSlope(pk[j * n + i])
            pk[j * n + i] = s * value
            ps[j * n + i] = s * slope
          }
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
              for i in (j + 1)..<max(j + 1, n) {
                let w = pa[i] * aj - pinv[j * n + i]
                offDiagonalScaleTerm += w * pk[j * n + i]
                ps[j * n + i] *= w
              }
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
          let column = j * n
          for (k, kind) in dimensions.enumerated() {
            let base = k * n
            let xj = px[base + j]
            var sum = 0.0
            switch kind {
            case .continuous:
              for i in (j + 1)..<max(j + 1, n) {
                let diff = px[base + i] - xj
                sum += ps[column + i] * diff * diff
              }
            case .categorical:
              for i in (j + 1)..<max(j + 1, n) where px[base + i] != xj { sum += ps[column + i] }
            }
            sums[k] += sum
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
