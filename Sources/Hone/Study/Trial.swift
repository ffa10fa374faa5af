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
    // Int is Int64 on every platform Hone builds for; the checks keep it exact anywhere else.
    guard let low = Int64(exactly: low), let high = Int64(exactly: high), let step = Int64(exactly: step) else {
      throw .invalidArgument("the bounds and step of '\(name)' must fit in Int64")
    }
    let value = try study.suggestInt(trial: number, name, low, high, step: step, log: log)
    guard let i = Int(exactly: value) else { throw .invalidArgument("\(value) does not fit in Int") }
    return i
  }

  /// One of `choices`.
  public func suggestCategorical(_ name: String, _ choices: [String]) throws(HoneError) -> String {
    let i = try study.suggestCategorical(trial: number, name, choices.map(JSON.string))
    guard choices.indices.contains(i) else { throw .internal("choice \(i) of '\(name)' is out of range") }
    return choices[i]
  }

  /// Reports an intermediate value for pruning.
  public func report(_ value: Double, step: Int) throws(HoneError) {
    guard let step = Int64(exactly: step) else { throw .invalidArgument("step \(step) does not fit in Int64") }
    try study.report(trial: number, step: step, value: value)
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
      Dictionary(try study.trial(number).params.map { ($0.name, $0.external) }, uniquingKeysWith: { a, _ in a })
    }
  }
}

/// Thrown by an objective to mark its trial PRUNED.
public struct TrialPruned: Error, Sendable {
  public init() {}
}
