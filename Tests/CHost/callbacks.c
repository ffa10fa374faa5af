/* A sampler and a pruner written in C: hone_study_create_with's callbacks.
 *
 * Checks: each hook receives the library's JSON and its results are used; a hook
 * that reads the study through its handle does not deadlock; a hook that tries
 * to change the study gets HONE_STATE; a failing hook fails the call with its
 * status and message and changes nothing; destroy runs once; a struct_size that
 * is too small is refused; an older, shorter struct gets the defaults. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hone.h"

#define CHECK(cond)                                                                   \
  do {                                                                                \
    if (!(cond)) {                                                                    \
      fprintf(stderr, "%s:%d: %s failed (last error: %s)\n", __FILE__, __LINE__, #cond, \
              hone_last_error());                                                     \
      exit(1);                                                                        \
    }                                                                                 \
  } while (0)

typedef struct state {
  int destroyed;
  int independent_calls;
  int after_calls;
  int fail_next;           /* sample_independent fails once */
  hone_status inner_tell;  /* what a tell from inside a hook returned */
  size_t trials_seen;      /* hone_study_n_trials read from inside a hook */
  hone_trial_state last_state;
  double last_value;
} state;

static void destroy(void *user_data) { ((state *)user_data)->destroyed++; }

static hone_status give(char **out, const char *text) { return hone_string_copy(out, text); }

static hone_status infer(char **out, void *user_data, hone_study *study, const char *trial_json) {
  (void)user_data;
  (void)trial_json;
  size_t n = 0;
  /* A read from inside the hook: must not wait for the lock its own call holds. */
  if (hone_study_n_trials(&n, study) != HONE_OK) return HONE_INTERNAL;
  return give(out, "{\"k\": {\"type\": \"int\", \"low\": 1, \"high\": 9}}");
}

static hone_status relative(char **out, void *user_data, hone_study *study, const char *trial_json,
                            const char *space_json) {
  (void)user_data;
  (void)study;
  (void)trial_json;
  if (strstr(space_json, "\"k\"") == NULL) return HONE_INTERNAL;
  return give(out, "{\"k\": 7}");
}

static hone_status independent(char **out, void *user_data, hone_study *study, const char *trial_json,
                               const char *name, const char *distribution_json) {
  state *s = user_data;
  (void)trial_json;
  (void)distribution_json;
  s->independent_calls++;
  if (s->fail_next) {
    s->fail_next = 0;
    hone_callback_set_error("no value today");
    return HONE_EXHAUSTED;
  }
  if (hone_study_n_trials(&s->trials_seen, study) != HONE_OK) return HONE_INTERNAL;
  /* A mutation from inside the hook: refused, no deadlock. */
  double v = 1;
  s->inner_tell = hone_study_tell(NULL, study, 0, &v, 1, HONE_TRIAL_COMPLETE);
  if (strcmp(name, "big") == 0) return give(out, "9007199254740993");
  return give(out, "0.125");
}

static hone_status after(void *user_data, hone_study *study, const char *trial_json, hone_trial_state st,
                         const double *values, size_t n_values) {
  state *s = user_data;
  (void)study;
  (void)trial_json;
  s->after_calls++;
  s->last_state = st;
  s->last_value = n_values > 0 ? values[0] : -1;
  return HONE_OK;
}

static hone_status prune(bool *out, void *user_data, hone_study *study, const char *trial_json) {
  (void)user_data;
  (void)study;
  /* The trial JSON carries the intermediate values: prune once step 3 is there. */
  *out = strstr(trial_json, "\"3\"") != NULL;
  return HONE_OK;
}

int main(void) {
  state s = {0};
  hone_sampler_callbacks sampler = {sizeof sampler, &s, destroy, NULL, infer, relative, independent, after};
  state ps = {0};
  hone_pruner_callbacks pruner = {sizeof pruner, &ps, destroy, prune};

  /* An options' sampler next to callbacks is refused; destroy runs once all the same. */
  hone_study *study = NULL;
  CHECK(hone_study_create_with(&study, "{\"sampler\": {\"type\": \"random\"}}", &sampler, &pruner) ==
        HONE_INVALID_ARGUMENT);
  CHECK(study == NULL && s.destroyed == 1 && ps.destroyed == 1);
  s.destroyed = ps.destroyed = 0;

  /* Too small a struct_size: refused, nothing called. */
  hone_sampler_callbacks tiny = sampler;
  tiny.struct_size = 8;
  CHECK(hone_study_create_with(&study, NULL, &tiny, NULL) == HONE_INVALID_ARGUMENT);
  CHECK(strstr(hone_last_error(), "struct_size") != NULL && s.destroyed == 0);

  CHECK(hone_study_create_with(&study, NULL, &sampler, &pruner) == HONE_OK);
  int64_t t = -1;
  CHECK(hone_study_ask(&t, study) == HONE_OK && t == 0);
  int64_t k = 0;
  CHECK(hone_trial_suggest_int(&k, study, t, "k", 1, 9, 1, false) == HONE_OK && k == 7);
  double x = 0;
  CHECK(hone_trial_suggest_float(&x, study, t, "x", 0, 1, 0, false) == HONE_OK && x == 0.125);
  CHECK(s.trials_seen == 1 && s.inner_tell == HONE_STATE);
  int64_t big = 0;
  CHECK(hone_trial_suggest_int(&big, study, t, "big", 0, INT64_MAX, 1, false) == HONE_OK);
  CHECK(big == 9007199254740993LL);

  /* A failing hook: its status and message, and nothing recorded. */
  s.fail_next = 1;
  double y = -1;
  CHECK(hone_trial_suggest_float(&y, study, t, "y", 0, 1, 0, false) == HONE_EXHAUSTED && y == -1);
  CHECK(strstr(hone_last_error(), "sample_independent") != NULL);
  CHECK(strstr(hone_last_error(), "no value today") != NULL);
  char *params = NULL;
  CHECK(hone_trial_params_json(&params, study, t) == HONE_OK);
  CHECK(strstr(params, "\"y\"") == NULL);
  hone_free(params);

  bool stop = true;
  for (int64_t step = 0; step < 3; step++) {
    CHECK(hone_trial_report(study, t, step, (double)step) == HONE_OK);
    CHECK(hone_trial_should_prune(&stop, study, t) == HONE_OK && !stop);
  }
  CHECK(hone_trial_report(study, t, 3, 3.0) == HONE_OK);
  CHECK(hone_trial_should_prune(&stop, study, t) == HONE_OK && stop);

  double v = 2.5;
  CHECK(hone_study_tell(NULL, study, t, &v, 1, HONE_TRIAL_COMPLETE) == HONE_OK);
  CHECK(s.after_calls == 1 && s.last_state == HONE_TRIAL_COMPLETE && s.last_value == 2.5);

  hone_study_destroy(study);
  CHECK(s.destroyed == 1 && ps.destroyed == 1);

  /* A host built against a header with only struct_size, user_data and destroy: every default. */
  state old = {0};
  hone_sampler_callbacks shorter = {3 * sizeof(void *), &old, destroy, NULL, infer, relative, independent, after};
  CHECK(hone_study_create_with(&study, NULL, &shorter, NULL) == HONE_OK);
  CHECK(hone_study_ask(&t, study) == HONE_OK);
  CHECK(hone_trial_suggest_float(&x, study, t, "x", 0, 1, 0, false) == HONE_OK && x >= 0 && x <= 1);
  CHECK(old.independent_calls == 0);
  hone_study_destroy(study);
  CHECK(old.destroyed == 1);

  puts("callbacks: ok");
  return 0;
}
