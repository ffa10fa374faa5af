/// What an MLP learns to predict, which fixes its output layer and loss family.
public enum MLPTask: String, Sendable, CaseIterable {
  /// Real-valued targets, one output per target column.
  case regression
  /// Labels 0 and 1, one logit output.
  case binary
  /// Labels 0..<k, k logit outputs.
  case multiclass
}

/// The loss minimized during training.
public enum MLPLoss: String, Sendable, CaseIterable {
  /// Mean squared error (regression).
  case mse
  /// Mean absolute error (regression).
  case mae
  /// Huber loss with threshold `huberDelta` (regression).
  case huber
  /// Sigmoid + binary cross-entropy or softmax + cross-entropy, by task.
  case crossEntropy = "cross_entropy"
  /// Hinge loss: max(0, 1 − t·z) for binary, Weston–Watkins for multiclass.
  case hinge
}

/// An elementwise activation applied after a hidden dense layer.
public enum MLPActivation: String, Sendable, CaseIterable {
  case relu
  case leakyRelu = "leaky_relu"
  case elu
  case gelu
  case tanh
  case sigmoid
  case linear
}

/// How initial weights are drawn; biases always start at zero.
public enum MLPInitialization: String, Sendable, CaseIterable {
  case heUniform = "he_uniform"
  case heNormal = "he_normal"
  case xavierUniform = "xavier_uniform"
  case xavierNormal = "xavier_normal"
}

/// The first-order optimizer that turns gradients into parameter updates.
public enum MLPOptimizerKind: String, Sendable, CaseIterable {
  case sgd
  case momentum
  case nesterov
  case adagrad
  case rmsprop
  case adam
  case adamw
}

/// A learning-rate schedule, a multiplier on the base rate as a function of training progress.
///
/// Epoch arguments are counted after warmup, in (fractional) epochs.
public enum MLPSchedule: Equatable, Sendable {
  /// The base rate throughout.
  case constant
  /// Multiply by `gamma` every `stepEpochs` epochs.
  case step(stepEpochs: Int, gamma: Double)
  /// Multiply by `gamma` every epoch.
  case exponential(gamma: Double)
  /// Cosine annealing to `minFactor`, restarting after `period` epochs, each period `periodMultiplier` times longer.
  ///
  /// Periods, here and in `cyclic`, must be at least 1e-6 epochs.
  case cosine(period: Double, periodMultiplier: Double, minFactor: Double)
  /// Triangular cycles between the base rate and `maxFactor`×base, each `2·halfPeriod` epochs long;
  /// `halving` (triangular2) halves the amplitude every cycle.
  case cyclic(halfPeriod: Double, maxFactor: Double, halving: Bool)
  /// One cycle: cosine from `maxFactor/divFactor` up to `maxFactor` over the first `pctStart` of training,
  /// then down to `maxFactor/(divFactor·finalDivFactor)`; factors multiply the base rate.
  case oneCycle(maxFactor: Double, pctStart: Double, divFactor: Double, finalDivFactor: Double)
}

/// The measure early stopping and pruning watch on the validation set.
public enum MLPMetric: String, Sendable, CaseIterable {
  case loss, mse, mae, r2, accuracy, precision, recall, f1
  case rocAUC = "roc_auc"
  case logLoss = "log_loss"

  /// Whether larger values are better.
  public var maximizes: Bool {
    switch self {
    case .loss, .mse, .mae, .logLoss: return false
    case .r2, .accuracy, .precision, .recall, .f1, .rocAUC: return true
    }
  }
}

