internal import HonePlatform

/// Log expected improvement of a point added to a batch of pending evaluations, over
/// fantasized outcomes at the pending points (q-batch log EI, one point at a time).
///
/// The pending points P get S fantasies, drawn once, jointly, from the model's
/// posterior of the values their workers will report: y_s = μ_P + L·ξ_s, with
/// L·Lᵀ = Σ_P + v·I and ξ_s scrambled-Sobol standard normals. For a query x the
/// latent value, given the observations and the fantasy y_s, is normal with mean
/// m_s(x) (linear in y_s) and a standard deviation σ_c(x) that no fantasy changes.
/// The batch {P, x} improves on `best` by max(0, max(y_s) − best, f(x) − best);
/// the part that x adds is max(0, f(x) − b_s), b_s = max(best, max(y_s)), whose
/// expectation under that normal is EI with threshold b_s. So
///
///   value(x) = log((1/S) Σ_s σ_c(x)·h((m_s(x) − b_s)/σ_c(x))),
///
/// h(z) = φ(z) + zΦ(z): the joint q-EI of the batch less the EI of the pending points
/// alone, which does not depend on x, so both have the same maximizer.
///
/// Why the query's own value is integrated analytically rather than sampled, as
/// Optuna's qLogEI samples it with log(max(y − best, ε)) (ε = 1e-12): each fantasy's
/// term is a stable log EI (`StandardNormal.logH`) and the average a log-sum-exp, so
/// the value and its gradient stay finite and informative everywhere, where the
/// clamped sample average is flat at log ε wherever no sample improves (most of the
/// space late in a search, when σ is small beside the gap to the incumbent); and
/// the Monte-Carlo error is that of the p fantasy dimensions only. With no pending
/// points it is log EI exactly. Everywhere it is at most log EI up to the error of
/// the fantasy average, since b_s ≥ best; at a pending point it is far lower, the
/// fantasies there being what x would reveal.
///
/// The fantasies are of the reported values, noise included, and the model
/// conditions on them by `GaussianProcess.append` as it will on the real ones.
public struct GPBatchLogExpectedImprovement: GPAcquisitionObjective {
  /// The model of the observations, without the pending points.
  public let model: GaussianProcess
  /// The model with the pending points appended; its factor serves every fantasy.
  let conditioned: GaussianProcess
  /// (n + p) × S: column s is (K + v·I)⁻¹ of the targets followed by fantasy s, over `conditioned`.
  let fantasyWeights: Matrix<Double>
  /// b_s, the larger of `best` and fantasy s's best value.
  let thresholds: [Double]

  public var lead: GaussianProcess { model }

  /// The fantasies per ask: Optuna's `n_qmc_samples` for qLogEI.
  public static let defaultSampleCount = 128
  /// The most fantasies, which keeps the (n + p) × S weights' size far from overflowing.
  public static let maxSampleCount = 1 << 16

  /// The acquisition for `model` with `pending` points (p×d) awaiting their values, improving on `best`.
  ///
  /// With no pending points one fantasy stands for all, and the value is log EI.
  /// - Throws: `invalidArgument` on columns that do not match the model, non-finite
  ///   entries, a non-finite `best` or `sampleCount` outside 1...`maxSampleCount`; `numeric` when the
  ///   pending points' covariance cannot be factored.
  public init(
    model: GaussianProcess, pending: Matrix<Double>, best: Double, sampleCount: Int = defaultSampleCount,
    using rng: inout some RandomNumberGenerator
  ) throws(HoneError) {
    try model.validate(points: pending, "batchLogEI")
    guard best.isFinite else { throw .invalidArgument("batch log EI: the threshold must be finite, got \(best)") }
    guard sampleCount >= 1, sampleCount <= Self.maxSampleCount else {
      throw .invalidArgument("batch log EI: needs 1 to \(Self.maxSampleCount) samples, got \(sampleCount)")
    }
    let (n, p) = (model.count, pending.rows)
    let samples = p == 0 ? 1 : sampleCount
    let base = try Self.normalSamples(samples, dimension: p, using: &rng)

    // The joint posterior of the reported values at P: μ_P and Σ_P + v·I = K_PP + v·I − VᵀV, V = L⁻¹K_XP.
    var meanP: [Double] = []
    var spread = Matrix<Double>(rows: 0, cols: 0)
    if p > 0 {
      meanP = try model.predict(pending).mean
      var v = try model.kernel.crossCovariance(model.inputs, pending)
      try Matrix.trsm(model.factor.factor, &v)
      var joint = try model.kernel.covariance(pending)
      try Matrix.gemm(v, v, into: &joint, transA: .transposed, alpha: -1, beta: 1)
      spread = try Cholesky(joint).factor
    }

    // Each column: the observed targets, then fantasy s, y_s = μ_P + L·ξ_s (L lower triangular).
    var targets = Matrix<Double>(rows: n + p, cols: samples)
    var thresholds = [Double](repeating: best, count: samples)
    for s in 0..<samples {
      for a in 0..<n { targets.storage[s * (n + p) + a] = model.targets[a] }
      for i in 0..<p {
        var y = meanP[i]
        for k in 0...i { y += spread.storage[k * p + i] * base[s * p + k] }
        targets.storage[s * (n + p) + n + i] = y
        thresholds[s] = max(thresholds[s], y)
      }
    }
    var conditioned = model
    try conditioned.append(pending, targets: meanP)
    self.model = model
    self.conditioned = conditioned
    self.fantasyWeights = try conditioned.factor.solve(targets)
    self.thresholds = thresholds
  }

