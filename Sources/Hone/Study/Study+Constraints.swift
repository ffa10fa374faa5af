/// Setting a trial's constraint values, as Optuna's samplers do after the objective returns.
extension Study {
  /// Sets the constraint values of a running trial, each satisfied when ≤ 0.
  ///
  /// Optuna stores them in the system attribute `"constraints"` when the trial
  /// ends, before its state is written; here they are set on the RUNNING trial
  /// just before it is told. Infinities are kept; an empty list means no
  /// constraint binds (the trial is feasible). Setting them again replaces them.
  ///
  /// - Throws: `.invalidArgument` for a NaN value, `.state` for a trial that is
  ///   not RUNNING, `.notFound` for no such trial; nothing changes then.
  public func setConstraints(trial number: Int, _ values: [Double]) throws(HoneError) {
    if let i = values.firstIndex(where: \.isNaN) {
      throw .invalidArgument("constraint \(i) of trial \(number) is NaN; constraint values cannot be NaN")
    }
    try lock.withLock { () throws(HoneError) in
      _ = try runningTrial(number, for: "set the constraints of")
      try storage.setTrialSystemAttr(
        study: studyID, number: number, key: FrozenTrial.constraintsKey, value: .array(values.map(JSON.number)))
    }
  }
}
