import XCTest

@testable import Hone

/// Hyperband: the brackets of Li et al. 2018, the assignment of trials, and isolation.
final class PrunerHyperbandTests: XCTestCase {
  typealias Rung = HyperbandPruner.Rung

  /// R = 81, η = 3: Li et al. 2018, Table 1, one column per s = 4 ... 0; n_i = ⌊n η^-i⌋,
  /// r_i = η^(4-s+i). Bracket index b = 4 − s is the minimum early-stopping rate.
  func testBracketsMatchTable1OfTheHyperbandPaper() throws {
    let expected: [(budget: Int, rungs: [(Int, Int)])] = [
      (81, [(81, 1), (27, 3), (9, 9), (3, 27), (1, 81)]),  // s = 4: n = ⌈5 · 81 / 5⌉
      (34, [(34, 3), (11, 9), (3, 27), (1, 81)]),  // s = 3: n = ⌈5 · 27 / 4⌉ = ⌈33.75⌉
      (15, [(15, 9), (5, 27), (1, 81)]),  // s = 2: n = ⌈5 · 9 / 3⌉
      (8, [(8, 27), (2, 81)]),  // s = 1: n = ⌈5 · 3 / 2⌉ = ⌈7.5⌉
      (5, [(5, 81)]),  // s = 0: n = 5
    ]
    let pruner = try HyperbandPruner(minResource: 1, maxResource: .steps(81), reductionFactor: 3)
    let brackets = try XCTUnwrap(pruner.brackets)
    XCTAssertEqual(brackets, HyperbandPruner.brackets(minResource: 1, maxResource: 81, reductionFactor: 3))
    XCTAssertEqual(brackets.count, 5)
    for (b, (bracket, row)) in zip(brackets, expected).enumerated() {
      XCTAssertEqual(bracket.index, b)
      XCTAssertEqual(bracket.budget, row.budget, "bracket \(b)")
      XCTAssertEqual(bracket.rungs, row.rungs.map { Rung(trials: $0.0, resource: $0.1) }, "bracket \(b)")
    }
  }

  func testBracketCountIsExactAtPowersAndBetweenThem() {
    // ⌊log_3(243)⌋ + 1 = 6 (a floating-point log gives 4.999...); ⌊log_3(10 / 3)⌋ + 1 = 2.
    XCTAssertEqual(HyperbandPruner.brackets(minResource: 1, maxResource: 243, reductionFactor: 3).count, 6)
    XCTAssertEqual(HyperbandPruner.brackets(minResource: 3, maxResource: 10, reductionFactor: 3).count, 2)
    XCTAssertEqual(HyperbandPruner.brackets(minResource: 4, maxResource: 4, reductionFactor: 2).count, 1)
  }

  func testCRC32IsZlibs() {
    XCTAssertEqual(CRC32.checksum("123456789".utf8), 0xCBF4_3926)
    XCTAssertEqual(CRC32.checksum("study_0".utf8), 368_277_276)  // Python: binascii.crc32(b"study_0")
  }

  /// Expected brackets from Python: `binascii.crc32(f"{name}_{n}".encode()) % total`, walked
  /// down the budgets as Optuna's `_get_bracket_id` does.
  func testAssignmentIsOptunasHashAndDeterministic() throws {
    let big = try HyperbandPruner(minResource: 1, maxResource: .steps(81))
    // study_0: 368277276 % 143 = 81 → past bracket 0's 81 → bracket 1; study_1: 34 → bracket 0.
    XCTAssertEqual((0..<8).map { big.bracket(ofTrial: $0, studyName: "study") }, [1, 0, 0, 0, 0, 0, 0, 0])
    let small = try HyperbandPruner(minResource: 1, maxResource: .steps(9))
    XCTAssertEqual(small.brackets?.map(\.budget), [9, 5, 3])
    XCTAssertEqual(
      (0..<12).map { small.bracket(ofTrial: $0, studyName: "hb") }, [0, 0, 2, 2, 1, 1, 1, 2, 1, 0, 1, 0])
    let again = try HyperbandPruner(minResource: 1, maxResource: .steps(9))
    XCTAssertEqual(
      (0..<200).map { again.bracket(ofTrial: $0, studyName: "hb") },
      (0..<200).map { small.bracket(ofTrial: $0, studyName: "hb") })
  }

