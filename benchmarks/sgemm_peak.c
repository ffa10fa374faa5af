#define _POSIX_C_SOURCE 199309L
/* Single-thread OpenBLAS sgemm throughput, the yardstick for the MLP step.
 *
 * Prints the best GFLOP/s of a square 1024 sgemm (the peak) and of the shapes a
 * 784-256-256-10 step at batch 128 multiplies, one thread, best of 5, and the
 * kernel OpenBLAS runs (set OPENBLAS_CORETYPE to measure another). */
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

void openblas_set_num_threads(int);

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static double gflops(int m, int n, int k, int reps) {
  float *a = malloc(sizeof(float) * (size_t)m * (size_t)k), *b = malloc(sizeof(float) * (size_t)k * (size_t)n);
  float *c = malloc(sizeof(float) * (size_t)m * (size_t)n);
  double best = 0;
  int i, r;
  for (i = 0; i < m * k; i++) a[i] = (float)(i % 7) * 0.1f;
  for (i = 0; i < k * n; i++) b[i] = (float)(i % 5) * 0.1f;
  for (r = 0; r < 5; r++) {
    double t0 = now(), rate;
    for (i = 0; i < reps; i++)
      cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, m, n, k, 1.0f, a, k, b, n, 0.0f, c, n);
    rate = 2.0 * m * n * k * reps / (now() - t0) / 1e9;
    if (rate > best) best = rate;
  }
  free(a);
  free(b);
  free(c);
  return best;
}

int main(void) {
  openblas_set_num_threads(1);
  printf("sgemm 1 thread, kernel %s, GFLOP/s: 1024^3 %.1f; 128x256x784 %.1f; 128x256x256 %.1f\n",
         openblas_get_corename(), gflops(1024, 1024, 1024, 3), gflops(128, 256, 784, 50), gflops(128, 256, 256, 150));
  return 0;
}
