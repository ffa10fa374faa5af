/* Every C function against every kind of bad argument.
 *
 * Each row of the table makes one call that must fail with a given status and a
 * message naming the problem. After every row the study must be exactly as it
 * was: the same trials, in the same states, with the same values. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hone.h"

/* The study every case runs against: trial 0 RUNNING with "x" in [0, 1],
 * trial 1 COMPLETE with value 1.5. `spaced` has a study-wide search space
 * (int "n" in [1, 3], float "x" in [0, 2]) and a grid over "n" alone, so it
 * cannot serve an ask; it holds one COMPLETE trial. */
typedef struct fixture {
  hone_study *study;
  hone_study *dead; /* a destroyed handle */
  hone_study *spaced;
} fixture;

#define SPACED_OPTIONS                                                                                    \
  "{\"sampler\": {\"type\": \"grid\", \"options\": {\"search_space\": {\"n\": [1, 2, 3]}}}, "            \
  "\"search_space\": {\"n\": {\"type\": \"int\", \"low\": 1, \"high\": 3}, "                              \
  "\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 2}}}"

typedef hone_status (*call_fn)(fixture *f);

typedef struct bad_case {
  const char *name;
  call_fn call;
  hone_status expected;
  const char *message; /* a substring the last error must contain */
} bad_case;

static const char *const abc[] = {"a", "b", "c"};
static const char *const with_null[] = {"a", NULL};
static const char *const bad_utf8[] = {"a", "\xff\xfe"};

/* Out-pointers that must stay untouched on failure: each row starts them at a
 * sentinel and checks it is still there. */
static double d_out;
static int64_t i_out;
static size_t z_out;
static bool b_out;
static char *s_out;
static hone_study *h_out;
static hone_trial_state st_out;

#define CASE(label, expr) \
  static hone_status label(fixture *f) { (void)f; return (expr); }
#define ROW(label, status, text) {#label, label, status, text}

/* Library. */
CASE(create_null_out, hone_study_create(NULL, "{}"))
CASE(create_bad_json, hone_study_create(&h_out, "{\"name\": "))
CASE(create_not_object, hone_study_create(&h_out, "[1, 2]"))
CASE(create_unknown_key, hone_study_create(&h_out, "{\"colour\": \"red\"}"))
CASE(create_unknown_sampler, hone_study_create(&h_out, "{\"sampler\": {\"type\": \"annealing\"}}"))
CASE(create_unknown_sampler_key, hone_study_create(&h_out, "{\"sampler\": {\"type\": \"random\", \"sed\": 1}}"))
CASE(create_bad_seed, hone_study_create(&h_out, "{\"sampler\": {\"type\": \"random\", \"seed\": -1.5}}"))
CASE(create_bad_direction, hone_study_create(&h_out, "{\"direction\": \"up\"}"))
CASE(create_empty_directions, hone_study_create(&h_out, "{\"directions\": []}"))
CASE(create_both_directions, hone_study_create(&h_out, "{\"direction\": \"minimize\", \"directions\": [\"maximize\"]}"))
CASE(create_bad_utf8, hone_study_create(&h_out, "{\"name\": \"\xc3\x28\"}"))
CASE(create_grid_without_space, hone_study_create(&h_out, "{\"sampler\": {\"type\": \"grid\"}}"))
CASE(create_grid_empty_values, hone_study_create(&h_out, "{\"sampler\": {\"type\": \"grid\", \"options\": {\"search_space\": {\"x\": []}}}}"))
CASE(create_space_low_gt_high, hone_study_create(&h_out, "{\"search_space\": {\"x\": {\"type\": \"float\", \"low\": 2, \"high\": 1}}}"))
CASE(create_space_unknown_type, hone_study_create(&h_out, "{\"search_space\": {\"x\": {\"type\": \"complex\"}}}"))
CASE(create_unknown_pruner, hone_study_create(&h_out, "{\"pruner\": {\"type\": \"oracle\"}}"))
CASE(create_unknown_pruner_key, hone_study_create(&h_out, "{\"pruner\": {\"type\": \"median\", \"options\": {\"n_warmup\": 1}}}"))
CASE(create_negative_warmup, hone_study_create(&h_out, "{\"pruner\": {\"type\": \"median\", \"options\": {\"n_warmup_steps\": -1}}}"))
CASE(create_bad_percentile, hone_study_create(&h_out, "{\"pruner\": {\"type\": \"percentile\", \"options\": {\"percentile\": 101}}}"))
CASE(create_bad_reduction_factor, hone_study_create(&h_out, "{\"pruner\": {\"type\": \"hyperband\", \"options\": {\"reduction_factor\": 1}}}"))
CASE(create_threshold_lower_gt_upper, hone_study_create(&h_out, "{\"pruner\": {\"type\": \"threshold\", \"options\": {\"lower\": 2, \"upper\": 1}}}"))
CASE(create_unknown_storage, hone_study_create(&h_out, "{\"storage\": \"mongodb://x\"}"))
CASE(info_null_out, hone_study_info_json(NULL, f->study))
CASE(info_null_study, hone_study_info_json(&s_out, NULL))

/* Ask and enqueue. */
CASE(ask_null_out, hone_study_ask(NULL, f->study))
CASE(ask_null_study, hone_study_ask(&i_out, NULL))
CASE(ask_dead_study, hone_study_ask(&i_out, f->dead))
CASE(enqueue_null_json, hone_study_enqueue_trial(f->study, NULL))
CASE(enqueue_bad_json, hone_study_enqueue_trial(f->study, "{\"x\": }"))
CASE(enqueue_not_object, hone_study_enqueue_trial(f->study, "[0.5]"))
CASE(enqueue_nested, hone_study_enqueue_trial(f->study, "{\"x\": [0.5]}"))
CASE(enqueue_null_study, hone_study_enqueue_trial(NULL, "{}"))
CASE(enqueue2_null_out, hone_study_enqueue(NULL, f->study, "{}", NULL))
CASE(enqueue2_bad_options, hone_study_enqueue(&i_out, f->study, "{}", "{\"skip\": true}"))
CASE(enqueue2_options_not_object, hone_study_enqueue(&i_out, f->study, "{}", "[true]"))
CASE(enqueue2_bad_user_attrs, hone_study_enqueue(&i_out, f->study, "{}", "{\"user_attrs\": 3}"))
/* Values that can never fit the search space are refused at enqueue, naming the parameter. */
CASE(enqueue_int_1e300, hone_study_enqueue(&i_out, f->spaced, "{\"n\": 1e300}", NULL))
CASE(enqueue_int_beyond_int64, hone_study_enqueue(&i_out, f->spaced, "{\"n\": 9223372036854775808}", NULL))
CASE(enqueue_int_fraction, hone_study_enqueue(&i_out, f->spaced, "{\"n\": 2.5}", NULL))
CASE(enqueue_float_nan, hone_study_enqueue(&i_out, f->spaced, "{\"x\": NaN}", NULL))
CASE(enqueue_float_string, hone_study_enqueue(&i_out, f->spaced, "{\"x\": \"half\"}", NULL))
/* add_trial: every refusal leaves the study as it was. */
#define DONE_AT "\"datetime_start\": \"2026-01-01T00:00:00Z\", \"datetime_complete\": \"2026-01-01T00:00:01Z\""
CASE(add_null_out, hone_study_add_trial(NULL, f->study, "{\"state\": \"WAITING\"}"))
CASE(add_null_study, hone_study_add_trial(&i_out, NULL, "{\"state\": \"WAITING\"}"))
CASE(add_dead_study, hone_study_add_trial(&i_out, f->dead, "{\"state\": \"WAITING\"}"))
CASE(add_null_json, hone_study_add_trial(&i_out, f->study, NULL))
CASE(add_bad_json, hone_study_add_trial(&i_out, f->study, "{\"state\": "))
CASE(add_unknown_key, hone_study_add_trial(&i_out, f->study, "{\"state\": \"WAITING\", \"trial_id\": 3}"))
CASE(add_no_values, hone_study_add_trial(&i_out, f->study, "{\"state\": \"COMPLETE\", " DONE_AT "}"))
CASE(add_two_values, hone_study_add_trial(&i_out, f->study, "{\"state\": \"COMPLETE\", \"values\": [1, 2], " DONE_AT "}"))
CASE(add_nan_value, hone_study_add_trial(&i_out, f->study, "{\"state\": \"COMPLETE\", \"values\": [NaN], " DONE_AT "}"))
CASE(add_no_start, hone_study_add_trial(&i_out, f->study, "{\"state\": \"RUNNING\"}"))
CASE(add_bad_time, hone_study_add_trial(&i_out, f->study, "{\"state\": \"RUNNING\", \"datetime_start\": \"yesterday\"}"))
CASE(add_outside, hone_study_add_trial(&i_out, f->study, "{\"state\": \"FAIL\", \"params\": {\"x\": 2}, "
                                       "\"distributions\": {\"x\": {\"type\": \"float\", \"low\": 0, \"high\": 1}}, " DONE_AT "}"))
