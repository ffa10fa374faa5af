/// Studies: creating and destroying them.

import Hone

/// A study: an optimization with its sampler, pruner, storage and trials.
///
/// Create one with `hone_study_create` and release it with `hone_study_destroy`.
/// A handle may be shared by several threads at once.
public typealias hone_study = OpaquePointer

/// Creates a study from a JSON options document.
///
/// Keys, all optional; an unknown key is an error that names it:
/// - "name": a unique study name (default: generated).
/// - "direction": "minimize" (default) or "maximize"; or "directions": an array of
///   them for a multi-objective study.
/// - "sampler": {"type": "tpe" | "random" | "grid" | "qmc" | "gp" | "cmaes" |
///   "brute_force" | "partial_fixed", "seed": 42, "options": {...}}.
///   tpe options: {"n_startup_trials": 10, "n_ei_candidates": 24, "gamma": null
///   (min(ceil(0.1 n), 25)) | {"fraction": 0.1, "power": 1, "max": 25}
///   (min(ceil(fraction n^power), max)), "weights": null (Optuna's default_weights) |
///   "optuna" | "uniform", "consider_prior": true (true only), "prior_weight": 1,
///   "consider_magic_clip": true, "consider_endpoints": false, "multivariate": null
///   (true for one objective) | true | false, "group": false, "constant_liar": true,
///   "warn_independent_sampling": false}, Optuna 5.0's TPESampler and defaults; the
///   first n_startup_trials trials are the random sampler's draws, pruned trials rank
///   by their last intermediate value, failed ones are ignored, and a multi-objective
///   study samples at random for now.
///   grid options: {"search_space": {"x": [1, 2, 3], "opt": ["adam", "sgd"]}};
///   qmc options: {"scramble": true, "qmc_type": "sobol"};
///   gp options: {"kernel": "matern52" | "rbf", "acquisition": "logei" | "logpi" | "ucb",
///   "beta": 2 (ucb only), "n_startup_trials": 10, "deterministic_objective": false,
///   "n_candidates": 1024, "n_restarts": 10, "lengthscale_prior": "lognormal"
///   (BoTorch's dimension-scaled prior) | "optuna" (Optuna's)}.
///   cmaes options: {"x0": null (the centre) | {"x": 0.5, ...}, "sigma0": null (1/6 of
///   the unit cube), "n_startup_trials": 1, "independent_sampler": null (random) |
///   {...a sampler...}, "warn_independent_sampling": true, "restart_strategy": null |
///   "ipop" | "bipop", "popsize": null (4 + floor(3 ln d)), "inc_popsize": 2,
///   "consider_pruned_trials": false, "use_separable_cma": false, "lr_adapt": false,
///   "with_margin": false, "source_trials": null | [{"params": {"x": 0.5}, "value": 1.2,
///   "state": "COMPLETE"}, ...]}, Optuna 5.0's CmaEsSampler over the float and int
///   parameters (categoricals go to the independent sampler); its state is rebuilt
///   from the trials' generations, pruned trials count only with
///   consider_pruned_trials (by their last intermediate value), failed ones never;
///   "bipop" interlaces IPOP's growing populations with small ones (Optuna 3.x's);
///   every restart keeps use_separable_cma, with_margin and lr_adapt; lr_adapt adapts
///   the learning rates (not with use_separable_cma or with_margin); with_margin
///   keeps each int and stepped float able to change value (CMA-ES with margin; not
///   with use_separable_cma); source_trials warm-starts the first run and every
///   restart from the best 10% of at least 10 trials of a similar study whose params
///   are exactly the float and int ones searched (not with x0, sigma0 or
///   use_separable_cma).
///   brute_force options: {"avoid_premature_stop": false}: every point of a finite
///   space (a float needs a step), then HONE_EXHAUSTED from ask; pruned and failed
///   trials have tried their point, running ones count as trying theirs.
///   partial_fixed options: {"fixed_params": {"x": 1}, "base_sampler": {...a
///   sampler...}}, both required; no "seed" (the base sampler's applies).
///   Default: tpe with its defaults and a random seed, as Optuna's create_study.
/// - "pruner": {"type": "nop" | "median" | "percentile" | "successive_halving" |
///   "hyperband" | "threshold" | "patient", "options": {...}}, with Optuna's
///   option names and defaults (each option is shown with its default, the
///   first of its alternatives; hone_options_normalize returns them all):
///   median: {"n_startup_trials": 5, "n_warmup_steps": 0, "interval_steps": 1,
///   "n_min_trials": 1}; percentile: the same plus "percentile" (required, 0-100);
///   successive_halving: {"min_resource": "auto" | 1, "reduction_factor": 4,
///   "min_early_stopping_rate": 0, "bootstrap_count": 0}; hyperband:
///   {"min_resource": 1, "max_resource": "auto" | 81, "reduction_factor": 3,
///   "bootstrap_count": 0}; threshold: {"lower": null, "upper": null (at least
///   one), "n_warmup_steps": 0, "interval_steps": 1}; patient: {"wrapped_pruner":
///   {...a pruner...} | null, "patience" (required), "min_delta": 0}.
///   Default: nop. Successive halving and hyperband record each rung a trial
///   passes in its system attributes as "completed_rung_<k>".
/// - "storage": a storage URL: null or "memory" (default: a new in-memory storage),
///   "memory://NAME" (the process's in-memory storage of that name, shared with
///   every other holder; see hone_storage_open),
///   "sqlite:///relative/path.db" or "sqlite:////absolute/path.db" (a SQLite file
///   shared by processes; created when missing; "?timeout=SECONDS" sets how long
///   a write waits for another process's, default 10), or
///   "postgresql://user:password@host:port/database" (a PostgreSQL database shared
///   by workers on many machines; the tables are created when missing). Messages
///   never show a URL's password.
/// - "search_space": {"x": {"type": "float", "low": 0, "high": 1, "log": false,
///   "step": null}, "n": {"type": "int", "low": 1, "high": 9, "step": 1},
///   "c": {"type": "categorical", "choices": ["a", "b"]}}: define-and-run; each
///   ask then fixes every parameter at once.
/// - "load_if_exists": true loads the study of that name if the storage has one,
///   with its stored directions; false (default) makes an existing name an error.
/// - "heartbeat_interval": seconds; turns heartbeats on. A running trial's
///   heartbeat is recorded at ask, on each suggest, report, prune check and user
///   attribute (at most once per interval) and by hone_trial_heartbeat; no thread
///   is started. Each ask first marks FAIL the RUNNING trials whose heartbeat is
///   older than "grace_period" (seconds; default twice the interval).
/// - "failed_trial_retries": N re-queues a trial failed that way, with the same
///   parameters, at most N times; the retry's system attributes "failed_trial"
///   and "retry_history" say which trials it repeats.
///
/// - Parameter out: receives the new handle; left untouched on failure.
/// - Parameter options_json: the options; NULL or "" means all defaults.
@c public func hone_study_create(
  _ out: UnsafeMutablePointer<hone_study?>?,
  _ options_json: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let out = try required(out, "out")
    let options = try options_json.map { (p) throws(HoneError) in try string(p, "options_json") } ?? ""
    out.pointee = try studyHandles.register(try Study(optionsJSON: options))
  }
}

