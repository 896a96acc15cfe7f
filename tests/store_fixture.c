/*
 * store_fixture: a store in a fresh temporary directory for the unit
 * tests, and its removal.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "store_fixture.h"

void
store_fixture_open(struct store_fixture *fx, const char *name)
{
	struct errbuf eb;

	snprintf(fx->dir, sizeof fx->dir, "/tmp/byline-%s-XXXXXX", name);
	assert_non_null(mkdtemp(fx->dir));
	snprintf(fx->path, sizeof fx->path, "%s/sub/cache.db", fx->dir);
	fx->s = store_open(fx->path, &eb);
	assert_non_null(fx->s);
}

void
store_fixture_close(struct store_fixture *fx)
{
	char	 p[160];

	if (fx->s != NULL)
		store_close(fx->s);
	fx->s = NULL;
	snprintf(p, sizeof p, "%s-wal", fx->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", fx->path);
	unlink(p);
	unlink(fx->path);
	snprintf(p, sizeof p, "%s/sub", fx->dir);
	rmdir(p);
	rmdir(fx->dir);
}
