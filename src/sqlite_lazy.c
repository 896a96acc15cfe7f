/*
 * sqlite_lazy: SQLite, loaded the first time the store is opened.
 *
 * Only the reader and --reload, --import-opml, --export-opml use the
 * store; --dump and --parse-feed never do, and loading libsqlite3 costs
 * each of them about a million instructions of dynamic linking, a fifth
 * of a --dump process's start-up.  So byline does not link libsqlite3:
 * this file defines the SQLite functions byline calls, and the first
 * call dlopen()s libsqlite3.so.0 and forwards.  Callers use the
 * ordinary SQLite API.
 *
 * When the library cannot be loaded, sqlite3_open_v2() fails with
 * SQLITE_CANTOPEN and a NULL handle, sqlite3_errmsg() says why, and the
 * other functions return SQLITE_MISUSE (or 0 / NULL) as SQLite does
 * for a NULL handle.  A SQLite function that is not defined here fails
 * to link, which is the reminder to add it.
 */
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>

#include <sqlite3.h>

/* The library's name: the SONAME of Debian's libsqlite3-0. */
#define SQLITE_LAZY_SONAME	"libsqlite3.so.0"

static struct {
	int	 tried, ok;
	void	*dl;
	char	 why[256];
	int	 (*bind_int)(sqlite3_stmt *, int, int);
	int	 (*bind_int64)(sqlite3_stmt *, int, sqlite3_int64);
	int	 (*bind_null)(sqlite3_stmt *, int);
	int	 (*bind_parameter_count)(sqlite3_stmt *);
	int	 (*bind_text)(sqlite3_stmt *, int, const char *, int,
		    void (*)(void *));
	int	 (*busy_timeout)(sqlite3 *, int);
	int	 (*changes)(sqlite3 *);
	int	 (*clear_bindings)(sqlite3_stmt *);
	int	 (*close)(sqlite3 *);
	int	 (*column_bytes)(sqlite3_stmt *, int);
	int	 (*column_int)(sqlite3_stmt *, int);
	sqlite3_int64 (*column_int64)(sqlite3_stmt *, int);
	const unsigned char *(*column_text)(sqlite3_stmt *, int);
	int	 (*column_type)(sqlite3_stmt *, int);
	int	 (*create_function_v2)(sqlite3 *, const char *, int, int,
		    void *, void (*)(sqlite3_context *, int, sqlite3_value **),
		    void (*)(sqlite3_context *, int, sqlite3_value **),
		    void (*)(sqlite3_context *), void (*)(void *));
	int	 (*errcode)(sqlite3 *);
	const char *(*errmsg)(sqlite3 *);
	int	 (*exec)(sqlite3 *, const char *,
		    int (*)(void *, int, char **, char **), void *, char **);
	int	 (*extended_result_codes)(sqlite3 *, int);
	int	 (*finalize)(sqlite3_stmt *);
	void	 (*free)(void *);
	void	*(*get_auxdata)(sqlite3_context *, int);
	int	 (*get_autocommit)(sqlite3 *);
	sqlite3_int64 (*last_insert_rowid)(sqlite3 *);
	int	 (*open_v2)(const char *, sqlite3 **, int, const char *);
	int	 (*prepare_v2)(sqlite3 *, const char *, int, sqlite3_stmt **,
		    const char **);
	int	 (*prepare_v3)(sqlite3 *, const char *, int, unsigned int,
		    sqlite3_stmt **, const char **);
	int	 (*reset)(sqlite3_stmt *);
	void	 (*result_error)(sqlite3_context *, const char *, int);
	void	 (*result_int)(sqlite3_context *, int);
	void	 (*set_auxdata)(sqlite3_context *, int, void *,
		    void (*)(void *));
	int	 (*step)(sqlite3_stmt *);
	const unsigned char *(*value_text)(sqlite3_value *);
	int	 (*wal_autocheckpoint)(sqlite3 *, int);
	int	 (*wal_checkpoint_v2)(sqlite3 *, const char *, int, int *,
		    int *);
	void	*(*wal_hook)(sqlite3 *, int (*)(void *, sqlite3 *,
		    const char *, int), void *);
} ls;

/* dlsym() returns an object pointer; POSIX guarantees the conversion. */
#define LOAD(field, name) do {						\
	void *p_ = dlsym(ls.dl, name);					\
	if (p_ == NULL)							\
		return 0;						\
	*(void **)&ls.field = p_;					\
} while (0)

