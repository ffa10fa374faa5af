internal import HonePlatform

/// What the sampler keeps of its study's finished trials between asks.
///
/// A COMPLETE or PRUNED trial never changes again, so its internal values for a
/// joint space, and its place in each dimension's sorted order, are read once;
/// an ask then fits both estimators from the memo in O(n·d) with no sort and no
/// parameter lookup. RUNNING trials, which still change, are read at every ask.
extension TPESampler {
  /// The finished trials of the sampler's study in the order it first saw them, and
  /// what identifies each: every memo reads the trials this ledger lists after the
  /// ones it has read, and the ledger checks the history once for all of them.
  struct Ledger {
    /// Per trial position, the stamp of the finished trial seen there, or nil.
    private var stamps: [UInt64?] = []
    /// The positions of the finished trials, in the order they were first seen.
    private(set) var finished: [Int] = []
    /// Per entry of `finished`, what the good/bad split ranks that trial by, read once.
    private(set) var ranks: [Rank] = []
    /// The positions seen RUNNING or WAITING, which may have finished since.
    private var open: [Int] = []
    /// Which finished trial the next refresh checks besides the first and the last.
    private var probe = 0

    /// A finished trial's number and first value (NaN when none); a PRUNED one's value is its last
    /// intermediate value at the deepest step it reported, with that step (nil when it reported none).
    /// `violation` is its total constraint violation, 0 when feasible: constraints are set
    /// while a trial runs, so a finished trial's never change either.
    struct Rank {
      var number: Int
      var pruned: Bool
      var step: Int64?
      var value: Double
      var violation: Double = 0
    }

    /// Lists the COMPLETE and PRUNED trials of `all` not seen before; false when `all`
    /// is not the history of the trials seen before (the ledger must then start afresh,
    /// and every memo with it).
    ///
    /// A finished trial never changes, so only another study's history differs at one
    /// seen before, and it differs at any of them: each refresh checks three (the
    /// first, the last and one in turn) rather than all, and reads only the trials
    /// that were open or are new, so that an ask does not read every trial.
    mutating func refresh(_ all: [FrozenTrial]) -> Bool {
      guard stamps.count <= all.count else { return false }
      if !finished.isEmpty {
        probe = probe < finished.count - 1 ? probe + 1 : 0
        for i in [finished[0], finished[probe], finished[finished.count - 1]] {
          guard i < all.count, Self.isFinished(all[i].state), stamps[i] == Self.stamp(at: i, in: all) else {
            return false
          }
        }
      }
      let unread = open + Array(stamps.count..<all.count)
      stamps += [UInt64?](repeating: nil, count: all.count - stamps.count)
      open = []
      for i in unread {
        if Self.isFinished(all[i].state) {
          stamps[i] = Self.stamp(at: i, in: all)
          finished.append(i)
          ranks.append(Self.rank(all[i]))
        } else if all[i].state == .running || all[i].state == .waiting {
          open.append(i)
        }
      }
      return true
    }

    static func isFinished(_ state: TrialState) -> Bool { state == .complete || state == .pruned }

    /// What identifies the finished trial at `i`: its completion time, which the trial
    /// holds inline, with its state; without one (a hand-built history), its first value
    /// and parameter count. Each field is read in place: a copy of the trial would retain all of them.
    @inline(__always)
    static func stamp(at i: Int, in all: [FrozenTrial]) -> UInt64 {
      let pruned: UInt64 = all[i].state == .pruned ? 1 : 0
      if let done = all[i].datetimeComplete { return done.bitPattern ^ pruned }
      let value = all[i].values?.first?.bitPattern ?? 0
      return value ^ (UInt64(truncatingIfNeeded: all[i].params.count) << 3) ^ pruned
    }

    static func rank(_ t: FrozenTrial) -> Rank {
      var rank: Rank
      if t.state != .pruned {
        rank = Rank(number: t.number, pruned: false, step: nil, value: t.values?.first ?? .nan)
      } else if let (step, v) = t.intermediateValues.max(by: { $0.key < $1.key }) {
        rank = Rank(number: t.number, pruned: true, step: step, value: v)
      } else {
        rank = Rank(number: t.number, pruned: true, step: nil, value: 0)
      }
      rank.violation = t.constraintViolation
      return rank
    }
  }

  /// Optuna's intersection search space of the finished trials read so far.
  struct IntersectionMemo {
    /// How many of the ledger's trials have been read.
    var cursor = 0
    /// Nil before the first finished trial.
    var common: [(String, Distribution)]?

    /// Reads the ledger's trials not read yet, from `all`.
    mutating func refresh(_ ledger: Ledger, _ all: [FrozenTrial]) {
      for i in ledger.finished.dropFirst(cursor) where common?.isEmpty != true && i < all.count {
        common = SearchSpace.narrowing(common, by: all[i].params)
      }
      cursor = ledger.finished.count
    }
  }

  /// The finished trials of one study read for one joint space.
  struct SpaceMemo {
    let names: [String]
    let space: [Distribution]
    /// How many of the ledger's trials have been read.
    var cursor = 0
    /// When the sampler last used this memo, on its `memoClock`, to drop the least recently used.
    var lastUse = 0
    /// Per trial position: `unread`, -1 when it lacks a value of the space, or its row.
    var slots: [Int32] = []
    static let unread: Int32 = -2
    /// Per dimension, the internal value of each row (one row per readable finished trial).
    var columns: [[Double]]
    /// The trial position of each row.
    var positions: [Int] = []
    /// Per numeric dimension, the rows ascending by (transformed value, position):
    /// the order `ascendingOrder()` gives observations in trial-number order.
    var sorted: [[Int32]]
    /// Per numeric dimension, each row's value on the estimator's axis (log for log scales).
    var keys: [[Double]]
    /// Per numeric dimension, each row's bandwidth and log mass in the last estimator it was in
    /// (NaN before any): most stay the same from one ask to the next.
    var sigma: [[Double]]
    var logMass: [[Double]]

