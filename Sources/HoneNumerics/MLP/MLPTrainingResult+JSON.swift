/// The JSON forms of training results and metrics that hosts receive.
extension MLPMetrics {
  /// The metrics that apply to the task, as a JSON object, the loss first.
  public var json: JSON {
    var members: [(String, JSON)] = [("loss", .number(loss))]
    for metric in MLPMetric.allCases where metric != .loss {
      if let v = value(metric) { members.append((metric.rawValue, .number(v))) }
    }
    return .object(members)
  }
}

extension MLPTrainingResult {
  /// `{"status", "epochs", "best_epoch", "best_value", "message", "history"}`, one
  /// history entry per epoch with its training loss, learning rate, monitored value
  /// and validation metrics.
  public var json: JSON {
    let epochs: [JSON] = history.map { e in
      .object([
        ("epoch", .number(Double(e.epoch))), ("train_loss", .number(e.trainLoss)),
        ("learning_rate", .number(e.learningRate)), ("monitored", .number(e.monitored)),
        ("validation", e.validation.map(\.json) ?? .null),
      ])
    }
    return .object([
      ("status", .string(status.rawValue)), ("epochs", .number(Double(history.count))),
      ("best_epoch", .number(Double(bestEpoch))), ("best_value", .number(bestValue)),
      ("message", message.map { .string($0) } ?? .null), ("history", .array(epochs)),
    ])
  }
}
