import Testing
import XCTest

@testable import HoneNumerics
import HoneSupport

/// End-to-end training: learning, determinism, stopping rules and divergence;
/// `MLPTrainingSuiteTests` trains with every optimizer.
final class MLPTrainingTests: XCTestCase {
  private let xorX: [Float] = [0, 0, 0, 1, 1, 0, 1, 1]
  private let xorY = [0, 1, 1, 0]

  /// Rows of two Gaussian-ish blobs per class around class-specific centers.
  static func blobs(rows: Int, classes: Int, seed: UInt64) throws -> MLPDataset {
    var rng = Xoshiro256(seed: seed)
    var x: [Float] = []
    var y: [Int] = []
    for r in 0..<rows {
      let c = r % classes
      x.append(Float(3 * c) + Float(rng.nextUnit() - 0.5))
      x.append(Float(c % 2 == 0 ? 1 : -1) + Float(rng.nextUnit() - 0.5))
      y.append(c)
    }
    return try MLPDataset(features: x, rows: rows, labels: y)
  }

  func testLearnsXOR() throws {
    var config = MLPConfig()
    config.task = .binary
    config.hiddenLayers = [8]
    config.activation = .tanh
    config.learningRate = 0.05
    config.batchSize = 4
    config.epochs = 400
    config.standardize = false
    let data = try MLPDataset(features: xorX, rows: 4, labels: xorY)
    let result = try MLP.train(data, config: config)
    XCTAssertEqual(result.status, .completed)
    XCTAssertEqual(try result.model.predict(xorX, rows: 4), [0, 1, 1, 0])
    let metrics = try result.model.evaluate(data)
    XCTAssertEqual(metrics.accuracy, 1)
    XCTAssertLessThan(metrics.loss, 0.1)
    XCTAssertEqual(metrics.rocAUC, 1)
  }

  func testSameSeedAndThreadsGiveBitIdenticalModels() throws {
    var config = MLPConfig()
    config.task = .multiclass
    config.hiddenLayers = [16, 8]
    config.dropout = [0.2, 0.1]
    config.batchSize = 7
    config.epochs = 5
    config.validationFraction = 0.25
    config.seed = 42
    let data = try Self.blobs(rows: 60, classes: 3, seed: 1)
    let a = try MLP.train(data, config: config)
    let b = try MLP.train(data, config: config)
    XCTAssertEqual(a.model.parameters.map(\.bitPattern), b.model.parameters.map(\.bitPattern))
    XCTAssertEqual(a.history, b.history)
    config.threads = 2
    let twoA = try MLP.train(data, config: config)
    let twoB = try MLP.train(data, config: config)
    XCTAssertEqual(twoA.model.parameters.map(\.bitPattern), twoB.model.parameters.map(\.bitPattern), "2 threads")
    config.threads = 1
    config.seed = 43
    let c = try MLP.train(data, config: config)
    XCTAssertNotEqual(a.model.parameters, c.model.parameters, "another seed must give another model")
  }

  func testRegressionFitsALinearMap() throws {
    var rng = Xoshiro256(seed: 5)
    var x: [Double] = []
    var y: [Double] = []
    for _ in 0..<200 {
      let a = rng.nextUnit() * 4 - 2
      let b = rng.nextUnit() * 4 - 2
      x += [a, b]
      y.append(3 * a - 2 * b + 1)
    }
    let data = try MLPDataset(features: x, rows: 200, targets: y)
    for loss in [MLPLoss.mse, .mae, .huber] {
      var config = MLPConfig()
      config.loss = loss
      config.hiddenLayers = [16]
      config.learningRate = 0.01
      config.epochs = 60
      config.validationFraction = 0.2
      config.metric = .r2
      config.l2 = 1e-4
      config.gradientClip = 10
      let result = try MLP.train(data, config: config)
      let r2 = try XCTUnwrap(result.history.last?.validation?.r2)
      XCTAssertGreaterThan(r2, 0.98, loss.rawValue)
    }
  }

