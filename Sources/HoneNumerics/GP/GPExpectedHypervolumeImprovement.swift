internal import HonePlatform

/// Log expected hypervolume improvement over independent GPs, one per objective: Optuna's LogEHVI.
///
/// With the objectives' posteriors at x, μ_k(x) and σ_k(x) (larger is better), and
/// S fixed quasi-random standard normal vectors ξ_s, the samples Y_s = μ + σ ⊙ ξ_s
/// are scored against boxes that partition the region the training values do not
/// dominate (`Hypervolume.nonDominatedBoxes`, in the objectives' negation):
///
///   log EHVI(x) = log((1/S) Σ_s Σ_b Π_k clamp(Y_sk − L_bk, ε, I_bk)),
///
/// L_b the box's lower corner and I_b its widths, ε = 1e-12 as in Optuna (which keeps
/// every term positive, so the logarithm and its gradient stay finite far from the
/// front). The fixed samples make the function deterministic, so L-BFGS-B can
/// maximize it (Daulton et al. 2020, Eq. 1). The reference point is 1.1 × the
/// worst training value of each objective in loss terms (0.9 × when negative),
/// as Optuna sets it.
public struct GPExpectedHypervolumeImprovement: GPAcquisitionObjective {
  /// The objectives' models, over the same inputs.
  public let models: [GaussianProcess]
  /// Per box, its lower corner and widths in the models' (larger is better) values,
  /// row-major (boxes × objectives): the inner loop reads them contiguously.
  let lower: [Double]
  let widths: [Double]
  let boxCount: Int
  /// S × objectives standard normal samples, row-major.
  let samples: [Double]
  let sampleCount: Int
  /// The floor of each factor, Optuna's `_EPS`.
  static let epsilon = 1e-12
  /// The most objectives: each term is at least ε^m, which stays a normal double up to here.
  public static let maxObjectives = 16

  public var lead: GaussianProcess { models[0] }

  /// The mean of the objectives' lengthscales, column by column, as Optuna's LogEHVI preconditions by.
  public var lengthscales: [Double] {
    let all = models.map(\.kernel.hyperparameters.lengthscales)
    return (0..<lead.kernel.dimensionCount).map { k in all.reduce(0) { $0 + $1[k] } / Double(all.count) }
  }

  /// The acquisition for `models` (one per objective), whose training values (one row
  /// per training point, larger is better) are `values`, with `sampleCount` scrambled
  /// Sobol normal samples drawn from `rng`.
  ///
  /// - Throws: `invalidArgument` with fewer than 2 or more than `maxObjectives`
  ///   models, models over other input columns, values of the wrong shape or not
  ///   finite, or no samples.
  public init(
    models: [GaussianProcess], values: [[Double]], sampleCount: Int = 128,
    using rng: inout some RandomNumberGenerator
  ) throws(HoneError) {
    let m = models.count
    guard m >= 2, m <= Self.maxObjectives else {
      throw .invalidArgument("EHVI: needs 2 to \(Self.maxObjectives) objectives' models, got \(m)")
    }
    guard models.allSatisfy({ $0.kernel.dimensions == models[0].kernel.dimensions }) else {
      throw .invalidArgument("EHVI: the models' input columns differ")
    }
    guard sampleCount >= 1 else { throw .invalidArgument("EHVI: needs at least one sample") }
    guard !values.isEmpty, values.allSatisfy({ $0.count == m && $0.allSatisfy(\.isFinite) }) else {
      throw .invalidArgument("EHVI: the training values must be finite rows of \(m)")
    }
    let losses = values.map { $0.map { -$0 } }
    let reference = (0..<m).map { k -> Double in
      let worst = losses.map { $0[k] }.max() ?? 0
      return max(1.1 * worst, 0.9 * worst).nextUp
    }
    let boxes = try Hypervolume.nonDominatedBoxes(of: losses, reference: reference)
    self.models = models
    lower = boxes.flatMap { $0.upper.map { -$0 } }
    widths = boxes.flatMap { b in zip(b.upper, b.lower).map { max($0 - $1, Self.epsilon) } }
    boxCount = boxes.count
    let sobol = try SobolSequence(dimension: m, scramble: true, using: &rng)
    var samples = [Double](repeating: 0, count: sampleCount * m)
    var unit = [Double](repeating: 0, count: m)
    for s in 0..<sampleCount {
      sobol.point(at: UInt64(s), into: &unit)
      for k in 0..<m {
        let z = StandardNormal.quantile(unit[k])
        // A coordinate of exactly 0 would be −∞; 8.3 standard deviations is where doubles run out anyway.
        samples[s * m + k] = z.isFinite ? z : (z > 0 ? 8.3 : -8.3)
      }
    }
    self.samples = samples
    self.sampleCount = sampleCount
  }

  /// The means and standard deviations of every model at `points`, objective-major.
  private func posteriors(_ points: Matrix<Double>) throws(HoneError) -> (mean: [[Double]], sd: [[Double]]) {
    var mean: [[Double]] = []
    var sd: [[Double]] = []
    for model in models {
      let p = try model.predict(points)
      mean.append(p.mean)
      sd.append(p.variance.map { $0.squareRoot() })
    }
    return (mean, sd)
  }

