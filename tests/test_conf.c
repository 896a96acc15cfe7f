/*
 * test_conf: feeds.conf (newsboat urls syntax) and the settings file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "conf.h"
#include "ui_keys.h"

#define DIR	TEST_DATA_DIR "/conf"

static void
test_conf_feeds_forms_when_newsboat_file(void **state)
{
	struct conf c;
	struct errbuf eb;

	(void)state;
	conf_init(&c);
	assert_int_equal(conf_load(&c, DIR "/feeds.conf", NULL, 1, &eb), 0);
	assert_int_equal(c.nfeeds, 4);
	assert_string_equal(c.feeds[0].url, "https://example.org/a.xml");
	assert_string_equal(c.feeds[0].title, "Custom A");
	assert_int_equal(c.feeds[0].ntags, 2);
	assert_string_equal(c.feeds[0].tags[1], "news");
	assert_string_equal(c.feeds[1].tags[1], "bare-tag");
	assert_null(c.feeds[1].title);
	assert_string_equal(c.feeds[2].url, "https://example.org/c.xml#frag");
	assert_true(c.feeds[2].hidden);
	assert_int_equal(c.feeds[2].ntags, 1);
	assert_string_equal(c.feeds[2].tags[0], "x y");
	assert_string_equal(c.feeds[3].title, "Title with \"quotes\"");
	assert_int_equal(c.feeds[3].line, 12);
	conf_release(&c);
}

static void
test_conf_feeds_bad_lines_when_reported(void **state)
{
	struct conf c;
	struct errbuf eb;

	(void)state;
	conf_init(&c);
	assert_int_equal(conf_load(&c, DIR "/feeds.conf", NULL, 1, &eb), 0);
	assert_int_equal(c.nwarnings, 7);
	assert_string_equal(c.warnings[0], DIR "/feeds.conf:7: not a http, "
	    "https or file URL: \"ftp://example.org/bad.xml\"");
	/* newsboat reads the unquoted rest as tags, and so does byline */
	assert_string_equal(c.warnings[1], DIR "/feeds.conf:8: query "
	    "\"Unread\": column 7: expected an operator after \"unread\" (=, "
	    "!=, =~, !~, #, !#, <, >, <=, >=, between) (quote the whole "
	    "\"query:Title:expression\")");
	assert_string_equal(c.warnings[2], DIR "/feeds.conf:9: missing "
	    "closing quote");
	assert_string_equal(c.warnings[3], DIR "/feeds.conf:10: duplicate "
	    "URL \"https://example.org/a.xml\"");
	assert_string_equal(c.warnings[4], DIR "/feeds.conf:11: filter: wants "
	    "\"filter:CMD:URL\" with a http, https or file URL");
	assert_string_equal(c.warnings[5], DIR "/feeds.conf:14: query "
	    "\"Broken\": column 15: expected an attribute, found the end");
	assert_string_equal(c.warnings[6], DIR "/feeds.conf:15: query: needs "
	    "\"query:Title:expression\"");
	conf_release(&c);
}

static void
test_conf_feeds_exec_and_filter_when_newsboat_syntax(void **state)
{
	static const char text[] =
	    "\"exec:~/bin/feed.sh --all\" \"tag\"\n"
	    "\"filter:tr a-z A-Z:https://example.org/f.xml\"\n"
	    "\"filter:sed s/a:b/:http://example.org/g.xml\"\n"
	    "exec:\n";
	struct conf c;
	struct errbuf eb;

	(void)state;
	conf_init(&c);
	assert_int_equal(conf_parse_feeds(&c, "f", text, sizeof text - 1,
	    &eb), 0);
	assert_int_equal(c.nfeeds, 3);
	assert_string_equal(c.feeds[0].url, "exec:~/bin/feed.sh --all");
	assert_string_equal(c.feeds[0].tags[0], "tag");
	assert_string_equal(conf_filter_url(c.feeds[1].url),
	    "https://example.org/f.xml");
	/* a colon inside the command is the command's */
	assert_string_equal(conf_filter_url(c.feeds[2].url),
	    "http://example.org/g.xml");
	assert_null(conf_filter_url(c.feeds[0].url));
	assert_int_equal(c.nwarnings, 1);
	assert_string_equal(c.warnings[0], "f:4: exec: without a command");
	conf_release(&c);
}

