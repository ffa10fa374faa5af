import XCTest

@testable import Hone

/// Pruning inside studies: with every sampler, parallel workers, out-of-order tells
/// and MLP training.
final class PrunerStudyTests: XCTestCase {
  static let pruners: [(String, String)] = [
    ("median", #"{"type": "median", "options": {"n_startup_trials": 2}}"#),
    ("successive_halving", #"{"type": "successive_halving", "options": {"min_resource": 1, "reduction_factor": 2}}"#),
    ("hyperband", #"{"type": "hyperband", "options": {"max_resource": 8, "reduction_factor": 2}}"#),
    ("patient", #"{"type": "patient", "options": {"wrapped_pruner": {"type": "threshold", "options": {"upper": 2}}, "patience": 1}}"#),
  ]

  /// Runs one trial whose curve at step s is (x − 0.3)² · 4 + 1 / s, asking the pruner
  /// after each step; returns the state it ended in.
  @discardableResult
  static func runTrial(_ study: Study, steps: Int = 8) throws -> TrialState {
    let t = try study.ask()
    let x = try study.suggestFloat(trial: t, "x", -1, 1)
    let level = (x - 0.3) * (x - 0.3) * 4
    for s in 1...steps {
      try study.report(trial: t, step: Int64(s), value: level + 1 / Double(s))
      if try study.shouldPrune(trial: t) {
        return try study.tell(trial: t, values: [], state: .pruned)
      }
    }
    return try study.tell(trial: t, values: [level + 1 / Double(steps)])
  }

  func testPruningWorksWithEverySampler() throws {
    // Every sampler type of SamplerSuiteTests, the grid over this objective's one parameter.
    let samplers = [
      ("random", #"{"type": "random", "seed": 7}"#),
      ("qmc", #"{"type": "qmc", "seed": 7}"#),
      ("gp", #"{"type": "gp", "seed": 7, "options": {"n_startup_trials": 4, "n_candidates": 256}}"#),
      ("grid", #"{"type": "grid", "seed": 7, "options": {"search_space": {"x": [-1, -0.5, 0, 0.3, 0.5, 1]}}}"#),
    ]
    for (samplerName, sampler) in samplers {
      for (prunerName, pruner) in Self.pruners {
        let label = "\(samplerName) + \(prunerName)"
        let study = try Study(optionsJSON: #"{"sampler": \#(sampler), "pruner": \#(pruner)}"#)
        let n = samplerName == "grid" ? 6 : 14
        for _ in 0..<n { try Self.runTrial(study) }
        let trials = try study.trials
        XCTAssertEqual(trials.count, n, label)
        XCTAssert(trials.allSatisfy { $0.state == .complete || $0.state == .pruned }, label)
        for t in trials where t.state == .pruned {
          XCTAssertEqual(t.values, t.lastIntermediateValue.map { [$0] }, "\(label): a pruned trial keeps its last value")
        }
        if prunerName == "median" && samplerName != "grid" {
          XCTAssert(trials.contains { $0.state == .pruned }, "\(label) pruned nothing")
        }
      }
    }
  }

  func testParallelWorkersLoseNoTrial() throws {
    for (name, pruner) in Self.pruners {
      let study = try Study(optionsJSON: #"{"sampler": {"type": "random", "seed": 3}, "pruner": \#(pruner)}"#)
      DispatchQueueless.concurrentPerform(iterations: 8) { _ in
        for _ in 0..<12 {
          do {
            try Self.runTrial(study)
          } catch {
            XCTFail("\(name): \(error)")
          }
        }
      }
      let trials = try study.trials
      XCTAssertEqual(trials.count, 96, name)
      XCTAssertEqual(Set(trials.map(\.number)).count, 96, name)
      let finished = trials.filter { $0.state == .complete || $0.state == .pruned }
      XCTAssertEqual(finished.count, 96, name)
      if name == "median" { XCTAssert(trials.contains { $0.state == .pruned }, name) }
    }
  }

  /// Median, n_startup_trials 1: only trials already COMPLETE count, whatever their numbers.
  func testTrialsToldOutOfOrder() throws {
    let study = try Study(direction: .minimize, pruner: try MedianPruner(nStartupTrials: 1))
    let t0 = try study.ask()
    let t1 = try study.ask()
    let t2 = try study.ask()
    for (t, v) in [(t0, 5.0), (t1, 3.0), (t2, 1.0)] { try study.report(trial: t, step: 1, value: v) }
    XCTAssertFalse(try study.shouldPrune(trial: t0), "nothing COMPLETE yet")
    try study.tell(trial: t2, values: [1])
    XCTAssertTrue(try study.shouldPrune(trial: t0), "median of [1] is 1; 5 > 1")
    XCTAssertTrue(try study.shouldPrune(trial: t1), "3 > 1")
    try study.tell(trial: t0, values: [], state: .pruned)
    XCTAssertTrue(try study.shouldPrune(trial: t1), "the PRUNED trial 0 does not count: 3 > 1")
    try study.tell(trial: t1, values: [3])
    let t3 = try study.ask()
    try study.report(trial: t3, step: 1, value: 2.5)
    XCTAssertTrue(try study.shouldPrune(trial: t3), "median of [1, 3] is 2; 2.5 > 2")
    XCTAssertEqual(try study.trials.map(\.state), [.pruned, .complete, .complete, .running])
    XCTAssertEqual(try study.trial(t0).values, [5])
  }

  func testMLPTrialIsPrunedUnderTheMedianPruner() throws {
    let study = try Study(direction: .minimize, pruner: try MedianPruner(nStartupTrials: 1))
    // A finished trial with a perfect loss at every epoch: any real loss is worse.
    let perfect = try study.ask()
    for epoch in 1...5 { try study.report(trial: perfect, step: Int64(epoch), value: 0) }
    try study.tell(trial: perfect, values: [0])
    let t = try study.ask()
    var config = MLPConfig()
    config.epochs = 5
    config.hiddenLayers = [4]
    let x: [Float] = (0..<40).map { Float($0) / 40 }
    let data = try MLPDataset(features: x, rows: 40, targets: x.map { 2 * $0 + 1 })
    let result = try study.trainMLP(trial: t, data: data, validation: nil, config: config)
    XCTAssertEqual(result.status, .pruned)
    XCTAssertEqual(result.history.count, 1, "pruned after the first epoch: its loss > median 0")
  }
}
