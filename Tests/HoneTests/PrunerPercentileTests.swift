import XCTest

@testable import Hone

/// Median and percentile pruners against decision tables worked out by hand.
final class PrunerPercentileTests: XCTestCase {
  /// Five COMPLETE trials and three others whose values must never count.
  ///
  /// The completed values by step, NaN left out:
  /// - step 0: 1, 1, 1, 2, 2 → median 1.
  /// - step 1: 0.9, 0.8, 0.7, 0.6 (c4 reported NaN) → median (0.7 + 0.8) / 2 = 0.75;
  ///   25th percentile: index 0.25 · 3 = 0.75 between 0.6 and 0.7 → 0.675.
  /// - step 2: 0.5, 0.7, 0.9, 0.6 (c3 skipped it) → median (0.6 + 0.7) / 2 = 0.65.
  /// - step 3: 0.5, 0.7, 0.9, 0.3, 0.1 → median 0.5; 25th percentile (index 1) 0.3;
  ///   75th (index 3) 0.7.
  /// Counting the PRUNED and RUNNING trials' 100s would move the step-0 median to 2.
  static let history: [FrozenTrial] = [
    curveTrial(0, .complete, [0: 1, 1: 0.9, 2: 0.5, 3: 0.5]),
    curveTrial(1, .complete, [0: 1, 1: 0.8, 2: 0.7, 3: 0.7]),
    curveTrial(2, .complete, [0: 1, 1: 0.7, 2: 0.9, 3: 0.9]),
    curveTrial(3, .complete, [0: 2, 1: 0.6, 3: 0.3]),
    curveTrial(4, .complete, [0: 2, 1: .nan, 2: 0.6, 3: 0.1]),
    curveTrial(5, .pruned, [0: 100]),
    curveTrial(6, .pruned, [0: 100]),
    curveTrial(7, .running, [0: 100]),
  ]

  func testMedianWithDefaults() throws {
    try assertDecisions(
      try MedianPruner(), Self.history,
      [
        PruneRow([:], false, "no step reported yet"),
        PruneRow([0: 1.5], true, "step 0 median 1; 1.5 > 1 (only COMPLETE trials count)"),
        PruneRow([0: 0.9], false, "step 0 median 1; 0.9 <= 1"),
        PruneRow([0: 1.5, 1: 0.8], true, "step 1 median 0.75; best 0.8 > 0.75"),
        PruneRow([0: 1.5, 1: 0.7], false, "step 1 median 0.75; best 0.7 <= 0.75"),
        PruneRow([0: 0.2, 1: 5], false, "the best over all steps counts: 0.2 <= 0.75"),
        PruneRow([0: 3, 1: 3, 2: 0.66], true, "step 2 median 0.65; best 0.66 > 0.65"),
        PruneRow([0: 1.5, 1: 9, 2: 9], true, "step 2 median 0.65; best 1.5 > 0.65"),
        PruneRow([3: 0.6], true, "skipped steps: judged at step 3, median 0.5; 0.6 > 0.5"),
        PruneRow([3: 0.4], false, "step 3 median 0.5; 0.4 <= 0.5"),
        PruneRow([5: 9], false, "no completed trial reported step 5: fewer than n_min_trials = 1"),
        PruneRow([0: .nan, 1: .nan], true, "every value NaN"),
        PruneRow([0: .nan, 1: 0.7], false, "NaN ignored: best 0.7 <= 0.75"),
      ])
  }

  func testMedianStartupWarmupIntervalAndMinTrials() throws {
    try assertDecisions(
      try MedianPruner(nStartupTrials: 6), Self.history,
      [PruneRow([0: 1.5], false, "5 COMPLETE trials < n_startup_trials 6 (PRUNED and RUNNING do not count)")],
      "startup")
    try assertDecisions(
      try MedianPruner(), Self.history.filter { $0.state != .complete },
      [PruneRow([0: 1.5], false, "no COMPLETE trial at all")], "none complete")
    try assertDecisions(
      try MedianPruner(nWarmupSteps: 2), Self.history,
      [
        PruneRow([0: 1.5], false, "step 0 < n_warmup_steps 2"),
        PruneRow([0: 1.5, 1: 0.8], false, "step 1 < n_warmup_steps 2"),
        PruneRow([0: 3, 1: 3, 2: 0.66], true, "step 2 >= warmup: median 0.65; 0.66 > 0.65"),
      ], "warmup")
    try assertDecisions(
      try MedianPruner(intervalSteps: 2), Self.history,
      [
        PruneRow([0: 1.5, 1: 0.8], false, "pruning steps 0, 2, ...: step 1 is not the first report since 0"),
        PruneRow([1: 0.8], true, "step 1 is the first report in the interval [0, 2): median 0.75; 0.8 > 0.75"),
        PruneRow([0: 3, 1: 3, 2: 0.66], true, "step 2 opens an interval: 0.66 > 0.65"),
      ], "interval")
    try assertDecisions(
      try MedianPruner(nWarmupSteps: 1, intervalSteps: 2), Self.history,
      [
        PruneRow([0: 1.5, 1: 0.8], true, "pruning steps 1, 3, ...: step 1 judged, 0.8 > 0.75"),
        PruneRow([0: 3, 1: 3, 2: 0.66], false, "step 2 is inside the interval [1, 3) already judged at 1"),
      ], "warmup and interval")
    try assertDecisions(
      try MedianPruner(nMinTrials: 5), Self.history,
      [
        PruneRow([0: 1.5, 1: 0.8], true, "step 1 has 5 completed values (one NaN) >= 5: 0.8 > 0.75"),
        PruneRow([0: 3, 1: 3, 2: 0.66], false, "step 2 has only 4 completed values < 5"),
        PruneRow([3: 0.6], true, "step 3 has 5 values: 0.6 > 0.5"),
      ], "n_min_trials 5")
    try assertDecisions(
      try MedianPruner(nMinTrials: 6), Self.history,
      [PruneRow([0: 1.5], false, "step 0 has 5 completed values < 6")], "n_min_trials 6")
  }

