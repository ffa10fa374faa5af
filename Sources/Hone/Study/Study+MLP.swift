/// Training a model for a trial, so the study's pruner can stop it.
extension Study {
  /// Trains an MLP for a running trial.
  ///
  /// Each epoch reports the monitored value (the validation metric, or the training
  /// loss without validation) as the trial's intermediate value at step = epoch and
  /// asks the pruner; when it says prune, training stops with status `.pruned`.
  ///
  /// - Throws: `.state` when the trial is not running; a failed report or pruner
  ///   question ends the training and is rethrown.
  public func trainMLP(
    trial number: Int, data: MLPDataset, validation: MLPDataset?, config: MLPConfig
  ) throws(HoneError) -> MLPTrainingResult {
    let state = try read { s throws(HoneError) in try s.trial(number).state }
    guard state == .running else { throw .state("trial \(number) is \(state.name), not RUNNING") }
    var linkError: HoneError?
    let result = try MLP.train(data, validation: validation, config: config) { epoch, record in
      do throws(HoneError) {
        try self.report(trial: number, step: Int64(epoch), value: record.monitored)
        return try self.shouldPrune(trial: number)
      } catch {
        linkError = error
        return true
      }
    }
    if let linkError { throw linkError }
    return result
  }
}
