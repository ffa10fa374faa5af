/// A storage that keeps everything in this process's memory.
public final class InMemoryStorage: Storage, @unchecked Sendable {
  private final class StudyRecord {
    let name: String
    let directions: [StudyDirection]
    var trials: [FrozenTrial] = []
    /// Numbers of WAITING trials, oldest first.
    var waiting: [Int] = []
    var heartbeats: [Int: Double] = [:]
    var changes = ChangeList()
    var userAttrs: [(String, JSON)] = []
    var systemAttrs: [(String, JSON)] = []

    init(name: String, directions: [StudyDirection]) {
      self.name = name
      self.directions = directions
    }
  }

  private let lock = Lock()
  /// Studies by identifier, which is the index; a deleted study leaves nil, so
  /// identifiers are never reused and a handle to it cannot reach a newer study.
  private var studies: [StudyRecord?] = []

  public init() {}

  public func createStudy(
    name: String, directions: [StudyDirection], trials: [FrozenTrial]
  ) throws(HoneError) -> Int {
    try lock.withLock { () throws(HoneError) -> Int in
      if studies.contains(where: { $0?.name == name }) {
        throw .invalidArgument("a study named '\(name)' already exists")
      }
      let record = StudyRecord(name: name, directions: directions)
      for t in trials { _ = append(t, to: record, heartbeat: nil) }
      studies.append(record)
      return studies.count - 1
    }
  }

  public func findStudy(name: String) throws(HoneError) -> StoredStudy? {
    lock.withLock {
      guard let id = studies.firstIndex(where: { $0?.name == name }), let s = studies[id] else { return nil }
      return StoredStudy(id: id, name: s.name, directions: s.directions)
    }
  }

  public func deleteStudy(name: String) throws(HoneError) {
    try lock.withLock { () throws(HoneError) in
      guard let id = studies.firstIndex(where: { $0?.name == name }) else {
        throw .notFound("no study named '\(name)'")
      }
      studies[id] = nil
    }
  }

  public func studySummaries() throws(HoneError) -> [StudySummary] {
    lock.withLock {
      studies.compactMap { $0 }.map { s in
        StudySummary(
          name: s.name, directions: s.directions, nTrials: s.trials.count,
          bestTrial: StudySummary.best(of: s.trials, directions: s.directions),
          datetimeStart: s.trials.compactMap(\.datetimeStart).min(),
          userAttrs: s.userAttrs, systemAttrs: s.systemAttrs)
      }
    }
  }

  public func setStudyUserAttr(study: Int, key: String, value: JSON) throws(HoneError) {
    try lock.withLock { () throws(HoneError) in try record(study).userAttrs.set(key, value) }
  }

  public func setStudySystemAttr(study: Int, key: String, value: JSON) throws(HoneError) {
    try lock.withLock { () throws(HoneError) in try record(study).systemAttrs.set(key, value) }
  }

  public func studyUserAttrs(study: Int) throws(HoneError) -> [(String, JSON)] {
    try lock.withLock { () throws(HoneError) -> [(String, JSON)] in try record(study).userAttrs }
  }

  public func studySystemAttrs(study: Int) throws(HoneError) -> [(String, JSON)] {
    try lock.withLock { () throws(HoneError) -> [(String, JSON)] in try record(study).systemAttrs }
  }

  public func createTrial(
    study: Int, template: FrozenTrial, heartbeat: Double?
  ) throws(HoneError) -> FrozenTrial {
    try lock.withLock { () throws(HoneError) -> FrozenTrial in
      append(template, to: try record(study), heartbeat: heartbeat)
    }
  }

  /// Adds `template` as the study's next trial; the caller holds the lock.
  private func append(_ template: FrozenTrial, to s: StudyRecord, heartbeat: Double?) -> FrozenTrial {
    var trial = template
    trial.number = s.trials.count
    s.trials.append(trial)
    s.changes.touch(trial.number)
    if trial.state == .waiting { s.waiting.append(trial.number) }
    if let heartbeat, trial.state == .running { s.heartbeats[trial.number] = heartbeat }
    return trial
  }

