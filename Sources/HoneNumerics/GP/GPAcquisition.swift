internal import HonePlatform

/// An acquisition function of the posterior mean μ and standard deviation σ, to be maximized.
///
/// Targets follow the caller's convention that larger is better.
public enum GPAcquisition: Sendable, Equatable {
  /// log EI(x) = log(σ·h((μ − best)/σ)), h(z) = φ(z) + zΦ(z), with the stable log h of Ament et al. 2023.
  case logExpectedImprovement(best: Double)
  /// log PI(x) = log Φ((μ − best)/σ), stable in the lower tail.
  case logProbabilityOfImprovement(best: Double)
  /// UCB(x) = μ + √β·σ; a negative β counts as 0.
  case upperConfidenceBound(beta: Double)

  /// The acquisition value at mean μ and standard deviation σ > 0, with its partial derivatives in μ and σ.
  public func evaluate(mean: Double, standardDeviation sd: Double) -> (value: Double, dMean: Double, dSD: Double) {
    switch self {
    case .logExpectedImprovement(let best):
      let z = (mean - best) / sd
      let ratios = StandardNormal.logHRatios(z)
      return (StandardNormal.logH(z) + log(sd), ratios.cdf / sd, ratios.density / sd)
    case .logProbabilityOfImprovement(let best):
      let z = (mean - best) / sd
      let mills = StandardNormal.logCDFDerivative(z)
      return (StandardNormal.logCDF(z), mills / sd, -mills * z / sd)
    case .upperConfidenceBound(let beta):
      let weight = max(0, beta).squareRoot()
      return (mean + weight * sd, 1, weight)
    }
  }
}
