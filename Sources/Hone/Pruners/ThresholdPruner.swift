/// Prunes a trial whose latest intermediate value leaves [lower, upper], as
/// Optuna's `ThresholdPruner`.
///
/// The trial is judged from step `nWarmupSteps` on, at the first step it reports
/// in each interval of `intervalSteps`. A NaN value is always pruned. The
/// direction of the study plays no part.
public final class ThresholdPruner: Pruner {
  /// The smallest value that survives; -∞ when only `upper` is given.
  public let lower: Double
  /// The largest value that survives; +∞ when only `lower` is given.
  public let upper: Double
  public let nWarmupSteps: Int
  public let intervalSteps: Int

  public var name: String { "threshold" }

  /// Creates the pruner; at least one bound must be given.
  ///
  /// - Throws: `.invalidArgument` when both bounds are missing, a bound is NaN,
  ///   `lower > upper`, or a step option is out of range.
  public init(
    lower: Double? = nil, upper: Double? = nil, nWarmupSteps: Int = 0, intervalSteps: Int = 1
  ) throws(HoneError) {
    guard lower != nil || upper != nil else {
      throw .invalidArgument("threshold pruner: give 'lower', 'upper' or both")
    }
    guard lower?.isNaN != true, upper?.isNaN != true else {
      throw .invalidArgument("threshold pruner: 'lower' and 'upper' must not be NaN")
    }
    let lower = lower ?? -.infinity
    let upper = upper ?? .infinity
    guard lower <= upper else {
      throw .invalidArgument("threshold pruner: 'lower' (\(lower)) must not be greater than 'upper' (\(upper))")
    }
    guard nWarmupSteps >= 0 else {
      throw .invalidArgument("threshold pruner: 'n_warmup_steps' cannot be negative, got \(nWarmupSteps)")
    }
    guard intervalSteps >= 1 else {
      throw .invalidArgument("threshold pruner: 'interval_steps' must be at least 1, got \(intervalSteps)")
    }
    self.lower = lower
    self.upper = upper
    self.nWarmupSteps = nWarmupSteps
    self.intervalSteps = intervalSteps
  }

  public func prune(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> Bool {
    guard let step = trial.lastStep, step >= nWarmupSteps,
      trial.isFirstInInterval(step: step, warmup: nWarmupSteps, interval: intervalSteps),
      let latest = trial.intermediateValues[Int64(step)]
    else { return false }
    return latest.isNaN || latest < lower || latest > upper
  }
}