/* The grid cannot serve "x": the ask fails and creates no trial. */
CASE(ask_unservable, hone_study_ask(&i_out, f->spaced))

/* suggest_float. */
CASE(float_null_out, hone_trial_suggest_float(NULL, f->study, 0, "y", 0, 1, 0, false))
CASE(float_null_study, hone_trial_suggest_float(&d_out, NULL, 0, "y", 0, 1, 0, false))
CASE(float_dead_study, hone_trial_suggest_float(&d_out, f->dead, 0, "y", 0, 1, 0, false))
CASE(float_null_name, hone_trial_suggest_float(&d_out, f->study, 0, NULL, 0, 1, 0, false))
CASE(float_empty_name, hone_trial_suggest_float(&d_out, f->study, 0, "", 0, 1, 0, false))
CASE(float_bad_utf8_name, hone_trial_suggest_float(&d_out, f->study, 0, "\xff", 0, 1, 0, false))
CASE(float_nan_low, hone_trial_suggest_float(&d_out, f->study, 0, "y", NAN, 1, 0, false))
CASE(float_inf_high, hone_trial_suggest_float(&d_out, f->study, 0, "y", 0, INFINITY, 0, false))
CASE(float_low_gt_high, hone_trial_suggest_float(&d_out, f->study, 0, "y", 2, 1, 0, false))
CASE(float_log_zero_low, hone_trial_suggest_float(&d_out, f->study, 0, "y", 0, 1, 0, true))
CASE(float_log_negative_low, hone_trial_suggest_float(&d_out, f->study, 0, "y", -1, 1, 0, true))
CASE(float_unknown_trial, hone_trial_suggest_float(&d_out, f->study, 99, "y", 0, 1, 0, false))
CASE(float_negative_trial, hone_trial_suggest_float(&d_out, f->study, -1, "y", 0, 1, 0, false))
CASE(float_after_tell, hone_trial_suggest_float(&d_out, f->study, 1, "y", 0, 1, 0, false))
/* Other bounds return the first value (Optuna's rule); a log flag that changes is another distribution. */
CASE(float_other_distribution, hone_trial_suggest_float(&d_out, f->study, 0, "x", 0.5, 1, 0, true))
CASE(float_x_as_int, hone_trial_suggest_int(&i_out, f->study, 0, "x", 0, 1, 1, false))
CASE(step_with_log, hone_trial_suggest_float(&d_out, f->study, 0, "y", 0.5, 1, 0.1, true))
CASE(step_negative, hone_trial_suggest_float(&d_out, f->study, 0, "y", 0, 1, -0.5, false))
CASE(step_nan, hone_trial_suggest_float(&d_out, f->study, 0, "y", 0, 1, NAN, false))
CASE(step_null_out, hone_trial_suggest_float(NULL, f->study, 0, "y", 0, 1, 0.1, false))
CASE(step_low_gt_high, hone_trial_suggest_float(&d_out, f->study, 0, "y", 1, 0, 0.1, false))

/* suggest_int. */
CASE(int_null_out, hone_trial_suggest_int(NULL, f->study, 0, "n", 0, 9, 1, false))
CASE(int_low_gt_high, hone_trial_suggest_int(&i_out, f->study, 0, "n", 9, 0, 1, false))
CASE(int_step_zero, hone_trial_suggest_int(&i_out, f->study, 0, "n", 0, 9, 0, false))
CASE(int_step_negative, hone_trial_suggest_int(&i_out, f->study, 0, "n", 0, 9, -2, false))
CASE(int_log_zero_low, hone_trial_suggest_int(&i_out, f->study, 0, "n", 0, 9, 1, true))
CASE(int_log_with_step, hone_trial_suggest_int(&i_out, f->study, 0, "n", 1, 9, 2, true))
CASE(int_unknown_trial, hone_trial_suggest_int(&i_out, f->study, 42, "n", 0, 9, 1, false))
CASE(int_after_tell, hone_trial_suggest_int(&i_out, f->study, 1, "n", 0, 9, 1, false))
CASE(int_null_name, hone_trial_suggest_int(&i_out, f->study, 0, NULL, 0, 9, 1, false))

/* suggest_categorical. */
CASE(cat_null_out, hone_trial_suggest_categorical(NULL, f->study, 0, "c", abc, 3))
CASE(cat_null_choices, hone_trial_suggest_categorical(&z_out, f->study, 0, "c", NULL, 3))
CASE(cat_empty, hone_trial_suggest_categorical(&z_out, f->study, 0, "c", abc, 0))
CASE(cat_null_element, hone_trial_suggest_categorical(&z_out, f->study, 0, "c", with_null, 2))
CASE(cat_bad_utf8_element, hone_trial_suggest_categorical(&z_out, f->study, 0, "c", bad_utf8, 2))
CASE(cat_x_as_categorical, hone_trial_suggest_categorical(&z_out, f->study, 0, "x", abc, 3))
CASE(cat_unknown_trial, hone_trial_suggest_categorical(&z_out, f->study, 7, "c", abc, 3))
CASE(cat_after_tell, hone_trial_suggest_categorical(&z_out, f->study, 1, "c", abc, 3))
CASE(catjson_bad_json, hone_trial_suggest_categorical_json(&z_out, f->study, 0, "c", "[1, 2"))
CASE(catjson_not_array, hone_trial_suggest_categorical_json(&z_out, f->study, 0, "c", "{\"a\": 1}"))
CASE(catjson_empty, hone_trial_suggest_categorical_json(&z_out, f->study, 0, "c", "[]"))
CASE(catjson_nested, hone_trial_suggest_categorical_json(&z_out, f->study, 0, "c", "[[1], 2]"))
CASE(catjson_null_json, hone_trial_suggest_categorical_json(&z_out, f->study, 0, "c", NULL))

