/* Shared pieces of the libFuzzer harnesses: a cursor over the input bytes, the
 * input as a C string, and the checks every harness makes on every call. */
#ifndef HONE_FUZZ_COMMON_H
#define HONE_FUZZ_COMMON_H

#include "hone.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A failed check stops the run: libFuzzer reports the abort as a crash and
 * saves the input that caused it. */
#define FUZZ_CHECK(cond, ...)                                              \
  do {                                                                     \
    if (!(cond)) {                                                         \
      fprintf(stderr, "%s:%d: invariant violated: %s: ", __FILE__,         \
              __LINE__, #cond);                                            \
      fprintf(stderr, __VA_ARGS__);                                        \
      fprintf(stderr, " (last error: %s)\n", hone_last_error());           \
      abort();                                                             \
    }                                                                      \
  } while (0)

/* HONE_INTERNAL is documented as a bug in Hone, so no input may produce it. */
static inline hone_status fuzz_status(hone_status s, const char *call) {
  FUZZ_CHECK(s != HONE_INTERNAL, "%s returned HONE_INTERNAL", call);
  FUZZ_CHECK((unsigned)s <= HONE_INTERNAL, "%s returned unknown status %d", call, (int)s);
  if (s != HONE_OK) {
    /* Every failure explains itself. */
    const char *e = hone_last_error();
    FUZZ_CHECK(e != NULL && e[0] != '\0', "%s failed (%d) without a message", call, (int)s);
  }
  return s;
}
#define CALL(expr) fuzz_status((expr), #expr)

/* The input bytes as a NUL-terminated string (cut at the first NUL, as C sees it). */
static inline char *fuzz_cstring(const uint8_t *data, size_t size) {
  char *s = (char *)malloc(size + 1);
  if (s == NULL) abort();
  memcpy(s, data, size);
  s[size] = '\0';
  return s;
}

/* Reads the input front to back; past the end every read gives zero. */
typedef struct fuzz_cursor {
  const uint8_t *data;
  size_t size;
  size_t pos;
} fuzz_cursor;

static inline int fuzz_more(const fuzz_cursor *c) { return c->pos < c->size; }

static inline uint8_t fuzz_u8(fuzz_cursor *c) {
  return c->pos < c->size ? c->data[c->pos++] : 0;
}

static inline uint64_t fuzz_u64(fuzz_cursor *c) {
  uint64_t v = 0;
  for (int i = 0; i < 8; i++) v = (v << 8) | fuzz_u8(c);
  return v;
}

static inline int fuzz_bool(fuzz_cursor *c) { return fuzz_u8(c) & 1; }

/* Up to max bytes of the input as a fresh NUL-terminated string (freed by the caller). */
static inline char *fuzz_take_string(fuzz_cursor *c, size_t max) {
  size_t n = fuzz_u8(c);
  if (n > max) n = max;
  if (n > c->size - c->pos) n = c->size - c->pos;
  char *s = fuzz_cstring(c->data + c->pos, n);
  c->pos += n;
  return s;
}

/* Splits the input at its first NUL byte: `first` is the text before it and
 * `second` the text after it (NULL when there is no NUL). Both are freed by the caller. */
static inline void fuzz_split(const uint8_t *data, size_t size, char **first, char **second) {
  const uint8_t *nul = (const uint8_t *)memchr(data, 0, size);
  if (nul == NULL) {
    *first = fuzz_cstring(data, size);
    *second = NULL;
    return;
  }
  size_t n = (size_t)(nul - data);
  *first = fuzz_cstring(data, n);
  *second = fuzz_cstring(nul + 1, size - n - 1);
}

/* The trials of a study as JSON, for comparing a study before and after a call. */
static inline char *fuzz_snapshot(hone_study *study) {
  char *json = NULL;
  hone_status s = CALL(hone_study_trials_json(&json, study));
  FUZZ_CHECK(s == HONE_OK && json != NULL, "cannot export the trials");
  return json;
}

static inline size_t fuzz_n_trials(hone_study *study) {
  size_t n = 0;
  hone_status s = CALL(hone_study_n_trials(&n, study));
  FUZZ_CHECK(s == HONE_OK, "cannot count the trials");
  return n;
}

/* Whether a JSON text holds a \u escape of an ASCII letter: such an escape
 * could spell a key the harness looks for, so the harnesses that screen keys
 * by their text skip those inputs. */
static inline int fuzz_escapes_letter(const char *text) {
  for (const char *p = text; (p = strstr(p, "\\u")) != NULL; p += 2) {
    unsigned v = 0;
    int ok = 1;
    for (int i = 2; i < 6 && ok; i++) {
      char h = p[i];
      if (h >= '0' && h <= '9') v = v * 16 + (unsigned)(h - '0');
      else if (h >= 'a' && h <= 'f') v = v * 16 + (unsigned)(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F') v = v * 16 + (unsigned)(h - 'A' + 10);
      else ok = 0;
    }
    if (ok && ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z'))) return 1;
  }
  return 0;
}

/* Whether a JSON text could name a storage other than memory: such inputs would
 * create SQLite files anywhere (absolute paths included) or dial PostgreSQL, so
 * the option harnesses leave storage URLs out. */
static inline int fuzz_mentions_storage(const char *text) {
  return strstr(text, "storage") != NULL || fuzz_escapes_letter(text);
}

#endif
