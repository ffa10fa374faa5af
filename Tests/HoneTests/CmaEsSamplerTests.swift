internal import HonePlatform
import XCTest

@testable import Hone

final class CmaEsSamplerTests: XCTestCase {
  var scratch: TemporaryDirectory!
  override func setUpWithError() throws { scratch = try TemporaryDirectory("hone-cmaes-test") }
  override func tearDown() { scratch.remove() }

  static let spec = #"{"type": "cmaes", "seed": 11, "options": {"popsize": 5}}"#

  /// One trial of a shifted quadratic in x, y (log) and n (int), with a categorical CMA-ES leaves alone.
  func run(_ study: Study, state: TrialState = .complete) throws {
    let t = try study.ask()
    let x = try study.suggestFloat(trial: t, "x", -4, 4)
    let y = try study.suggestFloat(trial: t, "y", 1e-3, 10, log: true)
    let n = try study.suggestInt(trial: t, "n", 0, 20)
    _ = try study.suggestCategorical(trial: t, "c", [.string("a"), .string("b")])
    let value = (x - 1) * (x - 1) + pow(log10(y), 2) + Double((n - 7) * (n - 7)) / 10
    switch state {
    case .pruned:
      try study.report(trial: t, step: 1, value: value)
      try study.tell(trial: t, values: [], state: .pruned)
    case .fail: try study.tell(trial: t, values: [], state: .fail)
    default: try study.tell(trial: t, values: [value])
    }
  }

  func sampler(_ study: Study) throws -> CmaEsSampler { try XCTUnwrap(study.sampler as? CmaEsSampler) }

