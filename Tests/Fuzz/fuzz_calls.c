/* A call-sequence fuzzer over one study handle. The first bytes choose the
 * sampler (random, grid, QMC or GP, with their options), the pruner, the
 * directions and whether a study-wide search space is used; every later byte
 * starts one call of a small interpreter: ask, each suggest with extreme
 * numbers and odd names, tell in every state with odd values and counts,
 * report, should_prune, enqueue, trial and study attributes, metric names,
 * constraint values, heartbeats, exports and best trials.
 *
 * Invariants, checked after every call:
 * - no call returns HONE_INTERNAL, and every failure sets a message;
 * - a suggested number lies in [low, high] (an int on the grid of its step),
 *   unless a grid sampler, a search space or an enqueued trial fixes it;
 * - a failed call leaves the study as it was and its out-parameters
 *   untouched: every input checks the trial count after each failed call and
 *   after each read; one input in STRICT_ONE_IN ("strict", chosen by a hash of
 *   the whole input, so mutations cannot steer towards it) also compares the
 *   JSON of every trial (states, params, values, attributes) before and after
 *   each call. That costs two exports per call, and JSON writing is the
 *   slowest thing instrumented: strict inputs run about ten times longer.
 *
 * GP studies take one ask past their one or two startup trials: one model fit
 * per input keeps an execution within milliseconds. Constraint values the input
 * sets are modeled too, and a study of two directions runs the GP's log EHVI. */
#include "fuzz_common.h"

#include <float.h>
#include <math.h>

#define MAX_OPS 40
#define MAX_ASKS 12 /* exports, and so reads and strict checks, grow with the trials */
#define MAX_SUGGESTED 64
#define STRICT_ONE_IN 128

static const double DOUBLES[] = {
    0.0, -0.0, 1.0, -1.0, 0.5, 10.0, 1e-5, -1e-300,
    4.9406564584124654e-324, /* the smallest denormal */
    2.2250738585072014e-308, /* DBL_MIN */
    DBL_MAX, -DBL_MAX, INFINITY, -INFINITY, NAN, -NAN,
    9007199254740992.0, /* 2^53 */
    9007199254740994.0, /* 2^53 + 2: the next double; 2^53 + 1 is not one */
    9007199254740991.0, /* 2^53 - 1 */
    -9007199254740993.0, 9.2233720368547758e18, -9.2233720368547758e18, 1e308, 0.1, 3.0, 1e16,
};
#define N_DOUBLES (sizeof DOUBLES / sizeof *DOUBLES)

static const int64_t INTS[] = {
    0, 1, -1, 2, 3, 10, 100, -100,
    INT64_MAX, INT64_MIN, INT64_MAX - 1, INT64_MIN + 1,
    9007199254740992LL, 9007199254740993LL, -9007199254740993LL,
    INT64_C(1) << 62, -(INT64_C(1) << 62), INT32_MAX, INT32_MIN, (int64_t)UINT32_MAX,
};
#define N_INTS (sizeof INTS / sizeof *INTS)

static char long_name[1001];

/* "x\0y" is cut at the NUL by C, so the library sees "x". */
static const char *const NAMES[] = {
    "x", "y", "n", "c", "lr", "x", "n", "c",
    "", "\xff\xfe", "\xc3\x28", "x\0y", "\xc3\xa9t\xc3\xa9", "with space", "\"quoted\"", long_name,
};
#define N_NAMES (sizeof NAMES / sizeof *NAMES)

static const char *const CHOICES_JSON[] = {
    "[\"a\", \"b\", \"c\"]", "[1, 2.5, true, null]", "[]", "[\"a\", \"a\"]", "[NaN, Infinity, -Infinity]",
    "[{}]", "[[1]]", "not json", "[1e999]", "[\"\\ud800\"]", "{\"a\": 1}", "[9007199254740993]",
};
#define N_CHOICES_JSON (sizeof CHOICES_JSON / sizeof *CHOICES_JSON)

