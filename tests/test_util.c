/*
 * test_util: bounded buffers, UTF-8 decoding and widths, the terminal
 * sanitiser (with a catalogue of escape sequences) and URL resolution.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "arena.h"
#include "util.h"

static void
assert_buf_sane(const struct buf *b)
{
	assert_non_null(b->data);
	assert_int_equal(b->data[b->len], '\0');
	assert_true(b->len <= b->max);
}

static void
test_buf_append_within_cap(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_buf_sane(&b);
	assert_int_equal(buf_puts(&b, "abcd"), BUF_OK);
	assert_int_equal(buf_puts(&b, "efgh"), BUF_OK);
	assert_buf_sane(&b);
	assert_string_equal(b.data, "abcdefgh");
	buf_release(&b);
}

static void
test_buf_append_over_cap_changes_nothing(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_int_equal(buf_puts(&b, "abcdef"), BUF_OK);
	assert_int_equal(buf_puts(&b, "ghi"), BUF_TOOBIG);
	assert_buf_sane(&b);
	assert_string_equal(b.data, "abcdef");
	assert_int_equal(buf_printf(&b, "%d", 123), BUF_TOOBIG);
	assert_string_equal(b.data, "abcdef");
	buf_release(&b);
}

static void
test_buf_take_hands_over(void **state)
{
	struct buf b;
	char	*p;

	(void)state;
	buf_init(&b, 100);
	p = buf_take(&b);
	assert_string_equal(p, "");
	free(p);
	assert_int_equal(buf_printf(&b, "%s-%d", "x", 7), BUF_OK);
	p = buf_take(&b);
	assert_string_equal(p, "x-7");
	assert_int_equal(b.len, 0);
	assert_buf_sane(&b);
	free(p);
	buf_release(&b);
}

static void
test_utf8_decode_rejects_malformed(void **state)
{
	static const char *const bad[] = {
		"\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80",
		"\xff", "\x80", "\xe2\x82",
	};
	uint32_t cp;
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_int_equal(utf8_decode(bad[i], strlen(bad[i]), &cp), 1);
		assert_int_equal(cp, 0xfffd);
	}
	assert_int_equal(utf8_decode("\xe2\x82\xac", 3, &cp), 3);
	assert_int_equal(cp, 0x20ac);
	assert_int_equal(utf8_decode("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
}

static void
test_utf8_width_cjk_combining_invalid(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("abc", 3), 3);
	/* CJK: two columns each. */
	assert_int_equal(utf8_width("\xe6\x97\xa5\xe6\x9c\xac", 6), 4);
	/* e + combining acute: one column. */
	assert_int_equal(utf8_width("e\xcc\x81", 3), 1);
	/* Invalid bytes: one column each (shown as U+FFFD). */
	assert_int_equal(utf8_width("\xff\xfe", 2), 2);
	/* Controls take none. */
	assert_int_equal(utf8_width("a\x1b" "b", 3), 2);
}

static void
test_utf8_fit_never_splits_wide(void **state)
{
	const char *s = "a\xe6\x97\xa5" "b";

	(void)state;
	assert_int_equal(utf8_fit(s, strlen(s), 1), 1);
	assert_int_equal(utf8_fit(s, strlen(s), 2), 1);
	assert_int_equal(utf8_fit(s, strlen(s), 3), 4);
	assert_int_equal(utf8_fit(s, strlen(s), 10), 5);
}

