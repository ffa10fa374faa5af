/// Trials: ask, suggest, report, tell.
///
/// A trial is named by its number within the study. Parameters are suggested
/// define-by-run: the first suggestion of a name samples it, later suggestions of
/// the same name in the same trial return the first value, even with other bounds
/// or step (as in Optuna), and suggesting it with another kind, log flag or
/// categorical choices is an error.

import Hone

/// The life-cycle state of a trial.
@c public enum hone_trial_state: Int32 {
  /// Asked and not yet told.
  case HONE_TRIAL_RUNNING = 0
  /// Told with its objective values.
  case HONE_TRIAL_COMPLETE = 1
  /// Stopped early by a pruner.
  case HONE_TRIAL_PRUNED = 2
  /// The objective failed or returned NaN.
  case HONE_TRIAL_FAIL = 3
  /// Enqueued and not yet asked.
  case HONE_TRIAL_WAITING = 4
}

/// Starts a new trial.
///
/// An enqueued trial is started first. With a study-wide "search_space", every
/// parameter is fixed now and later suggestions return the fixed values.
///
/// A failing ask changes nothing: no trial is created, and an enqueued trial
/// whose values do not fit the search space stays WAITING.
///
/// - Parameter out_trial: receives the trial number.
/// - Returns: HONE_EXHAUSTED when the sampler has nothing left (a used-up grid or brute-force search).
@c public func hone_study_ask(
  _ out_trial: UnsafeMutablePointer<Int64>?,
  _ study: hone_study?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out_trial, "out_trial")
    out.pointee = Int64(try studyHandles.object(study).ask())
  }
}

/// Queues a trial with fixed parameters; the next ask starts it.
///
/// Integer values are read exactly. With a study-wide "search_space", a value that
/// can never fit its parameter (a string for an int, 2.5 or 1e300 for an int, NaN
/// for a float) is HONE_INVALID_ARGUMENT, naming the parameter, value and
/// distribution, and nothing is queued.
///
/// - Parameter params_json: a JSON object of parameter values, e.g. {"x": 1.5, "opt": "adam"}.
///   Parameters it does not name are sampled as usual.
@c public func hone_study_enqueue_trial(
  _ study: hone_study?,
  _ params_json: UnsafePointer<CChar>?
) -> hone_status {
  var number: Int64 = 0
  return hone_study_enqueue(&number, study, params_json, nil)
}

/// Queues a trial with fixed parameters and says which trial it is.
///
/// - Parameter out_trial: receives the queued trial's number, or -1 when
///   "skip_if_exists" found a trial with the same parameters and nothing was queued.
/// - Parameter params_json: a JSON object of parameter values, as for
///   hone_study_enqueue_trial.
/// - Parameter options_json: NULL, "" (or only white space), or a JSON object with "user_attrs" (an
///   object set on the trial) and "skip_if_exists" (false by default: when true,
///   nothing is queued if a trial in any state has exactly these parameters).
@c public func hone_study_enqueue(
  _ out_trial: UnsafeMutablePointer<Int64>?,
  _ study: hone_study?,
  _ params_json: UnsafePointer<CChar>?,
  _ options_json: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out_trial, "out_trial")
    let s = try studyHandles.object(study)
    guard case .object(let params) = try json(params_json, "params_json") else {
      throw .invalidArgument("params_json must be a JSON object")
    }
    let options = try JSON.parseOptions(
      try options_json.map { (p) throws(HoneError) in try string(p, "options_json") })
    out.pointee = try s.enqueueTrial(params, optionsJSON: options).map(Int64.init) ?? -1
  }
}

/// Suggests a float in [low, high]: uniformly, on a grid of `step`, or with log, log-uniformly.
///
/// With a step, the value lies on the grid low, low + step, ..., high; when
/// high - low is not a multiple of step, high is lowered onto the grid.
///
/// - Parameter out: receives the value.
/// - Parameter step: the grid spacing, > 0; 0 means no grid. Any other value,
///   or a step together with log, is HONE_INVALID_ARGUMENT.
/// - Parameter log: sample on a log scale; needs low > 0 and no step.
@c public func hone_trial_suggest_float(
  _ out: UnsafeMutablePointer<Double>?,
  _ study: hone_study?,
  _ trial: Int64,
  _ name: UnsafePointer<CChar>?,
  _ low: Double,
  _ high: Double,
  _ step: Double,
  _ log: Bool
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let s = try studyHandles.object(study)
    out.pointee = try s.suggestFloat(
      trial: try trialNumber(trial), try string(name, "name"), low, high, step: step == 0 ? nil : step, log: log)
  }
}

