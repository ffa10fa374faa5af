/* hone_blas_info and the kernel choice: the first GEMM loads OpenBLAS with the
 * kernel the reported CPU features call for and leaves the environment as it
 * was; a user's OPENBLAS_CORETYPE wins; an OpenBLAS loaded before Hone keeps
 * its kernel. The expectation is derived from the features Hone reports, so
 * the test holds on any CPU.
 *
 *   blas_info auto       no OPENBLAS_CORETYPE in the environment
 *   blas_info user K     run with OPENBLAS_CORETYPE=K
 *   blas_info preloaded  the host dlopens libopenblas.so.0 before Hone */
#define _POSIX_C_SOURCE 200809L
#include "hone.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int failures = 0;

#define CHECK(cond)                                                                                      \
  do {                                                                                                   \
    if (!(cond)) {                                                                                       \
      fprintf(stderr, "%s:%d: CHECK failed: %s (last error: %s)\n", __FILE__, __LINE__, #cond,         \
              hone_last_error());                                                                        \
      failures++;                                                                                        \
    }                                                                                                    \
  } while (0)

/* The raw text of the value under "key" (its first occurrence; the keys of
 * hone_blas_info are unique), copied into buf: a string without its quotes, or
 * a literal (null, true, 4, ...). 0 when absent. */
static int value(const char *json, const char *key, char *buf, size_t size) {
  char pattern[64];
  const char *p, *end;
  size_t n;
  snprintf(pattern, sizeof pattern, "\"%s\":", key);
  p = strstr(json, pattern);
  if (!p) return 0;
  p += strlen(pattern);
  p += strspn(p, " ");
  if (*p == '"') {
    p++;
    end = strchr(p, '"');
  } else {
    end = p + strcspn(p, ",}");
  }
  if (!end) return 0;
  n = (size_t)(end - p);
  if (n >= size) n = size - 1;
  memcpy(buf, p, n);
  buf[n] = '\0';
  return 1;
}

/* Whether the "features" array lists `name`. */
static int has_feature(const char *json, const char *name) {
  char quoted[40];
  const char *start = strstr(json, "\"features\":"), *end;
  if (!start) return 0;
  end = strchr(start, ']');
  snprintf(quoted, sizeof quoted, "\"%s\"", name);
  start = strstr(start, quoted);
  return start && end && start < end;
}

/* The kernel Hone should request for the reported features, or NULL for none. */
static const char *expected_kernel(const char *json) {
  char vendor[32] = "", os_avx[8] = "", os_avx512[8] = "";
  CHECK(value(json, "vendor", vendor, sizeof vendor));
  CHECK(value(json, "os_avx_state", os_avx, sizeof os_avx));
  CHECK(value(json, "os_avx512_state", os_avx512, sizeof os_avx512));
  int avx2 = !strcmp(os_avx, "true") && has_feature(json, "avx") && has_feature(json, "avx2") &&
             has_feature(json, "fma");
  if (avx2 && !strcmp(os_avx512, "true") && has_feature(json, "avx512f") && has_feature(json, "avx512cd") &&
      has_feature(json, "avx512bw") && has_feature(json, "avx512dq") && has_feature(json, "avx512vl"))
    return has_feature(json, "avx512_bf16") ? "Cooperlake" : "SkylakeX";
  if (avx2) return !strcmp(vendor, "AuthenticAMD") || !strcmp(vendor, "HygonGenuine") ? "Zen" : "Haswell";
  return NULL;
}

/* Trains a one-layer MLP for one epoch: its GEMMs are the first BLAS calls. */
static void first_gemm(void) {
  static const float x[8] = {0, 0, 0, 1, 1, 0, 1, 1};
  static const double y[4] = {0, 1, 1, 0};
  static const hone_array xa = {x, HONE_FLOAT32, 4, 2}, ya = {y, HONE_FLOAT64, 4, 1};
  hone_mlp *m = NULL;
  CHECK(hone_mlp_train(&m, NULL, &xa, &ya, NULL, NULL,
                       "{\"task\": \"binary\", \"hidden_layers\": [4], \"epochs\": 1, \"seed\": 1}", NULL,
                       -1) == HONE_OK);
  hone_mlp_destroy(m);
}

