/// A running trial, as an objective function sees it.
///
/// A `Trial` is a study and a trial number; it holds no state of its own, so it
/// can be passed between threads.
public struct Trial: Sendable {
  public let study: Study
  public let number: Int

  public init(study: Study, number: Int) {
    self.study = study
    self.number = number
  }

  /// A float in [low, high], optionally on a log scale or a grid of `step`.
  public func suggestFloat(
    _ name: String, _ low: Double, _ high: Double, step: Double? = nil, log: Bool = false
  ) throws(HoneError) -> Double {
    try study.suggestFloat(trial: number, name, low, high, step: step, log: log)
  }

  /// An integer in [low, high].
  public func suggestInt(
    _ name: String, _ low: Int, _ high: Int, step: Int = 1, log: Bool = false
  ) throws(HoneError) -> Int {
    Int(try study.suggestInt(trial: number, name, Int64(low), Int64(high), step: Int64(step), log: log))
  }

  /// One of `choices`.
  public func suggestCategorical(_ name: String, _ choices: [String]) throws(HoneError) -> String {
    choices[try study.suggestCategorical(trial: number, name, choices.map(JSON.string))]
  }

  /// Reports an intermediate value for pruning.
  public func report(_ value: Double, step: Int) throws(HoneError) {
    try study.report(trial: number, step: Int64(step), value: value)
  }

  /// Whether the pruner would stop this trial now.
  public func shouldPrune() throws(HoneError) -> Bool {
    try study.shouldPrune(trial: number)
  }

  public func setUserAttr(_ key: String, _ value: JSON) throws(HoneError) {
    try study.setUserAttr(trial: number, key: key, value: value)
  }

  /// The parameters suggested so far, as user-facing values.
  public var params: [String: JSON] {
    get throws(HoneError) {
      Dictionary(uniqueKeysWithValues: try study.trial(number).params.map { ($0.name, $0.external) })
    }
  }
}

/// Thrown by an objective to mark its trial PRUNED.
public struct TrialPruned: Error, Sendable {
  public init() {}
}
