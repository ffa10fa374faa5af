/* A shared in-memory storage from C: 8 threads open "memory://shared" at once,
 * each creates a study there and tells one trial; every study is then found
 * through the URL while a hone_storage handle holds the storage, and none once
 * the last holder is gone. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hone.h"

#define THREADS 8
#define URL "memory://shared"

static hone_storage *handles[THREADS];
static int failures[THREADS];

static int check(hone_status s, const char *what) {
  if (s != HONE_OK) fprintf(stderr, "%s: %s: %s\n", what, hone_status_string(s), hone_last_error());
  return s == HONE_OK;
}

static void *worker(void *arg) {
  int id = (int)(intptr_t)arg;
  char options[128];
  snprintf(options, sizeof options, "{\"name\": \"w%d\", \"storage\": \"" URL "\"}", id);
  hone_study *study = NULL;
  int64_t trial = 0;
  int ok = check(hone_storage_open(&handles[id], URL), "hone_storage_open") &&
           check(hone_study_create(&study, options), "hone_study_create") &&
           check(hone_study_ask(&trial, study), "hone_study_ask") &&
           check(hone_study_tell(NULL, study, trial, (double[]){1.0}, 1, HONE_TRIAL_COMPLETE), "hone_study_tell");
  hone_study_destroy(study);
  failures[id] = !ok;
  return NULL;
}

int main(void) {
  pthread_t threads[THREADS];
  for (int i = 0; i < THREADS; i++) pthread_create(&threads[i], NULL, worker, (void *)(intptr_t)i);
  for (int i = 0; i < THREADS; i++) pthread_join(threads[i], NULL);
  int failed = 0;
  for (int i = 0; i < THREADS; i++) failed += failures[i];
  if (failed) return 1;

  for (int i = 0; i < THREADS; i++) {
    char name[16];
    snprintf(name, sizeof name, "w%d", i);
    hone_study *loaded = NULL;
    size_t n = 0;
    if (!check(hone_study_load(&loaded, URL, name, NULL), "hone_study_load") ||
        !check(hone_study_n_trials(&n, loaded), "hone_study_n_trials") || n != 1) {
      fprintf(stderr, "study %s: %zu trials, expected 1\n", name, n);
      return 1;
    }
    hone_study_destroy(loaded);
  }
  /* Closing all but one keeps the storage; closing the last frees it. */
  for (int i = 1; i < THREADS; i++) hone_storage_close(handles[i]);
  char *list = NULL;
  if (!check(hone_storage_list_studies(&list, URL), "hone_storage_list_studies")) return 1;
  int all = strstr(list, "\"w0\"") != NULL && strstr(list, "\"w7\"") != NULL;
  hone_free(list);
  if (!all) {
    fprintf(stderr, "a study is missing while one handle holds the storage\n");
    return 1;
  }
  hone_storage_close(handles[0]);
  hone_storage_close(NULL);
  if (!check(hone_storage_list_studies(&list, URL), "hone_storage_list_studies")) return 1;
  int empty = strcmp(list, "[]") == 0;
  if (!empty) fprintf(stderr, "the storage outlived its last holder: %s\n", list);
  hone_free(list);
  hone_study *gone = NULL;
  if (hone_study_load(&gone, URL, "w0", NULL) != HONE_NOT_FOUND) {
    fprintf(stderr, "a study of a freed storage still loads\n");
    return 1;
  }
  printf("shared in-memory storage: %d threads, ok\n", THREADS);
  return empty ? 0 : 1;
}
