/*
 * test_layout: an article to screen lines: widths, wrapping, wide and
 * broken characters, link markers, control characters and the order of
 * the related targets.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "layout.h"

static struct article *
mk(const char *title, const char *const *paras, size_t n)
{
	struct article *a = article_new();
	size_t	 i;

	assert_non_null(a);
	if (title != NULL)
		assert_int_equal(article_set(&a->title, title, strlen(title)),
		    0);
	for (i = 0; i < n; i++)
		assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0,
		    paras[i], strlen(paras[i])), 0);
	return a;
}

/* Every line: no more columns than the width, none of the bytes a
 * terminal acts on, its stored width right. */
static void
assert_layout_sane(const struct layout *l)
{
	size_t	 i, j;

	for (i = 0; i < l->nlines; i++) {
		const struct layout_line *ln = &l->lines[i];

		assert_non_null(ln->text);
		assert_int_equal(strlen(ln->text), ln->len);
		assert_int_equal(utf8_width(ln->text, ln->len), ln->cols);
		if (ln->cols > l->width)
			fail_msg("line %zu has %zu columns, width %zu: \"%s\"",
			    i, ln->cols, l->width, ln->text);
		for (j = 0; j < ln->len; j++) {
			unsigned char c = (unsigned char)ln->text[j];

			if (c < 0x20 || c == 0x7f)
				fail_msg("line %zu: control byte 0x%02x", i, c);
		}
	}
	for (i = 0; i < l->ntargets; i++) {
		assert_true(l->targets[i].nlines > 0);
		assert_true(l->targets[i].line + l->targets[i].nlines <=
		    l->nlines);
		assert_int_equal(l->lines[l->targets[i].line].target, (long)i);
	}
}

/* Index of the first line containing s, or -1. */
static long
find_line(const struct layout *l, const char *s)
{
	size_t	 i;

	for (i = 0; i < l->nlines; i++)
		if (strstr(l->lines[i].text, s) != NULL)
			return (long)i;
	return -1;
}

static void
test_layout_wrap_fits_width_when_narrow(void **state)
{
	static const char *const p[] = {
		"The quick brown fox jumps over the lazy dog and keeps "
		"running through the fields until the evening comes.",
	};
	struct article *a = mk("A title that is longer than the width", p, 1);
	struct layout l;
	struct errbuf eb;
	size_t	 w;

	(void)state;
	layout_init(&l);
	for (w = LAYOUT_MIN_COLS; w < 80; w++) {
		assert_int_equal(layout_article(&l, a, NULL, 0, w, &eb), 0);
		assert_layout_sane(&l);
	}
	assert_int_equal(layout_article(&l, a, NULL, 0, 20, &eb), 0);
	assert_int_equal(l.lines[0].kind, LAYOUT_TITLE);
	assert_string_equal(l.lines[0].text, "A title that is");
	assert_true(find_line(&l, "The quick brown fox") >= 0);
	/* Words are not split when they fit on a line of their own. */
	assert_true(find_line(&l, "jumps") >= 0);
	layout_release(&l);
	article_free(a);
}

static void
test_layout_wide_chars_never_split(void **state)
{
	/* 20 CJK characters, 2 columns each, no spaces. */
	static const char *const p[] = {
		"\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad"
		"\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87"
		"\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87\xe4\xb8\xad"
		"\xe6\x96\x87\xe4\xb8\xad\xe6\x96\x87",
	};
	struct article *a = mk(NULL, p, 1);
	struct layout l;
	struct errbuf eb;
	size_t	 i, total = 0;

	(void)state;
	layout_init(&l);
	assert_int_equal(layout_article(&l, a, NULL, 0, 13, &eb), 0);
	assert_layout_sane(&l);
	for (i = 0; i < l.nlines; i++) {
		/* 13 columns hold 6 wide characters, never 6 and a half. */
		if (l.lines[i].cols > 0)
			assert_int_equal(l.lines[i].cols % 2, 0);
		total += l.lines[i].cols;
	}
	assert_int_equal(total, utf8_width(p[0], strlen(p[0])));
	layout_release(&l);
	article_free(a);
}

