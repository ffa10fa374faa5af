/// A storage that keeps everything in this process's memory.
public final class InMemoryStorage: Storage, @unchecked Sendable {
  private struct StudyRecord {
    var name: String
    var directions: [StudyDirection]
    var trials: [FrozenTrial] = []
    /// Numbers of WAITING trials, oldest first.
    var waiting: [Int] = []
  }

  private let lock = Lock()
  private var studies: [StudyRecord] = []

  public init() {}

  public func createStudy(name: String, directions: [StudyDirection]) throws(HoneError) -> Int {
    try lock.withLock { () throws(HoneError) -> Int in
      if studies.contains(where: { $0.name == name }) {
        throw .invalidArgument("a study named '\(name)' already exists")
      }
      studies.append(StudyRecord(name: name, directions: directions))
      return studies.count - 1
    }
  }

  public func createTrial(
    study: Int, state: TrialState, systemAttrs: [(String, JSON)], start: Double?
  ) throws(HoneError) -> FrozenTrial {
    try lock.withLock { () throws(HoneError) -> FrozenTrial in
      try checkStudy(study)
      let number = studies[study].trials.count
      let trial = FrozenTrial(
        number: number, state: state, systemAttrs: systemAttrs, datetimeStart: start)
      studies[study].trials.append(trial)
      if state == .waiting { studies[study].waiting.append(number) }
      return trial
    }
  }

  public func popWaitingTrial(study: Int, start: Double) throws(HoneError) -> FrozenTrial? {
    try lock.withLock { () throws(HoneError) -> FrozenTrial? in
      try checkStudy(study)
      guard !studies[study].waiting.isEmpty else { return nil }
      let number = studies[study].waiting.removeFirst()
      studies[study].trials[number].state = .running
      studies[study].trials[number].datetimeStart = start
      return studies[study].trials[number]
    }
  }

  public func setTrialParam(study: Int, number: Int, param: Param) throws(HoneError) {
    try mutateRunning(study, number) { t in
      if let i = t.params.firstIndex(where: { $0.name == param.name }) {
        t.params[i] = param
      } else {
        t.params.append(param)
      }
    }
  }

  public func finishTrial(
    study: Int, number: Int, state: TrialState, values: [Double]?, complete: Double
  ) throws(HoneError) {
    try mutateRunning(study, number) { t in
      t.state = state
      t.values = values
      t.datetimeComplete = complete
    }
  }

  public func setIntermediateValue(
    study: Int, number: Int, step: Int64, value: Double
  ) throws(HoneError) {
    try mutateRunning(study, number) { t in
      if t.intermediateValues[step] == nil { t.intermediateValues[step] = value }
    }
  }

  public func setTrialUserAttr(study: Int, number: Int, key: String, value: JSON) throws(HoneError) {
    try mutateRunning(study, number) { $0.userAttrs.set(key, value) }
  }

  public func setTrialSystemAttr(
    study: Int, number: Int, key: String, value: JSON
  ) throws(HoneError) {
    try mutateRunning(study, number) { $0.systemAttrs.set(key, value) }
  }

  public func trial(study: Int, number: Int) throws(HoneError) -> FrozenTrial {
    try lock.withLock { () throws(HoneError) -> FrozenTrial in
      try checkTrial(study, number)
      return studies[study].trials[number]
    }
  }

  public func trials(study: Int) throws(HoneError) -> [FrozenTrial] {
    try lock.withLock { () throws(HoneError) -> [FrozenTrial] in
      try checkStudy(study)
      return studies[study].trials
    }
  }

  public func trialCount(study: Int) throws(HoneError) -> Int {
    try lock.withLock { () throws(HoneError) -> Int in
      try checkStudy(study)
      return studies[study].trials.count
    }
  }

  private func checkStudy(_ study: Int) throws(HoneError) {
    guard studies.indices.contains(study) else { throw .notFound("no study with id \(study)") }
  }

  private func checkTrial(_ study: Int, _ number: Int) throws(HoneError) {
    try checkStudy(study)
    guard studies[study].trials.indices.contains(number) else {
      throw .notFound("no trial \(number) in study '\(studies[study].name)'")
    }
  }

  /// Applies `body` to a trial under the lock if, and only if, it is RUNNING.
  private func mutateRunning(
    _ study: Int, _ number: Int, _ body: (inout FrozenTrial) -> Void
  ) throws(HoneError) {
    try lock.withLock { () throws(HoneError) in
      try checkTrial(study, number)
      let state = studies[study].trials[number].state
      guard state == .running else {
        throw .state("trial \(number) is \(state.name), not RUNNING")
      }
      body(&studies[study].trials[number])
    }
  }
}
