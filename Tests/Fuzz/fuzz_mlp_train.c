/* MLP training on a mutated configuration, a little mutated data and mutated
 * hone_array descriptors.
 *
 * Input layout:
 *   byte 0   rows - 1 (1 to 16 rows)
 *   byte 1   bits 0-1: features - 1 (1 to 4); bit 2: x is HONE_FLOAT64 (else
 *            HONE_FLOAT32); bit 3: x_val has the other float type; bit 4:
 *            validation rows; bits 5-6: targets - 1 (1 to 3, taken % 3); bit 7:
 *            report to a trial of a study with a threshold pruner
 *   byte 2   bit 0: labels (y = byte % 3) instead of values; bit 1: no result
 *            JSON (out_result_json NULL; writing it is a tenth of the time);
 *            bits 2-3: the dtype of y and y_val (HONE_FLOAT32, HONE_FLOAT64,
 *            HONE_INT32, HONE_INT64)
 *   byte 3   the descriptor mutation: bits 0-2 pick a field to set from byte 4
 *            (none, x.dtype, y.dtype, x.rows, x.cols, y.rows, y.cols,
 *            x_val.cols); bits 3-4: x.data NULL, y NULL, or y_val NULL with
 *            x_val given; bit 5: x.data 4 bytes off its start
 *   byte 4   the value: a dtype is byte % 6 (4 and 5 are no hone_dtype), or
 *            from 0xf8 up -1, INT32_MIN, INT32_MAX, 256, -2, 7, 1 << 16, 1 << 30;
 *            a row or column count is byte % (maximum + 1), or from 0xfc up
 *            SIZE_MAX, 2^63, 2^62, 2^61, counts whose bytes overflow
 *   then     rows * features bytes of x, then rows * targets bytes of y; a
 *            byte maps to (b - 128) / 16, or from 0xf8 up to NaN, ±inf,
 *            ±FLT_MAX, a denormal, 1e30 or -0 (integers: b - 128, or from 0xf8
 *            up INT64_MIN, INT64_MAX, 2^24, 2^24 + 1, 2^53 + 1, -2^31, 2^31 - 1, -1)
 *   rest     the configuration JSON
 *
 * Every buffer holds the largest shape at 8 bytes a value, so a mutated shape
 * or dtype never makes the library read past it; a mutation that must be
 * refused (no hone_dtype, integer features, a zero or overflowing count, a
 * NULL, misaligned float64 data, rows or validation columns that disagree)
 * must give HONE_INVALID_ARGUMENT, and every failure leaves the out-parameters
 * untouched.
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

static void check_roundtrip(hone_mlp *m, const hone_array *x) {
  size_t outputs = 0;
  FUZZ_CHECK(CALL(hone_mlp_n_outputs(&outputs, m)) == HONE_OK, "n_outputs");
  size_t nf = 0;
  FUZZ_CHECK(CALL(hone_mlp_n_features(&nf, m)) == HONE_OK && nf == x->cols, "n_features %zu, not %zu", nf, x->cols);
  size_t rows = x->rows;
  double *p = (double *)malloc(rows * outputs * sizeof *p);
  double *q = (double *)malloc(rows * outputs * sizeof *q);
  if (p == NULL || q == NULL) abort();
  FUZZ_CHECK(CALL(hone_mlp_predict(p, rows * outputs, m, x)) == HONE_OK, "predict");
  FUZZ_CHECK(CALL(hone_mlp_save(m, model_path)) == HONE_OK, "save");
  hone_mlp *loaded = NULL;
  FUZZ_CHECK(CALL(hone_mlp_load(&loaded, model_path)) == HONE_OK, "a saved model does not load");
  FUZZ_CHECK(CALL(hone_mlp_predict(q, rows * outputs, loaded, x)) == HONE_OK, "predict (loaded)");
  /* Bitwise, so that NaN predictions compare too. */
  FUZZ_CHECK(memcmp(p, q, rows * outputs * sizeof *p) == 0, "the loaded model predicts differently");
  hone_mlp_destroy(loaded);
  free(p);
  free(q);
}

static int32_t dtype_of(uint8_t b) {
  static const int32_t special[8] = {-1, INT32_MIN, INT32_MAX, 256, -2, 7, 1 << 16, 1 << 30};
  return b >= 0xf8 ? special[b - 0xf8] : (int32_t)(b % 6);
}

/* A count in 0...max, or one whose bytes overflow whatever it is multiplied by. */
static size_t count_of(uint8_t b, size_t max) {
  static const size_t special[4] = {SIZE_MAX, (size_t)1 << 63, (size_t)1 << 62, (size_t)1 << 61};
  return b >= 0xfc ? special[b - 0xfc] : b % (max + 1);
}

static int64_t integer_of(uint8_t b) {
  static const int64_t special[8] = {INT64_MIN, INT64_MAX, INT64_C(1) << 24, (INT64_C(1) << 24) + 1,
                                     (INT64_C(1) << 53) + 1, INT32_MIN, INT32_MAX, -1};
  return b >= 0xf8 ? special[b - 0xf8] : (int64_t)b - 128;
}

/* Writes values[i] into buffer as element i of `dtype`. */
static void store(void *buffer, int dtype, size_t i, double value, int64_t integer) {
  switch (dtype) {
  case HONE_FLOAT32: ((float *)buffer)[i] = (float)value; break;
  case HONE_FLOAT64: ((double *)buffer)[i] = value; break;
  case HONE_INT32: ((int32_t *)buffer)[i] = (int32_t)integer; break;
  default: ((int64_t *)buffer)[i] = integer; break;
  }
}

