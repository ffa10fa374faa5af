internal import HonePlatform
import XCTest

@testable import Hone

/// BIPOP restarts and learning-rate adaptation in the sampler: the regimes, the
/// state rebuilt from storage, and the options.
final class CmaEsSamplerRestartTests: XCTestCase {
  var scratch: TemporaryDirectory!
  override func setUpWithError() throws { scratch = try TemporaryDirectory("hone-cmaes-restart-test") }
  override func tearDown() { scratch.remove() }

  func sampler(_ study: Study) throws -> CmaEsSampler { try XCTUnwrap(study.sampler as? CmaEsSampler) }

  /// One trial of Rastrigin over [−5.12, 5.12]², whose many local minima stall CMA-ES
  /// after a few hundred evaluations with λ = 4.
  func rastrigin(_ study: Study) throws {
    let t = try study.ask()
    let x = try study.suggestFloat(trial: t, "x", -5.12, 5.12)
    let y = try study.suggestFloat(trial: t, "y", -5.12, 5.12)
    let v = 20 + x * x + y * y - 10 * cos(2 * .pi * x) - 10 * cos(2 * .pi * y)
    try study.tell(trial: t, values: [v])
  }

  /// A run between two restarts, as the sampler's state showed it.
  struct Run {
    var populationSize: Int
    var sigma0: Double
    /// The generations told in the run: the last state seen has told all but the one whose tell restarted it.
    var generations: Int
  }

