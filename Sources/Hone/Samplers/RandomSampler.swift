/// Samples every parameter independently and uniformly (log-uniformly on log scales).
///
/// Each (trial, parameter) pair draws from its own stream of the seed, so a seeded
/// study suggests the same values whichever order trials are asked in, and the
/// cost of a suggestion does not grow with the history. Pruned trials, like all
/// history, are ignored.
public final class RandomSampler: Sampler {
  public let seed: UInt64
  public var name: String { "random" }

  /// A sampler seeded with `seed`, or from system entropy when it is nil.
  public init(seed: UInt64? = nil) {
    self.seed = seed ?? entropySeed()
  }

  public func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    RandomSampler.draw(distribution, seed: seed, trial: trial.number, name: name)
  }

  /// The seeded draw for one parameter of one trial, shared with samplers that fall back to random.
  static func draw(_ distribution: Distribution, seed: UInt64, trial: Int, name: String) -> ParamValue {
    var rng = Xoshiro256(seed: seed, stream: UInt64(truncatingIfNeeded: trial), substream: stableHash(name))
    return distribution.sampleUniformly(using: &rng)
  }
}

extension Distribution {
  /// A uniform draw: every grid point, integer or choice equally likely; logs uniform in log space.
  ///
  /// Integers are drawn in integer arithmetic, exactly, over the whole Int64 range.
  public func sampleUniformly(using rng: inout Xoshiro256) -> ParamValue {
    switch self {
    case .float(let low, let high, let step, let log):
      if log { return fromUnit(rng.nextUnit()) }
      if let step {
        let n = Distribution.index(((high - low) / step).rounded(), max: .max)
        return .float(min(low + Double(UInt64.random(in: 0...n, using: &rng)) * step, high))
      }
      return .float(min(low + rng.nextUnit() * (high - low), high))
    case .int(_, _, _, let log):
      if log { return fromUnit(rng.nextUnit()) }
      return .int(gridPoint(UInt64.random(in: 0...lastGridIndex, using: &rng)))
    case .categorical(let choices):
      return .index(Int.random(in: 0..<max(choices.count, 1), using: &rng))
    }
  }
}
