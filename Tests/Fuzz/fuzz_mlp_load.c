/* hone_mlp_load on mutated model files.
 *
 * The first input byte is a mode; the rest is the file. With mode bit 0 set the
 * harness first rewrites the file's last four bytes with the CRC-32 of the
 * bytes before them, so mutations get past the checksum into the fields behind
 * it; without it the file is loaded exactly as given. A file that loads is
 * described, predicts and evaluates two rows, and is saved again: saving what
 * a saved file loads to must give the same bytes (the format has one writer).
 *
 * Files live in memfds named through /proc/self/fd, so nothing touches a disk. */
#define _GNU_SOURCE
#include "fuzz_common.h"

#include <sys/mman.h>
#include <unistd.h>

static int fd_in = -1, fd_out = -1;
static char path_in[64], path_out[64];
static uint32_t crc_table[256];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  fd_in = memfd_create("hone-fuzz-model", 0);
  fd_out = memfd_create("hone-fuzz-resaved", 0);
  if (fd_in < 0 || fd_out < 0) abort();
  snprintf(path_in, sizeof path_in, "/proc/self/fd/%d", fd_in);
  snprintf(path_out, sizeof path_out, "/proc/self/fd/%d", fd_out);
  for (uint32_t i = 0; i < 256; i++) {
    uint32_t c = i;
    for (int k = 0; k < 8; k++) c = (c & 1) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
    crc_table[i] = c;
  }
  return 0;
}

static uint32_t crc32(const uint8_t *p, size_t n) {
  uint32_t c = 0xFFFFFFFFu;
  for (size_t i = 0; i < n; i++) c = crc_table[(c ^ p[i]) & 0xff] ^ (c >> 8);
  return ~c;
}

static void put_file(int fd, const uint8_t *p, size_t n) {
  if (ftruncate(fd, 0) != 0) abort();
  size_t done = 0;
  while (done < n) {
    ssize_t w = pwrite(fd, p + done, n - done, (off_t)done);
    if (w <= 0) abort();
    done += (size_t)w;
  }
}

/* The whole content of a memfd (freed by the caller). */
static uint8_t *get_file(int fd, size_t *n) {
  off_t size = lseek(fd, 0, SEEK_END);
  if (size < 0) abort();
  uint8_t *p = (uint8_t *)malloc((size_t)size + 1);
  if (p == NULL || pread(fd, p, (size_t)size, 0) != size) abort();
  *n = (size_t)size;
  return p;
}

static uint8_t *resave(hone_mlp *m, size_t *n) {
  FUZZ_CHECK(CALL(hone_mlp_save(m, path_out)) == HONE_OK, "cannot save a loaded model");
  return get_file(fd_out, n);
}

static void exercise(hone_mlp *m) {
  size_t features = 0, outputs = 0;
  FUZZ_CHECK(CALL(hone_mlp_n_features(&features, m)) == HONE_OK, "n_features");
  FUZZ_CHECK(CALL(hone_mlp_n_outputs(&outputs, m)) == HONE_OK, "n_outputs");
  FUZZ_CHECK(features >= 1 && outputs >= 1, "a model with %zu features and %zu outputs", features, outputs);
  char *info = NULL;
  FUZZ_CHECK(CALL(hone_mlp_info_json(&info, m)) == HONE_OK, "info_json");
  /* A classifier takes one label per row, a regression model one target per output. */
  size_t targets = strstr(info, "\"task\":\"regression\"") != NULL ? outputs : 1;
  hone_free(info);
  if (features > 4096 || outputs > 4096) return;
  const size_t rows = 2;
  float *x = (float *)malloc(rows * features * sizeof *x);
  double *p = (double *)malloc(rows * outputs * sizeof *p);
  double *y = (double *)calloc(rows * outputs, sizeof *y);
  if (x == NULL || p == NULL || y == NULL) abort();
  for (size_t i = 0; i < rows * features; i++) x[i] = (float)((int)(i % 7) - 3) * 0.5f;
  const hone_array xa = {x, HONE_FLOAT32, rows, features}, ya = {y, HONE_FLOAT64, rows, targets};
  CALL(hone_mlp_predict(p, rows * outputs, m, &xa));
  /* A wrong output length is refused. */
  FUZZ_CHECK(CALL(hone_mlp_predict(p, rows * outputs + 1, m, &xa)) == HONE_INVALID_ARGUMENT,
             "predict accepted a wrong output length");
  char *metrics = NULL;
  if (CALL(hone_mlp_evaluate(&metrics, m, &xa, &ya)) == HONE_OK) hone_free(metrics);
  free(x);
  free(p);
  free(y);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  uint8_t mode = data[0];
  size_t n = size - 1;
  uint8_t *file = (uint8_t *)malloc(n + 1);
  if (file == NULL) abort();
  memcpy(file, data + 1, n);
  if ((mode & 1) && n >= 4) {
    uint32_t c = crc32(file, n - 4);
    for (int i = 0; i < 4; i++) file[n - 4 + i] = (uint8_t)(c >> (8 * i));
  }
  put_file(fd_in, file, n);
  free(file);

  hone_mlp *const sentinel = (hone_mlp *)(uintptr_t)0x5a5a5a5a0;
  hone_mlp *m = sentinel;
  if (CALL(hone_mlp_load(&m, path_in)) != HONE_OK) {
    FUZZ_CHECK(m == sentinel, "a failed load wrote its out-parameter");
    return 0;
  }
  FUZZ_CHECK(m != NULL && m != sentinel, "load succeeded without a handle");
  exercise(m);
  size_t n1 = 0, n2 = 0;
  uint8_t *once = resave(m, &n1);
  hone_mlp_destroy(m);
  /* The resaved file loads, and saving it again changes nothing. */
  put_file(fd_in, once, n1);
  hone_mlp *again = NULL;
  FUZZ_CHECK(CALL(hone_mlp_load(&again, path_in)) == HONE_OK, "a saved model does not load");
  uint8_t *twice = resave(again, &n2);
  hone_mlp_destroy(again);
  FUZZ_CHECK(n1 == n2 && memcmp(once, twice, n1) == 0, "saving a loaded model changed its bytes (%zu, %zu)", n1,
             n2);
  free(once);
  free(twice);
  return 0;
}