  func testAssignmentFollowsTheBudgets() throws {
    let pruner = try HyperbandPruner(minResource: 1, maxResource: .steps(81))
    var counts = [Int](repeating: 0, count: 5)
    let n = 143 * 200
    for t in 0..<n { counts[pruner.bracket(ofTrial: t, studyName: "proportions")!] += 1 }
    for (b, budget) in [81, 34, 15, 8, 5].enumerated() {
      let expected = Double(n * budget) / 143
      XCTAssertEqual(Double(counts[b]), expected, accuracy: expected * 0.1, "bracket \(b): \(counts)")
    }
  }

  /// Study "hb", min 1, max 9, η = 3: brackets 0, 1, 2 with rungs at steps {1, 3, 9},
  /// {3, 9} and {9}. From the hash: trials 0, 1 are in bracket 0; 4, 5 in bracket 1; 2 in bracket 2.
  func testBracketsCompareOnlyTheirOwnTrials() throws {
    let study = try Study(
      name: "hb", direction: .minimize, pruner: try HyperbandPruner(minResource: 1, maxResource: .steps(9)))
    for _ in 0..<6 { _ = try study.ask() }
    func report(_ t: Int, _ step: Int, _ value: Double) throws -> Bool {
      try study.report(trial: t, step: Int64(step), value: value)
      return try study.shouldPrune(trial: t)
    }
    XCTAssertFalse(try report(4, 3, 0.0), "bracket 1, rung 0 at step 3: [0] alone → promoted")
    XCTAssertFalse(
      try report(0, 1, 1.0), "bracket 0, rung 0 at step 1: [1] alone; trial 4's 0 at its rung 0 is not compared")
    XCTAssertTrue(try report(1, 1, 2.0), "bracket 0, rung 0: [1, 2] → top 1 is 1 → pruned")
    XCTAssertFalse(try report(5, 1, 5.0), "bracket 1 has no rung at step 1")
    XCTAssertTrue(try report(5, 3, 0.5), "bracket 1, rung 0: [0, 0.5] → top 1 is 0 → pruned")
    XCTAssertFalse(try report(2, 3, 100), "bracket 2's only rung is at step 9")
  }

  func testAutoMaxResourceWaitsForACompletedTrial() throws {
    let pruner = try HyperbandPruner()
    let study = try Study(name: "hb", direction: .minimize, pruner: pruner)
    let t0 = try study.ask()
    let t1 = try study.ask()
    try study.report(trial: t1, step: 1, value: 1e9)
    XCTAssertFalse(try study.shouldPrune(trial: t1), "no COMPLETE trial: the brackets are unknown")
    XCTAssertNil(pruner.brackets)
    for s in 0...8 { try study.report(trial: t0, step: Int64(s), value: 1) }
    try study.tell(trial: t0, values: [1])
    _ = try study.shouldPrune(trial: t1)
    // max_resource = last step 8 + 1 = 9: three brackets, as with a fixed 9.
    XCTAssertEqual(pruner.brackets, HyperbandPruner.brackets(minResource: 1, maxResource: 9, reductionFactor: 3))
  }

  func testBadOptionsNameTheOption() {
    let cases: [(String, () throws(HoneError) -> HyperbandPruner)] = [
      ("min_resource", { () throws(HoneError) in try HyperbandPruner(minResource: 0) }),
      ("max_resource", { () throws(HoneError) in try HyperbandPruner(minResource: 5, maxResource: .steps(4)) }),
      ("reduction_factor", { () throws(HoneError) in try HyperbandPruner(reductionFactor: 1) }),
      ("bootstrap_count", { () throws(HoneError) in try HyperbandPruner(maxResource: .steps(9), bootstrapCount: -1) }),
      ("bootstrap_count", { () throws(HoneError) in try HyperbandPruner(bootstrapCount: 1) }),
    ]
    for (key, make) in cases {
      XCTAssertThrowsError(try make()) {
        guard case HoneError.invalidArgument(let m) = $0 else { return XCTFail("\($0)") }
        XCTAssert(m.contains("'\(key)'"), m)
      }
    }
  }
}
