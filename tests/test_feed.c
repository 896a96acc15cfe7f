/*
 * test_feed: the streaming feed parser on the fixtures in
 * tests/data/feeds/ (each NAME.xml or NAME.json beside the NAME.tsv it
 * must give) and on hostile input made on the fly: truncated, not a feed,
 * empty, entity bombs, external entities, deep nesting, huge fields,
 * control characters, bad UTF-8, JSON of the wrong types.
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

#include "feed.h"
#include "bounds.h"
#include "util.h"

struct result {
	int		 rc;		/* of the last feed_push / feed_finish */
	struct errbuf	 eb;
	char		*tsv;		/* the entries as TSV; caller frees */
	size_t		 tsvlen;
	unsigned long	 entries;
	char		 warning[ERRBUF_BYTES];
	char		 title[256];	/* the feed's title */
	int		 stop_after;	/* on_entry returns -1 after this many */
};

struct sink {
	FILE		*out;
	struct result	*r;
};

static int
collect(void *v, const struct feed_entry *e)
{
	struct sink *s = v;

	assert_non_null(e->title);
	assert_non_null(e->link);
	assert_non_null(e->content);
	assert_non_null(e->id);
	assert_non_null(e->guid);
	assert_non_null(e->author);
	assert_non_null(e->enclosure);
	assert_non_null(e->categories);
	assert_int_equal(feed_entry_write_tsv(s->out, e), 0);
	s->r->entries++;
	if (s->r->stop_after > 0 && s->r->entries >= (unsigned long)
	    s->r->stop_after)
		return -1;
	return 0;
}

/* Parses data pushed in pieces of chunk bytes (0: all at once). */
static void
parse(const char *data, size_t n, size_t chunk, struct result *r)
{
	struct feed_parser *p;
	const struct feed_info *info;
	struct sink s;
	size_t	 off = 0, k;

	r->rc = 0;
	r->entries = 0;
	r->eb.msg[0] = '\0';
	r->warning[0] = '\0';
	r->title[0] = '\0';
	s.r = r;
	s.out = open_memstream(&r->tsv, &r->tsvlen);
	assert_non_null(s.out);
	p = feed_parser_new("test.xml", NULL, NULL, collect, &s);
	assert_non_null(p);
	if (chunk == 0)
		chunk = n > 0 ? n : 1;
	while (off < n && r->rc == 0) {
		k = n - off < chunk ? n - off : chunk;
		r->rc = feed_push(p, data + off, k, &r->eb);
		off += k;
	}
	if (r->rc == 0)
		r->rc = feed_finish(p, &r->eb);
	if (feed_parser_warning(p) != NULL)
		(void)snprintf(r->warning, sizeof r->warning, "%s",
		    feed_parser_warning(p));
	info = feed_parser_info(p);
	if (info->title != NULL)
		(void)snprintf(r->title, sizeof r->title, "%s", info->title);
	feed_parser_free(p);
	assert_int_equal(fclose(s.out), 0);
}

static void
parse_str(const char *s, struct result *r)
{
	parse(s, strlen(s), 0, r);
}

static char *
slurp(const char *name, size_t *n)
{
	struct buf b;
	struct errbuf eb;
	char	 path[1024];

	(void)snprintf(path, sizeof path, "%s/feeds/%s", TEST_DATA_DIR, name);
	buf_init(&b, INPUT_MAX_BYTES);
	if (file_read(path, &b, &eb) != 0)
		fail_msg("%s", eb.msg);
	*n = b.len;
	return buf_take(&b);
}

/* The fixture NAME.EXT must give NAME.tsv, whole and in small pieces. */
static void
check_fixture(const char *name, const char *ext)
{
	struct result r;
	char	 in[256], out[256], *data, *want;
	size_t	 n, wn;
	static const size_t chunks[] = { 0, 1, 7, 4096 };
	size_t	 i;

	(void)snprintf(in, sizeof in, "%s.%s", name, ext);
	(void)snprintf(out, sizeof out, "%s.tsv", name);
	data = slurp(in, &n);
	want = slurp(out, &wn);
	for (i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
		memset(&r, 0, sizeof r);
		parse(data, n, chunks[i], &r);
		if (r.rc != 0)
			fail_msg("%s (chunk %zu): %s", in, chunks[i], r.eb.msg);
		if (r.tsvlen != wn || memcmp(r.tsv, want, wn) != 0)
			fail_msg("%s (chunk %zu):\ngot:\n%s\nwant:\n%s", in,
			    chunks[i], r.tsv, want);
		free(r.tsv);
	}
	free(data);
	free(want);
}

