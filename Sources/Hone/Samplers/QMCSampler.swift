/// Quasi-Monte Carlo sampling with a scrambled Sobol sequence.
///
/// The joint space is the study's search space when given, else the parameters
/// of the first completed trial, fixed from then on, as in Optuna's QMCSampler.
/// Trial `n` takes point `n` of the sequence, so workers asking in parallel never
/// share a point. Parameters outside the joint space are sampled at random.
/// Values are never read, so a pruned trial only uses up its point; a pruned
/// trial does not fix the joint space, a completed one does.
public final class QMCSampler: Sampler, @unchecked Sendable {
  public let seed: UInt64
  public let scramble: Bool
  public var name: String { "qmc" }

  private let lock = Lock()
  private var initialSpace: SearchSpace?
  private var sequences: [Int: SobolSequence] = [:]

  public init(seed: UInt64? = nil, scramble: Bool = true) {
    self.seed = seed ?? entropySeed()
    self.scramble = scramble
  }

  public func inferRelativeSearchSpace(
    _ history: StudyHistory, _ trial: FrozenTrial
  ) throws(HoneError) -> SearchSpace {
    if let s = lock.withLock({ initialSpace }) { return s }
    guard let first = try history.trials().first(where: { $0.state == .complete }) else {
      return SearchSpace()
    }
    let space = SearchSpace(
      first.params.filter { !$0.distribution.isSingle }.sorted { $0.name < $1.name }
        .map { ($0.name, $0.distribution) })
    lock.withLock { initialSpace = space }
    return space
  }

  public func sampleRelative(
    _ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace
  ) throws(HoneError) -> [String: ParamValue] {
    let sequence = try self.sequence(dimension: space.count)
    let u = sequence.point(at: UInt64(truncatingIfNeeded: trial.number))
    guard u.count == space.count else {
      throw .internal("Sobol point has \(u.count) coordinates for a \(space.count)-dimensional space")
    }
    var point: [String: ParamValue] = [:]
    for (i, (name, dist)) in zip(space.names, space.distributions).enumerated() {
      point[name] = dist.fromUnit(u[i])
    }
    return point
  }

  public func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    RandomSampler.draw(distribution, seed: seed, trial: trial.number, name: name)
  }

  private func sequence(dimension: Int) throws(HoneError) -> SobolSequence {
    try lock.withLock { () throws(HoneError) -> SobolSequence in
      if let s = sequences[dimension] { return s }
      var rng = Xoshiro256(seed: seed, stream: 0x51_4D43, substream: UInt64(dimension))
      let s = try SobolSequence(dimension: dimension, scramble: scramble, using: &rng)
      sequences[dimension] = s
      return s
    }
  }
}