static const char *const PARAMS_JSON[] = {
    "{}", "{\"x\": 0.5}", "{\"x\": 1e308, \"n\": 3}", "{\"n\": 9223372036854775807}", "{\"n\": 1.5}",
    "{\"c\": \"a\"}", "{\"c\": \"zzz\"}", "{\"x\": NaN}", "{\"x\": -Infinity}", "[]", "{\"x\": [1]}",
    "{\"n\": -9223372036854775808}", "{\"lr\": 0}", "{\"\": 1}",
};
#define N_PARAMS_JSON (sizeof PARAMS_JSON / sizeof *PARAMS_JSON)

static const char *const ENQUEUE_OPTIONS[] = {
    NULL, "", "{\"skip_if_exists\": true}", "{\"user_attrs\": {\"a\": [1, {\"b\": null}]}}",
    "{\"skip_if_exists\": 1}", "{\"user_attrs\": 3}", "{\"other\": true}",
};
#define N_ENQUEUE_OPTIONS (sizeof ENQUEUE_OPTIONS / sizeof *ENQUEUE_OPTIONS)

static const char *const ATTR_VALUES[] = {
    "42", "\"text\"", "{\"a\": [1, 2]}", "null", "NaN", "", "{", "1e400", "\"\\u0000\"",
};
#define N_ATTR_VALUES (sizeof ATTR_VALUES / sizeof *ATTR_VALUES)

static const char *const PRUNERS[] = {
    "{\"type\": \"nop\"}",
    "{\"type\": \"median\", \"options\": {\"n_startup_trials\": 1, \"n_warmup_steps\": 0}}",
    "{\"type\": \"percentile\", \"options\": {\"percentile\": 25, \"n_startup_trials\": 0}}",
    "{\"type\": \"successive_halving\", \"options\": {\"min_resource\": 1, \"reduction_factor\": 2}}",
    "{\"type\": \"hyperband\", \"options\": {\"min_resource\": 1, \"max_resource\": 9, \"reduction_factor\": 3}}",
    "{\"type\": \"threshold\", \"options\": {\"lower\": -1, \"upper\": 1}}",
    "{\"type\": \"patient\", \"options\": {\"patience\": 1, \"wrapped_pruner\": {\"type\": \"median\"}}}",
    "{\"type\": \"patient\", \"options\": {\"patience\": 0, \"wrapped_pruner\": null, \"min_delta\": 0.5}}",
};
#define N_PRUNERS (sizeof PRUNERS / sizeof *PRUNERS)

static const char *const DIRECTIONS[] = {
    "\"direction\": \"minimize\"", "\"direction\": \"maximize\"", "\"directions\": [\"minimize\", \"maximize\"]",
};

static const char *const SEARCH_SPACE =
    "\"search_space\": {\"x\": {\"type\": \"float\", \"low\": -1, \"high\": 1},"
    " \"n\": {\"type\": \"int\", \"low\": 1, \"high\": 9, \"step\": 2},"
    " \"lr\": {\"type\": \"float\", \"low\": 1e-4, \"high\": 1, \"log\": true},"
    " \"c\": {\"type\": \"categorical\", \"choices\": [\"a\", \"b\"]}}";

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  memset(long_name, 'a', sizeof long_name - 1);
  return 0;
}

static double pick_double(fuzz_cursor *c) {
  uint8_t b = fuzz_u8(c);
  if (b < 0xf0) return DOUBLES[b % N_DOUBLES];
  uint64_t bits = fuzz_u64(c); /* any bit pattern: NaN payloads, denormals, ... */
  double d;
  memcpy(&d, &bits, sizeof d);
  return d;
}

static int64_t pick_int(fuzz_cursor *c) {
  uint8_t b = fuzz_u8(c);
  if (b < 0xf0) return INTS[b % N_INTS];
  return (int64_t)fuzz_u64(c);
}

/* A name from the table, or NULL (an error the library must report). */
static const char *pick_name(fuzz_cursor *c) {
  uint8_t b = fuzz_u8(c);
  return b == 0xff ? NULL : NAMES[b % N_NAMES];
}