  func testMedianMaximizes() throws {
    try assertDecisions(
      try MedianPruner(), Self.history,
      [
        PruneRow([0: 0.9], true, "step 0 median 1; best (max) 0.9 < 1"),
        PruneRow([0: 1.5], false, "step 0 median 1; 1.5 >= 1"),
        PruneRow([0: 0.2, 1: 0.7], true, "step 1 median 0.75; best 0.7 < 0.75"),
        PruneRow([0: 0.2, 1: 5], false, "best 5 >= 0.75"),
        PruneRow([0: .nan, 1: .nan], true, "every value NaN"),
      ], direction: .maximize)
  }

  func testPercentile() throws {
    try assertDecisions(
      try PercentilePruner(percentile: 25), Self.history,
      [
        PruneRow([3: 0.4], true, "step 3, 25th percentile 0.3; 0.4 > 0.3 (the median would keep it)"),
        PruneRow([3: 0.25], false, "0.25 <= 0.3"),
        PruneRow([0: 2, 1: 0.68], true, "step 1, 25th percentile 0.675; 0.68 > 0.675"),
        PruneRow([0: 2, 1: 0.67], false, "0.67 <= 0.675"),
      ])
    try assertDecisions(
      try PercentilePruner(percentile: 25), Self.history,
      [
        PruneRow([3: 0.6], true, "maximizing uses the 75th percentile, 0.7 at step 3; 0.6 < 0.7"),
        PruneRow([3: 0.8], false, "0.8 >= 0.7"),
      ], direction: .maximize)
  }

  func testNaNPercentileMatchesNumPy() {
    // np.nanpercentile([4, nan, 1, 3, 2], q) for q = 0, 25, 50, 100: 1, 1.75, 2.5, 4.
    let values: [Double] = [4, .nan, 1, 3, 2]
    XCTAssertEqual(PercentilePruner.nanPercentile(values, 0), 1)
    XCTAssertEqual(PercentilePruner.nanPercentile(values, 25), 1.75)
    XCTAssertEqual(PercentilePruner.nanPercentile(values, 50), 2.5)
    XCTAssertEqual(PercentilePruner.nanPercentile(values, 100), 4)
    XCTAssert(PercentilePruner.nanPercentile([.nan, .nan], 50).isNaN)
    XCTAssertEqual(PercentilePruner.nanPercentile([7], 30), 7)
  }

  func testMultiObjectiveIsAnError() throws {
    let history = StudyHistory(directions: [.minimize, .maximize], trials: Self.history)
    XCTAssertThrowsError(try MedianPruner().prune(history, curveTrial(9, .running, [0: 1]))) {
      guard case HoneError.state(let m) = $0 else { return XCTFail("\($0)") }
      XCTAssert(m.contains("multi-objective"), m)
    }
    let study = try Study(directions: [.minimize, .minimize], pruner: try MedianPruner())
    let t = try study.ask()
    XCTAssertThrowsError(try study.shouldPrune(trial: t)) {
      guard case HoneError.state = $0 else { return XCTFail("\($0)") }
    }
  }

  func testBadOptionsNameTheOption() {
    func expect(_ key: String, _ make: () throws(HoneError) -> any Pruner) {
      XCTAssertThrowsError(try make()) {
        guard case HoneError.invalidArgument(let m) = $0 else { return XCTFail("\($0)") }
        XCTAssert(m.contains("'\(key)'"), m)
      }
    }
    expect("n_startup_trials") { () throws(HoneError) in try MedianPruner(nStartupTrials: -1) }
    expect("n_warmup_steps") { () throws(HoneError) in try MedianPruner(nWarmupSteps: -1) }
    expect("interval_steps") { () throws(HoneError) in try MedianPruner(intervalSteps: 0) }
    expect("n_min_trials") { () throws(HoneError) in try MedianPruner(nMinTrials: 0) }
    expect("percentile") { () throws(HoneError) in try PercentilePruner(percentile: 100.5) }
    expect("percentile") { () throws(HoneError) in try PercentilePruner(percentile: -1) }
    expect("percentile") { () throws(HoneError) in try PercentilePruner(percentile: .nan) }
  }
}
