/// A pruner from its JSON spec, `{"type": ..., "options": {...}}`, with Optuna's option names.
///
/// Types and options (all optional unless marked):
/// - `nop` (also `none`): no options. The default when the spec is absent or null.
/// - `median`: `n_startup_trials` (default 5), `n_warmup_steps` (default 0), `interval_steps`
///   (default 1), `n_min_trials` (default 1).
/// - `percentile`: `percentile` (required, 0...100) and the options of `median`.
/// - `successive_halving`: `min_resource` (`"auto"` or an integer ≥ 1; default "auto"),
///   `reduction_factor` (default 4), `min_early_stopping_rate` (default 0), `bootstrap_count` (default 0).
/// - `hyperband`: `min_resource` (default 1), `max_resource` (`"auto"` or an integer; default "auto"),
///   `reduction_factor` (default 3), `bootstrap_count` (default 0).
/// - `threshold`: `lower` and `upper` (numbers or null; at least one), `n_warmup_steps` (default 0),
///   `interval_steps` (default 1).
/// - `patient`: `wrapped_pruner` (a pruner spec, or null for none), `patience` (required),
///   `min_delta` (default 0).
/// - `wilcoxon`: `p_threshold` (in 0...1; default 0.1), `n_startup_steps` (default 2).
///
/// The defaults are those of the pruners' initializers, read from a pruner built
/// with them, so that they are written once; `prunerSpec(_:)` writes them back.
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
  /// An integer, `"auto"` (`.some(nil)`), or nil when the option is absent.
  func intOrAuto(_ key: String) throws(HoneError) -> Int?? {
    switch options[key] {
    case nil, .null?: return nil
    case .string("auto")?: return .some(nil)
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
    let d = try MedianPruner()
    return try MedianPruner(
      nStartupTrials: try int("n_startup_trials", d.nStartupTrials),
      nWarmupSteps: try int("n_warmup_steps", d.nWarmupSteps),
      intervalSteps: try int("interval_steps", d.intervalSteps), nMinTrials: try int("n_min_trials", d.nMinTrials))
  case "percentile":
    try options.allowOnly(percentileKeys.union(["percentile"]))
    let d = try PercentilePruner(percentile: 50)
    return try PercentilePruner(
      percentile: try options.number("percentile"),
      nStartupTrials: try int("n_startup_trials", d.nStartupTrials),
      nWarmupSteps: try int("n_warmup_steps", d.nWarmupSteps),
      intervalSteps: try int("interval_steps", d.intervalSteps), nMinTrials: try int("n_min_trials", d.nMinTrials))
  case "successive_halving":
    try options.allowOnly(["min_resource", "reduction_factor", "min_early_stopping_rate", "bootstrap_count"])
    let d = try SuccessiveHalvingPruner()
    let minResource: SuccessiveHalvingPruner.MinResource
    switch try intOrAuto("min_resource") {
    case nil: minResource = d.minResource
    case .some(nil): minResource = .auto
    case .some(let n?): minResource = .steps(n)
    }
    return try SuccessiveHalvingPruner(
      minResource: minResource, reductionFactor: try int("reduction_factor", d.reductionFactor),
      minEarlyStoppingRate: try int("min_early_stopping_rate", d.minEarlyStoppingRate),
      bootstrapCount: try int("bootstrap_count", d.bootstrapCount))
  case "hyperband":
    try options.allowOnly(["min_resource", "max_resource", "reduction_factor", "bootstrap_count"])
    let d = try HyperbandPruner()
    let maxResource: HyperbandPruner.MaxResource
    switch try intOrAuto("max_resource") {
    case nil: maxResource = d.maxResource
    case .some(nil): maxResource = .auto
    case .some(let n?): maxResource = .steps(n)
    }
    return try HyperbandPruner(
      minResource: try int("min_resource", d.minResource), maxResource: maxResource,
      reductionFactor: try int("reduction_factor", d.reductionFactor),
      bootstrapCount: try int("bootstrap_count", d.bootstrapCount))
  case "threshold":
    try options.allowOnly(steps.union(["lower", "upper"]))
    let d = try ThresholdPruner(lower: 0)
    return try ThresholdPruner(
      lower: try options.optionalNumber("lower"), upper: try options.optionalNumber("upper"),
      nWarmupSteps: try int("n_warmup_steps", d.nWarmupSteps), intervalSteps: try int("interval_steps", d.intervalSteps))
  case "patient":
    try options.allowOnly(["wrapped_pruner", "patience", "min_delta"])
    let wrapped = try options.optionalObject("wrapped_pruner").map { (m) throws(HoneError) in
      try makePruner(.object(m))
    }
    let d = try PatientPruner(wrapping: nil, patience: 0)
    return try PatientPruner(
      wrapping: wrapped, patience: Int(try options.int64("patience")),
      minDelta: try options.optionalNumber("min_delta") ?? d.minDelta)
  case "wilcoxon":
    try options.allowOnly(["p_threshold", "n_startup_steps"])
    let d = try WilcoxonPruner()
    return try WilcoxonPruner(
      pThreshold: try options.optionalNumber("p_threshold") ?? d.pThreshold,
      nStartupSteps: try int("n_startup_steps", d.nStartupSteps))
  default:
    throw .invalidArgument(
      "unknown pruner type '\(type)' (nop, median, percentile, successive_halving, hyperband, threshold, patient, "
        + "wilcoxon)")
  }
}

