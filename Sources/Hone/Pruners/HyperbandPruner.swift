/// Hyperband over asynchronous successive halving, as Optuna's `HyperbandPruner`.
///
/// Hyperband (Li et al., 2018) hedges over how aggressively to stop trials by
/// running several brackets of successive halving side by side. With
/// R = `maxResource` / `minResource` and η = `reductionFactor` there are
/// ⌊log_η R⌋ + 1 brackets, counted here exactly in integers. Bracket `b` is a
/// `SuccessiveHalvingPruner` whose minimum early-stopping rate is `b`, so its
/// first rung is at step `minResource · η^b`; bracket 0 stops trials earliest.
/// Each trial belongs to one bracket, chosen by the CRC-32 of
/// `"<study name>_<trial number>"` modulo the sum of the brackets' budgets (the
/// n of the paper), as Optuna does, so brackets fill in proportion to their
/// budgets and a trial keeps its bracket for good. A bracket's decisions compare
/// only trials of that bracket. Any sampler works; unlike Optuna, the sampler's
/// view is not narrowed to the bracket.
///
/// `.auto` takes the maximum resource from the first trial seen COMPLETE: its last
/// step + 1. Until then nothing is pruned.
public final class HyperbandPruner: RecordingPruner, @unchecked Sendable {
  /// The step budget of the longest-running trials: a number of steps, or estimated.
  public enum MaxResource: Equatable, Sendable {
    case auto
    case steps(Int)
  }

  /// One rung of a bracket: how many of its trials reach which step, in Li et al.'s (n_i, r_i).
  public struct Rung: Equatable, Sendable {
    public let trials: Int
    public let resource: Int
  }

  /// One bracket: its index, its budget and its rungs.
  public struct Bracket: Equatable, Sendable {
    /// The bracket's minimum early-stopping rate; Li et al.'s s is `count − 1 − index`.
    public let index: Int
    /// Li et al.'s n = ⌈(s_max + 1) η^s / (s + 1)⌉, the bracket's weight when trials are assigned.
    public let budget: Int
    /// Rung i = 0…s: ⌊n / η^i⌋ trials reach step `minResource · η^(index + i)`.
    public let rungs: [Rung]
  }

  public let minResource: Int
  public let maxResource: MaxResource
  public let reductionFactor: Int
  public let bootstrapCount: Int

  public var name: String { "hyperband" }

  /// The brackets and their pruners, once the maximum resource is known.
  private struct Layout {
    let brackets: [Bracket]
    let pruners: [SuccessiveHalvingPruner]
    let totalBudget: Int

    /// Bracket 0 when there are none, as in Optuna: such a layout never prunes.
    func bracket(of trial: Int, studyName: String) -> Int {
      guard totalBudget > 0 else { return 0 }
      var n = Int(CRC32.checksum("\(studyName)_\(trial)".utf8)) % totalBudget
      for bracket in brackets {
        n -= bracket.budget
        if n < 0 { return bracket.index }
      }
      return brackets.count - 1
    }
  }

  private let lock = Lock()
  private var layout: Layout?

  /// Creates the pruner with Optuna's defaults.
  ///
  /// - Throws: `.invalidArgument` naming the option that is out of range, when a
  ///   given `maxResource` is below `minResource`, or when `bootstrapCount` > 0 is
  ///   combined with `.auto`.
  public init(
    minResource: Int = 1, maxResource: MaxResource = .auto, reductionFactor: Int = 3, bootstrapCount: Int = 0
  ) throws(HoneError) {
    guard minResource >= 1 else {
      throw .invalidArgument("hyperband pruner: 'min_resource' must be at least 1, got \(minResource)")
    }
    if case .steps(let r) = maxResource, r < minResource {
      throw .invalidArgument(
        "hyperband pruner: 'max_resource' (\(r)) must be at least 'min_resource' (\(minResource))")
    }
    guard reductionFactor >= 2 else {
      throw .invalidArgument("hyperband pruner: 'reduction_factor' must be at least 2, got \(reductionFactor)")
    }
    guard bootstrapCount >= 0 else {
      throw .invalidArgument("hyperband pruner: 'bootstrap_count' cannot be negative, got \(bootstrapCount)")
    }
    if bootstrapCount > 0, maxResource == .auto {
      throw .invalidArgument("hyperband pruner: 'bootstrap_count' > 0 needs a fixed 'max_resource', not \"auto\"")
    }
    self.minResource = minResource
    self.maxResource = maxResource
    self.reductionFactor = reductionFactor
    self.bootstrapCount = bootstrapCount
    if case .steps(let r) = maxResource { layout = try makeLayout(maxResource: r) }
  }