typedef struct session {
  hone_study *study;
  int64_t asked[MAX_ASKS];
  int n_asked;
  int max_asks; /* MAX_ASKS, or one past a GP's startup trials */
  int free_values; /* a grid, a search space or an enqueued trial may fix values outside a range */
  int n_directions;
  int strict; /* compare every trial's JSON, not only the count */
  char *snapshot; /* in strict mode, the trials JSON before the current call */
  size_t snapshot_count;
  /* (trial, name) pairs suggested so far: suggesting a name again returns its first
   * value, which other bounds need not contain (Optuna's rule), so only a first
   * suggest is checked against its range. */
  struct { int64_t trial; const char *name; } suggested[MAX_SUGGESTED];
  int n_suggested; /* -1 once the table overflowed: no pair is known to be new */
} session;

/* Whether (trial, name) is suggested for the first time; remembers it when it succeeds. */
static int first_suggest(session *s, int64_t trial, const char *name) {
  if (s->n_suggested < 0 || name == NULL) return 0;
  /* By text: NAMES holds "x" twice, and "x\0y", which the library reads as "x". */
  for (int i = 0; i < s->n_suggested; i++)
    if (s->suggested[i].trial == trial && strcmp(s->suggested[i].name, name) == 0) return 0;
  return 1;
}

static void remember_suggest(session *s, int64_t trial, const char *name) {
  if (s->n_suggested < 0 || !first_suggest(s, trial, name)) return;
  if (s->n_suggested == MAX_SUGGESTED) {
    s->n_suggested = -1;
    return;
  }
  s->suggested[s->n_suggested].trial = trial;
  s->suggested[s->n_suggested].name = name;
  s->n_suggested++;
}

static int64_t pick_trial(session *s, fuzz_cursor *c) {
  uint8_t b = fuzz_u8(c);
  switch (b % 8) {
  case 4:
    if (s->n_asked > 0) return s->asked[(b >> 3) % s->n_asked];
    return 0;
  case 5: return -1;
  case 6: return (int64_t)fuzz_n_trials(s->study);
  case 7: return (b & 0x80) ? INT64_MAX : INT64_MIN;
  default: return s->n_asked > 0 ? s->asked[s->n_asked - 1] : 0;
  }
}

/* Records the study before a call. */
static void before(session *s) {
  s->snapshot_count = fuzz_n_trials(s->study);
  if (s->strict) {
    hone_free(s->snapshot);
    s->snapshot = fuzz_snapshot(s->study);
  }
}

/* The study is as `before` recorded it. */
static void unchanged(session *s, const char *call) {
  size_t n = fuzz_n_trials(s->study);
  FUZZ_CHECK(n == s->snapshot_count, "%s changed the trial count from %zu to %zu", call, s->snapshot_count, n);
  if (s->strict) {
    char *now = fuzz_snapshot(s->study);
    FUZZ_CHECK(strcmp(now, s->snapshot) == 0, "%s changed the study:\nbefore: %s\nafter:  %s", call, s->snapshot,
               now);
    hone_free(now);
  }
}

/* After a call: a failure must have changed nothing. Returns whether it succeeded. */
static int settle(session *s, hone_status status, const char *call, int out_untouched) {
  fuzz_status(status, call);
  if (status == HONE_OK) return 1;
  FUZZ_CHECK(out_untouched, "failed %s wrote its out-parameter", call);
  unchanged(s, call);
  return 0;
}

#define D_SENTINEL (-12345.678)
#define I_SENTINEL (INT64_MIN + 12345)
#define Z_SENTINEL ((size_t)0xdeadbeef)

static void op_ask(session *s) {
  if (s->n_asked >= s->max_asks) return;
  int64_t t = I_SENTINEL;
  before(s);
  hone_status st = hone_study_ask(&t, s->study);
  if (settle(s, st, "ask", t == I_SENTINEL)) {
    size_t n = fuzz_n_trials(s->study);
    FUZZ_CHECK(t >= 0 && (size_t)t < n, "ask gave trial %lld of %zu", (long long)t, n);
    s->asked[s->n_asked++] = t;
  }
}

/* One suggest_float op with two input layouts (kept so the corpus still decodes):
 * without a step, the input gives log; with one, the input gives the step. */