/// The JSON spec of a pruner `makePruner` builds, every option written out: its
/// defaults filled in, `"auto"` for an automatic resource, null for a missing
/// threshold bound (−∞ below, +∞ above). Nil for a pruner of another type.
public func prunerSpec(_ pruner: any Pruner) -> JSON? {
  func spec(_ type: String, _ options: [(String, JSON)]) -> JSON {
    options.isEmpty ? .object([("type", .string(type))]) : .object([("type", .string(type)), ("options", .object(options))])
  }
  switch pruner {
  case is NopPruner:
    return spec("nop", [])
  case let p as MedianPruner:
    return spec(
      "median",
      [
        ("n_startup_trials", .int(p.nStartupTrials)), ("n_warmup_steps", .int(p.nWarmupSteps)),
        ("interval_steps", .int(p.intervalSteps)), ("n_min_trials", .int(p.nMinTrials)),
      ])
  case let p as PercentilePruner:
    return spec(
      "percentile",
      [
        ("percentile", .number(p.percentile)), ("n_startup_trials", .int(p.nStartupTrials)),
        ("n_warmup_steps", .int(p.nWarmupSteps)), ("interval_steps", .int(p.intervalSteps)),
        ("n_min_trials", .int(p.nMinTrials)),
      ])
  case let p as SuccessiveHalvingPruner:
    let minResource: JSON
    switch p.minResource {
    case .auto: minResource = .string("auto")
    case .steps(let n): minResource = .int(n)
    }
    return spec(
      "successive_halving",
      [
        ("min_resource", minResource), ("reduction_factor", .int(p.reductionFactor)),
        ("min_early_stopping_rate", .int(p.minEarlyStoppingRate)), ("bootstrap_count", .int(p.bootstrapCount)),
      ])
  case let p as HyperbandPruner:
    let maxResource: JSON
    switch p.maxResource {
    case .auto: maxResource = .string("auto")
    case .steps(let n): maxResource = .int(n)
    }
    return spec(
      "hyperband",
      [
        ("min_resource", .int(p.minResource)), ("max_resource", maxResource),
        ("reduction_factor", .int(p.reductionFactor)), ("bootstrap_count", .int(p.bootstrapCount)),
      ])
  case let p as ThresholdPruner:
    // A missing bound is null, as in the spec, and reads as an infinite one. One
    // bound must be given, so of two infinite ones the upper is written out.
    let lower: JSON = p.lower == -.infinity ? .null : .number(p.lower)
    let upper: JSON = p.upper == .infinity && lower != .null ? .null : .number(p.upper)
    return spec(
      "threshold",
      [
        ("lower", lower), ("upper", upper),
        ("n_warmup_steps", .int(p.nWarmupSteps)), ("interval_steps", .int(p.intervalSteps)),
      ])
  case let p as PatientPruner:
    let wrapped: JSON
    if let inner = p.wrapped {
      guard let s = prunerSpec(inner) else { return nil }
      wrapped = s
    } else {
      wrapped = .null
    }
    return spec(
      "patient", [("wrapped_pruner", wrapped), ("patience", .int(p.patience)), ("min_delta", .number(p.minDelta))])
  case let p as WilcoxonPruner:
    return spec("wilcoxon", [("p_threshold", .number(p.pThreshold)), ("n_startup_steps", .int(p.nStartupSteps))])
  default:
    return nil
  }
}
