import XCTest

@testable import Hone

/// The Wilcoxon pruner's decisions, worked out by hand from the exact or sign-flip
/// p-values of small samples, and inside a study.
final class PrunerWilcoxonTests: XCTestCase {
  /// The best trial's values: 1.0, 1.1, ..., 1.9 on instances 0...9; mean 1.45.
  static let bestCurve = Dictionary(uniqueKeysWithValues: (0..<10).map { (Int64($0), 1 + 0.1 * Double($0)) })

  static func trial(_ number: Int, _ state: TrialState, _ curve: [Int64: Double], value: Double? = nil) -> FrozenTrial {
    FrozenTrial(
      number: number, state: state, values: value.map { [$0] } ?? (state == .complete ? [0] : nil),
      intermediateValues: curve)
  }

  /// The best curve shifted by `delta` on `steps`.
  static func shifted(_ delta: Double, _ steps: some Sequence<Int>) -> [Int64: Double] {
    Dictionary(uniqueKeysWithValues: steps.map { (Int64($0), 1 + 0.1 * Double($0) + delta) })
  }

  func decide(
    _ pruner: WilcoxonPruner, _ curve: [Int64: Double], direction: StudyDirection = .minimize,
    history: [FrozenTrial]? = nil
  ) throws -> Bool {
    let trials = history ?? [Self.trial(0, .complete, Self.bestCurve, value: 1.45)]
    return try pruner.prune(StudyHistory(directions: [direction], trials: trials), Self.trial(99, .running, curve))
  }

  func testClearlyWorseIsPrunedAndEqualIsNot() throws {
    let p = try WilcoxonPruner()
    // Ten differences of +1, all tied: of the 2¹⁰ sign flips only all-positive reaches R⁺ = 55; p = 1/1024.
    XCTAssertTrue(try decide(p, Self.shifted(1, 0..<10)))
    // Ten distinct positive differences: the exact p is the same 1/1024.
    XCTAssertTrue(try decide(p, Dictionary(uniqueKeysWithValues: (0..<10).map { (Int64($0), 2 + 0.2 * Double($0)) })))
    // Equal values: ten zeros split their ranks, every flip gives R⁺ = 27.5, p = 1.
    XCTAssertFalse(try decide(p, Self.bestCurve))
    // Better everywhere: p = 1.
    XCTAssertFalse(try decide(p, Self.shifted(-1, 0..<10)))
  }

  func testTooFewSharedInstancesNeverPrune() throws {
    let p = try WilcoxonPruner()
    XCTAssertFalse(try decide(p, Self.shifted(1, [3])), "one shared instance is below the floor of 2")
    // Two positive differences: p = 1/4, above 0.1. Four: p = 1/16, below.
    XCTAssertFalse(try decide(p, Self.shifted(1, 0..<2)))
    XCTAssertTrue(try decide(p, Self.shifted(1, 6..<10)))
    XCTAssertFalse(try decide(try WilcoxonPruner(nStartupSteps: 5), Self.shifted(1, 6..<10)), "4 < 5 startup steps")
    XCTAssertTrue(try decide(try WilcoxonPruner(nStartupSteps: 4), Self.shifted(1, 6..<10)))
    // p = 1/16 is not below a threshold of 1/16.
    XCTAssertFalse(try decide(try WilcoxonPruner(pThreshold: 0.0625), Self.shifted(1, 6..<10)))
    XCTAssertFalse(try decide(p, [100: 5, 101: 6, 102: 7]), "no instance in common")
  }

  /// Worse on every shared instance (p = 1/32) but with a mean of 1.21 over
  /// instances 0...4, below the best's 1.45 over all ten: kept, as in Optuna.
  func testAGoodAverageOverEasierInstancesIsKept() throws {
    let p = try WilcoxonPruner()
    XCTAssertFalse(try decide(p, Self.shifted(0.01, 0..<5)))
    // The same five late instances: mean 1.71 > 1.45, pruned.
    XCTAssertTrue(try decide(p, Self.shifted(0.01, 5..<10)))
  }

