import XCTest

@testable import Hone

/// Pruner specs in the study options: every type with its options, and bad input.
final class PrunerJSONTests: XCTestCase {
  func pruner(_ spec: String) throws -> any Pruner {
    try makePruner(try JSON.parse(spec))
  }

  func testEveryTypeParsesWithItsOptions() throws {
    XCTAssert(try pruner("null") is NopPruner)
    XCTAssert(try pruner(#"{"type": "nop"}"#) is NopPruner)

    let median = try XCTUnwrap(
      try pruner(
        #"{"type": "median", "options": {"n_startup_trials": 2, "n_warmup_steps": 3, "interval_steps": 4, "n_min_trials": 5}}"#
      ) as? MedianPruner)
    XCTAssertEqual(
      [median.nStartupTrials, median.nWarmupSteps, median.intervalSteps, median.nMinTrials], [2, 3, 4, 5])
    let defaults = try XCTUnwrap(try pruner(#"{"type": "median"}"#) as? MedianPruner)
    XCTAssertEqual(
      [defaults.nStartupTrials, defaults.nWarmupSteps, defaults.intervalSteps, defaults.nMinTrials], [5, 0, 1, 1])

    let percentile = try XCTUnwrap(
      try pruner(#"{"type": "percentile", "options": {"percentile": 25, "n_warmup_steps": 1}}"#) as? PercentilePruner)
    XCTAssertEqual(percentile.percentile, 25)
    XCTAssertEqual(percentile.nWarmupSteps, 1)
    XCTAssertEqual(percentile.nStartupTrials, 5)

    let sh = try XCTUnwrap(
      try pruner(
        #"{"type": "successive_halving", "options": {"min_resource": 2, "reduction_factor": 3, "min_early_stopping_rate": 1, "bootstrap_count": 4}}"#
      ) as? SuccessiveHalvingPruner)
    XCTAssertEqual(sh.minResource, .steps(2))
    XCTAssertEqual([sh.reductionFactor, sh.minEarlyStoppingRate, sh.bootstrapCount], [3, 1, 4])
    let auto = try XCTUnwrap(
      try pruner(#"{"type": "successive_halving", "options": {"min_resource": "auto"}}"#) as? SuccessiveHalvingPruner)
    XCTAssertEqual(auto.minResource, .auto)
    XCTAssertEqual(auto.reductionFactor, 4)

    let hb = try XCTUnwrap(
      try pruner(
        #"{"type": "hyperband", "options": {"min_resource": 1, "max_resource": 81, "reduction_factor": 3, "bootstrap_count": 2}}"#
      ) as? HyperbandPruner)
    XCTAssertEqual(hb.maxResource, .steps(81))
    XCTAssertEqual(hb.brackets?.count, 5)
    XCTAssertEqual(hb.bootstrapCount, 2)
    let hbAuto = try XCTUnwrap(try pruner(#"{"type": "hyperband"}"#) as? HyperbandPruner)
    XCTAssertEqual(hbAuto.maxResource, .auto)
    XCTAssertEqual([hbAuto.minResource, hbAuto.reductionFactor], [1, 3])

    let threshold = try XCTUnwrap(
      try pruner(#"{"type": "threshold", "options": {"lower": -1, "upper": null, "n_warmup_steps": 2}}"#)
        as? ThresholdPruner)
    XCTAssertEqual(threshold.lower, -1)
    XCTAssertEqual(threshold.upper, .infinity)
    XCTAssertEqual(threshold.nWarmupSteps, 2)

    let patient = try XCTUnwrap(
      try pruner(
        #"{"type": "patient", "options": {"wrapped_pruner": {"type": "median", "options": {"n_startup_trials": 1}}, "patience": 3, "min_delta": 0.5}}"#
      ) as? PatientPruner)
    XCTAssertEqual(patient.patience, 3)
    XCTAssertEqual(patient.minDelta, 0.5)
    XCTAssertEqual((patient.wrapped as? MedianPruner)?.nStartupTrials, 1)
    let alone = try XCTUnwrap(
      try pruner(#"{"type": "patient", "options": {"wrapped_pruner": null, "patience": 0}}"#) as? PatientPruner)
    XCTAssertNil(alone.wrapped)

    let wilcoxon = try XCTUnwrap(
      try pruner(#"{"type": "wilcoxon", "options": {"p_threshold": 0.05, "n_startup_steps": 4}}"#) as? WilcoxonPruner)
    XCTAssertEqual(wilcoxon.pThreshold, 0.05)
    XCTAssertEqual(wilcoxon.nStartupSteps, 4)
    // Optuna 5's defaults.
    let wilcoxonDefaults = try XCTUnwrap(try pruner(#"{"type": "wilcoxon"}"#) as? WilcoxonPruner)
    XCTAssertEqual(wilcoxonDefaults.pThreshold, 0.1)
    XCTAssertEqual(wilcoxonDefaults.nStartupSteps, 2)
    XCTAssertEqual(
      prunerSpec(wilcoxon),
      try JSON.parse(#"{"type": "wilcoxon", "options": {"p_threshold": 0.05, "n_startup_steps": 4}}"#))

    let study = try Study(optionsJSON: #"{"pruner": {"type": "hyperband", "options": {"max_resource": 27}}}"#)
    XCTAssertEqual(study.pruner.name, "hyperband")
    XCTAssertEqual(try study.infoJSON["pruner"], .string("hyperband"))
  }

  /// Each bad spec and the text its message must contain.
  static let bad: [(String, String)] = [
    (#"{"type": "oracle"}"#, "oracle"),
    (#""median""#, "object"),
    (#"{"type": "median", "option": {}}"#, "option"),
    (#"{"type": "median", "options": {"n_warmup": 1}}"#, "n_warmup"),
    (#"{"type": "median", "options": {"n_warmup_steps": -1}}"#, "n_warmup_steps"),
    (#"{"type": "median", "options": {"n_warmup_steps": 1.5}}"#, "n_warmup_steps"),
    (#"{"type": "median", "options": {"interval_steps": 0}}"#, "interval_steps"),
    (#"{"type": "median", "options": {"n_startup_trials": "5"}}"#, "n_startup_trials"),
    (#"{"type": "median", "options": {"n_min_trials": 0}}"#, "n_min_trials"),
    (#"{"type": "median", "options": {"percentile": 10}}"#, "percentile"),
    (#"{"type": "percentile"}"#, "percentile"),
    (#"{"type": "percentile", "options": {"percentile": 101}}"#, "percentile"),
    (#"{"type": "percentile", "options": {"percentile": -0.5}}"#, "percentile"),
    (#"{"type": "successive_halving", "options": {"reduction_factor": 1}}"#, "reduction_factor"),
    (#"{"type": "successive_halving", "options": {"min_resource": "some"}}"#, "min_resource"),
    (#"{"type": "successive_halving", "options": {"min_resource": 0}}"#, "min_resource"),
    (#"{"type": "successive_halving", "options": {"min_early_stopping_rate": -1}}"#, "min_early_stopping_rate"),
    (#"{"type": "successive_halving", "options": {"bootstrap_count": 2}}"#, "bootstrap_count"),
    (#"{"type": "hyperband", "options": {"reduction_factor": 1}}"#, "reduction_factor"),
    (#"{"type": "hyperband", "options": {"max_resource": "big"}}"#, "max_resource"),
    (#"{"type": "hyperband", "options": {"min_resource": 10, "max_resource": 9}}"#, "max_resource"),
    (#"{"type": "hyperband", "options": {"min_resource": "auto"}}"#, "min_resource"),
    (#"{"type": "hyperband", "options": {"max_epochs": 9}}"#, "max_epochs"),
    (#"{"type": "threshold", "options": {"lower": 2, "upper": 1}}"#, "lower"),
    (#"{"type": "threshold"}"#, "lower"),
    (#"{"type": "threshold", "options": {"lower": 0, "n_warmup_steps": -2}}"#, "n_warmup_steps"),
    (#"{"type": "threshold", "options": {"lower": "low"}}"#, "lower"),
    (#"{"type": "patient", "options": {"wrapped_pruner": null}}"#, "patience"),
    (#"{"type": "patient", "options": {"patience": -1}}"#, "patience"),
    (#"{"type": "patient", "options": {"patience": 1, "min_delta": -1}}"#, "min_delta"),
    (#"{"type": "patient", "options": {"patience": 1, "wrapped_pruner": {"type": "oracle"}}}"#, "oracle"),
    (#"{"type": "patient", "options": {"patience": 1, "wrapped_pruner": "median"}}"#, "wrapped_pruner"),
    (#"{"type": "nop", "options": {"x": 1}}"#, "'x'"),
    (#"{"type": "wilcoxon", "options": {"p_threshold": 1.5}}"#, "p_threshold"),
    (#"{"type": "wilcoxon", "options": {"p_threshold": -0.1}}"#, "p_threshold"),
    (#"{"type": "wilcoxon", "options": {"n_startup_steps": -1}}"#, "n_startup_steps"),
    (#"{"type": "wilcoxon", "options": {"n_warmup_steps": 1}}"#, "n_warmup_steps"),
  ]

  func testBadSpecsAreInvalidArgumentsThatNameTheProblem() {
    for (spec, needle) in Self.bad {
      XCTAssertThrowsError(try pruner(spec), spec) {
        guard case HoneError.invalidArgument(let m) = $0 else { return XCTFail("\(spec): \($0)") }
        XCTAssert(m.contains(needle), "\(spec): \(m)")
      }
      XCTAssertThrowsError(try Study(optionsJSON: #"{"pruner": \#(spec)}"#), spec)
    }
  }
}
