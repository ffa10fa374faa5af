internal import HonePlatform
import HoneNumerics
import XCTest

@testable import Hone

/// CmaEsSampler's options together: BIPOP restarts with margin, with a warm start and
/// with lr_adapt, which every run of the search must keep.
final class CmaEsSamplerCombinedTests: XCTestCase {
  var scratch: TemporaryDirectory!
  override func setUpWithError() throws { scratch = try TemporaryDirectory("hone-cmaes-combined-test") }
  override func tearDown() { scratch.remove() }

  func sampler(_ study: Study) throws -> CmaEsSampler { try XCTUnwrap(study.sampler as? CmaEsSampler) }

  /// An integer in [−10, 10] and a float in [0, 5] with step 0.5: 21 and 11 values.
  static let gridSpace = SearchSpace([
    ("a", .int(low: -10, high: 10, step: 1, log: false)), ("b", .float(low: 0, high: 5, step: 0.5, log: false)),
  ])

  /// Asks a trial of `gridSpace` and returns it, unfinished.
  func askGrid(_ study: Study) throws -> Int {
    let t = try study.ask()
    _ = try study.suggestInt(trial: t, "a", -10, 10)
    _ = try study.suggestFloat(trial: t, "b", 0, 5, step: 0.5)
    return t
  }

