/*
 * test_limits: the limits of bounds.h that no module test proves, each
 * driven just past its value (issue 8): article arrays, error messages,
 * URLs, feeds.conf feeds, tags, warnings and file size, OPML depth and
 * size, text lines, laid-out lines, feed content and JSON Feed size.
 * The man page's LIMITS table names these tests.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "article.h"
#include "conf.h"
#include "extract.h"
#include "feed.h"
#include "layout.h"
#include "opml.h"
#include "util.h"

/* Every byte of s is printable and s is valid UTF-8 with no control. */
static void
assert_terminal_safe(const char *s)
{
	size_t	 i, n = strlen(s), k;
	uint32_t cp;

	for (i = 0; i < n; i += k) {
		k = utf8_decode(s + i, n - i, &cp);
		assert_false(cp == 0xfffd && k == 1);
		assert_false(utf8_is_unsafe(cp));
	}
}

static void
test_article_blocks_capped_when_over_max(void **state)
{
	struct article *a = article_new();
	size_t	 i;

	(void)state;
	assert_non_null(a);
	for (i = 0; i < ARTICLE_BLOCKS_MAX; i++)
		assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0, "p",
		    1), 0);
	assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0, "p", 1), -1);
	assert_int_equal(a->nblocks, ARTICLE_BLOCKS_MAX);
	article_free(a);
}

static void
test_article_links_capped_when_over_max(void **state)
{
	struct article *a = article_new();
	size_t	 i;

	(void)state;
	assert_non_null(a);
	for (i = 0; i < ARTICLE_LINKS_MAX; i++)
		assert_int_equal(article_add_link(a, "t", "https://x.org/",
		    (size_t)-1, 0, 0), 0);
	assert_int_equal(article_add_link(a, "t", "https://x.org/",
	    (size_t)-1, 0, 0), -1);
	assert_int_equal(a->nlinks, ARTICLE_LINKS_MAX);
	article_free(a);
}

static void
test_article_related_capped_when_over_max(void **state)
{
	struct article *a = article_new();
	size_t	 i;

	(void)state;
	assert_non_null(a);
	for (i = 0; i < ARTICLE_RELATED_MAX; i++)
		assert_int_equal(article_add_related(a, "t", NULL, NULL, NULL),
		    0);
	assert_int_equal(article_add_related(a, "t", NULL, NULL, NULL), -1);
	assert_int_equal(a->nrelated, ARTICLE_RELATED_MAX);
	article_free(a);
}

static void
test_util_errbuf_strips_escapes_when_quoting_input(void **state)
{
	struct errbuf eb;

	(void)state;
	errbuf_set(&eb, "%s: bad", "a\x1b[2Jb\xc2\x9b" "31mc\xe2\x80\xae"
	    "d\x1b]8;;http://evil/\x07" "e\tf\ng\xc2\x85h\xe2\x81\xa6i\xff");
	assert_terminal_safe(eb.msg);
	assert_string_equal(eb.msg, "ab" "cde f gh" "i\xef\xbf\xbd: bad");
}

static void
test_util_errbuf_cut_at_character_when_over_max(void **state)
{
	struct errbuf eb;
	char	 big[ERRBUF_BYTES * 2 + 1];
	size_t	 i;

	(void)state;
	/* "x" then two-byte characters: the cut falls inside one. */
	big[0] = 'x';
	for (i = 1; i + 1 < sizeof big; i += 2) {
		big[i] = '\xc3';
		big[i + 1] = '\xa9';
	}
	big[sizeof big - 1] = '\0';
	errbuf_set(&eb, "%s", big);
	assert_true(strlen(eb.msg) < ERRBUF_BYTES);
	assert_true(strlen(eb.msg) >= ERRBUF_BYTES - 3);
	assert_terminal_safe(eb.msg);
}

static void
test_util_url_refused_when_over_max(void **state)
{
	char	*ref, *u;

	(void)state;
	ref = malloc(URL_MAX_BYTES + 2);
	assert_non_null(ref);
	memset(ref, 'a', URL_MAX_BYTES + 1);
	ref[URL_MAX_BYTES + 1] = '\0';
	assert_null(url_resolve("https://example.org/", ref));
	ref[URL_MAX_BYTES - 100] = '\0';
	u = url_resolve("https://example.org/", ref);
	assert_non_null(u);
	free(u);
	free(ref);
}

