/*
 * test_filter: newsboat's filter language, parsed and run as SQL on a
 * real store in a temporary file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "filter.h"
#include "store.h"
#include "store_fixture.h"

#define DAY	86400

struct fixture {
	struct store_fixture st;
	int64_t		 tech, news;	/* feeds */
	int64_t		 first;		/* item "Climate talks resume" */
};

static void
put(struct store *s, int64_t feed, const char *id, const char *title,
    const char *author, const char *content, time_t t, int64_t *item)
{
	struct feed_entry e;
	struct errbuf eb;

	memset(&e, 0, sizeof e);
	e.id = id;
	e.title = title;
	e.link = id;
	e.author = author;
	e.content = content;
	e.content_type = FEED_CONTENT_PLAIN;
	e.time = t;
	e.has_time = 1;
	assert_int_equal(store_item_put(s, feed, &e, t, NULL, item, &eb), 0);
}

static int
setup(void **state)
{
	struct fixture *fx;
	struct errbuf eb;
	time_t	 now = time(NULL);
	int64_t	 id;

	fx = calloc(1, sizeof *fx);
	assert_non_null(fx);
	store_fixture_open(&fx->st, "filter");
	assert_int_equal(store_feed_ensure(fx->st.s, "https://t.example/feed",
	    "Tech Daily", "tech|linux", &fx->tech, &eb), 0);
	assert_int_equal(store_feed_ensure(fx->st.s, "https://n.example/feed",
	    NULL, "news", &fx->news, &eb), 0);
	assert_int_equal(store_feed_fetched(fx->st.s, fx->news, "World News",
	    NULL, NULL, now, &eb), 0);
	put(fx->st.s, fx->news, "n1", "Climate talks resume", "Ana Ruiz",
	    "Delegates met in Bonn.", now - 1 * DAY - 60, &fx->first);
	put(fx->st.s, fx->news, "n2", "Élections: le débat", NULL,
	    "Un débat télévisé.", now - 10 * DAY, NULL);
	put(fx->st.s, fx->tech, "t1", "Linux 7.0 released", "Linus",
	    "The kernel climate is calm.", now - 2 * DAY - 60, &id);
	assert_int_equal(store_item_set_read(fx->st.s, id, 1, &eb), 0);
	put(fx->st.s, fx->tech, "t2", "Rust in the kernel", "Ana Ruiz",
	    "A 100% safe [driver].", now - 30 * DAY, &id);
	assert_int_equal(store_item_set_starred(fx->st.s, id, 1, &eb), 0);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	store_fixture_close(&fx->st);
	free(fx);
	return 0;
}

/* The titles expr selects in feed (0: all), newest first, joined by
 * "|", into out. */
static void
titles(struct fixture *fx, const char *expr, int64_t feed, char *out,
    size_t n)
{
	struct filter f;
	struct store_item *it;
	struct errbuf eb;
	size_t	 cnt, i;

	out[0] = '\0';
	if (filter_compile(&f, expr, &eb) == -1)
		fail_msg("%s: %s", expr, eb.msg);
	if (store_items_filter(fx->st.s, &f, feed, 0, &it, &cnt, &eb) == -1)
		fail_msg("%s: %s (%s)", expr, eb.msg, f.sql);
	for (i = 0; i < cnt; i++) {
		if (i > 0)
			strncat(out, "|", n - strlen(out) - 1);
		strncat(out, it[i].title, n - strlen(out) - 1);
	}
	store_items_free(it, cnt);
	filter_release(&f);
}

#define ASSERT_TITLES(fx, expr, want) do {				\
	char got_[512];							\
	titles(fx, expr, 0, got_, sizeof got_);				\
	assert_string_equal(got_, want);				\
} while (0)

/* The message filter_compile() gives for expr. */
static const char *
why(const char *expr)
{
	static struct errbuf eb;
	struct filter f;

	if (filter_compile(&f, expr, &eb) == 0) {
		filter_release(&f);
		fail_msg("%s: compiled", expr);
	}
	return eb.msg;
}

static void
test_filter_values_bound_when_quotes_in_value(void **state)
{
	struct filter f;
	struct errbuf eb;

	(void)state;
	assert_int_equal(filter_compile(&f, "title = \"a'b\\\"c\" or "
	    "author != x", &eb), 0);
	assert_null(strstr(f.sql, "a'b"));
	assert_null(strstr(f.sql, "x"));
	assert_int_equal(f.nv, 2);
	assert_string_equal(f.v[0].text, "a'b\"c");
	assert_string_equal(f.v[1].text, "x");
	assert_non_null(strstr(f.sql, " OR "));
	filter_release(&f);
}