static int
load_symbols(void)
{
	LOAD(bind_int, "sqlite3_bind_int");
	LOAD(bind_int64, "sqlite3_bind_int64");
	LOAD(bind_null, "sqlite3_bind_null");
	LOAD(bind_parameter_count, "sqlite3_bind_parameter_count");
	LOAD(bind_text, "sqlite3_bind_text");
	LOAD(busy_timeout, "sqlite3_busy_timeout");
	LOAD(changes, "sqlite3_changes");
	LOAD(clear_bindings, "sqlite3_clear_bindings");
	LOAD(close, "sqlite3_close");
	LOAD(column_bytes, "sqlite3_column_bytes");
	LOAD(column_int, "sqlite3_column_int");
	LOAD(column_int64, "sqlite3_column_int64");
	LOAD(column_text, "sqlite3_column_text");
	LOAD(column_type, "sqlite3_column_type");
	LOAD(create_function_v2, "sqlite3_create_function_v2");
	LOAD(errcode, "sqlite3_errcode");
	LOAD(errmsg, "sqlite3_errmsg");
	LOAD(exec, "sqlite3_exec");
	LOAD(extended_result_codes, "sqlite3_extended_result_codes");
	LOAD(finalize, "sqlite3_finalize");
	LOAD(free, "sqlite3_free");
	LOAD(get_autocommit, "sqlite3_get_autocommit");
	LOAD(get_auxdata, "sqlite3_get_auxdata");
	LOAD(last_insert_rowid, "sqlite3_last_insert_rowid");
	LOAD(open_v2, "sqlite3_open_v2");
	LOAD(prepare_v2, "sqlite3_prepare_v2");
	LOAD(prepare_v3, "sqlite3_prepare_v3");
	LOAD(reset, "sqlite3_reset");
	LOAD(result_error, "sqlite3_result_error");
	LOAD(result_int, "sqlite3_result_int");
	LOAD(set_auxdata, "sqlite3_set_auxdata");
	LOAD(step, "sqlite3_step");
	LOAD(value_text, "sqlite3_value_text");
	LOAD(wal_autocheckpoint, "sqlite3_wal_autocheckpoint");
	LOAD(wal_checkpoint_v2, "sqlite3_wal_checkpoint_v2");
	LOAD(wal_hook, "sqlite3_wal_hook");
	return 1;
}

static int
loaded(void)
{
	const char *e;

	if (ls.tried)
		return ls.ok;
	ls.tried = 1;
	if ((ls.dl = dlopen(SQLITE_LAZY_SONAME, RTLD_NOW | RTLD_LOCAL)) ==
	    NULL) {
		e = dlerror();
		snprintf(ls.why, sizeof ls.why, "cannot load SQLite: %s",
		    e != NULL ? e : SQLITE_LAZY_SONAME);
		return 0;
	}
	if (!load_symbols()) {
		snprintf(ls.why, sizeof ls.why, "cannot load SQLite: %s is "
		    "too old", SQLITE_LAZY_SONAME);
		dlclose(ls.dl);
		ls.dl = NULL;
		return 0;
	}
	ls.ok = 1;
	return 1;
}

/* Statements and handles exist only once the library is loaded: a
 * call on one needs no check. */

int
sqlite3_open_v2(const char *path, sqlite3 **db, int flags, const char *vfs)
{
	if (!loaded()) {
		*db = NULL;
		return SQLITE_CANTOPEN;
	}
	return ls.open_v2(path, db, flags, vfs);
}

const char *
sqlite3_errmsg(sqlite3 *db)
{
	if (!loaded())
		return ls.why;
	return ls.errmsg(db);
}

int
sqlite3_errcode(sqlite3 *db)
{
	return loaded() ? ls.errcode(db) : SQLITE_CANTOPEN;
}

int
sqlite3_close(sqlite3 *db)
{
	return loaded() ? ls.close(db) : SQLITE_OK;
}

void
sqlite3_free(void *p)
{
	if (loaded())
		ls.free(p);
}

#define DB_CALL(call)	return loaded() ? ls.call : SQLITE_MISUSE
#define ST_CALL(call)	return ls.call

int
sqlite3_busy_timeout(sqlite3 *db, int ms)
{
	DB_CALL(busy_timeout(db, ms));
}

int
sqlite3_changes(sqlite3 *db)
{
	return loaded() ? ls.changes(db) : 0;
}

int
sqlite3_exec(sqlite3 *db, const char *sql,
    int (*cb)(void *, int, char **, char **), void *arg, char **err)
{
	DB_CALL(exec(db, sql, cb, arg, err));
}

int
sqlite3_extended_result_codes(sqlite3 *db, int on)
{
	DB_CALL(extended_result_codes(db, on));
}

int
sqlite3_get_autocommit(sqlite3 *db)
{
	return loaded() ? ls.get_autocommit(db) : 1;
}