  /// With BIPOP and margin, every run keeps the grid and its margin 1/(nλ), and the
  /// generations of every run, restarted ones too, are told the unencoded draws the
  /// trials' numbers seed from the state they were sampled from: each state is the
  /// one before it told those draws. A flat objective stalls each run after
  /// 10 + ⌈30n/λ⌉ generations.
  func testBIPOPWithMarginKeepsTheGridAndTellsTheDrawsInEveryRun() throws {
    let options = #"{"popsize": 4, "restart_strategy": "bipop", "with_margin": true}"#
    let spec = #"{"type": "cmaes", "seed": 6, "options": \#(options)}"#
    let study = try Study(optionsJSON: #"{"sampler": \#(spec)}"#)
    let s = try sampler(study)
    var sampledFrom: CMAEvolutionStrategy?
    var draws: [(x: [Double], value: Double)] = []
    var (restarts, checkedAfterARestart) = (0, 0)
    var populations: Set<Int> = []
    for _ in 0..<1500 {
      let t = try askGrid(study)
      try study.tell(trial: t, values: [1])
      guard let state = s.cachedState else { continue }
      let restarted = s.cachedRestarts.count != restarts
      if let previous = sampledFrom, state.generation != previous.generation || restarted {
        XCTAssertEqual(draws.count, previous.populationSize)
        var expected = previous
        try expected.tell(draws)
        if restarted {
          XCTAssert(expected.shouldStop(), "a restart follows a stalled run")
          XCTAssertEqual(state.generation, 0)
        } else {
          XCTAssertEqual(state, expected, "generation \(state.generation) of run \(restarts)")
          if restarts > 0 { checkedAfterARestart += 1 }
        }
        draws = []
      }
      restarts = s.cachedRestarts.count
      populations.insert(state.populationSize)
      XCTAssertEqual(state.steps, [1.0 / 21, 1.0 / 11], "run \(restarts)")
      XCTAssertEqual(state.margin, 1 / (2 * Double(state.populationSize)), accuracy: 1e-15)
      // The trial sampled from `state` is the encoding of its draw.
      let trial = try study.trials[t]
      var rng = s.drawStream(t)
      let draw = state.ask(using: &rng)
      let point = zip(Self.gridSpace.distributions, state.encoded(draw)).map { $0.fromUnit($1) }
      XCTAssertEqual(Self.gridSpace.names.map { trial.param($0)?.value }, point, "trial \(t)")
      sampledFrom = state
      draws.append((draw, 1))
    }
    XCTAssertGreaterThanOrEqual(restarts, 3)
    XCTAssertGreaterThan(checkedAfterARestart, 20)
    XCTAssertGreaterThan(populations.count, 2, "large and small runs: \(populations.sorted())")
  }

  /// Forty source trials of a sphere on the grid around (3, 1.5), at distinct points:
  /// the best 10% are four, whose spread gives the warm start a full covariance.
  static let gridSources: String = {
    var items: [String] = []
    for k in 0..<40 {
      let (a, b) = ((k * 8) % 21 - 10, Double((k * 4) % 11) / 2)
      let value = Double((a - 3) * (a - 3)) + (b - 1.5) * (b - 1.5)
      items.append(#"{"params": {"a": \#(a), "b": \#(b)}, "value": \#(value)}"#)
    }
    return "[" + items.joined(separator: ", ") + "]"
  }()

  /// With BIPOP and source trials every run, restarted ones too, starts from the warm
  /// start's mean and covariance, as Optuna 3.x's restarts did; the warm start's σ
  /// stands for σ₀: large runs take it, small ones σ₀/100 ≤ σ < σ₀. With lr_adapt
  /// too (Optuna allows it with source trials), every run adapts its learning rates
  /// afresh; the state and budgets a fresh sampler rebuilds from the SQLite file are
  /// the running sampler's.
  func testBIPOPRestartsFromTheWarmStartAndKeepsLrAdapt() throws {
    for lrAdapt in [false, true] {
      let url = "sqlite:///\(scratch.path)/warm-\(lrAdapt).db"
      let options =
        #"{"popsize": 4, "restart_strategy": "bipop", "lr_adapt": \#(lrAdapt), "source_trials": \#(Self.gridSources)}"#
      let spec = #"{"type": "cmaes", "seed": 2, "options": \#(options)}"#
      let study = try Study(optionsJSON: #"{"name": "w", "storage": "\#(url)", "sampler": \#(spec)}"#)
      let s = try sampler(study)
      let warm = try s.warmStart(Self.gridSpace, sign: 1)
      var (restarts, runs, trials) = (0, 0, 0)
      var populations: Set<Int> = []
      var initialRates: CMAEvolutionStrategy.LearningRates?
      repeat {
        let t = try askGrid(study)
        try study.tell(trial: t, values: [1])
        trials += 1
        guard let state = s.cachedState else { continue }
        if runs == 0 || s.cachedRestarts.count != restarts {
          XCTAssertEqual(state.generation, 0)
          XCTAssertEqual(state.mean, warm.mean, "run \(runs)")
          XCTAssertEqual(state.covariance, warm.covariance, "run \(runs)")
          XCTAssertEqual(state.learningRates != nil, lrAdapt)
          if runs == 0 { initialRates = state.learningRates }
          XCTAssertEqual(state.learningRates, initialRates, "run \(runs) adapts afresh")
          if runs == 0 || s.cachedRestarts.regime == .large {
            XCTAssertEqual(state.sigma, warm.sigma, "run \(runs)")
          } else {
            XCTAssertLessThan(state.sigma, warm.sigma, "run \(runs)")
            XCTAssertGreaterThanOrEqual(state.sigma, warm.sigma / 100, "run \(runs)")
          }
          populations.insert(state.populationSize)
          restarts = s.cachedRestarts.count
          runs += 1
        }
      } while restarts < 3 && trials < 3000
      XCTAssertGreaterThanOrEqual(restarts, 3, "lr_adapt \(lrAdapt): \(trials) trials")
      XCTAssertGreaterThan(populations.count, 1, "lr_adapt \(lrAdapt): \(populations.sorted())")
      for _ in 0..<3 { try study.tell(trial: try askGrid(study), values: [1]) }  // a generation under way
      _ = try study.ask()
      let kept = try XCTUnwrap(s.cachedState)
      let loaded = try Study.load(name: "w", storageURL: url, optionsJSON: #"{"sampler": \#(spec)}"#)
      let fresh = try sampler(loaded)
      let history = loaded.history()
      XCTAssertEqual(try fresh.state(history, space: try fresh.jointSpace(history)), kept, "lr_adapt \(lrAdapt)")
      XCTAssertEqual(fresh.cachedRestarts, s.cachedRestarts, "lr_adapt \(lrAdapt)")
    }
  }

  /// The spec writes back every option as given, and normalizing it twice changes nothing.
  func testEveryOptionRoundTripsTogether() throws {
    for options in [
      #"{"restart_strategy": "bipop", "with_margin": true, "source_trials": \#(Self.gridSources)}"#,
      #"{"restart_strategy": "ipop", "lr_adapt": true, "source_trials": \#(Self.gridSources)}"#,
    ] {
      let spec = try JSON.parse(#"{"type": "cmaes", "seed": 9, "options": \#(options)}"#)
      let once = try OptionsKind.sampler.normalize(spec)
      XCTAssertEqual(try OptionsKind.sampler.normalize(once).text, once.text)
      let given = try JSON.parse(options)
      for key in ["restart_strategy", "with_margin", "lr_adapt"] {
        XCTAssertEqual(once["options"]?[key], given[key] ?? .bool(false), "\(key) in \(options)")
      }
      guard case .array(let items)? = once["options"]?["source_trials"] else { return XCTFail("no source_trials") }
      XCTAssertEqual(items.count, 40)
      let made = try XCTUnwrap(try makeSampler(once) as? CmaEsSampler)
      XCTAssertEqual(made.restartStrategy?.rawValue, given["restart_strategy"]?.stringValue)
      XCTAssertEqual(made.withMargin, given["with_margin"] == .bool(true))
      XCTAssertEqual(made.lrAdapt, given["lr_adapt"] == .bool(true))
      XCTAssertEqual(made.sourceTrials?.count, 40)
    }
    let message = invalidArgumentMessage {
      try CmaEsSampler(seed: 0, lrAdapt: true, withMargin: true)
    }
    XCTAssertEqual(message, "cmaes sampler: lr_adapt cannot be used with use_separable_cma or with_margin")
  }
}
