/// Results: counts, best trials and JSON exports.
///
/// Trials are exported as JSON objects with Optuna's fields: "number", "state",
/// "values" (null unless COMPLETE or PRUNED), "params" (user-facing values),
/// "distributions", "intermediate_values" (step to value), "user_attrs",
/// "system_attrs" (the library's own, e.g. "fixed_params" of an enqueued trial),
/// "datetime_start" and "datetime_complete" (ISO 8601, UTC). Non-finite numbers
/// are written NaN, Infinity and -Infinity, as Python's json module does.

import Hone

/// The number of trials in the study, in any state.
@c public func hone_study_n_trials(
  _ out: UnsafeMutablePointer<UInt>?,
  _ study: hone_study?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    out.pointee = UInt(try studyHandles.object(study).read { s throws(HoneError) in try s.trialCount() })
  }
}

/// The number of the best feasible COMPLETE trial of a single-objective study.
///
/// A trial is feasible when each of its constraint values (hone_trial_set_constraints)
/// is <= 0, or it has none.
///
/// - Returns: HONE_NOT_FOUND when no trial is complete, or no complete one is
///   feasible; HONE_STATE in a multi-objective study (use hone_study_best_trials_json).
@c public func hone_study_best_trial(
  _ out_trial: UnsafeMutablePointer<Int64>?,
  _ study: hone_study?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out_trial, "out_trial")
    out.pointee = Int64(try studyHandles.object(study).read { s throws(HoneError) in try s.bestTrial().number })
  }
}

/// The best objective value of a single-objective study: that of hone_study_best_trial.
@c public func hone_study_best_value(
  _ out: UnsafeMutablePointer<Double>?,
  _ study: hone_study?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    out.pointee = try studyHandles.object(study).read { s throws(HoneError) in
      let best = try s.bestTrial()
      guard let v = best.value else { throw .internal("best trial \(best.number) has no value") }
      return v
    }
  }
}

/// The Pareto front (the feasible COMPLETE trials no other one dominates) as a JSON array of trials.
///
/// - Parameter out: receives the text; release it with `hone_free`.
@c public func hone_study_best_trials_json(
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ study: hone_study?
) -> hone_status {
  exportJSON(out, study) { s throws(HoneError) in .array(try s.bestTrials().map(\.json)) }
}

/// Every trial of the study as a JSON array, ordered by number.
///
/// - Parameter out: receives the text; release it with `hone_free`.
@c public func hone_study_trials_json(
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ study: hone_study?
) -> hone_status {
  exportJSON(out, study) { s throws(HoneError) in .array(try s.trials.map(\.json)) }
}

/// One trial as a JSON object.
///
/// - Parameter out: receives the text; release it with `hone_free`.
@c public func hone_trial_json(
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ study: hone_study?,
  _ trial: Int64
) -> hone_status {
  exportJSON(out, study) { s throws(HoneError) in try s.trial(try trialNumber(trial)).json }
}

/// The parameters of one trial as a JSON object of user-facing values.
///
/// - Parameter out: receives the text, e.g. {"x": 0.25, "opt": "adam"}; release it with `hone_free`.
@c public func hone_trial_params_json(
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ study: hone_study?,
  _ trial: Int64
) -> hone_status {
  exportJSON(out, study) { s throws(HoneError) in try s.trial(try trialNumber(trial)).paramsJSON }
}

/// Every trial of the study, ordered by number, as CSV or JSON text.
///
/// "csv" writes one row per trial with the columns of Optuna's
/// trials_dataframe(): number, value (values_0, values_1, ... with several
/// objectives), datetime_start, datetime_complete, duration (seconds),
/// params_<name>, user_attrs_<key>, system_attrs_<key> and state; fields are
/// quoted as RFC 4180 says, lines end in CRLF, and a cell a trial lacks is empty.
/// "json" writes the array of hone_study_trials_json.
///
/// - Parameter out: receives the text; release it with `hone_free`.
/// - Parameter format: "csv" or "json".
@c public func hone_study_export(
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ study: hone_study?,
  _ format: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let name = try string(format, "format")
    guard let kind = Study.ExportFormat(rawValue: name) else {
      throw .invalidArgument("export format '\(name)' is unknown (csv, json)")
    }
    let text = try studyHandles.object(study).read { s throws(HoneError) in try s.export(kind) }
    try copyOut(text, to: out)
  }
}
