/* MLP training on a mutated configuration and a little mutated data.
 *
 * Input layout:
 *   byte 0   rows - 1 (1 to 16 rows)
 *   byte 1   bits 0-1: features - 1 (1 to 4); bits 2-3: the entry point
 *            (hone_mlp_train, _f64, _multioutput); bit 4: validation rows;
 *            bits 5-6: targets - 1 for _multioutput (1 to 3); bit 7: report
 *            to a trial of a study with a threshold pruner
 *   byte 2   bit 0: labels (y = byte % 3) instead of values; bit 1: no result
 *            JSON (out_result_json NULL; writing it is a tenth of the time)
 *   then     rows * features bytes of x, then rows * targets bytes of y; a
 *            byte maps to (b - 128) / 16, or from 0xf8 up to NaN, ±inf,
 *            ±FLT_MAX, a denormal, 1e30 or -0
 *   rest     the configuration JSON
 *
 * Executions stay fast because the harness skips configurations that ask for
 * more than MAX_EPOCHS epochs, hidden layers wider than MAX_WIDTH or more than
 * MAX_LAYERS of them, or more than two threads (read from the text: every
 * occurrence of the key counts, and \u escapes that could spell a key are
 * skipped), and puts "epochs": MAX_EPOCHS into an object that names none.
 *
 * A trained model predicts and evaluates its training rows; saved and loaded
 * again, it predicts exactly the same values. */
#define _GNU_SOURCE
#include "fuzz_common.h"

#include <ctype.h>
#include <float.h>
#include <math.h>
#include <sys/mman.h>
#include <unistd.h>

#define MAX_ROWS 16
#define MAX_FEATURES 4
#define MAX_TARGETS 3
#define MAX_EPOCHS 4
#define MAX_WIDTH 16
#define MAX_LAYERS 3

static int model_fd = -1;
static char model_path[64];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  model_fd = memfd_create("hone-fuzz-train", 0);
  if (model_fd < 0) abort();
  snprintf(model_path, sizeof model_path, "/proc/self/fd/%d", model_fd);
  return 0;
}

static double value_of(uint8_t b) {
  static const double special[8] = {NAN, INFINITY, -INFINITY, FLT_MAX, -FLT_MAX, 1e-45, 1e30, -0.0};
  return b >= 0xf8 ? special[b - 0xf8] : ((double)b - 128.0) / 16.0;
}

/* The number after every occurrence of "key" (quotes included) must be at most max. */
static int numbers_within(const char *text, const char *key, double max) {
  size_t n = strlen(key);
  for (const char *p = text; (p = strstr(p, key)) != NULL; p += n) {
    const char *q = p + n;
    while (isspace((unsigned char)*q) || *q == ':') q++;
    char *end;
    double v = strtod(q, &end);
    if (end != q && !(v <= max)) return 0;
  }
  return 1;
}

/* Each "hidden_layers" array holds at most MAX_LAYERS numbers, none above MAX_WIDTH. */
static int layers_within(const char *text) {
  const char *key = "\"hidden_layers\"";
  for (const char *p = text; (p = strstr(p, key)) != NULL; p += strlen(key)) {
    const char *q = p + strlen(key);
    const char *close = strchr(q, ']');
    if (close == NULL) close = q + strlen(q);
    int count = 0;
    while (q < close) {
      char *end;
      double v = strtod(q, &end);
      if (end == q) {
        q++;
        continue;
      }
      if (!(v <= MAX_WIDTH) || ++count > MAX_LAYERS) return 0;
      q = end;
    }
  }
  return 1;
}

/* The configuration to train with, or NULL when it would be slow. */
static char *budgeted_config(const char *text) {
  if (fuzz_escapes_letter(text) || !numbers_within(text, "epochs\"", MAX_EPOCHS) || !layers_within(text) ||
      !numbers_within(text, "\"threads\"", 2)) {
    return NULL;
  }
  size_t n = strlen(text);
  char *out = (char *)malloc(n + 32);
  if (out == NULL) abort();
  const char *brace = text;
  while (isspace((unsigned char)*brace)) brace++;
  if (strstr(text, "epochs\"") == NULL && *brace == '{') {
    const char *next = brace + 1;
    while (isspace((unsigned char)*next)) next++;
    size_t head = (size_t)(brace + 1 - text);
    memcpy(out, text, head);
    int k = snprintf(out + head, 32, "\"epochs\": %d%s", MAX_EPOCHS, *next == '}' ? "" : ", ");
    memcpy(out + head + (size_t)k, brace + 1, n - head + 1);
  } else {
    memcpy(out, text, n + 1);
  }
  return out;
}

