/// A strategy that proposes parameter values for new trials.
///
/// As in Optuna's `BaseSampler`, a sampler can propose a whole point of a joint
/// search space at once (relative sampling) and single parameters that lie
/// outside it (independent sampling). Values are internal representations.
/// Samplers read history only through the `StudyHistory` they are handed and
/// must be safe to call from several threads.
public protocol Sampler: AnyObject, Sendable {
  /// A short name for reports, e.g. `"random"`.
  var name: String { get }

  /// Called before a trial is created; returns system attributes to record on it.
  ///
  /// - Throws: `.exhausted` when no new trial can be proposed.
  func beforeTrial(_ history: StudyHistory, fixedParams: [(String, JSON)]?) throws(HoneError) -> [(String, JSON)]

  /// `beforeTrial` with the draft of the trial about to start, as Optuna's
  /// `before_trial` receives it; by default the form without the trial.
  func beforeTrial(
    _ history: StudyHistory, _ trial: FrozenTrial, fixedParams: [(String, JSON)]?
  ) throws(HoneError) -> [(String, JSON)]

  /// The joint space to sample relatively for `trial`.
  func inferRelativeSearchSpace(_ history: StudyHistory, _ trial: FrozenTrial) throws(HoneError) -> SearchSpace

  /// A joint point of `space`, keyed by name.
  func sampleRelative(
    _ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace
  ) throws(HoneError) -> [String: ParamValue]

  /// One parameter that the relative point did not cover.
  func sampleIndependent(
    _ history: StudyHistory, _ trial: FrozenTrial, name: String, distribution: Distribution
  ) throws(HoneError) -> ParamValue

  /// Called once a trial has finished.
  func afterTrial(_ history: StudyHistory, _ trial: FrozenTrial, state: TrialState, values: [Double]?)
}

extension Sampler {
  public func beforeTrial(
    _ history: StudyHistory, fixedParams: [(String, JSON)]?
  ) throws(HoneError) -> [(String, JSON)] { [] }

  public func beforeTrial(
    _ history: StudyHistory, _ trial: FrozenTrial, fixedParams: [(String, JSON)]?
  ) throws(HoneError) -> [(String, JSON)] {
    try beforeTrial(history, fixedParams: fixedParams)
  }

  public func inferRelativeSearchSpace(
    _ history: StudyHistory, _ trial: FrozenTrial
  ) throws(HoneError) -> SearchSpace { SearchSpace() }

  public func sampleRelative(
    _ history: StudyHistory, _ trial: FrozenTrial, _ space: SearchSpace
  ) throws(HoneError) -> [String: ParamValue] { [:] }

  public func afterTrial(
    _ history: StudyHistory, _ trial: FrozenTrial, state: TrialState, values: [Double]?
  ) {}
}
