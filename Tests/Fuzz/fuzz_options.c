/* Study options JSON: hone_study_create, and hone_study_load's options, on
 * arbitrary bytes. Whatever is created is described and destroyed; a failed
 * call must leave the out-parameter untouched.
 *
 * The same bytes are a component spec for hone_options_normalize, of each
 * kind: a spec it accepts comes back as text that it accepts again unchanged,
 * and a normalized distribution, sampler or pruner creates a study.
 *
 * Inputs that could name a storage are skipped (see fuzz_mentions_storage):
 * the load half reads one SQLite study created once in a private directory. */
#define _GNU_SOURCE
#include "fuzz_common.h"

#include <unistd.h>

static char storage_url[512];
static char db_dir[256];

static void remove_storage(void) {
  char path[512];
  const char *suffixes[] = {"", "-wal", "-shm", "-journal"};
  for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
    snprintf(path, sizeof path, "%s/s.db%s", db_dir, suffixes[i]);
    unlink(path);
  }
  rmdir(db_dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  const char *tmp = getenv("TMPDIR");
  snprintf(db_dir, sizeof db_dir, "%s/hone-fuzz-options-XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (mkdtemp(db_dir) == NULL) abort();
  atexit(remove_storage);
  snprintf(storage_url, sizeof storage_url, "sqlite:///%s/s.db", db_dir);
  char options[1024];
  snprintf(options, sizeof options, "{\"name\": \"s\", \"storage\": \"%s\"}", storage_url);
  hone_study *study = NULL;
  if (hone_study_create(&study, options) != HONE_OK) {
    fprintf(stderr, "cannot create the SQLite study: %s\n", hone_last_error());
    abort();
  }
  hone_study_destroy(study);
  return 0;
}

static void describe(hone_study *study) {
  char *info = NULL;
  CALL(hone_study_info_json(&info, study));
  hone_free(info);
  size_t n = fuzz_n_trials(study);
  FUZZ_CHECK(n == 0, "a new study has %zu trials", n);
}

/* hone_options_normalize of `spec` as `kind`; checks the invariants above. */
static void normalize(const char *kind, const char *spec) {
  char *const sentinel = (char *)(uintptr_t)0x5a5a5a5a0;
  char *out = sentinel;
  if (CALL(hone_options_normalize(&out, kind, spec)) != HONE_OK) {
    FUZZ_CHECK(out == sentinel, "a failed normalize of a %s wrote its out-parameter", kind);
    return;
  }
  FUZZ_CHECK(out != NULL && out != sentinel, "normalize of a %s succeeded without a result", kind);
  char *again = NULL;
  FUZZ_CHECK(CALL(hone_options_normalize(&again, kind, out)) == HONE_OK, "a normalized %s is refused: %s", kind, out);
  FUZZ_CHECK(strcmp(out, again) == 0, "normalizing a %s twice changed it: %s then %s", kind, out, again);
  hone_free(again);
  const char *wrap = strcmp(kind, "distribution") == 0 ? "{\"search_space\": {\"x\": %s}}"
                     : strcmp(kind, "sampler") == 0    ? "{\"sampler\": %s}"
                     : strcmp(kind, "pruner") == 0     ? "{\"pruner\": %s}"
                                                       : NULL;
  if (wrap != NULL) {
    char *options = NULL;
    if (asprintf(&options, wrap, out) < 0) abort();
    hone_study *study = NULL;
    FUZZ_CHECK(CALL(hone_study_create(&study, options)) == HONE_OK, "a normalized %s makes no study: %s", kind, out);
    hone_study_destroy(study);
    free(options);
  }
  hone_free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *options = fuzz_cstring(data, size);
  if (fuzz_mentions_storage(options)) {
    free(options);
    return -1; /* not added to the corpus */
  }
  hone_study *const sentinel = (hone_study *)(uintptr_t)0x5a5a5a5a0;
  hone_study *study = sentinel;
  if (CALL(hone_study_create(&study, options)) == HONE_OK) {
    FUZZ_CHECK(study != NULL && study != sentinel, "create succeeded without a handle");
    describe(study);
    hone_study_destroy(study);
  } else {
    FUZZ_CHECK(study == sentinel, "a failed create wrote its out-parameter");
  }
  study = sentinel;
  if (CALL(hone_study_load(&study, storage_url, "s", options)) == HONE_OK) {
    FUZZ_CHECK(study != NULL && study != sentinel, "load succeeded without a handle");
    describe(study);
    hone_study_destroy(study);
  } else {
    FUZZ_CHECK(study == sentinel, "a failed load wrote its out-parameter");
  }
  const char *kinds[] = {"distribution", "sampler", "pruner", "mlp"};
  for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) normalize(kinds[i], options);
  free(options);
  return 0;
}
