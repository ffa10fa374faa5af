/// Decides whether a running trial should stop early, from its intermediate values.
public protocol Pruner: AnyObject, Sendable {
  /// A short name for reports, e.g. `"median"`.
  var name: String { get }

  /// Whether `trial` should be pruned now.
  func prune(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> Bool
}

/// A pruner that never prunes.
public final class NopPruner: Pruner {
  public var name: String { "nop" }
  public init() {}
  public func prune(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> Bool { false }
}