/* tell. */
static const double one = 1.0, two[] = {1.0, 2.0}, inf = INFINITY;
CASE(tell_null_study, hone_study_tell(&st_out, NULL, 0, &one, 1, HONE_TRIAL_COMPLETE))
CASE(tell_unknown_trial, hone_study_tell(&st_out, f->study, 5, &one, 1, HONE_TRIAL_COMPLETE))
CASE(tell_negative_trial, hone_study_tell(&st_out, f->study, -3, &one, 1, HONE_TRIAL_COMPLETE))
CASE(tell_twice, hone_study_tell(&st_out, f->study, 1, &one, 1, HONE_TRIAL_COMPLETE))
CASE(tell_twice_fail, hone_study_tell(&st_out, f->study, 1, NULL, 0, HONE_TRIAL_FAIL))
CASE(tell_too_many_values, hone_study_tell(&st_out, f->study, 0, two, 2, HONE_TRIAL_COMPLETE))
CASE(tell_no_values, hone_study_tell(&st_out, f->study, 0, NULL, 0, HONE_TRIAL_COMPLETE))
CASE(tell_null_values, hone_study_tell(&st_out, f->study, 0, NULL, 1, HONE_TRIAL_COMPLETE))
CASE(tell_state_running, hone_study_tell(&st_out, f->study, 0, &one, 1, HONE_TRIAL_RUNNING))
CASE(tell_state_waiting, hone_study_tell(&st_out, f->study, 0, &one, 1, HONE_TRIAL_WAITING))
CASE(tell_state_garbage, hone_study_tell(&st_out, f->study, 0, &one, 1, (hone_trial_state)77))

/* report, should_prune, set_user_attr. */
CASE(report_null_study, hone_trial_report(NULL, 0, 1, 0.5))
CASE(report_unknown_trial, hone_trial_report(f->study, 9, 1, 0.5))
CASE(report_after_tell, hone_trial_report(f->study, 1, 1, 0.5))
CASE(report_negative_step, hone_trial_report(f->study, 0, -1, 0.5))
CASE(prune_null_out, hone_trial_should_prune(NULL, f->study, 0))
CASE(prune_unknown_trial, hone_trial_should_prune(&b_out, f->study, 9))
CASE(prune_after_tell, hone_trial_should_prune(&b_out, f->study, 1))
CASE(attr_null_key, hone_trial_set_user_attr(f->study, 0, NULL, "1"))
CASE(attr_empty_key, hone_trial_set_user_attr(f->study, 0, "", "1"))
CASE(attr_bad_json, hone_trial_set_user_attr(f->study, 0, "k", "{nope}"))
CASE(attr_null_value, hone_trial_set_user_attr(f->study, 0, "k", NULL))
CASE(attr_unknown_trial, hone_trial_set_user_attr(f->study, 12, "k", "1"))
CASE(attr_after_tell, hone_trial_set_user_attr(f->study, 1, "k", "1"))
CASE(sattr_null_study, hone_study_set_user_attr(NULL, "k", "1"))
CASE(sattr_dead_study, hone_study_set_system_attr(f->dead, "k", "1"))
CASE(sattr_null_key, hone_study_set_user_attr(f->study, NULL, "1"))
CASE(sattr_empty_key, hone_study_set_system_attr(f->study, "", "1"))
CASE(sattr_bad_json, hone_study_set_user_attr(f->study, "k", "{nope}"))
CASE(sattr_null_value, hone_study_set_system_attr(f->study, "k", NULL))
CASE(metric_null_study, hone_study_set_metric_names(NULL, abc, 1))
CASE(metric_null_names, hone_study_set_metric_names(f->study, NULL, 1))
CASE(metric_wrong_count, hone_study_set_metric_names(f->study, abc, 3))
CASE(metric_none, hone_study_set_metric_names(f->study, abc, 0))
CASE(metric_null_name, hone_study_set_metric_names(f->study, with_null, 2))
CASE(metric_bad_utf8, hone_study_set_metric_names(f->study, bad_utf8, 2))
CASE(metric_too_many, hone_study_set_metric_names(f->study, abc, SIZE_MAX))

/* set_constraints: trial 0 is RUNNING, trial 1 COMPLETE. */
static const double with_nan[] = {-1.0, NAN};
CASE(cons_null_study, hone_trial_set_constraints(NULL, 0, &one, 1))
CASE(cons_dead_study, hone_trial_set_constraints(f->dead, 0, &one, 1))
CASE(cons_unknown_trial, hone_trial_set_constraints(f->study, 8, &one, 1))
CASE(cons_negative_trial, hone_trial_set_constraints(f->study, -2, &one, 1))
CASE(cons_after_tell, hone_trial_set_constraints(f->study, 1, &one, 1))
CASE(cons_after_tell_empty, hone_trial_set_constraints(f->study, 1, NULL, 0))
CASE(cons_null_values, hone_trial_set_constraints(f->study, 0, NULL, 2))
CASE(cons_nan, hone_trial_set_constraints(f->study, 0, with_nan, 2))
CASE(cons_too_many, hone_trial_set_constraints(f->study, 0, two, (size_t)1 << 17))

/* Results. */
CASE(n_trials_null_out, hone_study_n_trials(NULL, f->study))
CASE(n_trials_dead, hone_study_n_trials(&z_out, f->dead))
CASE(best_null_out, hone_study_best_trial(NULL, f->study))
CASE(best_value_null_out, hone_study_best_value(NULL, f->study))
CASE(best_trials_null_out, hone_study_best_trials_json(NULL, f->study))
CASE(trials_null_out, hone_study_trials_json(NULL, f->study))
CASE(trials_null_study, hone_study_trials_json(&s_out, NULL))
CASE(export_null_out, hone_study_export(NULL, f->study, "csv"))
CASE(export_null_format, hone_study_export(&s_out, f->study, NULL))
CASE(export_bad_format, hone_study_export(&s_out, f->study, "xml"))
CASE(export_dead, hone_study_export(&s_out, f->dead, "csv"))
CASE(trial_json_unknown, hone_trial_json(&s_out, f->study, 3))
CASE(trial_json_null_out, hone_trial_json(NULL, f->study, 0))
CASE(params_unknown, hone_trial_params_json(&s_out, f->study, 3))
CASE(params_null_out, hone_trial_params_json(NULL, f->study, 0))