/// Every setting of MLP training; the defaults are the documented ones.
///
/// JSON keys (see `MLPConfig.init(json:)`): `task`, `loss`, `hidden_layers`,
/// `activation`, `init`, `optimizer`, `learning_rate`, `batch_size`, `epochs`,
/// `weight_decay`, `l1`, `l2`, `dropout`, `momentum`, `schedule`,
/// `warmup_epochs`, `early_stopping_patience`, `min_delta`,
/// `validation_fraction`, `standardize`, `seed`, `threads`, `metric`,
/// `gradient_clip`, `hypergradient_lr`, `time_budget`.
public struct MLPConfig: Equatable, Sendable {
  /// The task; default regression.
  public var task: MLPTask = .regression
  /// The loss; nil picks MSE for regression and cross-entropy for classification.
  public var loss: MLPLoss? = nil
  /// The width of each hidden layer, input side first; default [64].
  public var hiddenLayers: [Int] = [64]
  /// The activation of every hidden layer; default relu.
  public var activation: MLPActivation = .relu
  /// One activation per hidden layer, overriding `activation`; nil for none.
  public var layerActivations: [MLPActivation]? = nil
  /// The weight initialization; nil picks He uniform for relu-like activations, Xavier uniform otherwise.
  public var initialization: MLPInitialization? = nil
  /// The optimizer; default adam.
  public var optimizer: MLPOptimizerKind = .adam
  /// The base learning rate; default 0.001.
  public var learningRate: Double = 0.001
  /// Rows per mini-batch; default 32.
  public var batchSize: Int = 32
  /// The maximum number of epochs; default 100.
  public var epochs: Int = 100
  /// Decoupled weight decay, w ← w − lr·wd·w each step; nil means 0.01 for adamw and 0 otherwise.
  public var weightDecay: Double? = nil
  /// The L1 penalty coefficient on weights (not biases); default 0.
  public var l1: Double = 0
  /// The L2 penalty coefficient on weights, added to the gradient; default 0.
  public var l2: Double = 0
  /// Inverted-dropout rate after each hidden layer: one value or one per hidden layer; default 0.
  public var dropout: [Double] = [0]
  /// Momentum for momentum and nesterov, and the decay ρ of rmsprop; default 0.9.
  public var momentum: Double = 0.9
  /// Adam's β1 and β2; default 0.9 and 0.999.
  public var beta1: Double = 0.9
  public var beta2: Double = 0.999
  /// The denominator guard of the adaptive optimizers; default 1e-8.
  public var epsilon: Double = 1e-8
  /// The learning-rate schedule; default constant.
  public var schedule: MLPSchedule = .constant
  /// Epochs of linear warmup before the schedule; default 0.
  public var warmupEpochs: Int = 0
  /// Epochs without improvement before stopping; 0 (default) disables early stopping.
  public var earlyStoppingPatience: Int = 0
  /// The smallest change of the monitored metric that counts as improvement; default 0.
  public var minDelta: Double = 0
  /// The fraction of rows held out for validation when no validation set is given; default 0.
  public var validationFraction: Double = 0
  /// Whether to standardize features with statistics of the training rows; default true.
  public var standardize: Bool = true
  /// The seed of initialization, splitting, shuffling and dropout; default 0.
  public var seed: UInt64 = 0
  /// OpenBLAS threads during training; default 1.
  public var threads: Int = 1
  /// The monitored validation metric; nil picks the loss.
  public var metric: MLPMetric? = nil
  /// The global gradient-norm clip; 0 (default) disables clipping.
  public var gradientClip: Double = 0
  /// The hypergradient learning rate β of Baydin et al. (2018); 0 (default) disables adaptation.
  public var hypergradientLR: Double = 0
  /// The threshold of the Huber loss; default 1.
  public var huberDelta: Double = 1
  /// Wall-clock seconds after which training stops at the end of an epoch; 0 (default) means none.
  public var timeBudget: Double = 0

  /// The default configuration.
  public init() {}

  /// The loss in force: the explicit one or the task's default.
  public var resolvedLoss: MLPLoss { loss ?? (task == .regression ? .mse : .crossEntropy) }
  /// The activation of each hidden layer.
  public var resolvedActivations: [MLPActivation] {
    layerActivations ?? Array(repeating: activation, count: hiddenLayers.count)
  }

  /// The initialization of each dense layer's weights: the one given, else He uniform
  /// into relu-like activations and Xavier uniform otherwise. The output layer
  /// follows the last hidden layer, so one activation gives one scheme throughout.
  public var resolvedInitializations: [MLPInitialization] {
    let hidden = resolvedActivations.map { a in
      initialization ?? ([.relu, .leakyRelu, .elu, .gelu].contains(a) ? .heUniform : .xavierUniform)
    }
    return hidden + [hidden.last ?? initialization ?? .xavierUniform]
  }
  /// The decoupled weight decay in force.
  public var resolvedWeightDecay: Double { weightDecay ?? (optimizer == .adamw ? 0.01 : 0) }
  /// The monitored metric in force.
  public var resolvedMetric: MLPMetric { metric ?? .loss }

