/* The MLP through the C header: learn XOR, predict, evaluate, save and load,
 * report to a trial, multi-output regression, every element type of a
 * hone_array, and refuse bad input (descriptors included) with
 * HONE_INVALID_ARGUMENT, leaving the out-parameters untouched. */
#define _POSIX_C_SOURCE 200809L
#include "hone.h"

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures = 0;

#define CHECK(cond)                                                    \
  do {                                                                 \
    if (!(cond)) {                                                     \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n",    \
              __FILE__, __LINE__, #cond, hone_last_error());           \
      failures++;                                                      \
    }                                                                  \
  } while (0)

#define EXPECT_STATUS(call, want)                                      \
  do {                                                                 \
    hone_status got_ = (call);                                         \
    if (got_ != (want)) {                                              \
      fprintf(stderr, "%s:%d: %s returned %d, expected %d (%s)\n",    \
              __FILE__, __LINE__, #call, (int)got_, (int)(want),       \
              hone_last_error());                                      \
      failures++;                                                      \
    }                                                                  \
  } while (0)

static const float XOR_X[8] = {0, 0, 0, 1, 1, 0, 1, 1};
static const double XOR_Y[4] = {0, 1, 1, 0};
static const char *CONFIG =
    "{\"task\": \"binary\", \"hidden_layers\": [16], \"activation\": \"tanh\", "
    "\"learning_rate\": 0.05, \"batch_size\": 4, \"epochs\": 400, \"seed\": 1}";

static hone_array array(const void *data, hone_dtype dtype, size_t rows, size_t cols) {
  hone_array a;
  a.data = data;
  a.dtype = dtype;
  a.rows = rows;
  a.cols = cols;
  return a;
}

/* Whether the last error mentions `what`. */
static int error_says(const char *what) { return strstr(hone_last_error(), what) != NULL; }

static void check_xor(hone_mlp *m) {
  const hone_array x = array(XOR_X, HONE_FLOAT32, 4, 2);
  double p[8];
  size_t k = 0;
  int i;
  EXPECT_STATUS(hone_mlp_n_outputs(&k, m), HONE_OK);
  CHECK(k == 2);
  EXPECT_STATUS(hone_mlp_predict(p, 8, m, &x), HONE_OK);
  for (i = 0; i < 4; i++) {
    CHECK(fabs(p[2 * i] + p[2 * i + 1] - 1.0) < 1e-5);
    CHECK((p[2 * i + 1] > 0.5) == (XOR_Y[i] > 0.5));
  }
}

/* The descriptor has the layout the library reads: 32 bytes, fields at 0, 8, 16, 24. */
static void check_layout(void) {
  if (sizeof(void *) != 8) return;
  CHECK(sizeof(hone_array) == 32);
  CHECK(offsetof(hone_array, data) == 0);
  CHECK(offsetof(hone_array, dtype) == 8);
  CHECK(offsetof(hone_array, rows) == 16);
  CHECK(offsetof(hone_array, cols) == 24);
  CHECK(sizeof(hone_dtype) == 4);
}

/* Training that must fail leaves both out-parameters as they were. */
static void expect_train_fails(int line, const hone_array *x, const hone_array *y, const hone_array *xv,
                               const hone_array *yv, const char *config, const char *message) {
  static int model_slot, result_slot;
  hone_mlp *const model_sentinel = (hone_mlp *)(void *)&model_slot;
  char *const result_sentinel = (char *)&result_slot;
  hone_mlp *m = model_sentinel;
  char *result = result_sentinel;
  hone_status s = hone_mlp_train(&m, &result, x, y, xv, yv, config, NULL, 0);
  if (s != HONE_INVALID_ARGUMENT || m != model_sentinel || result != result_sentinel ||
      (message != NULL && !error_says(message))) {
    fprintf(stderr, "%s:%d: training returned %d (last error: %s), expected HONE_INVALID_ARGUMENT mentioning '%s'%s\n",
            __FILE__, line, (int)s, hone_last_error(), message ? message : "",
            m != model_sentinel || result != result_sentinel ? "; it wrote an out-parameter" : "");
    failures++;
  }
}
#define TRAIN_FAILS(x, y, xv, yv, config, message) expect_train_fails(__LINE__, x, y, xv, yv, config, message)

int main(void) {
  hone_mlp *m = NULL, *loaded = NULL;
  char *result = NULL, *metrics = NULL;
  char path[] = "/tmp/hone-mlp-test-XXXXXX";
  double p[8], q[8];
  float xf[2] = {0, 0};
  double yd[1] = {0};
  double x64[8];
  int64_t y64[4];
  int32_t y32[4];
  size_t n = 0;
  int fd, i;
  FILE *f;
  const hone_array x = array(XOR_X, HONE_FLOAT32, 4, 2), y = array(XOR_Y, HONE_FLOAT64, 4, 1);

  check_layout();

  /* Training and prediction. */
  EXPECT_STATUS(hone_mlp_train(&m, &result, &x, &y, &x, &y, CONFIG, NULL, 0), HONE_OK);
  CHECK(m != NULL);
  CHECK(result != NULL && strstr(result, "\"status\":") != NULL && strstr(result, "\"history\":") != NULL);
  hone_free(result);
  result = NULL;
  check_xor(m);
  EXPECT_STATUS(hone_mlp_n_features(&n, m), HONE_OK);
  CHECK(n == 2);
  EXPECT_STATUS(hone_mlp_evaluate(&metrics, m, &x, &y), HONE_OK);
  CHECK(metrics != NULL && strstr(metrics, "\"accuracy\":1") != NULL);
  hone_free(metrics);
  metrics = NULL;

  /* Float64 features and integer labels hold the same values as float32 features
   * and float64 labels, so they make the same data set and the same model. */
  for (i = 0; i < 8; i++) x64[i] = XOR_X[i];
  for (i = 0; i < 4; i++) {
    y64[i] = (int64_t)XOR_Y[i];
    y32[i] = (int32_t)XOR_Y[i];
  }
  {
    const hone_array x_f64 = array(x64, HONE_FLOAT64, 4, 2), y_i64 = array(y64, HONE_INT64, 4, 1),
                     y_i32 = array(y32, HONE_INT32, 4, 1);
    EXPECT_STATUS(hone_mlp_train(&loaded, NULL, &x_f64, &y_i64, &x_f64, &y_i32, CONFIG, NULL, 0), HONE_OK);
    check_xor(loaded);
    EXPECT_STATUS(hone_mlp_predict(p, 8, m, &x), HONE_OK);
    EXPECT_STATUS(hone_mlp_predict(q, 8, loaded, &x_f64), HONE_OK);
    CHECK(memcmp(p, q, sizeof p) == 0);
    EXPECT_STATUS(hone_mlp_evaluate(&metrics, loaded, &x_f64, &y_i32), HONE_OK);
    CHECK(metrics != NULL && strstr(metrics, "\"accuracy\":1") != NULL);
    hone_free(metrics);
    metrics = NULL;
    hone_mlp_destroy(loaded);
    loaded = NULL;
  }

  /* Save and load give the same predictions. */
  fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd >= 0) close(fd);
  EXPECT_STATUS(hone_mlp_save(m, path), HONE_OK);
  EXPECT_STATUS(hone_mlp_load(&loaded, path), HONE_OK);
  EXPECT_STATUS(hone_mlp_predict(p, 8, m, &x), HONE_OK);
  EXPECT_STATUS(hone_mlp_predict(q, 8, loaded, &x), HONE_OK);
  CHECK(memcmp(p, q, sizeof p) == 0);
  hone_mlp_destroy(loaded);
  loaded = NULL;

  /* A truncated file is a clear error. */
  f = fopen(path, "wb");
  CHECK(f != NULL);
  if (f) {
    fwrite("HONEMLP", 1, 8, f);
    fclose(f);
  }
  EXPECT_STATUS(hone_mlp_load(&loaded, path), HONE_INVALID_ARGUMENT);
  CHECK(loaded == NULL);
  remove(path);
  EXPECT_STATUS(hone_mlp_load(&loaded, "/nonexistent/dir/model.bin"), HONE_STORAGE);

  /* Bad input to training: the out-parameter, then each descriptor field. */
  EXPECT_STATUS(hone_mlp_train(NULL, NULL, &x, &y, NULL, NULL, CONFIG, NULL, 0), HONE_INVALID_ARGUMENT);
  TRAIN_FAILS(NULL, &y, NULL, NULL, CONFIG, "x is NULL");
  TRAIN_FAILS(&x, NULL, NULL, NULL, CONFIG, "y is NULL");
  {
    hone_array a = x, b = y;
    int64_t big[4] = {0, 1, (INT64_C(1) << 53) + 1, 0};
    double huge[8] = {0, 0, 0, 1, 1, 0, 1e300, 1};
    float bad[8] = {0, 0, 0, 1, 1, 0, 1, 1};
    a.data = NULL;
    TRAIN_FAILS(&a, &y, NULL, NULL, CONFIG, "x.data is NULL");
    a = x;
    a.rows = 0;
    TRAIN_FAILS(&a, &y, NULL, NULL, CONFIG, "x.rows");
    a = x;
    a.cols = 0;
    TRAIN_FAILS(&a, &y, NULL, NULL, CONFIG, "x.cols");
    b.cols = 0;
    TRAIN_FAILS(&x, &b, NULL, NULL, CONFIG, "y.cols");
    /* Element counts and byte counts that overflow. */
    a = x;
    a.rows = SIZE_MAX / 2;
    a.cols = 4;
    TRAIN_FAILS(&a, &y, NULL, NULL, CONFIG, "overflows");
    a = array(x64, HONE_FLOAT64, SIZE_MAX / 16 + 1, 1);
    TRAIN_FAILS(&a, &y, NULL, NULL, CONFIG, "overflows");
    /* dtype values that are not a hone_dtype: read as the integers they are. */
    {
      static const int32_t raw[] = {4, -1, 0x7fffffff, INT32_MIN};
      for (i = 0; i < 4; i++) {
        int32_t r = raw[i];
        a = x;
        memcpy(&a.dtype, &r, sizeof r);
        TRAIN_FAILS(&a, &y, NULL, NULL, CONFIG, "is not a hone_dtype");
        b = y;
        memcpy(&b.dtype, &r, sizeof r);
        TRAIN_FAILS(&x, &b, NULL, NULL, CONFIG, "y.dtype");
      }
    }
    /* Features are floating point; integers are for targets and labels. */
    a = array(y64, HONE_INT64, 4, 1);
    TRAIN_FAILS(&a, &y, NULL, NULL, CONFIG, "features must be HONE_FLOAT32 or HONE_FLOAT64");
    /* Data not aligned for its element type. */
    a = array((const char *)x64 + 4, HONE_FLOAT64, 2, 1);
    TRAIN_FAILS(&a, &y, NULL, NULL, CONFIG, "aligned");
    /* Rows of y that do not match x. */
    b = y;
    b.rows = 3;
    TRAIN_FAILS(&x, &b, NULL, NULL, CONFIG, "y has 3 rows, x has 4");
    /* An integer target without an exact float32 value, a float64 beyond float32, NaN. */
    b = array(big, HONE_INT64, 4, 1);
    TRAIN_FAILS(&x, &b, NULL, NULL, "{\"epochs\": 1}", "9007199254740993");
    a = array(huge, HONE_FLOAT64, 4, 2);
    TRAIN_FAILS(&a, &y, NULL, NULL, CONFIG, "row 3, column 0");
    bad[5] = NAN;
    a = array(bad, HONE_FLOAT32, 4, 2);
    TRAIN_FAILS(&a, &y, NULL, NULL, CONFIG, "finite");
    /* Validation: labels without features, features without labels, shapes that differ from training's. */
    TRAIN_FAILS(&x, &y, NULL, &y, CONFIG, "x_val is NULL");
    TRAIN_FAILS(&x, &y, &x, NULL, CONFIG, "y_val is NULL");
    a = array(x64, HONE_FLOAT64, 2, 4);
    b = array(XOR_Y, HONE_FLOAT64, 2, 1);
    TRAIN_FAILS(&x, &y, &a, &b, CONFIG, "x_val has 4 cols, x has 2");
    a = x;
    a.rows = 0;
    TRAIN_FAILS(&x, &y, &a, &y, CONFIG, "x_val.rows");
    b = array(XOR_Y, HONE_FLOAT64, 2, 2);
    TRAIN_FAILS(&x, &y, &x, &b, CONFIG, "y_val has 2 rows, x_val has 4");
    a = array(XOR_X, HONE_FLOAT32, 2, 2);
    TRAIN_FAILS(&x, &y, &a, &b, CONFIG, "y_val has 2 cols, y has 1");
  }
  TRAIN_FAILS(&x, &y, NULL, NULL, "{\"epochz\": 3}", "epochz");
  TRAIN_FAILS(&x, &y, NULL, NULL, "{", NULL);

  /* Bad input to prediction. The messages show that the library reads rows and
   * cols at the offsets C puts them. */
  {
    hone_array a = x;
    EXPECT_STATUS(hone_mlp_predict(NULL, 8, m, &x), HONE_INVALID_ARGUMENT);
    EXPECT_STATUS(hone_mlp_predict(p, 8, NULL, &x), HONE_INVALID_ARGUMENT);
    EXPECT_STATUS(hone_mlp_predict(p, 8, m, NULL), HONE_INVALID_ARGUMENT);
    a.data = NULL;
    EXPECT_STATUS(hone_mlp_predict(p, 8, m, &a), HONE_INVALID_ARGUMENT);
    a = x;
    a.rows = 0;
    EXPECT_STATUS(hone_mlp_predict(p, 8, m, &a), HONE_INVALID_ARGUMENT);
    EXPECT_STATUS(hone_mlp_predict(p, 7, m, &x), HONE_INVALID_ARGUMENT);
    CHECK(error_says("out_len is 7, the predictions of 4 rows need 4 * 2 values"));
    a = array(XOR_X, HONE_FLOAT32, 2, 4);
    EXPECT_STATUS(hone_mlp_predict(p, 8, m, &a), HONE_INVALID_ARGUMENT);
    CHECK(error_says("x has 4 cols, the model takes 2 features"));
    a = array(XOR_X, HONE_FLOAT32, SIZE_MAX, SIZE_MAX);
    EXPECT_STATUS(hone_mlp_predict(p, 8, m, &a), HONE_INVALID_ARGUMENT);
    a = array(y32, HONE_INT32, 2, 2);
    EXPECT_STATUS(hone_mlp_predict(p, 4, m, &a), HONE_INVALID_ARGUMENT);
    CHECK(error_says("HONE_INT32"));
    a = x;
    memset(&a.dtype, 0xff, sizeof a.dtype);
    EXPECT_STATUS(hone_mlp_predict(p, 8, m, &a), HONE_INVALID_ARGUMENT);
    CHECK(error_says("x.dtype -1 is not a hone_dtype"));
    EXPECT_STATUS(hone_mlp_predict(p, 8, (hone_mlp *)(void *)xf, &x), HONE_INVALID_ARGUMENT);
    /* A float64 descriptor of the same values predicts the same. */
    a = array(x64, HONE_FLOAT64, 4, 2);
    EXPECT_STATUS(hone_mlp_predict(q, 8, m, &a), HONE_OK);
    EXPECT_STATUS(hone_mlp_predict(p, 8, m, &x), HONE_OK);
    CHECK(memcmp(p, q, sizeof p) == 0);
  }
  EXPECT_STATUS(hone_mlp_n_outputs(NULL, m), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_n_outputs(&n, NULL), HONE_INVALID_ARGUMENT);
  {
    const hone_array one = array(xf, HONE_FLOAT32, 1, 2), label = array(yd, HONE_FLOAT64, 1, 1),
                     two_cols = array(XOR_Y, HONE_FLOAT64, 2, 2), short_y = array(XOR_Y, HONE_FLOAT64, 3, 1),
                     half = array(XOR_X, HONE_FLOAT32, 2, 2);
    metrics = (char *)"untouched";
    EXPECT_STATUS(hone_mlp_evaluate(NULL, m, &x, &y), HONE_INVALID_ARGUMENT);
    EXPECT_STATUS(hone_mlp_evaluate(&metrics, m, &x, NULL), HONE_INVALID_ARGUMENT);
    EXPECT_STATUS(hone_mlp_evaluate(&metrics, m, NULL, &y), HONE_INVALID_ARGUMENT);
    yd[0] = 5; /* not a label of a binary model */
    EXPECT_STATUS(hone_mlp_evaluate(&metrics, m, &one, &label), HONE_INVALID_ARGUMENT);
    EXPECT_STATUS(hone_mlp_evaluate(&metrics, m, &x, &short_y), HONE_INVALID_ARGUMENT);
    CHECK(error_says("y has 3 rows, x has 4"));
    /* Two labels per row for a classifier. */
    EXPECT_STATUS(hone_mlp_evaluate(&metrics, m, &half, &two_cols), HONE_INVALID_ARGUMENT);
    CHECK(error_says("one label per row"));
    CHECK(strcmp(metrics, "untouched") == 0);
    metrics = NULL;
  }
  EXPECT_STATUS(hone_mlp_save(m, NULL), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_save(NULL, "/tmp/x"), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_load(NULL, "/tmp/x"), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_load(&loaded, NULL), HONE_INVALID_ARGUMENT);
  hone_mlp_destroy(NULL);

  /* Linked to a trial: one intermediate value per epoch. */
  {
    hone_study *study = NULL;
    int64_t trial = 0;
    char *tj = NULL;
    EXPECT_STATUS(hone_study_create(&study, NULL), HONE_OK);
    EXPECT_STATUS(hone_study_ask(&trial, study), HONE_OK);
    EXPECT_STATUS(hone_mlp_train(&loaded, NULL, &x, &y, &x, &y,
                                 "{\"task\": \"binary\", \"epochs\": 5, \"batch_size\": 4}", study, trial),
                  HONE_OK);
    hone_mlp_destroy(loaded);
    loaded = NULL;
    EXPECT_STATUS(hone_trial_json(&tj, study, trial), HONE_OK);
    CHECK(tj != NULL && strstr(tj, "\"5\":") != NULL && strstr(tj, "\"6\":") == NULL);
    hone_free(tj);
    /* A trial that does not exist, and one that is finished. */
    EXPECT_STATUS(hone_mlp_train(&loaded, NULL, &x, &y, NULL, NULL, CONFIG, study, 99), HONE_NOT_FOUND);
    EXPECT_STATUS(hone_mlp_train(&loaded, NULL, &x, &y, NULL, NULL, CONFIG, study, -1), HONE_NOT_FOUND);
    EXPECT_STATUS(hone_study_tell(NULL, study, trial, yd, 1, HONE_TRIAL_COMPLETE), HONE_OK);
    EXPECT_STATUS(hone_mlp_train(&loaded, NULL, &x, &y, NULL, NULL, CONFIG, study, trial), HONE_STATE);
    CHECK(loaded == NULL);
    hone_study_destroy(study);
  }

  { /* Multi-output regression, all in float64: (x0 + x1, x0 - 2 x1) learned from 64 points. */
    double xs[128], ys[128], pred[128];
    float xs32[128], ys32[128];
    hone_mlp *two = NULL;
    char *metrics2 = NULL;
    size_t k = 0;
    double worst = 0;
    const hone_array xa = array(xs, HONE_FLOAT64, 64, 2), ya = array(ys, HONE_FLOAT64, 64, 2),
                     xa32 = array(xs32, HONE_FLOAT32, 64, 2), ya32 = array(ys32, HONE_FLOAT32, 64, 2),
                     one_target = array(ys, HONE_FLOAT64, 64, 1), too_many = array(ys, HONE_FLOAT64, 64, SIZE_MAX);
    for (i = 0; i < 64; i++) {
      xs[2 * i] = (i % 8) / 3.5 - 1.0;
      xs[2 * i + 1] = (i / 8) / 3.5 - 1.0;
      ys[2 * i] = xs[2 * i] + xs[2 * i + 1];
      ys[2 * i + 1] = xs[2 * i] - 2.0 * xs[2 * i + 1];
    }
    for (i = 0; i < 128; i++) {
      xs32[i] = (float)xs[i];
      ys32[i] = (float)ys[i];
    }
    EXPECT_STATUS(hone_mlp_train(&two, NULL, &xa, &ya, &xa, &ya,
                                 "{\"hidden_layers\": [16], \"activation\": \"linear\", "
                                 "\"learning_rate\": 0.02, \"epochs\": 300, \"batch_size\": 16}",
                                 NULL, 0),
                  HONE_OK);
    EXPECT_STATUS(hone_mlp_n_outputs(&k, two), HONE_OK);
    CHECK(k == 2);
    EXPECT_STATUS(hone_mlp_predict(pred, 128, two, &xa), HONE_OK);
    for (i = 0; i < 128; i++) worst = fmax(worst, fabs(pred[i] - ys[i]));
    CHECK(worst < 0.05);
    EXPECT_STATUS(hone_mlp_evaluate(&metrics2, two, &xa32, &ya32), HONE_OK);
    CHECK(metrics2 != NULL && strstr(metrics2, "\"r2\":") != NULL && strtod(strstr(metrics2, "\"r2\":") + 5, NULL) > 0.99);
    hone_free(metrics2);
    metrics2 = (char *)"untouched";
    /* One target per row for a model with two outputs. */
    EXPECT_STATUS(hone_mlp_evaluate(&metrics2, two, &xa, &one_target), HONE_INVALID_ARGUMENT);
    CHECK(error_says("1 target columns, the model has 2 outputs"));
    CHECK(strcmp(metrics2, "untouched") == 0);
    hone_mlp_destroy(two);
    two = NULL;
    /* Several labels per row for classification, and a target count that overflows. */
    TRAIN_FAILS(&xa, &ya, NULL, NULL, "{\"task\": \"multiclass\"}", "one label per row");
    TRAIN_FAILS(&xa, &too_many, NULL, NULL, NULL, "overflows");
  }

  hone_mlp_destroy(m);
  EXPECT_STATUS(hone_mlp_predict(p, 8, m, &x), HONE_INVALID_ARGUMENT);
  if (failures) {
    fprintf(stderr, "mlp: %d failures\n", failures);
    return 1;
  }
  printf("mlp: all checks passed\n");
  return 0;
}