    init(names: [String], space: [Distribution]) {
      self.names = names
      self.space = space
      sorted = [[Int32]](repeating: [], count: space.count)
      keys = [[Double]](repeating: [], count: space.count)
      columns = [[Double]](repeating: [], count: space.count)
      sigma = columns
      logMass = columns
    }

    /// The row of the trial at `position`, -1 when it lacks a value of the space,
    /// or nil when it was not read (not finished yet).
    func row(at position: Int) -> Int32? {
      guard position < slots.count, slots[position] != Self.unread else { return nil }
      return slots[position]
    }

    /// Reads the ledger's trials not read yet, from `all`.
    mutating func refresh(_ ledger: Ledger, _ all: [FrozenTrial]) {
      if slots.count < all.count { slots += [Int32](repeating: Self.unread, count: all.count - slots.count) }
      let d = space.count
      var row = [Double](repeating: 0, count: d)
      var added: [Int32] = []
      for i in ledger.finished.dropFirst(cursor) where i < slots.count {
        slots[i] = -1
        guard positions.count < Int(Int32.max),
          TPESampler.read(Observed(index: i, proposal: nil), of: all, names: names, space: space, into: &row)
        else { continue }
        let r = Int32(truncatingIfNeeded: positions.count)
        slots[i] = r
        positions.append(i)
        for j in 0..<d { columns[j].append(row[j]) }
        for j in 0..<d where space[j].isNumeric {
          keys[j].append(Self.key(row[j], space[j]))
          sigma[j].append(.nan)
          logMass[j].append(.nan)
        }
        added.append(r)
      }
      cursor = ledger.finished.count
      guard !added.isEmpty else { return }
      for j in 0..<d where space[j].isNumeric {
        // A few new rows go in by binary search; many (the first ask) by one sort.
        if added.count > 32 {
          sorted[j] = Array(0..<Int32(truncatingIfNeeded: positions.count))
          let (k, p) = (keys[j], positions)
          sorted[j].sort { (k[Int($0)], p[Int($0)]) < (k[Int($1)], p[Int($1)]) }
        } else {
          for r in added { sorted[j].insert(r, at: insertionPoint(of: r, dimension: j)) }
        }
      }
    }

    /// Where row `r` goes in `sorted[j]`: after every row of smaller (key, position).
    private func insertionPoint(of r: Int32, dimension j: Int) -> Int {
      let here = (keys[j][Int(r)], positions[Int(r)])
      return ParzenEstimator.partitionPoint(sorted[j].count) { i in
        let m = Int(sorted[j][i])
        return !((keys[j][m], positions[m]) < here)
      }
    }

    /// A value on the estimator's axis of `d`: the log for a log scale, as `ParzenEstimator` places kernels.
    static func key(_ x: Double, _ d: Distribution) -> Double {
      switch d {
      case .float(_, _, _, true), .int(_, _, _, true): return log(x)
      default: return x
      }
    }
  }

  /// The joint spaces whose memos are kept: one per parameter when sampled
  /// independently, so a wide study keeps them all, while a conditional space's
  /// many paths cannot grow the memory without bound.
  static let memoLimit = 512

  /// Brings the ledger up to `all`, once per history: the memos, the ledger with
  /// them, start afresh for another study, or when `all` is not the history the
  /// ledger read. Call with `lock` held.
  private func syncLedger(_ history: StudyHistory, _ all: [FrozenTrial]) {
    if memoStudy != history.studyName {
      forgetStudy()
      memoStudy = history.studyName
    }
    // A history keeps the trials it first read, so one check serves all its calls.
    guard ledgerHistory !== history else { return }
    if !ledger.refresh(all) {
      forgetStudy()
      _ = ledger.refresh(all)
    }
    ledgerHistory = history
  }

  private func forgetStudy() {
    memos = []
    intersectionMemo = IntersectionMemo()
    ledger = Ledger()
  }

  /// The memo of `names` × `space` for the study of `history`, brought up to date with `all`.
  func withMemo<T>(
    _ history: StudyHistory, _ all: [FrozenTrial], names: [String], space: [Distribution],
    _ body: (inout SpaceMemo) -> T
  ) -> T {
    lock.withLock {
      syncLedger(history, all)
      var at = memos.firstIndex { $0.names == names && $0.space == space }
      if at == nil {
        if memos.count >= Self.memoLimit, let oldest = memos.indices.min(by: { memos[$0].lastUse < memos[$1].lastUse }) {
          memos.remove(at: oldest)
        }
        memos.append(SpaceMemo(names: names, space: space))
        at = memos.count - 1
      }
      let i = at ?? 0
      memoClock &+= 1
      memos[i].lastUse = memoClock
      memos[i].refresh(ledger, all)
      return body(&memos[i])
    }
  }

  /// The ledger of the study of `history`, brought up to date with `all`.
  func syncedLedger(_ history: StudyHistory, _ all: [FrozenTrial]) -> Ledger {
    lock.withLock {
      syncLedger(history, all)
      return ledger
    }
  }

  /// Optuna's intersection search space of the finished trials of `all`, kept up to date between asks.
  func memoizedIntersection(_ history: StudyHistory, _ all: [FrozenTrial]) -> [(String, Distribution)] {
    lock.withLock {
      syncLedger(history, all)
      intersectionMemo.refresh(ledger, all)
      return intersectionMemo.common ?? []
    }
  }
}

extension Distribution {
  /// Whether the values are numbers (a float or an int), not categorical choices.
  var isNumeric: Bool {
    if case .categorical = self { return false }
    return true
  }
}