/* Storages. */
CASE(load_null_out, hone_study_load(NULL, "memory", "s", NULL))
CASE(load_null_url, hone_study_load(&h_out, NULL, "s", NULL))
CASE(load_null_name, hone_study_load(&h_out, "memory", NULL, NULL))
CASE(load_bad_scheme, hone_study_load(&h_out, "mongodb://u:hunter2@x/db", "s", NULL))
CASE(load_missing, hone_study_load(&h_out, "memory", "s", NULL))
CASE(load_name_option, hone_study_load(&h_out, "memory", "s", "{\"name\": \"t\"}"))
CASE(load_bad_options, hone_study_load(&h_out, "memory", "s", "{\"sampler\": 3}"))
CASE(delete_null_url, hone_study_delete(NULL, "s"))
CASE(delete_null_name, hone_study_delete("memory", NULL))
CASE(delete_missing, hone_study_delete("memory", "s"))
CASE(copy_null_from, hone_study_copy(NULL, "s", "memory", NULL))
CASE(copy_null_to, hone_study_copy("memory", "s", NULL, NULL))
CASE(copy_missing, hone_study_copy("memory", "s", "memory", "t"))
CASE(list_null_out, hone_storage_list_studies(NULL, "memory"))
CASE(list_null_url, hone_storage_list_studies(&s_out, NULL))
CASE(list_postgresql, hone_storage_list_studies(&s_out, "postgresql://u:hunter2@h/db"))
CASE(list_sqlite_host, hone_storage_list_studies(&s_out, "sqlite://host/x.db"))
CASE(heartbeat_null_study, hone_trial_heartbeat(NULL, 0))
CASE(heartbeat_unknown, hone_trial_heartbeat(f->study, 3))
CASE(heartbeat_finished, hone_trial_heartbeat(f->study, 1))
CASE(heartbeat_negative, hone_trial_heartbeat(f->study, -1))
CASE(fail_stale_null_study, hone_study_fail_stale_trials(&z_out, NULL))
CASE(fail_stale_dead_study, hone_study_fail_stale_trials(NULL, f->dead))
CASE(normalize_null_out, hone_options_normalize(NULL, "pruner", "{\"type\": \"median\"}"))
CASE(normalize_null_kind, hone_options_normalize(&s_out, NULL, "{\"type\": \"median\"}"))
CASE(normalize_unknown_kind, hone_options_normalize(&s_out, "storage", "{}"))
CASE(normalize_bad_json, hone_options_normalize(&s_out, "sampler", "{\"type\": "))
CASE(normalize_no_distribution, hone_options_normalize(&s_out, "distribution", NULL))
CASE(normalize_low_gt_high, hone_options_normalize(&s_out, "distribution", "{\"type\": \"int\", \"low\": 2, \"high\": 1}"))
CASE(normalize_bad_percentile, hone_options_normalize(&s_out, "pruner", "{\"type\": \"percentile\", \"options\": {\"percentile\": 101}}"))
CASE(normalize_bad_seed, hone_options_normalize(&s_out, "sampler", "{\"type\": \"qmc\", \"seed\": -1}"))
CASE(normalize_bad_mlp, hone_options_normalize(&s_out, "mlp", "{\"epochs\": \"many\"}"))

/* Hypervolume: two points of two objectives and their reference. */
static const double hv_points[] = {1, 2, 2, 1}, hv_reference[] = {4, 4}, hv_nan[] = {1, NAN, 2, 1};
static const double hv_inf_reference[] = {4, INFINITY};
static const int32_t hv_int[] = {1, 2, 2, 1};
static const hone_array hv_p = {hv_points, HONE_FLOAT64, 2, 2}, hv_r = {hv_reference, HONE_FLOAT64, 1, 2};
static const hone_array hv_r3 = {hv_reference, HONE_FLOAT64, 1, 1}, hv_r21 = {hv_reference, HONE_FLOAT64, 2, 1};
static const hone_array hv_pnan = {hv_nan, HONE_FLOAT64, 2, 2}, hv_rinf = {hv_inf_reference, HONE_FLOAT64, 1, 2};
static const hone_array hv_pint = {hv_int, HONE_INT32, 2, 2};
CASE(hv_null_out, hone_hypervolume(NULL, &hv_p, &hv_r))
CASE(hv_null_points, hone_hypervolume(&d_out, NULL, &hv_r))
CASE(hv_null_reference, hone_hypervolume(&d_out, &hv_p, NULL))
CASE(hv_short_reference, hone_hypervolume(&d_out, &hv_p, &hv_r3))
CASE(hv_column_reference, hone_hypervolume(&d_out, &hv_p, &hv_r21))
CASE(hv_nan_point, hone_hypervolume(&d_out, &hv_pnan, &hv_r))
CASE(hv_infinite_reference, hone_hypervolume(&d_out, &hv_p, &hv_rinf))
CASE(hv_integer_points, hone_hypervolume(&d_out, &hv_pint, &hv_r))