static void
test_conf_feeds_capped_when_over_max(void **state)
{
	struct conf c;
	struct buf text;
	struct errbuf eb;
	size_t	 i;

	(void)state;
	buf_init(&text, 64UL * 1024 * 1024);
	for (i = 0; i <= CONF_FEEDS_MAX; i++)
		assert_int_equal(buf_printf(&text, "https://x.org/%zu\n", i),
		    BUF_OK);
	conf_init(&c);
	assert_int_equal(conf_parse_feeds(&c, "feeds.conf", text.data,
	    text.len, &eb), 0);
	assert_int_equal(c.nfeeds, CONF_FEEDS_MAX);
	assert_int_equal(c.nwarnings, 1);
	assert_non_null(strstr(c.warnings[0], "too many feeds"));
	assert_non_null(strstr(c.warnings[0], ":100001: "));
	conf_release(&c);
	buf_release(&text);
}

static void
test_conf_warnings_capped_when_over_max(void **state)
{
	struct conf c;
	struct buf text;
	struct errbuf eb;
	size_t	 i;

	(void)state;
	buf_init(&text, 1 << 20);
	for (i = 0; i < CONF_WARNINGS_MAX * 10; i++)
		assert_int_equal(buf_puts(&text, "ftp:x\n"), BUF_OK);
	assert_int_equal(buf_puts(&text, "https://x.org/ok\n"), BUF_OK);
	conf_init(&c);
	assert_int_equal(conf_parse_feeds(&c, "feeds.conf", text.data,
	    text.len, &eb), 0);
	assert_int_equal(c.nfeeds, 1);
	assert_int_equal(c.nwarnings, CONF_WARNINGS_MAX);
	assert_string_equal(c.warnings[0],
	    "feeds.conf:1: not a http, https or file URL: \"ftp:x\"");
	assert_string_equal(c.warnings[CONF_WARNINGS_MAX - 1],
	    "feeds.conf:100: more than 99 warnings; the rest are not shown");
	conf_release(&c);
	buf_release(&text);
}

static void
test_conf_tags_refused_when_over_max(void **state)
{
	struct conf c;
	struct buf text;
	struct errbuf eb;
	size_t	 i;

	(void)state;
	buf_init(&text, CONF_LINE_MAX_BYTES);
	assert_int_equal(buf_puts(&text, "https://x.org/a"), BUF_OK);
	for (i = 0; i < CONF_TAGS_MAX; i++)
		assert_int_equal(buf_printf(&text, " t%zu", i), BUF_OK);
	assert_int_equal(buf_puts(&text, "\nhttps://x.org/b"), BUF_OK);
	for (i = 0; i <= CONF_TAGS_MAX; i++)
		assert_int_equal(buf_printf(&text, " t%zu", i), BUF_OK);
	assert_int_equal(buf_putc(&text, '\n'), BUF_OK);
	conf_init(&c);
	assert_int_equal(conf_parse_feeds(&c, "feeds.conf", text.data,
	    text.len, &eb), 0);
	assert_int_equal(c.nfeeds, 1);
	assert_int_equal(c.feeds[0].ntags, CONF_TAGS_MAX);
	assert_int_equal(c.nwarnings, 1);
	assert_non_null(strstr(c.warnings[0], "feeds.conf:2: "));
	assert_non_null(strstr(c.warnings[0], "too many tags"));
	conf_release(&c);
	buf_release(&text);
}

static void
test_conf_load_refused_when_over_max(void **state)
{
	struct conf c;
	struct errbuf eb;
	char	 path[] = "test_limits_conf.XXXXXX", *want;
	char	*chunk;
	size_t	 i, n = 1 << 20;
	int	 fd;

	(void)state;
	chunk = malloc(n);
	assert_non_null(chunk);
	memset(chunk, '#', n);
	chunk[n - 1] = '\n';
	fd = mkstemp(path);
	assert_true(fd >= 0);
	for (i = 0; i <= CONF_FILE_MAX_BYTES / n; i++)
		assert_int_equal(write(fd, chunk, n), (ssize_t)n);
	assert_int_equal(close(fd), 0);
	conf_init(&c);
	assert_int_equal(conf_load(&c, path, NULL, 1, &eb), -1);
	assert_int_equal(asprintf(&want, "%s: too large", path) > 0, 1);
	assert_non_null(strstr(eb.msg, want));
	free(want);
	conf_release(&c);
	unlink(path);
	free(chunk);
}

