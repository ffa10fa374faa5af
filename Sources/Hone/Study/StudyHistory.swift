/// The read-only view of a study that samplers and pruners receive.
///
/// Trials are fetched from storage on first use only, so a sampler that needs no
/// history (random, QMC) costs the same at trial 10 as at trial 10,000.
public final class StudyHistory: @unchecked Sendable {
  /// The study's name; Hyperband hashes it with trial numbers to pick brackets.
  public let studyName: String
  public let directions: [StudyDirection]
  /// The search space given up front (define-and-run), if any.
  public let searchSpace: SearchSpace?
  private let fetch: () throws(HoneError) -> [FrozenTrial]
  private var cached: [FrozenTrial]?

  init(
    studyName: String = "", directions: [StudyDirection], searchSpace: SearchSpace?,
    fetch: @escaping () throws(HoneError) -> [FrozenTrial]
  ) {
    self.studyName = studyName
    self.directions = directions
    self.searchSpace = searchSpace
    self.fetch = fetch
  }

  /// A history over a fixed list of trials, for tests and offline analysis.
  public convenience init(
    directions: [StudyDirection], trials: [FrozenTrial], searchSpace: SearchSpace? = nil,
    studyName: String = ""
  ) {
    self.init(studyName: studyName, directions: directions, searchSpace: searchSpace) {
      () throws(HoneError) in trials
    }
  }

  /// Every trial, ordered by number.
  public func trials() throws(HoneError) -> [FrozenTrial] {
    if let cached { return cached }
    let all = try fetch()
    cached = all
    return all
  }

  /// The trials in any of `states`.
  public func trials(in states: Set<TrialState>) throws(HoneError) -> [FrozenTrial] {
    try trials().filter { states.contains($0.state) }
  }

  public var isMultiObjective: Bool { directions.count > 1 }
}