static void
test_conf_query_feed_when_quoted(void **state)
{
	struct conf c;
	struct errbuf eb;

	(void)state;
	conf_init(&c);
	assert_int_equal(conf_load(&c, DIR "/feeds.conf", NULL, 1, &eb), 0);
	assert_int_equal(c.nqueries, 1);
	assert_string_equal(c.queries[0].title, "Unread news");
	assert_string_equal(c.queries[0].expr, "unread = \"yes\" and tags # "
	    "\"news\"");
	assert_int_equal(c.queries[0].ntags, 1);
	assert_string_equal(c.queries[0].tags[0], "daily");
	assert_int_equal(c.queries[0].line, 13);
	/* query feeds are not fetched: not among the feeds */
	assert_int_equal(c.nfeeds, 4);
	conf_release(&c);
}

static void
test_conf_settings_values_when_set(void **state)
{
	struct conf c;
	struct errbuf eb;

	(void)state;
	conf_init(&c);
	c.check_bind = ui_keys_check;
	assert_int_equal(conf_load(&c, DIR "/feeds.conf", DIR "/config", 1,
	    &eb), 0);
	assert_int_equal(c.reload_concurrency, 16);
	assert_int_equal(c.host_concurrency, 3);
	assert_int_equal(c.connect_timeout_ms, 5000);
	assert_int_equal(c.timeout_ms, 30000);
	assert_string_equal(c.user_agent, "Mozilla/5.0 (byline test)");
	assert_string_equal(c.browser, "lynx %u");
	assert_int_equal(c.nbinds, 3);
	assert_string_equal(c.binds[1].key, "^R");
	assert_string_equal(c.binds[1].value, "reload-all");
	assert_int_equal(c.binds[1].line, 9);
	assert_string_equal(c.binds[2].key, "j");
	assert_string_equal(c.binds[2].value, "none");
	assert_int_equal(c.ncolors, 2);
	assert_string_equal(c.colors[0].value, "yellow blue bold");
	assert_string_equal(c.colors[1].value, "color208 default bold "
	    "underline");
	assert_int_equal(c.reload_on_start, 1);
	assert_int_equal(conf_reload_seconds(&c), 15 * 60);
	assert_string_equal(c.save_path, "~/saved news");
	assert_int_equal(c.nmacros, 1);
	assert_string_equal(c.macros[0].key, "v");
	assert_string_equal(c.macros[0].value, "set browser \"mpv %u\"\n"
	    "open-in-browser\ntoggle-read");
	/* a macro's set, or the command line's, is a settings line */
	assert_int_equal(conf_set(&c, "browser \"w3m %u\"", &eb), 0);
	assert_string_equal(c.browser, "w3m %u");
	/* reload-interval: minutes, or seconds with "s" */
	assert_int_equal(conf_set(&c, "reload-interval 30s", &eb), 0);
	assert_int_equal(conf_reload_seconds(&c), 30);
	assert_int_equal(conf_set(&c, "reload-interval 2", &eb), 0);
	assert_int_equal(conf_reload_seconds(&c), 120);
	assert_int_equal(conf_set(&c, "reload-interval 3m", &eb), -1);
	assert_int_equal(conf_set(&c, "timeout 3s", &eb), -1);
	assert_int_equal(conf_set(&c, "timeout abc", &eb), -1);
	assert_string_equal(eb.msg, "timeout: \"abc\" is not a number from "
	    "1 to 3600");
	assert_int_equal(conf_set(&c, "frob 1", &eb), -1);
	assert_string_equal(eb.msg, "unknown key \"frob\"");
	assert_int_equal(c.timeout_ms, 30000);
	assert_int_equal(c.nignores, 1);
	assert_string_equal(c.ignores[0].key, "*");
	assert_string_equal(c.ignores[0].value, "title =~ \"sponsored\"");
	conf_release(&c);
}

/* The five lines of the issue and the other bad ones, each reported
 * with its line, in order. */