  func testMaximizingTestsTheOtherTail() throws {
    let p = try WilcoxonPruner()
    XCTAssertTrue(try decide(p, Self.shifted(-1, 0..<10), direction: .maximize))
    XCTAssertFalse(try decide(p, Self.shifted(1, 0..<10), direction: .maximize))
  }

  func testComparesWithTheBestCompleteTrialOnly() throws {
    let p = try WilcoxonPruner()
    let worse = Self.trial(0, .complete, Self.shifted(1, 0..<10), value: 2.45)
    let best = Self.trial(1, .complete, Self.bestCurve, value: 1.45)
    // A RUNNING or PRUNED trial with better values is no yardstick.
    let running = Self.trial(2, .running, Self.shifted(-5, 0..<10))
    let pruned = Self.trial(3, .pruned, Self.shifted(-5, 0..<10), value: -3.55)
    // Equal to the worse COMPLETE trial, hence worse than the best.
    XCTAssertTrue(try decide(p, Self.shifted(1, 0..<10), history: [worse, best, running, pruned]))
    XCTAssertFalse(try decide(p, Self.shifted(1, 0..<10), history: [worse, running, pruned]))
    XCTAssertFalse(try decide(p, Self.shifted(1, 0..<10), history: []), "no COMPLETE trial")
    let noCurve = Self.trial(0, .complete, [:], value: 0)
    XCTAssertFalse(try decide(p, Self.shifted(1, 0..<10), history: [noCurve]), "the best has no values")
  }

  func testNonFiniteValuesNeverPrune() throws {
    let p = try WilcoxonPruner()
    var curve = Self.shifted(1, 0..<10)
    curve[10] = .nan
    XCTAssertFalse(try decide(p, curve))
    curve[10] = .infinity
    XCTAssertFalse(try decide(p, curve))
    var best = Self.bestCurve
    best[20] = -.infinity
    XCTAssertFalse(try decide(p, Self.shifted(1, 0..<10), history: [Self.trial(0, .complete, best, value: 1)]))
  }

  func testOptionsOutOfRangeAndMultiObjectiveStudiesAreRefused() throws {
    for (threshold, startup) in [(1.5, 0), (-0.1, 0), (.nan, 0), (0.1, -1)] {
      XCTAssertThrowsError(try WilcoxonPruner(pThreshold: threshold, nStartupSteps: startup))
    }
    XCTAssertNoThrow(try WilcoxonPruner(pThreshold: 0, nStartupSteps: 0))
    XCTAssertNoThrow(try WilcoxonPruner(pThreshold: 1, nStartupSteps: 0))
    let history = StudyHistory(directions: [.minimize, .minimize], trials: [])
    XCTAssertThrowsError(try WilcoxonPruner().prune(history, Self.trial(0, .running, Self.bestCurve))) {
      guard case HoneError.state = $0 else { return XCTFail("\($0)") }
    }
  }

  /// Inside a study: instances reported out of order; a trial twice as bad on each is
  /// pruned once it has shared four of them (p = 1/16), an equal one never.
  func testInsideAStudy() throws {
    let study = try Study(direction: .minimize, pruner: try WilcoxonPruner())
    let order: [Int64] = [7, 2, 9, 0, 5, 3, 8, 1, 6, 4]
    let first = try study.ask()
    for s in order { try study.report(trial: first, step: s, value: 1 + Double(s)) }
    try study.tell(trial: first, values: [5.5])
    let equal = try study.ask()
    for s in order {
      try study.report(trial: equal, step: s, value: 1 + Double(s))
      XCTAssertFalse(try study.shouldPrune(trial: equal))
    }
    let worse = try study.ask()
    var reported = 0
    for s in order {
      try study.report(trial: worse, step: s, value: 2 * (1 + Double(s)))
      reported += 1
      XCTAssertEqual(try study.shouldPrune(trial: worse), reported >= 4, "after \(reported) instances")
    }
  }
}
