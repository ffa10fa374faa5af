#ifndef HONE_COPENBLAS_SHIM_H
#define HONE_COPENBLAS_SHIM_H

// OpenBLAS's cblas.h, for its types and prototypes only: libhone does not link
// OpenBLAS but opens it at run time (Sources/HoneNumerics/Linalg/BLASLibrary.swift), so
// it can choose the kernel before OpenBLAS's constructor runs. Debian's
// alternatives point <x86_64-linux-gnu/cblas.h> at the installed flavour's
// (e.g. openblas-pthread) header, which declares the openblas_* functions too.
#include <cblas.h>

// The types of the entry points Hone resolves with dlsym, taken from the
// prototypes above so that a pointer's type always matches the header.
typedef __typeof__(cblas_sgemm) *hone_cblas_sgemm_fn;
typedef __typeof__(cblas_dgemm) *hone_cblas_dgemm_fn;
typedef __typeof__(cblas_dgemv) *hone_cblas_dgemv_fn;
typedef __typeof__(cblas_dsyrk) *hone_cblas_dsyrk_fn;
typedef __typeof__(cblas_dtrsm) *hone_cblas_dtrsm_fn;
typedef __typeof__(cblas_dtrmm) *hone_cblas_dtrmm_fn;
typedef __typeof__(openblas_set_num_threads) *hone_openblas_set_num_threads_fn;
typedef __typeof__(openblas_get_num_threads) *hone_openblas_get_num_threads_fn;
typedef __typeof__(openblas_get_config) *hone_openblas_get_config_fn;
typedef __typeof__(openblas_get_corename) *hone_openblas_get_corename_fn;

#if defined(__linux__)
// glibc's dladdr, which names the file a loaded symbol comes from. Swift's
// Glibc module is built without _GNU_SOURCE and so hides it and Dl_info; this
// declares the same function and structure (glibc's stable ABI) under other
// names, bound to the real symbol by the asm label.
typedef struct {
  const char *dli_fname;
  void *dli_fbase;
  const char *dli_sname;
  void *dli_saddr;
} hone_dl_info;
extern int hone_dladdr(const void *address, hone_dl_info *info) __asm__("dladdr");
#endif

#endif