static const bad_case cases[] = {
    ROW(create_null_out, HONE_INVALID_ARGUMENT, "out is NULL"),
    ROW(create_bad_json, HONE_INVALID_ARGUMENT, "JSON"),
    ROW(create_not_object, HONE_INVALID_ARGUMENT, "object"),
    ROW(create_unknown_key, HONE_INVALID_ARGUMENT, "colour"),
    ROW(create_unknown_sampler, HONE_INVALID_ARGUMENT, "annealing"),
    ROW(create_unknown_sampler_key, HONE_INVALID_ARGUMENT, "sed"),
    ROW(create_bad_seed, HONE_INVALID_ARGUMENT, "seed"),
    ROW(create_bad_direction, HONE_INVALID_ARGUMENT, "up"),
    ROW(create_empty_directions, HONE_INVALID_ARGUMENT, "directions"),
    ROW(create_both_directions, HONE_INVALID_ARGUMENT, "direction"),
    ROW(create_bad_utf8, HONE_INVALID_ARGUMENT, "UTF-8"),
    ROW(create_grid_without_space, HONE_INVALID_ARGUMENT, "search_space"),
    ROW(create_grid_empty_values, HONE_INVALID_ARGUMENT, "'x'"),
    ROW(create_space_low_gt_high, HONE_INVALID_ARGUMENT, "low"),
    ROW(create_space_unknown_type, HONE_INVALID_ARGUMENT, "complex"),
    ROW(create_unknown_pruner, HONE_INVALID_ARGUMENT, "oracle"),
    ROW(create_unknown_pruner_key, HONE_INVALID_ARGUMENT, "n_warmup"),
    ROW(create_negative_warmup, HONE_INVALID_ARGUMENT, "n_warmup_steps"),
    ROW(create_bad_percentile, HONE_INVALID_ARGUMENT, "percentile"),
    ROW(create_bad_reduction_factor, HONE_INVALID_ARGUMENT, "reduction_factor"),
    ROW(create_threshold_lower_gt_upper, HONE_INVALID_ARGUMENT, "lower"),
    ROW(create_unknown_storage, HONE_INVALID_ARGUMENT, "storage"),
    ROW(info_null_out, HONE_INVALID_ARGUMENT, "out is NULL"),
    ROW(info_null_study, HONE_INVALID_ARGUMENT, "study is NULL"),
    ROW(ask_null_out, HONE_INVALID_ARGUMENT, "NULL"),
    ROW(ask_null_study, HONE_INVALID_ARGUMENT, "study is NULL"),
    ROW(ask_dead_study, HONE_INVALID_ARGUMENT, "not a live"),
    ROW(enqueue_null_json, HONE_INVALID_ARGUMENT, "NULL"),
    ROW(enqueue_bad_json, HONE_INVALID_ARGUMENT, "JSON"),
    ROW(enqueue_not_object, HONE_INVALID_ARGUMENT, "object"),
    ROW(enqueue_nested, HONE_INVALID_ARGUMENT, "'x'"),
    ROW(enqueue2_null_out, HONE_INVALID_ARGUMENT, "out_trial is NULL"),
    ROW(enqueue2_bad_options, HONE_INVALID_ARGUMENT, "'skip'"),
    ROW(enqueue2_options_not_object, HONE_INVALID_ARGUMENT, "object"),
    ROW(enqueue2_bad_user_attrs, HONE_INVALID_ARGUMENT, "user_attrs"),
    ROW(enqueue_null_study, HONE_INVALID_ARGUMENT, "study is NULL"),
    ROW(enqueue_int_1e300, HONE_INVALID_ARGUMENT, "1e+300 for 'n' does not fit int[1, 3]"),
    ROW(enqueue_int_beyond_int64, HONE_INVALID_ARGUMENT, "9223372036854775808 for 'n'"),
    ROW(enqueue_int_fraction, HONE_INVALID_ARGUMENT, "2.5 for 'n'"),
    ROW(enqueue_float_nan, HONE_INVALID_ARGUMENT, "NaN for 'x' does not fit float"),
    ROW(enqueue_float_string, HONE_INVALID_ARGUMENT, "\"half\" for 'x'"),
    ROW(add_null_out, HONE_INVALID_ARGUMENT, "out_number is NULL"),
    ROW(add_null_study, HONE_INVALID_ARGUMENT, "study is NULL"),
    ROW(add_dead_study, HONE_INVALID_ARGUMENT, "not a live"),
    ROW(add_null_json, HONE_INVALID_ARGUMENT, "trial_json is NULL"),
    ROW(add_bad_json, HONE_INVALID_ARGUMENT, "JSON"),
    ROW(add_unknown_key, HONE_INVALID_ARGUMENT, "unknown key 'trial_id'"),
    ROW(add_no_values, HONE_INVALID_ARGUMENT, "values are required"),
    ROW(add_two_values, HONE_INVALID_ARGUMENT, "2 values, but the study has 1 objective"),
    ROW(add_nan_value, HONE_INVALID_ARGUMENT, "NaN"),
    ROW(add_no_start, HONE_INVALID_ARGUMENT, "datetime_start is required"),
    ROW(add_bad_time, HONE_INVALID_ARGUMENT, "ISO 8601"),
    ROW(add_outside, HONE_INVALID_ARGUMENT, "not contained in float[0.0, 1.0]"),
    ROW(ask_unservable, HONE_INVALID_ARGUMENT, "'x' is not in the grid"),
    ROW(float_null_out, HONE_INVALID_ARGUMENT, "out is NULL"),
    ROW(float_null_study, HONE_INVALID_ARGUMENT, "study is NULL"),
    ROW(float_dead_study, HONE_INVALID_ARGUMENT, "not a live"),
    ROW(float_null_name, HONE_INVALID_ARGUMENT, "name is NULL"),
    ROW(float_empty_name, HONE_INVALID_ARGUMENT, "empty"),
    ROW(float_bad_utf8_name, HONE_INVALID_ARGUMENT, "UTF-8"),
    ROW(float_nan_low, HONE_INVALID_ARGUMENT, "finite"),
    ROW(float_inf_high, HONE_INVALID_ARGUMENT, "finite"),
    ROW(float_low_gt_high, HONE_INVALID_ARGUMENT, "low"),
    ROW(float_log_zero_low, HONE_INVALID_ARGUMENT, "log"),
    ROW(float_log_negative_low, HONE_INVALID_ARGUMENT, "log"),
    ROW(float_unknown_trial, HONE_NOT_FOUND, "99"),
    ROW(float_negative_trial, HONE_NOT_FOUND, "-1"),
    ROW(float_after_tell, HONE_STATE, "COMPLETE"),
    ROW(float_other_distribution, HONE_INVALID_ARGUMENT, "'x'"),
    ROW(float_x_as_int, HONE_INVALID_ARGUMENT, "'x'"),
    ROW(step_with_log, HONE_INVALID_ARGUMENT, "step and log"),
    ROW(step_negative, HONE_INVALID_ARGUMENT, "step"),
    ROW(step_nan, HONE_INVALID_ARGUMENT, "step"),
    ROW(step_null_out, HONE_INVALID_ARGUMENT, "out is NULL"),
    ROW(step_low_gt_high, HONE_INVALID_ARGUMENT, "low"),
    ROW(int_null_out, HONE_INVALID_ARGUMENT, "out is NULL"),
    ROW(int_low_gt_high, HONE_INVALID_ARGUMENT, "low"),
    ROW(int_step_zero, HONE_INVALID_ARGUMENT, "step"),
    ROW(int_step_negative, HONE_INVALID_ARGUMENT, "step"),
    ROW(int_log_zero_low, HONE_INVALID_ARGUMENT, "log"),
    ROW(int_log_with_step, HONE_INVALID_ARGUMENT, "step"),
    ROW(int_unknown_trial, HONE_NOT_FOUND, "42"),
    ROW(int_after_tell, HONE_STATE, "COMPLETE"),
    ROW(int_null_name, HONE_INVALID_ARGUMENT, "name is NULL"),
    ROW(cat_null_out, HONE_INVALID_ARGUMENT, "NULL"),
    ROW(cat_null_choices, HONE_INVALID_ARGUMENT, "choices"),
    ROW(cat_empty, HONE_INVALID_ARGUMENT, "empty"),
    ROW(cat_null_element, HONE_INVALID_ARGUMENT, "NULL"),
    ROW(cat_bad_utf8_element, HONE_INVALID_ARGUMENT, "UTF-8"),
    ROW(cat_x_as_categorical, HONE_INVALID_ARGUMENT, "'x'"),
    ROW(cat_unknown_trial, HONE_NOT_FOUND, "7"),
    ROW(cat_after_tell, HONE_STATE, "COMPLETE"),
    ROW(catjson_bad_json, HONE_INVALID_ARGUMENT, "JSON"),
    ROW(catjson_not_array, HONE_INVALID_ARGUMENT, "array"),
    ROW(catjson_empty, HONE_INVALID_ARGUMENT, "empty"),
    ROW(catjson_nested, HONE_INVALID_ARGUMENT, "array"),
    ROW(catjson_null_json, HONE_INVALID_ARGUMENT, "NULL"),
    ROW(tell_null_study, HONE_INVALID_ARGUMENT, "study is NULL"),
    ROW(tell_unknown_trial, HONE_NOT_FOUND, "5"),
    ROW(tell_negative_trial, HONE_NOT_FOUND, "-3"),
    ROW(tell_twice, HONE_STATE, "COMPLETE"),
    ROW(tell_twice_fail, HONE_STATE, "COMPLETE"),
    ROW(tell_too_many_values, HONE_INVALID_ARGUMENT, "2"),
    ROW(tell_no_values, HONE_INVALID_ARGUMENT, "value"),
    ROW(tell_null_values, HONE_INVALID_ARGUMENT, "NULL"),
    ROW(tell_state_running, HONE_INVALID_ARGUMENT, "RUNNING"),
    ROW(tell_state_waiting, HONE_INVALID_ARGUMENT, "WAITING"),
    ROW(tell_state_garbage, HONE_INVALID_ARGUMENT, "77"),
    ROW(report_null_study, HONE_INVALID_ARGUMENT, "study is NULL"),
    ROW(report_unknown_trial, HONE_NOT_FOUND, "9"),
    ROW(report_after_tell, HONE_STATE, "COMPLETE"),
    ROW(report_negative_step, HONE_INVALID_ARGUMENT, "step"),
    ROW(prune_null_out, HONE_INVALID_ARGUMENT, "out is NULL"),
    ROW(prune_unknown_trial, HONE_NOT_FOUND, "9"),
    ROW(prune_after_tell, HONE_STATE, "COMPLETE"),
    ROW(attr_null_key, HONE_INVALID_ARGUMENT, "key is NULL"),
    ROW(attr_empty_key, HONE_INVALID_ARGUMENT, "empty"),
    ROW(attr_bad_json, HONE_INVALID_ARGUMENT, "JSON"),
    ROW(attr_null_value, HONE_INVALID_ARGUMENT, "NULL"),
    ROW(attr_unknown_trial, HONE_NOT_FOUND, "12"),
    ROW(attr_after_tell, HONE_STATE, "COMPLETE"),
    ROW(sattr_null_study, HONE_INVALID_ARGUMENT, "study is NULL"),
    ROW(sattr_dead_study, HONE_INVALID_ARGUMENT, "not a live"),
    ROW(sattr_null_key, HONE_INVALID_ARGUMENT, "key is NULL"),
    ROW(sattr_empty_key, HONE_INVALID_ARGUMENT, "empty"),
    ROW(sattr_bad_json, HONE_INVALID_ARGUMENT, "JSON"),
    ROW(sattr_null_value, HONE_INVALID_ARGUMENT, "value_json is NULL"),
    ROW(metric_null_study, HONE_INVALID_ARGUMENT, "study is NULL"),
    ROW(metric_null_names, HONE_INVALID_ARGUMENT, "names is NULL"),
    ROW(metric_wrong_count, HONE_INVALID_ARGUMENT, "3 metric name"),
    ROW(metric_none, HONE_INVALID_ARGUMENT, "0 metric name"),
    ROW(metric_null_name, HONE_INVALID_ARGUMENT, "names[1] is NULL"),
    ROW(metric_bad_utf8, HONE_INVALID_ARGUMENT, "UTF-8"),
    ROW(metric_too_many, HONE_INVALID_ARGUMENT, "too large"),
    ROW(cons_null_study, HONE_INVALID_ARGUMENT, "study is NULL"),
    ROW(cons_dead_study, HONE_INVALID_ARGUMENT, "not a live"),
    ROW(cons_unknown_trial, HONE_NOT_FOUND, "8"),
    ROW(cons_negative_trial, HONE_NOT_FOUND, "-2"),
    ROW(cons_after_tell, HONE_STATE, "COMPLETE"),
    ROW(cons_after_tell_empty, HONE_STATE, "COMPLETE"),
    ROW(cons_null_values, HONE_INVALID_ARGUMENT, "values is NULL"),
    ROW(cons_nan, HONE_INVALID_ARGUMENT, "NaN"),
    ROW(cons_too_many, HONE_INVALID_ARGUMENT, "too large"),
    ROW(n_trials_null_out, HONE_INVALID_ARGUMENT, "out is NULL"),
    ROW(n_trials_dead, HONE_INVALID_ARGUMENT, "not a live"),
    ROW(best_null_out, HONE_INVALID_ARGUMENT, "NULL"),
    ROW(best_value_null_out, HONE_INVALID_ARGUMENT, "NULL"),
    ROW(best_trials_null_out, HONE_INVALID_ARGUMENT, "NULL"),
    ROW(trials_null_out, HONE_INVALID_ARGUMENT, "out is NULL"),
    ROW(trials_null_study, HONE_INVALID_ARGUMENT, "study is NULL"),
    ROW(export_null_out, HONE_INVALID_ARGUMENT, "out is NULL"),
    ROW(export_null_format, HONE_INVALID_ARGUMENT, "format is NULL"),
    ROW(export_bad_format, HONE_INVALID_ARGUMENT, "'xml' is unknown"),
    ROW(export_dead, HONE_INVALID_ARGUMENT, "not a live"),
    ROW(trial_json_unknown, HONE_NOT_FOUND, "3"),
    ROW(trial_json_null_out, HONE_INVALID_ARGUMENT, "out is NULL"),
    ROW(params_unknown, HONE_NOT_FOUND, "3"),
    ROW(params_null_out, HONE_INVALID_ARGUMENT, "out is NULL"),
    ROW(load_null_out, HONE_INVALID_ARGUMENT, "out is NULL"),
    ROW(load_null_url, HONE_INVALID_ARGUMENT, "storage_url is NULL"),
    ROW(load_null_name, HONE_INVALID_ARGUMENT, "study_name is NULL"),
    ROW(load_bad_scheme, HONE_INVALID_ARGUMENT, "'mongodb' is not supported"),
    ROW(load_missing, HONE_NOT_FOUND, "no study named 's'"),
    ROW(load_name_option, HONE_INVALID_ARGUMENT, "'name'"),
    ROW(load_bad_options, HONE_INVALID_ARGUMENT, "sampler"),
    ROW(delete_null_url, HONE_INVALID_ARGUMENT, "storage_url is NULL"),
    ROW(delete_null_name, HONE_INVALID_ARGUMENT, "study_name is NULL"),
    ROW(delete_missing, HONE_NOT_FOUND, "no study named 's'"),
    ROW(copy_null_from, HONE_INVALID_ARGUMENT, "from_storage_url is NULL"),
    ROW(copy_null_to, HONE_INVALID_ARGUMENT, "to_storage_url is NULL"),
    ROW(copy_missing, HONE_NOT_FOUND, "no study named 's'"),
    ROW(list_null_out, HONE_INVALID_ARGUMENT, "out_json is NULL"),
    ROW(list_null_url, HONE_INVALID_ARGUMENT, "storage_url is NULL"),
    ROW(list_postgresql, HONE_STORAGE, "postgresql://u:***@h/db"),
    ROW(list_sqlite_host, HONE_INVALID_ARGUMENT, "sqlite:///"),
    ROW(heartbeat_null_study, HONE_INVALID_ARGUMENT, "study is NULL"),
    ROW(heartbeat_unknown, HONE_NOT_FOUND, "3"),
    ROW(heartbeat_finished, HONE_STATE, "COMPLETE"),
    ROW(heartbeat_negative, HONE_NOT_FOUND, "-1"),
    ROW(fail_stale_null_study, HONE_INVALID_ARGUMENT, "study is NULL"),
    ROW(fail_stale_dead_study, HONE_INVALID_ARGUMENT, "not a live"),
    ROW(normalize_null_out, HONE_INVALID_ARGUMENT, "out_json is NULL"),
    ROW(normalize_null_kind, HONE_INVALID_ARGUMENT, "kind is NULL"),
    ROW(normalize_unknown_kind, HONE_INVALID_ARGUMENT, "unknown options kind 'storage'"),
    ROW(normalize_bad_json, HONE_INVALID_ARGUMENT, "JSON"),
    ROW(normalize_no_distribution, HONE_INVALID_ARGUMENT, "must be an object, not null"),
    ROW(normalize_low_gt_high, HONE_INVALID_ARGUMENT, "low (2) must not exceed high (1)"),
    ROW(normalize_bad_percentile, HONE_INVALID_ARGUMENT, "'percentile' must be between 0 and 100"),
    ROW(normalize_bad_seed, HONE_INVALID_ARGUMENT, "'seed'"),
    ROW(normalize_bad_mlp, HONE_INVALID_ARGUMENT, "'epochs'"),
    ROW(hv_null_out, HONE_INVALID_ARGUMENT, "out is NULL"),
    ROW(hv_null_points, HONE_INVALID_ARGUMENT, "points is NULL"),
    ROW(hv_null_reference, HONE_INVALID_ARGUMENT, "reference is NULL"),
    ROW(hv_short_reference, HONE_INVALID_ARGUMENT, "must be 1 x 2"),
    ROW(hv_column_reference, HONE_INVALID_ARGUMENT, "must be 1 x 2"),
    ROW(hv_nan_point, HONE_INVALID_ARGUMENT, "NaN"),
    ROW(hv_infinite_reference, HONE_INVALID_ARGUMENT, "must be finite"),
    ROW(hv_integer_points, HONE_INVALID_ARGUMENT, "HONE_INT32"),
};

