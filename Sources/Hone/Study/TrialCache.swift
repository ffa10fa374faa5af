/// The trials of a study as one handle last read them, brought up to date incrementally.
///
/// Each refresh asks the storage only for the trials changed since the previous
/// one, so reading the history at every `ask` costs the changes, not the study.
/// A refresh is atomic: a batch that does not fit the trials known is refused
/// whole, and the cache stays as it was.
final class TrialCache: @unchecked Sendable {
  private let lock = Lock()
  private var trials: [FrozenTrial] = []
  private var cursor: Int64 = 0
  /// No trial numbered below this one is WAITING: trials are created WAITING and never
  /// become WAITING again, so the search for the oldest one only moves forward.
  private var waitingFrom = 0

  /// Every trial, ordered by number, as the storage has them now.
  ///
  /// - Throws: `.storage` when the storage returns a trial past a gap in the
  ///   numbers, which only a damaged storage does.
  func refreshed(from storage: any Storage, study: Int) throws(HoneError) -> [FrozenTrial] {
    try lock.withLock { () throws(HoneError) -> [FrozenTrial] in
      let changes = try storage.trialChanges(study: study, since: cursor)
      // Changes come ordered by number: each is a known trial or the next one.
      var count = trials.count
      for t in changes.trials where t.number < 0 || t.number >= count {
        guard t.number == count else {
          throw .storage(
            "the storage is damaged: it returned trial \(t.number) of the study with id \(study) "
              + "where trial \(count) was next; the storage was not modified")
        }
        count += 1
      }
      for t in changes.trials {
        if t.number < trials.count { trials[t.number] = t } else { trials.append(t) }
        // A damaged storage may still show an old trial WAITING; the search then starts there.
        if t.state == .waiting { waitingFrom = min(waitingFrom, t.number) }
      }
      cursor = changes.cursor
      return trials
    }
  }

  /// The position of the oldest WAITING trial as of the last refresh, or nil:
  /// amortized O(1) an ask, where a scan of every trial is O(n).
  func oldestWaiting() -> Int? {
    lock.withLock {
      while waitingFrom < trials.count && trials[waitingFrom].state != .waiting { waitingFrom += 1 }
      return waitingFrom < trials.count ? waitingFrom : nil
    }
  }
}