/// Destroys a study handle. NULL is ignored.
///
/// Calls already running on the handle in other threads finish normally; the
/// handle must not be used once this returns.
@c public func hone_study_destroy(_ study: hone_study?) {
  if let study { studyHandles.remove(study) }
}

/// Describes a study as JSON.
///
/// {"name": ..., "directions": ["minimize"], "sampler": "random", "pruner": "nop",
/// "n_trials": 3, "search_space": null | {...}, "user_attrs": {...}, "system_attrs":
/// {...}, "metric_names": null | ["loss", ...]}; attributes in the order their keys
/// were first set.
///
/// - Parameter out: receives the text; release it with `hone_free`.
@c public func hone_study_info_json(
  _ out: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
  _ study: hone_study?
) -> hone_status {
  exportJSON(out, study) { s throws(HoneError) in try s.infoJSON }
}

/// Sets a user attribute of the study to a JSON value; every handle on the study sees it.
///
/// A key set again keeps its place among the attributes.
///
/// - Parameter value_json: any JSON document, e.g. "42", "\"text\"", "{\"a\": [1, 2]}".
@c public func hone_study_set_user_attr(
  _ study: hone_study?,
  _ key: UnsafePointer<CChar>?,
  _ value_json: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let s = try studyHandles.object(study)
    try s.setUserAttr(try string(key, "key"), try json(value_json, "value_json"))
  }
}

/// Sets a system attribute of the study to a JSON value, as Optuna's
/// Study.set_system_attr; Hone keeps the metric names in "study:metric_names".
///
/// - Parameter value_json: any JSON document.
@c public func hone_study_set_system_attr(
  _ study: hone_study?,
  _ key: UnsafePointer<CChar>?,
  _ value_json: UnsafePointer<CChar>?
) -> hone_status {
  capture { () throws(HoneError) in
    let s = try studyHandles.object(study)
    try s.setSystemAttr(try string(key, "key"), try json(value_json, "value_json"))
  }
}

/// Names the study's objectives, one name per direction, as Optuna's
/// Study.set_metric_names; hone_study_info_json then reports them.
///
/// - Parameter names: n UTF-8 strings, none NULL.
/// - Returns: HONE_INVALID_ARGUMENT when n differs from the number of directions.
@c public func hone_study_set_metric_names(
  _ study: hone_study?,
  _ names: UnsafePointer<UnsafePointer<CChar>?>?,
  _ n: UInt
) -> hone_status {
  capture { () throws(HoneError) in
    let s = try studyHandles.object(study)
    guard let names else { throw .invalidArgument("names is NULL") }
    guard n <= 1 << 24 else { throw .invalidArgument("n (\(n)) is too large") }
    var list: [String] = []
    list.reserveCapacity(Int(n))
    for i in 0..<Int(n) { list.append(try string(names[i], "names[\(i)]")) }
    try s.setMetricNames(list)
  }
}