  public func popWaitingTrial(study: Int, start: Double, heartbeat: Double?) throws(HoneError) -> FrozenTrial? {
    try lock.withLock { () throws(HoneError) -> FrozenTrial? in
      let s = try record(study)
      guard !s.waiting.isEmpty else { return nil }
      let number = s.waiting.removeFirst()
      s.trials[number].state = .running
      s.trials[number].datetimeStart = start
      s.changes.touch(number)
      if let heartbeat { s.heartbeats[number] = heartbeat }
      return s.trials[number]
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

  public func setTrialParams(study: Int, number: Int, params: [Param]) throws(HoneError) {
    try mutateRunning(study, number) { t in
      var positions = Dictionary(t.params.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
      for p in params {
        if let i = positions[p.name] {
          t.params[i] = p
        } else {
          positions[p.name] = t.params.count
          t.params.append(p)
        }
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

  public func recordHeartbeat(study: Int, number: Int, time: Double) throws(HoneError) {
    try lock.withLock { () throws(HoneError) in
      let s = try runningRecord(study, number)
      s.heartbeats[number] = time
    }
  }

  public func failStaleTrials(
    study: Int, before: Double, complete: Double, retry: (FrozenTrial) -> FrozenTrial?
  ) throws(HoneError) -> [FrozenTrial] {
    try lock.withLock { () throws(HoneError) -> [FrozenTrial] in
      let s = try record(study)
      var failed: [FrozenTrial] = []
      for (number, beat) in s.heartbeats.sorted(by: { $0.key < $1.key })
      where beat < before && s.trials[number].state == .running {
        s.trials[number].state = .fail
        s.trials[number].datetimeComplete = complete
        s.changes.touch(number)
        s.heartbeats[number] = nil
        failed.append(s.trials[number])
        if let again = retry(s.trials[number]) { _ = append(again, to: s, heartbeat: nil) }
      }
      return failed
    }
  }

  public func trial(study: Int, number: Int) throws(HoneError) -> FrozenTrial {
    try lock.withLock { () throws(HoneError) -> FrozenTrial in
      let s = try record(study)
      guard s.trials.indices.contains(number) else {
        throw .notFound("no trial \(number) in study '\(s.name)'")
      }
      return s.trials[number]
    }
  }

  public func trialChanges(study: Int, since cursor: Int64) throws(HoneError) -> TrialChanges {
    try lock.withLock { () throws(HoneError) -> TrialChanges in
      let s = try record(study)
      if cursor == 0 { return TrialChanges(trials: s.trials, cursor: s.changes.last) }
      let numbers = s.changes.changed(after: cursor)
      return TrialChanges(trials: numbers.map { s.trials[$0] }, cursor: s.changes.last)
    }
  }

  public func trialCount(study: Int) throws(HoneError) -> Int {
    try lock.withLock { () throws(HoneError) -> Int in try record(study).trials.count }
  }

  private func record(_ study: Int) throws(HoneError) -> StudyRecord {
    guard studies.indices.contains(study), let s = studies[study] else {
      throw .notFound("no study with id \(study)")
    }
    return s
  }

  /// The study of a trial that exists and is RUNNING, or the error that says why not.
  private func runningRecord(_ study: Int, _ number: Int) throws(HoneError) -> StudyRecord {
    let s = try record(study)
    guard s.trials.indices.contains(number) else {
      throw .notFound("no trial \(number) in study '\(s.name)'")
    }
    let state = s.trials[number].state
    guard state == .running else {
      throw .state("trial \(number) is \(state.name), not RUNNING")
    }
    return s
  }

  /// Applies `body` to a trial under the lock if, and only if, it is RUNNING.
  private func mutateRunning(
    _ study: Int, _ number: Int, _ body: (inout FrozenTrial) -> Void
  ) throws(HoneError) {
    try lock.withLock { () throws(HoneError) in
      let s = try runningRecord(study, number)
      body(&s.trials[number])
      s.changes.touch(number)
    }
  }
}
