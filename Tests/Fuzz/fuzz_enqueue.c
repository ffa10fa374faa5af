/* Enqueued parameters and enqueue options: the input is a params JSON, then a
 * NUL byte and the options JSON (none without a NUL). Each input runs on two
 * studies, one with a study-wide search space and one define-by-run; the queued
 * trial is asked, its parameters suggested (so the enqueued values are used),
 * told, and the study exported. A failed enqueue must leave the study as it was. */
#include "fuzz_common.h"

#include <math.h>

static const char *const SPACE_OPTIONS =
    "{\"sampler\": {\"type\": \"random\", \"seed\": 1}, \"search_space\": {"
    "\"x\": {\"type\": \"float\", \"low\": -10, \"high\": 10},"
    "\"lr\": {\"type\": \"float\", \"low\": 1e-5, \"high\": 1, \"log\": true},"
    "\"q\": {\"type\": \"float\", \"low\": 0, \"high\": 1, \"step\": 0.25},"
    "\"n\": {\"type\": \"int\", \"low\": -5, \"high\": 5},"
    "\"k\": {\"type\": \"int\", \"low\": 1, \"high\": 1024, \"log\": true},"
    "\"c\": {\"type\": \"categorical\", \"choices\": [\"a\", 1.5, true, null]}}}";
static const char *const RUN_OPTIONS = "{\"sampler\": {\"type\": \"random\", \"seed\": 2}}";

/* The define-by-run half suggests the same names the search space defines. */
static void suggest_all(hone_study *study, int64_t trial) {
  double d;
  int64_t i;
  size_t idx;
  static const char *const choices[] = {"a", "b", "c"};
  CALL(hone_trial_suggest_float(&d, study, trial, "x", -10, 10, 0, false));
  CALL(hone_trial_suggest_float(&d, study, trial, "lr", 1e-5, 1, 0, true));
  CALL(hone_trial_suggest_float(&d, study, trial, "q", 0, 1, 0.25, false));
  CALL(hone_trial_suggest_int(&i, study, trial, "n", -5, 5, 1, false));
  CALL(hone_trial_suggest_int(&i, study, trial, "k", 1, 1024, 1, true));
  CALL(hone_trial_suggest_categorical(&idx, study, trial, "c", choices, 3));
  CALL(hone_trial_suggest_categorical_json(&idx, study, trial, "cj", "[\"a\", 1.5, true, null]"));
}

static void run(const char *study_options, const char *params, const char *options, int define_by_run) {
  hone_study *study = NULL;
  FUZZ_CHECK(hone_study_create(&study, study_options) == HONE_OK, "cannot create the study");
  /* Twice: the second meets the first (and its told trial) under skip_if_exists. */
  for (int round = 0; round < 2; round++) {
    char *before = fuzz_snapshot(study);
    const int64_t sentinel = INT64_MIN + 7;
    int64_t queued = sentinel;
    hone_status s = CALL(hone_study_enqueue(&queued, study, params, options));
    if (s != HONE_OK) {
      FUZZ_CHECK(queued == sentinel, "a failed enqueue wrote its out-parameter");
      char *after = fuzz_snapshot(study);
      FUZZ_CHECK(strcmp(before, after) == 0, "a failed enqueue changed the study:\n%s\n%s", before, after);
      hone_free(after);
      hone_free(before);
      break;
    }
    hone_free(before);
    size_t n = fuzz_n_trials(study);
    FUZZ_CHECK(queued == -1 || (queued >= 0 && (size_t)queued < n), "enqueue gave trial %lld of %zu",
               (long long)queued, n);
    int64_t trial = -1;
    before = fuzz_snapshot(study);
    s = CALL(hone_study_ask(&trial, study));
    if (s != HONE_OK) {
      FUZZ_CHECK(trial == -1, "a failed ask wrote its out-parameter");
      char *after = fuzz_snapshot(study);
      FUZZ_CHECK(strcmp(before, after) == 0, "a failed ask changed the study:\n%s\n%s", before, after);
      hone_free(after);
      hone_free(before);
      break;
    }
    hone_free(before);
    FUZZ_CHECK(queued == -1 || trial == queued, "ask started trial %lld, not the queued %lld",
               (long long)trial, (long long)queued);
    if (define_by_run) suggest_all(study, trial);
    char *text = NULL;
    if (CALL(hone_trial_params_json(&text, study, trial)) == HONE_OK) hone_free(text);
    double value = (double)round;
    hone_trial_state state = HONE_TRIAL_RUNNING;
    CALL(hone_study_tell(&state, study, trial, &value, 1, HONE_TRIAL_COMPLETE));
  }
  char *text = NULL;
  if (CALL(hone_study_export(&text, study, "csv")) == HONE_OK) hone_free(text);
  if (CALL(hone_study_export(&text, study, "json")) == HONE_OK) hone_free(text);
  int64_t best;
  CALL(hone_study_best_trial(&best, study));
  hone_study_destroy(study);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *params, *options;
  fuzz_split(data, size, &params, &options);
  run(SPACE_OPTIONS, params, options, 0);
  run(RUN_OPTIONS, params, options, 1);
  free(params);
  free(options);
  return 0;
}
