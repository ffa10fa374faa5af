/* The MLP through the C header: learn XOR, predict, evaluate, save and load,
 * report to a trial, and refuse bad input with HONE_INVALID_ARGUMENT. */
#define _POSIX_C_SOURCE 200809L
#include "hone.h"

#include <math.h>
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

static void check_xor(hone_mlp *m) {
  double p[8];
  size_t k = 0;
  int i;
  EXPECT_STATUS(hone_mlp_n_outputs(&k, m), HONE_OK);
  CHECK(k == 2);
  EXPECT_STATUS(hone_mlp_predict(p, 8, m, XOR_X, 4, 2), HONE_OK);
  for (i = 0; i < 4; i++) {
    CHECK(fabs(p[2 * i] + p[2 * i + 1] - 1.0) < 1e-5);
    CHECK((p[2 * i + 1] > 0.5) == (XOR_Y[i] > 0.5));
  }
}

int main(void) {
  hone_mlp *m = NULL, *loaded = NULL, *none = NULL;
  char *result = NULL, *metrics = NULL;
  char path[] = "/tmp/hone-mlp-test-XXXXXX";
  double p[8], q[8];
  float xf[2] = {0, 0};
  double yd[1] = {0};
  double x64[8];
  size_t n = 0;
  int fd, i;
  FILE *f;

  /* Training and prediction. */
  EXPECT_STATUS(hone_mlp_train(&m, &result, XOR_X, 4, 2, XOR_Y, XOR_X, XOR_Y, 4, CONFIG, NULL, 0), HONE_OK);
  CHECK(m != NULL);
  CHECK(result != NULL && strstr(result, "\"status\":") != NULL && strstr(result, "\"history\":") != NULL);
  hone_free(result);
  result = NULL;
  check_xor(m);
  EXPECT_STATUS(hone_mlp_n_features(&n, m), HONE_OK);
  CHECK(n == 2);
  EXPECT_STATUS(hone_mlp_evaluate(&metrics, m, XOR_X, 4, 2, XOR_Y), HONE_OK);
  CHECK(metrics != NULL && strstr(metrics, "\"accuracy\":1") != NULL);
  hone_free(metrics);

  /* The float64 entry point learns it too. */
  for (i = 0; i < 8; i++) x64[i] = XOR_X[i];
  EXPECT_STATUS(hone_mlp_train_f64(&loaded, NULL, x64, 4, 2, XOR_Y, NULL, NULL, 0, CONFIG, NULL, 0), HONE_OK);
  check_xor(loaded);
  hone_mlp_destroy(loaded);
  loaded = NULL;

  /* Save and load give the same predictions. */
  fd = mkstemp(path);
  CHECK(fd >= 0);
  if (fd >= 0) close(fd);
  EXPECT_STATUS(hone_mlp_save(m, path), HONE_OK);
  EXPECT_STATUS(hone_mlp_load(&loaded, path), HONE_OK);
  EXPECT_STATUS(hone_mlp_predict(p, 8, m, XOR_X, 4, 2), HONE_OK);
  EXPECT_STATUS(hone_mlp_predict(q, 8, loaded, XOR_X, 4, 2), HONE_OK);
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

  /* Bad input. */
  EXPECT_STATUS(hone_mlp_train(NULL, NULL, XOR_X, 4, 2, XOR_Y, NULL, NULL, 0, CONFIG, NULL, 0), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_train(&none, NULL, NULL, 4, 2, XOR_Y, NULL, NULL, 0, CONFIG, NULL, 0), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_train(&none, NULL, XOR_X, 4, 2, NULL, NULL, NULL, 0, CONFIG, NULL, 0), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_train(&none, NULL, XOR_X, 0, 2, XOR_Y, NULL, NULL, 0, CONFIG, NULL, 0), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_train(&none, NULL, XOR_X, 4, 0, XOR_Y, NULL, NULL, 0, CONFIG, NULL, 0), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_train(&none, NULL, XOR_X, SIZE_MAX / 2, 4, XOR_Y, NULL, NULL, 0, CONFIG, NULL, 0),
                HONE_INVALID_ARGUMENT);
  /* Validation rows given without features, and validation features without labels. */
  EXPECT_STATUS(hone_mlp_train(&none, NULL, XOR_X, 4, 2, XOR_Y, NULL, XOR_Y, 4, CONFIG, NULL, 0),
                HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_train(&none, NULL, XOR_X, 4, 2, XOR_Y, XOR_X, NULL, 4, CONFIG, NULL, 0),
                HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_train(&none, NULL, XOR_X, 4, 2, XOR_Y, XOR_X, XOR_Y, 0, CONFIG, NULL, 0),
                HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_train(&none, NULL, XOR_X, 4, 2, XOR_Y, NULL, NULL, 0, "{\"epochz\": 3}", NULL, 0),
                HONE_INVALID_ARGUMENT);
  CHECK(strstr(hone_last_error(), "epochz") != NULL);
  EXPECT_STATUS(hone_mlp_train(&none, NULL, XOR_X, 4, 2, XOR_Y, NULL, NULL, 0, "{", NULL, 0), HONE_INVALID_ARGUMENT);
  CHECK(none == NULL);

  EXPECT_STATUS(hone_mlp_predict(NULL, 8, m, XOR_X, 4, 2), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_predict(p, 8, NULL, XOR_X, 4, 2), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_predict(p, 8, m, NULL, 4, 2), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_predict(p, 8, m, XOR_X, 0, 2), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_predict(p, 7, m, XOR_X, 4, 2), HONE_INVALID_ARGUMENT);
  CHECK(strstr(hone_last_error(), "out_len") != NULL);
  EXPECT_STATUS(hone_mlp_predict(p, 8, m, XOR_X, 2, 4), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_predict(p, 8, m, XOR_X, SIZE_MAX, SIZE_MAX), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_predict(p, 8, (hone_mlp *)(void *)xf, XOR_X, 4, 2), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_n_outputs(NULL, m), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_n_outputs(&n, NULL), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_evaluate(NULL, m, XOR_X, 4, 2, XOR_Y), HONE_INVALID_ARGUMENT);
  EXPECT_STATUS(hone_mlp_evaluate(&metrics, m, XOR_X, 4, 2, NULL), HONE_INVALID_ARGUMENT);
  yd[0] = 5; /* not a label of a binary model */
  EXPECT_STATUS(hone_mlp_evaluate(&metrics, m, xf, 1, 2, yd), HONE_INVALID_ARGUMENT);
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
    EXPECT_STATUS(hone_mlp_train(&loaded, NULL, XOR_X, 4, 2, XOR_Y, XOR_X, XOR_Y, 4,
                                 "{\"task\": \"binary\", \"epochs\": 5, \"batch_size\": 4}", study, trial),
                  HONE_OK);
    hone_mlp_destroy(loaded);
    loaded = NULL;
    EXPECT_STATUS(hone_trial_json(&tj, study, trial), HONE_OK);
    CHECK(tj != NULL && strstr(tj, "\"5\":") != NULL && strstr(tj, "\"6\":") == NULL);
    hone_free(tj);
    /* A trial that does not exist, and one that is finished. */
    EXPECT_STATUS(hone_mlp_train(&loaded, NULL, XOR_X, 4, 2, XOR_Y, NULL, NULL, 0, CONFIG, study, 99), HONE_NOT_FOUND);
    EXPECT_STATUS(hone_mlp_train(&loaded, NULL, XOR_X, 4, 2, XOR_Y, NULL, NULL, 0, CONFIG, study, -1), HONE_NOT_FOUND);
    EXPECT_STATUS(hone_study_tell(NULL, study, trial, yd, 1, HONE_TRIAL_COMPLETE), HONE_OK);
    EXPECT_STATUS(hone_mlp_train(&loaded, NULL, XOR_X, 4, 2, XOR_Y, NULL, NULL, 0, CONFIG, study, trial), HONE_STATE);
    CHECK(loaded == NULL);
    hone_study_destroy(study);
  }

  { /* Multi-output regression: (x0 + x1, x0 - 2 x1) learned from 64 points. */
    float x[128];
    double y[128], pred[128];
    hone_mlp *two = NULL;
    char *metrics2 = NULL;
    size_t k = 0;
    double worst = 0;
    for (int i = 0; i < 64; i++) {
      x[2 * i] = (float)((i % 8) / 3.5 - 1.0);
      x[2 * i + 1] = (float)((i / 8) / 3.5 - 1.0);
      y[2 * i] = x[2 * i] + x[2 * i + 1];
      y[2 * i + 1] = x[2 * i] - 2.0 * x[2 * i + 1];
    }
    EXPECT_STATUS(hone_mlp_train_multioutput(&two, NULL, x, 64, 2, y, 2, x, y, 64,
                                             "{\"hidden_layers\": [16], \"activation\": \"linear\", "
                                             "\"learning_rate\": 0.02, \"epochs\": 300, \"batch_size\": 16}",
                                             NULL, 0),
                  HONE_OK);
    EXPECT_STATUS(hone_mlp_n_outputs(&k, two), HONE_OK);
    CHECK(k == 2);
    EXPECT_STATUS(hone_mlp_predict(pred, 128, two, x, 64, 2), HONE_OK);
    for (int i = 0; i < 128; i++) worst = fmax(worst, fabs(pred[i] - y[i]));
    CHECK(worst < 0.05);
    EXPECT_STATUS(hone_mlp_evaluate(&metrics2, two, x, 64, 2, y), HONE_OK);
    CHECK(metrics2 != NULL && strstr(metrics2, "\"r2\":") != NULL && strtod(strstr(metrics2, "\"r2\":") + 5, NULL) > 0.99);
    hone_free(metrics2);
    hone_mlp_destroy(two);
    two = NULL;
    /* NULL pointers, no targets, a count that overflows, and several labels per row for classification. */
    EXPECT_STATUS(hone_mlp_train_multioutput(NULL, NULL, x, 64, 2, y, 2, NULL, NULL, 0, NULL, NULL, 0),
                  HONE_INVALID_ARGUMENT);
    EXPECT_STATUS(hone_mlp_train_multioutput(&two, NULL, x, 64, 2, NULL, 2, NULL, NULL, 0, NULL, NULL, 0),
                  HONE_INVALID_ARGUMENT);
    EXPECT_STATUS(hone_mlp_train_multioutput(&two, NULL, x, 64, 2, y, (size_t)-1, NULL, NULL, 0, NULL, NULL, 0),
                  HONE_INVALID_ARGUMENT);
    CHECK(strstr(hone_last_error(), "overflows") != NULL);
    EXPECT_STATUS(hone_mlp_train_multioutput(&two, NULL, x, 64, 2, y, 0, NULL, NULL, 0, NULL, NULL, 0),
                  HONE_INVALID_ARGUMENT);
    CHECK(strstr(hone_last_error(), "n_targets") != NULL);
    EXPECT_STATUS(hone_mlp_train_multioutput(&two, NULL, x, 64, 2, y, 2, NULL, NULL, 0,
                                             "{\"task\": \"multiclass\"}", NULL, 0),
                  HONE_INVALID_ARGUMENT);
    CHECK(strstr(hone_last_error(), "one label per row") != NULL);
    CHECK(two == NULL);
  }

  hone_mlp_destroy(m);
  EXPECT_STATUS(hone_mlp_predict(p, 8, m, XOR_X, 4, 2), HONE_INVALID_ARGUMENT);
  if (failures) {
    fprintf(stderr, "mlp: %d failures\n", failures);
    return 1;
  }
  printf("mlp: all checks passed\n");
  return 0;
}
