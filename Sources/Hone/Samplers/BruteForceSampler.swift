/// Tries every point of a finite define-by-run search space, as Optuna's `BruteForceSampler`.
///
/// Parameters must be categorical, integer or stepped floats; a continuous float
/// is an error that names it. Nothing is declared up front: each suggestion builds
/// the tree of parameter paths the other trials took from the same earlier values
/// (Optuna's `_TreeNode`), so conditional spaces are covered as they are revealed,
/// and picks a value whose subtree still has untried points. Values are drawn
/// from a stream of the seed per (trial, parameter), blending a choice weighted
/// by the untried points below each value with a flat one, as Optuna does.
///
/// Trials other than WAITING ones count: a COMPLETE, PRUNED or FAIL trial has
/// tried its point, and is not retried (Optuna's rule: a failed point stays
/// tried), and a RUNNING trial is taken to have suggested every parameter it will,
/// so parallel workers do not duplicate it. A trial that stopped before the
/// parameters other trials went on to suggest (failed or pruned midway) marks no
/// point; Optuna raises an error there. When every point is tried or running,
/// `ask` fails with `.exhausted` (Python's `optimize` then stops, as Optuna's
/// study stops); an enqueued trial is still started. With `avoidPrematureStop`,
/// running trials may still grow, so the search stops only once they finish,
/// at the price of more duplicates.
///
/// A parameter whose range differs from the one an earlier trial gave it after
/// the same values, or another parameter in its place, is an error: the space
/// must depend on the earlier values only.
public final class BruteForceSampler: Sampler {
  public let seed: UInt64
  /// Whether running trials may still suggest more parameters (Optuna's `avoid_premature_stop`).
  public let avoidPrematureStop: Bool
  public var name: String { "brute_force" }

  /// A sampler seeded with `seed`, or from system entropy when it is nil.
  public init(seed: UInt64? = nil, avoidPrematureStop: Bool = false) {
    self.seed = seed ?? entropySeed()
    self.avoidPrematureStop = avoidPrematureStop
  }

  /// Fails with `.exhausted` once every point of the tree of all trials is tried,
  /// or running; an enqueued trial always starts.
  public func beforeTrial(
    _ history: StudyHistory, fixedParams: [(String, JSON)]?
  ) throws(HoneError) -> [(String, JSON)] {
    guard fixedParams == nil else { return [] }
    let root = BruteForceNode()
    for t in try history.trials() where t.state != .waiting {
      // A trial that has suggested nothing yet is about to take a point, not the empty one.
      if t.state == .running && t.params.isEmpty { continue }
      try root.add(Self.path(of: t, skipping: [:]), trial: t.number, finished: t.state.isFinished)
    }
    guard !root.isExpandable(excludeRunning: !avoidPrematureStop) else { return [] }
    throw .exhausted(
      "the brute-force search is exhausted: every point of the search space is "
        + (avoidPrematureStop ? "done" : "running or done"))
  }

  /// Define-and-run: the study's whole space, in its order, each parameter chosen
  /// after the ones before it, as define-by-run suggestions would be.
  public func sampleRelative(
    _ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace
  ) throws(HoneError) -> [String: ParamValue] {
    let fixed = Dictionary(Study.fixedParams(of: trial) ?? [], uniquingKeysWith: { _, last in last })
    var prefix = Dictionary(trial.params.map { ($0.name, $0.external) }, uniquingKeysWith: { _, last in last })
    var point: [String: ParamValue] = [:]
    for (name, distribution) in zip(space.names, space.distributions) where prefix[name] == nil {
      let value: ParamValue
      if let f = fixed[name], let x = distribution.internal(f) {
        value = x
      } else if distribution.isSingle {
        value = distribution.fromUnit(0)
      } else {
        value = try choose(history, trial, name: name, distribution: distribution, prefix: prefix)
        point[name] = value
      }
      prefix[name] = distribution.external(value)
    }
    return point
  }

  public func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue {
    let prefix = Dictionary(trial.params.map { ($0.name, $0.external) }, uniquingKeysWith: { _, last in last })
    return try choose(history, trial, name: name, distribution: distribution, prefix: prefix)
  }

  /// A value of `name` for `trial`, whose earlier parameters are `prefix`: one whose
  /// subtree, among the trials that agree with `prefix`, has an untried point.
  private func choose(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution,
    prefix: [String: JSON]
  ) throws(HoneError) -> ParamValue {
    let grid = try BruteForceGrid(distribution, name: name, trial: trial.number)
    let root = BruteForceNode()
    try root.expand(name: name, grid: grid, trial: trial.number)
    for t in try history.trials() where t.state != .waiting && t.number != trial.number {
      guard prefix.allSatisfy({ t.param($0.key)?.external == $0.value }) else { continue }
      try root.add(Self.path(of: t, skipping: prefix), trial: t.number, finished: t.state.isFinished)
    }
    var rng = Xoshiro256(seed: seed, stream: UInt64(truncatingIfNeeded: trial.number), substream: stableHash(name))
    let excludeRunning = !avoidPrematureStop
    guard root.isExpandable(excludeRunning: excludeRunning) else {
      // Everything below is tried: any value, as Optuna draws one.
      return grid.value(at: UInt64.random(in: 0...grid.lastIndex, using: &rng))
    }
    return grid.value(at: root.sampleChild(excludeRunning: excludeRunning, using: &rng))
  }

  /// The parameters of `trial` that `skipping` does not name, in the order suggested.
  static func path(of trial: FrozenTrial, skipping: [String: JSON]) -> [Param] {
    skipping.isEmpty ? trial.params : trial.params.filter { skipping[$0.name] == nil }
  }
}
