/// Creating trials: ask and enqueue.
extension Study {
  /// Starts a new trial and returns its number.
  ///
  /// An enqueued trial is started first. Otherwise the sampler proposes a joint
  /// point of its relative search space now; with a study-wide search space
  /// every parameter is fixed here.
  ///
  /// With a heartbeat policy, stale trials of dead workers are failed (and
  /// retried) first, and the new trial gets its first heartbeat.
  ///
  /// - Throws: `.exhausted` when the sampler has nothing left to propose.
  public func ask() throws(HoneError) -> Int {
    try lock.withLock { () throws(HoneError) -> Int in
      try failStaleTrialsLocked()
      let history = history()
      let now = WallClock.now()
      let heartbeat = heartbeatPolicy == nil ? nil : now
      var trial: FrozenTrial
      if let waiting = try storage.popWaitingTrial(study: studyID, start: now, heartbeat: heartbeat) {
        trial = waiting
        let fixed = Study.fixedParams(of: trial)
        for (k, v) in try sampler.beforeTrial(history, fixedParams: fixed) {
          try storage.setTrialSystemAttr(study: studyID, number: trial.number, key: k, value: v)
          trial.systemAttrs.set(k, v)
        }
      } else {
        let attrs = try sampler.beforeTrial(history, fixedParams: nil)
        trial = try storage.createTrial(
          study: studyID, state: .running, systemAttrs: attrs, start: now, heartbeat: heartbeat)
      }
      if let heartbeat { lastHeartbeats[trial.number] = heartbeat }
      do throws(HoneError) {
        try proposeRelative(for: trial, history: history)
      } catch {
        // A trial the sampler could not serve must not stay RUNNING forever.
        try? storage.finishTrial(
          study: studyID, number: trial.number, state: .fail, values: nil, complete: WallClock.now())
        lastHeartbeats[trial.number] = nil
        throw error
      }
      return trial.number
    }
  }

  private func proposeRelative(for trial: FrozenTrial, history: StudyHistory) throws(HoneError) {
    let space: SearchSpace
    if let searchSpace {
      space = searchSpace
    } else {
      space = try sampler.inferRelativeSearchSpace(history, trial)
    }
    guard !space.isEmpty else { return }
    let fixed = Study.fixedParams(of: trial) ?? []
    // An enqueued trial that fixes the whole space needs no proposal, and a model-based
    // sampler would fit its model for nothing.
    let coversSpace = space.names.allSatisfy { name in fixed.contains { $0.0 == name } }
    let point = coversSpace ? [:] : try sampler.sampleRelative(history, trial, space)
    guard let searchSpace else {
      relativeParams[trial.number] = (space, point)
      return
    }
    // Define-and-run: every parameter is decided at ask time.
    for (name, dist) in zip(searchSpace.names, searchSpace.distributions) {
      let value: Double
      if let f = fixed.first(where: { $0.0 == name }) {
        value = try Study.fixedValue(f.1, name: name, distribution: dist)
      } else if let v = point[name], dist.contains(v) {
        value = v
      } else if dist.isSingle {
        value = dist.fromUnit(0)
      } else {
        value = try sampler.sampleIndependent(history, trial, name: name, distribution: dist)
      }
      try storage.setTrialParam(
        study: studyID, number: trial.number, param: Param(name: name, distribution: dist, value: value))
    }
  }

  /// Queues a trial whose parameters in `params` are fixed; the next `ask` starts it.
  ///
  /// Parameters not named are sampled as usual. With `skipIfExists`, nothing is
  /// queued when a trial in any state already has exactly these parameters (its
  /// fixed ones, if it was enqueued), as in Optuna; within one study handle the
  /// check and the queueing are atomic, between processes they are not.
  ///
  /// - Returns: the number of the queued trial, or nil when it was skipped.
  @discardableResult
  public func enqueueTrial(
    _ params: [(String, JSON)], userAttrs: [(String, JSON)] = [], skipIfExists: Bool = false
  ) throws(HoneError) -> Int? {
    for (name, value) in params {
      switch value {
      case .array, .object:
        throw .invalidArgument("enqueued parameter '\(name)' must be a scalar, not an \(value.typeName)")
      default: break
      }
    }
    return try lock.withLock { () throws(HoneError) -> Int? in
      if skipIfExists {
        let wanted = Dictionary(params, uniquingKeysWith: { _, last in last })
        for t in try cache.refreshed(from: storage, study: studyID) {
          let have = Study.fixedParams(of: t) ?? t.params.map { ($0.name, $0.external) }
          if Dictionary(have, uniquingKeysWith: { _, last in last }) == wanted { return nil }
        }
      }
      let template = FrozenTrial(
        number: 0, state: .waiting, userAttrs: userAttrs, systemAttrs: [("fixed_params", .object(params))])
      return try storage.createTrial(study: studyID, template: template, heartbeat: nil).number
    }
  }

  /// `enqueueTrial` with its options as hosts pass them: `{"user_attrs": {...},
  /// "skip_if_exists": false}`; unknown keys are errors that name the key.
  public func enqueueTrial(_ params: [(String, JSON)], optionsJSON: JSON?) throws(HoneError) -> Int? {
    guard let optionsJSON, optionsJSON != .null else { return try enqueueTrial(params) }
    guard case .object(let members) = optionsJSON else {
      throw .invalidArgument("enqueue options must be a JSON object, not \(optionsJSON.typeName)")
    }
    let r = JSONObjectReader(members, context: "enqueue options")
    try r.allowOnly(["user_attrs", "skip_if_exists"])
    return try enqueueTrial(
      params, userAttrs: try r.optionalObject("user_attrs") ?? [],
      skipIfExists: try r.optionalBool("skip_if_exists") ?? false)
  }

  static func fixedParams(of trial: FrozenTrial) -> [(String, JSON)]? {
    guard case .object(let members)? = trial.systemAttr("fixed_params") else { return nil }
    return members
  }

  /// The internal value of an enqueued value, which must at least fit the distribution's kind.
  static func fixedValue(_ value: JSON, name: String, distribution: Distribution) throws(HoneError) -> Double {
    guard let x = distribution.internal(value) else {
      throw .invalidArgument(
        "enqueued value \(value.text) for '\(name)' does not fit \(distribution.summary)")
    }
    return x
  }
}
