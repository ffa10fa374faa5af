/// Hand-built trials: adding a finished (or waiting, or running) trial to a study.

import Hone

/// Adds a trial described in JSON to the study, as Optuna's Study.add_trial.
///
/// trial_json has the shape hone_trial_json returns: {"state": "COMPLETE",
/// "values": [0.5], "params": {"x": 0.25}, "distributions": {"x": {"type":
/// "float", "low": 0, "high": 1}}, "intermediate_values": {"0": 0.7},
/// "user_attrs": {}, "system_attrs": {}, "datetime_start":
/// "2026-11-23T10:04:05.123456Z", "datetime_complete": "..."}. "state" is
/// required; the others may be missing or null; "number" is ignored (the trial
/// gets the study's next number); any other key is HONE_INVALID_ARGUMENT. So
/// the output of hone_trial_json, added to a study with the same directions,
/// gives a trial with the same fields but its number.
///
/// The trial is checked as Optuna's FrozenTrial._validate and add_trial check it:
/// - a trial that is not WAITING needs "datetime_start"; a COMPLETE, PRUNED or
///   FAIL one needs "datetime_complete", and a RUNNING or WAITING one must not
///   have it. Times are ISO 8601 with "Z" or an offset, between 1970 and 9999.
/// - COMPLETE needs "values"; FAIL must not have them. Values, when given, are
///   one per direction and not NaN; infinities are kept.
/// - every parameter has a distribution (and every distribution a parameter)
///   that holds its value; int values are read exactly.
/// - intermediate steps are decimal integers >= 0; no key appears twice; the
///   system attributes "fixed_params" (an object), "constraints" (null or an
///   array of numbers, not NaN), "constraints:<key>" (a number) and "grid_id"
///   (an integer >= 0) have the types the library reads.
/// A WAITING trial is started by a later ask; a RUNNING one can be told. A
/// failed call adds nothing.
///
/// - Parameter out_number: receives the new trial's number.
/// - Parameter trial_json: the trial, as above.
@c public func hone_study_add_trial(
  _ out_number: UnsafeMutablePointer<Int64>?,
  _ study: hone_study?,
  _ trial_json: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out_number, "out_number")
    let s = try studyHandles.object(study)
    let trial = try FrozenTrial(addJSON: try json(trial_json, "trial_json"))
    let number = try s.addTrial(trial)
    guard let exact = Int64(exactly: number) else { throw .internal("trial number \(number) exceeds int64_t") }
    out.pointee = exact
  }
}
