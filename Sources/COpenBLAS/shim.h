#ifndef HONE_COPENBLAS_SHIM_H
#define HONE_COPENBLAS_SHIM_H

// OpenBLAS's cblas.h: the CBLAS interface plus openblas_set_num_threads and
// openblas_get_num_threads. pkg-config "openblas" puts the flavour's include
// directory (e.g. openblas-pthread) first on the search path.
#include <cblas.h>

#endif