static const char *const KEYS[] = {"library", "lapacke", "lapacke_error", "version", "config", "kernel",
                                   "kernel_source", "requested_kernel", "requested_kernel_took", "threads",
                                   "cpu", "vendor", "features", "os_avx_state", "os_avx512_state"};

int main(int argc, char **argv) {
  const char *mode = argc > 1 ? argv[1] : "auto";
  char *json = (char *)"untouched", kernel[64] = "", source[32] = "", requested[64] = "", took[8] = "",
       threads[16] = "", library[512] = "";
  size_t i;
  void *preloaded = NULL;

  if (!strcmp(mode, "preloaded")) {
    preloaded = dlopen("libopenblas.so.0", RTLD_NOW);
    CHECK(preloaded != NULL);
  }
  first_gemm();
  if (!strcmp(mode, "user")) {
    /* The user's value is theirs: Hone neither changes nor removes it. */
    CHECK(argc > 2 && getenv("OPENBLAS_CORETYPE") && !strcmp(getenv("OPENBLAS_CORETYPE"), argv[2]));
  } else {
    CHECK(getenv("OPENBLAS_CORETYPE") == NULL);
  }

  CHECK(hone_blas_info(NULL) == HONE_INVALID_ARGUMENT);
  CHECK(hone_blas_info(&json) == HONE_OK);
  CHECK(json != NULL && json[0] == '{' && json[strlen(json) - 1] == '}');
  for (i = 0; i < sizeof KEYS / sizeof KEYS[0]; i++) {
    char quoted[40];
    snprintf(quoted, sizeof quoted, "\"%s\":", KEYS[i]);
    if (!strstr(json, quoted)) {
      fprintf(stderr, "missing key %s in %s\n", KEYS[i], json);
      failures++;
    }
  }
  CHECK(value(json, "kernel", kernel, sizeof kernel) && kernel[0] != '\0');
  CHECK(value(json, "kernel_source", source, sizeof source));
  CHECK(value(json, "requested_kernel", requested, sizeof requested));
  CHECK(value(json, "requested_kernel_took", took, sizeof took));
  CHECK(value(json, "threads", threads, sizeof threads) && atoi(threads) >= 1);
  CHECK(value(json, "library", library, sizeof library) && strstr(library, "openblas") != NULL);

  if (!strcmp(mode, "auto")) {
    const char *want = expected_kernel(json);
    if (want) {
      CHECK(!strcmp(source, "hone"));
      CHECK(!strcmp(requested, want));
      CHECK(!strcasecmp(kernel, want));
      CHECK(!strcmp(took, "true"));
    } else {
      CHECK(!strcmp(source, "openblas"));
      CHECK(!strcmp(requested, "null") && !strcmp(took, "null"));
    }
  } else if (!strcmp(mode, "user")) {
    CHECK(!strcmp(source, "user"));
    CHECK(argc > 2 && !strcmp(requested, argv[2]) && !strcasecmp(kernel, argv[2]));
    CHECK(!strcmp(took, "true"));
  } else {
    char *(*corename)(void) = NULL;
    CHECK(!strcmp(source, "preloaded"));
    CHECK(!strcmp(requested, "null") && !strcmp(took, "null"));
    /* Hone reports the host's copy and the kernel that copy chose. */
    if (preloaded) *(void **)&corename = dlsym(preloaded, "openblas_get_corename");
    CHECK(corename != NULL && !strcmp(kernel, corename()));
  }
  printf("blas_info %s: %s\n", mode, json);
  hone_free(json);
  if (preloaded) dlclose(preloaded);
  if (failures) fprintf(stderr, "%d failure(s)\n", failures);
  return failures ? 1 : 0;
}