  func testEarlyStoppingRestoresTheBestWeights() throws {
    var config = MLPConfig()
    config.task = .multiclass
    config.hiddenLayers = [32]
    config.learningRate = 0.05
    config.epochs = 200
    config.earlyStoppingPatience = 3
    config.minDelta = 1e-3
    let train = try Self.blobs(rows: 60, classes: 3, seed: 3)
    let valid = try Self.blobs(rows: 30, classes: 3, seed: 4)
    let result = try MLP.train(train, validation: valid, config: config)
    XCTAssertEqual(result.status, .earlyStopped)
    XCTAssertEqual(result.history.count, result.bestEpoch + 3)
    let restored = try result.model.evaluate(valid)
    XCTAssertEqual(restored.loss, result.bestValue, accuracy: 1e-6)
  }

  func testCallbackStopsTrainingAsPruned() throws {
    var config = MLPConfig()
    config.task = .binary
    config.epochs = 50
    let data = try MLPDataset(features: xorX, rows: 4, labels: xorY)
    var seen: [Int] = []
    let result = try MLP.train(data, validation: data, config: config) { epoch, record in
      seen.append(epoch)
      XCTAssertNotNil(record.validation?.accuracy)
      return epoch == 3
    }
    XCTAssertEqual(result.status, .pruned)
    XCTAssertEqual(seen, [1, 2, 3])
    XCTAssertEqual(result.history.count, 3)
  }

  func testDivergenceIsAStatusNotACrash() throws {
    var config = MLPConfig()
    config.optimizer = .sgd
    config.learningRate = 1e6
    config.epochs = 50
    config.hiddenLayers = [8]
    let data = try MLPDataset(features: [1, 2, 3, 4, 5, 6, 7, 8], rows: 4, targets: [100, 200, 300, 400])
    let result = try MLP.train(data, config: config)
    XCTAssertEqual(result.status, .diverged)
    XCTAssertNotNil(result.message)
    XCTAssertTrue(result.model.parameters.allSatisfy(\.isFinite))
  }

  func testTimeBudgetStopsEarly() throws {
    var config = MLPConfig()
    config.epochs = 1_000_000
    config.timeBudget = 0.05
    let data = try MLPDataset(features: [1, 2, 3, 4], rows: 4, targets: [1, 2, 3, 4])
    let result = try MLP.train(data, config: config)
    XCTAssertEqual(result.status, .timeBudget)
    XCTAssertLessThan(result.history.count, 1_000_000)
  }

  func testBadDataThrowsNamingTheProblem() throws {
    XCTAssertThrowsError(try MLPDataset(features: [1, 2, 3], rows: 2, targets: [1, 2])) {
      XCTAssertTrue("\($0)".contains("features"), "\($0)")
    }
    XCTAssertThrowsError(try MLPDataset(features: [1, 2], rows: 2, labels: [0, -1])) {
      XCTAssertTrue("\($0)".contains("label -1"), "\($0)")
    }
    XCTAssertThrowsError(try MLPDataset(features: [1, .nan], rows: 2, targets: [1, 2]))
    var config = MLPConfig()
    config.task = .binary
    let data = try MLPDataset(features: [1, 2, 3], rows: 3, labels: [0, 1, 2])
    XCTAssertThrowsError(try MLP.train(data, config: config)) {
      XCTAssertTrue("\($0)".contains("label 2"), "\($0)")
    }
    let narrow = try MLPDataset(features: [1, 2], rows: 2, labels: [0, 1])
    let wide = try MLPDataset(features: [1, 2, 3, 4], rows: 2, labels: [0, 1])
    XCTAssertThrowsError(try MLP.train(narrow, validation: wide, config: config)) {
      XCTAssertTrue("\($0)".contains("features"), "\($0)")
    }
  }

  func testSplitAndStandardizerUseTrainingRowsOnly() throws {
    let x: [Float] = (0..<20).map(Float.init)
    let data = try MLPDataset(features: x, rows: 10, targets: (0..<10).map(Float.init))
    let (train, valid) = try data.split(validationFraction: 0.3, seed: 9)
    XCTAssertEqual(train.rows, 7)
    XCTAssertEqual(valid.rows, 3)
    XCTAssertEqual(Set(train.y + valid.y), Set((0..<10).map(Float.init)))
    let s = MLPStandardizer(fitting: train)
    let col0 = (0..<7).map { Double(train.x[2 * $0]) }
    XCTAssertEqual(Double(s.mean[0]), col0.reduce(0, +) / 7, accuracy: 1e-5)
    XCTAssertThrowsError(try data.split(validationFraction: 0.01, seed: 9))
  }
}

