internal import HonePlatform

/// What the sampler keeps of its study's finished trials between asks.
///
/// A COMPLETE or PRUNED trial never changes again, so its internal values for a
/// joint space, and its place in each dimension's sorted order, are read once;
/// an ask then fits both estimators from the memo in O(n·d) with no sort and no
/// parameter lookup. RUNNING trials, which still change, are read at every ask.
extension TPESampler {
  /// Which finished trials of a history a memo has read, and what identifies them.
  struct FinishedScan {
    /// Per trial position, the stamp of the finished trial read there, or nil.
    private var stamps: [UInt64?] = []

    /// Whether the trial at `position` was read.
    func contains(_ position: Int) -> Bool { position < stamps.count && stamps[position] != nil }

    /// The positions of the COMPLETE and PRUNED trials of `all` not read before,
    /// now marked read; nil when a trial read before is no longer there as it
    /// was, which only another study's history shows.
    mutating func newlyFinished(_ all: [FrozenTrial]) -> [Int]? {
      guard stamps.count <= all.count else { return nil }
      stamps += [UInt64?](repeating: nil, count: all.count - stamps.count)
      var added: [Int] = []
      for i in all.indices {
        let finished = all[i].state == .complete || all[i].state == .pruned
        if let stamp = stamps[i] {
          guard finished, stamp == Self.stamp(all[i]) else { return nil }
        } else if finished {
          stamps[i] = Self.stamp(all[i])
          added.append(i)
        }
      }
      return added
    }

    /// The state, first value and parameter count of a finished trial, mixed.
    static func stamp(_ t: FrozenTrial) -> UInt64 {
      let value = t.values?.first?.bitPattern ?? 0
      return value ^ (UInt64(truncatingIfNeeded: t.params.count) << 3) ^ (t.state == .pruned ? 1 : 0)
    }
  }

  /// Optuna's intersection search space of the finished trials read so far.
  struct IntersectionMemo {
    var scan = FinishedScan()
    /// Nil before the first finished trial.
    var common: [(String, Distribution)]?

    /// Reads the trials of `all` not read yet; false when `all` does not extend what was read.
    mutating func refresh(_ all: [FrozenTrial]) -> Bool {
      guard let added = scan.newlyFinished(all) else { return false }
      for i in added where common?.isEmpty != true { common = SearchSpace.narrowing(common, by: all[i].params) }
      return true
    }
  }

  /// The finished trials of one study read for one joint space.
  struct SpaceMemo {
    let names: [String]
    let space: [Distribution]
    var scan = FinishedScan()
    /// When the sampler last used this memo, on its `memoClock`, to drop the least recently used.
    var lastUse = 0
    /// Per trial position read, -1 when it lacks a value of the space, or its row in `rows`.
    var slots: [Int32] = []
    /// Row-major internal values, one row per readable finished trial.
    var rows: [Double] = []
    /// The trial position of each row.
    var positions: [Int] = []
    /// Per numeric dimension, the rows ascending by (transformed value, position):
    /// the order `ParzenEstimator.sortedOrder` gives observations in trial-number order.
    var sorted: [[Int32]]
    /// Per numeric dimension, each row's value on the estimator's axis (log for log scales).
    var keys: [[Double]]
    /// Per numeric dimension, each row's bandwidth and log mass in the last estimator it was in
    /// (NaN before any): most stay the same from one ask to the next.
    var masses: [ParzenEstimator.MassHint]

    init(names: [String], space: [Distribution]) {
      self.names = names
      self.space = space
      sorted = [[Int32]](repeating: [], count: space.count)
      keys = [[Double]](repeating: [], count: space.count)
      masses = [ParzenEstimator.MassHint](repeating: .init(sigma: [], logMass: []), count: space.count)
    }

    /// The row of the trial at `position`, -1 when it lacks a value of the space,
    /// or nil when it was not read (not finished yet).
    func row(at position: Int) -> Int32? {
      guard scan.contains(position), position < slots.count else { return nil }
      return slots[position]
    }

    /// Reads the finished trials of `all` not read yet; false when `all` does not extend what was read.
    mutating func refresh(_ all: [FrozenTrial]) -> Bool {
      guard let finished = scan.newlyFinished(all) else { return false }
      if slots.count < all.count { slots += [Int32](repeating: -1, count: all.count - slots.count) }
      let d = space.count
      var row = [Double](repeating: 0, count: d)
      var added: [Int32] = []
      for i in finished {
        guard positions.count < Int(Int32.max),
          TPESampler.read(Observed(index: i, proposal: nil), of: all, names: names, space: space, into: &row)
        else { continue }
        let r = Int32(truncatingIfNeeded: positions.count)
        slots[i] = r
        positions.append(i)
        rows += row
        for j in 0..<d where space[j].isNumeric {
          keys[j].append(Self.key(row[j], space[j]))
          masses[j].sigma.append(.nan)
          masses[j].logMass.append(.nan)
        }
        added.append(r)
      }
      guard !added.isEmpty else { return true }
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
      return true
    }

    /// Where row `r` goes in `sorted[j]`: after every row of smaller (key, position).
    private func insertionPoint(of r: Int32, dimension j: Int) -> Int {
      let (key, position) = (keys[j][Int(r)], positions[Int(r)])
      var (lo, hi) = (0, sorted[j].count)
      while lo < hi {
        let mid = (lo + hi) / 2
        let m = Int(sorted[j][mid])
        if (keys[j][m], positions[m]) < (key, position) { lo = mid + 1 } else { hi = mid }
      }
      return lo
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

  /// Drops the memos when `history` is another study's. Call with `lock` held.
  private func checkMemoStudy(_ history: StudyHistory) {
    if memoStudy != history.studyName {
      memos = []
      intersectionMemo = IntersectionMemo()
      memoStudy = history.studyName
    }
  }

  /// The memo of `names` × `space` for the study of `history`, brought up to date with `all`.
  func withMemo<T>(
    _ history: StudyHistory, _ all: [FrozenTrial], names: [String], space: [Distribution],
    _ body: (inout SpaceMemo) -> T
  ) -> T {
    lock.withLock {
      checkMemoStudy(history)
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
      if !memos[i].refresh(all) {
        memos[i] = SpaceMemo(names: names, space: space)
        _ = memos[i].refresh(all)
      }
      return body(&memos[i])
    }
  }

  /// Optuna's intersection search space of the finished trials of `all`, kept up to date between asks.
  func memoizedIntersection(_ history: StudyHistory, _ all: [FrozenTrial]) -> [(String, Distribution)] {
    lock.withLock {
      checkMemoStudy(history)
      if !intersectionMemo.refresh(all) {
        intersectionMemo = IntersectionMemo()
        _ = intersectionMemo.refresh(all)
      }
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