  /// `count` × `dimension` standard normals, row-major: scrambled Sobol through Φ⁻¹,
  /// or the generator's uniforms through Φ⁻¹ beyond Sobol's dimensions.
  static func normalSamples(
    _ count: Int, dimension: Int, using rng: inout some RandomNumberGenerator
  ) throws(HoneError) -> [Double] {
    var samples = [Double](repeating: 0, count: count * dimension)
    guard dimension > 0 else { return samples }
    var unit = [Double](repeating: 0, count: dimension)
    let sobol = dimension <= SobolSequence.maxDimension
      ? try SobolSequence(dimension: dimension, scramble: true, using: &rng) : nil
    for s in 0..<count {
      if let sobol {
        sobol.point(at: UInt64(truncatingIfNeeded: s), into: &unit)
      } else {
        for k in 0..<dimension { unit[k] = Double.random(in: 0..<1, using: &rng) }
      }
      for k in 0..<dimension {
        let z = StandardNormal.quantile(unit[k])
        // A coordinate of exactly 0 would be −∞; 8.3 standard deviations is where doubles run out anyway.
        samples[s * dimension + k] = z.isFinite ? z : (z > 0 ? 8.3 : -8.3)
      }
    }
    return samples
  }

  /// The value at one point from its fantasy means (S of them) and conditional deviation;
  /// with `dMeans` given, ∂/∂m_s is written there and ∂/∂σ_c returned. `scratch` holds 2S.
  private func evaluate(
    means: UnsafeBufferPointer<Double>, sd: Double, scratch: UnsafeMutableBufferPointer<Double>,
    dMeans: UnsafeMutableBufferPointer<Double>?
  ) -> (value: Double, dSD: Double) {
    let samples = thresholds.count
    var largest = -Double.infinity
    // log EI_s = log σ + log h(z_s); the σ is common, so it joins after the average. The
    // ratios (`logHRatios`) give ∂ log h/∂m_s = (Φ/h)/σ and the σ-partial (φ/h)/σ.
    for s in 0..<samples {
      let z = (means[s] - thresholds[s]) / sd
      let value = StandardNormal.logH(z)
      scratch[s] = value
      largest = max(largest, value)
      if let dMeans {
        let ratios = StandardNormal.logHRatios(z)
        dMeans[s] = ratios.cdf / sd
        scratch[samples + s] = ratios.density / sd
      }
    }
    guard largest.isFinite else { return (largest, 0) }
    // log-mean-exp, and its softmax weights for the partials.
    var total = 0.0
    for s in 0..<samples {
      scratch[s] = exp(scratch[s] - largest)
      total += scratch[s]
    }
    let value = log(sd) + largest + log(total) - log(Double(samples))
    guard let dMeans else { return (value, 0) }
    var dSD = 0.0
    for s in 0..<samples {
      let weight = scratch[s] / total
      dMeans[s] *= weight
      dSD += weight * scratch[samples + s]
    }
    return (value, dSD)
  }