extension MLPTrainingTests {
  func testJSONConfigDoubleFeaturesAndHypergradientTrainEndToEnd() throws {
    let config = try MLPConfig(
      jsonText: """
        {"task": "multiclass", "hidden_layers": [16], "optimizer": "adam", "learning_rate": 0.05,
         "hypergradient_lr": 1e-7, "epochs": 40, "batch_size": 8, "validation_fraction": 0.25,
         "metric": "roc_auc", "early_stopping_patience": 10, "schedule": "one_cycle", "seed": 3}
        """)
    let blob = try Self.blobs(rows: 80, classes: 4, seed: 8)
    let data = try MLPDataset(features: blob.x.map(Double.init), rows: 80, labels: blob.y.map { Int($0) })
    let result = try MLP.train(data, config: config)
    XCTAssertGreaterThan(result.bestValue, 0.95, "validation ROC-AUC")
    // ROC-AUC saturates at 1 early, so patience 10 stops long before 40 epochs.
    XCTAssertEqual(result.status, .earlyStopped)
    XCTAssertEqual(result.history.count, result.bestEpoch + 10)
    XCTAssertGreaterThan(try result.model.evaluate(data).rocAUC ?? 0, 0.95)
    var plain = config
    plain.hypergradientLR = 0
    let baseline = try MLP.train(data, config: plain)
    XCTAssertNotEqual(baseline.history[2].learningRate, result.history[2].learningRate, "hypergradient adapts the rate")
    let probabilities = try result.model.predictProbabilities(Array(blob.x[0..<8]), rows: 4)
    for r in 0..<4 {
      XCTAssertEqual(probabilities[(4 * r)..<(4 * r + 4)].reduce(0, +), 1, accuracy: 1e-5)
    }
  }

  func testLabelsAndMetricsAreCheckedAgainstTheTask() throws {
    var config = MLPConfig()
    config.task = .multiclass
    let fractional = try MLPDataset(features: [1, 2, 3], rows: 3, targets: [0, 1.5, 2])
    XCTAssertThrowsError(try MLP.train(fractional, config: config)) {
      XCTAssertTrue("\($0)".contains("label 1.5"), "\($0)")
    }
    let huge = try MLPDataset(features: [1, 2], rows: 2, targets: [0, 1e30])
    XCTAssertThrowsError(try MLP.train(huge, config: config)) { XCTAssertTrue("\($0)".contains("label"), "\($0)") }
    config.metric = .rocAUC
    let train = try MLPDataset(features: [1, 2, 3], rows: 3, labels: [0, 1, 2])
    let valid = try MLPDataset(features: [1, 2], rows: 2, labels: [0, 1])
    XCTAssertThrowsError(try MLP.train(train, validation: valid, config: config)) {
      XCTAssertTrue("\($0)".contains("roc_auc"), "\($0)")
    }
    config.metric = nil
    config.batchSize = 1 << 20
    config.hiddenLayers = [1 << 20]
    let wide = try MLPDataset(
      features: [Float](repeating: 1, count: 1024), rows: 1024, labels: Array(repeating: 0, count: 1024))
    XCTAssertThrowsError(try MLP.train(wide, config: config)) { XCTAssertTrue("\($0)".contains("batch_size"), "\($0)") }
  }
}

/// Training with every optimizer, one test case per optimizer, reported by name.
@Suite struct MLPTrainingSuiteTests {
  @Test(arguments: MLPOptimizerKind.allCases)
  func everyOptimizerLowersTheLossOnBlobs(_ optimizer: MLPOptimizerKind) throws {
    let data = try MLPTrainingTests.blobs(rows: 90, classes: 3, seed: 2)
    var config = MLPConfig()
    config.task = .multiclass
    config.hiddenLayers = [16]
    config.optimizer = optimizer
    config.learningRate = [.sgd, .momentum, .nesterov, .adagrad].contains(optimizer) ? 0.1 : 0.01
    config.epochs = 30
    config.batchSize = 16
    config.schedule = .cosine(period: 30, periodMultiplier: 1, minFactor: 0.1)
    config.warmupEpochs = 2
    let result = try MLP.train(data, config: config)
    let first = try #require(result.history.first?.trainLoss)
    let last = try #require(result.history.last?.trainLoss)
    #expect(last < 0.5 * first)
    #expect(try result.model.evaluate(data).accuracy ?? 0 > 0.9)
  }
}