  /// The brackets for a resource range, as in Li et al. 2018, Table 1.
  public static func brackets(minResource: Int, maxResource: Int, reductionFactor eta: Int) -> [Bracket] {
    var count = 0
    while count < Int.bitWidth, minResource.saturatingTimes(eta.saturatingPower(count)) <= maxResource {
      count += 1
    }
    return (0..<count).map { index in
      let s = count - 1 - index
      let scaled = count.saturatingTimes(eta.saturatingPower(s))
      let budget = scaled / (s + 1) + (scaled % (s + 1) == 0 ? 0 : 1)
      let rungs = (0...s).map { i in
        Rung(
          trials: budget / eta.saturatingPower(i),
          resource: minResource.saturatingTimes(eta.saturatingPower(index + i)))
      }
      return Bracket(index: index, budget: budget, rungs: rungs)
    }
  }

  /// The brackets, or nil while `.auto` has no COMPLETE trial to learn the maximum resource from.
  public var brackets: [Bracket]? { lock.withLock { layout?.brackets } }

  /// The bracket of a trial, or nil while the brackets are not known yet.
  public func bracket(ofTrial number: Int, studyName: String) -> Int? {
    lock.withLock { layout.map { $0.bracket(of: number, studyName: studyName) } }
  }


  public func prune(
    _ history: StudyHistory, _ trial: FrozenTrial, recording attrs: inout [(String, JSON)]
  ) throws(HoneError) -> Bool {
    _ = try history.singleDirection(for: name)
    guard let layout = try resolveLayout(history), !layout.brackets.isEmpty else { return false }
    let studyName = history.studyName
    let index = layout.bracket(of: trial.number, studyName: studyName)
    let bracketHistory = StudyHistory(
      studyName: studyName, directions: history.directions, searchSpace: history.searchSpace
    ) { () throws(HoneError) in
      try history.trials().filter { layout.bracket(of: $0.number, studyName: studyName) == index }
    }
    return try layout.pruners[index].prune(bracketHistory, trial, recording: &attrs)
  }

  private func resolveLayout(_ history: StudyHistory) throws(HoneError) -> Layout? {
    if let known = lock.withLock({ layout }) { return known }
    let lastSteps = try history.trials(in: [.complete]).compactMap(\.lastStep)
    guard let longest = lastSteps.max() else { return nil }
    let estimated = try makeLayout(maxResource: longest == .max ? .max : longest + 1)
    return lock.withLock {
      // The first estimate wins, so every later trial sees the same brackets.
      if layout == nil { layout = estimated }
      return layout
    }
  }

  private func makeLayout(maxResource: Int) throws(HoneError) -> Layout {
    let brackets = Self.brackets(minResource: minResource, maxResource: maxResource, reductionFactor: reductionFactor)
    var pruners: [SuccessiveHalvingPruner] = []
    for b in brackets {
      pruners.append(
        try SuccessiveHalvingPruner(
          minResource: .steps(minResource), reductionFactor: reductionFactor, minEarlyStoppingRate: b.index,
          bootstrapCount: bootstrapCount))
    }
    var total = 0
    for b in brackets { total = total.addingReportingOverflow(b.budget).overflow ? .max : total + b.budget }
    return Layout(brackets: brackets, pruners: pruners, totalBudget: total)
  }
}
