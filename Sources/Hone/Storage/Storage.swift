/// Where studies and their trials live.
///
/// A storage is shared by every study handle and worker that opens the same
/// study, so each mutation is atomic on its own and checks the trial's state
/// itself: two workers can race to tell one trial, and only one may win.
/// Samplers and pruners never see a storage; they read history through the study.
public protocol Storage: AnyObject, Sendable {
  /// Creates a study and returns its identifier; names are unique.
  func createStudy(name: String, directions: [StudyDirection]) throws(HoneError) -> Int

  /// Creates a trial with the next number in the study.
  func createTrial(
    study: Int, state: TrialState, systemAttrs: [(String, JSON)], start: Double?
  ) throws(HoneError) -> FrozenTrial

  /// Moves the oldest WAITING trial to RUNNING and returns it, or returns nil.
  func popWaitingTrial(study: Int, start: Double) throws(HoneError) -> FrozenTrial?

  /// Records a parameter of a RUNNING trial.
  func setTrialParam(study: Int, number: Int, param: Param) throws(HoneError)

  /// Finishes a RUNNING trial; throws `.state` if another call finished it first.
  func finishTrial(
    study: Int, number: Int, state: TrialState, values: [Double]?, complete: Double
  ) throws(HoneError)

  /// Records an intermediate value of a RUNNING trial; a step already reported is kept.
  func setIntermediateValue(study: Int, number: Int, step: Int64, value: Double) throws(HoneError)

  func setTrialUserAttr(study: Int, number: Int, key: String, value: JSON) throws(HoneError)

  func setTrialSystemAttr(study: Int, number: Int, key: String, value: JSON) throws(HoneError)

  /// One trial, or `.notFound`.
  func trial(study: Int, number: Int) throws(HoneError) -> FrozenTrial

  /// Every trial of the study, ordered by number.
  func trials(study: Int) throws(HoneError) -> [FrozenTrial]

  /// The number of trials in the study.
  func trialCount(study: Int) throws(HoneError) -> Int
}