static void op_suggest_float(session *s, fuzz_cursor *c, int stepped) {
  int64_t t = pick_trial(s, c);
  const char *name = pick_name(c);
  double low = pick_double(c), high = pick_double(c);
  double step = stepped ? pick_double(c) : 0;
  int log = stepped ? 0 : fuzz_bool(c);
  double v = D_SENTINEL;
  before(s);
  int first = first_suggest(s, t, name);
  hone_status st = hone_trial_suggest_float(&v, s->study, t, name, low, high, step, log);
  int ok = settle(s, st, "suggest_float", v == D_SENTINEL);
  if (ok) remember_suggest(s, t, name);
  if (ok && first && !s->free_values) {
    FUZZ_CHECK(v >= low && v <= high, "suggest_float(%.17g, %.17g, step %.17g, log %d) gave %.17g", low, high, step,
               log, v);
  }
}

static void op_suggest_int(session *s, fuzz_cursor *c) {
  int64_t t = pick_trial(s, c);
  const char *name = pick_name(c);
  int64_t low = pick_int(c), high = pick_int(c), step = pick_int(c);
  int log = fuzz_bool(c);
  int64_t v = I_SENTINEL;
  before(s);
  int first = first_suggest(s, t, name);
  hone_status st = hone_trial_suggest_int(&v, s->study, t, name, low, high, step, log);
  int ok = settle(s, st, "suggest_int", v == I_SENTINEL);
  if (ok) remember_suggest(s, t, name);
  if (ok && first && !s->free_values) {
    /* On the grid low, low + step, ... within [low, high]; unsigned differences cannot overflow. */
    FUZZ_CHECK(v >= low && v <= high && step >= 1 && ((uint64_t)v - (uint64_t)low) % (uint64_t)step == 0,
               "suggest_int(%lld, %lld, step %lld) gave %lld", (long long)low, (long long)high, (long long)step,
               (long long)v);
  }
}

static void op_suggest_categorical(session *s, fuzz_cursor *c) {
  int64_t t = pick_trial(s, c);
  const char *name = pick_name(c);
  uint8_t b = fuzz_u8(c);
  size_t n = b % 5;
  const char *choices[4];
  for (size_t i = 0; i < n; i++) choices[i] = pick_name(c);
  size_t v = Z_SENTINEL;
  before(s);
  hone_status st = hone_trial_suggest_categorical(&v, s->study, t, name, (b & 0x80) ? NULL : choices, n);
  if (settle(s, st, "suggest_categorical", v == Z_SENTINEL)) {
    FUZZ_CHECK(v < n, "suggest_categorical gave index %zu of %zu", v, n);
  }
}

static void op_suggest_categorical_json(session *s, fuzz_cursor *c) {
  int64_t t = pick_trial(s, c);
  const char *name = pick_name(c);
  uint8_t b = fuzz_u8(c);
  char *own = NULL;
  const char *choices = CHOICES_JSON[b % N_CHOICES_JSON];
  if (b >= 0xe0) choices = own = fuzz_take_string(c, 64);
  size_t v = Z_SENTINEL;
  before(s);
  hone_status st = hone_trial_suggest_categorical_json(&v, s->study, t, name, choices);
  settle(s, st, "suggest_categorical_json", v == Z_SENTINEL);
  free(own);
}

static void op_tell(session *s, fuzz_cursor *c) {
  int64_t t = pick_trial(s, c);
  uint8_t b = fuzz_u8(c);
  hone_trial_state state = (hone_trial_state)(b % 6 == 5 ? 17 : b % 6);
  size_t n = (b >> 3) % 4;
  double values[2];
  /* n values from the input; n == 3 means the right count (the number of
   * directions) with a NULL array, and bit 7 passes NULL with any count. */
  for (size_t i = 0; i < n && i < 2; i++) values[i] = pick_double(c);
  const double *vp = (b & 0x80) || n == 3 ? NULL : values;
  if (n == 3) n = (size_t)s->n_directions;
  hone_trial_state out = (hone_trial_state)99;
  before(s);
  hone_status st = hone_study_tell(&out, s->study, t, vp, n, state);
  if (settle(s, st, "tell", out == (hone_trial_state)99)) {
    FUZZ_CHECK(out == HONE_TRIAL_COMPLETE || out == HONE_TRIAL_PRUNED || out == HONE_TRIAL_FAIL,
               "tell ended in state %d", (int)out);
  }
}