static void
test_filter_unread_and_tags_when_query_feed(void **state)
{
	struct fixture *fx = *state;

	ASSERT_TITLES(fx, "unread = \"yes\"", "Climate talks resume|"
	    "Élections: le débat|Rust in the kernel");
	ASSERT_TITLES(fx, "unread = \"no\"", "Linux 7.0 released");
	ASSERT_TITLES(fx, "unread != \"yes\"", "Linux 7.0 released");
	ASSERT_TITLES(fx, "tags # \"tech\"", "Linux 7.0 released|"
	    "Rust in the kernel");
	ASSERT_TITLES(fx, "tags # \"tec\"", "");
	ASSERT_TITLES(fx, "tags !# \"tech\" and unread = \"yes\"",
	    "Climate talks resume|Élections: le débat");
	ASSERT_TITLES(fx, "tags = \"tech linux\"", "Linux 7.0 released|"
	    "Rust in the kernel");
}

static void
test_filter_regex_when_case_and_metacharacters(void **state)
{
	struct fixture *fx = *state;

	/* plain words go through LIKE, the others through regexp() */
	ASSERT_TITLES(fx, "title =~ \"KERNEL\"", "Rust in the kernel");
	/* escaped and bracketed repetitions are characters */
	ASSERT_TITLES(fx, "title =~ \"[+*]? *7\\\\.0\"", "Linux 7.0 released");
	ASSERT_TITLES(fx, "title =~ \"^L.{2,100}x\"", "Linux 7.0 released");
	ASSERT_TITLES(fx, "title =~ \"^(linux|rust) \"", "Linux 7.0 released|"
	    "Rust in the kernel");
	ASSERT_TITLES(fx, "title =~ \"ÉLECTIONS\"", "Élections: le débat");
	ASSERT_TITLES(fx, "title !~ \"e\"", "");
	ASSERT_TITLES(fx, "author =~ \"ruiz$\" and title !~ \"rust\"",
	    "Climate talks resume");
	ASSERT_TITLES(fx, "content =~ \"100%\"", "Rust in the kernel");
	ASSERT_TITLES(fx, "feedtitle =~ \"tech d\"", "Linux 7.0 released|"
	    "Rust in the kernel");
	ASSERT_TITLES(fx, "feedtitle = \"World News\"", "Climate talks resume|"
	    "Élections: le débat");
}

static void
test_filter_contains_when_full_text(void **state)
{
	struct fixture *fx = *state;

	/* title and content: a word of the full-text index */
	ASSERT_TITLES(fx, "title # \"kernel\"", "Rust in the kernel");
	ASSERT_TITLES(fx, "content # \"climate\"", "Linux 7.0 released");
	ASSERT_TITLES(fx, "content # \"clim\"", "");
	ASSERT_TITLES(fx, "title # \"\\\"\"", "");
	ASSERT_TITLES(fx, "title !# \"kernel\" and tags # \"tech\"",
	    "Linux 7.0 released");
	/* the others: a space-separated word */
	ASSERT_TITLES(fx, "author # \"Ruiz\"", "Climate talks resume|"
	    "Rust in the kernel");
}

static void
test_filter_age_and_star_when_numbers(void **state)
{
	struct fixture *fx = *state;

	ASSERT_TITLES(fx, "age < 2", "Climate talks resume");
	ASSERT_TITLES(fx, "age >= 10", "Élections: le débat|"
	    "Rust in the kernel");
	ASSERT_TITLES(fx, "age between 1:2", "Climate talks resume|"
	    "Linux 7.0 released");
	ASSERT_TITLES(fx, "age between 2:1", "Climate talks resume|"
	    "Linux 7.0 released");
	ASSERT_TITLES(fx, "age = \"30\"", "Rust in the kernel");
	ASSERT_TITLES(fx, "flags # \"s\"", "Rust in the kernel");
	ASSERT_TITLES(fx, "starred = \"no\" and (age > 5 or unread = "
	    "\"no\")", "Linux 7.0 released|Élections: le débat");
}

static void
test_filter_precedence_when_and_or_parentheses(void **state)
{
	struct fixture *fx = *state;

	/* and binds tighter: a or (b and c) */
	ASSERT_TITLES(fx, "title =~ \"climate\" or tags # \"tech\" and "
	    "unread = \"no\"", "Climate talks resume|Linux 7.0 released");
	ASSERT_TITLES(fx, "(title =~ \"climate\" or tags # \"tech\") and "
	    "unread = \"no\"", "Linux 7.0 released");
}