  /// Checks every value and its fit with the task; throws `invalidArgument` naming the first bad setting.
  public func validate() throws(HoneError) {
    func bad(_ key: String, _ why: String) -> HoneError { .invalidArgument("mlp config: '\(key)' \(why)") }
    let loss = resolvedLoss
    switch task {
    case .regression:
      guard [.mse, .mae, .huber].contains(loss) else {
        throw bad("loss", "'\(loss.rawValue)' does not fit task 'regression'")
      }
    case .binary, .multiclass:
      guard [.crossEntropy, .hinge].contains(loss) else {
        throw bad("loss", "'\(loss.rawValue)' does not fit task '\(task.rawValue)'")
      }
    }
    guard !hiddenLayers.contains(where: { $0 < 1 || $0 > 1 << 20 }) else {
      throw bad("hidden_layers", "widths must be in 1...1048576")
    }
    guard learningRate.isFinite, learningRate > 0 else {
      throw bad("learning_rate", "must be positive, got \(learningRate)")
    }
    guard batchSize >= 1, batchSize <= 1 << 20 else {
      throw bad("batch_size", "must be in 1...1048576, got \(batchSize)")
    }
    guard epochs >= 1, epochs <= 1 << 30 else { throw bad("epochs", "must be in 1...1073741824, got \(epochs)") }
    guard resolvedWeightDecay.isFinite, resolvedWeightDecay >= 0 else {
      throw bad("weight_decay", "must be non-negative")
    }
    guard l1.isFinite, l1 >= 0 else { throw bad("l1", "must be non-negative, got \(l1)") }
    guard l2.isFinite, l2 >= 0 else { throw bad("l2", "must be non-negative, got \(l2)") }
    if let layerActivations, layerActivations.count != hiddenLayers.count {
      throw bad(
        "activation", "needs one name or one per hidden layer (\(hiddenLayers.count)), got \(layerActivations.count)")
    }
    guard dropout.count == 1 || dropout.count == hiddenLayers.count else {
      throw bad("dropout", "needs one rate or one per hidden layer (\(hiddenLayers.count)), got \(dropout.count)")
    }
    guard dropout.allSatisfy({ $0 >= 0 && $0 < 1 }) else { throw bad("dropout", "rates must be in [0, 1)") }
    guard momentum >= 0, momentum < 1 else { throw bad("momentum", "must be in [0, 1), got \(momentum)") }
    guard beta1 >= 0, beta1 < 1, beta2 >= 0, beta2 < 1 else { throw bad("optimizer", "betas must be in [0, 1)") }
    guard epsilon.isFinite, epsilon > 0 else { throw bad("optimizer", "epsilon must be positive") }
    guard warmupEpochs >= 0, warmupEpochs <= epochs else {
      throw bad("warmup_epochs", "must be in 0...epochs (\(epochs)), got \(warmupEpochs)")
    }
    guard earlyStoppingPatience >= 0 else { throw bad("early_stopping_patience", "must be non-negative") }
    guard minDelta.isFinite, minDelta >= 0 else { throw bad("min_delta", "must be non-negative") }
    guard validationFraction >= 0, validationFraction < 1 else {
      throw bad("validation_fraction", "must be in [0, 1), got \(validationFraction)")
    }
    guard threads >= 1, threads <= 1024 else { throw bad("threads", "must be in 1...1024, got \(threads)") }
    guard gradientClip.isFinite, gradientClip >= 0 else { throw bad("gradient_clip", "must be non-negative") }
    guard hypergradientLR.isFinite, hypergradientLR >= 0 else { throw bad("hypergradient_lr", "must be non-negative") }
    guard huberDelta.isFinite, huberDelta > 0 else { throw bad("loss", "huber delta must be positive") }
    guard timeBudget.isFinite, timeBudget >= 0 else { throw bad("time_budget", "must be non-negative") }
    if let m = metric {
      let regression: Set<MLPMetric> = [.loss, .mse, .mae, .r2]
      let classification: Set<MLPMetric> = [.loss, .accuracy, .precision, .recall, .f1, .rocAUC, .logLoss]
      guard (task == .regression ? regression : classification).contains(m) else {
        throw bad("metric", "'\(m.rawValue)' does not fit task '\(task.rawValue)'")
      }
    }
    try validateSchedule()
  }

  private func validateSchedule() throws(HoneError) {
    let ok: Bool
    switch schedule {
    case .constant: ok = true
    case .step(let s, let g): ok = s >= 1 && g > 0 && g.isFinite
    case .exponential(let g): ok = g > 0 && g.isFinite
    case .cosine(let p, let m, let f): ok = p >= 1e-6 && p.isFinite && m >= 1 && m.isFinite && f >= 0 && f <= 1
    case .cyclic(let h, let m, _): ok = h >= 1e-6 && h.isFinite && m >= 1 && m.isFinite
    case .oneCycle(let m, let p, let d, let fd):
      ok = m > 0 && m.isFinite && p > 0 && p < 1 && d >= 1 && d.isFinite && fd >= 1 && fd.isFinite
    }
    guard ok else { throw .invalidArgument("mlp config: 'schedule' has out-of-range parameters") }
  }
}
