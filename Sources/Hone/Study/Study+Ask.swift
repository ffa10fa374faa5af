/// Creating trials: ask and enqueue.
extension Study {
  /// Starts a new trial and returns its number.
  ///
  /// An enqueued trial is started first. Otherwise the sampler proposes a joint
  /// point of its relative search space now; with a study-wide search space
  /// every parameter is fixed here, in one storage call.
  ///
  /// Everything is decided on a draft of the trial before anything is written, so
  /// a failing ask changes nothing: no trial is created, started or failed.
  ///
  /// With a heartbeat policy, stale trials of dead workers are failed (and
  /// retried) first, and the new trial gets its first heartbeat.
  ///
  /// - Throws: `.exhausted` when the sampler has nothing left to propose;
  ///   `.invalidArgument` when an enqueued value does not fit the search space.
  public func ask() throws(HoneError) -> Int {
    try lock.withLock { () throws(HoneError) -> Int in
      try failStaleTrialsLocked()
      let history = history()
      let now = WallClock.now()
      let heartbeat = heartbeatPolicy == nil ? nil : now
      let known = try history.trials()
      // The oldest WAITING trial is the one `popWaitingTrial` starts, unless another worker takes it first.
      let waiting = cache.oldestWaiting().flatMap { $0 < known.count ? known[$0] : nil }
      var draft = waiting ?? FrozenTrial(number: known.count, state: .running)
      draft.state = .running
      draft.datetimeStart = now
      let plan = try self.plan(for: &draft, history: history)

      var trial: FrozenTrial
      var planned: Bool
      if waiting != nil, let popped = try storage.popWaitingTrial(study: studyID, start: now, heartbeat: heartbeat) {
        trial = popped
        planned = popped.number == draft.number
        if planned { try record(plan, attrs: draft.systemAttrs, on: &trial, since: popped) }
      } else {
        var template = waiting == nil ? draft : FrozenTrial(number: 0, state: .running, datetimeStart: now)
        if waiting == nil { template.params = plan.params }
        trial = try storage.createTrial(study: studyID, template: template, heartbeat: heartbeat)
        planned = waiting == nil && trial.number == draft.number
      }
      if let heartbeat { lastHeartbeats[trial.number] = heartbeat }
      if !planned {
        // Another worker took the trial this ask planned for: plan the one it got, as it now stands.
        do throws(HoneError) {
          let started = trial
          let again = try self.plan(for: &trial, history: history)
          try record(again, attrs: trial.systemAttrs, on: &trial, since: started)
          relativeParams[trial.number] = again.relative
        } catch {
          // A trial the sampler could not serve must not stay RUNNING forever.
          try? storage.finishTrial(
            study: studyID, number: trial.number, state: .fail, values: nil, complete: WallClock.now())
          lastHeartbeats[trial.number] = nil
          throw error
        }
        return trial.number
      }
      relativeParams[trial.number] = plan.relative
      return trial.number
    }
  }

  /// What `ask` decides for a trial before it is written.
  struct AskPlan {
    /// Every parameter, in define-and-run.
    var params: [Param] = []
    /// The relative point for later suggestions, in define-by-run.
    var relative: (SearchSpace, [String: ParamValue])?
  }

  /// Decides the system attributes of `draft` (recorded on it) and its parameters,
  /// writing nothing; throws when an enqueued value cannot be used.
  private func plan(for draft: inout FrozenTrial, history: StudyHistory) throws(HoneError) -> AskPlan {
    let fixedList = Study.fixedParams(of: draft)
    for (k, v) in try sampler.beforeTrial(history, draft, fixedParams: fixedList) { draft.systemAttrs.set(k, v) }
    let fixed = Dictionary(fixedList ?? [], uniquingKeysWith: { _, last in last })
    let trial = draft
    let space: SearchSpace
    if let searchSpace {
      space = searchSpace
      // Refuse an enqueued value that can never fit before the sampler does any work.
      for (name, value) in fixedList ?? [] {
        if let d = searchSpace[name] { _ = try Study.fixedValue(value, name: name, distribution: d) }
      }
    } else {
      space = try sampler.inferRelativeSearchSpace(history, trial)
    }
    guard !space.isEmpty else { return AskPlan() }
    // An enqueued trial that fixes the whole space needs no proposal, and a model-based
    // sampler would fit its model for nothing.
    let coversSpace = space.names.allSatisfy { fixed[$0] != nil }
    let point = coversSpace ? [:] : try sampler.sampleRelative(history, trial, space)
    guard let searchSpace else { return AskPlan(relative: (space, point)) }
    // Define-and-run: every parameter is decided at ask time.
    var params: [Param] = []
    params.reserveCapacity(searchSpace.count)
    for (name, dist) in zip(searchSpace.names, searchSpace.distributions) {
      let value: ParamValue
      if let f = fixed[name] {
        value = try Study.fixedValue(f, name: name, distribution: dist)
      } else if let v = point[name], dist.contains(v) {
        value = v
      } else if dist.isSingle {
        value = dist.fromUnit(0)
      } else {
        value = try sampler.sampleIndependent(history, trial, name: name, distribution: dist)
      }
      params.append(Param(name: name, distribution: dist, value: value))
    }
    return AskPlan(params: params)
  }

  /// Writes what `plan` decided on a started trial: the attributes `started` lacks, and every parameter.
  private func record(
    _ plan: AskPlan, attrs: [(String, JSON)], on trial: inout FrozenTrial, since started: FrozenTrial
  ) throws(HoneError) {
    for (k, v) in attrs where started.systemAttr(k) != v {
      try storage.setTrialSystemAttr(study: studyID, number: trial.number, key: k, value: v)
      trial.systemAttrs.set(k, v)
    }
    if !plan.params.isEmpty {
      try storage.setTrialParams(study: studyID, number: trial.number, params: plan.params)
      trial.params = plan.params
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
    if let searchSpace {
      // A value that can never fit the study's space is refused now, not when the trial is asked.
      for (name, value) in params {
        if let d = searchSpace[name] { _ = try Study.fixedValue(value, name: name, distribution: d) }
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

  /// The internal value of an enqueued value, which must at least fit the distribution's kind:
  /// a finite number for a float, a whole number in the Int64 range for an int, one of the choices.
  static func fixedValue(_ value: JSON, name: String, distribution: Distribution) throws(HoneError) -> ParamValue {
    guard let x = distribution.internal(value) else {
      throw .invalidArgument(
        "enqueued value \(value.text) for '\(name)' does not fit \(distribution.summary)")
    }
    return x
  }
}
