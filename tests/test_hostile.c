/*
 * test_hostile: issue 8's checks of what byline hands on from strangers
 * that belong to no module fixture: the addresses the reader's "o" key
 * may give a web browser (url_is_web()).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "util.h"

static void
test_util_url_is_web_accepts_http_and_https(void **state)
{
	(void)state;
	assert_true(url_is_web("http://example.com/"));
	assert_true(url_is_web("https://example.com/a?b=c#d"));
	assert_true(url_is_web("HTTPS://Example.com/"));
	/* A real U+FFFD and other non-ASCII letters are fine. */
	assert_true(url_is_web("https://example.com/caf\xc3\xa9/\xef\xbf\xbd"));
}

static void
test_util_url_is_web_refuses_other_schemes(void **state)
{
	(void)state;
	assert_false(url_is_web(NULL));
	assert_false(url_is_web(""));
	assert_false(url_is_web("javascript:alert(1)"));
	assert_false(url_is_web("JavaScript:alert(1)"));
	assert_false(url_is_web("file:///etc/passwd"));
	assert_false(url_is_web("data:text/html,<script>x</script>"));
	assert_false(url_is_web("vbscript:x"));
	assert_false(url_is_web("ftp://example.com/"));
	assert_false(url_is_web(" http://example.com/"));
	assert_false(url_is_web("-http://example.com/"));
	assert_false(url_is_web("//example.com/"));
	assert_false(url_is_web("http:"));
	assert_false(url_is_web("http://"));
	assert_false(url_is_web("https:/example.com"));
}

static void
test_util_url_is_web_refuses_control_characters(void **state)
{
	(void)state;
	assert_false(url_is_web("http://example.com/\x1b[2J"));
	assert_false(url_is_web("http://example.com/a\nb"));
	assert_false(url_is_web("http://example.com/a\tb"));
	assert_false(url_is_web("http://example.com/a\x7f"));
	assert_false(url_is_web("http://example.com/\xc2\x9b" "2J"));
	assert_false(url_is_web("http://example.com/\xe2\x80\xae" "gpj.exe"));
	assert_false(url_is_web("http://example.com/\xe2\x80\xa8"));
	assert_false(url_is_web("http://example.com/\xff"));
	assert_false(url_is_web("http://example.com/\xc0\xaf"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_util_url_is_web_accepts_http_and_https),
		cmocka_unit_test(test_util_url_is_web_refuses_other_schemes),
		cmocka_unit_test(
		    test_util_url_is_web_refuses_control_characters),
	};

	return cmocka_run_group_tests_name("hostile", tests, NULL, NULL);
}
