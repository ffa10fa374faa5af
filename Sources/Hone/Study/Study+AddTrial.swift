/// Adding hand-built trials, as Optuna's `Study.add_trial` and `add_trials`.
extension Study {
  /// Validates `trial` and stores it as the study's next trial; returns its number.
  ///
  /// The trial's own number is ignored: the storage numbers it. Every state is
  /// accepted, as in Optuna: a WAITING trial is started by a later `ask`, and a
  /// RUNNING one can be told (it has no heartbeat, so it is never failed as stale).
  /// Samplers and the best-trial queries see an added COMPLETE trial as any other.
  ///
  /// - Throws: `.invalidArgument` for a trial `FrozenTrial.validateForAdding`
  ///   refuses; nothing is stored then.
  @discardableResult
  public func addTrial(_ trial: FrozenTrial) throws(HoneError) -> Int {
    try trial.validateForAdding(directions: directions)
    return try lock.withLock { () throws(HoneError) -> Int in
      try storage.createTrial(study: studyID, template: trial, heartbeat: nil).number
    }
  }

  /// Adds `trials` in order and returns their numbers.
  ///
  /// Every trial is validated before the first is stored, so an invalid one
  /// adds none; a storage failure part way keeps the trials added before it.
  @discardableResult
  public func addTrials(_ trials: [FrozenTrial]) throws(HoneError) -> [Int] {
    for (k, t) in trials.enumerated() {
      do throws(HoneError) {
        try t.validateForAdding(directions: directions)
      } catch {
        throw .invalidArgument("trial \(k) of \(trials.count): \(error.message)")
      }
    }
    return try lock.withLock { () throws(HoneError) -> [Int] in
      var numbers: [Int] = []
      numbers.reserveCapacity(trials.count)
      for t in trials {
        numbers.append(try storage.createTrial(study: studyID, template: t, heartbeat: nil).number)
      }
      return numbers
    }
  }
}