static void
test_conf_settings_bad_lines_when_reported(void **state)
{
	static const char *const want[] = {
		"config:11: unknown key \"colour-scheme\"",
		"config:12: reload-concurrency: \"lots\" is not a number "
		    "from 1 to 256",
		"config:13: timeout: \"99999\" is not a number from 1 to 3600",
		"config:14: usage: bind KEY ACTION",
		"config:15: unknown key \"reload-concurency\"",
		"config:16: unknown action \"frobnicate\" (see the help "
		    "screen, ?)",
		"config:17: color: \"purple\": unknown colour (black, red, "
		    "green, yellow, blue, magenta, cyan, white, default or "
		    "color0 to color255)",
		"config:18: browser needs a value",
		"config:19: timeout: \"abc\" is not a number from 1 to 3600",
		"config:24: macro: unknown action \"frobnicate\" (see the "
		    "help screen, ?)",
		"config:26: ignore-article: column 6: expected a value",
	};
	struct conf c;
	struct errbuf eb;
	size_t	 i;

	(void)state;
	conf_init(&c);
	c.check_bind = ui_keys_check;
	assert_int_equal(conf_load(&c, DIR "/nonexistent", DIR "/config", 0,
	    &eb), 0);
	for (i = 0; i < c.nwarnings && i < sizeof want / sizeof want[0];
	    i++)
		assert_string_equal(c.warnings[i] + strlen(DIR "/"), want[i]);
	assert_int_equal(c.nwarnings, sizeof want / sizeof want[0]);
	conf_release(&c);
}

static void
test_conf_load_missing_when_must_exist(void **state)
{
	struct conf c;
	struct errbuf eb;

	(void)state;
	conf_init(&c);
	assert_int_equal(conf_load(&c, DIR "/nonexistent", NULL, 1, &eb), -1);
	assert_string_equal(eb.msg, DIR "/nonexistent: No such file or "
	    "directory");
	conf_release(&c);
	conf_init(&c);
	assert_int_equal(conf_load(&c, DIR "/nonexistent", NULL, 0, &eb), 0);
	assert_int_equal(c.nfeeds, 0);
	conf_release(&c);
}

static void
test_conf_format_feed_when_round_trip(void **state)
{
	struct conf c;
	struct errbuf eb;
	struct buf b;
	char	 t0[] = "a \"b\"", t1[] = "c\\d";
	char	*tags[] = { t0, t1 };

	(void)state;
	buf_init(&b, 4096);
	assert_int_equal(conf_format_feed(&b, "https://x.org/f", "T \"q\"",
	    tags, 2), 0);
	assert_string_equal(b.data,
	    "https://x.org/f \"a \\\"b\\\"\" \"c\\\\d\" \"~T \\\"q\\\"\"");
	conf_init(&c);
	assert_int_equal(conf_parse_feeds(&c, "t", b.data, b.len, &eb), 0);
	assert_int_equal(c.nfeeds, 1);
	assert_string_equal(c.feeds[0].tags[0], "a \"b\"");
	assert_string_equal(c.feeds[0].tags[1], "c\\d");
	assert_string_equal(c.feeds[0].title, "T \"q\"");
	conf_release(&c);
	buf_release(&b);
}

static void
test_conf_hostile_when_controls_and_long_lines(void **state)
{
	struct conf c;
	struct errbuf eb;
	struct buf b;
	size_t	 i;

	(void)state;
	buf_init(&b, CONF_LINE_MAX_BYTES * 2);
	assert_int_equal(buf_puts(&b, "\x1b[31mhttp://evil\n"), BUF_OK);
	for (i = 0; i < CONF_LINE_MAX_BYTES + 1; i++)
		assert_int_equal(buf_putc(&b, 'a'), BUF_OK);
	conf_init(&c);
	assert_int_equal(conf_parse_feeds(&c, "f", b.data, b.len, &eb), 0);
	assert_int_equal(c.nfeeds, 0);
	assert_int_equal(c.nwarnings, 2);
	assert_null(strchr(c.warnings[0], '\x1b'));
	assert_string_equal(c.warnings[1], "f:2: line too long");
	conf_release(&c);
	buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_conf_feeds_forms_when_newsboat_file),
		cmocka_unit_test(test_conf_feeds_bad_lines_when_reported),
		cmocka_unit_test(
		    test_conf_feeds_exec_and_filter_when_newsboat_syntax),
		cmocka_unit_test(test_conf_query_feed_when_quoted),
		cmocka_unit_test(test_conf_settings_values_when_set),
		cmocka_unit_test(test_conf_settings_bad_lines_when_reported),
		cmocka_unit_test(test_conf_load_missing_when_must_exist),
		cmocka_unit_test(test_conf_format_feed_when_round_trip),
		cmocka_unit_test(test_conf_hostile_when_controls_and_long_lines),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
