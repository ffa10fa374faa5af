/// The life-cycle state of a trial.
public enum TrialState: Int32, Sendable, CaseIterable {
  /// Asked and not yet told.
  case running = 0
  /// Told with finite objective values.
  case complete = 1
  /// Stopped early by a pruner.
  case pruned = 2
  /// The objective raised, returned NaN, or the worker died.
  case fail = 3
  /// Enqueued with fixed parameters and not yet asked.
  case waiting = 4

  /// The upper-case name Optuna uses, e.g. `"COMPLETE"`.
  public var name: String {
    switch self {
    case .running: return "RUNNING"
    case .complete: return "COMPLETE"
    case .pruned: return "PRUNED"
    case .fail: return "FAIL"
    case .waiting: return "WAITING"
    }
  }

  /// Parses an upper-case state name.
  public init?(name: String) {
    guard let s = TrialState.allCases.first(where: { $0.name == name }) else { return nil }
    self = s
  }

  /// Whether the trial can change no more.
  public var isFinished: Bool { self == .complete || self == .pruned || self == .fail }
}
