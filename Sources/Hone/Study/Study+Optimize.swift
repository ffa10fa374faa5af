/// The optimization loop for Swift hosts.
extension Study {
  /// Starts a trial and returns it.
  public func askTrial() throws(HoneError) -> Trial {
    Trial(study: self, number: try ask())
  }

  /// Runs `nTrials` trials of a single-objective `objective`.
  ///
  /// Throwing `TrialPruned` marks a trial PRUNED. Any other error marks it FAIL
  /// and is rethrown, unless `catching` accepts it; a NaN result marks it FAIL.
  /// The loop also ends early when the sampler is exhausted.
  public func optimize(
    nTrials: Int,
    catching: (any Error) -> Bool = { _ in false },
    _ objective: (Trial) throws -> Double
  ) throws {
    try optimize(nTrials: nTrials, catching: catching) { trial in [try objective(trial)] }
  }

  /// Runs `nTrials` trials of a multi-objective `objective`.
  public func optimize(
    nTrials: Int,
    catching: (any Error) -> Bool = { _ in false },
    _ objective: (Trial) throws -> [Double]
  ) throws {
    for _ in 0..<nTrials {
      let trial: Trial
      do {
        trial = try askTrial()
      } catch .exhausted {
        return
      }
      let values: [Double]
      do {
        values = try objective(trial)
      } catch is TrialPruned {
        try tell(trial: trial.number, values: [], state: .pruned)
        continue
      } catch {
        try tell(trial: trial.number, values: [], state: .fail)
        if catching(error) { continue }
        throw error
      }
      try tell(trial: trial.number, values: values)
    }
  }
}