  /// log EHVI at one point from its posterior, with ∂/∂μ_k and ∂/∂σ_k written into
  /// `dMean` and `dSD` (m entries each) when they are given.
  private func evaluate(
    mean: UnsafeBufferPointer<Double>, sd: UnsafeBufferPointer<Double>,
    dMean: UnsafeMutableBufferPointer<Double>?, dSD: UnsafeMutableBufferPointer<Double>?
  ) -> Double {
    let m = models.count
    var total = 0.0
    if let dMean, let dSD {
      for k in 0..<m { (dMean[k], dSD[k]) = (0, 0) }
    }
    // Every index is below boxCount · m or sampleCount · m, the arrays' lengths.
    samples.withUnsafeBufferPointer { xi in
      lower.withUnsafeBufferPointer { low in
        widths.withUnsafeBufferPointer { width in
          withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * m) { buffer in
            let y = UnsafeMutableBufferPointer(rebasing: buffer[0..<m])
            let factors = UnsafeMutableBufferPointer(rebasing: buffer[m..<(2 * m)])
            for s in 0..<sampleCount {
              for k in 0..<m { y[k] = mean[k] + sd[k] * xi[s * m + k] }
              for b in 0..<boxCount {
                var product = 1.0
                for k in 0..<m {
                  let f = min(max(y[k] - low[b * m + k], Self.epsilon), width[b * m + k])
                  factors[k] = f
                  product *= f
                }
                total += product
                guard let dMean, let dSD else { continue }
                for k in 0..<m {
                  let raw = y[k] - low[b * m + k]
                  // ∂product/∂y_k = product / f_k where the clamp is inactive; y_k = μ_k + σ_k ξ_sk.
                  guard raw > Self.epsilon && raw < width[b * m + k] else { continue }
                  let d = product / factors[k]
                  dMean[k] += d
                  dSD[k] += d * xi[s * m + k]
                }
              }
            }
          }
        }
      }
    }
    if let dMean, let dSD {
      for k in 0..<m {
        dMean[k] /= total
        dSD[k] /= total
      }
    }
    return log(total) - log(Double(sampleCount))
  }

  /// `body` over each row of `points` with that row's posterior means and deviations, objective by objective.
  private func eachPoint(
    mean: [[Double]], sd: [[Double]], rows: Int,
    _ body: (Int, UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>) -> Void
  ) {
    let m = models.count
    var mu = [Double](repeating: 0, count: m)
    var sigma = [Double](repeating: 0, count: m)
    for j in 0..<rows {
      for k in 0..<m {
        mu[k] = mean[k][j]
        sigma[k] = sd[k][j]
      }
      mu.withUnsafeBufferPointer { mu in sigma.withUnsafeBufferPointer { sigma in body(j, mu, sigma) } }
    }
  }

  public func values(at points: Matrix<Double>) throws(HoneError) -> [Double] {
    let (mean, sd) = try posteriors(points)
    var values = [Double](repeating: 0, count: points.rows)
    eachPoint(mean: mean, sd: sd, rows: points.rows) { j, mu, sigma in
      values[j] = evaluate(mean: mu, sd: sigma, dMean: nil, dSD: nil)
    }
    return values
  }

  public func valuesAndGradient(
    at points: Matrix<Double>
  ) throws(HoneError) -> (values: [Double], gradient: Matrix<Double>) {
    let (rows, d, m) = (points.rows, points.cols, models.count)
    // Per model, ∇μ from UCB with β = 0 and ∇(μ + σ) from β = 1: the posterior's gradients.
    var meanGradient: [Matrix<Double>] = []
    var sdGradient: [Matrix<Double>] = []
    var mean: [[Double]] = []
    var sd: [[Double]] = []
    for model in models {
      let (mu, gMu) = try model.acquisitionGradient(.upperConfidenceBound(beta: 0), at: points)
      var (upper, gUpper) = try model.acquisitionGradient(.upperConfidenceBound(beta: 1), at: points)
      for i in gUpper.storage.indices { gUpper.storage[i] -= gMu.storage[i] }
      for j in upper.indices { upper[j] -= mu[j] }
      mean.append(mu)
      sd.append(upper)
      meanGradient.append(gMu)
      sdGradient.append(gUpper)
    }
    var values = [Double](repeating: 0, count: rows)
    var gradient = Matrix<Double>(rows: rows, cols: d)
    var dMean = [Double](repeating: 0, count: m)
    var dSD = [Double](repeating: 0, count: m)
    eachPoint(mean: mean, sd: sd, rows: rows) { j, mu, sigma in
      values[j] = dMean.withUnsafeMutableBufferPointer { dm in
        dSD.withUnsafeMutableBufferPointer { ds in evaluate(mean: mu, sd: sigma, dMean: dm, dSD: ds) }
      }
      for k in 0..<m {
        for c in 0..<d {
          // Column-major: entry (j, c) at c · rows + j.
          gradient.storage[c * rows + j] +=
            dMean[k] * meanGradient[k].storage[c * rows + j] + dSD[k] * sdGradient[k].storage[c * rows + j]
        }
      }
    }
    return (values, gradient)
  }
}
