/* Storage handles and shared in-memory storages: hone_storage_open and
 * hone_storage_close, with hone_study_create, hone_study_load,
 * hone_study_delete and hone_storage_list_studies on the same URL.
 *
 * Input: a URL tail, NUL, a study name. The URL is "memory" followed by the
 * tail, so it is "memory", a "memory://NAME" or a URL that fails to parse:
 * never a file or a server. Invariants, besides fuzz_common.h's:
 * - a failed open leaves its out-parameter untouched; a successful one gives a handle;
 * - while a storage handle holds memory://NAME, a study created there is found
 *   by hone_study_load through the URL, after its creating handle is destroyed;
 * - a study in "memory" (private) is never found again;
 * - once the storage handle is closed and no study holds it, the storage lists no study. */
#define _GNU_SOURCE
#include "fuzz_common.h"

/* `text` as a JSON string literal (freed by the caller). */
static char *json_string(const char *text) {
  size_t n = strlen(text);
  char *out = (char *)malloc(n * 6 + 3);
  if (out == NULL) abort();
  char *p = out;
  *p++ = '"';
  for (const unsigned char *s = (const unsigned char *)text; *s; s++) {
    if (*s == '"' || *s == '\\') {
      *p++ = '\\';
      *p++ = (char)*s;
    } else if (*s < 0x20) {
      p += sprintf(p, "\\u%04x", *s);
    } else {
      *p++ = (char)*s;
    }
  }
  *p++ = '"';
  *p = '\0';
  return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *tail = NULL, *name = NULL;
  fuzz_split(data, size, &tail, &name);
  if (name == NULL) name = strdup("s");
  if (name == NULL) abort();
  for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
    if (*p >= 0x80) { /* names that may not be UTF-8 fail before any storage is reached */
      free(tail);
      free(name);
      return -1;
    }
  }
  char *url = (char *)malloc(strlen(tail) + 7);
  if (url == NULL) abort();
  strcpy(url, "memory");
  strcat(url, tail);
  int shared = strncmp(url, "memory://", 9) == 0;

  hone_storage *const sentinel = (hone_storage *)(uintptr_t)0x5a5a5a5a0;
  hone_storage *storage = sentinel;
  if (CALL(hone_storage_open(&storage, url)) != HONE_OK) {
    FUZZ_CHECK(storage == sentinel, "a failed open wrote its out-parameter");
    char *refused = NULL;
    FUZZ_CHECK(CALL(hone_storage_list_studies(&refused, url)) != HONE_OK, "a URL that open refuses is listed");
    FUZZ_CHECK(refused == NULL, "a failed listing wrote its out-parameter");
    goto done;
  }
  FUZZ_CHECK(storage != NULL && storage != sentinel, "open succeeded without a handle");

  char *quoted_url = json_string(url), *quoted_name = json_string(name);
  char *options = (char *)malloc(strlen(quoted_url) + strlen(quoted_name) + 64);
  if (options == NULL) abort();
  sprintf(options, "{\"name\": %s, \"storage\": %s}", quoted_name, quoted_url);
  hone_study *study = NULL;
  if (CALL(hone_study_create(&study, options)) == HONE_OK) {
    hone_study_destroy(study);
    hone_study *loaded = NULL;
    hone_status s = CALL(hone_study_load(&loaded, url, name, NULL));
    if (shared) {
      FUZZ_CHECK(s == HONE_OK, "the held storage %s lost study '%s'", url, name);
      hone_study_destroy(loaded);
      FUZZ_CHECK(CALL(hone_study_delete(url, name)) == HONE_OK, "cannot delete '%s' from %s", name, url);
      FUZZ_CHECK(CALL(hone_study_load(&loaded, url, name, NULL)) == HONE_NOT_FOUND, "a deleted study loads");
    } else {
      FUZZ_CHECK(s == HONE_NOT_FOUND, "a private storage's study was found again (%d)", (int)s);
    }
  }
  free(options);
  free(quoted_url);
  free(quoted_name);
  hone_storage_close(storage);
  hone_storage_close(NULL);

  char *list = NULL;
  FUZZ_CHECK(CALL(hone_storage_list_studies(&list, url)) == HONE_OK, "cannot list %s", url);
  FUZZ_CHECK(strcmp(list, "[]") == 0, "a storage nothing holds lists %s", list);
  hone_free(list);
done:
  free(url);
  free(tail);
  free(name);
  return 0;
}