/// Suggests an integer in [low, high] on the grid low, low + step, ....
///
/// Any bounds in the Int64 range work, and the value is exact: it never passes
/// through a double.
///
/// - Parameter out: receives the value.
/// - Parameter step: must be >= 1, and 1 when log is true.
/// - Parameter log: sample on a log scale; needs low >= 1.
@c public func hone_trial_suggest_int(
  _ out: UnsafeMutablePointer<Int64>?,
  _ study: hone_study?,
  _ trial: Int64,
  _ name: UnsafePointer<CChar>?,
  _ low: Int64,
  _ high: Int64,
  _ step: Int64,
  _ log: Bool
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let s = try studyHandles.object(study)
    out.pointee = try s.suggestInt(
      trial: try trialNumber(trial), try string(name, "name"), low, high, step: step, log: log)
  }
}

/// Suggests one of n_choices strings and returns its index.
///
/// - Parameter out_index: receives the index into choices.
/// - Parameter choices: n_choices UTF-8 strings, none NULL.
@c public func hone_trial_suggest_categorical(
  _ out_index: UnsafeMutablePointer<UInt>?,
  _ study: hone_study?,
  _ trial: Int64,
  _ name: UnsafePointer<CChar>?,
  _ choices: UnsafePointer<UnsafePointer<CChar>?>?,
  _ n_choices: UInt
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out_index, "out_index")
    let s = try studyHandles.object(study)
    guard let choices else { throw .invalidArgument("choices is NULL") }
    guard n_choices > 0 else { throw .invalidArgument("choices must not be empty (n_choices is 0)") }
    guard n_choices <= 1 << 24 else { throw .invalidArgument("n_choices (\(n_choices)) is too large") }
    var list: [JSON] = []
    list.reserveCapacity(Int(n_choices))
    for i in 0..<Int(n_choices) {
      list.append(.string(try string(choices[i], "choices[\(i)]")))
    }
    out.pointee = UInt(try s.suggestCategorical(trial: try trialNumber(trial), try string(name, "name"), list))
  }
}

/// Suggests one of the choices in a JSON array and returns its index.
///
/// Choices may be strings, numbers, booleans or null, e.g. ["adam", 0.5, true, null];
/// trial exports then carry the chosen value with its JSON type. As in Optuna, a
/// number may be NaN or infinite: the text writes it as Python's json module
/// does, NaN, Infinity or -Infinity (the one extension to JSON that Hone reads
/// and writes, in exports and stored distributions alike), and a NaN choice is
/// the same choice as another NaN.
///
/// - Parameter out_index: receives the index into the array.
@c public func hone_trial_suggest_categorical_json(
  _ out_index: UnsafeMutablePointer<UInt>?,
  _ study: hone_study?,
  _ trial: Int64,
  _ name: UnsafePointer<CChar>?,
  _ choices_json: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out_index, "out_index")
    let s = try studyHandles.object(study)
    guard case .array(let list) = try json(choices_json, "choices_json") else {
      throw .invalidArgument("choices_json must be a JSON array")
    }
    out.pointee = UInt(try s.suggestCategorical(trial: try trialNumber(trial), try string(name, "name"), list))
  }
}

