/// Where studies and their trials live.
///
/// A storage is shared by every study handle and worker that opens the same
/// study, so each mutation is atomic on its own and checks the trial's state
/// itself: two workers can race to tell one trial, and only one may win.
/// Samplers and pruners never see a storage; they read history through the study.
///
/// Reads are incremental: every mutation of a trial gives it the study's next
/// change number, and `trialChanges(study:since:)` returns only the trials
/// changed after a cursor, so a study handle keeps its trials cached and
/// `ask` does not re-read the whole history.
public protocol Storage: AnyObject, Sendable {
  // MARK: Studies

  /// Creates a study with `trials` (renumbered from 0, in order) and returns its
  /// identifier, atomically: it appears whole or not at all. Names are unique.
  ///
  /// - Throws: `.invalidArgument` when a study of that name exists.
  func createStudy(name: String, directions: [StudyDirection], trials: [FrozenTrial]) throws(HoneError) -> Int

  /// The study called `name`, or nil.
  func findStudy(name: String) throws(HoneError) -> StoredStudy?

  /// Deletes a study and all its trials; `.notFound` when there is none of that name.
  func deleteStudy(name: String) throws(HoneError)

  /// Every study, in creation order, with its trial count, best trial and start time.
  func studySummaries() throws(HoneError) -> [StudySummary]

  /// Sets a user attribute of the study; a key set again keeps its place.
  func setStudyUserAttr(study: Int, key: String, value: JSON) throws(HoneError)

  /// Sets a system attribute of the study; a key set again keeps its place.
  func setStudySystemAttr(study: Int, key: String, value: JSON) throws(HoneError)

  /// The study's user attributes, in the order their keys were first set.
  func studyUserAttrs(study: Int) throws(HoneError) -> [(String, JSON)]

  /// The study's system attributes, in the order their keys were first set.
  func studySystemAttrs(study: Int) throws(HoneError) -> [(String, JSON)]

  // MARK: Trials

  /// Creates a trial with the next number in the study, copying the state, values,
  /// parameters, intermediate values, attributes and times of `template`.
  ///
  /// - Parameter heartbeat: the first heartbeat of a RUNNING trial, when heartbeats are on.
  func createTrial(study: Int, template: FrozenTrial, heartbeat: Double?) throws(HoneError) -> FrozenTrial

  /// Moves the oldest WAITING trial to RUNNING and returns it, or returns nil.
  func popWaitingTrial(study: Int, start: Double, heartbeat: Double?) throws(HoneError) -> FrozenTrial?

  /// Records a parameter of a RUNNING trial.
  func setTrialParam(study: Int, number: Int, param: Param) throws(HoneError)

  /// Records parameters of a RUNNING trial, atomically, in time linear in their number.
  func setTrialParams(study: Int, number: Int, params: [Param]) throws(HoneError)

  /// Finishes a RUNNING trial; throws `.state` if another call finished it first.
  func finishTrial(
    study: Int, number: Int, state: TrialState, values: [Double]?, complete: Double
  ) throws(HoneError)

  /// Records an intermediate value of a RUNNING trial; a step already reported is kept.
  func setIntermediateValue(study: Int, number: Int, step: Int64, value: Double) throws(HoneError)

  /// Sets a user attribute of a RUNNING trial.
  func setTrialUserAttr(study: Int, number: Int, key: String, value: JSON) throws(HoneError)

  /// Sets a system attribute of a RUNNING trial.
  func setTrialSystemAttr(study: Int, number: Int, key: String, value: JSON) throws(HoneError)

  /// Records that the worker running a RUNNING trial is alive at `time`.
  ///
  /// A heartbeat is not a change of the trial: it does not advance the change cursor.
  func recordHeartbeat(study: Int, number: Int, time: Double) throws(HoneError)

  /// Marks FAIL, at `complete`, every RUNNING trial whose last heartbeat is older
  /// than `before`, and returns them as failed. Trials without heartbeats are kept.
  ///
  /// For each failed trial, `retry` may return a trial to create in the same
  /// atomic step (with the next number), so a crash can never fail a trial and
  /// lose its retry. Each stale trial is failed by exactly one caller.
  func failStaleTrials(
    study: Int, before: Double, complete: Double, retry: (FrozenTrial) -> FrozenTrial?
  ) throws(HoneError) -> [FrozenTrial]

  // MARK: Reads

  /// One trial, or `.notFound`.
  func trial(study: Int, number: Int) throws(HoneError) -> FrozenTrial

  /// The trials changed after `cursor` (0: every trial), ordered by number, and the
  /// cursor that covers them.
  func trialChanges(study: Int, since cursor: Int64) throws(HoneError) -> TrialChanges

  /// The number of trials in the study.
  func trialCount(study: Int) throws(HoneError) -> Int
}

extension Storage {
  /// Creates an empty study and returns its identifier; names are unique.
  public func createStudy(name: String, directions: [StudyDirection]) throws(HoneError) -> Int {
    try createStudy(name: name, directions: directions, trials: [])
  }

  /// Every trial of the study, ordered by number.
  public func trials(study: Int) throws(HoneError) -> [FrozenTrial] {
    try trialChanges(study: study, since: 0).trials
  }

  /// Creates a trial with nothing but a state, system attributes and a start time.
  public func createTrial(
    study: Int, state: TrialState, systemAttrs: [(String, JSON)], start: Double?, heartbeat: Double? = nil
  ) throws(HoneError) -> FrozenTrial {
    try createTrial(
      study: study, template: FrozenTrial(number: 0, state: state, systemAttrs: systemAttrs, datetimeStart: start),
      heartbeat: heartbeat)
  }
}