static hone_array array(const void *data, int32_t dtype, size_t rows, size_t cols) {
  hone_array a;
  memset(&a, 0, sizeof a);
  a.data = data;
  /* Any int32, hone_dtype or not: the library must read it as the integer it is. */
  memcpy(&a.dtype, &dtype, sizeof dtype);
  a.rows = rows;
  a.cols = cols;
  return a;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 5) return 0;
  size_t rows = (size_t)(data[0] % MAX_ROWS) + 1;
  size_t features = (size_t)(data[1] & 3) + 1;
  int x_dtype = data[1] & 4 ? HONE_FLOAT64 : HONE_FLOAT32;
  int xv_dtype = data[1] & 8 ? (x_dtype == HONE_FLOAT64 ? HONE_FLOAT32 : HONE_FLOAT64) : x_dtype;
  int validation = (data[1] >> 4) & 1;
  size_t targets = (size_t)(((data[1] >> 5) & 3) % MAX_TARGETS) + 1;
  int with_study = data[1] >> 7;
  int labels = data[2] & 1;
  int want_result = !(data[2] & 2);
  int y_dtype = (data[2] >> 2) & 3;
  int field = data[3] & 7, nulls = (data[3] >> 3) & 3, shifted = (data[3] >> 5) & 1;
  uint8_t value = data[4];
  size_t need = 5 + rows * features + rows * targets;
  if (size < need) return 0;

  /* 8 bytes a value for the largest shape, whatever dtype a mutation names, and
   * 8 more for the shifted start. */
  double x[MAX_ROWS * MAX_FEATURES + 1], xv[MAX_ROWS * MAX_FEATURES + 1], y[MAX_ROWS * MAX_TARGETS];
  memset(x, 0, sizeof x);
  memset(xv, 0, sizeof xv);
  memset(y, 0, sizeof y);
  const uint8_t *p = data + 5;
  for (size_t i = 0; i < rows * features; i++, p++) {
    store(x, x_dtype, i, value_of(*p), 0);
    store(xv, xv_dtype, i, value_of(*p), 0);
  }
  for (size_t i = 0; i < rows * targets; i++, p++) {
    store(y, y_dtype, i, labels ? (double)(*p % 3) : value_of(*p), labels ? *p % 3 : integer_of(*p));
  }

  size_t val_rows = (rows + 1) / 2;
  hone_array xd = array(shifted ? (const void *)((const char *)x + 4) : x, x_dtype, rows, features);
  hone_array yd = array(y, y_dtype, rows, targets);
  hone_array xvd = array(xv, xv_dtype, val_rows, features), yvd = array(y, y_dtype, val_rows, targets);
  /* Whether the library must refuse the descriptors. */
  int refused = 0;
  switch (field) {
  case 1:
  case 2: {
    int32_t raw = dtype_of(value);
    memcpy(field == 1 ? &xd.dtype : &yd.dtype, &raw, sizeof raw);
    refused |= raw < 0 || raw > 3 || (field == 1 && raw >= 2);
    break;
  }
  case 3:
  case 5: {
    size_t n = count_of(value, MAX_ROWS);
    (field == 3 ? &xd : &yd)->rows = n;
    refused |= n != rows;
    break;
  }
  case 4:
  case 6:
  case 7: {
    size_t max = field == 6 ? MAX_TARGETS : MAX_FEATURES;
    size_t n = count_of(value, max);
    (field == 4 ? &xd : field == 6 ? &yd : &xvd)->cols = n;
    refused |= field == 7 ? validation && n != features : n == 0 || n > max;
    break;
  }
  default: break;
  }
  /* 4 bytes off its start, float64 data is misaligned. */
  int32_t final_x_dtype;
  memcpy(&final_x_dtype, &xd.dtype, sizeof final_x_dtype);
  refused |= shifted && final_x_dtype == HONE_FLOAT64;
  const hone_array *xp = &xd, *yp = &yd, *xvp = validation ? &xvd : NULL, *yvp = validation ? &yvd : NULL;
  if (nulls == 1) xd.data = NULL;
  if (nulls == 2) yp = NULL;
  if (nulls == 3 && validation) yvp = NULL;
  refused |= nulls == 1 || nulls == 2 || (nulls == 3 && validation);

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
  hone_mlp *const sentinel = (hone_mlp *)(uintptr_t)0x5a5a5a5a0;
  char *const result_sentinel = (char *)(uintptr_t)0xa5a5a5a50;
  hone_mlp *m = sentinel;
  char *result = result_sentinel;
  char **result_out = want_result ? &result : NULL;
  hone_status st = CALL(hone_mlp_train(&m, result_out, xp, yp, xvp, yvp, config, study, trial));
  FUZZ_CHECK(!refused || st == HONE_INVALID_ARGUMENT, "bad descriptors were not refused (status %d)", (int)st);
  if (st == HONE_OK) {
    FUZZ_CHECK(m != NULL && m != sentinel && (result != result_sentinel) == want_result && result != NULL,
               "training succeeded without a model or a result");
    if (want_result) hone_free(result);
    check_roundtrip(m, xp);
    char *metrics = NULL;
    if (CALL(hone_mlp_evaluate(&metrics, m, xp, yp)) == HONE_OK) hone_free(metrics);
    hone_mlp_destroy(m);
  } else {
    FUZZ_CHECK(m == sentinel && result == result_sentinel, "a failed training wrote its out-parameters");
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
