/// The trials of a study as one handle last read them, brought up to date incrementally.
///
/// Each refresh asks the storage only for the trials changed since the previous
/// one, so reading the history at every `ask` costs the changes, not the study.
final class TrialCache: @unchecked Sendable {
  private let lock = Lock()
  private var trials: [FrozenTrial] = []
  private var cursor: Int64 = 0

  /// Every trial, ordered by number, as the storage has them now.
  func refreshed(from storage: any Storage, study: Int) throws(HoneError) -> [FrozenTrial] {
    try lock.withLock { () throws(HoneError) -> [FrozenTrial] in
      let changes = try storage.trialChanges(study: study, since: cursor)
      for t in changes.trials {
        if t.number < trials.count {
          trials[t.number] = t
        } else if t.number == trials.count {
          trials.append(t)
        } else {
          throw .internal("storage returned trial \(t.number) while \(trials.count) trials were known")
        }
      }
      cursor = changes.cursor
      return trials
    }
  }
}
