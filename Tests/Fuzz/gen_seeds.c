/* Writes the generated part of the seed corpus: real model files saved by
 * hone_mlp_save (for fuzz_mlp_load), and binary inputs in the layouts that
 * fuzz_mlp_train and fuzz_calls read. Run by `scripts/fuzz.sh --seeds`; the
 * output is committed under Tests/Fuzz/corpus/. */
#define _GNU_SOURCE
#include "hone.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *root;

static void write_file(const char *target, const char *name, const uint8_t *p, size_t n) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s/%s", root, target, name);
  FILE *f = fopen(path, "wb");
  if (f == NULL || fwrite(p, 1, n, f) != n || fclose(f) != 0) {
    fprintf(stderr, "cannot write %s\n", path);
    exit(1);
  }
}

static uint8_t *read_file(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) exit(1);
  static uint8_t buf[1 << 16];
  *n = fread(buf, 1, sizeof buf, f);
  fclose(f);
  return buf;
}

/* Trains a model and saves it as an mlp_load seed: the mode byte, then the file. */
static void model(const char *name, uint8_t mode, const float *x, size_t rows, size_t features, const double *y,
                  size_t targets, const char *config) {
  hone_mlp *m = NULL;
  const hone_array xa = {x, HONE_FLOAT32, rows, features}, ya = {y, HONE_FLOAT64, rows, targets};
  hone_status s = hone_mlp_train(&m, NULL, &xa, &ya, NULL, NULL, config, NULL, 0);
  if (s != HONE_OK) {
    fprintf(stderr, "%s: %s\n", name, hone_last_error());
    exit(1);
  }
  char tmp[] = "/tmp/hone-seed-XXXXXX";
  int fd = mkstemp(tmp);
  if (fd < 0 || hone_mlp_save(m, tmp) != HONE_OK) exit(1);
  hone_mlp_destroy(m);
  size_t n;
  uint8_t *file = read_file(tmp, &n);
  remove(tmp);
  uint8_t *seed = malloc(n + 1);
  seed[0] = mode;
  memcpy(seed + 1, file, n);
  write_file("mlp_load", name, seed, n + 1);
  free(seed);
}

/* An mlp_train seed: header bytes (the descriptor mutation and its value last),
 * data bytes, then the configuration. */
static void train_seed(const char *name, uint8_t rows_minus_1, uint8_t flags, uint8_t label_mode, uint8_t mutation,
                       uint8_t value, const char *config) {
  uint8_t buf[1024];
  size_t rows = (size_t)rows_minus_1 + 1, features = (size_t)(flags & 3) + 1;
  size_t targets = (size_t)(((flags >> 5) & 3) % 3) + 1;
  size_t n = 0;
  buf[n++] = rows_minus_1;
  buf[n++] = flags;
  buf[n++] = label_mode;
  buf[n++] = mutation;
  buf[n++] = value;
  for (size_t i = 0; i < rows * features; i++) buf[n++] = (uint8_t)(96 + 11 * i % 64);
  for (size_t i = 0; i < rows * targets; i++) buf[n++] = (uint8_t)(label_mode & 1 ? i % 3 : 100 + 7 * i % 50);
  size_t len = strlen(config);
  memcpy(buf + n, config, len);
  write_file("mlp_train", name, buf, n + len);
}