static void
test_layout_long_word_cut_when_wider_than_line(void **state)
{
	static const char *const p[] = {
		"see https://example.org/a/very/long/path/that/never/ends/at/all"
		" for more",
	};
	struct article *a = mk(NULL, p, 1);
	struct layout l;
	struct errbuf eb;

	(void)state;
	layout_init(&l);
	assert_int_equal(layout_article(&l, a, NULL, 0, 16, &eb), 0);
	assert_layout_sane(&l);
	assert_string_equal(l.lines[0].text, "see");
	assert_string_equal(l.lines[1].text, "https://example.");
	assert_true(find_line(&l, "ends/at/all for") >= 0);
	layout_release(&l);
	article_free(a);
}

static void
test_layout_invalid_utf8_and_controls_when_hostile(void **state)
{
	struct article *a = article_new();
	struct layout l;
	struct errbuf eb;
	struct layout_extra ex = { "evil \x1b]0;title\x07 extra\x1b[2J",
		"src\r\n", "\x9b" "31m2025" };

	(void)state;
	assert_non_null(a);
	/* Straight into the model, bypassing its setters' cleaning, as
	 * a careless producer would. */
	a->title = strdup("bad \xff\xfe bytes \x1b[31mred\x1b[0m \x07 bell");
	assert_non_null(a->title);
	layout_init(&l);
	assert_int_equal(layout_article(&l, a, &ex, 1, 40, &eb), 0);
	assert_layout_sane(&l);
	assert_non_null(strstr(l.lines[0].text, "\xef\xbf\xbd"));
	assert_non_null(strstr(l.lines[0].text, "red"));
	assert_null(strstr(l.lines[0].text, "[31m"));
	assert_true(find_line(&l, "evil") >= 0);
	assert_int_equal(find_line(&l, "title"), -1);
	layout_release(&l);
	article_free(a);
}

static void
test_layout_link_markers_after_link_text(void **state)
{
	static const char *const p[] = {
		"Read the report and the reply today.",
		"No links here.",
	};
	struct article *a = mk("T", p, 2);
	struct layout l;
	struct errbuf eb;

	(void)state;
	/* "report" is bytes 9-15, "reply" 24-29 of block 0. */
	assert_int_equal(article_add_link(a, "reply",
	    "https://example.org/reply", 0, 24, 29), 0);
	assert_int_equal(article_add_link(a, "report",
	    "https://example.org/report", 0, 9, 15), 0);
	layout_init(&l);
	assert_int_equal(layout_article(&l, a, NULL, 0, 80, &eb), 0);
	assert_layout_sane(&l);
	assert_true(find_line(&l,
	    "Read the report[2] and the reply[1] today.") >= 0);
	/* The links section lists them in number order, as targets. */
	assert_int_equal(l.ntargets, 2);
	assert_int_equal(l.targets[0].kind, LAYOUT_LINK);
	assert_int_equal(l.targets[0].index, 0);
	assert_non_null(strstr(l.lines[l.targets[0].line].text,
	    "[1] reply"));
	assert_true(find_line(&l, "https://example.org/report") >
	    find_line(&l, "https://example.org/reply"));
	layout_release(&l);
	article_free(a);
}

static void
test_layout_targets_in_order_teasers_links_extras(void **state)
{
	static const char *const p[] = { "Body text." };
	struct article *a = mk("Story", p, 1);
	struct layout_extra ex[2] = {
		{ "Store one", "Feed A", "2025-02-17" },
		{ "Store two", NULL, NULL },
	};
	struct layout l;
	struct errbuf eb;
	long	 rel, body;

	(void)state;
	assert_int_equal(article_add_related(a, "Teaser one", NULL,
	    "A one-line summary.", "The Source"), 0);
	assert_int_equal(article_add_related(a, "Teaser two",
	    "https://example.org/two", NULL, NULL), 0);
	assert_int_equal(article_add_link(a, "Body", "https://example.org/b",
	    0, 0, 4), 0);
	layout_init(&l);
	assert_int_equal(layout_article(&l, a, ex, 2, 60, &eb), 0);
	assert_layout_sane(&l);
	assert_int_equal(l.ntargets, 5);
	assert_int_equal(l.targets[0].kind, LAYOUT_TEASER);
	assert_int_equal(l.targets[1].kind, LAYOUT_TEASER);
	assert_int_equal(l.targets[1].index, 1);
	assert_int_equal(l.targets[2].kind, LAYOUT_LINK);
	assert_int_equal(l.targets[3].kind, LAYOUT_EXTRA);
	assert_int_equal(l.targets[4].index, 1);
	/* Teaser one: title, summary and source lines. */
	assert_int_equal(l.targets[0].nlines, 3);
	body = find_line(&l, "Body[1] text.");
	rel = find_line(&l, "Related");
	assert_true(body >= 0 && rel > body);
	assert_true(l.related_line <= (size_t)rel);
	assert_int_equal(l.lines[rel].kind, LAYOUT_SECTION);
	assert_true(find_line(&l, "Feed A \xc2\xb7 2025-02-17") >
	    find_line(&l, "Store one"));
	layout_release(&l);
	article_free(a);
}