static char *snapshot(hone_study *study) {
  char *text = NULL;
  if (hone_study_trials_json(&text, study) != HONE_OK) {
    fprintf(stderr, "snapshot failed: %s\n", hone_last_error());
    exit(2);
  }
  return text;
}

static int expect(int ok, const char *what) {
  if (!ok) printf("FAIL  %s\n", what);
  return ok;
}

/* Handles are never reused: a stale one stays an error however many studies come
 * after it, and a handle of one type is not accepted as another. Returns failures. */
static int stale_handle_checks(hone_study *dead) {
  int failed = 0, reused = 0;
  size_t n;
  /* Each study is destroyed before the next is created, so an allocator would
   * hand the next one the same memory: the handles must still all differ. */
  uintptr_t seen[500];
  for (int i = 0; i < 500; i++) {
    hone_study *s = NULL;
    if (hone_study_create(&s, NULL) != HONE_OK) return 2;
    seen[i] = (uintptr_t)(void *)s;
    for (int j = 0; j < i; j++) reused += seen[j] == seen[i];
    reused += s == dead;
    hone_study_destroy(s);
  }
  failed += !expect(!reused && hone_study_n_trials(&n, dead) == HONE_INVALID_ARGUMENT,
                    "500 studies, each created after the last was destroyed, get 500 new handles; "
                    "the stale one stays rejected");
  hone_study *live = NULL;
  size_t outputs;
  hone_study_create(&live, NULL);
  failed += !expect(hone_mlp_n_outputs(&outputs, (hone_mlp *)(void *)live) == HONE_INVALID_ARGUMENT &&
                        strstr(hone_last_error(), "not a live hone_mlp") != NULL,
                    "a study handle is not accepted as a model");
  hone_study_destroy(live);
  return failed;
}

