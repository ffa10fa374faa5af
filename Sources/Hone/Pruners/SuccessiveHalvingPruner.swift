/// Asynchronous successive halving (ASHA), as Optuna's `SuccessiveHalvingPruner`.
///
/// Rung `k` is reached at step `minResource · η^(minEarlyStoppingRate + k)`, where
/// η is `reductionFactor`. When a trial first reports at or past a rung's step, its
/// latest value is recorded on it as the system attribute `completed_rung_k`, and
/// the trial goes on only if that value is among the best 1/η of every value
/// recorded at rung `k` so far, its own included, whatever the other trials'
/// states; while fewer than η values are recorded it must be the best of them.
/// With `bootstrapCount` > 0 a rung must hold more than that many values before
/// any trial is promoted through it. A NaN value is pruned at its rung.
///
/// `.auto` estimates the minimum resource once, when a trial first asks after
/// some trial has COMPLETE: the largest last step of the COMPLETE trials divided
/// by 100 (at least 1). Until then nothing is pruned.
public final class SuccessiveHalvingPruner: RecordingPruner, @unchecked Sendable {
  /// The step of the first rung: a number of steps, or estimated from the first completed trials.
  public enum MinResource: Equatable, Sendable {
    case auto
    case steps(Int)
  }

  public let minResource: MinResource
  public let reductionFactor: Int
  public let minEarlyStoppingRate: Int
  public let bootstrapCount: Int

  public var name: String { "successive_halving" }

  private let lock = Lock()
  /// `minResource` resolved: given, or estimated once from the history.
  private var resolvedMinResource: Int?

  /// Creates the pruner with Optuna's defaults.
  ///
  /// - Throws: `.invalidArgument` naming the option that is out of range, or when
  ///   `bootstrapCount` > 0 is combined with `.auto`.
  public init(
    minResource: MinResource = .auto, reductionFactor: Int = 4, minEarlyStoppingRate: Int = 0,
    bootstrapCount: Int = 0
  ) throws(HoneError) {
    if case .steps(let r) = minResource, r < 1 {
      throw .invalidArgument("successive_halving pruner: 'min_resource' must be at least 1 or \"auto\", got \(r)")
    }
    guard reductionFactor >= 2 else {
      throw .invalidArgument(
        "successive_halving pruner: 'reduction_factor' must be at least 2, got \(reductionFactor)")
    }
    guard minEarlyStoppingRate >= 0 else {
      throw .invalidArgument(
        "successive_halving pruner: 'min_early_stopping_rate' cannot be negative, got \(minEarlyStoppingRate)")
    }
    guard bootstrapCount >= 0 else {
      throw .invalidArgument(
        "successive_halving pruner: 'bootstrap_count' cannot be negative, got \(bootstrapCount)")
    }
    if bootstrapCount > 0, minResource == .auto {
      throw .invalidArgument(
        "successive_halving pruner: 'bootstrap_count' > 0 needs a fixed 'min_resource', not \"auto\"")
    }
    self.minResource = minResource
    self.reductionFactor = reductionFactor
    self.minEarlyStoppingRate = minEarlyStoppingRate
    self.bootstrapCount = bootstrapCount
    if case .steps(let r) = minResource { resolvedMinResource = r }
  }

  /// The system attribute that holds a trial's value at rung `k`.
  public static func rungKey(_ k: Int) -> String { "completed_rung_\(k)" }

  /// The step at which rung `k` is reached, once the minimum resource is known.
  public func rungStep(_ k: Int, minResource: Int) -> Int {
    minResource.saturatingTimes(reductionFactor.saturatingPower(minEarlyStoppingRate + k))
  }


  public func prune(
    _ history: StudyHistory, _ trial: FrozenTrial, recording attrs: inout [(String, JSON)]
  ) throws(HoneError) -> Bool {
    let direction = try history.singleDirection(for: name)
    guard let step = trial.lastStep, let value = trial.intermediateValues[Int64(step)] else { return false }
    guard let minResource = try minimumResource(history) else { return false }
    var rung = 0
    while trial.systemAttr(Self.rungKey(rung)) != nil { rung += 1 }
    while true {
      // A saturated step is out of reach: no trial reports that far.
      let promotionStep = rungStep(rung, minResource: minResource)
      guard promotionStep < .max, step >= promotionStep else { return false }
      if value.isNaN { return true }
      let key = Self.rungKey(rung)
      attrs.append((key, .number(value)))
      // The trial's own stored copy has no value at this rung yet, so it counts once.
      var competing = try history.trials().compactMap { $0.systemAttr(key)?.numberValue }
      competing.append(value)
      if competing.count <= bootstrapCount { return true }
      if !Self.isPromotable(value, competing, reductionFactor, direction) { return true }
      rung += 1
    }
  }

  /// Whether `value` is among the best 1/η of `competing`, or the best while there are fewer than η.
  static func isPromotable(
    _ value: Double, _ competing: [Double], _ reductionFactor: Int, _ direction: StudyDirection
  ) -> Bool {
    let index = max(competing.count / reductionFactor - 1, 0)
    let sorted = competing.sorted()
    return direction == .maximize ? value >= sorted[sorted.count - 1 - index] : value <= sorted[index]
  }

  private func minimumResource(_ history: StudyHistory) throws(HoneError) -> Int? {
    if let known = lock.withLock({ resolvedMinResource }) { return known }
    let lastSteps = try history.trials(in: [.complete]).compactMap(\.lastStep)
    guard let longest = lastSteps.max() else { return nil }
    let estimate = max(longest / 100, 1)
    return lock.withLock {
      // The first estimate wins, so concurrent studies sharing this pruner agree.
      if resolvedMinResource == nil { resolvedMinResource = estimate }
      return resolvedMinResource
    }
  }
}

extension Int {
  /// `self · other`, or `Int.max` when that overflows; both are non-negative.
  func saturatingTimes(_ other: Int) -> Int {
    let (p, overflow) = multipliedReportingOverflow(by: other)
    return overflow ? .max : p
  }

  /// `self^exponent`, or `Int.max` when that overflows; `self` is at least 1.
  func saturatingPower(_ exponent: Int) -> Int {
    var result = 1
    for _ in 0..<Swift.max(exponent, 0) {
      result = result.saturatingTimes(self)
      if result == .max { break }
    }
    return result
  }
}