static void
test_layout_lists_and_pre_when_mixed(void **state)
{
	struct article *a = article_new();
	struct layout l;
	struct errbuf eb;
	static const char pre[] = "int\nmain(void)\n{ return 0123456789012345; }";

	(void)state;
	assert_non_null(a);
	assert_int_equal(article_add_block(a, BLOCK_HEADING, 2, "Head", 4), 0);
	assert_int_equal(article_add_block(a, BLOCK_LIST_ITEM, 1, "one", 3), 0);
	a->blocks[a->nblocks - 1].ordered = 1;
	assert_int_equal(article_add_block(a, BLOCK_LIST_ITEM, 1, "two", 3), 0);
	a->blocks[a->nblocks - 1].ordered = 1;
	assert_int_equal(article_add_block(a, BLOCK_QUOTE, 0, "quoted", 6), 0);
	assert_int_equal(article_add_block(a, BLOCK_PRE, 0, pre,
	    sizeof pre - 1), 0);
	layout_init(&l);
	assert_int_equal(layout_article(&l, a, NULL, 0, 20, &eb), 0);
	assert_layout_sane(&l);
	assert_int_equal(l.lines[0].kind, LAYOUT_HEADING);
	assert_int_equal(find_line(&l, "2. two"), find_line(&l, "1. one") + 1);
	assert_int_equal(l.lines[find_line(&l, "quoted")].kind, LAYOUT_QUOTE);
	assert_true(find_line(&l, "  main(void)") >= 0);
	assert_int_equal(l.lines[find_line(&l, "  main(void)")].kind,
	    LAYOUT_PRE);
	layout_release(&l);
	article_free(a);
}

static void
test_layout_fit_cuts_with_ellipsis(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 1024);
	assert_int_equal(layout_fit(&b, "abcdef", 4, 1), 4);
	assert_string_equal(b.data, "abc\xe2\x80\xa6");
	buf_reset(&b);
	assert_int_equal(layout_fit(&b, "ab", 4, 1), 4);
	assert_string_equal(b.data, "ab  ");
	buf_reset(&b);
	assert_int_equal(layout_fit(&b, "ab", 4, 0), 2);
	buf_reset(&b);
	/* Two wide characters do not fit in 3 columns: one, "…", nothing
	 * split. */
	assert_int_equal(layout_fit(&b, "\xe4\xb8\xad\xe6\x96\x87", 3, 1), 3);
	assert_string_equal(b.data, "\xe4\xb8\xad\xe2\x80\xa6");
	buf_reset(&b);
	assert_int_equal(layout_fit(&b, "x\x1b[2Jy\tz", 10, 0), 4);
	assert_string_equal(b.data, "xy z");
	buf_reset(&b);
	assert_int_equal(layout_fit(&b, NULL, 2, 1), 2);
	buf_release(&b);
}

static void
test_layout_empty_article_when_nothing(void **state)
{
	struct article *a = article_new();
	struct layout l;
	struct errbuf eb;

	(void)state;
	assert_non_null(a);
	layout_init(&l);
	assert_int_equal(layout_article(&l, a, NULL, 0, 1, &eb), 0);
	assert_int_equal(l.nlines, 0);
	assert_int_equal(l.ntargets, 0);
	assert_int_equal(l.width, LAYOUT_MIN_COLS);
	layout_release(&l);
	layout_release(&l);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_wrap_fits_width_when_narrow),
		cmocka_unit_test(test_layout_wide_chars_never_split),
		cmocka_unit_test(test_layout_long_word_cut_when_wider_than_line),
		cmocka_unit_test(test_layout_invalid_utf8_and_controls_when_hostile),
		cmocka_unit_test(test_layout_link_markers_after_link_text),
		cmocka_unit_test(test_layout_targets_in_order_teasers_links_extras),
		cmocka_unit_test(test_layout_lists_and_pre_when_mixed),
		cmocka_unit_test(test_layout_fit_cuts_with_ellipsis),
		cmocka_unit_test(test_layout_empty_article_when_nothing),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