static int
max_tags(void *ctx, const struct opml_feed *f)
{
	size_t *n = ctx;

	if (f->ntags > *n)
		*n = f->ntags;
	return 0;
}

static void
test_opml_depth_flattened_when_over_max(void **state)
{
	struct buf text;
	struct errbuf eb;
	size_t	 i, ntags = 0, depth = OPML_DEPTH_MAX * 4;

	(void)state;
	buf_init(&text, 1 << 20);
	assert_int_equal(buf_puts(&text, "<opml version=\"2.0\"><body>"),
	    BUF_OK);
	for (i = 0; i < depth; i++)
		assert_int_equal(buf_printf(&text, "<outline text=\"f%zu\">", i),
		    BUF_OK);
	assert_int_equal(buf_puts(&text,
	    "<outline text=\"deep\" xmlUrl=\"https://x.org/deep\"/>"), BUF_OK);
	for (i = 0; i < depth; i++)
		assert_int_equal(buf_puts(&text, "</outline>"), BUF_OK);
	assert_int_equal(buf_puts(&text, "</body></opml>"), BUF_OK);
	assert_int_equal(opml_parse("deep.opml", text.data, text.len, max_tags,
	    &ntags, &eb), 0);
	assert_true(ntags > 0);
	assert_true(ntags <= OPML_DEPTH_MAX);
	buf_release(&text);
}

static void
test_opml_refused_when_over_max(void **state)
{
	struct errbuf eb;
	char	*big;
	size_t	 ntags = 0;

	(void)state;
	big = malloc(OPML_MAX_BYTES + 1);
	assert_non_null(big);
	memset(big, ' ', OPML_MAX_BYTES + 1);
	assert_int_equal(opml_parse("big.opml", big, OPML_MAX_BYTES + 1,
	    max_tags, &ntags, &eb), -1);
	assert_string_equal(eb.msg, "big.opml: too large (limit 16777216 "
	    "bytes)");
	free(big);
}

static void
test_extract_text_lines_ignored_when_over_max(void **state)
{
	struct extract_opts o;
	struct article *a = NULL;
	struct buf text;
	struct errbuf eb;
	char	*body;
	size_t	 i;
	static const char para[] = "The council met on Tuesday and agreed "
	    "the plan after a long debate about the costs of the work.\n\n";

	(void)state;
	buf_init(&text, 64UL * 1024 * 1024);
	for (i = 0; i < 20; i++)
		assert_int_equal(buf_puts(&text, para), BUF_OK);
	for (i = 0; i < TEXT_LINES_MAX; i++)
		assert_int_equal(buf_puts(&text, "Menu\n"), BUF_OK);
	assert_int_equal(buf_puts(&text, "Zebra marker sentence that is "
	    "long enough to be a paragraph of the story, if it were read.\n"),
	    BUF_OK);
	memset(&o, 0, sizeof o);
	o.where = "many-lines.txt";
	assert_int_equal(extract_text(text.data, text.len, &o, &a, &eb), 0);
	body = article_text(a);
	assert_non_null(body);
	assert_non_null(strstr(body, "The council met"));
	assert_null(strstr(body, "Zebra"));
	free(body);
	article_free(a);
	buf_release(&text);
}

static void
test_layout_lines_cut_when_over_max(void **state)
{
	struct article *a = article_new();
	struct layout l;
	struct errbuf eb;
	struct buf para;
	size_t	 i, per;

	(void)state;
	assert_non_null(a);
	/* Blocks of 40 two-letter words wrap to about 14 lines at 12
	 * columns; enough blocks pass LAYOUT_LINES_MAX. */
	buf_init(&para, 1024);
	for (i = 0; i < 40; i++)
		assert_int_equal(buf_puts(&para, "ab "), BUF_OK);
	per = 10;
	for (i = 0; i < LAYOUT_LINES_MAX / per + 1 && i < ARTICLE_BLOCKS_MAX;
	    i++)
		assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0,
		    para.data, para.len), 0);
	layout_init(&l);
	assert_int_equal(layout_article(&l, a, NULL, 0, LAYOUT_MIN_COLS, &eb),
	    0);
	assert_true(l.nlines <= LAYOUT_LINES_MAX);
	assert_true(l.nlines > LAYOUT_LINES_MAX / 2);
	assert_non_null(strstr(l.lines[l.nlines - 1].text, "[the rest"));
	layout_release(&l);
	buf_release(&para);
	article_free(a);
}