static void
test_feed_rss_fields_match_sfeed(void **state)
{
	(void)state;
	check_fixture("rss-basic", "xml");
}

static void
test_feed_atom_xml_base_resolves_links(void **state)
{
	(void)state;
	check_fixture("atom-xml-base", "xml");
}

static void
test_feed_rdf_items_outside_channel(void **state)
{
	(void)state;
	check_fixture("rdf", "xml");
}

static void
test_feed_windows_1252_becomes_utf8(void **state)
{
	(void)state;
	check_fixture("windows-1252", "xml");
}

static void
test_feed_json_feed_fields_and_wrong_types(void **state)
{
	(void)state;
	check_fixture("json-feed", "json");
}

static void
test_feed_info_title_when_channel_has_one(void **state)
{
	struct result r;

	(void)state;
	memset(&r, 0, sizeof r);
	parse_str("<rss><channel><title> Feed\n title </title><item><title>"
	    "x</title></item></channel></rss>", &r);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.title, "Feed  title");
	free(r.tsv);
}

static void
test_feed_truncated_keeps_entries_before(void **state)
{
	struct result r;

	(void)state;
	memset(&r, 0, sizeof r);
	parse_str("<rss><channel><item><title>one</title></item>"
	    "<item><title>two</title></item><item><title>thr", &r);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.entries, 2);
	assert_non_null(strstr(r.eb.msg, "test.xml:1: feed cut off"));
	assert_non_null(strstr(r.eb.msg, "after 2 entries"));
	free(r.tsv);
}

static void
test_feed_html_page_is_not_a_feed(void **state)
{
	struct result r;

	(void)state;
	memset(&r, 0, sizeof r);
	parse_str("<!DOCTYPE html>\n<html><head><title>Moved</title></head>"
	    "<body><p>Object moved <a href=\"/x\">here</a></p></body></html>",
	    &r);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.entries, 0);
	assert_string_equal(r.eb.msg,
	    "test.xml: not a feed: the document is <html>");
	free(r.tsv);
}

static void
test_feed_empty_body_is_an_error(void **state)
{
	struct result r;

	(void)state;
	memset(&r, 0, sizeof r);
	parse_str("", &r);
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.eb.msg, "test.xml: empty document");
	free(r.tsv);
	memset(&r, 0, sizeof r);
	parse_str("<!-- only a comment -->\n", &r);
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.eb.msg,
	    "test.xml: no feed: the document has no element");
	free(r.tsv);
}

static void
test_feed_doctype_entities_never_expanded(void **state)
{
	struct result r;

	(void)state;
	memset(&r, 0, sizeof r);
	parse_str("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n"
	    "<!ENTITY lol \"lol\">\n"
	    "<!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
	    "<!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
	    "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
	    "<!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
	    "<!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
	    "<!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
	    "<!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
	    "<!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
	    "<!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
	    "]>\n<rss><channel><item><title>&lol9;</title>"
	    "<description>a &amp; b &eacute;</description></item>"
	    "</channel></rss>", &r);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.entries, 1);
	assert_string_equal(r.tsv,
	    "\t&lol9;\t\ta & b &eacute;\thtml\t\t\t\t\n");
	free(r.tsv);
}

static void
test_feed_external_entity_not_read(void **state)
{
	struct result r;
	char	 path[] = "test_feed_secret.XXXXXX", doc[8192], *abs;
	int	 fd;

	(void)state;
	fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "SECRET-CONTENT", 14), 14);
	close(fd);
	abs = realpath(path, NULL);
	assert_non_null(abs);
	(void)snprintf(doc, sizeof doc, "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://%s\">\n"
	    "<!ENTITY %% pe SYSTEM \"file://%s\"> %%pe;]>\n"
	    "<rss><channel><item><title>&xxe;</title></item></channel></rss>",
	    abs, abs);
	memset(&r, 0, sizeof r);
	parse_str(doc, &r);
	unlink(path);
	free(abs);
	assert_int_equal(r.entries, 1);
	assert_null(strstr(r.tsv, "SECRET"));
	assert_string_equal(r.tsv, "\t&xxe;\t\t\t\t\t\t\t\n");
	free(r.tsv);
}