  /// The state a fresh sampler rebuilds from the SQLite file equals the one the running sampler kept.
  func testTheStateRebuiltFromStorageEqualsTheStateInMemory() throws {
    let url = "sqlite:///\(scratch.path)/cma.db"
    let study = try Study(optionsJSON: #"{"name": "s", "storage": "\#(url)", "sampler": \#(Self.spec)}"#)
    for i in 0..<42 { try run(study, state: i % 9 == 4 ? .pruned : i % 11 == 6 ? .fail : .complete) }
    _ = try study.ask()  // the last ask leaves the state of every told trial in memory
    let kept = try XCTUnwrap(try sampler(study).cachedState)
    XCTAssertGreaterThanOrEqual(kept.generation, 6)
    XCTAssertEqual(kept.dimension, 3, "the categorical is outside the CMA space")

    let loaded = try Study.load(name: "s", storageURL: url, optionsJSON: #"{"sampler": \#(Self.spec)}"#)
    let fresh = try sampler(loaded)
    XCTAssertNil(fresh.cachedState)
    let history = loaded.history()
    let rebuilt = try XCTUnwrap(try fresh.state(history, space: try fresh.jointSpace(history)))
    XCTAssertEqual(rebuilt, kept)
    // The generations are the trials' own: λ finished trials carry each completed one.
    let tagged = try loaded.trials.filter { $0.state == .complete && $0.systemAttr(CmaEsSampler.generationKey) != nil }
    XCTAssertGreaterThanOrEqual(tagged.count, kept.generation * kept.populationSize)
  }

  /// Two workers on one file fill the same generations, and agree on the state.
  func testAnyWorkersTrialsCompleteAGeneration() throws {
    let url = "sqlite:///\(scratch.path)/workers.db"
    let a = try Study(optionsJSON: #"{"name": "w", "storage": "\#(url)", "sampler": \#(Self.spec)}"#)
    let b = try Study.load(name: "w", storageURL: url, optionsJSON: #"{"sampler": \#(Self.spec)}"#)
    for i in 0..<30 { try run(i % 2 == 0 ? a : b) }
    _ = try a.ask()
    _ = try b.ask()
    let (sa, sb) = (try XCTUnwrap(try sampler(a).cachedState), try XCTUnwrap(try sampler(b).cachedState))
    XCTAssertEqual(sa, sb)
    // 29 finished trials after the random first one: five generations of five.
    XCTAssertEqual(sa.generation, 5)
  }

  /// Pruned trials fill generations only with consider_pruned_trials, by their last intermediate value.
  func testPrunedTrialsCountOnlyWhenConsidered() throws {
    for consider in [false, true] {
      let spec = #"{"type": "cmaes", "seed": 3, "options": {"popsize": 4, "consider_pruned_trials": \#(consider)}}"#
      let study = try Study(optionsJSON: #"{"sampler": \#(spec)}"#)
      try run(study)
      for i in 0..<16 { try run(study, state: i % 2 == 0 ? .pruned : .complete) }
      _ = try study.ask()
      let state = try XCTUnwrap(try sampler(study).cachedState)
      XCTAssertEqual(state.generation, consider ? 4 : 2, "consider_pruned_trials = \(consider)")
    }
  }

  func testMaximizingRanksTheLargestFirst() throws {
    let history = { (direction: StudyDirection, trials: [FrozenTrial]) in
      StudyHistory(directions: [direction], trials: trials)
    }
    let sampler = try CmaEsSampler(seed: 1, popsize: 2)
    let d = Distribution.float(low: 0, high: 1, step: nil, log: false)
    let space = SearchSpace([("x", d), ("y", d)])
    func trial(_ number: Int, _ x: Double, _ value: Double) -> FrozenTrial {
      FrozenTrial(
        number: number, state: .complete, values: [value],
        params: [Param(name: "x", distribution: d, value: .float(x)), Param(name: "y", distribution: d, value: .float(0.5))],
        systemAttrs: [(CmaEsSampler.generationKey, .int(0))])
    }
    let trials = [trial(0, 0.2, 1), trial(1, 0.9, 5)]
    let down = try XCTUnwrap(try sampler.state(history(.minimize, trials), space: space))
    let up = try XCTUnwrap(try CmaEsSampler(seed: 1, popsize: 2).state(history(.maximize, trials), space: space))
    // λ = 2, μ = 1: the mean moves onto the best candidate.
    XCTAssertEqual(down.mean[0], 0.2, accuracy: 1e-12)
    XCTAssertEqual(up.mean[0], 0.9, accuracy: 1e-12)
  }

  func testOptionsRoundTripAndBadOnesAreRefused() throws {
    let normalized = try OptionsKind.sampler.normalize(try JSON.parse(#"{"type": "cmaes"}"#))
    let options = try XCTUnwrap(normalized["options"])
    let d = try CmaEsSampler(seed: 0)
    XCTAssertEqual(options["n_startup_trials"], .int(d.nStartupTrials))
    XCTAssertEqual(options["inc_popsize"], .int(d.incPopsize))
    XCTAssertEqual(options["warn_independent_sampling"], .bool(d.warnIndependentSampling))
    XCTAssertEqual(options["consider_pruned_trials"], .bool(d.considerPrunedTrials))
    XCTAssertEqual(options["with_margin"], .bool(d.withMargin))
    XCTAssertEqual(
      try OptionsKind.sampler.normalize(try JSON.parse(#"{"type": "cmaes", "options": {"restart_strategy": "ipop"}}"#))[
        "options"]?["restart_strategy"], .string("ipop"))
    for key in ["x0", "sigma0", "popsize", "independent_sampler", "restart_strategy", "source_trials"] {
      XCTAssertEqual(options[key], .null, key)
    }
    let full = try JSON.parse(
      #"""
        {"type": "cmaes", "seed": 5, "options": {"x0": {"x": 1.5}, "sigma0": 0.3, "popsize": 8,
         "independent_sampler": {"type": "qmc", "seed": 2}, "consider_pruned_trials": true}}
        """#)
    let once = try OptionsKind.sampler.normalize(full)
    XCTAssertEqual(try OptionsKind.sampler.normalize(once).text, once.text)
    XCTAssertEqual(once["options"]?["independent_sampler"]?["options"]?["scramble"], .bool(true))
    for (options, message) in [
      (#"{"restart_strategy": "cold"}"#, "unknown restart_strategy 'cold'"),
      (#"{"popsize": 1}"#, "popsize must be between 2 and 2^20, got 1"),
      (#"{"sigma0": 0}"#, "sigma0 must be positive and finite"),
      (#"{"n_startup_trials": -1}"#, "n_startup_trials must be >= 0"),
      (#"{"tolerance": 1}"#, "unknown key 'tolerance'"),
    ] {
      XCTAssertThrowsError(try makeSampler(try JSON.parse(#"{"type": "cmaes", "options": \#(options)}"#))) { error in
        XCTAssert("\(error)".contains(message), "\(options): \(error)")
      }
    }
  }
}

extension CmaEsSamplerTests {
  /// A trial of a generation that finishes after the generation was told does not
  /// change it: the next generation's first trial pinned the population it was told.
  func testALateTrialCannotRewriteAToldGeneration() throws {
    let url = "sqlite:///\(scratch.path)/late.db"
    let spec = #"{"type": "cmaes", "seed": 5, "options": {"popsize": 4}}"#
    let study = try Study(optionsJSON: #"{"name": "late", "storage": "\#(url)", "sampler": \#(spec)}"#)
    try run(study)
    func ask() throws -> (Int, Double) {
      let t = try study.ask()
      let x = try study.suggestFloat(trial: t, "x", -4, 4)
      _ = try study.suggestFloat(trial: t, "y", 1e-3, 10, log: true)
      _ = try study.suggestInt(trial: t, "n", 0, 20)
      _ = try study.suggestCategorical(trial: t, "c", [.string("a"), .string("b")])
      return (t, x * x)
    }
    let late = try ask()
    for _ in 0..<4 {
      let (t, v) = try ask()
      try study.tell(trial: t, values: [v])
    }
    let next = try ask()  // generation 1's first trial records generation 0's population
    let trials = try study.trials
    XCTAssertEqual(trials[next.0].systemAttr(CmaEsSampler.populationKey), .array([2, 3, 4, 5].map { .int($0) }))
    try study.tell(trial: late.0, values: [late.1 - 100])
    _ = try ask()
    let kept = try XCTUnwrap(try sampler(study).cachedState)
    XCTAssertEqual(kept.generation, 1)
    let loaded = try Study.load(name: "late", storageURL: url, optionsJSON: #"{"sampler": \#(spec)}"#)
    let fresh = try sampler(loaded)
    let history = loaded.history()
    XCTAssertEqual(try fresh.state(history, space: try fresh.jointSpace(history)), kept)
  }
}

extension CmaEsSamplerTests {
  /// IPOP: once the search stalls (here on a flat objective, whose value range is
  /// zero), the next generation starts afresh with λ multiplied by inc_popsize,
  /// and generation tags keep counting across the restart.
  func testIPOPRestartsGrowThePopulation() throws {
    for (strategy, inc) in [("null", 2), (#""ipop""#, 2), (#""ipop""#, 3)] {
      let spec = #"{"type": "cmaes", "seed": 2, "options": {"popsize": 4, "inc_popsize": \#(inc), "restart_strategy": \#(strategy)}}"#
      let study = try Study(optionsJSON: #"{"sampler": \#(spec)}"#)
      var sizes: [Int] = []
      for _ in 0..<200 {
        let t = try study.ask()
        for name in ["a", "b", "c"] { _ = try study.suggestFloat(trial: t, name, 0, 1) }
        try study.tell(trial: t, values: [1])
        if let s = try sampler(study).cachedState, sizes.last != s.populationSize { sizes.append(s.populationSize) }
      }
      // λ = 4 stalls after 10 + ⌈30·3/4⌉ = 33 generations of a constant value, i.e. 4·34 trials.
      XCTAssertEqual(sizes, strategy == "null" ? [4] : [4, 4 * inc], "\(strategy), inc_popsize \(inc)")
      let generations = try study.trials.compactMap { $0.systemAttr(CmaEsSampler.generationKey)?.integerValue }
      XCTAssertEqual(generations, generations.sorted(), "tags count on across restarts")
    }
  }
}

extension CmaEsSamplerTests {
  func testSeparableCMAKeepsTheCovarianceDiagonal() throws {
    let spec = #"{"type": "cmaes", "seed": 4, "options": {"popsize": 5, "use_separable_cma": true}}"#
    let study = try Study(optionsJSON: #"{"sampler": \#(spec)}"#)
    XCTAssertEqual(
      try OptionsKind.sampler.normalize(try JSON.parse(spec))["options"]?["use_separable_cma"], .bool(true))
    for _ in 0..<31 { try run(study) }
    _ = try study.ask()
    let state = try XCTUnwrap(try sampler(study).cachedState)
    XCTAssert(state.separable)
    XCTAssertEqual(state.generation, 6)
    for i in 0..<3 { for j in 0..<3 where i != j { XCTAssertEqual(state.covariance[i, j], 0) } }
    XCTAssertNotEqual(state.covariance[0, 0], state.covariance[1, 1], "the diagonal adapts")
  }
}
