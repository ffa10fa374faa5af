import Synchronization
import Testing
import XCTest

@testable import Hone

/// Pruning inside studies: out-of-order tells and MLP training; `PrunerStudySuiteTests`
/// runs every pruner with every sampler and with parallel workers.
final class PrunerStudyTests: XCTestCase {
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

/// Every pruner inside studies, one test case per pruner (and sampler), reported by name.
@Suite struct PrunerStudySuiteTests {
  typealias Spec = SamplerSuiteTests.Spec

  static let pruners: [Spec] = [
    Spec(name: "median", json: #"{"type": "median", "options": {"n_startup_trials": 2}}"#),
    Spec(
      name: "successive_halving",
      json: #"{"type": "successive_halving", "options": {"min_resource": 1, "reduction_factor": 2}}"#),
    Spec(name: "hyperband", json: #"{"type": "hyperband", "options": {"max_resource": 8, "reduction_factor": 2}}"#),
    Spec(
      name: "patient",
      json: #"{"type": "patient", "options": {"wrapped_pruner": {"type": "threshold", "options": {"upper": 2}}, "patience": 1}}"#
    ),
  ]

  /// Every sampler type of SamplerSuiteTests, the grid over this objective's one parameter.
  static let samplers: [Spec] = [
    Spec(name: "random", json: #"{"type": "random", "seed": 7}"#),
    Spec(name: "qmc", json: #"{"type": "qmc", "seed": 7}"#),
    Spec(name: "gp", json: #"{"type": "gp", "seed": 7, "options": {"n_startup_trials": 4, "n_candidates": 256}}"#),
    Spec(name: "grid", json: #"{"type": "grid", "seed": 7, "options": {"search_space": {"x": [-1, -0.5, 0, 0.3, 0.5, 1]}}}"#),
  ]

  @Test(arguments: samplers, pruners)
  func pruningWorksWithEverySampler(_ sampler: Spec, _ pruner: Spec) throws {
    let study = try Study(optionsJSON: #"{"sampler": \#(sampler.json), "pruner": \#(pruner.json)}"#)
    let n = sampler.name == "grid" ? 6 : 14
    for _ in 0..<n { try PrunerStudyTests.runTrial(study) }
    let trials = try study.trials
    #expect(trials.count == n)
    #expect(trials.allSatisfy { $0.state == .complete || $0.state == .pruned })
    for t in trials where t.state == .pruned {
      #expect(t.values == t.lastIntermediateValue.map { [$0] }, "a pruned trial keeps its last value")
    }
    if pruner.name == "median" && sampler.name != "grid" {
      #expect(trials.contains { $0.state == .pruned }, "pruned nothing")
    }
  }

  /// The errors of worker threads, which Swift Testing cannot attribute to a test themselves.
  final class Errors: Sendable {
    let list = Mutex<[String]>([])
  }

  @Test(arguments: pruners)
  func parallelWorkersLoseNoTrial(_ pruner: Spec) throws {
    let study = try Study(optionsJSON: #"{"sampler": {"type": "random", "seed": 3}, "pruner": \#(pruner.json)}"#)
    let errors = Errors()
    DispatchQueueless.concurrentPerform(iterations: 8) { _ in
      for _ in 0..<12 {
        do {
          try PrunerStudyTests.runTrial(study)
        } catch {
          errors.list.withLock { $0.append("\(error)") }
        }
      }
    }
    #expect(errors.list.withLock { $0 } == [])
    let trials = try study.trials
    #expect(trials.count == 96)
    #expect(Set(trials.map(\.number)).count == 96)
    let finished = trials.filter { $0.state == .complete || $0.state == .pruned }
    #expect(finished.count == 96)
    if pruner.name == "median" { #expect(trials.contains { $0.state == .pruned }) }
  }
}