/* What a terminal must never receive, each embedded in text. */
static const struct {
	const char	*in;
	const char	*out;
} escapes[] = {
	{ "a\x1b[31mred\x1b[0mb", "aredb" },		/* SGR */
	{ "a\x1b[2J\x1b[Hb", "ab" },			/* clear, home */
	{ "a\x1b]0;title\x07" "b", "ab" },		/* OSC title, BEL */
	{ "a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b", "alinkb" }, /* OSC 8 */
	{ "a\x1bP1$r\x1b\\b", "ab" },			/* DCS */
	{ "a\x1b_apc\x1b\\b", "ab" },			/* APC */
	{ "a\x1b" "cb", "ab" },				/* RIS */
	{ "a\x1b(0b", "ab" },				/* charset */
	{ "a\xc2\x9b" "31mb", "ab" },			/* C1 CSI */
	{ "a\xc2\x9d" "0;t\x07" "b", "ab" },		/* C1 OSC */
	{ "a\xc2\x85" "b", "ab" },			/* C1 NEL */
	{ "a\x07\x08\x0b\x0c\x7f" "b", "ab" },		/* C0, DEL */
	{ "a\xe2\x80\xae" "b", "ab" },			/* RLO */
	{ "a\xe2\x81\xa6" "b\xe2\x81\xa9", "ab" },	/* LRI, PDI */
	{ "a\tb\nc\rd", "a b c d" },			/* white space */
	{ "a\xffz", "a\xef\xbf\xbdz" },			/* invalid */
	{ "caf\xc3\xa9 \xe6\x97\xa5", "caf\xc3\xa9 \xe6\x97\xa5" }, /* kept */
	{ "a\x1b[", "a" },				/* truncated */
};

static void
test_utf8_sanitize_escape_catalogue(void **state)
{
	struct buf b;
	size_t	 i;

	(void)state;
	buf_init(&b, 1024);
	for (i = 0; i < sizeof escapes / sizeof escapes[0]; i++) {
		buf_reset(&b);
		assert_int_equal(utf8_sanitize(&b, escapes[i].in,
		    strlen(escapes[i].in), 0), BUF_OK);
		assert_buf_sane(&b);
		if (strcmp(b.data, escapes[i].out) != 0)
			fail_msg("case %zu: got \"%s\"", i, b.data);
		assert_null(memchr(b.data, 0x1b, b.len));
	}
	buf_reset(&b);
	assert_int_equal(utf8_sanitize(&b, "a\nb", 3, 1), BUF_OK);
	assert_string_equal(b.data, "a\nb");
	buf_release(&b);
}

static void
test_url_resolve_relative_and_hostile(void **state)
{
	char	*u;

	(void)state;
	u = url_resolve("https://example.org/a/b.html", "../c?x=1#f");
	assert_string_equal(u, "https://example.org/c?x=1#f");
	free(u);
	u = url_resolve("https://example.org/a/", "//cdn.example.net/i.png");
	assert_string_equal(u, "https://cdn.example.net/i.png");
	free(u);
	u = url_resolve(NULL, "http://example.com");
	assert_string_equal(u, "http://example.com/");
	free(u);
	assert_null(url_resolve("https://example.org/", "javascript:alert(1)"));
	assert_null(url_resolve("https://example.org/", "data:text/html,x"));
	assert_null(url_resolve(NULL, "relative/only"));
	u = url_host("https://Example.ORG:8080/x");
	assert_string_equal(u, "example.org");
	free(u);
}

