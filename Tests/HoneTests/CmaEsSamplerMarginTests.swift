internal import HonePlatform
import HoneNumerics
import XCTest

@testable import Hone

/// CmaEsSampler's `with_margin` (CMA-ES with margin) and `source_trials` (WS-CMA-ES).
final class CmaEsSamplerMarginTests: XCTestCase {
  var scratch: TemporaryDirectory!
  override func setUpWithError() throws { scratch = try TemporaryDirectory("hone-cmaes-margin-test") }
  override func tearDown() { scratch.remove() }

  func sampler(_ study: Study) throws -> CmaEsSampler { try XCTUnwrap(study.sampler as? CmaEsSampler) }

  /// A sphere over four integers in [-10, 10] whose optimum is off the centre.
  static let optimum: [Int64] = [3, -7, 6, 9]

  func runSphere(_ study: Study) throws {
    let t = try study.ask()
    var value = 0.0
    for (k, name) in ["a", "b", "c", "d"].enumerated() {
      let v = try study.suggestInt(trial: t, name, -10, 10)
      value += Double((v - Self.optimum[k]) * (v - Self.optimum[k]))
    }
    try study.tell(trial: t, values: [value])
  }

  /// With margin every integer keeps a chance of at least α = 1/(nλ) of leaving the
  /// value of the mean's cell, generation after generation, while σ shrinks.
  func testWithMarginEveryIntegerKeepsItsChanceOfChanging() throws {
    let study = try Study(
      optionsJSON: #"{"sampler": {"type": "cmaes", "seed": 8, "options": {"with_margin": true}}}"#)
    var checked = 0
    for _ in 0..<240 {
      try runSphere(study)
      guard let state = try sampler(study).cachedState else { continue }
      XCTAssertEqual(state.margin, 1.0 / (4 * 8), accuracy: 1e-15)
      XCTAssertEqual(state.steps, Array(repeating: 1.0 / 21, count: 4), "21 integers, cells of 1/21")
      for i in 0..<4 {
        let p = try XCTUnwrap(state.marginalChangeProbability(i))
        XCTAssertGreaterThanOrEqual(p, state.margin * (1 - 1e-9), "generation \(state.generation), \(i)")
      }
      checked += 1
    }
    let state = try XCTUnwrap(try sampler(study).cachedState)
    XCTAssertGreaterThanOrEqual(state.generation, 25)
    XCTAssertGreaterThan(checked, 200)
    XCTAssert(state.marginScales.contains { $0 > 1 }, "the correction widened some coordinate: \(state.marginScales)")
  }

  /// A generation is told the unencoded draws its trials' numbers seed, not their grid points (CMAwM's x_for_tell).
  func testWithMarginTellsTheDrawsItEncoded() throws {
    let study = try Study(
      optionsJSON: #"{"sampler": {"type": "cmaes", "seed": 3, "options": {"with_margin": true, "popsize": 6}}}"#)
    for _ in 0..<7 { try runSphere(study) }
    _ = try study.ask()
    let s = try sampler(study)
    let state = try XCTUnwrap(s.cachedState)
    XCTAssertEqual(state.generation, 1)
    let d = Distribution.int(low: -10, high: 10, step: 1, log: false)
    let space = SearchSpace(["a", "b", "c", "d"].map { ($0, d) })
    var expected = try s.initialState(space, populationSize: 6, sign: 1)
    let trials = try study.trials
    var told: [(x: [Double], value: Double)] = []
    for t in trials[1...6] {
      var rng = s.drawStream(t.number)
      let draw = expected.ask(using: &rng)
      let encoded = expected.encoded(draw)
      XCTAssertEqual(
        space.names.map { t.param($0)?.value }, encoded.map { d.fromUnit($0) }, "trial \(t.number) is its draw's encoding")
      told.append((draw, try XCTUnwrap(t.value)))
    }
    // Cells of width 1/21: the draws are not their cells' centres.
    let centres = told.map { $0.x.map { ((min(max($0, 0), 1) * 21).rounded(.down) + 0.5) / 21 } }
    XCTAssertNotEqual(told.map(\.x), centres, "the draws are off the grid")
    try expected.tell(told)
    XCTAssertEqual(state, expected)
  }

  /// The state a fresh sampler rebuilds from the SQLite file equals the one the running
  /// sampler kept, with margin and a warm start together (Optuna allows both).
  func testTheStateRebuiltFromStorageEqualsTheStateInMemory() throws {
    let url = "sqlite:///\(scratch.path)/margin.db"
    let options = #"{"with_margin": true, "popsize": 5, "source_trials": \#(Self.sphereSources)}"#
    let spec = #"{"type": "cmaes", "seed": 12, "options": \#(options)}"#
    let study = try Study(optionsJSON: #"{"name": "m", "storage": "\#(url)", "sampler": \#(spec)}"#)
    for _ in 0..<38 { try runSphere(study) }
    _ = try study.ask()
    let kept = try XCTUnwrap(try sampler(study).cachedState)
    XCTAssertEqual(kept.generation, 7)
    let loaded = try Study.load(name: "m", storageURL: url, optionsJSON: #"{"sampler": \#(spec)}"#)
    let fresh = try sampler(loaded)
    XCTAssertNil(fresh.cachedState)
    let history = loaded.history()
    XCTAssertEqual(try fresh.state(history, space: try fresh.jointSpace(history)), kept)
  }

  /// Twelve source trials of the sphere around (2, 2, 2, 2), the best two at values 0 and 1.
  static let sphereSources: String = {
    let points: [[Int]] = [
      [2, 2, 2, 2], [2, 2, 2, 3], [-8, 5, 1, 0], [7, 7, -3, -9], [0, 0, 0, 0], [-2, 9, 4, 1],
      [10, -10, 10, -10], [5, 5, 5, 5], [-5, -5, -5, -5], [1, -1, 1, -1], [9, 0, -9, 0], [4, -6, 8, -2],
    ]
    let items = points.map { p -> String in
      let value = p.map { Double(($0 - 2) * ($0 - 2)) }.reduce(0, +)
      let params = zip(["a", "b", "c", "d"], p).map { #""\#($0)": \#($1)"# }.joined(separator: ", ")
      return #"{"params": {\#(params)}, "value": \#(value), "state": "COMPLETE"}"#
    }
    return "[" + items.joined(separator: ", ") + "]"
  }()

  /// Generation 0 starts at the mean of the best 10% of the fitting source trials, in the unit cube.
  func testSourceTrialsMoveGenerationZerosMean() throws {
    // x in [-5, 5] maps to (x + 5)/10; y in [1, 100] (log) to log(y)/log(100).
    var sources: [String] = []
    for k in 0..<30 {
      let x = -5 + Double(k) / 3
      let y = pow(10, Double(k % 7) / 3)
      sources.append(#"{"params": {"x": \#(x), "y": \#(y)}, "value": \#(abs(x - 3)), "state": "COMPLETE"}"#)
    }
    // Skipped: another parameter set, a value out of bounds, a failed trial, a pruned one without consider_pruned_trials.
    sources += [
      #"{"params": {"x": 3, "y": 5, "z": 1}, "value": -100}"#, #"{"params": {"x": 30, "y": 5}, "value": -100}"#,
      #"{"params": {"x": 3, "y": 5}, "value": null, "state": "FAIL"}"#,
      #"{"params": {"x": 3, "y": 5}, "value": -100, "state": "PRUNED"}"#,
    ]
    let spec = #"{"type": "cmaes", "seed": 1, "options": {"source_trials": [\#(sources.joined(separator: ", "))]}}"#
    let study = try Study(optionsJSON: #"{"sampler": \#(spec)}"#)
    let t = try study.ask()
    _ = try study.suggestFloat(trial: t, "x", -5, 5)
    _ = try study.suggestFloat(trial: t, "y", 1, 100, log: true)
    try study.tell(trial: t, values: [1])
    _ = try study.ask()
    let state = try XCTUnwrap(try sampler(study).cachedState)
    XCTAssertEqual(state.generation, 0)
    // 30 fitting trials: the best 3 are x = 3, 3 ± 1/3 (k = 24, 23, 25), whose y are 10^(3/3), 10^(2/3), 10^(4/3).
    let ys = [1.0, 2.0 / 3, 4.0 / 3].map { $0 / 2 }
    XCTAssertEqual(state.mean[0], (0.8 + (0.8 - 1.0 / 30) + (0.8 + 1.0 / 30)) / 3, accuracy: 1e-12)
    XCTAssertEqual(state.mean[1], ys.reduce(0, +) / 3, accuracy: 1e-12)
    var fitting: [(x: [Double], value: Double)] = []
    for k in 0..<30 {
      let x: Double = -5 + Double(k) / 3
      fitting.append(([(x + 5) / 10, Double(k % 7) / 6], abs(x - 3)))
    }
    let (_, sigma, c) = try CMAEvolutionStrategy.warmStart(fitting)
    XCTAssertEqual(state.sigma, sigma, accuracy: 1e-12)
    XCTAssertEqual(state.covariance[0, 1], c[0, 1], accuracy: 1e-12)

    // Maximizing ranks the largest values first: the best are then x = -5, -5 + 1/3, -5 + 2/3.
    let up = try Study(optionsJSON: #"{"direction": "maximize", "sampler": \#(spec)}"#)
    let u = try up.ask()
    _ = try up.suggestFloat(trial: u, "x", -5, 5)
    _ = try up.suggestFloat(trial: u, "y", 1, 100, log: true)
    try up.tell(trial: u, values: [1])
    _ = try up.ask()
    XCTAssertEqual(try XCTUnwrap(try sampler(up).cachedState).mean[0], (0 + 1.0 / 30 + 2.0 / 30) / 3, accuracy: 1e-12)
  }

  /// When fewer than 10 source trials fit the joint space, the ask fails and writes nothing, as Optuna raises.
  func testTooFewFittingSourceTrialsFailTheAsk() throws {
    let sources = (0..<12).map { k in #"{"params": {"x": \#(k), "other": 1}, "value": \#(k)}"# }
    let spec = #"{"type": "cmaes", "seed": 1, "options": {"source_trials": [\#(sources.joined(separator: ", "))]}}"#
    let study = try Study(optionsJSON: #"{"sampler": \#(spec)}"#)
    let t = try study.ask()
    _ = try study.suggestFloat(trial: t, "x", 0, 20)
    try study.tell(trial: t, values: [1])
    let message = invalidArgumentMessage { try study.ask() }
    XCTAssert(message?.contains("0 source_trials fit the search space (x)") == true, "\(message ?? "no error")")
    XCTAssertEqual(try study.trials.count, 1)
  }

  func testOptionsRoundTripAndOptunasRulesAreEnforced() throws {
    let spec = try JSON.parse(
      #"{"type": "cmaes", "seed": 4, "options": {"with_margin": true, "source_trials": \#(Self.sphereSources)}}"#)
    let once = try OptionsKind.sampler.normalize(spec)
    XCTAssertEqual(try OptionsKind.sampler.normalize(once).text, once.text)
    XCTAssertEqual(once["options"]?["with_margin"], .bool(true))
    guard case .array(let items)? = once["options"]?["source_trials"] else { return XCTFail("no source_trials") }
    XCTAssertEqual(items.count, 12)
    XCTAssertEqual(items[1]["params"]?["d"], .int(3))
    XCTAssertEqual(items[1]["value"], .number(1))
    XCTAssertEqual(items[1]["state"], .string("COMPLETE"))
    let ten = (0..<10).map { #"{"params": {"x": \#($0)}, "value": \#($0)}"# }.joined(separator: ", ")
    for (options, expected) in [
      (#"{"with_margin": true, "use_separable_cma": true}"#, "with_margin cannot be used with use_separable_cma"),
      (#"{"source_trials": [\#(ten)], "x0": {"x": 1}}"#, "source_trials cannot be used with x0 or sigma0"),
      (#"{"source_trials": [\#(ten)], "sigma0": 0.1}"#, "source_trials cannot be used with x0 or sigma0"),
      (#"{"source_trials": [\#(ten)], "use_separable_cma": true}"#, "source_trials cannot be used with use_separable_cma"),
      (#"{"source_trials": []}"#, "source_trials has 0 usable trials"),
      (#"{"source_trials": {"x": 1}}"#, "'source_trials' must be an array"),
      (#"{"source_trials": [{"params": {"x": 1}, "value": 1, "number": 3}]}"#, "source_trials[0]: unknown key 'number'"),
      (#"{"source_trials": [{"value": 1}]}"#, "source_trials[0]: 'params' is required"),
      (#"{"source_trials": [{"params": {"x": NaN}, "value": 1}]}"#, "parameter 'x' must be finite"),
      (#"{"source_trials": [{"params": {"x": [1]}, "value": 1}]}"#, "parameter 'x' must be a scalar"),
      (#"{"source_trials": [{"params": {"x": 1}, "value": NaN}]}"#, "source_trials[0] has a NaN value"),
      (#"{"source_trials": [{"params": {"x": 1}}]}"#, "source_trials[0] is COMPLETE and has no value"),
      (#"{"source_trials": [{"params": {"x": 1}, "value": 1, "state": "DONE"}]}"#, "unknown state 'DONE'"),
    ] {
      let message = invalidArgumentMessage { try makeSampler(try JSON.parse(#"{"type": "cmaes", "options": \#(options)}"#)) }
      XCTAssert(message?.contains(expected) == true, "\(options): \(message ?? "accepted")")
    }
    // Pruned source trials with a value count under consider_pruned_trials.
    let pruned = (0..<10).map { #"{"params": {"x": \#($0)}, "value": \#($0), "state": "PRUNED"}"# }.joined(separator: ", ")
    func make(_ consider: Bool) -> String? {
      invalidArgumentMessage {
        try makeSampler(
          try JSON.parse(#"{"type": "cmaes", "options": {"consider_pruned_trials": \#(consider), "source_trials": [\#(pruned)]}}"#))
      }
    }
    XCTAssertNotNil(make(false))
    XCTAssertNil(make(true))
  }
}

