import XCTest

@testable import Hone

/// Distributional checks of the samplers against their intended laws.
final class SamplerDistributionTests: XCTestCase {
  /// Pearson's chi-square statistic of observed counts against equal expectations.
  func chiSquare(_ counts: [Int]) -> Double {
    let n = Double(counts.reduce(0, +))
    let e = n / Double(counts.count)
    return counts.reduce(0) { $0 + (Double($1) - e) * (Double($1) - e) / e }
  }

  func draws(_ d: Distribution, _ n: Int, seed: UInt64 = 3) -> [Double] {
    (0..<n).map { RandomSampler.draw(d, seed: seed, trial: $0, name: "p").double }
  }

  // Critical values at p = 0.001: 19 dof → 43.82, 9 dof → 27.88, 4 dof → 18.47.

  func testRandomFloatIsUniform() throws {
    let d = try Distribution.makeFloat(low: -2, high: 3)
    var counts = [Int](repeating: 0, count: 20)
    for x in draws(d, 20_000) { counts[min(Int((x + 2) / 5 * 20), 19)] += 1 }
    XCTAssertLessThan(chiSquare(counts), 43.82)
  }

  func testRandomLogFloatIsUniformInLogSpace() throws {
    let d = try Distribution.makeFloat(low: 1e-4, high: 1, log: true)
    var counts = [Int](repeating: 0, count: 4)
    for x in draws(d, 20_000) { counts[min(Int(-x.logValue / 10.0.logValue), 3)] += 1 }
    // Each decade [1e-k-1, 1e-k) holds a quarter of the mass.
    XCTAssertLessThan(chiSquare(counts), 16.27)
  }

  func testRandomIntAndStepAndCategoricalAreUniformOverTheirPoints() throws {
    let int = try Distribution.makeInt(low: -4, high: 5)
    var c1 = [Int](repeating: 0, count: 10)
    for x in draws(int, 10_000) { c1[Int(x) + 4] += 1 }
    XCTAssertLessThan(chiSquare(c1), 27.88)

    let stepped = try Distribution.makeFloat(low: 0, high: 1, step: 0.25)
    var c2 = [Int](repeating: 0, count: 5)
    for x in draws(stepped, 10_000) { c2[Int((x / 0.25).rounded())] += 1 }
    XCTAssertLessThan(chiSquare(c2), 18.47)

    let cat = try Distribution.makeCategorical((0..<5).map { .number(Double($0)) })
    var c3 = [Int](repeating: 0, count: 5)
    for x in draws(cat, 10_000) { c3[Int(x)] += 1 }
    XCTAssertLessThan(chiSquare(c3), 18.47)
  }

  func testRandomLogIntFavoursSmallValuesAsLogUniform() throws {
    let d = try Distribution.makeInt(low: 1, high: 100, log: true)
    let xs = draws(d, 20_000)
    // Under log-uniform sampling on [0.5, 100.5], P(x <= 10) = log(10.5/0.5)/log(100.5/0.5).
    let expected = (10.5 / 0.5).logValue / (100.5 / 0.5).logValue
    let observed = Double(xs.filter { $0 <= 10 }.count) / 20_000
    XCTAssertEqual(observed, expected, accuracy: 0.015)
  }

  func testSeedsGiveIndependentStreams() throws {
    let d = try Distribution.makeFloat(low: 0, high: 1)
    XCTAssertNotEqual(draws(d, 10, seed: 1), draws(d, 10, seed: 2))
    XCTAssertEqual(draws(d, 10, seed: 1), draws(d, 10, seed: 1))
  }

  func testQMCStratifiesEachParameter() throws {
    let study = try Study(
      optionsJSON: #"""
        {"sampler": {"type": "qmc", "seed": 11}, "search_space": {
          "a": {"type": "float", "low": 0, "high": 1}, "b": {"type": "float", "low": 0, "high": 1}}}
        """#)
    var a: [Double] = []
    for _ in 0..<64 {
      let t = try study.ask()
      a.append(try study.suggestFloat(trial: t, "a", 0, 1))
      try study.tell(trial: t, values: [0])
    }
    // A scrambled Sobol net puts exactly one of the first 64 points in each 1/64 cell.
    XCTAssertEqual(Set(a.map { Int($0 * 64) }).count, 64)
  }

  func testGridVisitsEveryPointOnceThenIsExhausted() throws {
    let study = try Study(
      optionsJSON: #"{"sampler": {"type": "grid", "seed": 1, "options": {"search_space": {"x": [1, 2, 3], "c": ["u", "v"]}}}}"#)
    var seen = Set<String>()
    for _ in 0..<6 {
      let t = try study.ask()
      let x = try study.suggestInt(trial: t, "x", 1, 3)
      let c = try study.suggestCategorical(trial: t, "c", [.string("u"), .string("v")])
      seen.insert("\(x)\(c)")
      try study.tell(trial: t, values: [Double(x)])
    }
    XCTAssertEqual(seen.count, 6)
    XCTAssertThrowsError(try study.ask()) { error in
      guard case HoneError.exhausted = error else { return XCTFail("\(error)") }
    }
    XCTAssertEqual(try study.trialCount(), 6)
  }

  func testGridRetriesFailedPoints() throws {
    let study = try Study(
      optionsJSON: #"{"sampler": {"type": "grid", "options": {"search_space": {"x": [1, 2]}}}}"#)
    var xs: [Double] = []
    for state in [TrialState.fail, .complete, .complete] {
      let t = try study.ask()
      xs.append(try study.suggestFloat(trial: t, "x", 1, 2))
      try study.tell(trial: t, values: [1], state: state)
    }
    XCTAssertThrowsError(try study.ask())
    // The failed point comes back: three trials cover the two points.
    XCTAssertEqual(Set(xs), [1, 2])
    XCTAssert(xs[1...].contains(xs[0]))
  }

  func testGridRejectsParametersOutsideTheGrid() throws {
    let study = try Study(optionsJSON: #"{"sampler": {"type": "grid", "options": {"search_space": {"x": [1, 2]}}}}"#)
    let t = try study.ask()
    XCTAssertThrowsError(try study.suggestFloat(trial: t, "y", 0, 1)) { error in
      XCTAssert("\(error)".contains("'y'"))
    }
    XCTAssertThrowsError(try study.suggestFloat(trial: t, "x", 5, 6)) { error in
      XCTAssert("\(error)".contains("do not fit"))
    }
  }
}