/* Study-independent checks: empty studies, status strings, versions. */
static int other_checks(void) {
  int failed = 0;
  hone_study *empty = NULL, *multi = NULL;
  int64_t t;
  double v;
  char *text = NULL;
  failed += !expect(hone_study_create(&empty, NULL) == HONE_OK, "create with NULL options");
  failed += !expect(hone_study_best_trial(&t, empty) == HONE_NOT_FOUND, "best_trial of an empty study");
  failed += !expect(hone_study_best_value(&v, empty) == HONE_NOT_FOUND, "best_value of an empty study");
  failed += !expect(hone_study_ask(&t, empty) == HONE_OK &&
                    hone_study_tell(&st_out, empty, t, &inf, 1, HONE_TRIAL_COMPLETE) == HONE_OK &&
                    st_out == HONE_TRIAL_COMPLETE && hone_study_best_value(&v, empty) == HONE_OK && isinf(v),
                    "an infinite value is kept, as Optuna keeps it");
  failed += !expect(hone_study_create(&multi, "{\"directions\": [\"minimize\", \"maximize\"]}") == HONE_OK,
                    "create multi-objective");
  failed += !expect(hone_study_ask(&t, multi) == HONE_OK, "ask multi");
  failed += !expect(hone_study_tell(NULL, multi, t, &one, 1, HONE_TRIAL_COMPLETE) == HONE_INVALID_ARGUMENT,
                    "multi-objective tell with one value");
  failed += !expect(hone_study_best_trial(&t, multi) == HONE_STATE, "best_trial of a multi-objective study");
  failed += !expect(hone_trial_report(multi, t, 0, 1.0) == HONE_STATE, "report in a multi-objective study");
  failed += !expect(hone_trial_should_prune(&b_out, multi, t) == HONE_STATE, "should_prune in a multi-objective study");
  failed += !expect(hone_study_best_trials_json(&text, multi) == HONE_OK && strcmp(text, "[]") == 0,
                    "empty Pareto front");
  hone_free(text);
  /* Boxes [1,4]x[2,4] and [2,4]x[1,4] overlap in [2,4]x[2,4]: 6 + 6 - 4. */
  failed += !expect(hone_hypervolume(&v, &hv_p, &hv_r) == HONE_OK && v == 8.0, "hypervolume of two points");
  failed += !expect(strcmp(hone_status_string((hone_status)99), "unknown status") == 0, "unknown status string");
  failed += !expect(strcmp(hone_version(), HONE_VERSION) == 0, "runtime version equals header version");
  failed += !expect(hone_version_number() == HONE_VERSION_NUMBER, "version number");
  hone_study_destroy(multi);
  hone_study_destroy(empty);
  hone_study_destroy(NULL);
  hone_free(NULL);
  return failed;
}

/* Constraints: kept as Optuna keeps them, and the best trial is the best feasible one. */
enum { CONSTRAINT_CHECKS = 5 };
static int constraint_checks(void) {
  int failed = 0;
  hone_study *s = NULL;
  int64_t t, best = -1;
  double v = 0;
  char *text = NULL;
  const double infeasible[] = {0.5, -1.0}, feasible[] = {0.0, -INFINITY};
  if (hone_study_create(&s, "{\"sampler\": {\"type\": \"random\", \"seed\": 5}}") != HONE_OK)
    return CONSTRAINT_CHECKS;
  /* Trial 0: the lower value but infeasible; trial 1 feasible; trial 2 with no constraints. */
  failed += !expect(hone_study_ask(&t, s) == HONE_OK && hone_trial_set_constraints(s, t, feasible, 2) == HONE_OK &&
                        hone_trial_set_constraints(s, t, infeasible, 2) == HONE_OK &&
                        hone_study_tell(NULL, s, t, &(double){1.0}, 1, HONE_TRIAL_COMPLETE) == HONE_OK,
                    "constraints set twice on a running trial, the second replacing the first");
  failed += !expect(hone_study_best_trial(&best, s) == HONE_NOT_FOUND && strstr(hone_last_error(), "feasible") != NULL,
                    "no feasible trial: best_trial is HONE_NOT_FOUND saying so");
  failed += !expect(hone_study_ask(&t, s) == HONE_OK && hone_trial_set_constraints(s, t, feasible, 2) == HONE_OK &&
                        hone_study_tell(NULL, s, t, &(double){3.0}, 1, HONE_TRIAL_COMPLETE) == HONE_OK &&
                        hone_study_best_trial(&best, s) == HONE_OK && best == 1 &&
                        hone_study_best_value(&v, s) == HONE_OK && v == 3.0,
                    "the best trial is the best feasible one");
  failed += !expect(hone_study_ask(&t, s) == HONE_OK && hone_trial_set_constraints(s, t, NULL, 0) == HONE_OK &&
                        hone_study_tell(NULL, s, t, &(double){2.0}, 1, HONE_TRIAL_COMPLETE) == HONE_OK &&
                        hone_study_best_trial(&best, s) == HONE_OK && best == 2,
                    "an empty list of constraints is feasible");
  failed += !expect(hone_trial_json(&text, s, 0) == HONE_OK && strstr(text, "\"constraints\":[0.5,-1]") != NULL,
                    "the values are the system attribute \"constraints\"");
  hone_free(text);
  hone_study_destroy(s);
  return failed;
}