  public func values(at points: Matrix<Double>) throws(HoneError) -> [Double] {
    try conditioned.validate(points: points, "batchLogEI")
    let (np, m, samples) = (conditioned.count, points.rows, thresholds.count)
    var cross = try conditioned.kernel.crossCovariance(conditioned.inputs, points)
    let means = try Matrix.product(fantasyWeights, cross, transA: .transposed)  // S × m
    try Matrix.trsm(conditioned.factor.factor, &cross)
    let s = conditioned.kernel.hyperparameters.outputscale
    var values = [Double](repeating: 0, count: m)
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * samples) { scratch in
      means.storage.withUnsafeBufferPointer { pm in
        cross.storage.withUnsafeBufferPointer { pv in
          for j in 0..<m {
            let column = UnsafeBufferPointer(rebasing: pv[(j * np)..<((j + 1) * np)])
            let sd = max(GaussianProcess.varianceFloor, s - GaussianProcess.dot(column, column)).squareRoot()
            values[j] = evaluate(
              means: UnsafeBufferPointer(rebasing: pm[(j * samples)..<((j + 1) * samples)]), sd: sd, scratch: scratch,
              dMeans: nil
            ).value
          }
        }
      }
    }
    return values
  }

  /// The value at each row of `points` (m×d) and its gradient in x, an m×d matrix.
  ///
  /// As `GaussianProcess.acquisitionGradient`, through the conditioned model's k*: the
  /// fantasy means m_s = k*ᵀA_s contribute Σ_s (∂value/∂m_s)·A_s in place of α, and
  /// σ_c contributes through β = (K + v·I)⁻¹k*. Categorical columns get a zero gradient,
  /// and so does σ_c where the variance sits at `varianceFloor`.
  public func valuesAndGradient(
    at points: Matrix<Double>
  ) throws(HoneError) -> (values: [Double], gradient: Matrix<Double>) {
    try conditioned.validate(points: points, "batchLogEI")
    let (np, m, samples) = (conditioned.count, points.rows, thresholds.count)
    let kernel = conditioned.kernel
    let s = kernel.hyperparameters.outputscale
    var cross = try kernel.crossSquaredDistances(conditioned.inputs, points)
    var slopes = Matrix<Double>(rows: np, cols: m)
    cross.storage.withUnsafeMutableBufferPointer { pk in
      slopes.storage.withUnsafeMutableBufferPointer { kernel.shape.scaleProfilesAndSlopes(pk, slopes: $0, scale: s) }
    }
    let means = try Matrix.product(fantasyWeights, cross, transA: .transposed)  // S × m
    var solved = cross
    try Matrix.potrs(factor: conditioned.factor.factor, &solved)

    var values = [Double](repeating: 0, count: m)
    var meanWeights = Matrix<Double>(rows: samples, cols: m)
    var sdWeights = [Double](repeating: 0, count: m)
    withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * samples) { scratch in
      means.storage.withUnsafeBufferPointer { pm in
        cross.storage.withUnsafeBufferPointer { pk in
          solved.storage.withUnsafeBufferPointer { pb in
            meanWeights.storage.withUnsafeMutableBufferPointer { pw in
              for j in 0..<m {
                let range = (j * np)..<((j + 1) * np)
                let variance = s - GaussianProcess.dot(
                  UnsafeBufferPointer(rebasing: pk[range]), UnsafeBufferPointer(rebasing: pb[range]))
                let sd = max(GaussianProcess.varianceFloor, variance).squareRoot()
                let (value, dSD) = evaluate(
                  means: UnsafeBufferPointer(rebasing: pm[(j * samples)..<((j + 1) * samples)]), sd: sd,
                  scratch: scratch, dMeans: UnsafeMutableBufferPointer(rebasing: pw[(j * samples)..<((j + 1) * samples)]))
                values[j] = value
                // ∂σ/∂k* = −β/σ; the variance floor has no slope.
                sdWeights[j] = variance > GaussianProcess.varianceFloor ? dSD / sd : 0
              }
            }
          }
        }
      }
    }
    // The effective weights Σ_s (∂value/∂m_s)·A_s of each point, (n + p) × m.
    let effective = try Matrix.product(fantasyWeights, meanWeights)
    effective.storage.withUnsafeBufferPointer { pe in
      solved.storage.withUnsafeBufferPointer { pb in
        slopes.storage.withUnsafeMutableBufferPointer { pc in
          for j in 0..<m {
            for a in 0..<np {
              let i = j * np + a
              pc[i] = 2 * pc[i] * (pe[i] - sdWeights[j] * pb[i])
            }
          }
        }
      }
    }

    return (values, conditioned.inputGradient(coefficients: slopes, at: points))
  }
}
