#ifndef HONE_CLAPACKE_SHIM_H
#define HONE_CLAPACKE_SHIM_H

// Complex arguments as plain structs: Swift cannot import C99 _Complex, and
// Hone only calls the real (d/s) routines.
#ifndef LAPACK_COMPLEX_STRUCTURE
#define LAPACK_COMPLEX_STRUCTURE
#endif
#include <lapacke.h>

// The types of the entry points Hone resolves with dlsym from liblapacke,
// which it opens at run time after OpenBLAS (Sources/HoneNumerics/Linalg/BLASLibrary.swift).
typedef __typeof__(LAPACKE_dpotrf_work) *hone_lapacke_dpotrf_work_fn;
typedef __typeof__(LAPACKE_dpotrs_work) *hone_lapacke_dpotrs_work_fn;
typedef __typeof__(LAPACKE_dpotri_work) *hone_lapacke_dpotri_work_fn;
typedef __typeof__(LAPACKE_dlauum_work) *hone_lapacke_dlauum_work_fn;
typedef __typeof__(LAPACKE_dsyevd) *hone_lapacke_dsyevd_fn;

#endif
