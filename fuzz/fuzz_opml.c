/*
 * fuzz_opml: opml_parse() on the input; the feeds found are written back
 * with opml_write() and parsed again, which must give as many feeds.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fuzz_check.h"
#include "opml.h"

/* Feeds kept for the round trip: enough to cover folders and tags. */
#define KEEP_MAX	32

struct kept {
	struct opml_feed feeds[KEEP_MAX];
	size_t		 n, seen;
};

static void
free_kept(struct kept *k)
{
	size_t	 i, j;

	for (i = 0; i < k->n; i++) {
		free((char *)(uintptr_t)k->feeds[i].url);
		free((char *)(uintptr_t)k->feeds[i].title);
		for (j = 0; j < k->feeds[i].ntags; j++)
			free(k->feeds[i].tags[j]);
		free((void *)(uintptr_t)k->feeds[i].tags);
	}
}

static int
keep(void *ctx, const struct opml_feed *f)
{
	struct kept	*k = ctx;
	struct opml_feed *o;
	char		**tags;
	size_t		 i;

	if (f->url == NULL)
		abort();
	fuzz_check_str(f->url, 0, 0);
	fuzz_check_str(f->title, 0, 0);
	for (i = 0; i < f->ntags; i++)
		fuzz_check_str(f->tags[i], 0, 0);
	k->seen++;
	if (k->n == KEEP_MAX)
		return 0;
	o = &k->feeds[k->n];
	memset(o, 0, sizeof *o);
	tags = calloc(f->ntags + 1, sizeof *tags);
	if (tags == NULL)
		return -1;
	o->tags = tags;
	k->n++;
	o->url = strdup(f->url);
	o->title = f->title != NULL ? strdup(f->title) : NULL;
	for (i = 0; i < f->ntags; i++) {
		if ((tags[i] = strdup(f->tags[i])) == NULL)
			return -1;
		o->ntags++;
	}
	return o->url == NULL ? -1 : 0;
}

static int
count(void *ctx, const struct opml_feed *f)
{
	(void)f;
	(*(size_t *)ctx)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kept	 k;
	struct buf	 out;
	struct errbuf	 eb;
	size_t		 again = 0;

	memset(&k, 0, sizeof k);
	if (opml_parse("fuzz", (const char *)data, size, keep, &k, &eb) == 0 &&
	    k.n > 0) {
		buf_init(&out, OPML_MAX_BYTES);
		if (opml_write(&out, NULL, k.feeds, k.n) == 0) {
			if (opml_parse("again", out.data, out.len, count,
			    &again, &eb) != 0 || again != k.n)
				abort();
		}
		buf_release(&out);
	}
	free_kept(&k);
	return 0;
}
