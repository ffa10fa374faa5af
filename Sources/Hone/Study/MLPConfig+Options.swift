/// The MLP configuration written back as the JSON object `MLPConfig.init(json:)` reads.
extension MLPConfig {
  /// Every key, defaults included: null where the default depends on other keys
  /// (`loss`, `init`, `weight_decay`), `activation` an array when
  /// each hidden layer has its own, `dropout` a number when one rate serves all.
  public var json: JSON {
    let activationJSON: JSON =
      layerActivations.map { .array($0.map { .string($0.rawValue) }) } ?? .string(activation.rawValue)
    let dropoutJSON: JSON = dropout.count == 1 ? .number(dropout[0]) : .array(dropout.map(JSON.number))
    return .object([
      ("task", .string(task.rawValue)),
      ("loss", loss.map { .string($0.rawValue) } ?? .null),
      ("hidden_layers", .array(hiddenLayers.map { .int($0) })),
      ("activation", activationJSON),
      ("init", initialization.map { .string($0.rawValue) } ?? .null),
      ("optimizer", .string(optimizer.rawValue)),
      ("learning_rate", .number(learningRate)),
      ("batch_size", .int(batchSize)),
      ("epochs", .int(epochs)),
      ("weight_decay", weightDecay.map(JSON.number) ?? .null),
      ("l1", .number(l1)),
      ("l2", .number(l2)),
      ("dropout", dropoutJSON),
      ("momentum", .number(momentum)),
      ("beta1", .number(beta1)),
      ("beta2", .number(beta2)),
      ("epsilon", .number(epsilon)),
      ("schedule", schedule.json),
      ("warmup_epochs", .int(warmupEpochs)),
      ("early_stopping_patience", .int(earlyStoppingPatience)),
      ("min_delta", .number(minDelta)),
      ("validation_fraction", .number(validationFraction)),
      ("standardize", .bool(standardize)),
      ("seed", .int(seed)),
      ("threads", .int(threads)),
      ("metric", .string(resolvedMetric.rawValue)),
      ("gradient_clip", .number(gradientClip)),
      ("hypergradient_lr", .number(hypergradientLR)),
      ("huber_delta", .number(huberDelta)),
      ("time_budget", .number(timeBudget)),
    ])
  }
}

extension MLPSchedule {
  /// The schedule as the configuration's `schedule` value: a name for constant, else an object.
  public var json: JSON {
    switch self {
    case .constant:
      return .string("constant")
    case .step(let stepEpochs, let gamma):
      return .object([("type", .string("step")), ("step_epochs", .int(stepEpochs)), ("gamma", .number(gamma))])
    case .exponential(let gamma):
      return .object([("type", .string("exponential")), ("gamma", .number(gamma))])
    case .cosine(let period, let periodMultiplier, let minFactor):
      return .object([
        ("type", .string("cosine")), ("period", .number(period)), ("period_multiplier", .number(periodMultiplier)),
        ("min_factor", .number(minFactor)),
      ])
    case .cyclic(let halfPeriod, let maxFactor, let halving):
      return .object([
        ("type", .string(halving ? "triangular2" : "triangular")), ("half_period", .number(halfPeriod)),
        ("max_factor", .number(maxFactor)),
      ])
    case .oneCycle(let maxFactor, let pctStart, let divFactor, let finalDivFactor):
      return .object([
        ("type", .string("one_cycle")), ("max_factor", .number(maxFactor)), ("pct_start", .number(pctStart)),
        ("div_factor", .number(divFactor)), ("final_div_factor", .number(finalDivFactor)),
      ])
    }
  }
}
