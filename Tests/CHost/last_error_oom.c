/* hone_last_error when the message cannot be copied: the library keeps a thread's
 * last error in a heap copy made with strdup. This test interposes strdup, makes
 * it fail for one call, and checks that the failed call still reports a reason
 * (the static out-of-memory text), that the next failure reports its own, and
 * that nothing is freed that was not allocated (valgrind runs this too). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hone.h"

static int fail_strdup;

char *strdup(const char *s) {
  if (fail_strdup) return NULL;
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

int main(void) {
  int failed = 0;
  int64_t trial;
  if (hone_study_ask(&trial, NULL) != HONE_INVALID_ARGUMENT || strstr(hone_last_error(), "NULL") == NULL) {
    printf("FAIL  a plain failure reports its reason: %s\n", hone_last_error());
    failed++;
  }
  fail_strdup = 1;
  hone_status s = hone_study_ask(&trial, NULL);
  fail_strdup = 0;
  if (s != HONE_INVALID_ARGUMENT || strstr(hone_last_error(), "out of memory") == NULL) {
    printf("FAIL  an uncopyable message becomes the static out-of-memory text: %s\n", hone_last_error());
    failed++;
  }
  /* Replacing the static text must not free it. */
  if (hone_study_create(NULL, "{}") != HONE_INVALID_ARGUMENT || strstr(hone_last_error(), "out is NULL") == NULL) {
    printf("FAIL  the next failure reports its own reason: %s\n", hone_last_error());
    failed++;
  }
  printf("last_error_oom: %d passed, %d failed\n", 3 - failed, failed);
  return failed ? 1 : 0;
}
