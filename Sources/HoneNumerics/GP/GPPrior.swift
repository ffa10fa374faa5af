internal import HonePlatform

/// The prior on the kernel hyperparameters that turns the marginal-likelihood fit into a MAP fit.
///
/// Each density is that of the hyperparameter itself (ℓ, s, v), evaluated at
/// the exponential of the fitted log value and taken without its normalizing
/// constant, the convention of GPyTorch, BoTorch and Optuna.
public struct GPPrior: Sendable, Equatable {
  /// The family of the prior on each lengthscale.
  public enum LengthscaleFamily: String, Sendable, CaseIterable {
    /// LogNormal(μ₀ + log(d)/2, σ) on ℓ, BoTorch's dimension-scaled default.
    case logNormal = "lognormal"
    /// Optuna's −(0.1/θ + 0.1·θ) on θ = 1/ℓ², whose mode is ℓ = 1 whatever the dimension.
    case optuna
  }

  /// The family of the lengthscale prior; `lengthscaleLocation` and `lengthscaleScale`
  /// parameterize `.logNormal` only.
  public var lengthscaleFamily: LengthscaleFamily
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
    lengthscaleFamily: LengthscaleFamily = .logNormal,
    lengthscaleLocation: Double = 2.0.squareRoot(), lengthscaleScale: Double = 3.0.squareRoot(),
    outputscaleShape: Double = 2, outputscaleRate: Double = 1,
    noiseShape: Double = 1.1, noiseRate: Double = 30
  ) {
    self.lengthscaleFamily = lengthscaleFamily
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

  /// The most probable log lengthscale, where a cold fit starts.
  public func lengthscaleMode(dimensionCount: Int) -> Double {
    switch lengthscaleFamily {
    case .logNormal: return lengthscaleMean(dimensionCount: dimensionCount) - lengthscaleScale * lengthscaleScale
    case .optuna: return 0
    }
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
      switch lengthscaleFamily {
      case .logNormal:
        // log LogNormal(ℓ) = −log ℓ − (log ℓ − μ)²/(2σ²) + const.
        let centered = theta[k] - mu
        total += -theta[k] - 0.5 * centered * centered * precision
        gradient[k] += -1 - centered * precision
      case .optuna:
        // With θ = 1/ℓ² = e^(−2 log ℓ): −(0.1/θ + 0.1θ) = −0.1(e^(2 log ℓ) + e^(−2 log ℓ)).
        let up = exp(2 * theta[k])
        let down = exp(-2 * theta[k])
        total -= 0.1 * (up + down)
        gradient[k] -= 0.2 * (up - down)
      }
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
