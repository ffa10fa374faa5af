internal import HonePlatform

/// Functions of the standard normal distribution that stay accurate deep in the tails.
///
/// The acquisition functions must rank candidates whose chance of improving
/// is astronomically small; the textbook formulas underflow there and give
/// flat zeros, which leave a gradient-based optimizer nowhere to go.
public enum StandardNormal {
  /// log √(2π).
  package static let logSqrtTwoPi = 0.918_938_533_204_672_741_78
  /// log √(π/2).
  static let logSqrtHalfPi = 0.225_791_352_644_727_432_36
  /// 1/√(2π).
  static let inverseSqrtTwoPi = 0.398_942_280_401_432_677_94
  /// √(2/π).
  static let sqrtTwoOverPi = 0.797_884_560_802_865_355_88
  /// √(π/2).
  static let sqrtHalfPi = 1.253_314_137_315_500_251_21
  /// 1/√2.
  static let inverseSqrtTwo = 0.707_106_781_186_547_524_40
  /// 1/√π.
  static let inverseSqrtPi = 0.564_189_583_547_756_286_95
  /// 1/√ε, where LogEI switches to its last asymptotic branch: 1/z² is below ε beyond it.
  static let asymptoticThreshold = 1 / Double.ulpOfOne.squareRoot()

  /// The density φ(z) = exp(−z²/2)/√(2π).
  @inline(__always)
  public static func density(_ z: Double) -> Double {
    inverseSqrtTwoPi * exp(-0.5 * z * z)
  }

  /// The distribution function Φ(z) = erfc(−z/√2)/2, with full relative accuracy in the lower tail.
  @inline(__always)
  public static func cdf(_ z: Double) -> Double {
    0.5 * erfc(-z * inverseSqrtTwo)
  }

  /// log Φ(z), finite for every finite z.
  ///
  /// Below −1 it is log(erfcx(−z/√2)/2) − z²/2, so it does not underflow; above 0
  /// it is log1p(−Φ(−z)), so it keeps the digits of a probability close to 1.
  public static func logCDF(_ z: Double) -> Double {
    if z <= -1 {
      return log(0.5 * erfcx(-z * inverseSqrtTwo)) - 0.5 * z * z
    }
    if z < 0 { return log(cdf(z)) }
    return log1p(-cdf(-z))
  }

  /// The derivative of log Φ(z), the inverse Mills ratio φ(z)/Φ(z).
  ///
  /// Below −1 it is √(2/π)/erfcx(−z/√2): the common factor exp(−z²/2) cancels
  /// analytically instead of underflowing in both numerator and denominator.
  public static func logCDFDerivative(_ z: Double) -> Double {
    if z <= -1 { return sqrtTwoOverPi / erfcx(-z * inverseSqrtTwo) }
    return density(z) / cdf(z)
  }
}
