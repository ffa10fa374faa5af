/// Prunes a trial whose best intermediate value is worse than a percentile of the
/// completed trials at the same step, as Optuna's `PercentilePruner`.
///
/// Nothing is pruned until `nStartupTrials` trials are COMPLETE, nor before step
/// `nWarmupSteps`. After that the trial is judged at the first step it reports in
/// each interval of `intervalSteps`: its best value over all its steps (NaN
/// ignored) is compared with the `percentile`-th percentile of the values COMPLETE
/// trials reported at that same step (NaN ignored, linear interpolation as NumPy's
/// `nanpercentile`). Minimizing, the trial is pruned when its best is above that
/// percentile; maximizing, when below the (100 − `percentile`)-th. Fewer than
/// `nMinTrials` completed values at the step never prune, and a trial whose values
/// are all NaN is always pruned.
public final class PercentilePruner: Pruner {
  public let percentile: Double
  public let nStartupTrials: Int
  public let nWarmupSteps: Int
  public let intervalSteps: Int
  public let nMinTrials: Int
  /// The name errors and reports use: `"percentile"`, or `"median"` for the median pruner.
  public let name: String

  /// Creates the pruner; `percentile` lies in [0, 100].
  ///
  /// - Throws: `.invalidArgument` naming the option that is out of range.
  public convenience init(
    percentile: Double, nStartupTrials: Int = 5, nWarmupSteps: Int = 0, intervalSteps: Int = 1,
    nMinTrials: Int = 1
  ) throws(HoneError) {
    guard percentile >= 0, percentile <= 100 else {
      throw .invalidArgument("percentile pruner: 'percentile' must be between 0 and 100, got \(percentile)")
    }
    try self.init(
      name: "percentile", percentile: percentile, nStartupTrials: nStartupTrials,
      nWarmupSteps: nWarmupSteps, intervalSteps: intervalSteps, nMinTrials: nMinTrials)
  }

  init(
    name: String, percentile: Double, nStartupTrials: Int, nWarmupSteps: Int, intervalSteps: Int,
    nMinTrials: Int
  ) throws(HoneError) {
    guard nStartupTrials >= 0 else {
      throw .invalidArgument("\(name) pruner: 'n_startup_trials' cannot be negative, got \(nStartupTrials)")
    }
    guard nWarmupSteps >= 0 else {
      throw .invalidArgument("\(name) pruner: 'n_warmup_steps' cannot be negative, got \(nWarmupSteps)")
    }
    guard intervalSteps >= 1 else {
      throw .invalidArgument("\(name) pruner: 'interval_steps' must be at least 1, got \(intervalSteps)")
    }
    guard nMinTrials >= 1 else {
      throw .invalidArgument("\(name) pruner: 'n_min_trials' must be at least 1, got \(nMinTrials)")
    }
    self.name = name
    self.percentile = percentile
    self.nStartupTrials = nStartupTrials
    self.nWarmupSteps = nWarmupSteps
    self.intervalSteps = intervalSteps
    self.nMinTrials = nMinTrials
  }

  public func prune(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> Bool {
    let direction = try history.singleDirection(for: name)
    let completed = try history.trials(in: [.complete])
    guard !completed.isEmpty, completed.count >= nStartupTrials else { return false }
    guard let step = trial.lastStep, step >= nWarmupSteps,
      trial.isFirstInInterval(step: step, warmup: nWarmupSteps, interval: intervalSteps)
    else { return false }
    let best = trial.bestIntermediateValue(direction)
    if best.isNaN { return true }
    let atStep = completed.compactMap { $0.intermediateValues[Int64(step)] }
    guard atStep.count >= nMinTrials else { return false }
    let p = Self.nanPercentile(atStep, direction == .maximize ? 100 - percentile : percentile)
    if p.isNaN { return false }
    return direction == .maximize ? best < p : best > p
  }

  /// The `q`-th percentile of `values` with NaN left out, computed as NumPy's
  /// `nanpercentile` with linear interpolation; NaN when no value is a number.
  public static func nanPercentile(_ values: [Double], _ q: Double) -> Double {
    let sorted = values.filter { !$0.isNaN }.sorted()
    guard let last = sorted.last else { return .nan }
    let n = Double(sorted.count)
    let quantile = q / 100
    // NumPy's virtual index for the linear method (alpha = beta = 1), in its own
    // order of operations so that results agree to the last bit.
    let virtual = n * quantile + (1 - quantile) - 1
    guard virtual < n - 1 else { return last }
    guard virtual >= 0 else { return sorted[0] }
    let below = virtual.rounded(.down)
    let a = sorted[Int(below)]
    let b = sorted[Int(below) + 1]
    let gamma = virtual - below
    let diff = b - a
    return gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma
  }
}

/// Prunes a trial whose best intermediate value is worse than the median of the
/// completed trials at the same step, as Optuna's `MedianPruner`.
///
/// The median pruner is the percentile pruner at the 50th percentile; see
/// `PercentilePruner` for the rules on startup, warmup, intervals and NaN.
public final class MedianPruner: Pruner {
  private let base: PercentilePruner

  public var name: String { base.name }
  public var nStartupTrials: Int { base.nStartupTrials }
  public var nWarmupSteps: Int { base.nWarmupSteps }
  public var intervalSteps: Int { base.intervalSteps }
  public var nMinTrials: Int { base.nMinTrials }

  /// Creates the pruner with Optuna's defaults.
  ///
  /// - Throws: `.invalidArgument` naming the option that is out of range.
  public init(
    nStartupTrials: Int = 5, nWarmupSteps: Int = 0, intervalSteps: Int = 1, nMinTrials: Int = 1
  ) throws(HoneError) {
    base = try PercentilePruner(
      name: "median", percentile: 50, nStartupTrials: nStartupTrials, nWarmupSteps: nWarmupSteps,
      intervalSteps: intervalSteps, nMinTrials: nMinTrials)
  }

  public func prune(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> Bool {
    try base.prune(history, trial)
  }
}
