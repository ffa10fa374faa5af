/* libFuzzer harness for hone_study_create_with and hone_study_load_with: host
 * samplers and pruners whose hooks answer with fuzzed statuses and texts.
 *
 * Input: one byte choosing which hooks are set (bit 0 before_trial, 1 infer, 2
 * relative, 3 independent, 4 after_trial, 5 prune, 6 a struct_size too small, 7
 * an options' "sampler" next to the callbacks); then, for every hook call, a
 * byte (status in its low 3 bits, so never HONE_INTERNAL; bit 3: call
 * hone_study_tell from inside; bit 4: read the trials from inside) and a string
 * (the hook's JSON result, up to 64 bytes). A fixed script of ask, suggests,
 * report, should_prune and tell runs the hooks.
 *
 * Invariants: no call returns HONE_INTERNAL (no hook does); every failure has a
 * message; a failing ask creates no trial; a failing suggest leaves the trials as
 * they were; a tell from inside a hook is HONE_STATE and a read from inside is
 * HONE_OK (no deadlock); destroy runs exactly once for an accepted struct and
 * never for a refused one. */
#include "fuzz_common.h"

static fuzz_cursor cur;
static int destroyed;
static hone_study *current;

static void destroy(void *user_data) {
  (void)user_data;
  destroyed++;
}

/* The scripted answer of one hook call; writes its text to *out when given. */
static hone_status answer(char **out, hone_study *study) {
  uint8_t b = fuzz_u8(&cur);
  char *text = fuzz_take_string(&cur, 64);
  if (b & 8) {
    double v = 1;
    hone_status s = hone_study_tell(NULL, study, 0, &v, 1, HONE_TRIAL_COMPLETE);
    FUZZ_CHECK(s == HONE_STATE || s == HONE_INVALID_ARGUMENT, "a tell inside a hook returned %d", (int)s);
  }
  if (b & 16) {
    char *json = NULL;
    FUZZ_CHECK(CALL(hone_study_trials_json(&json, study)) == HONE_OK, "a read inside a hook failed");
    hone_free(json);
  }
  hone_status status = (hone_status)(b & 7);
  if (status != HONE_OK) hone_callback_set_error(text);
  if (out != NULL && (b & 32) == 0) {
    /* Text that is not UTF-8 is refused by the copy, and *out stays NULL. */
    hone_status c = hone_string_copy(out, text);
    FUZZ_CHECK(c == HONE_OK || (c == HONE_INVALID_ARGUMENT && *out == NULL), "hone_string_copy returned %d", (int)c);
  }
  free(text);
  return status;
}

static hone_status before_trial(void *u, hone_study *study, const char *trial) {
  (void)u;
  (void)trial;
  return answer(NULL, study);
}
static hone_status infer(char **out, void *u, hone_study *study, const char *trial) {
  (void)u;
  (void)trial;
  return answer(out, study);
}
static hone_status relative(char **out, void *u, hone_study *study, const char *trial, const char *space) {
  (void)u;
  (void)trial;
  (void)space;
  return answer(out, study);
}
static hone_status independent(char **out, void *u, hone_study *study, const char *trial, const char *name,
                               const char *dist) {
  (void)u;
  (void)trial;
  (void)name;
  (void)dist;
  return answer(out, study);
}
static hone_status after_trial(void *u, hone_study *study, const char *trial, hone_trial_state st,
                               const double *values, size_t n) {
  (void)u;
  (void)trial;
  (void)st;
  (void)values;
  (void)n;
  return answer(NULL, study);
}
static hone_status prune(bool *out, void *u, hone_study *study, const char *trial) {
  (void)u;
  (void)trial;
  *out = fuzz_u8(&cur) & 1;
  return answer(NULL, study);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cur = (fuzz_cursor){data, size, 0};
  destroyed = 0;
  uint8_t flags = fuzz_u8(&cur);
  hone_sampler_callbacks s = {sizeof s, NULL, destroy, NULL, NULL, NULL, NULL, NULL};
  if (flags & 1) s.before_trial = before_trial;
  if (flags & 2) s.infer_relative_search_space = infer;
  if (flags & 4) s.sample_relative = relative;
  if (flags & 8) s.sample_independent = independent;
  if (flags & 16) s.after_trial = after_trial;
  hone_pruner_callbacks p = {sizeof p, NULL, destroy, (flags & 32) ? prune : NULL};
  if (flags & 64) s.struct_size = 8;
  const char *options = (flags & 128) ? "{\"sampler\": {\"type\": \"random\"}}" : NULL;
  hone_study *study = NULL;
  /* A load from a fresh in-memory storage finds no study: each accepted struct is destroyed once. */
  hone_status st = CALL(hone_study_load_with(&study, "memory", "absent", options, &s, &p));
  FUZZ_CHECK(st != HONE_OK && study == NULL, "a load of a missing study returned %d", (int)st);
  FUZZ_CHECK(destroyed == ((flags & 64) ? 0 : 2), "destroy ran %d times after a failed load", destroyed);
  destroyed = 0;
  st = CALL(hone_study_create_with(&study, options, &s, &p));
  if (st != HONE_OK) {
    FUZZ_CHECK(study == NULL, "a failed create wrote its handle");
    /* A refused struct_size: nothing of either struct is called. */
    FUZZ_CHECK(destroyed == ((flags & 64) ? 0 : 2), "destroy ran %d times", destroyed);
    return 0;
  }
  current = study;
  for (int round = 0; round < 3 && fuzz_more(&cur); round++) {
    size_t before = fuzz_n_trials(study);
    int64_t t = -1;
    if (CALL(hone_study_ask(&t, study)) != HONE_OK) {
      FUZZ_CHECK(fuzz_n_trials(study) == before, "a failed ask created a trial");
      continue;
    }
    char *snap = fuzz_snapshot(study);
    double x = -7;
    if (CALL(hone_trial_suggest_float(&x, study, t, "x", 0, 1, 0, false)) != HONE_OK) {
      char *again = fuzz_snapshot(study);
      FUZZ_CHECK(strcmp(snap, again) == 0 && x == -7, "a failed suggest changed the study");
      free(again);
    }
    hone_free(snap);
    int64_t k = 0;
    CALL(hone_trial_suggest_int(&k, study, t, "k", INT64_MIN, INT64_MAX, 1, false));
    const char *const choices[] = {"a", "b"};
    size_t index = 0;
    CALL(hone_trial_suggest_categorical(&index, study, t, "c", choices, 2));
    CALL(hone_trial_report(study, t, 1, 0.5));
    bool stop = false;
    CALL(hone_trial_should_prune(&stop, study, t));
    double v = (double)round;
    FUZZ_CHECK(CALL(hone_study_tell(NULL, study, t, &v, 1, HONE_TRIAL_COMPLETE)) == HONE_OK,
               "a tell after a hook failed");
  }
  hone_study_destroy(study);
  FUZZ_CHECK(destroyed == 2, "destroy ran %d times", destroyed);
  return 0;
}
