/* Times one full trial (ask, suggest 5 floats, tell) with the random sampler,
 * from C, at several history sizes. Prints one JSON line per size. */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "hone.h"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void check(hone_status s) {
  if (s != HONE_OK) {
    fprintf(stderr, "hone: %s: %s\n", hone_status_string(s), hone_last_error());
    exit(1);
  }
}

int main(void) {
  static const char *names[5] = {"x0", "x1", "x2", "x3", "x4"};
  const int sizes[3] = {100, 1000, 10000};
  for (int s = 0; s < 3; s++) {
    hone_study *study = NULL;
    check(hone_study_create(&study, "{\"sampler\": {\"type\": \"random\", \"seed\": 0}}"));
    double t0 = now();
    for (int i = 0; i < sizes[s]; i++) {
      int64_t trial;
      double x, sum = 0;
      check(hone_study_ask(&trial, study));
      for (int k = 0; k < 5; k++) {
        check(hone_trial_suggest_float(&x, study, trial, names[k], -32.768, 32.768, 0, false));
        sum += x * x;
      }
      check(hone_study_tell(NULL, study, trial, &sum, 1, HONE_TRIAL_COMPLETE));
    }
    double dt = now() - t0;
    printf("{\"host\": \"c\", \"trials\": %d, \"us_per_trial\": %.3f}\n", sizes[s], 1e6 * dt / sizes[s]);
    hone_study_destroy(study);
  }
  return 0;
}
