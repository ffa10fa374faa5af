import XCTest

@testable import Hone

/// Asynchronous successive halving: rungs and promotions on crafted trials, worked out by hand.
final class PrunerSuccessiveHalvingTests: XCTestCase {
  /// Reports `value` at `step` and asks the pruner.
  func report(_ study: Study, _ trial: Int, _ step: Int, _ value: Double) throws -> Bool {
    try study.report(trial: trial, step: Int64(step), value: value)
    return try study.shouldPrune(trial: trial)
  }

  func rungs(_ study: Study, _ trial: Int) throws -> [Double?] {
    let t = try study.trial(trial)
    return (0..<4).map { t.systemAttr(SuccessiveHalvingPruner.rungKey($0))?.numberValue }
  }

  func testRungStepsArePowersOfTheReductionFactor() throws {
    let pruner = try SuccessiveHalvingPruner(minResource: .steps(1), reductionFactor: 2)
    XCTAssertEqual((0..<4).map { pruner.rungStep($0, minResource: 1) }, [1, 2, 4, 8])
    let later = try SuccessiveHalvingPruner(minResource: .steps(3), reductionFactor: 4, minEarlyStoppingRate: 1)
    XCTAssertEqual((0..<3).map { later.rungStep($0, minResource: 3) }, [12, 48, 192])
  }

  /// η = 2, min_resource 1: rungs at steps 1, 2, 4, 8. A trial is promoted through
  /// rung k when its value is within the best ⌊n/2⌋ of the n values recorded there
  /// (itself included), or the best while n < 2.
  func testPromotionsKeepTheTopHalfOfEachRung() throws {
    let study = try Study(
      direction: .minimize, pruner: try SuccessiveHalvingPruner(minResource: .steps(1), reductionFactor: 2))
    let t0 = try study.ask()
    XCTAssertFalse(try report(study, t0, 0, 5), "step 0 is below rung 0 (step 1)")
    XCTAssertFalse(try report(study, t0, 1, 1.0), "rung 0: [1.0] alone → best → promoted")
    XCTAssertFalse(try report(study, t0, 2, 0.8), "rung 1: [0.8] alone → promoted")
    XCTAssertFalse(try report(study, t0, 3, 0.7), "step 3 is between rungs 1 and 2")
    XCTAssertFalse(try report(study, t0, 4, 0.6), "rung 2: [0.6] alone → promoted")
    XCTAssertEqual(try rungs(study, t0), [1.0, 0.8, 0.6, nil])
    try study.tell(trial: t0, values: [0.6])

    let t1 = try study.ask()
    XCTAssertTrue(try report(study, t1, 1, 2.0), "rung 0: [1, 2] → top ⌊2/2⌋ = 1 is 1 → 2 pruned")
    XCTAssertEqual(try rungs(study, t1), [2.0, nil, nil, nil], "the value is recorded even when pruned")
    try study.tell(trial: t1, values: [], state: .pruned)

    let t2 = try study.ask()
    XCTAssertFalse(try report(study, t2, 1, 0.5), "rung 0: [1, 2, 0.5] → top 1 is 0.5 → promoted")
    XCTAssertTrue(try report(study, t2, 2, 0.9), "rung 1: [0.8, 0.9] → top 1 is 0.8 → pruned")
    try study.tell(trial: t2, values: [], state: .pruned)

    let t3 = try study.ask()
    XCTAssertTrue(try report(study, t3, 1, 1.5), "rung 0: [.5, 1, 1.5, 2] → top 2 are .5, 1 → pruned")
    try study.tell(trial: t3, values: [], state: .pruned)

    let t4 = try study.ask()
    XCTAssertFalse(try report(study, t4, 1, 0.9), "rung 0: [.5, .9, 1, 1.5, 2] → top 2 are .5, .9 → promoted")
    XCTAssertFalse(try report(study, t4, 2, 0.7), "rung 1: [.7, .8, .9] → top 1 is .7 → promoted")
    XCTAssertTrue(try report(study, t4, 4, 0.65), "rung 2 (step 3 skipped): [.6, .65] → top 1 is .6 → pruned")
    try study.tell(trial: t4, values: [], state: .pruned)

    // One report past several rungs is judged at each with the same value.
    let t5 = try study.ask()
    XCTAssertFalse(
      try report(study, t5, 5, 0.55),
      "rung 0: [.5, .55, .9, 1, 1.5, 2] top 3 → promoted; rung 1: [.55, .7, .8, .9] top 2 → promoted; "
        + "rung 2: [.55, .6, .65] top 1 → promoted; rung 3 is at step 8")
    XCTAssertEqual(try rungs(study, t5), [0.55, 0.55, 0.55, nil])

    let t6 = try study.ask()
    XCTAssertTrue(try report(study, t6, 1, .nan), "a NaN at a rung is pruned")
    XCTAssertEqual(try rungs(study, t6), [nil, nil, nil, nil], "and not recorded")
    let t7 = try study.ask()
    XCTAssertFalse(try report(study, t7, 0, .nan), "a NaN below the first rung is not judged yet")
  }

