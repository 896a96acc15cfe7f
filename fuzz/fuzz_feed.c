/*
 * fuzz_feed: the streaming feed parser (RSS, RDF, Atom and JSON Feed,
 * sniffed from the content) fed in chunks of random sizes, as the
 * fetcher would hand them over.  The first input byte picks the chunk
 * sizes, the HTTP charset and whether a base URL is known; the rest is
 * the body.  Checks: every entry's line fields hold no control
 * character, content none but TAB and newline, title is never NULL.
 */
#include <stddef.h>
#include <stdint.h>

#include "feed.h"
#include "fuzz.h"
#include "fuzz_check.h"

static int
on_entry(void *ctx, const struct feed_entry *e)
{
	size_t *count = ctx;

	if (e->title == NULL)
		abort();
	fuzz_check_str(e->title, 0, 0);
	fuzz_check_str(e->link, 0, 0);
	fuzz_check_str(e->id, 0, 0);
	fuzz_check_str(e->author, 0, 0);
	fuzz_check_str(e->enclosure, 0, 0);
	fuzz_check_str(e->categories, 0, 0);
	fuzz_check_str(e->content, 1, 0);
	/* Stop after many entries now and then, to test the stop path. */
	if (++*count > 5000)
		return -1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const charsets[] = {
		NULL, "utf-8", "iso-8859-1", "windows-1252", "utf-16",
		"x-no-such-charset", "ebcdic-us", NULL
	};
	struct feed_parser *p;
	struct errbuf	 eb;
	unsigned	 mode, rnd;
	size_t		 count = 0, off = 0, n;
	int		 failed = 0;

	mode = fuzz_take_byte(&data, &size);
	rnd = mode * 2654435761U + 1;
	p = feed_parser_new("fuzz", (mode & 8) ? "https://example.org/a/b" :
	    NULL, charsets[mode & 7], on_entry, &count);
	if (p == NULL)
		return 0;
	while (off < size && !failed) {
		if (mode & 16) {
			n = size - off;		/* all at once */
		} else {
			/* A small LCG picks chunks of 1 to 4096 bytes. */
			rnd = rnd * 1103515245U + 12345U;
			n = 1 + (rnd >> 8) % ((mode & 32) ? 4096 : 64);
			if (n > size - off)
				n = size - off;
		}
		if (feed_push(p, (const char *)data + off, n, &eb) == -1)
			failed = 1;
		off += n;
	}
	if (!failed && feed_finish(p, &eb) == 0) {
		const struct feed_info *fi = feed_parser_info(p);

		fuzz_check_str(fi->title, 0, 0);
		fuzz_check_str(fi->link, 0, 0);
	}
	if (failed && memchr(eb.msg, '\0', sizeof eb.msg) == NULL)
		abort();
	feed_parser_free(p);
	return 0;
}