  /// BIPOP restarts in both regimes, each chosen by the smaller budget of evaluations
  /// so far: large ones with λ₀·2^k and σ₀, small ones with λ₀ ≤ λ below the last
  /// large λ and σ₀/100 ≤ σ < σ₀; the first run, λ₀ and σ₀, counts as small.
  func testBIPOPInterlacesLargeAndSmallPopulations() throws {
    let spec = #"{"type": "cmaes", "seed": 7, "options": {"popsize": 4, "restart_strategy": "bipop"}}"#
    let study = try Study(optionsJSON: #"{"sampler": \#(spec)}"#)
    let sigma0 = 1.0 / 6
    var runs: [Run] = []
    var restarts = 0
    for _ in 0..<2600 {
      try rastrigin(study)
      guard let s = try sampler(study).cachedState else { continue }
      let r = try sampler(study).cachedRestarts
      if runs.isEmpty || r.count != restarts {
        XCTAssertEqual(r.count, runs.isEmpty ? 0 : restarts + 1, "one restart at a time")
        runs.append(Run(populationSize: s.populationSize, sigma0: s.sigma0, generations: 1))
        restarts = r.count
      }
      runs[runs.count - 1].generations = s.generation + 1
    }
    XCTAssertEqual(runs.first?.populationSize, 4)
    XCTAssertEqual(runs.first?.sigma0, sigma0)
    // Replay Hansen's rule over the runs seen.
    var (small, large, largeRuns) = (0, 0, 0)
    var isSmall = true
    var regimes: [Bool] = []
    for k in 1..<runs.count {
      let finished = runs[k - 1].populationSize * runs[k - 1].generations
      if isSmall { small += finished } else { large += finished }
      isSmall = small < large
      regimes.append(isSmall)
      let run = runs[k]
      if isSmall {
        XCTAssertGreaterThanOrEqual(run.populationSize, 4, "restart \(k)")
        XCTAssertLessThan(run.populationSize, 4 << largeRuns, "restart \(k): below the last large λ")
        XCTAssertLessThan(run.sigma0, sigma0, "restart \(k)")
        XCTAssertGreaterThanOrEqual(run.sigma0, sigma0 / 100, "restart \(k)")
      } else {
        largeRuns += 1
        XCTAssertEqual(run.populationSize, 4 << largeRuns, "restart \(k)")
        XCTAssertEqual(run.sigma0, sigma0, "restart \(k)")
      }
    }
    XCTAssert(regimes.contains(true) && regimes.contains(false), "both regimes: \(regimes)")
    let kept = try sampler(study).cachedRestarts
    XCTAssertEqual(kept.count, runs.count - 1)
    XCTAssertEqual(kept.largeRuns, largeRuns)
    XCTAssertEqual(kept.regime, isSmall ? .small : .large)
    XCTAssertEqual(kept.smallEvaluations, small)
    XCTAssertEqual(kept.largeEvaluations, large)
  }

  /// With BIPOP, and with lr_adapt too, a fresh sampler over the SQLite file rebuilds
  /// the state and the restart budgets the running sampler kept, across restarts of
  /// both regimes. Learning-rate adaptation keeps exploring Rastrigin rather than
  /// stall (as the `cmaes` package's does), so with it the objective is flat, which
  /// stalls every run after 10 + ⌈30n/λ⌉ generations.
  func testTheStateRebuiltFromStorageEqualsTheStateInMemoryWithBIPOPAndLrAdapt() throws {
    for lrAdapt in [false, true] {
      let url = "sqlite:///\(scratch.path)/bipop-\(lrAdapt).db"
      let spec = #"{"type": "cmaes", "seed": 3, "options": {"popsize": 4, "restart_strategy": "bipop", "lr_adapt": \#(lrAdapt)}}"#
      let study = try Study(optionsJSON: #"{"name": "b", "storage": "\#(url)", "sampler": \#(spec)}"#)
      func trial() throws {
        if lrAdapt {
          let t = try study.ask()
          for name in ["x", "y"] { _ = try study.suggestFloat(trial: t, name, -5.12, 5.12) }
          try study.tell(trial: t, values: [1])
        } else {
          try rastrigin(study)
        }
      }
      var trials = 0
      repeat {
        try trial()
        trials += 1
      } while try sampler(study).cachedRestarts.count < 3 && trials < 3000
      for _ in 0..<7 { try trial() }  // a generation under way
      _ = try study.ask()
      let kept = try XCTUnwrap(try sampler(study).cachedState)
      let restarts = try sampler(study).cachedRestarts
      XCTAssertGreaterThanOrEqual(restarts.count, 3, "lr_adapt \(lrAdapt): \(trials) trials")
      XCTAssertGreaterThan(restarts.smallEvaluations, 0)
      XCTAssertGreaterThan(restarts.largeEvaluations, 0)
      XCTAssertEqual(kept.learningRates != nil, lrAdapt)

      let loaded = try Study.load(name: "b", storageURL: url, optionsJSON: #"{"sampler": \#(spec)}"#)
      let fresh = try sampler(loaded)
      XCTAssertNil(fresh.cachedState)
      let history = loaded.history()
      XCTAssertEqual(try fresh.state(history, space: try fresh.jointSpace(history)), kept, "lr_adapt \(lrAdapt)")
      XCTAssertEqual(fresh.cachedRestarts, restarts, "lr_adapt \(lrAdapt)")
    }
  }

  func testOptionsRoundTripAndLrAdaptExcludesSeparableCMA() throws {
    let spec = try JSON.parse(#"{"type": "cmaes", "seed": 1, "options": {"restart_strategy": "bipop", "lr_adapt": true}}"#)
    let once = try OptionsKind.sampler.normalize(spec)
    XCTAssertEqual(once["options"]?["restart_strategy"], .string("bipop"))
    XCTAssertEqual(once["options"]?["lr_adapt"], .bool(true))
    XCTAssertEqual(try OptionsKind.sampler.normalize(once).text, once.text)
    let made = try XCTUnwrap(try makeSampler(spec) as? CmaEsSampler)
    XCTAssertEqual(made.restartStrategy, .bipop)
    XCTAssert(made.lrAdapt)
    let plain = try OptionsKind.sampler.normalize(try JSON.parse(#"{"type": "cmaes"}"#))
    XCTAssertEqual(plain["options"]?["lr_adapt"], .bool(false))
    for options in [#"{"lr_adapt": true, "use_separable_cma": true}"#, #"{"lr_adapt": true, "with_margin": true}"#] {
      XCTAssertThrowsError(try makeSampler(try JSON.parse(#"{"type": "cmaes", "options": \#(options)}"#))) { error in
        XCTAssert("\(error)".contains("lr_adapt cannot be used with use_separable_cma or with_margin"), "\(options): \(error)")
      }
    }
    XCTAssertThrowsError(try CmaEsSampler(seed: 0, useSeparableCMA: true, lrAdapt: true))
    XCTAssertNoThrow(try makeSampler(try JSON.parse(#"{"type": "cmaes", "options": {"use_separable_cma": true}}"#)))
  }
}