/// Finishes a running trial.
///
/// - HONE_TRIAL_COMPLETE needs one value per direction (n_values equal to the
///   number of directions). Infinite values are kept, as Optuna keeps them. A NaN
///   value marks the trial FAIL instead, as Optuna does: the call succeeds and
///   out_state says HONE_TRIAL_FAIL.
/// - HONE_TRIAL_PRUNED keeps the last reported intermediate value as the value;
///   values may be NULL.
/// - HONE_TRIAL_FAIL ignores values, which may be NULL.
/// Telling a trial twice is HONE_STATE and changes nothing.
///
/// - Parameter out_state: receives the state the trial ended in; may be NULL.
/// - Parameter values: n_values objective values; may be NULL when n_values is 0.
@c public func hone_study_tell(
  _ out_state: UnsafeMutablePointer<hone_trial_state>?,
  _ study: hone_study?,
  _ trial: Int64,
  _ values: UnsafePointer<Double>?,
  _ n_values: UInt,
  _ state: hone_trial_state
) -> hone_status {
  capture { () throws(HoneError) in
    let s = try studyHandles.object(study)
    let target = try trialState(state)
    guard n_values <= 1 << 16 else { throw .invalidArgument("n_values (\(n_values)) is too large") }
    var list: [Double] = []
    if n_values > 0 {
      guard let values else { throw .invalidArgument("values is NULL but n_values is \(n_values)") }
      list = Array(UnsafeBufferPointer(start: values, count: Int(n_values)))
    }
    let final = try s.tell(trial: try trialNumber(trial), values: list, state: target)
    if let out_state {
      out_state.pointee = hone_trial_state(rawValue: final.rawValue) ?? .HONE_TRIAL_FAIL
    }
  }
}

/// Sets the constraint values of a running trial, as Optuna's constraints_func gives them.
///
/// Each value is satisfied when <= 0; infinities are kept. The values are stored
/// as Optuna stores them, in the trial's system attribute "constraints", so the
/// best trial and the Pareto front consider only feasible trials (those whose
/// every value is <= 0, or that have none), and constrained samplers see them.
/// Call it after the objective returns and before hone_study_tell, as Optuna
/// does; setting them again replaces them, and n = 0 sets an empty list (the
/// trial is feasible). The values are copied: the caller keeps ownership of the
/// array. It may be called from any thread: calls on one study are serialized.
///
/// - Parameter values: n constraint values, none NaN; may be NULL only when n is 0.
/// - Returns: HONE_INVALID_ARGUMENT for a NaN value, a NULL values with n > 0 or
///   n above 65536; HONE_STATE for a trial that is not RUNNING (already told);
///   HONE_NOT_FOUND for no such trial. A failed call changes nothing.
@c public func hone_trial_set_constraints(
  _ study: hone_study?,
  _ trial: Int64,
  _ values: UnsafePointer<Double>?,
  _ n: UInt
) -> hone_status {
  capture { () throws(HoneError) in
    let s = try studyHandles.object(study)
    guard n <= 1 << 16 else { throw .invalidArgument("n (\(n)) is too large") }
    var list: [Double] = []
    if n > 0 {
      guard let values else { throw .invalidArgument("values is NULL but n is \(n)") }
      list = Array(UnsafeBufferPointer(start: values, count: Int(n)))
    }
    try s.setConstraints(trial: try trialNumber(trial), list)
  }
}

/// Reports an intermediate objective value at a step, for pruning.
///
/// A step already reported keeps its first value; NaN is accepted.
@c public func hone_trial_report(
  _ study: hone_study?,
  _ trial: Int64,
  _ step: Int64,
  _ value: Double
) -> hone_status {
  capture { () throws(HoneError) in
    try studyHandles.object(study).report(trial: try trialNumber(trial), step: step, value: value)
  }
}

/// Asks the study's pruner whether a running trial should stop now.
///
/// Fails with HONE_STATE in a multi-objective study, as reporting does.
///
/// - Parameter out: receives true when the trial should be told HONE_TRIAL_PRUNED.
@c public func hone_trial_should_prune(
  _ out: UnsafeMutablePointer<Bool>?,
  _ study: hone_study?,
  _ trial: Int64
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    out.pointee = try studyHandles.object(study).shouldPrune(trial: try trialNumber(trial))
  }
}

/// Sets a user attribute of a running trial to a JSON value.
///
/// - Parameter value_json: any JSON document, e.g. "42", "\"text\"", "{\"a\": [1, 2]}".
@c public func hone_trial_set_user_attr(
  _ study: hone_study?,
  _ trial: Int64,
  _ key: UnsafePointer<CChar>?,
  _ value_json: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let s = try studyHandles.object(study)
    try s.setUserAttr(
      trial: try trialNumber(trial), key: try string(key, "key"), value: try json(value_json, "value_json"))
  }
}