static void check_roundtrip(hone_mlp *m, const float *x, size_t rows, size_t features) {
  size_t outputs = 0;
  FUZZ_CHECK(CALL(hone_mlp_n_outputs(&outputs, m)) == HONE_OK, "n_outputs");
  size_t nf = 0;
  FUZZ_CHECK(CALL(hone_mlp_n_features(&nf, m)) == HONE_OK && nf == features, "n_features %zu, not %zu", nf,
             features);
  double *p = (double *)malloc(rows * outputs * sizeof *p);
  double *q = (double *)malloc(rows * outputs * sizeof *q);
  if (p == NULL || q == NULL) abort();
  FUZZ_CHECK(CALL(hone_mlp_predict(p, rows * outputs, m, x, rows, features)) == HONE_OK, "predict");
  FUZZ_CHECK(CALL(hone_mlp_save(m, model_path)) == HONE_OK, "save");
  hone_mlp *loaded = NULL;
  FUZZ_CHECK(CALL(hone_mlp_load(&loaded, model_path)) == HONE_OK, "a saved model does not load");
  FUZZ_CHECK(CALL(hone_mlp_predict(q, rows * outputs, loaded, x, rows, features)) == HONE_OK, "predict (loaded)");
  /* Bitwise, so that NaN predictions compare too. */
  FUZZ_CHECK(memcmp(p, q, rows * outputs * sizeof *p) == 0, "the loaded model predicts differently");
  hone_mlp_destroy(loaded);
  free(p);
  free(q);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 3) return 0;
  size_t rows = (size_t)(data[0] % MAX_ROWS) + 1;
  size_t features = (size_t)(data[1] & 3) + 1;
  int entry = (data[1] >> 2) & 3;
  int validation = (data[1] >> 4) & 1;
  size_t targets = entry == 2 ? (size_t)(((data[1] >> 5) & 3) % MAX_TARGETS) + 1 : 1;
  int with_study = data[1] >> 7;
  int labels = data[2] & 1;
  int want_result = !(data[2] & 2);
  size_t need = 3 + rows * features + rows * targets;
  if (size < need) return 0;

  float x[MAX_ROWS * MAX_FEATURES];
  double x64[MAX_ROWS * MAX_FEATURES], y[MAX_ROWS * MAX_TARGETS];
  const uint8_t *p = data + 3;
  for (size_t i = 0; i < rows * features; i++) {
    x64[i] = value_of(*p++);
    x[i] = (float)x64[i];
  }
  for (size_t i = 0; i < rows * targets; i++, p++) y[i] = labels ? (double)(*p % 3) : value_of(*p);

  char *text = fuzz_cstring(p, size - need);
  char *config = budgeted_config(text);
  free(text);
  if (config == NULL) return -1;

  hone_study *study = NULL;
  int64_t trial = 0;
  if (with_study) {
    FUZZ_CHECK(hone_study_create(&study, "{\"pruner\": {\"type\": \"threshold\", \"options\": {\"upper\": 1}}}") ==
                   HONE_OK && hone_study_ask(&trial, study) == HONE_OK,
               "cannot start a trial");
  }
  size_t val_rows = validation ? (rows + 1) / 2 : 0;
  hone_mlp *const sentinel = (hone_mlp *)(uintptr_t)0x5a5a5a5a0;
  hone_mlp *m = sentinel;
  char *result = NULL;
  char **result_out = want_result ? &result : NULL;
  hone_status st;
  switch (entry) {
  case 0:
  case 3:
    st = CALL(hone_mlp_train(&m, result_out, x, rows, features, y, validation ? x : NULL, validation ? y : NULL,
                             val_rows, config, study, trial));
    break;
  case 1:
    st = CALL(hone_mlp_train_f64(&m, result_out, x64, rows, features, y, validation ? x64 : NULL,
                                 validation ? y : NULL, val_rows, config, study, trial));
    break;
  default:
    st = CALL(hone_mlp_train_multioutput(&m, result_out, x, rows, features, y, targets, validation ? x : NULL,
                                         validation ? y : NULL, val_rows, config, study, trial));
    break;
  }
  if (st == HONE_OK) {
    FUZZ_CHECK(m != NULL && m != sentinel && (result != NULL) == want_result,
               "training succeeded without a model or a result");
    hone_free(result);
    check_roundtrip(m, x, rows, features);
    char *metrics = NULL;
    if (CALL(hone_mlp_evaluate(&metrics, m, x, rows, features, y)) == HONE_OK) hone_free(metrics);
    hone_mlp_destroy(m);
  } else {
    FUZZ_CHECK(m == sentinel && result == NULL, "a failed training wrote its out-parameters");
  }
  if (study != NULL) {
    hone_trial_state state;
    double v = 0;
    CALL(hone_study_tell(&state, study, trial, &v, 1, HONE_TRIAL_COMPLETE));
    hone_study_destroy(study);
  }
  free(config);
  return 0;
}
