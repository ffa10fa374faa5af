internal import HonePlatform

extension CMAEvolutionStrategy {
  /// The state of learning-rate adaptation (LRA-CMA-ES; Nomura, Akimoto and Ono,
  /// "CMA-ES with Learning Rate Adaptation", arXiv:2304.03473), with the constants
  /// of the `cmaes` package's `CMA(lr_adapt=True)`.
  ///
  /// Each generation's steps of the mean and of Σ = σ²C, in the local coordinates
  /// of the distribution before it (Σ^(−1/2)·Δm and Σ^(−1/2)·ΔΣ·Σ^(−1/2)/√2), are
  /// averaged (E) and their squared norms averaged (V) with decay β. From them an
  /// estimate of each step's signal-to-noise ratio, (‖E‖² − β/(2 − β)·V)/(V − ‖E‖²),
  /// drives η up when it exceeds α·η and down when it falls short, by at most a
  /// factor exp(min(γη, β)) a generation, and never above 1.
  public struct LearningRates: Equatable, Sendable {
    /// The target signal-to-noise ratio per unit learning rate, α.
    public static let alpha = 1.4
    /// The decay of the mean's moving averages, β_m.
    public static let betaMean = 0.1
    /// The decay of the covariance's moving averages, β_Σ.
    public static let betaSigma = 0.03
    /// The bound on a generation's relative change of η, γ.
    public static let gamma = 0.1

    /// The learning rate of the mean, η_m.
    public private(set) var etaMean = 1.0
    /// The learning rate of Σ = σ²C, η_Σ.
    public private(set) var etaSigma = 1.0
    /// E_m, the moving average of the mean's local steps.
    public private(set) var meanAverage: [Double]
    /// E_Σ, the moving average of Σ's local steps, n×n row by row.
    public private(set) var covarianceAverage: [Double]
    /// V_m, the moving average of the squared norms of the mean's local steps.
    public private(set) var meanSecondMoment = 0.0
    /// V_Σ, the moving average of the squared Frobenius norms of Σ's local steps.
    public private(set) var covarianceSecondMoment = 0.0

    init(dimension n: Int) {
      meanAverage = Array(repeating: 0, count: n)
      covarianceAverage = Array(repeating: 0, count: n * n)
    }

    /// Folds in one generation's local steps, then adapts η_m and η_Σ.
    mutating func update(localMean: [Double], localCovariance: [Double]) {
      let (bm, bs) = (Self.betaMean, Self.betaSigma)
      for k in meanAverage.indices { meanAverage[k] = (1 - bm) * meanAverage[k] + bm * localMean[k] }
      for k in covarianceAverage.indices {
        covarianceAverage[k] = (1 - bs) * covarianceAverage[k] + bs * localCovariance[k]
      }
      meanSecondMoment = (1 - bm) * meanSecondMoment + bm * squaredNorm(localMean)
      covarianceSecondMoment = (1 - bs) * covarianceSecondMoment + bs * squaredNorm(localCovariance)
      etaMean = Self.adapted(etaMean, snr: Self.snr(meanAverage, meanSecondMoment, beta: bm), beta: bm)
      etaSigma = Self.adapted(
        etaSigma, snr: Self.snr(covarianceAverage, covarianceSecondMoment, beta: bs), beta: bs)
    }

    /// The estimated signal-to-noise ratio of a step whose moving averages are `e` and `v`.
    static func snr(_ e: [Double], _ v: Double, beta: Double) -> Double {
      let e2 = squaredNorm(e)
      return (e2 - beta / (2 - beta) * v) / (v - e2)
    }

    /// η·exp(min(γη, β)·clip(snr/(αη) − 1, −1, 1)), capped at 1: up when the ratio
    /// exceeds α·η, down when it falls short.
    static func adapted(_ eta: Double, snr: Double, beta: Double) -> Double {
      let relative = snr / alpha / eta - 1
      // A step of zero everywhere gives 0/0; it carries no evidence either way.
      let clipped = relative.isNaN ? 0 : min(max(relative, -1), 1)
      return min(eta * exp(min(gamma * eta, beta) * clipped), 1)
    }
  }
}

@inline(__always) private func squaredNorm(_ v: [Double]) -> Double { v.reduce(0) { $0 + $1 * $1 } }
