/// How a training run ended.
public enum MLPTrainingStatus: String, Sendable {
  /// All epochs ran.
  case completed
  /// Early stopping ran out of patience; the model holds the best weights.
  case earlyStopped = "early_stopped"
  /// The time budget ran out at the end of an epoch.
  case timeBudget = "time_budget"
  /// The per-epoch callback asked to stop (a pruner).
  case pruned
  /// The loss became NaN or infinite; the model holds the last finite best weights.
  case diverged
}

/// What one epoch measured.
public struct MLPEpochRecord: Equatable, Sendable {
  /// The epoch, counted from 1.
  public let epoch: Int
  /// The mean mini-batch loss over the epoch, without penalties.
  public let trainLoss: Double
  /// The learning rate of the epoch's last step.
  public let learningRate: Double
  /// The validation measures, when there is a validation set.
  public let validation: MLPMetrics?
  /// The value of the monitored metric: the validation metric, or the training loss without validation.
  public let monitored: Double
}

/// The outcome of `MLP.train`.
public struct MLPTrainingResult: Sendable {
  /// The trained model: the best epoch's weights when early stopping is on or training
  /// diverged, otherwise the last epoch's.
  public let model: MLPModel
  /// How training ended.
  public let status: MLPTrainingStatus
  /// One record per completed epoch.
  public let history: [MLPEpochRecord]
  /// The epoch (from 1) whose monitored value was best, 0 when no epoch completed.
  public let bestEpoch: Int
  /// The best monitored value, NaN when no epoch completed.
  public let bestValue: Double
  /// Why training diverged, when it did.
  public let message: String?
}

/// Training of multilayer perceptrons.
public enum MLP {
  /// The most classes a multiclass model may have.
  public static let maxClasses = 1 << 16
  /// The most activations one layer of one mini-batch may hold (1 GiB of Float32).
  public static let maxBatchElements = 1 << 28

  /// Trains a network on `data`, validating on `validation` or on a seeded `validationFraction` split.
  ///
  /// `onEpoch` sees each epoch's record after it ends and returns true to stop
  /// training with status `pruned`. Bad data or configuration throws
  /// `invalidArgument`; a diverging loss is reported in the result, never thrown.
  ///
  /// The OpenBLAS thread count is process-wide: the call sets it to `config.threads`
  /// and restores it on return, so concurrent trainings should agree on it.
  /// Without a validation set, early stopping watches the training loss.
  public static func train(
    _ data: MLPDataset, validation: MLPDataset? = nil, config: MLPConfig,
    onEpoch: ((Int, MLPEpochRecord) -> Bool)? = nil
  ) throws(HoneError) -> MLPTrainingResult {
    try config.validate()
    var train = data
    var valid = validation
    if valid == nil, config.validationFraction > 0 {
      (train, valid) = try data.split(validationFraction: config.validationFraction, seed: config.seed)
    }
    let outputs: Int
    switch config.task {
    case .regression: outputs = train.targetColumns
    case .binary: outputs = 1
    case .multiclass:
      outputs = max(try train.classCount(limit: maxClasses), try valid?.classCount(limit: maxClasses) ?? 2)
    }
    let layout = try MLPLayout(sizes: [train.features] + config.hiddenLayers + [outputs])
    let widest = layout.sizes.max() ?? 1
    guard widest <= maxBatchElements / min(config.batchSize, train.rows) else {
      throw .invalidArgument("mlp: batch_size × widest layer exceeds \(maxBatchElements) activations")
    }
    let standardizer = config.standardize ? MLPStandardizer(fitting: train) : nil
    var rng = Xoshiro256(seed: config.seed, stream: 0x1417)
    var model = MLPModel(
      task: config.task, loss: config.resolvedLoss, activations: config.resolvedActivations, huberDelta: Float(config.huberDelta),
      layout: layout, parameters: layout.initialParameters(config.resolvedInitializations, rng: &rng),
      standardizer: standardizer)
    try model.checkTargets(train)
    if let v = valid {
      guard v.features == train.features else {
        throw .invalidArgument("mlp: validation rows have \(v.features) features, training rows \(train.features)")
      }
      try model.checkTargets(v)
      if config.resolvedMetric == .rocAUC, !v.hasEveryClass(model.classCount) {
        throw .invalidArgument("mlp: metric 'roc_auc' needs every class in the validation set")
      }
    }
    if let s = standardizer {
      s.apply(&train.x)
      if var v = valid {
        s.apply(&v.x)
        valid = v
      }
    }
    let previousThreads = BLASThreads.current
    BLASThreads.set(config.threads)
    defer { BLASThreads.set(previousThreads) }
    let loop = MLPTrainingLoop(config: config, layout: layout, train: train, validation: valid, seed: config.seed)
    return try loop.run(model: &model, onEpoch: onEpoch)
  }
}
