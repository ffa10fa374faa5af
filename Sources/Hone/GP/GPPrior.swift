#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The prior on the kernel hyperparameters that turns the marginal-likelihood fit into a MAP fit.
///
/// Each density is that of the hyperparameter itself (ℓ, s, v), evaluated at
/// the exponential of the fitted log value and taken without its normalizing
/// constant, the convention of GPyTorch, BoTorch and Optuna.
public struct GPPrior: Sendable, Equatable {
  /// μ₀ in the LogNormal(μ₀ + log(d)/2, σ) prior on every lengthscale.
  ///
  /// With √2 and σ = √3 this is BoTorch's dimension-scaled default (Hvarfner
  /// et al. 2024, "Vanilla Bayesian Optimization Performs Great in High
  /// Dimensions"): the typical lengthscale grows like √d, so the prior does not
  /// claim that every dimension matters as much as it would in one dimension.
  public var lengthscaleLocation: Double
  /// σ in the LogNormal prior on every lengthscale.
  public var lengthscaleScale: Double
  /// The shape α of the Gamma(α, β) prior on the outputscale s.
  public var outputscaleShape: Double
  /// The rate β of the Gamma(α, β) prior on the outputscale s.
  public var outputscaleRate: Double
  /// The shape α of the Gamma(α, β) prior on the noise variance v.
  public var noiseShape: Double
  /// The rate β of the Gamma(α, β) prior on the noise variance v.
  public var noiseRate: Double

  /// Creates a prior. The defaults suit targets standardized to mean 0 and
  /// variance 1: Gamma(2, 1) puts the outputscale's mode at 1, and Optuna's
  /// Gamma(1.1, 30) keeps the noise small (mode 1/300) unless the data insist.
  public init(
    lengthscaleLocation: Double = 2.0.squareRoot(), lengthscaleScale: Double = 3.0.squareRoot(),
    outputscaleShape: Double = 2, outputscaleRate: Double = 1,
    noiseShape: Double = 1.1, noiseRate: Double = 30
  ) {
    self.lengthscaleLocation = lengthscaleLocation
    self.lengthscaleScale = lengthscaleScale
    self.outputscaleShape = outputscaleShape
    self.outputscaleRate = outputscaleRate
    self.noiseShape = noiseShape
    self.noiseRate = noiseRate
  }

  /// The location of the lengthscale prior for `dimensionCount` input columns.
  public func lengthscaleMean(dimensionCount: Int) -> Double {
    lengthscaleLocation + 0.5 * log(Double(max(1, dimensionCount)))
  }

  /// Whether every parameter is finite and every scale, shape and rate positive.
  var isValid: Bool {
    lengthscaleLocation.isFinite && lengthscaleScale.isFinite && lengthscaleScale > 0
      && [outputscaleShape, outputscaleRate, noiseShape, noiseRate].allSatisfy { $0.isFinite && $0 > 0 }
  }

  /// log p(θ) for θ = (log ℓ₁…log ℓ_d, log s, log v), adding ∂ log p/∂θ into `gradient`.
  func logDensity(_ theta: [Double], gradient: inout [Double]) -> Double {
    let d = theta.count - 2
    let mu = lengthscaleMean(dimensionCount: d)
    let precision = 1 / (lengthscaleScale * lengthscaleScale)
    var total = 0.0
    for k in 0..<d {
      // log LogNormal(ℓ) = −log ℓ − (log ℓ − μ)²/(2σ²) + const.
      let centered = theta[k] - mu
      total += -theta[k] - 0.5 * centered * centered * precision
      gradient[k] += -1 - centered * precision
    }
    for (index, shape, rate) in [(d, outputscaleShape, outputscaleRate), (d + 1, noiseShape, noiseRate)] {
      // log Gamma(x) = (α − 1)·log x − β·x + const.
      let x = exp(theta[index])
      total += (shape - 1) * theta[index] - rate * x
      gradient[index] += (shape - 1) - rate * x
    }
    return total
  }
}
