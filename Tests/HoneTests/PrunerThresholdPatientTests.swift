import XCTest

@testable import Hone

/// Threshold and patient pruners against decision tables worked out by hand.
final class PrunerThresholdPatientTests: XCTestCase {
  func testThresholdJudgesTheLatestValue() throws {
    try assertDecisions(
      try ThresholdPruner(lower: 0.2, upper: 0.8), [],
      [
        PruneRow([:], false, "no step reported yet"),
        PruneRow([0: 0.5], false, "0.2 <= 0.5 <= 0.8"),
        PruneRow([0: 0.2], false, "the bounds themselves survive"),
        PruneRow([0: 0.1], true, "0.1 < lower 0.2"),
        PruneRow([0: 0.9], true, "0.9 > upper 0.8"),
        PruneRow([0: 0.5, 1: .nan], true, "NaN prunes"),
        PruneRow([0: 0.9, 1: 0.5], false, "only the latest value counts: 0.5"),
      ])
    // The direction plays no part.
    try assertDecisions(
      try ThresholdPruner(lower: 0.2, upper: 0.8), [],
      [PruneRow([0: 0.1], true, "0.1 < 0.2"), PruneRow([0: 0.9], true, "0.9 > 0.8")], direction: .maximize)
    try assertDecisions(
      try ThresholdPruner(upper: 1), [],
      [PruneRow([0: -100], false, "no lower bound"), PruneRow([0: 2], true, "2 > 1")], "upper only")
    try assertDecisions(
      try ThresholdPruner(lower: 0), [],
      [PruneRow([0: 1e300], false, "no upper bound"), PruneRow([0: -1], true, "-1 < 0")], "lower only")
  }

  func testThresholdWarmupAndInterval() throws {
    try assertDecisions(
      try ThresholdPruner(lower: 0.2, upper: 0.8, nWarmupSteps: 2), [],
      [
        PruneRow([0: 0.1], false, "step 0 < warmup 2"),
        PruneRow([0: 0.5, 1: 0.5, 2: 0.1], true, "step 2 >= warmup: 0.1 < 0.2"),
      ], "warmup")
    try assertDecisions(
      try ThresholdPruner(lower: 0.2, upper: 0.8, intervalSteps: 3), [],
      [
        PruneRow([0: 0.5, 1: 0.1], false, "pruning steps 0, 3, 6: step 1 follows step 0 in the same interval"),
        PruneRow([0: 0.5, 3: 0.1], true, "step 3 opens an interval: 0.1 < 0.2"),
        PruneRow([0: 0.5, 1: 0.5, 2: 0.5, 3: 0.9], true, "step 3 opens an interval: 0.9 > 0.8"),
        PruneRow([0: 0.5, 1: 0.5, 2: 0.5, 3: 0.5, 4: 0.95], false, "step 4 follows step 3 in [3, 6)"),
        PruneRow([0: 0.5, 4: 0.95], true, "step 4 is the first report in [3, 6): 0.95 > 0.8"),
      ], "interval")
  }

  func testThresholdRejectsBadBounds() {
    for (lower, upper, key) in [(nil, nil, "lower"), (2.0, 1.0, "lower"), (Double.nan, 1.0, "lower")] {
      XCTAssertThrowsError(try ThresholdPruner(lower: lower, upper: upper)) {
        guard case HoneError.invalidArgument(let m) = $0 else { return XCTFail("\($0)") }
        XCTAssert(m.contains("'\(key)'"), m)
      }
    }
    XCTAssertThrowsError(try ThresholdPruner(lower: 0, nWarmupSteps: -1))
    XCTAssertThrowsError(try ThresholdPruner(lower: 0, intervalSteps: 0))
  }

  func testPatientWithoutWrappedPruner() throws {
    try assertDecisions(
      try PatientPruner(wrapping: nil, patience: 2), [],
      [
        PruneRow([0: 1, 1: 0.9, 2: 0.95], false, "3 steps <= patience + 1 = 3: too few to judge"),
        PruneRow([0: 1, 1: 0.9, 2: 0.95, 3: 0.97], false, "before [1] min 1; last three min 0.9: improved"),
        PruneRow([0: 0.5, 1: 0.9, 2: 0.95, 3: 0.97], true, "before min 0.5 < last three min 0.9: stalled"),
        PruneRow([0: 0.5, 1: .nan, 2: .nan, 3: .nan], false, "the last three are all NaN: comparison false"),
        PruneRow([0: 0.5, 1: 0.9, 2: .nan, 3: 0.97], true, "NaN ignored: 0.5 < 0.9"),
        PruneRow([3: 0.5, 0: 0.4, 9: 0.95, 5: 0.97], true, "steps sorted 0, 3, 5, 9: 0.4 < min(0.5, 0.97, 0.95)"),
      ])
    try assertDecisions(
      try PatientPruner(wrapping: nil, patience: 2, minDelta: 0.5), [],
      [PruneRow([0: 0.5, 1: 0.9, 2: 0.95, 3: 0.97], false, "0.5 + min_delta 0.5 = 1.0 < 0.9? no")],
      "min_delta")
    try assertDecisions(
      try PatientPruner(wrapping: nil, patience: 2), [],
      [
        PruneRow([0: 0.5, 1: 0.9, 2: 0.95, 3: 0.97], false, "maximizing: max before 0.5 > max after 0.97? no"),
        PruneRow([0: 1, 1: 0.9, 2: 0.95, 3: 0.97], true, "maximizing: 1 > 0.97: stalled"),
      ], direction: .maximize)
    try assertDecisions(
      try PatientPruner(wrapping: nil, patience: 0), [],
      [
        PruneRow([0: 1], false, "1 step <= patience + 1 = 1"),
        PruneRow([0: 1, 1: 2], true, "1 < 2: the last step did not improve"),
        PruneRow([0: 1, 1: 1], false, "1 < 1? no: equal is not stalled"),
      ], "patience 0")
  }

  func testPatientAsksTheWrappedPrunerOnlyOnceStalled() throws {
    let stalled: [Int: Double] = [0: 0.5, 1: 0.9, 2: 0.95, 3: 0.97]
    let improving: [Int: Double] = [0: 1, 1: 0.9, 2: 0.95, 3: 0.97]
    try assertDecisions(
      try PatientPruner(wrapping: try ThresholdPruner(upper: 0.96), patience: 2), [],
      [
        PruneRow(stalled, true, "stalled, and the threshold prunes 0.97 > 0.96"),
        PruneRow(improving, false, "the threshold would prune 0.97, but the trial still improves"),
      ])
    try assertDecisions(
      try PatientPruner(wrapping: try ThresholdPruner(upper: 1), patience: 2), [],
      [PruneRow(stalled, false, "stalled, but the threshold keeps 0.97 <= 1")])
    XCTAssertThrowsError(try PatientPruner(wrapping: nil, patience: -1))
    XCTAssertThrowsError(try PatientPruner(wrapping: nil, patience: 1, minDelta: -0.1))
  }
}
