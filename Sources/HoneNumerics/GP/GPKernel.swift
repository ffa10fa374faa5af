internal import HonePlatform

/// How a Gaussian process compares two points along one input column.
public enum GPDimensionKind: Sendable, Equatable {
  /// A real coordinate, normally scaled to [0, 1]; points differ by (x − x′)².
  case continuous
  /// A category code 0, 1, …, k − 1; points differ by 1 when the codes differ and 0 otherwise.
  case categorical
}

/// The radial profile m(r²) of a stationary kernel, as a function of the squared scaled distance.
public enum GPKernelShape: Sendable, Equatable {
  /// Matérn 5/2: (1 + √5·r + 5r²/3)·exp(−√5·r), twice differentiable.
  case matern52
  /// The squared exponential exp(−r²/2), infinitely smooth.
  case rbf
}

/// The hyperparameters of a kernel, stored as logarithms because they are fitted in log space.
public struct GPHyperparameters: Sendable, Equatable {
  /// log ℓ for each input column, continuous and categorical alike.
  public var logLengthscales: [Double]
  /// log s, the signal variance multiplying the profile.
  public var logOutputscale: Double
  /// log v, the observation noise variance added on the diagonal.
  public var logNoise: Double

  /// Creates hyperparameters from their logarithms.
  public init(logLengthscales: [Double], logOutputscale: Double, logNoise: Double) {
    self.logLengthscales = logLengthscales
    self.logOutputscale = logOutputscale
    self.logNoise = logNoise
  }

  /// The lengthscales ℓ.
  public var lengthscales: [Double] { logLengthscales.map { exp($0) } }
  /// The signal variance s.
  public var outputscale: Double { exp(logOutputscale) }
  /// The noise variance v.
  public var noise: Double { exp(logNoise) }

  /// Whether every value is finite.
  var isFinite: Bool {
    logOutputscale.isFinite && logNoise.isFinite && logLengthscales.allSatisfy(\.isFinite)
  }
}

/// The covariance k(x, x′) = s·m(r²) between noisy observations, plus v when x and x′ are the same observation.
///
/// The squared distance is r² = Σ_cont ((x_j − x′_j)/ℓ_j)² + Σ_cat [x_j ≠ x′_j]/ℓ_j².
/// Categorical columns enter r² through their Hamming distance, as in Optuna's
/// GPSampler, rather than as a separate exp(−Σ w_j·[x_j ≠ x′_j]) factor: a
/// one-hot encoding e_c has ‖e_c − e_c′‖² = 2·[c ≠ c′], so the Hamming term is
/// an ordinary squared Euclidean distance in that embedding, and any radial
/// profile that is positive definite in every dimension (Matérn, RBF) stays
/// positive definite on the mixed space. One lengthscale per categorical
/// column then sets how much a change of category decorrelates, the profile is
/// shared, and no extra hyperparameter or kernel code path is needed.
public struct GPKernel: Sendable, Equatable {
  /// The radial profile.
  public var shape: GPKernelShape
  /// The kind of each input column.
  public var dimensions: [GPDimensionKind]
  /// The lengthscales, outputscale and noise.
  public var hyperparameters: GPHyperparameters

  /// Creates a kernel; throws `invalidArgument` unless there is one finite lengthscale per column and finite scales.
  public init(
    shape: GPKernelShape, dimensions: [GPDimensionKind], hyperparameters: GPHyperparameters
  ) throws(HoneError) {
    guard hyperparameters.logLengthscales.count == dimensions.count else {
      throw .invalidArgument(
        "GPKernel: \(hyperparameters.logLengthscales.count) lengthscales for \(dimensions.count) dimensions")
    }
    guard hyperparameters.isFinite else {
      throw .invalidArgument("GPKernel: the hyperparameters must be finite, got \(hyperparameters)")
    }
    self.shape = shape
    self.dimensions = dimensions
    self.hyperparameters = hyperparameters
  }

  /// The number of input columns.
  public var dimensionCount: Int { dimensions.count }

  /// 1/ℓ_j² for each column, the weight of its squared difference in r².
  var inverseSquaredLengthscales: [Double] {
    hyperparameters.logLengthscales.map { exp(-2 * $0) }
  }
}

extension GPKernelShape {
  /// The r² beyond which m(r²) < 1.3e−100 and is taken as exactly 0.
  ///
  /// Such an entry cannot change any sum it enters at double precision (the
  /// diagonal is s + v), but the products of two of them in `dpotrf` and
  /// `dpotri` fall into the subnormal range, which x86 cores process some 50×
  /// slower: on the 2-core build machine a 1,000×1,000 factorization and
  /// inversion took 0.17 s with entries near e^−100 and 9.5 s with entries near
  /// e^−340. Short lengthscales produce them whenever a line search probes the
  /// lower bound, so one such evaluation used to cost as much as the whole fit.
  /// Matérn 5/2: (1 + ρ + ρ²/3)·e^(−ρ) < 1.2e−100 for ρ = √(5r²) > 240; RBF: e^(−r²/2) < 1.3e−100 for r² > 460.
  var negligibleSquaredDistance: Double {
    switch self {
    case .matern52: return 240 * 240 / 5
    case .rbf: return 460
    }
  }

  /// m(r²) and its derivative dm/d(r²), both 0 beyond `negligibleSquaredDistance`.
  ///
  /// Both are smooth at r² = 0 (for Matérn 5/2, dm/d(r²) = −5/6·(1 + √5·r)·e^(−√5·r)),
  /// which is what lets lengthscale and input gradients pass through coincident points.
  @inline(__always)
  func profileAndSlope(_ r2: Double) -> (value: Double, slope: Double) {
    if r2 > negligibleSquaredDistance { return (0, 0) }
    switch self {
    case .matern52:
      let root = (5 * r2).squareRoot()
      let e = exp(-root)
      return ((1 + root + 5.0 / 3.0 * r2) * e, -5.0 / 6.0 * (1 + root) * e)
    case .rbf:
      let e = exp(-0.5 * r2)
      return (e, -0.5 * e)
    }
  }

  /// m(r²) alone, 0 beyond `negligibleSquaredDistance`.
  @inline(__always)
  func profile(_ r2: Double) -> Double {
    if r2 > negligibleSquaredDistance { return 0 }
    switch self {
    case .matern52:
      let root = (5 * r2).squareRoot()
      return (1 + root + 5.0 / 3.0 * r2) * exp(-root)
    case .rbf:
      return exp(-0.5 * r2)
    }
  }
}
