#ifndef HONE_CLIBPQ_SHIM_H
#define HONE_CLIBPQ_SHIM_H

// libpq, PostgreSQL's client library. pkg-config "libpq" puts its include
// directory (/usr/include/postgresql on Debian) on the search path.
#include <libpq-fe.h>

#endif
