/* Prints the parameters of 24 seeded trials, one JSON object per line, for the
 * cross-host check: C, Python and Swift must print the same lines. The
 * brute-force sampler searches finite spaces only: its floats get steps, and
 * one parameter is conditional. partial_fixed fixes n and opt over random. The
 * NSGA samplers keep populations of 6, so the 24 trials span four generations. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hone.h"

#define CHECK(call)                                                        \
  do {                                                                     \
    hone_status s_ = (call);                                               \
    if (s_ != HONE_OK) {                                                   \
      fprintf(stderr, "%s: %s: %s\n", #call, hone_status_string(s_),       \
              hone_last_error());                                          \
      exit(1);                                                             \
    }                                                                      \
  } while (0)

int main(int argc, char **argv) {
  const char *sampler = argc > 1 ? argv[1] : "random";
  bool finite = strcmp(sampler, "brute_force") == 0;
  char options[512];
  if (strcmp(sampler, "partial_fixed") == 0)
    snprintf(options, sizeof options,
             "{\"sampler\": {\"type\": \"partial_fixed\", \"options\": {\"fixed_params\": "
             "{\"n\": 5, \"opt\": \"sgd\"}, \"base_sampler\": {\"type\": \"random\", \"seed\": 123}}}}");
  else if (strcmp(sampler, "nsgaii") == 0 || strcmp(sampler, "nsgaiii") == 0)
    snprintf(options, sizeof options,
             "{\"sampler\": {\"type\": \"%s\", \"seed\": 123, \"options\": {\"population_size\": 6}}}", sampler);
  else
    snprintf(options, sizeof options, "{\"sampler\": {\"type\": \"%s\", \"seed\": 123}}", sampler);
  hone_study *study = NULL;
  CHECK(hone_study_create(&study, options));
  const char *choices[] = {"adam", "sgd", "rmsprop"};
  for (int i = 0; i < 24; i++) {
    int64_t trial, n;
    double x, lr;
    size_t c;
    CHECK(hone_study_ask(&trial, study));
    CHECK(hone_trial_suggest_float(&x, study, trial, "x", -5.0, 10.0, finite ? 2.5 : 0, false));
    if (finite)
      CHECK(hone_trial_suggest_float(&lr, study, trial, "lr", 0.02, 0.1, 0.02, false));
    else
      CHECK(hone_trial_suggest_float(&lr, study, trial, "lr", 1e-5, 1e-1, 0, true));
    CHECK(hone_trial_suggest_int(&n, study, trial, "n", 1, 9, 2, false));
    CHECK(hone_trial_suggest_categorical(&c, study, trial, "opt", choices, 3));
    double value = x * x + log(lr) + (double)n + (double)c;
    if (finite && c == 1) {
      double momentum;
      CHECK(hone_trial_suggest_float(&momentum, study, trial, "momentum", 0.0, 0.9, 0.3, false));
      value += momentum;
    }
    CHECK(hone_study_tell(NULL, study, trial, &value, 1, HONE_TRIAL_COMPLETE));
    char *params = NULL;
    CHECK(hone_trial_params_json(&params, study, trial));
    printf("%s\n", params);
    hone_free(params);
  }
  hone_study_destroy(study);
  return 0;
}