static void op_report(session *s, fuzz_cursor *c) {
  int64_t t = pick_trial(s, c);
  int64_t step = pick_int(c);
  double v = pick_double(c);
  before(s);
  settle(s, hone_trial_report(s->study, t, step, v), "report", 1);
}

static void op_should_prune(session *s, fuzz_cursor *c) {
  int64_t t = pick_trial(s, c);
  uint8_t v = 0x7f;
  bool out;
  memset(&out, 0x7f, sizeof out);
  before(s);
  hone_status st = hone_trial_should_prune(&out, s->study, t);
  memcpy(&v, &out, 1);
  settle(s, st, "should_prune", v == 0x7f);
}

static void op_enqueue(session *s, fuzz_cursor *c) {
  uint8_t b = fuzz_u8(c);
  char *own = NULL;
  const char *params = PARAMS_JSON[b % N_PARAMS_JSON];
  if (b >= 0xe0) params = own = fuzz_take_string(c, 64);
  const char *options = ENQUEUE_OPTIONS[fuzz_u8(c) % N_ENQUEUE_OPTIONS];
  int64_t t = I_SENTINEL;
  before(s);
  hone_status st = hone_study_enqueue(&t, s->study, params, options);
  if (settle(s, st, "enqueue", t == I_SENTINEL)) s->free_values = 1;
  free(own);
}

static void op_user_attr(session *s, fuzz_cursor *c) {
  int64_t t = pick_trial(s, c);
  const char *key = pick_name(c);
  uint8_t b = fuzz_u8(c);
  char *own = NULL;
  const char *value = ATTR_VALUES[b % N_ATTR_VALUES];
  if (b >= 0xe0) value = own = fuzz_take_string(c, 64);
  before(s);
  settle(s, hone_trial_set_user_attr(s->study, t, key, value), "set_user_attr", 1);
  free(own);
}

/* Study attributes and metric names: a user or system attribute with a key and
 * value from the input, or 0-3 metric names (a NULL array when bit 7 is set; a
 * count of 3 stands for one far too large). A failure leaves the study's info
 * JSON, which holds its attributes, as it was; metric names are accepted only
 * one per direction, and then reported by the info JSON. */
static void op_study_attr(session *s, fuzz_cursor *c) {
  uint8_t b = fuzz_u8(c);
  char *info = NULL;
  FUZZ_CHECK(CALL(hone_study_info_json(&info, s->study)) == HONE_OK, "info_json failed");
  hone_status st;
  const char *call;
  size_t n = 0;
  const char *names[3];
  char *own = NULL;
  int metric = b % 3 == 2;
  if (!metric) {
    const char *key = pick_name(c);
    uint8_t v = fuzz_u8(c);
    const char *value = ATTR_VALUES[v % N_ATTR_VALUES];
    if (v >= 0xe0) value = own = fuzz_take_string(c, 64);
    before(s);
    call = b % 3 ? "study_set_system_attr" : "study_set_user_attr";
    st = b % 3 ? hone_study_set_system_attr(s->study, key, value) : hone_study_set_user_attr(s->study, key, value);
  } else {
    n = (b >> 2) % 4;
    for (size_t i = 0; i < n && i < 3; i++) names[i] = pick_name(c);
    if (n == 3) n = (b & 1) ? (size_t)1 << 25 : SIZE_MAX;
    before(s);
    call = "study_set_metric_names";
    st = hone_study_set_metric_names(s->study, (b & 0x80) ? NULL : names, n);
  }
  char *after = NULL;
  FUZZ_CHECK(CALL(hone_study_info_json(&after, s->study)) == HONE_OK, "info_json failed");
  if (settle(s, st, call, 1)) {
    if (metric) {
      FUZZ_CHECK(n == (size_t)s->n_directions && !(b & 0x80), "set_metric_names accepted %zu names", n);
      FUZZ_CHECK(strstr(after, "\"metric_names\":[") != NULL, "set metric names are not in the info JSON");
    }
  } else {
    FUZZ_CHECK(strcmp(info, after) == 0, "failed %s changed the study's info JSON", call);
  }
  hone_free(info);
  hone_free(after);
  free(own);
}

