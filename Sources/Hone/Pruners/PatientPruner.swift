/// Prunes only after a trial has stopped improving for `patience` steps, as
/// Optuna's `PatientPruner`.
///
/// With the trial's reported steps in order, the best value of all but the last
/// `patience + 1` is compared with the best of those last ones (NaN ignored).
/// Minimizing, there has been no improvement when the recent best exceeds the
/// earlier best plus `minDelta`; maximizing, when it falls below the earlier best
/// minus `minDelta`. Only then is the wrapped pruner asked, and its answer is the
/// decision; without a wrapped pruner the trial is pruned. Fewer than
/// `patience + 2` reported steps never prune.
public final class PatientPruner: RecordingPruner {
  /// The pruner whose decision counts once patience has run out; nil prunes then.
  public let wrapped: (any Pruner)?
  public let patience: Int
  public let minDelta: Double

  public var name: String { "patient" }

  /// Creates the pruner.
  ///
  /// - Throws: `.invalidArgument` when `patience` or `minDelta` is negative (or `minDelta` NaN).
  public init(wrapping wrapped: (any Pruner)?, patience: Int, minDelta: Double = 0) throws(HoneError) {
    guard patience >= 0 else {
      throw .invalidArgument("patient pruner: 'patience' cannot be negative, got \(patience)")
    }
    guard minDelta >= 0 else {
      throw .invalidArgument("patient pruner: 'min_delta' cannot be negative, got \(minDelta)")
    }
    self.wrapped = wrapped
    self.patience = patience
    self.minDelta = minDelta
  }


  public func prune(
    _ history: StudyHistory, _ trial: FrozenTrial, recording attrs: inout [(String, JSON)]
  ) throws(HoneError) -> Bool {
    let direction = try history.singleDirection(for: name)
    let steps = trial.intermediateValues.keys.sorted()
    guard steps.count > patience + 1 else { return false }
    let split = steps.count - patience - 1
    let before = Double.nanExtreme(steps[..<split].compactMap { trial.intermediateValues[$0] }, direction)
    let recent = Double.nanExtreme(steps[split...].compactMap { trial.intermediateValues[$0] }, direction)
    // A NaN on either side compares false, so an all-NaN window never prunes, as in Optuna.
    let stalled = direction == .minimize ? before + minDelta < recent : before - minDelta > recent
    guard stalled else { return false }
    guard let wrapped else { return true }
    return try wrapped.prune(history, trial, recording: &attrs)
  }
}