/* Integers are exact over the whole int64_t range: no value travels through a double. */
enum { EXACT_CHECKS = 9 };
static int exact_int_checks(void) {
  int failed = 0;
  hone_study *s = NULL, *grid = NULL;
  int64_t t, v = 0, w = 0;
  size_t before = 0, after = 0;
  const int64_t big = ((int64_t)1 << 53) + 1; /* the first integer a double cannot hold */
  if (hone_study_create(&s, "{\"sampler\": {\"type\": \"random\", \"seed\": 3}}") != HONE_OK ||
      hone_study_ask(&t, s) != HONE_OK)
    return EXACT_CHECKS;
  failed += !expect(hone_trial_suggest_int(&v, s, t, "all", INT64_MIN, INT64_MAX, 1, false) == HONE_OK,
                    "suggest_int over [INT64_MIN, INT64_MAX]");
  failed += !expect(hone_trial_suggest_int(&v, s, t, "top", INT64_MAX - 2, INT64_MAX, 1, false) == HONE_OK &&
                        v >= INT64_MAX - 2,
                    "suggest_int at INT64_MAX stays within its bounds");
  failed += !expect(hone_trial_suggest_int(&v, s, t, "bottom", INT64_MIN, INT64_MIN + 2, 1, false) == HONE_OK &&
                        v <= INT64_MIN + 2,
                    "suggest_int at INT64_MIN stays within its bounds");
  failed += !expect(hone_trial_suggest_int(&v, s, t, "big", big, big, 1, false) == HONE_OK && v == big,
                    "a bound of 2^53 + 1 comes back exactly");
  failed += !expect(hone_trial_suggest_int(&v, s, t, "odd", big, big + 8, 2, false) == HONE_OK && v >= big &&
                        v <= big + 8 && (v - big) % 2 == 0 &&
                        hone_trial_suggest_int(&w, s, t, "odd", big, big + 8, 2, false) == HONE_OK && w == v,
                    "a stepped range above 2^53 gives an exact grid value, the same when asked again");
  hone_study_enqueue_trial(s, "{\"n\": 1e300}");
  failed += !expect(hone_study_ask(&t, s) == HONE_OK && hone_study_n_trials(&before, s) == HONE_OK &&
                        hone_trial_suggest_int(&v, s, t, "n", 1, 3, 1, false) == HONE_INVALID_ARGUMENT &&
                        strstr(hone_last_error(), "1e+300 for 'n'") != NULL &&
                        hone_study_n_trials(&after, s) == HONE_OK && before == after,
                    "an enqueued 1e300 for an int is an invalid argument when suggested, not a trap");
  hone_study_destroy(s);

  if (hone_study_create(&grid,
                        "{\"sampler\": {\"type\": \"grid\", \"options\": {\"search_space\": "
                        "{\"n\": [1, 2, 3], \"x\": [0.5, 1.5]}}}, \"search_space\": {\"n\": {\"type\": \"int\", "
                        "\"low\": 1, \"high\": 3}, \"x\": {\"type\": \"float\", \"low\": 0, \"high\": 2}}}") != HONE_OK)
    return failed + 3;
  double x = 0;
  failed += !expect(hone_study_enqueue_trial(grid, "{\"x\": 1.5}") == HONE_OK && hone_study_ask(&t, grid) == HONE_OK &&
                        hone_trial_suggest_int(&v, grid, t, "n", 1, 3, 1, false) == HONE_OK && v >= 1 && v <= 3 &&
                        hone_trial_suggest_float(&x, grid, t, "x", 0, 2, 0, false) == HONE_OK && x == 1.5,
                    "grid + search_space + a partly enqueued trial: the grid fills in the rest");
  failed += !expect(hone_study_enqueue_trial(grid, "{\"n\": 2, \"x\": 0.5}") == HONE_OK &&
                        hone_study_ask(&t, grid) == HONE_OK &&
                        hone_trial_suggest_int(&v, grid, t, "n", 1, 3, 1, false) == HONE_OK && v == 2,
                    "grid + search_space + a fully enqueued trial");
  /* A value off the grid leaves "x" without a grid value: the ask fails, the trial stays WAITING. */
  hone_study_enqueue_trial(grid, "{\"n\": 7}");
  failed += !expect(hone_study_n_trials(&before, grid) == HONE_OK && hone_study_ask(&t, grid) != HONE_OK &&
                        hone_study_n_trials(&after, grid) == HONE_OK && before == after,
                    "a failing ask leaves the trial count unchanged");
  hone_study_destroy(grid);
  return failed;
}

int main(int argc, char **argv) {
  int verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
  fixture f = {NULL, NULL, NULL};
  int64_t t0, t1;
  double x;
  if (hone_study_create(&f.study, "{\"sampler\": {\"type\": \"random\", \"seed\": 1}}") != HONE_OK ||
      hone_study_create(&f.dead, NULL) != HONE_OK || hone_study_ask(&t0, f.study) != HONE_OK ||
      hone_trial_suggest_float(&x, f.study, t0, "x", 0, 1, 0, false) != HONE_OK ||
      hone_study_ask(&t1, f.study) != HONE_OK ||
      hone_study_tell(NULL, f.study, t1, &(double){1.5}, 1, HONE_TRIAL_COMPLETE) != HONE_OK || t0 != 0 || t1 != 1) {
    fprintf(stderr, "fixture failed: %s\n", hone_last_error());
    return 2;
  }
  hone_study_destroy(f.dead);
  if (hone_study_create(&f.spaced, SPACED_OPTIONS) != HONE_OK ||
      hone_study_enqueue(&t1, f.spaced, "{\"n\": 2, \"x\": 1}", NULL) != HONE_OK ||
      hone_study_ask(&t1, f.spaced) != HONE_OK ||
      hone_study_tell(NULL, f.spaced, t1, &(double){2}, 1, HONE_TRIAL_COMPLETE) != HONE_OK) {
    fprintf(stderr, "spaced fixture failed: %s\n", hone_last_error());
    return 2;
  }
  t1 = 1;
  char *before = snapshot(f.study), *spaced_before = snapshot(f.spaced);

  size_t n = sizeof cases / sizeof cases[0];
  int passed = 0, failed = 0;
  for (size_t i = 0; i < n; i++) {
    const bad_case *c = &cases[i];
    static char sentinel;
    hone_study *const h_sentinel = (hone_study *)(void *)&sentinel;
    d_out = -12345.5;
    i_out = -12345;
    z_out = 12345;
    b_out = true;
    s_out = &sentinel;
    h_out = h_sentinel;
    st_out = HONE_TRIAL_WAITING;
    hone_status s = c->call(&f);
    const char *message = hone_last_error();
    char *after = snapshot(f.study), *spaced_after = snapshot(f.spaced);
    int same = strcmp(before, after) == 0 && strcmp(spaced_before, spaced_after) == 0;
    hone_free(spaced_after);
    int untouched = d_out == -12345.5 && i_out == -12345 && z_out == 12345 && b_out && s_out == &sentinel &&
                    h_out == h_sentinel && st_out == HONE_TRIAL_WAITING;
    int ok = s == c->expected && strstr(message, c->message) != NULL && same && untouched;
    if (h_out != h_sentinel) hone_study_destroy(h_out);
    if (s_out != &sentinel) hone_free(s_out);
    hone_free(after);
    if (ok) {
      passed++;
      if (verbose) printf("ok    %-28s %-18s %s\n", c->name, hone_status_string(s), message);
    } else {
      failed++;
      printf("FAIL  %-28s got %s (%s), want %s containing \"%s\"%s%s\n", c->name, hone_status_string(s),
             message, hone_status_string(c->expected), c->message,
             same ? "" : "; the study changed", untouched ? "" : "; an output was written");
    }
  }
  int other = other_checks();
  failed += other;
  passed += 13 - other;
  int stale = stale_handle_checks(f.dead);
  failed += stale;
  passed += 2 - stale;
  int constrained = constraint_checks();
  failed += constrained;
  passed += CONSTRAINT_CHECKS - constrained;
  int exact = exact_int_checks();
  failed += exact;
  passed += EXACT_CHECKS - exact;

  /* The study still works after all that. */
  double y;
  int survived = hone_trial_suggest_float(&y, f.study, t0, "x", 0, 1, 0, false) == HONE_OK && y == x &&
                 hone_study_tell(NULL, f.study, t0, &(double){0.5}, 1, HONE_TRIAL_COMPLETE) == HONE_OK;
  if (survived) passed++; else { failed++; printf("FAIL  the study no longer works: %s\n", hone_last_error()); }

  hone_free(before);
  hone_free(spaced_before);
  hone_study_destroy(f.spaced);
  hone_study_destroy(f.study);
  printf("bad_input: %d passed, %d failed (%zu table rows)\n", passed, failed, n);
  return failed == 0 ? 0 : 1;
}
