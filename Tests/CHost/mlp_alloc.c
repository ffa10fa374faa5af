/* The MLP trainer allocates nothing per epoch: after the first epoch, the
 * training loop runs in the buffers it already has.
 *
 * The program interposes malloc and its kin (glibc's __libc_* entry points do the
 * work) and counts the calls made inside hone_mlp_train. If the loop allocated,
 * the count would grow with the number of epochs; it must be the same for 2
 * epochs as for 40, with and without validation data, dropout, a schedule and
 * every optimizer. The result JSON is not asked for: building it after training
 * costs allocations per history entry, outside the loop. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hone.h"

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void *__libc_memalign(size_t, size_t);
extern void __libc_free(void *);

static volatile int counting;
static volatile long allocations;

void *malloc(size_t n) {
  if (counting) allocations++;
  return __libc_malloc(n);
}
void *calloc(size_t n, size_t size) {
  if (counting) allocations++;
  return __libc_calloc(n, size);
}
void *realloc(void *p, size_t n) {
  if (counting) allocations++;
  return __libc_realloc(p, n);
}
void *memalign(size_t alignment, size_t n) {
  if (counting) allocations++;
  return __libc_memalign(alignment, n);
}
void *aligned_alloc(size_t alignment, size_t n) {
  if (counting) allocations++;
  return __libc_memalign(alignment, n);
}
int posix_memalign(void **out, size_t alignment, size_t n) {
  void *p;
  if (counting) allocations++;
  p = __libc_memalign(alignment, n);
  if (p == NULL) return 12; /* ENOMEM */
  *out = p;
  return 0;
}
void free(void *p) { __libc_free(p); }

enum { ROWS = 300, VAL = 100, FEATURES = 12, CLASSES = 3 };
static float x[ROWS * FEATURES], xv[VAL * FEATURES];
static double y[ROWS], yv[VAL];

static long allocations_for(const char *base, int epochs, int validate) {
  char config[512];
  hone_mlp *model = NULL;
  hone_status status;
  long n;
  const hone_array xa = {x, HONE_FLOAT32, ROWS, FEATURES}, ya = {y, HONE_FLOAT64, ROWS, 1};
  const hone_array xva = {xv, HONE_FLOAT32, VAL, FEATURES}, yva = {yv, HONE_FLOAT64, VAL, 1};
  snprintf(config, sizeof config, "{%s, \"epochs\": %d, \"early_stopping_patience\": 0}", base, epochs);
  allocations = 0;
  counting = 1;
  status = hone_mlp_train(&model, NULL, &xa, &ya, validate ? &xva : NULL, validate ? &yva : NULL, config, NULL, 0);
  counting = 0;
  n = allocations;
  if (status != HONE_OK) {
    fprintf(stderr, "train failed: %s\n", hone_last_error());
    exit(1);
  }
  hone_mlp_destroy(model);
  return n;
}

int main(void) {
  static const char *configs[] = {
      "\"task\": \"multiclass\", \"hidden_layers\": [32, 16], \"optimizer\": \"adam\", \"batch_size\": 16",
      "\"task\": \"multiclass\", \"hidden_layers\": [24], \"optimizer\": \"adamw\", \"dropout\": 0.2, "
      "\"schedule\": {\"type\": \"cosine\", \"period\": 5}, \"warmup_epochs\": 2, \"batch_size\": 7",
      "\"task\": \"multiclass\", \"hidden_layers\": [16], \"optimizer\": \"nesterov\", \"l1\": 1e-4, "
      "\"l2\": 1e-3, \"gradient_clip\": 1.0, \"activation\": \"gelu\"",
      "\"task\": \"multiclass\", \"hidden_layers\": [16, 16], \"optimizer\": \"rmsprop\", \"standardize\": true",
      "\"task\": \"multiclass\", \"hidden_layers\": [16], \"optimizer\": \"adagrad\", \"hypergradient_lr\": 1e-4",
      "\"task\": \"regression\", \"hidden_layers\": [16], \"optimizer\": \"sgd\", \"loss\": \"huber\", "
      "\"metric\": \"mse\"",
  };
  unsigned state = 12345u;
  size_t i, c;
  int failures = 0, validate;
  for (i = 0; i < ROWS * FEATURES; i++) x[i] = (float)((state = state * 1103515245u + 12345u) >> 16) / 65536.0f;
  for (i = 0; i < VAL * FEATURES; i++) xv[i] = (float)((state = state * 1103515245u + 12345u) >> 16) / 65536.0f;
  for (i = 0; i < ROWS; i++) y[i] = (double)(i % CLASSES);
  for (i = 0; i < VAL; i++) yv[i] = (double)(i % CLASSES);
  for (c = 0; c < sizeof configs / sizeof configs[0]; c++) {
    for (validate = 0; validate <= 1; validate++) {
      long short_run;
      /* The first call of a kind pays one-time costs (type metadata, BLAS buffers). */
      allocations_for(configs[c], 2, validate);
      short_run = allocations_for(configs[c], 2, validate);
      long long_run = allocations_for(configs[c], 40, validate);
      int ok = short_run == long_run && short_run > 0;
      printf("%s config %zu, %s validation: %ld allocations for 2 epochs, %ld for 40\n", ok ? "ok  " : "FAIL", c,
             validate ? "with" : "without", short_run, long_run);
      failures += !ok;
    }
  }
  printf("mlp_alloc: %d failed\n", failures);
  return failures != 0;
}