  func testMaximizingKeepsTheLargestValues() {
    // η = 2 and four values [1, 2, 3, 4]: the top ⌊4/2⌋ = 2 are 3 and 4.
    XCTAssertTrue(SuccessiveHalvingPruner.isPromotable(3, [1, 2, 3, 4], 2, .maximize))
    XCTAssertFalse(SuccessiveHalvingPruner.isPromotable(2, [1, 2, 3, 4], 2, .maximize))
    XCTAssertTrue(SuccessiveHalvingPruner.isPromotable(2, [1, 2, 3, 4], 2, .minimize))
    XCTAssertFalse(SuccessiveHalvingPruner.isPromotable(3, [1, 2, 3, 4], 2, .minimize))
    // η = 3 and two values: fewer than η, so only the best goes on.
    XCTAssertTrue(SuccessiveHalvingPruner.isPromotable(5, [5, 1], 3, .maximize))
    XCTAssertFalse(SuccessiveHalvingPruner.isPromotable(1, [5, 1], 3, .maximize))
  }

  func testBootstrapCountPrunesUntilTheRungHoldsMoreValues() throws {
    let study = try Study(
      direction: .minimize,
      pruner: try SuccessiveHalvingPruner(minResource: .steps(1), reductionFactor: 2, bootstrapCount: 2))
    let decisions = try (0..<3).map { i in
      let t = try study.ask()
      return try report(study, t, 1, 1.0 - Double(i) * 0.1)
    }
    // Rung 0 then holds 1, 2 and 3 values: 1 and 2 are <= bootstrap_count 2 → pruned; the
    // third (0.8, the best of [1, .9, .8]) is judged and promoted.
    XCTAssertEqual(decisions, [true, true, false])
  }

  func testMinEarlyStoppingRateDelaysTheFirstRung() throws {
    let study = try Study(
      direction: .minimize,
      pruner: try SuccessiveHalvingPruner(minResource: .steps(1), reductionFactor: 2, minEarlyStoppingRate: 1))
    let t = try study.ask()
    XCTAssertFalse(try report(study, t, 1, 1))
    XCTAssertEqual(try rungs(study, t), [nil, nil, nil, nil], "rung 0 is at step 1 · 2^1 = 2")
    XCTAssertFalse(try report(study, t, 2, 1))
    XCTAssertEqual(try rungs(study, t), [1, nil, nil, nil])
  }

  func testAutoMinResourceComesFromTheFirstCompletedTrials() throws {
    let pruner = try SuccessiveHalvingPruner(reductionFactor: 2)
    let study = try Study(direction: .minimize, pruner: pruner)
    let early = try study.ask()
    XCTAssertFalse(try report(study, early, 1000, 5), "no COMPLETE trial: nothing is judged")
    XCTAssertEqual(try rungs(study, early), [nil, nil, nil, nil])
    let long = try study.ask()
    for s in [0, 100, 250] { try study.report(trial: long, step: Int64(s), value: 1) }
    try study.tell(trial: long, values: [1])
    // min_resource = max(250 // 100, 1) = 2: rungs at steps 2, 4, 8.
    let t = try study.ask()
    XCTAssertFalse(try report(study, t, 1, 3))
    XCTAssertEqual(try rungs(study, t), [nil, nil, nil, nil])
    XCTAssertFalse(try report(study, t, 2, 3))
    XCTAssertEqual(try rungs(study, t), [3, nil, nil, nil])
    // The estimate is kept once made, whatever completes later.
    let longer = try study.ask()
    try study.report(trial: longer, step: 10_000, value: 1)
    try study.tell(trial: longer, values: [1])
    XCTAssertFalse(try report(study, t, 4, 3))
    XCTAssertEqual(try rungs(study, t), [3, 3, nil, nil])
  }

  func testBadOptionsNameTheOption() {
    let cases: [(String, () throws(HoneError) -> SuccessiveHalvingPruner)] = [
      ("min_resource", { () throws(HoneError) in try SuccessiveHalvingPruner(minResource: .steps(0)) }),
      ("reduction_factor", { () throws(HoneError) in try SuccessiveHalvingPruner(reductionFactor: 1) }),
      ("min_early_stopping_rate", { () throws(HoneError) in try SuccessiveHalvingPruner(minEarlyStoppingRate: -1) }),
      ("bootstrap_count", { () throws(HoneError) in try SuccessiveHalvingPruner(minResource: .steps(1), bootstrapCount: -1) }),
      ("bootstrap_count", { () throws(HoneError) in try SuccessiveHalvingPruner(bootstrapCount: 1) }),
    ]
    for (key, make) in cases {
      XCTAssertThrowsError(try make()) {
        guard case HoneError.invalidArgument(let m) = $0 else { return XCTFail("\($0)") }
        XCTAssert(m.contains("'\(key)'"), m)
      }
    }
  }
}