/* Constraint values: up to 4 from the input (NaN among them is refused), any
 * count with a NULL array when bit 7 is set, on a trial in any state; a count
 * of 5 stands for one far too large. A success is checked by the trial's JSON. */
static void op_constraints(session *s, fuzz_cursor *c) {
  int64_t t = pick_trial(s, c);
  uint8_t b = fuzz_u8(c);
  size_t n = (b >> 2) % 6;
  double values[4];
  int nan = 0;
  for (size_t i = 0; i < n && i < 4; i++) {
    values[i] = pick_double(c);
    nan |= isnan(values[i]);
  }
  const double *vp = (b & 0x80) ? NULL : values;
  if (n == 5) n = (b & 1) ? (size_t)1 << 17 : SIZE_MAX;
  before(s);
  hone_status st = hone_trial_set_constraints(s->study, t, vp, n);
  if (settle(s, st, "set_constraints", 1)) {
    FUZZ_CHECK(!nan && n <= 4 && (vp != NULL || n == 0), "set_constraints accepted NaN, NULL or %zu values", n);
    char *text = NULL;
    FUZZ_CHECK(CALL(hone_trial_json(&text, s->study, t)) == HONE_OK && strstr(text, "\"constraints\":[") != NULL,
               "set constraints are not in the trial's system attributes");
    hone_free(text);
  }
}

static void op_heartbeat(session *s, fuzz_cursor *c) {
  int64_t t = pick_trial(s, c);
  before(s);
  settle(s, hone_trial_heartbeat(s->study, t), "heartbeat", 1);
  size_t n = Z_SENTINEL;
  before(s);
  settle(s, hone_study_fail_stale_trials(&n, s->study), "fail_stale_trials", n == Z_SENTINEL);
}

/* Reads never change the study, whether they succeed or not. */
static void op_read(session *s, fuzz_cursor *c) {
  uint8_t b = fuzz_u8(c);
  int64_t trial = pick_trial(s, c);
  char *text = NULL;
  hone_status st;
  before(s);
  switch (b % 9) {
  case 0: st = hone_study_export(&text, s->study, "csv"); break;
  case 1: st = hone_study_export(&text, s->study, "json"); break;
  case 2: st = hone_study_export(&text, s->study, (b & 0x80) ? "xml" : NULL); break;
  case 3: st = hone_trial_json(&text, s->study, trial); break;
  case 4: st = hone_trial_params_json(&text, s->study, trial); break;
  case 5: st = hone_study_info_json(&text, s->study); break;
  case 6: st = hone_study_best_trials_json(&text, s->study); break;
  case 7: {
    int64_t t = I_SENTINEL;
    st = hone_study_best_trial(&t, s->study);
    if (st == HONE_OK) FUZZ_CHECK(t >= 0 && (size_t)t < s->snapshot_count, "best trial %lld", (long long)t);
    else FUZZ_CHECK(t == I_SENTINEL, "failed best_trial wrote its out-parameter");
    break;
  }
  default: {
    double v = D_SENTINEL;
    st = hone_study_best_value(&v, s->study);
    if (st != HONE_OK) FUZZ_CHECK(v == D_SENTINEL, "failed best_value wrote its out-parameter");
    break;
  }
  }
  fuzz_status(st, "read");
  if (st != HONE_OK) FUZZ_CHECK(text == NULL, "a failed read wrote its out-parameter");
  hone_free(text);
  unchanged(s, "a read");
}

