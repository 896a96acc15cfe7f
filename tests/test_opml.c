/*
 * test_opml: OPML import (nested outlines become tags) and export, and
 * the round trip.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "opml.h"

#define DIR	TEST_DATA_DIR "/opml"

struct got {
	struct buf	 lines;		/* "url|title|tag,tag\n" per feed */
};

static int
collect(void *ctx, const struct opml_feed *f)
{
	struct got *g = ctx;
	size_t	 i;

	assert_int_equal(buf_printf(&g->lines, "%s|%s|", f->url,
	    f->title != NULL ? f->title : "(none)"), BUF_OK);
	for (i = 0; i < f->ntags; i++)
		assert_int_equal(buf_printf(&g->lines, "%s%s", i > 0 ? "," : "",
		    f->tags[i]), BUF_OK);
	assert_int_equal(buf_putc(&g->lines, '\n'), BUF_OK);
	return 0;
}

static void
parse_file(const char *path, struct got *g)
{
	struct buf in;
	struct errbuf eb;

	buf_init(&in, OPML_MAX_BYTES);
	assert_int_equal(file_read(path, &in, &eb), 0);
	buf_init(&g->lines, 1 << 20);
	assert_int_equal(opml_parse(path, in.data, in.len, collect, g, &eb),
	    0);
	buf_release(&in);
}

static void
test_opml_parse_when_nested_outlines(void **state)
{
	struct got g;

	(void)state;
	parse_file(DIR "/nested.opml", &g);
	assert_string_equal(g.lines.data,
	    "https://example.org/top.xml|Top feed|\n"
	    "https://example.org/deep.xml|Deep & wide|News,World,extra,more,x\n"
	    "https://example.org/local.xml|Local|News\n");
	buf_release(&g.lines);
}

static int
keep(void *ctx, const struct opml_feed *f)
{
	struct buf *b = ctx;
	size_t	 i;

	assert_int_equal(buf_printf(b, "%s|%s|", f->url, f->title), BUF_OK);
	for (i = 0; i < f->ntags; i++)
		assert_int_equal(buf_printf(b, "%s;", f->tags[i]), BUF_OK);
	assert_int_equal(buf_putc(b, '\n'), BUF_OK);
	return 0;
}

static void
test_opml_write_when_round_trip_keeps_all(void **state)
{
	char	 t1[] = "tech", t2[] = "a \"quoted\" <tag> & more";
	char	*tags2[] = { t1, t2 }, *tags1[] = { t1 };
	struct opml_feed in[] = {
		{ "https://x.org/a?x=1&y=2", "A & \"B\"", tags2, 2 },
		{ "https://x.org/b", "Plain", NULL, 0 },
		{ "https://x.org/c", "C\x1b[31m", tags1, 1 },
	};
	struct buf out, lines;
	struct errbuf eb;

	(void)state;
	buf_init(&out, 1 << 20);
	buf_init(&lines, 1 << 20);
	assert_int_equal(opml_write(&out, NULL, in, 3), 0);
	assert_null(strchr(out.data, '\x1b'));
	assert_int_equal(opml_parse("rt", out.data, out.len, keep, &lines,
	    &eb), 0);
	/* untagged first, then by first tag */
	assert_string_equal(lines.data,
	    "https://x.org/b|Plain|\n"
	    "https://x.org/a?x=1&y=2|A & \"B\"|tech;a \"quoted\" <tag> & more;\n"
	    "https://x.org/c|C|tech;\n");
	buf_release(&out);
	buf_release(&lines);
}

static void
test_opml_parse_when_not_opml(void **state)
{
	struct got g;
	struct errbuf eb;
	const char *bad = "<html><body></body></html>";
	const char *broken = "<opml><body><outline text=\"x\"";

	(void)state;
	buf_init(&g.lines, 1024);
	assert_int_equal(opml_parse("f.opml", bad, strlen(bad), collect, &g,
	    &eb), -1);
	assert_string_equal(eb.msg, "f.opml: not OPML (no <opml> element)");
	assert_int_equal(opml_parse("f.opml", broken, strlen(broken), collect,
	    &g, &eb), -1);
	assert_non_null(strstr(eb.msg, "f.opml:1: not OPML: "));
	buf_release(&g.lines);
}

static void
test_opml_parse_when_entity_bomb(void **state)
{
	struct got g;
	struct errbuf eb;
	const char *bomb = "<?xml version=\"1.0\"?><!DOCTYPE opml ["
	    "<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
	    "]><opml><body><outline text=\"&d;\" xmlUrl=\"https://x/\"/>"
	    "</body></opml>";
	int	 rc;

	(void)state;
	buf_init(&g.lines, 1 << 20);
	rc = opml_parse("b", bomb, strlen(bomb), collect, &g, &eb);
	/* refused or kept small: never expanded into megabytes */
	assert_true(rc == -1 || g.lines.len < 65536);
	buf_release(&g.lines);
}

/* A feed without a title is written with its address as "text" only,
 * and an address read as a name is no title (issue 15). */
static void
test_opml_untitled_when_round_trip(void **state)
{
	struct opml_feed f;
	struct buf out;
	struct got g;
	struct errbuf eb;
	const char *theirs = "<opml version=\"2.0\"><body>"
	    "<outline text=\"http://x.org/f\" title=\"http://x.org/f\" "
	    "xmlUrl=\"http://x.org/f\"/>"
	    "<outline text=\"\" xmlUrl=\"http://x.org/g\"/>"
	    "</body></opml>";

	(void)state;
	memset(&f, 0, sizeof f);
	f.url = "http://x.org/f";
	buf_init(&out, 65536);
	buf_init(&g.lines, 1024);
	assert_int_equal(opml_write(&out, NULL, &f, 1), 0);
	assert_non_null(strstr(out.data, "<outline type=\"rss\" "
	    "text=\"http://x.org/f\" xmlUrl=\"http://x.org/f\"/>"));
	assert_null(strstr(out.data, "title=\"http"));
	assert_int_equal(opml_parse("rt", out.data, out.len, collect, &g,
	    &eb), 0);
	assert_int_equal(opml_parse("old", theirs, strlen(theirs), collect,
	    &g, &eb), 0);
	assert_string_equal(g.lines.data, "http://x.org/f|(none)|\n"
	    "http://x.org/f|(none)|\nhttp://x.org/g|(none)|\n");
	buf_release(&out);
	buf_release(&g.lines);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_opml_parse_when_nested_outlines),
		cmocka_unit_test(test_opml_write_when_round_trip_keeps_all),
		cmocka_unit_test(test_opml_parse_when_not_opml),
		cmocka_unit_test(test_opml_parse_when_entity_bomb),
		cmocka_unit_test(test_opml_untitled_when_round_trip),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
