#ifndef HONE_CLAPACKE_SHIM_H
#define HONE_CLAPACKE_SHIM_H

// Complex arguments as plain structs: Swift cannot import C99 _Complex, and
// Hone only calls the real (d/s) routines.
#ifndef LAPACK_COMPLEX_STRUCTURE
#define LAPACK_COMPLEX_STRUCTURE
#endif
#include <lapacke.h>

#endif
