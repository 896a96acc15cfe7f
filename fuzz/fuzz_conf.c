/*
 * fuzz_conf: the first byte picks feeds.conf or the settings file, the
 * rest is parsed as that file; each feed is then written back with
 * conf_format_feed() and parsed again, which must give one feed with the
 * same tags and title.  Feeds with CR or LF in a tag or the title are
 * left out: conf_format_feed() drops those to keep the feed on one line,
 * which may empty a tag or merge two.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "fuzz.h"
#include "fuzz_check.h"

static int
has_crlf(const char *s)
{
	return s != NULL && strpbrk(s, "\r\n") != NULL;
}

static void
round_trip(const struct conf_feed *f)
{
	struct conf	 c;
	struct buf	 line;
	struct errbuf	 eb;
	size_t		 i;

	if (has_crlf(f->title))
		return;
	for (i = 0; i < f->ntags; i++)
		if (has_crlf(f->tags[i]))
			return;
	buf_init(&line, CONF_LINE_MAX_BYTES * 4);
	conf_init(&c);
	if (conf_format_feed(&line, f->url, f->title, f->tags, f->ntags) == 0 &&
	    line.len < CONF_LINE_MAX_BYTES &&
	    conf_parse_feeds(&c, "again", line.data, line.len, &eb) == 0) {
		if (c.nfeeds != 1 || c.feeds[0].ntags != f->ntags)
			abort();
		for (i = 0; i < f->ntags; i++)
			if (strcmp(f->tags[i], c.feeds[0].tags[i]) != 0)
				abort();
		if ((f->title == NULL) != (c.feeds[0].title == NULL) ||
		    (f->title != NULL &&
		    strcmp(f->title, c.feeds[0].title) != 0))
			abort();
	}
	conf_release(&c);
	buf_release(&line);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct conf	 c;
	struct errbuf	 eb;
	unsigned	 mode;
	size_t		 i;
	int		 r;

	mode = fuzz_take_byte(&data, &size);
	conf_init(&c);
	if (mode & 1)
		r = conf_parse_settings(&c, "config", (const char *)data, size,
		    &eb);
	else
		r = conf_parse_feeds(&c, "feeds.conf", (const char *)data,
		    size, &eb);
	if (r == 0) {
		if (c.nfeeds > CONF_FEEDS_MAX)
			abort();
		for (i = 0; i < c.nwarnings; i++)
			fuzz_check_str(c.warnings[i], 0, 0);
		for (i = 0; i < c.nfeeds && i < 64; i++) {
			if (c.feeds[i].url == NULL ||
			    c.feeds[i].ntags > CONF_TAGS_MAX)
				abort();
			if (mode & 2)
				round_trip(&c.feeds[i]);
		}
	}
	conf_release(&c);
	return 0;
}
