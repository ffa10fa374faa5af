/// The intersection search space of a study's COMPLETE trials, kept between asks.
///
/// Finished trials never change and trials are read in order of number, so each
/// read starts at `settled`, the first position below which every trial is
/// finished and read: a read costs O(trials still open + new ones). A trial that
/// holds every parameter of the space, as most do, leaves it without narrowing.
struct RunningIntersection {
  /// The first position below which every trial is finished and read.
  private(set) var settled = 0
  /// The COMPLETE trials read, by number.
  private var read: Set<Int> = []
  /// The intersection so far, sorted by name; nil before the first COMPLETE trial.
  private(set) var common: [(String, Distribution)]?

  /// Reads the trials past `settled`; true when the intersection changed.
  mutating func advance(_ trials: [FrozenTrial]) -> Bool {
    var changed = false
    var settledSoFar = true
    for k in settled..<trials.count {
      let t = trials[k]
      if t.state == .complete && read.insert(t.number).inserted && !Self.holds(t, common) {
        let next = SearchSpace.narrowing(common, by: t.params)
        // Narrowing only removes parameters.
        if next.count != common?.count { (common, changed) = (next, true) }
      }
      if settledSoFar && t.state != .running && t.state != .waiting {
        settled = k + 1
      } else {
        settledSoFar = false
      }
    }
    return changed
  }

  /// Whether trial `t` has every parameter of `common` under its distribution, so that it leaves the
  /// intersection as it is (`SearchSpace.narrowing`); false before the first trial.
  static func holds(_ t: FrozenTrial, _ common: [(String, Distribution)]?) -> Bool {
    guard let common else { return false }
    for (k, (name, d)) in common.enumerated() where t.params.named(name, near: k)?.distribution != d { return false }
    return true
  }
}
