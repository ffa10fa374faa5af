/// A study as a storage knows it: its identifier, name and directions.
public struct StoredStudy: Equatable, Sendable {
  public var id: Int
  public var name: String
  public var directions: [StudyDirection]

  public init(id: Int, name: String, directions: [StudyDirection]) {
    self.id = id
    self.name = name
    self.directions = directions
  }
}

/// The trials a storage changed after a cursor, and the cursor that covers them.
public struct TrialChanges: Sendable {
  /// The changed trials, ordered by number.
  public var trials: [FrozenTrial]
  /// Pass this to the next `trialChanges` call to get only later changes.
  public var cursor: Int64

  public init(trials: [FrozenTrial], cursor: Int64) {
    self.trials = trials
    self.cursor = cursor
  }
}

/// A study's description in a storage listing, with Optuna's `StudySummary` fields.
public struct StudySummary: Sendable {
  public var name: String
  public var directions: [StudyDirection]
  /// The number of trials in any state.
  public var nTrials: Int
  /// The best feasible COMPLETE trial of a single-objective study (the earliest wins a tie).
  public var bestTrial: FrozenTrial?
  /// The earliest start of any trial, in seconds since the epoch.
  public var datetimeStart: Double?
  /// The study's user attributes, in the order their keys were first set.
  public var userAttrs: [(String, JSON)]
  /// The study's system attributes, in the order their keys were first set.
  public var systemAttrs: [(String, JSON)]

  public init(
    name: String, directions: [StudyDirection], nTrials: Int, bestTrial: FrozenTrial?, datetimeStart: Double?,
    userAttrs: [(String, JSON)] = [], systemAttrs: [(String, JSON)] = []
  ) {
    self.name = name
    self.directions = directions
    self.nTrials = nTrials
    self.bestTrial = bestTrial
    self.datetimeStart = datetimeStart
    self.userAttrs = userAttrs
    self.systemAttrs = systemAttrs
  }

  /// `{"study_name", "directions", "n_trials", "best_trial", "datetime_start",
  /// "user_attrs", "system_attrs"}`; the best trial is a trial export or null.
  public var json: JSON {
    .object([
      ("study_name", .string(name)),
      ("directions", .array(directions.map { .string($0.rawValue) })),
      ("n_trials", .number(Double(nTrials))),
      ("best_trial", bestTrial?.json ?? .null),
      ("datetime_start", datetimeStart.map { .string(WallClock.iso8601($0)) } ?? .null),
      ("user_attrs", .object(userAttrs)),
      ("system_attrs", .object(systemAttrs)),
    ])
  }
}

extension StudySummary {
  /// The best feasible COMPLETE trial of `trials` in a single-objective study, the
  /// earliest on a tie; a trial without constraints counts as feasible, as in Optuna.
  static func best(of trials: [FrozenTrial], directions: [StudyDirection]) -> FrozenTrial? {
    guard directions.count == 1 else { return nil }
    var best: FrozenTrial?
    for t in trials where t.state == .complete && t.isFeasible {
      guard let v = t.value else { continue }
      if let b = best?.value, !directions[0].isBetter(v, than: b) { continue }
      best = t
    }
    return best
  }
}
