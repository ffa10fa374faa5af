import XCTest

@testable import Hone

/// The partial-fixed sampler: fixed values everywhere, the rest from the base sampler.
final class PartialFixedSamplerTests: XCTestCase {
  func sampler(_ json: String) throws -> any Sampler { try makeSampler(try JSON.parse(json)) }

  func testFixedParametersTakeTheirValuesAndTheRestVary() throws {
    for base in [#"{"type": "random", "seed": 1}"#, #"{"type": "qmc", "seed": 1}"#] {
      let s = try sampler(
        #"{"type": "partial_fixed", "options": {"fixed_params": {"y": 2, "opt": "sgd"}, "base_sampler": \#(base)}}"#)
      let study = try Study(direction: .minimize, sampler: s)
      var xs = Set<Double>()
      // QMC samples x and y jointly once a trial is complete: y must stay out of its space.
      try study.optimize(nTrials: 12) { trial in
        let x = try trial.suggestFloat("x", 0, 1)
        let y = try trial.suggestInt("y", 0, 4)
        let opt = try trial.suggestCategorical("opt", ["adam", "sgd"])
        XCTAssertEqual(y, 2, base)
        XCTAssertEqual(opt, "sgd", base)
        xs.insert(x)
        return x + Double(y)
      }
      XCTAssertEqual(xs.count, 12, base)
    }
  }

  func testTheBaseSamplersSeedDecidesTheRest() throws {
    func run(_ seed: Int) throws -> [Double] {
      let base = RandomSampler(seed: UInt64(seed))
      let study = try Study(direction: .minimize, sampler: PartialFixedSampler(fixedParams: [("y", .int(1))], base: base))
      var xs: [Double] = []
      try study.optimize(nTrials: 5) { trial in
        let x = try trial.suggestFloat("x", 0, 1)
        xs.append(x)
        return x + Double(try trial.suggestInt("y", 0, 4))
      }
      return xs
    }
    let plain = try Study(direction: .minimize, sampler: RandomSampler(seed: 4))
    var xs: [Double] = []
    try plain.optimize(nTrials: 5) { trial in
      xs.append(try trial.suggestFloat("x", 0, 1))
      return xs.last ?? 0
    }
    XCTAssertEqual(try run(4), xs)
    XCTAssertNotEqual(try run(5), xs)
  }

  func testDefineAndRunFixesTheParameter() throws {
    let space = SearchSpace([
      ("x", try Distribution.makeFloat(low: 0, high: 1)), ("n", try Distribution.makeInt(low: 1, high: 9, step: 2)),
    ])
    let study = try Study(
      direction: .minimize, sampler: PartialFixedSampler(fixedParams: [("n", .int(7))], base: QMCSampler(seed: 2)),
      searchSpace: space)
    for _ in 0..<6 {
      let t = try study.ask()
      XCTAssertEqual(try study.trial(t).param("n")?.value, .int(7))
      try study.tell(trial: t, values: [1])
    }
  }

  func testABruteForceBaseSearchesTheRestOfADefineAndRunSpace() throws {
    let space = SearchSpace([
      ("x", try Distribution.makeInt(low: 0, high: 2)), ("n", try Distribution.makeInt(low: 0, high: 4)),
      ("c", try Distribution.makeCategorical([.string("a"), .string("b")])),
    ])
    let study = try Study(
      direction: .minimize, sampler: PartialFixedSampler(fixedParams: [("n", .int(3))], base: BruteForceSampler(seed: 1)),
      searchSpace: space)
    var seen = Set<[ParamValue]>()
    for _ in 0..<6 {
      let t = try study.ask()
      let params = try study.trial(t).params
      XCTAssertEqual(params.first { $0.name == "n" }?.value, .int(3))
      seen.insert(params.map(\.value))
      try study.tell(trial: t, values: [0])
    }
    XCTAssertEqual(seen.count, 6, "every (x, c) once")
  }

  func testAnEnqueuedValueWinsOverTheFixedOne() throws {
    let study = try Study(
      direction: .minimize, sampler: PartialFixedSampler(fixedParams: [("n", .int(3))], base: RandomSampler(seed: 0)))
    try study.enqueueTrial([("n", .int(5))])
    let t = try study.ask()
    XCTAssertEqual(try study.suggestInt(trial: t, "n", 1, 9), 5)
  }

  func testANonFiniteFixedValueFitsOnlyACategoricalChoice() throws {
    let study = try Study(
      direction: .minimize,
      sampler: try sampler(
        #"{"type": "partial_fixed", "options": {"fixed_params": {"c": NaN, "x": -Infinity}, "base_sampler": {"type": "random"}}}"#))
    let t = try study.ask()
    XCTAssertEqual(try study.suggestCategorical(trial: t, "c", [.number(1), .number(.nan), .null]), 1)
    XCTAssertEqual(
      invalidArgumentMessage { try study.suggestFloat(trial: t, "x", 0, 1) },
      "partial_fixed sampler: the fixed value -Infinity of 'x' does not lie in float[0.0, 1.0]")
  }

  func testAFixedValueOutsideItsDistributionIsAnError() throws {
    let study = try Study(
      direction: .minimize,
      sampler: PartialFixedSampler(fixedParams: [("n", .int(10)), ("c", .string("z"))], base: RandomSampler(seed: 0)))
    let t = try study.ask()
    XCTAssertEqual(
      invalidArgumentMessage { try study.suggestInt(trial: t, "n", 1, 9) },
      "partial_fixed sampler: the fixed value 10 of 'n' does not lie in int[1, 9]")
    XCTAssertEqual(
      invalidArgumentMessage { try study.suggestCategorical(trial: t, "c", [.string("a"), .string("b")]) },
      "partial_fixed sampler: the fixed value \"z\" of 'c' does not lie in categorical[\"a\", \"b\"]")
    XCTAssertNil(try study.trial(t).param("n"), "a failed suggestion records nothing")
  }

  func testOptionsAndTheirErrors() throws {
    let bad: [(String, String)] = [
      (#"{"type": "partial_fixed", "options": {"base_sampler": {"type": "random"}}}"#, "'fixed_params' is required"),
      (#"{"type": "partial_fixed", "options": {"fixed_params": {}}}"#, "'base_sampler' is required"),
      (#"{"type": "partial_fixed", "options": {"fixed_params": {}, "base_sampler": "random"}}"#, "must be an object"),
      (
        #"{"type": "partial_fixed", "seed": 1, "options": {"fixed_params": {}, "base_sampler": {"type": "random"}}}"#,
        "'seed' belongs to its base_sampler"
      ),
      (
        #"{"type": "partial_fixed", "options": {"fixed_params": {"x": [1]}, "base_sampler": {"type": "random"}}}"#,
        "the fixed value of 'x' must be a scalar"
      ),
      (
        #"{"type": "partial_fixed", "options": {"fixed_params": {}, "base_sampler": {"type": "qmc", "options": {"x": 1}}}}"#,
        "qmc sampler options: unknown key 'x'"
      ),
      (#"{"type": "partial_fixed", "options": {"fixed": {}}}"#, "partial_fixed sampler options: unknown key 'fixed'"),
    ]
    for (spec, expected) in bad {
      let m = invalidArgumentMessage { try self.sampler(spec) }
      XCTAssert(m?.contains(expected) == true, "\(spec): \(m ?? "no error")")
    }
    let s = try XCTUnwrap(
      try sampler(
        #"{"type": "partial_fixed", "options": {"fixed_params": {"x": 1}, "base_sampler": {"type": "grid", "options": {"search_space": {"y": [1, 2]}}}}}"#
      ) as? PartialFixedSampler)
    XCTAssert(s.base is GridSampler)
    XCTAssertEqual(s.fixedParams.map(\.0), ["x"])
  }
}
