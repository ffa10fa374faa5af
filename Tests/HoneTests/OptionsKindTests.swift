import XCTest

@testable import Hone

/// `OptionsKind.normalize`: the checks and messages of the calls that take a spec,
/// and the defaults written back from the components' initializers.
final class OptionsKindTests: XCTestCase {
  func normalize(_ kind: OptionsKind, _ spec: String?) throws -> JSON {
    try kind.normalize(try JSON.parseOptions(spec))
  }

  /// Each distribution rule and its message, as a host reads it.
  static let badDistributions: [(String, String)] = [
    (#"{"type": "float", "low": 2, "high": 1}"#, "low (2.0) must not exceed high (1.0)"),
    (#"{"type": "float", "low": NaN, "high": 1}"#, "bounds must be finite, got low=nan high=1.0"),
    (#"{"type": "float", "low": -1e308, "high": 1e308}"#, "the range [-1e+308, 1e+308] is too wide"),
    (#"{"type": "float", "low": 0, "high": 1, "log": true}"#, "a log distribution needs low > 0, got low=0.0"),
    (#"{"type": "float", "low": 0, "high": 1, "step": 0}"#, "step must be positive, got 0.0"),
    (#"{"type": "float", "low": 1, "high": 2, "step": 0.5, "log": true}"#, "step and log cannot be used together"),
    (#"{"type": "float", "low": 0, "high": 1, "step": 1e-300}"#, "step 1e-300 is too small for [0.0, 1.0]"),
    (#"{"type": "int", "low": 2, "high": 1}"#, "low (2) must not exceed high (1)"),
    (#"{"type": "int", "low": 0, "high": 9, "step": -1}"#, "step must be positive, got -1"),
    (#"{"type": "int", "low": 0, "high": 9, "log": true}"#, "a log distribution needs low >= 1, got low=0"),
    (#"{"type": "int", "low": 1, "high": 9, "step": 2, "log": true}"#, "step and log cannot be used together"),
    (#"{"type": "categorical", "choices": []}"#, "choices must not be empty"),
    (#"{"type": "categorical", "choices": [[1]]}"#, "choice 0 is an array; choices must be strings, numbers, booleans or null"),
  ]

  func testDistributionRulesGiveTheStudysMessages() {
    for (spec, expected) in Self.badDistributions {
      XCTAssertEqual(invalidArgumentMessage { try self.normalize(.distribution, spec) }, expected, spec)
      let study = invalidArgumentMessage { try Study(optionsJSON: #"{"search_space": {"x": \#(spec)}}"#) }
      XCTAssert(study?.hasSuffix(expected) == true, "\(spec): \(study ?? "no error")")
    }
  }

  func testSamplerAndPrunerRulesGiveTheStudysMessages() {
    let bad: [(OptionsKind, String)] = [
      (.pruner, #"{"type": "percentile", "options": {"percentile": 101}}"#),
      (.pruner, #"{"type": "median", "options": {"n_startup_trials": -1}}"#),
      (.pruner, #"{"type": "successive_halving", "options": {"bootstrap_count": 1}}"#),
      (.pruner, #"{"type": "patient", "options": {"patience": -1}}"#),
      (.sampler, #"{"type": "gp", "options": {"n_candidates": 0}}"#),
      (.sampler, #"{"type": "qmc", "seed": -1}"#),
      (.sampler, #"{"type": "grid", "options": {"search_space": {}}}"#),
      (.sampler, #"{"type": "brute_force", "options": {"avoid_premature_stop": 1}}"#),
      (.sampler, #"{"type": "partial_fixed", "options": {"fixed_params": {}, "base_sampler": {"type": "gp", "options": {"beta": 1}}}}"#),
      (.sampler, #"{"type": "tpe", "options": {"n_ei_candidates": 0}}"#),
      (.sampler, #"{"type": "tpe", "options": {"consider_prior": false}}"#),
      (.sampler, #"{"type": "tpe", "options": {"group": true, "multivariate": false}}"#),
      (.sampler, #"{"type": "tpe", "options": {"categorical_distance_func": null}}"#),
      (.sampler, #"{"type": "tpe", "options": {"gamma": {"fraction": -1}}}"#),
    ]
    for (kind, spec) in bad {
      let normalized = invalidArgumentMessage { try self.normalize(kind, spec) }
      XCTAssertNotNil(normalized, spec)
      XCTAssertEqual(invalidArgumentMessage { try Study(optionsJSON: #"{"\#(kind.rawValue)": \#(spec)}"#) }, normalized, spec)
    }
    XCTAssertEqual(
      invalidArgumentMessage { try self.normalize(.pruner, #"{"type": "percentile", "options": {"percentile": 101}}"#) },
      "percentile pruner: 'percentile' must be between 0 and 100, got 101.0")
    XCTAssertEqual(invalidArgumentMessage { try OptionsKind(named: "study") }, "unknown options kind 'study' (distribution, sampler, pruner, mlp)")
  }

  func testDefaultsAreTheInitializersDefaults() throws {
    let median = try MedianPruner()
    XCTAssertEqual(
      try normalize(.pruner, #"{"type": "median"}"#)["options"],
      .object([
        ("n_startup_trials", .int(median.nStartupTrials)), ("n_warmup_steps", .int(median.nWarmupSteps)),
        ("interval_steps", .int(median.intervalSteps)), ("n_min_trials", .int(median.nMinTrials)),
      ]))
    let hyperband = try XCTUnwrap(try normalize(.pruner, #"{"type": "hyperband"}"#)["options"])
    XCTAssertEqual(hyperband["reduction_factor"], .int(try HyperbandPruner().reductionFactor))
    XCTAssertEqual(hyperband["max_resource"], .string("auto"))
    let gp = try GPSampler(seed: 0)
    let options = try XCTUnwrap(try normalize(.sampler, #"{"type": "gp"}"#)["options"])
    XCTAssertEqual(options["n_startup_trials"], .int(gp.nStartupTrials))
    XCTAssertEqual(options["n_candidates"], .int(gp.optimizer.rawSamples))
    XCTAssertEqual(options["n_restarts"], .int(gp.optimizer.starts))
    XCTAssertEqual(options["beta"], .null)
    XCTAssertEqual(
      try normalize(.sampler, #"{"type": "gp", "options": {"acquisition": "ucb"}}"#)["options"]?["beta"],
      .number(GPSampler.defaultUCBBeta))
    XCTAssertEqual(try normalize(.sampler, #"{"type": "qmc"}"#)["options"]?["scramble"], .bool(QMCSampler(seed: 0).scramble))
    XCTAssertEqual(
      try normalize(.sampler, #"{"type": "brute_force"}"#)["options"],
      .object([("avoid_premature_stop", .bool(BruteForceSampler(seed: 0).avoidPrematureStop))]))
    // The base sampler's spec is written out whole, its seed as given.
    XCTAssertEqual(
      try normalize(.sampler, #"{"type": "partial_fixed", "options": {"fixed_params": {"x": 1}, "base_sampler": {"type": "qmc", "seed": 5}}}"#),
      .object([
        ("type", .string("partial_fixed")), ("seed", .null),
        ("options", .object([("fixed_params", .object([("x", .int(1))])), ("base_sampler", try normalize(.sampler, #"{"type": "qmc", "seed": 5}"#))])),
      ]))
    let tpe = TPESampler.Options()
    let tpeOptions = try XCTUnwrap(try normalize(.sampler, #"{"type": "tpe"}"#)["options"])
    XCTAssertEqual(tpeOptions["n_startup_trials"], .int(tpe.nStartupTrials))
    XCTAssertEqual(tpeOptions["n_ei_candidates"], .int(tpe.nEICandidates))
    XCTAssertEqual(tpeOptions["prior_weight"], .number(tpe.priorWeight))
    XCTAssertEqual(tpeOptions["constant_liar"], .bool(tpe.constantLiar))
    XCTAssertEqual(tpeOptions["multivariate"], .null)
    XCTAssertEqual(tpeOptions["gamma"], .null)
    XCTAssertEqual(
      try normalize(.sampler, #"{"type": "tpe", "options": {"gamma": {"max": 10}}}"#)["options"]?["gamma"],
      .object([("fraction", .number(0.1)), ("power", .number(1)), ("max", .int(10))]))
    // No spec is TPE with its defaults.
    XCTAssertEqual(try normalize(.sampler, nil)["type"], .string("tpe"))
    XCTAssertEqual(
      invalidArgumentMessage { try self.normalize(.sampler, #"{"type": "tpe", "options": {"categorical_distance_func": null}}"#) }?
        .contains("unknown key 'categorical_distance_func'"), true)
    // Every field but `metric`, whose nil is written as the "loss" it resolves to.
    var plain = MLPConfig()
    plain.metric = plain.resolvedMetric
    XCTAssertEqual(try MLPConfig(json: try normalize(.mlp, nil)), plain)
  }

  /// A normalized spec is accepted again unchanged, and builds what the original built.
  func testNormalizingTwiceChangesNothing() throws {
    let specs: [(OptionsKind, String?)] = [
      (.distribution, #"{"type": "float", "low": 0, "high": 1, "step": 0.3}"#),
      (.distribution, #"{"type": "int", "low": -9223372036854775808, "high": 9223372036854775807, "step": 3}"#),
      (.distribution, #"{"type": "categorical", "choices": ["a", 1, null, true]}"#),
      (.sampler, #"{"type": "grid", "seed": 18446744073709551615, "options": {"search_space": {"y": [1], "x": [2, 3]}}}"#),
      (.sampler, #"{"type": "gp", "options": {"kernel": "rbf", "acquisition": "ucb", "beta": 0.5}}"#),
      (.sampler, #"{"type": "brute_force", "seed": 2, "options": {"avoid_premature_stop": true}}"#),
      (
        .sampler,
        #"{"type": "partial_fixed", "options": {"fixed_params": {"c": "a", "n": 2}, "base_sampler": {"type": "partial_fixed", "options": {"fixed_params": {"x": 0.5}, "base_sampler": {"type": "random"}}}}}"#
      ),
      (.sampler, #"{"type": "tpe", "options": {"gamma": {"power": 0.5}, "weights": "uniform", "multivariate": false}}"#),
      (.sampler, nil),
      (.pruner, #"{"type": "patient", "options": {"patience": 2, "wrapped_pruner": {"type": "successive_halving"}}}"#),
      (.pruner, #"{"type": "threshold", "options": {"lower": Infinity}}"#),
      (.pruner, #"{"type": "threshold", "options": {"upper": Infinity}}"#),
      (.pruner, nil),
      (.mlp, #"{"hidden_layers": [8, 4], "activation": ["relu", "tanh"], "dropout": [0.1, 0], "schedule": "triangular2"}"#),
    ]
    for (kind, spec) in specs {
      let once = try normalize(kind, spec)
      XCTAssertEqual(try kind.normalize(once).text, once.text, spec ?? "nil")
    }
    let mlp = try XCTUnwrap(specs.last?.1 ?? nil)
    var config = try MLPConfig(jsonText: mlp)
    config.metric = config.resolvedMetric
    XCTAssertEqual(try MLPConfig(json: try normalize(.mlp, mlp)), config)
  }
}