/* A calls seed: sampler kind, flags, seed, then a repeated trial's worth of ops. */
static void calls_seed(const char *name, uint8_t kind, uint8_t flags, int rounds) {
  static const uint8_t round_ops[] = {
      0,                     /* ask */
      2, 0, 0, 0, 2, 0,      /* suggest_float x in [0, 1] */
      3, 0, 1, 0, 5, 4,      /* suggest_float_step y in [0, 10] step 0.5 */
      4, 0, 2, 1, 5, 1, 0,   /* suggest_int n in [1, 10] */
      4, 0, 4, 1, 6, 1, 1,   /* suggest_int lr in [1, 100] log */
      5, 0, 3, 2, 0, 1,      /* suggest_categorical c from x, y */
      6, 0, 13, 0,           /* suggest_categorical_json "with space" */
      9, 0, 1, 2,            /* report step 1 value 1 */
      10, 0,                 /* should_prune */
      12, 0, 0, 0,           /* set_user_attr */
      13, 1, 0,              /* export json */
      27, 0,                 /* heartbeat */
  };
  uint8_t buf[1024];
  size_t n = 0;
  buf[n++] = kind;
  buf[n++] = flags;
  buf[n++] = 7;
  for (int r = 0; r < rounds; r++) {
    memcpy(buf + n, round_ops, sizeof round_ops);
    n += sizeof round_ops;
    /* tell COMPLETE: flag byte 13 is one value, 19 two (state = b % 6, count = (b >> 3) % 4). */
    buf[n++] = 7;
    buf[n++] = 0;
    buf[n++] = flags % 3 == 2 ? 19 : 13;
    buf[n++] = (uint8_t)(2 + r);
    if (flags % 3 == 2) buf[n++] = 4;
  }
  buf[n++] = 11; buf[n++] = 1; buf[n++] = 2; /* enqueue {"x": 0.5} skip_if_exists */
  buf[n++] = 0;                              /* ask it */
  buf[n++] = 13; buf[n++] = 0; buf[n++] = 0; /* export csv */
  buf[n++] = 13; buf[n++] = 7; buf[n++] = 0; /* best trial */
  write_file("calls", name, buf, n);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: gen_seeds CORPUS_DIR\n");
    return 2;
  }
  root = argv[1];
  static const float xor_x[8] = {0, 0, 0, 1, 1, 0, 1, 1};
  static const double xor_y[4] = {0, 1, 1, 0};
  static const double reg_y[4] = {0.5, -1, 2, 0};
  static const double multi_y[8] = {0, 1, 1, 0, 2, 3, 1, 1};
  static const double class_y[4] = {0, 1, 2, 1};
  model("regression_v1", 0, xor_x, 4, 2, reg_y, 1, "{\"hidden_layers\": [3], \"epochs\": 2, \"seed\": 1}");
  model("binary_v1_fixcrc", 1, xor_x, 4, 2, xor_y, 1,
        "{\"task\": \"binary\", \"hidden_layers\": [4], \"activation\": \"tanh\", \"epochs\": 2, \"standardize\": false}");
  model("multiclass_v2", 0, xor_x, 4, 2, class_y, 1,
        "{\"task\": \"multiclass\", \"hidden_layers\": [3, 2], \"activation\": [\"relu\", \"gelu\"], \"epochs\": 2}");
  model("multioutput_v1_fixcrc", 1, xor_x, 4, 2, multi_y, 2,
        "{\"hidden_layers\": [], \"epochs\": 1, \"loss\": \"huber\", \"huber_delta\": 0.5}");

  train_seed("regression", 7, 0x01, 0, 0, 0, "{\"hidden_layers\": [4], \"epochs\": 2, \"seed\": 3}");
  train_seed("binary_f64_validation", 5, 0x15, 1, 0, 0,
             "{\"task\": \"binary\", \"optimizer\": \"sgd\", \"momentum\": 0.5, \"epochs\": 3, "
             "\"schedule\": {\"type\": \"step\", \"step_epochs\": 1, \"gamma\": 0.5}, \"metric\": \"accuracy\"}");
  train_seed("multiclass_study", 11, 0x82, 1, 0, 0,
             "{\"task\": \"multiclass\", \"hidden_layers\": [8, 4], \"activation\": [\"elu\", \"tanh\"], "
             "\"dropout\": [0.1, 0.2], \"optimizer\": \"adamw\", \"epochs\": 4, \"early_stopping_patience\": 1, "
             "\"validation_fraction\": 0.25}");
  /* Two targets; validation features in float64 beside float32 training features; float64 targets. */
  train_seed("multioutput", 9, 0x20 | 0x10 | 0x08, 0x04, 0, 0,
             "{\"loss\": \"mae\", \"optimizer\": \"rmsprop\", \"schedule\": \"cosine\", \"warmup_epochs\": 1, "
             "\"epochs\": 3, \"gradient_clip\": 1, \"l1\": 0.001, \"l2\": 0.01}");
  train_seed("hypergradient_onecycle", 15, 0x03, 0, 0, 0,
             "{\"optimizer\": \"nesterov\", \"hypergradient_lr\": 0.0001, \"batch_size\": 4, "
             "\"schedule\": {\"type\": \"one_cycle\", \"max_factor\": 2}, \"init\": \"xavier_normal\", "
             "\"activation\": \"leaky_relu\", \"standardize\": false, \"epochs\": 2}");
  train_seed("hinge_triangular", 3, 0x11, 1, 0, 0,
             "{\"task\": \"binary\", \"loss\": \"hinge\", \"optimizer\": \"adagrad\", "
             "\"schedule\": {\"type\": \"triangular2\", \"half_period\": 1}, \"activation\": \"sigmoid\", "
             "\"epochs\": 2, \"metric\": \"roc_auc\"}");
  train_seed("defaults", 0, 0x00, 0, 0, 0, "{}");
  /* Three int64 targets beside float64 features; int32 labels. */
  train_seed("multioutput_f64_int64", 6, 0x40 | 0x04, 0x0c, 0, 0, "{\"hidden_layers\": [2], \"epochs\": 2}");
  train_seed("int32_labels", 7, 0x11, 0x09, 0, 0, "{\"task\": \"multiclass\", \"epochs\": 2}");
  /* Descriptor mutations: a dtype of -1, rows of 2^63, cols of 0, float64 data 4 bytes off. */
  train_seed("bad_dtype", 3, 0x01, 0, 1, 0xf8, "{\"epochs\": 1}");
  train_seed("overflowing_rows", 3, 0x01, 0, 3, 0xfd, "{\"epochs\": 1}");
  train_seed("zero_cols", 3, 0x21, 0, 6, 0, "{\"epochs\": 1}");
  train_seed("misaligned_f64", 3, 0x05, 0, 0x20, 0, "{\"epochs\": 1}");

  calls_seed("random", 0, 0x00, 3);
  calls_seed("random_space_median", 0, 0x30, 3);
  calls_seed("grid_maximize", 1, 0x01, 3);
  calls_seed("qmc_two_directions", 6, 0x02, 3);
  calls_seed("gp", 3, 0x40, 4);
  calls_seed("random_space", 0, 0x10, 3);
  calls_seed("gp_rbf_ucb", 0x1f, 0x60, 4);
  calls_seed("random_hyperband", 0, 0x80, 4);
  return 0;
}
