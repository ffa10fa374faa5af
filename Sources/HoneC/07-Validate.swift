/// Options: checking a component spec without a study, and reading its defaults.

import Hone

/// Validates a component spec and returns it with every default filled in.
///
/// The rules and messages are those of the call that takes the spec
/// (hone_study_create for "distribution", "sampler" and "pruner", hone_mlp_train
/// for "mlp"), so a host can refuse a bad component when it is configured, and
/// read the library's defaults rather than repeat them.
///
/// - "distribution": one distribution of a "search_space", e.g.
///   {"type": "float", "low": 0, "high": 1, "step": 0.3}; returned with "step" and
///   "log" written out and "high" lowered onto the step grid ({..., "high": 0.9}).
/// - "sampler": a "sampler" spec; returned as {"type", "seed" (as given, or null),
///   "options": {every option}} ("options" absent for "random").
/// - "pruner": a "pruner" spec; returned as {"type", "options": {every option}}
///   ("options" absent for "nop"), "auto" for an automatic resource and null for
///   a missing threshold bound.
/// - "mlp": an MLP configuration; returned with every key, null where the default
///   depends on other keys ("loss", "init", "weight_decay").
///
/// - Parameter out_json: receives the normalized spec; release it with `hone_free`.
/// - Parameter kind: "distribution", "sampler", "pruner" or "mlp".
/// - Parameter json: the spec; NULL or "" (or only white space) means the
///   defaults, which a distribution does not have.
/// - Returns: HONE_INVALID_ARGUMENT with the message the taking call would give.
@c public func hone_options_normalize(
  _ out_json: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ kind: UnsafePointer<CChar>?,
  _ json: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out_json, "out_json")
    let kind = try OptionsKind(named: try string(kind, "kind"))
    let spec = try JSON.parseOptions(try json.map { (p) throws(HoneError) in try string(p, "json") })
    try copyOut(try kind.normalize(spec).text, to: out)
  }
}