sqlite3_int64
sqlite3_last_insert_rowid(sqlite3 *db)
{
	return loaded() ? ls.last_insert_rowid(db) : 0;
}

int
sqlite3_prepare_v2(sqlite3 *db, const char *sql, int n, sqlite3_stmt **st,
    const char **tail)
{
	if (!loaded()) {
		*st = NULL;
		return SQLITE_MISUSE;
	}
	return ls.prepare_v2(db, sql, n, st, tail);
}

int
sqlite3_prepare_v3(sqlite3 *db, const char *sql, int n, unsigned int fl,
    sqlite3_stmt **st, const char **tail)
{
	if (!loaded()) {
		*st = NULL;
		return SQLITE_MISUSE;
	}
	return ls.prepare_v3(db, sql, n, fl, st, tail);
}

int
sqlite3_wal_autocheckpoint(sqlite3 *db, int n)
{
	DB_CALL(wal_autocheckpoint(db, n));
}

int
sqlite3_wal_checkpoint_v2(sqlite3 *db, const char *name, int mode,
    int *nlog, int *nckpt)
{
	DB_CALL(wal_checkpoint_v2(db, name, mode, nlog, nckpt));
}

void *
sqlite3_wal_hook(sqlite3 *db, int (*hook)(void *, sqlite3 *, const char *,
    int), void *arg)
{
	return loaded() ? ls.wal_hook(db, hook, arg) : NULL;
}

int
sqlite3_finalize(sqlite3_stmt *st)
{
	/* Finalizing NULL is a harmless no-op in SQLite. */
	return st == NULL || !loaded() ? SQLITE_OK : ls.finalize(st);
}

int
sqlite3_bind_int(sqlite3_stmt *st, int i, int v)
{
	ST_CALL(bind_int(st, i, v));
}

int
sqlite3_bind_int64(sqlite3_stmt *st, int i, sqlite3_int64 v)
{
	ST_CALL(bind_int64(st, i, v));
}

int
sqlite3_bind_null(sqlite3_stmt *st, int i)
{
	ST_CALL(bind_null(st, i));
}

int
sqlite3_bind_parameter_count(sqlite3_stmt *st)
{
	ST_CALL(bind_parameter_count(st));
}

int
sqlite3_bind_text(sqlite3_stmt *st, int i, const char *s, int n,
    void (*dtor)(void *))
{
	ST_CALL(bind_text(st, i, s, n, dtor));
}

int
sqlite3_clear_bindings(sqlite3_stmt *st)
{
	ST_CALL(clear_bindings(st));
}

int
sqlite3_column_bytes(sqlite3_stmt *st, int i)
{
	ST_CALL(column_bytes(st, i));
}

int
sqlite3_column_int(sqlite3_stmt *st, int i)
{
	ST_CALL(column_int(st, i));
}

sqlite3_int64
sqlite3_column_int64(sqlite3_stmt *st, int i)
{
	ST_CALL(column_int64(st, i));
}

const unsigned char *
sqlite3_column_text(sqlite3_stmt *st, int i)
{
	ST_CALL(column_text(st, i));
}

int
sqlite3_column_type(sqlite3_stmt *st, int i)
{
	ST_CALL(column_type(st, i));
}

int
sqlite3_reset(sqlite3_stmt *st)
{
	/* Resetting NULL is a no-op in SQLite too. */
	return st == NULL ? SQLITE_OK : ls.reset(st);
}

int
sqlite3_step(sqlite3_stmt *st)
{
	ST_CALL(step(st));
}

/* SQL functions (store.c's regexp()): a context or value exists only
 * inside a call from the loaded library. */

int
sqlite3_create_function_v2(sqlite3 *db, const char *name, int nargs,
    int flags, void *arg,
    void (*fn)(sqlite3_context *, int, sqlite3_value **),
    void (*step)(sqlite3_context *, int, sqlite3_value **),
    void (*final)(sqlite3_context *), void (*destroy)(void *))
{
	DB_CALL(create_function_v2(db, name, nargs, flags, arg, fn, step,
	    final, destroy));
}

void *
sqlite3_get_auxdata(sqlite3_context *cx, int n)
{
	return ls.get_auxdata(cx, n);
}

void
sqlite3_set_auxdata(sqlite3_context *cx, int n, void *p, void (*del)(void *))
{
	ls.set_auxdata(cx, n, p, del);
}

void
sqlite3_result_error(sqlite3_context *cx, const char *msg, int n)
{
	ls.result_error(cx, msg, n);
}

void
sqlite3_result_int(sqlite3_context *cx, int v)
{
	ls.result_int(cx, v);
}

const unsigned char *
sqlite3_value_text(sqlite3_value *v)
{
	return ls.value_text(v);
}