struct feed_got {
	size_t	 n, content_len;
};

static int
on_entry(void *ctx, const struct feed_entry *e)
{
	struct feed_got *g = ctx;

	g->n++;
	g->content_len = strlen(e->content);
	return 0;
}

static void
test_feed_content_cut_when_over_max(void **state)
{
	struct feed_parser *p;
	struct feed_got g = { 0, 0 };
	struct buf text;
	struct errbuf eb;
	size_t	 i;

	(void)state;
	buf_init(&text, FEED_CONTENT_MAX_BYTES * 2);
	assert_int_equal(buf_puts(&text, "<rss version=\"2.0\"><channel><item>"
	    "<title>t</title><description>"), BUF_OK);
	for (i = 0; i < FEED_CONTENT_MAX_BYTES / 8 + 1000; i++)
		assert_int_equal(buf_puts(&text, "word \xc3\xa9 "), BUF_OK);
	assert_int_equal(buf_puts(&text,
	    "</description></item></channel></rss>"), BUF_OK);
	p = feed_parser_new("big.xml", NULL, NULL, on_entry, &g);
	assert_non_null(p);
	assert_int_equal(feed_push(p, text.data, text.len, &eb), 0);
	assert_int_equal(feed_finish(p, &eb), 0);
	assert_int_equal(g.n, 1);
	assert_true(g.content_len <= FEED_CONTENT_MAX_BYTES);
	assert_true(g.content_len > FEED_CONTENT_MAX_BYTES / 2);
	assert_non_null(feed_parser_warning(p));
	feed_parser_free(p);
	buf_release(&text);
}

static void
test_feed_json_refused_when_over_max(void **state)
{
	struct feed_parser *p;
	struct feed_got g = { 0, 0 };
	struct errbuf eb;
	char	*pad;
	int	 rc;
	static const char head[] = "{\"version\": "
	    "\"https://jsonfeed.org/version/1.1\", \"title\": \"";

	(void)state;
	pad = malloc(FEED_READ_BYTES);
	assert_non_null(pad);
	memset(pad, 'a', FEED_READ_BYTES);
	p = feed_parser_new("big.json", NULL, NULL, on_entry, &g);
	assert_non_null(p);
	rc = feed_push(p, head, sizeof head - 1, &eb);
	while (rc == 0)
		rc = feed_push(p, pad, FEED_READ_BYTES, &eb);
	assert_int_equal(rc, -1);
	assert_string_equal(eb.msg, "big.json: JSON feed larger than "
	    "8388608 bytes");
	feed_parser_free(p);
	free(pad);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_article_blocks_capped_when_over_max),
		cmocka_unit_test(test_article_links_capped_when_over_max),
		cmocka_unit_test(test_article_related_capped_when_over_max),
		cmocka_unit_test(
		    test_util_errbuf_strips_escapes_when_quoting_input),
		cmocka_unit_test(test_util_errbuf_cut_at_character_when_over_max),
		cmocka_unit_test(test_util_url_refused_when_over_max),
		cmocka_unit_test(test_conf_feeds_capped_when_over_max),
		cmocka_unit_test(test_conf_warnings_capped_when_over_max),
		cmocka_unit_test(test_conf_tags_refused_when_over_max),
		cmocka_unit_test(test_conf_load_refused_when_over_max),
		cmocka_unit_test(test_opml_depth_flattened_when_over_max),
		cmocka_unit_test(test_opml_refused_when_over_max),
		cmocka_unit_test(test_extract_text_lines_ignored_when_over_max),
		cmocka_unit_test(test_layout_lines_cut_when_over_max),
		cmocka_unit_test(test_feed_content_cut_when_over_max),
		cmocka_unit_test(test_feed_json_refused_when_over_max),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
