import XCTest

@testable import HoneNumerics
import HoneSupport

/// The JSON configuration: defaults, every key, and errors that name the culprit.
final class MLPConfigTests: XCTestCase {
  private func assertError(_ json: String, mentions needles: [String], line: UInt = #line) {
    XCTAssertThrowsError(try MLPConfig(jsonText: json), json, line: line) { error in
      for n in needles { XCTAssertTrue("\(error)".contains(n), "'\(error)' should mention \(n)", line: line) }
    }
  }

  func testEmptyObjectGivesDefaults() throws {
    XCTAssertEqual(try MLPConfig(jsonText: "{}"), MLPConfig())
  }

  func testEveryKeyIsRead() throws {
    let c = try MLPConfig(
      jsonText: """
        {"task": "multiclass", "loss": "hinge", "hidden_layers": [32, 16], "activation": "leaky_relu",
         "init": "xavier_normal", "optimizer": "nesterov", "learning_rate": 0.05, "batch_size": 64,
         "epochs": 12, "weight_decay": 0.001, "l1": 0.0001, "l2": 0.01, "dropout": [0.1, 0.2],
         "momentum": 0.8, "beta1": 0.85, "beta2": 0.99, "epsilon": 1e-7,
         "schedule": {"type": "triangular2", "half_period": 3, "max_factor": 6},
         "warmup_epochs": 2, "early_stopping_patience": 4, "min_delta": 0.01, "validation_fraction": 0.2,
         "standardize": false, "seed": 17, "threads": 2, "metric": "f1", "gradient_clip": 5,
         "hypergradient_lr": 0.001, "huber_delta": 2, "time_budget": 30}
        """)
    XCTAssertEqual(c.task, .multiclass)
    XCTAssertEqual(c.loss, .hinge)
    XCTAssertEqual(c.hiddenLayers, [32, 16])
    XCTAssertEqual(c.activation, .leakyRelu)
    XCTAssertNil(c.layerActivations)
    XCTAssertEqual(c.initialization, .xavierNormal)
    XCTAssertEqual(c.optimizer, .nesterov)
    XCTAssertEqual(c.learningRate, 0.05)
    XCTAssertEqual(c.batchSize, 64)
    XCTAssertEqual(c.epochs, 12)
    XCTAssertEqual(c.weightDecay, 0.001)
    XCTAssertEqual(c.l1, 0.0001)
    XCTAssertEqual(c.l2, 0.01)
    XCTAssertEqual(c.dropout, [0.1, 0.2])
    XCTAssertEqual(c.momentum, 0.8)
    XCTAssertEqual(c.beta1, 0.85)
    XCTAssertEqual(c.beta2, 0.99)
    XCTAssertEqual(c.epsilon, 1e-7)
    XCTAssertEqual(c.schedule, .cyclic(halfPeriod: 3, maxFactor: 6, halving: true))
    XCTAssertEqual(c.warmupEpochs, 2)
    XCTAssertEqual(c.earlyStoppingPatience, 4)
    XCTAssertEqual(c.minDelta, 0.01)
    XCTAssertEqual(c.validationFraction, 0.2)
    XCTAssertFalse(c.standardize)
    XCTAssertEqual(c.seed, 17)
    XCTAssertEqual(c.threads, 2)
    XCTAssertEqual(c.metric, .f1)
    XCTAssertEqual(c.gradientClip, 5)
    XCTAssertEqual(c.hypergradientLR, 0.001)
    XCTAssertEqual(c.huberDelta, 2)
    XCTAssertEqual(c.timeBudget, 30)
    XCTAssertEqual(
      try MLPConfig(jsonText: #"{"schedule": "cosine"}"#).schedule,
      .cosine(period: 10, periodMultiplier: 1, minFactor: 0))
    XCTAssertEqual(try MLPConfig(jsonText: #"{"optimizer": "adamw"}"#).resolvedWeightDecay, 0.01)
  }

  func testActivationPerHiddenLayer() throws {
    let c = try MLPConfig(jsonText: #"{"hidden_layers": [8, 4, 2], "activation": ["tanh", "relu", "linear"]}"#)
    XCTAssertEqual(c.resolvedActivations, [.tanh, .relu, .linear])
    XCTAssertEqual(c.resolvedInitializations, [.xavierUniform, .heUniform, .xavierUniform, .xavierUniform])
    let one = try MLPConfig(jsonText: #"{"hidden_layers": [8, 4], "activation": "elu"}"#)
    XCTAssertEqual(one.resolvedActivations, [.elu, .elu])
    XCTAssertEqual(one.resolvedInitializations, [.heUniform, .heUniform, .heUniform])
  }

  func testErrorsNameTheKeyOrValue() {
    assertError(#"{"learning_rat": 0.1}"#, mentions: ["unknown key 'learning_rat'"])
    assertError(#"{"optimizer": "adamx"}"#, mentions: ["'optimizer'", "'adamx'"])
    assertError(#"{"activation": 3}"#, mentions: ["'activation'", "name"])
    assertError(#"{"activation": ["tanh", 3]}"#, mentions: ["'activation'", "names"])
    assertError(#"{"activation": ["tanh", "swish"]}"#, mentions: ["'activation'", "'swish'"])
    assertError(#"{"hidden_layers": [8, 8], "activation": ["tanh"]}"#, mentions: ["'activation'", "(2), got 1"])
    assertError(#"{"learning_rate": -1}"#, mentions: ["'learning_rate'"])
    assertError(#"{"batch_size": 2.5}"#, mentions: ["'batch_size'", "integer"])
    assertError(#"{"hidden_layers": [8, 0]}"#, mentions: ["'hidden_layers'"])
    assertError(#"{"hidden_layers": [8], "dropout": [0.1, 0.2]}"#, mentions: ["'dropout'"])
    assertError(#"{"dropout": 1}"#, mentions: ["'dropout'"])
    assertError(#"{"task": "binary", "loss": "mse"}"#, mentions: ["'loss'", "'mse'", "binary"])
    assertError(#"{"metric": "accuracy"}"#, mentions: ["'metric'", "'accuracy'"])
    assertError(#"{"schedule": {"type": "cosine", "periods": 3}}"#, mentions: ["unknown key 'periods'"])
    assertError(#"{"schedule": "sawtooth"}"#, mentions: ["'schedule'", "'sawtooth'"])
    assertError(#"{"validation_fraction": 1}"#, mentions: ["'validation_fraction'"])
    assertError(#"{"threads": 0}"#, mentions: ["'threads'"])
    assertError(#"{"seed": -3}"#, mentions: ["'seed'"])
    assertError("[1]", mentions: ["object"])
  }
}