/* 1 GB of <a> offered in pieces: the parser must give up early. */
static void
test_feed_deep_nesting_stops_early(void **state)
{
	struct feed_parser *p;
	struct errbuf eb;
	struct sink s;
	struct result r;
	static char chunk[FEED_READ_BYTES];
	size_t	 i, pushed = 0, gb = 1024UL * 1024 * 1024;
	int	 rc = 0;

	(void)state;
	for (i = 0; i + 3 <= sizeof chunk; i += 3)
		memcpy(chunk + i, "<a>", 3);
	memset(&r, 0, sizeof r);
	s.r = &r;
	s.out = open_memstream(&r.tsv, &r.tsvlen);
	p = feed_parser_new("deep", NULL, NULL, collect, &s);
	assert_non_null(p);
	assert_int_equal(feed_push(p, "<rss>", 5, &eb), 0);
	while (pushed < gb && rc == 0) {
		rc = feed_push(p, chunk, i, &eb);
		pushed += i;
	}
	assert_int_equal(rc, -1);
	assert_true(pushed < 1024UL * 1024);
	assert_non_null(strstr(eb.msg, "deep:1: "));
	assert_non_null(strstr(eb.msg, "nested deeper than"));
	feed_parser_free(p);
	fclose(s.out);
	free(r.tsv);
}

static void
test_feed_huge_title_is_cut(void **state)
{
	struct result r;
	struct buf b;
	size_t	 big = 10UL * 1024 * 1024;
	char	*t;

	(void)state;
	buf_init(&b, big + 1024);
	assert_int_equal(buf_puts(&b, "<rss><channel><item><title>"), BUF_OK);
	t = malloc(big);
	assert_non_null(t);
	memset(t, 'x', big);
	assert_int_equal(buf_append(&b, t, big), BUF_OK);
	free(t);
	assert_int_equal(buf_puts(&b, "</title><link>https://example.org/"
	    "</link></item></channel></rss>"), BUF_OK);
	memset(&r, 0, sizeof r);
	parse(b.data, b.len, FEED_READ_BYTES, &r);
	buf_release(&b);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.entries, 1);
	/* empty time, the title, then the link */
	assert_int_equal(strcspn(r.tsv + 1, "\t"), FEED_FIELD_MAX_BYTES);
	assert_non_null(strstr(r.tsv, "\thttps://example.org/\t"));
	assert_non_null(strstr(r.warning, "field longer than"));
	free(r.tsv);
}

static void
test_feed_control_characters_removed(void **state)
{
	struct result r;

	(void)state;
	memset(&r, 0, sizeof r);
	parse_str("<rss><channel><item><title>bell\a esc\x1b[31m red\x7f "
	    "c1\xc2\x9b tab\there</title><description>keep\ttab\nand "
	    "line \\ slash</description></item></channel></rss>", &r);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.tsv, "\tbell esc[31m red c1 tab here\t\t"
	    "keep\\ttab\\nand line \\\\ slash\thtml\t\t\t\t\n");
	assert_non_null(strstr(r.warning, "control character"));
	free(r.tsv);
}

static void
test_feed_invalid_utf8_replaced(void **state)
{
	struct result r;
	static const char doc[] = "<rss><channel><item><title>caf\xe9 "
	    "\xe2\x82\xac \xf0\x9f</title></item></channel></rss>";

	(void)state;
	memset(&r, 0, sizeof r);
	parse(doc, sizeof doc - 1, 1, &r);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.tsv, "\tcaf\xef\xbf\xbd \xe2\x82\xac "
	    "\xef\xbf\xbd\t\t\t\t\t\t\t\n");
	assert_non_null(strstr(r.warning, "invalid UTF-8"));
	free(r.tsv);
}

/* Multi-byte UTF-8 across the slices libxml2 is handed
 * (FEED_XML_SLICE_BYTES): every character comes out whole, with no
 * warning, whether the body comes at once or in network-sized reads. */