/* RFC 3986 5.4: every normal and abnormal example. */
static void
test_url_resolve_rfc3986_examples(void **state)
{
	static const char *const ex[][2] = {
		{ "g:h", NULL },	/* scheme "g" is not one we follow */
		{ "g", "http://a/b/c/g" }, { "./g", "http://a/b/c/g" },
		{ "g/", "http://a/b/c/g/" }, { "/g", "http://a/g" },
		{ "//g", "http://g/" }, { "?y", "http://a/b/c/d;p?y" },
		{ "g?y", "http://a/b/c/g?y" }, { "#s", "http://a/b/c/d;p?q#s" },
		{ "g#s", "http://a/b/c/g#s" }, { "g?y#s", "http://a/b/c/g?y#s" },
		{ ";x", "http://a/b/c/;x" }, { "g;x", "http://a/b/c/g;x" },
		{ "g;x?y#s", "http://a/b/c/g;x?y#s" }, { "", "http://a/b/c/d;p?q" },
		{ ".", "http://a/b/c/" }, { "./", "http://a/b/c/" },
		{ "..", "http://a/b/" }, { "../", "http://a/b/" },
		{ "../g", "http://a/b/g" }, { "../..", "http://a/" },
		{ "../../", "http://a/" }, { "../../g", "http://a/g" },
		{ "../../../g", "http://a/g" }, { "../../../../g", "http://a/g" },
		{ "/./g", "http://a/g" }, { "/../g", "http://a/g" },
		{ "g.", "http://a/b/c/g." }, { ".g", "http://a/b/c/.g" },
		{ "g..", "http://a/b/c/g.." }, { "..g", "http://a/b/c/..g" },
		{ "./../g", "http://a/b/g" }, { "./g/.", "http://a/b/c/g/" },
		{ "g/./h", "http://a/b/c/g/h" }, { "g/../h", "http://a/b/c/h" },
		{ "g;x=1/./y", "http://a/b/c/g;x=1/y" },
		{ "g;x=1/../y", "http://a/b/c/y" },
		{ "g?y/./x", "http://a/b/c/g?y/./x" },
		{ "g#s/../x", "http://a/b/c/g#s/../x" },
		/* Beyond the RFC: what pages hold. */
		{ "HTTPS://Example.COM/A b", "https://example.com/A%20b" },
		{ "caf\xc3\xa9", "http://a/b/c/caf%C3%A9" },
		{ "http://u:p@Host:8080/x", "http://u:p@host:8080/x" },
	};
	size_t	 i;

	(void)state;
	for (i = 0; i < sizeof ex / sizeof ex[0]; i++) {
		char	*u = url_resolve("http://a/b/c/d;p?q", ex[i][0]);

		if (ex[i][1] == NULL ? u != NULL :
		    (u == NULL || strcmp(u, ex[i][1]) != 0))
			fail_msg("\"%s\": got %s, want %s", ex[i][0],
			    u ? u : "NULL", ex[i][1] ? ex[i][1] : "NULL");
		free(u);
	}
}

static void
test_file_read_errors_name_the_path(void **state)
{
	struct buf b;
	struct errbuf eb;

	(void)state;
	buf_init(&b, 16);
	assert_int_equal(file_read("/nonexistent/x", &b, &eb), -1);
	assert_string_equal(eb.msg, "/nonexistent/x: No such file or directory");
	assert_int_equal(file_read(TEST_DATA_DIR, &b, &eb), -1);
	assert_non_null(strstr(eb.msg, ": is a directory"));
	assert_int_equal(file_read(TEST_DATA_DIR "/sample.txt", &b, &eb), -1);
	assert_non_null(strstr(eb.msg, ": too large"));
	assert_int_equal(b.len, 0);
	buf_release(&b);
}

/* The directories above a path are made, those there are kept, and a
 * file in the way is named in the error. */