static void
test_filter_feed_and_join_when_ignore_article(void **state)
{
	struct fixture *fx = *state;
	struct filter f, g;
	struct store_item *it;
	struct errbuf eb;
	size_t	 n;
	char	 got[256];

	titles(fx, "unread = \"yes\"", fx->tech, got, sizeof got);
	assert_string_equal(got, "Rust in the kernel");
	assert_int_equal(filter_compile(&f, "age < 100", &eb), 0);
	assert_int_equal(filter_compile(&g, "author =~ \"ruiz\"", &eb), 0);
	assert_int_equal(filter_join(&f, &g, 1), 0);
	assert_int_equal(f.nv, 2);
	assert_int_equal(store_items_filter(fx->st.s, &f, 0, 0, &it, &n, &eb),
	    0);
	assert_int_equal(n, 2);
	assert_string_equal(it[0].title, "Linux 7.0 released");
	store_items_free(it, n);
	assert_int_equal(store_items_filter(fx->st.s, &f, 0, 1, &it, &n, &eb),
	    0);
	assert_int_equal(n, 1);
	store_items_free(it, n);
	filter_release(&f);
	filter_release(&g);
}

static void
test_filter_errors_when_unsupported_or_malformed(void **state)
{
	(void)state;
	assert_string_equal(why("title =~ \"a\" and"),
	    "column 17: expected an attribute, found the end");
	assert_string_equal(why("description =~ \"x\""), "column 1: unknown "
	    "attribute \"description\" (byline knows title, author, link, "
	    "content, guid, enclosure_url, feedtitle, feedurl, tags, unread, "
	    "flags, starred, age)");
	assert_string_equal(why("title ~ \"x\""), "column 7: expected an "
	    "operator after \"title\" (=, !=, =~, !~, #, !#, <, >, <=, >=, "
	    "between)");
	/* the rest is the C library's wording */
	assert_true(strncmp(why("title =~ \"(\""), "column 10: bad regular "
	    "expression: ", 34) == 0);
	assert_string_equal(why("title =~ \"a+*\""), "column 10: regular "
	    "expression: a repetition of a repetition at byte 3");
	assert_string_equal(why("title =~ \"a{2}{3}\""), "column 10: "
	    "regular expression: a repetition of a repetition at byte 5");
	assert_string_equal(why("title =~ \"(ab){101}\""), "column 10: "
	    "regular expression: a count over 100 at byte 5");
	assert_string_equal(why("title =~ \"b{1,30000}\""), "column 10: "
	    "regular expression: a count over 100 at byte 2");
	assert_string_equal(why("title = \"abc"), "column 9: missing "
	    "closing quote");
	assert_string_equal(why("(unread = \"yes\""), "column 1: missing "
	    "closing parenthesis");
	assert_string_equal(why("unread = \"yes\")"), "column 15: unmatched "
	    "closing parenthesis");
	assert_string_equal(why("unread = \"maybe\""), "column 10: unread "
	    "takes = or != with \"yes\" or \"no\"");
	assert_string_equal(why("unread = \"yes\" xor age < 3"), "column 16: "
	    "expected \"and\", \"or\" or the end");
	assert_string_equal(why("age < soon"), "column 7: age: \"soon\" is "
	    "not a whole number");
	assert_string_equal(why("age between 3"), "column 13: between needs "
	    "LOW:HIGH, two whole numbers");
	assert_string_equal(why("title > 3"), "column 9: title is text: <, "
	    ">, <=, >= and between compare numbers (age)");
	assert_string_equal(why("flags # \"r\""), "column 9: flags: byline "
	    "keeps one flag, the star: use flags # \"s\" or flags !# \"s\"");
	assert_string_equal(why("title # \"\""), "column 9: # needs a word");
	assert_string_equal(why(""), "column 1: expected an attribute, found "
	    "the end");
}

static void
test_filter_limits_when_deep_or_long(void **state)
{
	char	*s;
	size_t	 i;

	(void)state;
	s = malloc(FILTER_EXPR_MAX_BYTES + 2);
	assert_non_null(s);
	for (i = 0; i <= FILTER_DEPTH_MAX; i++)
		s[i] = '(';
	s[i] = '\0';
	assert_string_equal(why(s), "column 33: parentheses nest deeper "
	    "than 32");
	memset(s, 'a', FILTER_EXPR_MAX_BYTES + 1);
	s[FILTER_EXPR_MAX_BYTES + 1] = '\0';
	assert_string_equal(why(s), "column 1: expression longer than 4096 "
	    "bytes");
	s[0] = '\0';
	for (i = 0; i <= FILTER_VALUES_MAX; i++)
		strcat(s, i == 0 ? "age=1" : " or age=1");
	assert_non_null(strstr(why(s), "more than 128 values"));
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_filter_values_bound_when_quotes_in_value),
		cmocka_unit_test_setup_teardown(
		    test_filter_unread_and_tags_when_query_feed, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_filter_regex_when_case_and_metacharacters, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_filter_contains_when_full_text, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_filter_age_and_star_when_numbers, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_filter_precedence_when_and_or_parentheses, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_filter_feed_and_join_when_ignore_article, setup,
		    teardown),
		cmocka_unit_test(
		    test_filter_errors_when_unsupported_or_malformed),
		cmocka_unit_test(test_filter_limits_when_deep_or_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
