/// Finishing trials and recording what happens while they run.
extension Study {
  /// Finishes a running trial and returns the state it ended in.
  ///
  /// - `.complete` needs one value per direction. A NaN value marks the trial
  ///   FAIL instead, as Optuna does, and that state is returned.
  /// - `.pruned` records the last intermediate value as the trial's value.
  /// - `.fail` ignores `values`.
  ///
  /// - Throws: `.state` for a trial that is already finished; nothing changes then.
  @discardableResult
  public func tell(trial number: Int, values: [Double], state: TrialState = .complete) throws(HoneError) -> TrialState {
    try lock.withLock { () throws(HoneError) -> TrialState in
      let trial = try runningTrial(number, for: "tell")
      var final = state
      var stored: [Double]?
      switch state {
      case .complete:
        guard values.count == directions.count else {
          throw .invalidArgument(
            "trial \(number) needs \(directions.count) value\(directions.count == 1 ? "" : "s") "
              + "(one per direction), got \(values.count)")
        }
        if values.contains(where: \.isNaN) {
          final = .fail
        } else {
          stored = values
        }
      case .pruned:
        stored = directions.count == 1 ? trial.lastIntermediateValue.map { [$0] } : nil
        if stored?.first?.isNaN == true { stored = nil }
      case .fail:
        stored = nil
      case .running, .waiting:
        throw .invalidArgument("a trial can only be told COMPLETE, PRUNED or FAIL, not \(state.name)")
      }
      try storage.finishTrial(
        study: studyID, number: number, state: final, values: stored, complete: WallClock.now())
      relativeParams[number] = nil
      lastHeartbeats[number] = nil
      var finished = trial
      finished.state = final
      finished.values = stored
      sampler.afterTrial(history(), finished, state: final, values: stored)
      return final
    }
  }

  /// Records the objective's value at `step` while the trial runs.
  ///
  /// A step already reported keeps its first value. NaN is accepted.
  public func report(trial number: Int, step: Int64, value: Double) throws(HoneError) {
    guard step >= 0 else { throw .invalidArgument("step must be non-negative, got \(step)") }
    guard directions.count == 1 else {
      throw .state("intermediate values are only supported in single-objective studies")
    }
    try lock.withLock { () throws(HoneError) in
      _ = try runningTrial(number, for: "report to")
      try storage.setIntermediateValue(study: studyID, number: number, step: step, value: value)
      try beatIfDue(number)
    }
  }

  /// Whether the pruner would stop the trial now.
  ///
  /// What the pruner keeps on the trial (successive halving's rungs) is recorded
  /// in its system attributes, whatever the decision.
  ///
  /// - Throws: `.state` in a multi-objective study, as Optuna's `should_prune` does.
  public func shouldPrune(trial number: Int) throws(HoneError) -> Bool {
    guard directions.count == 1 else {
      throw .state("pruning is only supported in single-objective studies")
    }
    return try lock.withLock { () throws(HoneError) -> Bool in
      let trial = try runningTrial(number, for: "ask the pruner about")
      try beatIfDue(number)
      var attrs: [(String, JSON)] = []
      let prune = try pruner.prune(history(), trial, recording: &attrs)
      for (key, value) in attrs {
        try storage.setTrialSystemAttr(study: studyID, number: number, key: key, value: value)
      }
      return prune
    }
  }

  /// Sets a user attribute on a running trial.
  public func setUserAttr(trial number: Int, key: String, value: JSON) throws(HoneError) {
    guard !key.isEmpty else { throw .invalidArgument("the attribute key must not be empty") }
    try lock.withLock { () throws(HoneError) in
      _ = try runningTrial(number, for: "set an attribute on")
      try storage.setTrialUserAttr(study: studyID, number: number, key: key, value: value)
      try beatIfDue(number)
    }
  }
}