static void
test_feed_utf8_across_slices_stays_whole(void **state)
{
	struct result r;
	struct buf b, want;
	static const char chars[] = "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80x";
	static const size_t chunks[] = { 0, 4096, FEED_READ_BYTES };
	size_t	 i, k;

	(void)state;
	buf_init(&b, 64 * 1024);
	buf_init(&want, 64 * 1024);
	assert_int_equal(buf_puts(&b, "<rss><channel><item><description>"),
	    BUF_OK);
	assert_int_equal(buf_puts(&want, "\t\t\t"), BUF_OK);
	for (k = 0; k < 3 * FEED_XML_SLICE_BYTES / 10 + 7; k++) {
		assert_int_equal(buf_puts(&b, chars), BUF_OK);
		assert_int_equal(buf_puts(&want, chars), BUF_OK);
	}
	assert_int_equal(buf_puts(&b, "</description></item></channel>"
	    "</rss>"), BUF_OK);
	assert_int_equal(buf_puts(&want, "\thtml\t\t\t\t\n"), BUF_OK);
	for (i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
		memset(&r, 0, sizeof r);
		parse(b.data, b.len, chunks[i], &r);
		assert_int_equal(r.rc, 0);
		assert_string_equal(r.tsv, want.data);
		assert_string_equal(r.warning, "");
		free(r.tsv);
	}
	buf_release(&b);
	buf_release(&want);
}

static void
test_feed_json_wrong_root_is_an_error(void **state)
{
	struct result r;

	(void)state;
	memset(&r, 0, sizeof r);
	parse_str("{\"version\": 1, \"items\": {\"a\": 1}}", &r);
	assert_int_equal(r.rc, -1);
	assert_string_equal(r.eb.msg,
	    "test.xml: not a JSON Feed: no \"items\" array");
	free(r.tsv);
	memset(&r, 0, sizeof r);
	parse_str("{\"items\": [{\"title\": \"cut", &r);
	assert_int_equal(r.rc, -1);
	assert_non_null(strstr(r.eb.msg, "JSON feed cut off"));
	free(r.tsv);
}

static void
test_feed_on_entry_stop_ends_parse(void **state)
{
	struct result r;

	(void)state;
	memset(&r, 0, sizeof r);
	r.stop_after = 1;
	parse_str("<rss><channel><item><title>a</title></item><item><title>"
	    "b</title></item></channel></rss>", &r);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.entries, 1);
	assert_string_equal(r.eb.msg, "test.xml: stopped");
	free(r.tsv);
}

static void
test_feed_namespaced_rss_prefix_is_an_item(void **state)
{
	struct result r;

	(void)state;
	memset(&r, 0, sizeof r);
	parse_str("<r:rss xmlns:r=\"http://purl.org/rss/1.0/\"><r:channel>"
	    "<r:item><r:title>prefixed</r:title></r:item></r:channel>"
	    "</r:rss>", &r);
	assert_int_equal(r.rc, 0);
	assert_string_equal(r.tsv, "\tprefixed\t\t\t\t\t\t\t\n");
	free(r.tsv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_feed_rss_fields_match_sfeed),
		cmocka_unit_test(test_feed_atom_xml_base_resolves_links),
		cmocka_unit_test(test_feed_rdf_items_outside_channel),
		cmocka_unit_test(test_feed_windows_1252_becomes_utf8),
		cmocka_unit_test(test_feed_json_feed_fields_and_wrong_types),
		cmocka_unit_test(test_feed_info_title_when_channel_has_one),
		cmocka_unit_test(test_feed_truncated_keeps_entries_before),
		cmocka_unit_test(test_feed_html_page_is_not_a_feed),
		cmocka_unit_test(test_feed_empty_body_is_an_error),
		cmocka_unit_test(test_feed_doctype_entities_never_expanded),
		cmocka_unit_test(test_feed_external_entity_not_read),
		cmocka_unit_test(test_feed_deep_nesting_stops_early),
		cmocka_unit_test(test_feed_huge_title_is_cut),
		cmocka_unit_test(test_feed_control_characters_removed),
		cmocka_unit_test(test_feed_invalid_utf8_replaced),
		cmocka_unit_test(test_feed_utf8_across_slices_stays_whole),
		cmocka_unit_test(test_feed_json_wrong_root_is_an_error),
		cmocka_unit_test(test_feed_on_entry_stop_ends_parse),
		cmocka_unit_test(test_feed_namespaced_rss_prefix_is_an_item),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
