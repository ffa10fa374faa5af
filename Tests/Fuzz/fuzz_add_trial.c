/* Hand-built trials: the input is a trial JSON for hone_study_add_trial. It is
 * added to a single-objective and to a two-objective study, each holding one
 * told trial. A failed add must leave the study as it was and its
 * out-parameter untouched; a successful one must give the next number, and
 * the trial's own export (hone_trial_json) must add back to the same study,
 * giving the same JSON but for "number". Each study is then asked, told, asked
 * for its best trials and exported, which must not fail internally. */
#include "fuzz_common.h"

/* The JSON text after its "number" member, which hone_trial_json writes first. */
static const char *after_number(const char *json) {
  const char *comma = strchr(json, ',');
  FUZZ_CHECK(strncmp(json, "{\"number\":", 10) == 0 && comma != NULL, "unexpected trial JSON: %s", json);
  return comma;
}

static void run(const char *study_options, const char *trial_json, size_t n_values) {
  hone_study *study = NULL;
  FUZZ_CHECK(hone_study_create(&study, study_options) == HONE_OK, "cannot create the study");
  int64_t first = -1;
  double values[2] = {1.0, 2.0};
  FUZZ_CHECK(hone_study_ask(&first, study) == HONE_OK, "cannot ask");
  FUZZ_CHECK(hone_study_tell(NULL, study, first, values, n_values, HONE_TRIAL_COMPLETE) == HONE_OK, "cannot tell");

  char *before = fuzz_snapshot(study);
  const int64_t sentinel = INT64_MIN + 7;
  int64_t added = sentinel;
  hone_status s = CALL(hone_study_add_trial(&added, study, trial_json));
  if (s != HONE_OK) {
    FUZZ_CHECK(added == sentinel, "a failed add wrote its out-parameter");
    char *after = fuzz_snapshot(study);
    FUZZ_CHECK(strcmp(before, after) == 0, "a failed add changed the study:\n%s\n%s", before, after);
    hone_free(after);
  } else {
    FUZZ_CHECK(added == 1 && fuzz_n_trials(study) == 2, "the added trial is %lld", (long long)added);
    char *exported = NULL;
    FUZZ_CHECK(CALL(hone_trial_json(&exported, study, added)) == HONE_OK, "cannot export the added trial");
    int64_t again = sentinel;
    FUZZ_CHECK(CALL(hone_study_add_trial(&again, study, exported)) == HONE_OK,
               "the export of an added trial does not add back: %s", exported);
    char *copy = NULL;
    FUZZ_CHECK(CALL(hone_trial_json(&copy, study, again)) == HONE_OK, "cannot export the copy");
    FUZZ_CHECK(strcmp(after_number(exported), after_number(copy)) == 0, "the copy differs:\n%s\n%s", exported,
               copy);
    hone_free(copy);
    hone_free(exported);
  }
  hone_free(before);

  int64_t trial = -1;
  if (CALL(hone_study_ask(&trial, study)) == HONE_OK) {
    double x;
    CALL(hone_trial_suggest_float(&x, study, trial, "x", 0, 1, 0, false));
    CALL(hone_study_tell(NULL, study, trial, values, n_values, HONE_TRIAL_COMPLETE));
  }
  char *text = NULL;
  if (CALL(hone_study_export(&text, study, "csv")) == HONE_OK) hone_free(text);
  if (CALL(hone_study_best_trials_json(&text, study)) == HONE_OK) hone_free(text);
  int64_t best;
  if (n_values == 1) CALL(hone_study_best_trial(&best, study));
  hone_study_destroy(study);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *trial_json = fuzz_cstring(data, size);
  run("{\"sampler\": {\"type\": \"tpe\", \"seed\": 1, \"options\": {\"n_startup_trials\": 1}}}", trial_json, 1);
  run("{\"directions\": [\"minimize\", \"maximize\"], \"sampler\": {\"type\": \"random\", \"seed\": 2}}", trial_json, 2);
  free(trial_json);
  return 0;
}
