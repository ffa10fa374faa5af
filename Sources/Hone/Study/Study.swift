/// A hyperparameter optimization: its objectives, sampler, pruner and trials.
///
/// A `Study` is safe to share between threads. Every operation takes the study's
/// lock, and the storage checks each mutation itself, so concurrent workers can
/// ask, suggest and tell on one study, in one process or several sharing a
/// persistent storage, and never lose or duplicate a trial.
public final class Study: @unchecked Sendable {
  public let name: String
  public let directions: [StudyDirection]
  public let sampler: any Sampler
  public let pruner: any Pruner
  public let storage: any Storage
  /// The search space given up front; `ask` then fixes every parameter at once.
  public let searchSpace: SearchSpace?
  /// Heartbeats and the failing of stale trials; nil when off.
  public let heartbeatPolicy: HeartbeatPolicy?

  let studyID: Int
  let lock = StudyLock()
  let cache = TrialCache()
  /// Relative points proposed at ask time, used when their parameters are suggested.
  var relativeParams: [Int: (SearchSpace, [String: ParamValue])] = [:]
  /// When this handle last recorded each running trial's heartbeat.
  var lastHeartbeats: [Int: Double] = [:]

  /// Creates a study in `storage` (a fresh in-memory one by default).
  ///
  /// With `loadIfExists`, a study of that name already in the storage is loaded
  /// instead, with its stored directions, as Optuna does; otherwise the name must be new.
  public convenience init(
    name: String? = nil,
    directions: [StudyDirection] = [.minimize],
    sampler: any Sampler = TPESampler(),
    pruner: any Pruner = NopPruner(),
    storage: any Storage = InMemoryStorage(),
    searchSpace: SearchSpace? = nil,
    loadIfExists: Bool = false,
    heartbeatPolicy: HeartbeatPolicy? = nil
  ) throws(HoneError) {
    guard !directions.isEmpty else { throw .invalidArgument("a study needs at least one direction") }
    let name = name ?? "study-\(entropySeed() & 0xFFFF_FFFF)"
    guard !name.isEmpty else { throw .invalidArgument("the study name must not be empty") }
    let stored: StoredStudy
    if loadIfExists, let existing = try storage.findStudy(name: name) {
      stored = existing
    } else {
      do throws(HoneError) {
        stored = StoredStudy(
          id: try storage.createStudy(name: name, directions: directions), name: name, directions: directions)
      } catch {
        // Another worker may have created it between the lookup and the creation.
        guard loadIfExists, let existing = try storage.findStudy(name: name) else { throw error }
        stored = existing
      }
    }
    self.init(
      stored: stored, sampler: sampler, pruner: pruner, storage: storage, searchSpace: searchSpace,
      heartbeatPolicy: heartbeatPolicy)
  }

  /// A single-objective study.
  public convenience init(
    name: String? = nil,
    direction: StudyDirection,
    sampler: any Sampler = TPESampler(),
    pruner: any Pruner = NopPruner(),
    storage: any Storage = InMemoryStorage(),
    searchSpace: SearchSpace? = nil,
    loadIfExists: Bool = false,
    heartbeatPolicy: HeartbeatPolicy? = nil
  ) throws(HoneError) {
    try self.init(
      name: name, directions: [direction], sampler: sampler, pruner: pruner, storage: storage,
      searchSpace: searchSpace, loadIfExists: loadIfExists, heartbeatPolicy: heartbeatPolicy)
  }

  /// A handle on a study the storage already holds.
  init(
    stored: StoredStudy, sampler: any Sampler, pruner: any Pruner, storage: any Storage,
    searchSpace: SearchSpace?, heartbeatPolicy: HeartbeatPolicy?
  ) {
    self.name = stored.name
    self.directions = stored.directions
    self.studyID = stored.id
    self.sampler = sampler
    self.pruner = pruner
    self.storage = storage
    self.searchSpace = searchSpace
    self.heartbeatPolicy = heartbeatPolicy
  }

  /// The history view handed to samplers and pruners, read through the trial cache.
  func history() -> StudyHistory {
    let (cache, storage, id) = (self.cache, self.storage, studyID)
    return StudyHistory(studyName: name, directions: directions, searchSpace: searchSpace) {
      () throws(HoneError) in
      try cache.refreshed(from: storage, study: id)
    }
  }

  /// A RUNNING trial, or the error that explains why it cannot be used.
  ///
  /// `action` is built only for the error: every suggest would otherwise interpolate its name into it.
  func runningTrial(_ number: Int, for action: @autoclosure () -> String) throws(HoneError) -> FrozenTrial {
    let t = try storage.trial(study: studyID, number: number)
    guard t.state == .running else {
      throw .state("cannot \(action()) trial \(number): it is \(t.state.name), not RUNNING")
    }
    return t
  }

  /// Runs `body` with the study's lock held, for readers that must not interleave
  /// with writers.
  ///
  /// Trials read from the storage share their buffers with it (copy-on-write), and
  /// a writer mutates in place once every copy is gone. Dropping the copies inside
  /// the lock orders that release before the next mutation through the mutex, where
  /// ThreadSanitizer can see it: it cannot see Swift's reference counts. `body` must
  /// only read: `ask`, `suggest`, `tell` or `report` inside it fail with `.state`.
  ///
  /// On a thread already inside a call on this study, as a sampler or pruner
  /// callback is, `body` runs at once (see `StudyLock`).
  public func read<T>(_ body: (Study) throws(HoneError) -> T) throws(HoneError) -> T {
    try lock.withReadLock { () throws(HoneError) -> T in try body(self) }
  }

  /// Every trial, ordered by number.
  public var trials: [FrozenTrial] {
    get throws(HoneError) { try cache.refreshed(from: storage, study: studyID) }
  }

  /// One trial by number.
  public func trial(_ number: Int) throws(HoneError) -> FrozenTrial {
    try storage.trial(study: studyID, number: number)
  }

  /// The number of trials in any state.
  public func trialCount() throws(HoneError) -> Int {
    try storage.trialCount(study: studyID)
  }
}
