/* One study shared by 8 threads, each running 200 ask/suggest/report/tell cycles
 * while a ninth thread reads results. It must end with 1,600 distinct COMPLETE
 * trials. Run under ThreadSanitizer by scripts/test-c.sh. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hone.h"

#define THREADS 8
#define CYCLES 200

static hone_study *study;
static int64_t numbers[THREADS][CYCLES];
static int writers_done; /* accessed atomically */
static int errors;
static pthread_mutex_t errors_lock = PTHREAD_MUTEX_INITIALIZER;

static void fail(const char *what, hone_status s) {
  pthread_mutex_lock(&errors_lock);
  if (errors++ < 10) fprintf(stderr, "%s: %s: %s\n", what, hone_status_string(s), hone_last_error());
  pthread_mutex_unlock(&errors_lock);
}

#define TRY(call)                     \
  do {                                \
    hone_status s_ = (call);          \
    if (s_ != HONE_OK) {              \
      fail(#call, s_);                \
      return NULL;                    \
    }                                 \
  } while (0)

static void *worker(void *arg) {
  int id = (int)(intptr_t)arg;
  const char *choices[] = {"adam", "sgd"};
  for (int i = 0; i < CYCLES; i++) {
    int64_t t, n;
    double x, y;
    size_t c;
    bool prune;
    TRY(hone_study_ask(&t, study));
    TRY(hone_trial_suggest_float(&x, study, t, "x", -1.0, 1.0, 0, false));
    TRY(hone_trial_suggest_float(&y, study, t, "y", 1e-3, 1.0, 0, true));
    TRY(hone_trial_suggest_int(&n, study, t, "n", 0, 10, 1, false));
    TRY(hone_trial_suggest_categorical(&c, study, t, "opt", choices, 2));
    TRY(hone_trial_report(study, t, 0, x * x));
    TRY(hone_trial_should_prune(&prune, study, t));
    TRY(hone_trial_set_user_attr(study, t, "worker", id % 2 ? "\"odd\"" : "\"even\""));
    double value = x * x + y + (double)n + (double)c;
    hone_trial_state state;
    TRY(hone_study_tell(&state, study, t, &value, 1, HONE_TRIAL_COMPLETE));
    if (state != HONE_TRIAL_COMPLETE) fail("state after tell", HONE_INTERNAL);
    numbers[id][i] = t;
  }
  return NULL;
}

static void *reader(void *arg) {
  (void)arg;
  while (!__atomic_load_n(&writers_done, __ATOMIC_SEQ_CST)) {
    size_t n;
    double best;
    char *json = NULL;
    TRY(hone_study_n_trials(&n, study));
    hone_status s = hone_study_best_value(&best, study);
    if (s != HONE_OK && s != HONE_NOT_FOUND) fail("best_value", s);
    TRY(hone_study_best_trials_json(&json, study));
    hone_free(json);
  }
  return NULL;
}

static int compare(const void *a, const void *b) {
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
  return (x > y) - (x < y);
}

int main(void) {
  if (hone_study_create(&study, "{\"sampler\": {\"type\": \"random\", \"seed\": 5}}") != HONE_OK) {
    fprintf(stderr, "create: %s\n", hone_last_error());
    return 1;
  }
  pthread_t threads[THREADS], read_thread;
  pthread_create(&read_thread, NULL, reader, NULL);
  for (int i = 0; i < THREADS; i++) pthread_create(&threads[i], NULL, worker, (void *)(intptr_t)i);
  for (int i = 0; i < THREADS; i++) pthread_join(threads[i], NULL);
  __atomic_store_n(&writers_done, 1, __ATOMIC_SEQ_CST);
  pthread_join(read_thread, NULL);

  int64_t *all = malloc(sizeof(int64_t) * THREADS * CYCLES);
  memcpy(all, numbers, sizeof numbers);
  qsort(all, THREADS * CYCLES, sizeof(int64_t), compare);
  int distinct = 1;
  for (int i = 1; i < THREADS * CYCLES; i++) distinct &= all[i] == all[i - 1] + 1;
  distinct &= all[0] == 0;
  free(all);

  size_t n = 0;
  char *json = NULL;
  hone_study_n_trials(&n, study);
  hone_study_trials_json(&json, study);
  size_t complete = 0;
  for (const char *p = json; p && (p = strstr(p, "\"state\":\"COMPLETE\"")); p++) complete++;
  hone_free(json);
  hone_study_destroy(study);

  int ok = errors == 0 && distinct && n == THREADS * CYCLES && complete == THREADS * CYCLES;
  printf("threads: %d threads x %d cycles: %zu trials, %zu COMPLETE, numbers %s, %d errors: %s\n", THREADS,
         CYCLES, n, complete, distinct ? "0..1599 each once" : "NOT distinct", errors, ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