static hone_study *create(session *s, fuzz_cursor *c) {
  uint8_t kind = fuzz_u8(c), flags = fuzz_u8(c), seed = fuzz_u8(c);
  char sampler[512];
  s->max_asks = MAX_ASKS;
  int with_space = (flags >> 4) & 1;
  switch (kind % 4) {
  case 0: snprintf(sampler, sizeof sampler, "{\"type\": \"random\", \"seed\": %u}", seed); break;
  case 1:
    with_space = 0; /* the grid brings its own */
    snprintf(sampler, sizeof sampler,
             "{\"type\": \"grid\", \"seed\": %u, \"options\": {\"search_space\": "
             "{\"x\": [0, 0.5, 1], \"n\": [1, 2, 3], \"c\": [\"a\", \"b\"]%s}}}",
             seed, (kind & 4) ? ", \"lr\": [0.001]" : "");
    break;
  case 2:
    snprintf(sampler, sizeof sampler,
             "{\"type\": \"qmc\", \"seed\": %u, \"options\": {\"scramble\": %s, \"qmc_type\": \"sobol\"}}", seed,
             (kind & 4) ? "true" : "false");
    break;
  default: {
    static const char *const kernels[] = {"matern52", "rbf"};
    static const char *const acquisitions[] = {"logei", "logpi", "ucb"};
    static const char *const priors[] = {"lognormal", "optuna"};
    int startup = 1 + ((kind >> 6) & 1);
    s->max_asks = startup + 1;
    snprintf(sampler, sizeof sampler,
             "{\"type\": \"gp\", \"seed\": %u, \"options\": {\"kernel\": \"%s\", \"acquisition\": \"%s\", "
             "\"lengthscale_prior\": \"%s\", \"n_startup_trials\": %d, \"n_candidates\": 16, \"n_restarts\": 1, "
             "\"deterministic_objective\": %s}}",
             seed, kernels[(kind >> 2) & 1], acquisitions[((kind >> 3) & 3) % 3], priors[(kind >> 5) & 1],
             startup, (kind & 0x80) ? "true" : "false");
  }
  }
  s->free_values = with_space || kind % 4 == 1;
  int dir = flags % 3;
  s->n_directions = dir == 2 ? 2 : 1;
  char options[2048];
  snprintf(options, sizeof options, "{%s, \"sampler\": %s, \"pruner\": %s%s%s}", DIRECTIONS[dir], sampler,
           PRUNERS[(flags >> 5) % N_PRUNERS], with_space ? ", " : "", with_space ? SEARCH_SPACE : "");
  hone_study *study = NULL;
  hone_status st = CALL(hone_study_create(&study, options));
  FUZZ_CHECK(st == HONE_OK, "cannot create the study from %s", options);
  return study;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  fuzz_cursor c = {data, size, 0};
  session s;
  memset(&s, 0, sizeof s);
  uint32_t h = 2166136261u; /* FNV-1a */
  for (size_t i = 0; i < size; i++) h = (h ^ data[i]) * 16777619u;
  s.strict = h % STRICT_ONE_IN == 0;
  s.study = create(&s, &c);
  for (int op = 0; op < MAX_OPS && fuzz_more(&c); op++) {
    uint8_t b = fuzz_u8(&c);
    switch (b % 14) {
    case 0: case 1: op_ask(&s); break;
    case 2: op_suggest_float(&s, &c, 0); break;
    case 3: op_suggest_float(&s, &c, 1); break;
    case 4: op_suggest_int(&s, &c); break;
    case 5: op_suggest_categorical(&s, &c); break;
    case 6: op_suggest_categorical_json(&s, &c); break;
    case 7: case 8: op_tell(&s, &c); break;
    case 9: op_report(&s, &c); break;
    case 10: op_should_prune(&s, &c); break;
    case 11: op_enqueue(&s, &c); break;
    case 12:
      if (b & 0x80) op_constraints(&s, &c);
      else if (b & 0x40) op_study_attr(&s, &c);
      else op_user_attr(&s, &c);
      break;
    default: (b & 0x10) ? op_heartbeat(&s, &c) : op_read(&s, &c); break;
    }
  }
  hone_free(s.snapshot);
  hone_study_destroy(s.study);
  return 0;
}
