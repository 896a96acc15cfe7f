/*
 * test_launch: browser commands built as newsboat builds them, commands
 * run through /bin/sh with an article on their input; and the save
 * module's names and files.
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

#include "launch.h"
#include "save.h"

static char	 dir[64];

static int
mkdir_tmp(void **state)
{
	(void)state;
	snprintf(dir, sizeof dir, "/tmp/byline-launch-XXXXXX");
	return mkdtemp(dir) == NULL ? -1 : 0;
}

static int
rm_tmp(void **state)
{
	char	 cmd[128];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static const char *
command(const char *tmpl, const char *url)
{
	static struct buf b;

	buf_release(&b);
	buf_init(&b, 4096);
	assert_int_equal(launch_browser_command(&b, tmpl, url), 0);
	return b.data;
}

static void
test_launch_browser_command_when_templates(void **state)
{
	(void)state;
	assert_string_equal(command("lynx %u", "https://x.org/a"),
	    "lynx 'https://x.org/a'");
	assert_string_equal(command("firefox --new-tab", "https://x.org/"),
	    "firefox --new-tab 'https://x.org/'");
	assert_string_equal(command("w3m %s >/dev/null 2>&1 &",
	    "https://x.org/it's"), "w3m 'https://x.org/it'\\''s' >/dev/null "
	    "2>&1 &");
	assert_string_equal(command("printf 100%% %u", "http://a/$(id)"),
	    "printf 100% 'http://a/$(id)'");
	setenv("BROWSER", "cmd %s", 1);
	assert_string_equal(command(NULL, "https://x.org/"),
	    "cmd 'https://x.org/'");
	unsetenv("BROWSER");
	assert_string_equal(command("", "https://x.org/"),
	    "xdg-open 'https://x.org/'");
}

static void
test_launch_url_ok_when_file_or_hostile(void **state)
{
	(void)state;
	assert_true(launch_url_ok("https://x.org/"));
	assert_true(launch_url_ok("file:///usr/share/byline/demo/a.html"));
	assert_false(launch_url_ok("file://"));
	assert_false(launch_url_ok("file:///a\x1b]0;x\x07"));
	assert_false(launch_url_ok("javascript:alert(1)"));
	assert_false(launch_url_ok(NULL));
}

static void
test_launch_run_when_piped_and_failing(void **state)
{
	struct errbuf eb;
	char	 cmd[160], got[sizeof dir + 8];
	FILE	*f;
	size_t	 n;
	char	*big;

	(void)state;
	snprintf(cmd, sizeof cmd, "cat > '%s/out' && test -s '%s/out'", dir,
	    dir);
	assert_int_equal(launch_run(cmd, "the story\n", 10, &eb), 0);
	snprintf(got, sizeof got, "%s/out", dir);
	assert_non_null(f = fopen(got, "r"));
	n = fread(got, 1, sizeof got - 1, f);
	got[n] = '\0';
	fclose(f);
	assert_string_equal(got, "the story\n");
	assert_int_equal(launch_run("exit 3", NULL, 0, &eb), -1);
	assert_string_equal(eb.msg, "exit 3: exit status 3");
	assert_int_equal(launch_run("kill -TERM $$", NULL, 0, &eb), -1);
	assert_string_equal(eb.msg, "kill -TERM $$: killed by signal 15");
	/* a command that reads nothing of a big input: no SIGPIPE for us */
	big = calloc(1, 1 << 20);
	assert_non_null(big);
	assert_int_equal(launch_run("true", big, 1 << 20, &eb), 0);
	free(big);
}

static void
test_save_default_path_when_titles(void **state)
{
	char	*p;

	(void)state;
	setenv("HOME", "/home/reader", 1);
	p = save_default_path("~/saved", "Élections: le débat, 2025!", 0);
	assert_string_equal(p, "/home/reader/saved/Élections-le-débat-2025.txt");
	free(p);
	p = save_default_path(NULL, "\x1b[31m", 1);
	assert_string_equal(p, "/home/reader/31m.md");
	free(p);
	p = save_default_path("/tmp/", "", 1);
	assert_string_equal(p, "/tmp/article.md");
	free(p);
	p = save_default_path("/t", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    0);
	assert_int_equal(strlen(p), strlen("/t/") + SAVE_NAME_MAX_BYTES - 1 +
	    strlen(".txt"));
	free(p);
}

static void
test_save_article_when_text_and_markdown(void **state)
{
	struct article *a;
	struct errbuf eb;
	struct buf got;
	char	 path[128];

	(void)state;
	assert_non_null(a = article_new());
	assert_int_equal(article_set(&a->title, "Tide", 4), 0);
	assert_int_equal(article_set(&a->url, "https://x.org/t", 15), 0);
	assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0, "Water.",
	    6), 0);
	snprintf(path, sizeof path, "%s/tide.txt", dir);
	assert_int_equal(save_article(a, path, 0, &eb), 0);
	buf_init(&got, 4096);
	assert_int_equal(file_read(path, &got, &eb), 0);
	assert_string_equal(got.data, "Tide\nhttps://x.org/t\n\nWater.\n");
	assert_int_equal(save_article(a, path, 0, &eb), -1);
	assert_non_null(strstr(eb.msg, "tide.txt: File exists"));
	assert_int_equal(save_article(a, path, 1, &eb), 0);
	snprintf(path, sizeof path, "%s/tide.md", dir);
	assert_int_equal(save_article(a, path, 0, &eb), 0);
	buf_reset(&got);
	assert_int_equal(file_read(path, &got, &eb), 0);
	assert_non_null(strstr(got.data, "# Tide"));
	snprintf(path, sizeof path, "%s/no/such/dir.txt", dir);
	assert_int_equal(save_article(a, path, 0, &eb), -1);
	assert_non_null(strstr(eb.msg, "dir.txt: No such file or directory"));
	buf_release(&got);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_launch_browser_command_when_templates),
		cmocka_unit_test(test_launch_url_ok_when_file_or_hostile),
		cmocka_unit_test(test_launch_run_when_piped_and_failing),
		cmocka_unit_test(test_save_default_path_when_titles),
		cmocka_unit_test(test_save_article_when_text_and_markdown),
	};

	return cmocka_run_group_tests(tests, mkdir_tmp, rm_tmp);
}
