/// Heartbeats of running trials, and failing (and retrying) the trials of dead workers.
extension Study {
  /// Records now as the heartbeat of a running trial, for objectives that run long
  /// without calling into the study. Only checks the trial when heartbeats are off.
  public func heartbeat(trial number: Int) throws(HoneError) {
    try lock.withLock { () throws(HoneError) in
      guard heartbeatPolicy != nil else {
        _ = try runningTrial(number, for: "record a heartbeat of")
        return
      }
      let now = WallClock.now()
      try storage.recordHeartbeat(study: studyID, number: number, time: now)
      lastHeartbeats[number] = now
    }
  }

  /// Records a heartbeat if the last one this handle recorded is an interval old.
  ///
  /// Called with the lock held by every call on a running trial, so a worker that
  /// keeps calling keeps its trial alive at the cost of one write per interval.
  func beatIfDue(_ number: Int) throws(HoneError) {
    guard let policy = heartbeatPolicy else { return }
    let now = WallClock.now()
    if let last = lastHeartbeats[number], now - last < policy.interval { return }
    try storage.recordHeartbeat(study: studyID, number: number, time: now)
    lastHeartbeats[number] = now
  }

  /// Marks FAIL the RUNNING trials whose heartbeat is older than the grace period,
  /// and queues their retries; returns the failed trials' numbers.
  ///
  /// `ask` calls this first when heartbeats are on; it does nothing when they are off.
  @discardableResult
  public func failStaleTrials() throws(HoneError) -> [Int] {
    try lock.withLock { () throws(HoneError) -> [Int] in try failStaleTrialsLocked() }
  }

  @discardableResult
  func failStaleTrialsLocked() throws(HoneError) -> [Int] {
    guard let policy = heartbeatPolicy else { return [] }
    let now = WallClock.now()
    let cap = policy.failedTrialRetries
    let failed = try storage.failStaleTrials(study: studyID, before: now - policy.gracePeriod, complete: now) {
      failed in cap.flatMap { Study.retry(of: failed, cap: $0) }
    }
    for trial in failed {
      relativeParams[trial.number] = nil
      lastHeartbeats[trial.number] = nil
      sampler.afterTrial(history(), trial, state: .fail, values: nil)
    }
    return failed.map(\.number)
  }

  /// The WAITING trial that retries `failed` with its parameters, as Optuna's
  /// `RetryFailedTrialCallback`, or nil once it has been retried `cap` times.
  static func retry(of failed: FrozenTrial, cap: Int) -> FrozenTrial? {
    var history: [JSON] = []
    if case .array(let earlier)? = failed.systemAttr("retry_history") { history = earlier }
    history.append(.int(failed.number))
    guard history.count <= cap else { return nil }
    var attrs = failed.systemAttrs
    if attrs.allSatisfy({ $0.0 != "failed_trial" }) { attrs.set("failed_trial", .int(failed.number)) }
    attrs.set("retry_history", .array(history))
    // The parameters are fixed twice: as parameters for define-by-run suggestions, and
    // as fixed_params for a study-wide search space, which samples at ask.
    attrs.set("fixed_params", failed.paramsJSON)
    return FrozenTrial(
      number: 0, state: .waiting, params: failed.params, userAttrs: failed.userAttrs, systemAttrs: attrs)
  }
}
