#ifndef HONE_CSQLITE_SHIM_H
#define HONE_CSQLITE_SHIM_H

// The system SQLite (libsqlite3-dev): the SQLite storage backend's only C dependency.
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro Swift cannot import: it tells SQLite to copy bound text.
static inline void (*hone_sqlite_transient(void))(void *) { return SQLITE_TRANSIENT; }

#endif
