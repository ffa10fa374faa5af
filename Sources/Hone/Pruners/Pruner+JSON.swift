/// A pruner from its JSON spec, `{"type": ..., "options": {...}}`, with Optuna's option names.
///
/// Types and options (all optional unless marked):
/// - `nop` (also `none`): no options. The default when the spec is absent or null.
/// - `median`: `n_startup_trials` (5), `n_warmup_steps` (0), `interval_steps` (1), `n_min_trials` (1).
/// - `percentile`: `percentile` (required, 0...100) and the options of `median`.
/// - `successive_halving`: `min_resource` (`"auto"` or an integer ≥ 1; `"auto"`),
///   `reduction_factor` (4), `min_early_stopping_rate` (0), `bootstrap_count` (0).
/// - `hyperband`: `min_resource` (1), `max_resource` (`"auto"` or an integer; `"auto"`),
///   `reduction_factor` (3), `bootstrap_count` (0).
/// - `threshold`: `lower` and `upper` (numbers or null; at least one), `n_warmup_steps` (0),
///   `interval_steps` (1).
/// - `patient`: `wrapped_pruner` (a pruner spec, or null for none), `patience` (required),
///   `min_delta` (0).
///
/// - Throws: `.invalidArgument` naming the unknown type or key, or the option whose value is bad.
public func makePruner(_ json: JSON?) throws(HoneError) -> any Pruner {
  guard let json, json != .null else { return NopPruner() }
  guard case .object(let members) = json else {
    throw .invalidArgument("pruner must be an object, not \(json.typeName)")
  }
  let r = JSONObjectReader(members, context: "pruner")
  try r.allowOnly(["type", "options"])
  let type = try r.string("type")
  let options = JSONObjectReader(try r.optionalObject("options") ?? [], context: "\(type) pruner options")
  func int(_ key: String, _ fallback: Int) throws(HoneError) -> Int {
    guard let v = try options.optionalInt64(key) else { return fallback }
    return Int(v)
  }
  /// An integer or `"auto"` (nil).
  func intOrAuto(_ key: String, _ fallback: Int?) throws(HoneError) -> Int? {
    switch options[key] {
    case nil, .null?: return fallback
    case .string("auto")?: return nil
    case .string(let other)?:
      throw .invalidArgument("\(type) pruner options: '\(key)' must be an integer or \"auto\", not \"\(other)\"")
    default: return Int(try options.int64(key))
    }
  }
  let steps: Set<String> = ["n_warmup_steps", "interval_steps"]
  let percentileKeys = steps.union(["n_startup_trials", "n_min_trials"])
  switch type {
  case "nop", "none":
    try options.allowOnly([])
    return NopPruner()
  case "median":
    try options.allowOnly(percentileKeys)
    return try MedianPruner(
      nStartupTrials: try int("n_startup_trials", 5), nWarmupSteps: try int("n_warmup_steps", 0),
      intervalSteps: try int("interval_steps", 1), nMinTrials: try int("n_min_trials", 1))
  case "percentile":
    try options.allowOnly(percentileKeys.union(["percentile"]))
    return try PercentilePruner(
      percentile: try options.number("percentile"),
      nStartupTrials: try int("n_startup_trials", 5), nWarmupSteps: try int("n_warmup_steps", 0),
      intervalSteps: try int("interval_steps", 1), nMinTrials: try int("n_min_trials", 1))
  case "successive_halving":
    try options.allowOnly(["min_resource", "reduction_factor", "min_early_stopping_rate", "bootstrap_count"])
    return try SuccessiveHalvingPruner(
      minResource: try intOrAuto("min_resource", nil).map { .steps($0) } ?? .auto,
      reductionFactor: try int("reduction_factor", 4),
      minEarlyStoppingRate: try int("min_early_stopping_rate", 0),
      bootstrapCount: try int("bootstrap_count", 0))
  case "hyperband":
    try options.allowOnly(["min_resource", "max_resource", "reduction_factor", "bootstrap_count"])
    return try HyperbandPruner(
      minResource: try int("min_resource", 1),
      maxResource: try intOrAuto("max_resource", nil).map { .steps($0) } ?? .auto,
      reductionFactor: try int("reduction_factor", 3),
      bootstrapCount: try int("bootstrap_count", 0))
  case "threshold":
    try options.allowOnly(steps.union(["lower", "upper"]))
    return try ThresholdPruner(
      lower: try options.optionalNumber("lower"), upper: try options.optionalNumber("upper"),
      nWarmupSteps: try int("n_warmup_steps", 0), intervalSteps: try int("interval_steps", 1))
  case "patient":
    try options.allowOnly(["wrapped_pruner", "patience", "min_delta"])
    let wrapped = try options.optionalObject("wrapped_pruner").map { (m) throws(HoneError) in
      try makePruner(.object(m))
    }
    return try PatientPruner(
      wrapping: wrapped, patience: Int(try options.int64("patience")),
      minDelta: try options.optionalNumber("min_delta") ?? 0)
  default:
    throw .invalidArgument(
      "unknown pruner type '\(type)' (nop, median, percentile, successive_halving, hyperband, threshold, patient)")
  }
}
