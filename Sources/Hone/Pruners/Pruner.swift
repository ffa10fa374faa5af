/// Decides whether a running trial should stop early, from its intermediate values.
///
/// Pruners read the study only through the `StudyHistory` they are handed and
/// never write storage. A pruner that keeps state on a trial, as successive
/// halving keeps the rungs a trial has passed, implements
/// `prune(_:_:recording:)` and hands that state back as system attributes; the
/// study records them on the trial together with the decision.
public protocol Pruner: AnyObject, Sendable {
  /// A short name for reports, e.g. `"median"`.
  var name: String { get }

  /// Whether `trial` should be pruned now.
  func prune(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> Bool

  /// Whether `trial` should be pruned now; appends the system attributes to record on it.
  func prune(
    _ history: StudyHistory, _ trial: FrozenTrial, recording attrs: inout [(String, JSON)]
  ) throws(HoneError) -> Bool
}

extension Pruner {
  public func prune(
    _ history: StudyHistory, _ trial: FrozenTrial, recording attrs: inout [(String, JSON)]
  ) throws(HoneError) -> Bool {
    try prune(history, trial)
  }
}

/// A pruner whose decisions keep state on the trial; deciding without recording
/// it (plain `prune(_:_:)`) judges the same steps again next time.
public protocol RecordingPruner: Pruner {}

extension RecordingPruner {
  public func prune(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> Bool {
    var ignored: [(String, JSON)] = []
    return try prune(history, trial, recording: &ignored)
  }
}

/// A pruner that never prunes.
public final class NopPruner: Pruner {
  public var name: String { "nop" }
  public init() {}
  public func prune(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> Bool { false }
}
