/*
 * store_fixture: a store in a fresh temporary directory for the unit
 * tests, and its removal.
 */
#ifndef BYLINE_STORE_FIXTURE_H
#define BYLINE_STORE_FIXTURE_H

#include "store.h"

struct store_fixture {
	char		 dir[64];	/* /tmp/byline-NAME-XXXXXX */
	char		 path[128];	/* dir/sub/cache.db */
	struct store	*s;
};

/*
 * Makes the directory and opens a store at path, in a subdirectory the
 * store must create; name tells the tests' directories apart.  Fails the
 * running test on error.
 */
void	store_fixture_open(struct store_fixture *, const char *name);

/* Closes the store (if open) and removes its files and directories. */
void	store_fixture_close(struct store_fixture *);

#endif