static void
test_file_mkdir_parents_makes_and_names(void **state)
{
	struct errbuf eb;
	struct stat st;
	char	 dir[] = "/tmp/byline-test-mkdir-XXXXXX";
	char	 path[128], sub[128], file[128];
	FILE	*f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/a/b/cache.db", dir);
	assert_int_equal(file_mkdir_parents(path, &eb), 0);
	snprintf(sub, sizeof sub, "%s/a/b", dir);
	assert_int_equal(stat(sub, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);
	/* Again: nothing to make, no error. */
	assert_int_equal(file_mkdir_parents(path, &eb), 0);
	/* A file where a directory should be. */
	snprintf(file, sizeof file, "%s/a/f", dir);
	assert_non_null(f = fopen(file, "w"));
	fclose(f);
	snprintf(path, sizeof path, "%s/a/f/x/y", dir);
	assert_int_equal(file_mkdir_parents(path, &eb), -1);
	snprintf(sub, sizeof sub, "%s/a/f/x: Not a directory", dir);
	assert_string_equal(eb.msg, sub);
	unlink(file);
	snprintf(sub, sizeof sub, "%s/a/b", dir);
	rmdir(sub);
	snprintf(sub, sizeof sub, "%s/a", dir);
	rmdir(sub);
	rmdir(dir);
}

/* Words are runs of anything but ASCII white space: no-break spaces and
 * other UTF-8 stay inside a word, a blank string has none. */
static void
test_str_words_counts_runs_between_blanks(void **state)
{
	(void)state;
	assert_int_equal(str_words(""), 0);
	assert_int_equal(str_words(" \t\n "), 0);
	assert_int_equal(str_words("one"), 1);
	assert_int_equal(str_words("  two\twords\n"), 2);
	assert_int_equal(str_words("a\xc2\xa0" "b c"), 2);
	assert_int_equal(str_words("\xe6\x97\xa5\xe6\x9c\xac x"), 2);
}

/* Blocks keep their bytes through growth, stay aligned, and the cap
 * holds. */
static void
test_arena_blocks_realloc_and_cap(void **state)
{
	struct arena *ar;
	unsigned char *p[200], *q, *r;
	size_t	 i, j;

	(void)state;
	assert_non_null(ar = arena_new(64UL * 1024 * 1024));
	for (i = 0; i < 200; i++) {
		assert_non_null(p[i] = arena_alloc(ar, i * 37 + 1));
		assert_int_equal((uintptr_t)p[i] % 16, 0);
		memset(p[i], (int)i, i * 37 + 1);
	}
	for (i = 0; i < 200; i++)
		for (j = 0; j < i * 37 + 1; j++)
			assert_int_equal(p[i][j], (unsigned char)i);
	/* The newest block grows in place; an older one moves. */
	q = arena_realloc(ar, p[199], 199 * 37 + 500);
	assert_ptr_equal(q, p[199]);
	r = arena_realloc(ar, p[10], 5000);
	assert_non_null(r);
	for (j = 0; j < 10 * 37 + 1; j++)
		assert_int_equal(r[j], 10);
	/* A block larger than a quarter chunk has its own mapping, grows
	 * across the chunk size and is given back. */
	assert_non_null(q = arena_alloc(ar, 2UL * 1024 * 1024));
	memset(q, 7, 2UL * 1024 * 1024);
	assert_non_null(q = arena_realloc(ar, q, 9UL * 1024 * 1024));
	assert_int_equal(q[2UL * 1024 * 1024 - 1], 7);
	i = arena_used(ar);
	arena_free(ar, q);
	assert_true(arena_used(ar) < i);
	/* The cap: 64 MB in all. */
	assert_null(arena_alloc(ar, 80UL * 1024 * 1024));
	for (i = 0; i < 100; i++)
		if (arena_alloc(ar, 1024 * 1024) == NULL)
			break;
	assert_true(i < 100);
	assert_true(arena_used(ar) <= 64UL * 1024 * 1024);
	arena_free(ar, NULL);
	arena_destroy(ar);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_append_within_cap),
		cmocka_unit_test(test_buf_append_over_cap_changes_nothing),
		cmocka_unit_test(test_buf_take_hands_over),
		cmocka_unit_test(test_utf8_decode_rejects_malformed),
		cmocka_unit_test(test_utf8_width_cjk_combining_invalid),
		cmocka_unit_test(test_utf8_fit_never_splits_wide),
		cmocka_unit_test(test_utf8_sanitize_escape_catalogue),
		cmocka_unit_test(test_url_resolve_relative_and_hostile),
		cmocka_unit_test(test_url_resolve_rfc3986_examples),
		cmocka_unit_test(test_file_read_errors_name_the_path),
		cmocka_unit_test(test_file_mkdir_parents_makes_and_names),
		cmocka_unit_test(test_str_words_counts_runs_between_blanks),
		cmocka_unit_test(test_arena_blocks_realloc_and_cap),
	};

	return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
