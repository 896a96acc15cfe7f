/*
 * test_story: an article to its stored form and back, and stored forms
 * that are damaged, hostile or from a newer byline.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "bounds.h"
#include "render.h"
#include "story.h"

static struct article *
sample(void)
{
	static const char title[] = "Bridge \"closes\"";
	static const char para[] = "The old mill bridge closes. "
	    "\xc3\x9c" "n" "\xc3\xaf" "c" "\xc3\xb8" "d" "\xc3\xa9 "
	    "\xe6\x97\xa5\xe6\x9c\xac";
	struct article *a = article_new();

	assert_non_null(a);
	assert_int_equal(article_set(&a->title, title, strlen(title)), 0);
	assert_int_equal(article_set(&a->byline, "A. Writer", 9), 0);
	assert_int_equal(article_set(&a->site, "Gazette", 7), 0);
	assert_int_equal(article_set(&a->lang, "en", 2), 0);
	assert_int_equal(article_set(&a->url, "https://x.org/a", 15), 0);
	a->date = 1739750400;
	a->date_off = 3600;
	a->date_prec = DATE_MINUTE;
	assert_int_equal(article_add_block(a, BLOCK_HEADING, 2, "Why", 3), 0);
	assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0, para,
	    strlen(para)), 0);
	assert_int_equal(article_add_block(a, BLOCK_PRE, 0, "a\n  b\tc", 7),
	    0);
	assert_int_equal(article_add_block(a, BLOCK_LIST_ITEM, 1, "one", 3),
	    0);
	a->blocks[3].ordered = 1;
	assert_int_equal(article_add_link(a, "mill bridge", "https://x.org/m",
	    1, 8, 19), 0);
	assert_int_equal(article_add_teaser(a, "Ferry data", "https://x.org/f",
	    "Open data", "Gazette", "B. Other"), 0);
	assert_int_equal(article_add_related(a, "No URL", NULL, NULL, NULL),
	    0);
	return a;
}

static void
test_story_round_trip_when_whole_article_then_same(void **state)
{
	struct article *a = sample(), *b = NULL;
	struct buf s, r1, r2;
	struct errbuf eb;
	size_t	 i;

	(void)state;
	buf_init(&s, STORY_MAX_BYTES);
	assert_int_equal(story_encode(a, &s, &eb), 0);
	assert_int_equal(story_decode(s.data, s.len, "t", &b, &eb), 0);
	assert_string_equal(b->title, a->title);
	assert_string_equal(b->byline, a->byline);
	assert_string_equal(b->site, a->site);
	assert_string_equal(b->lang, a->lang);
	assert_string_equal(b->url, a->url);
	assert_null(b->excerpt);
	assert_int_equal(b->date, a->date);
	assert_int_equal(b->date_off, a->date_off);
	assert_int_equal(b->date_prec, a->date_prec);
	assert_int_equal(b->nblocks, a->nblocks);
	for (i = 0; i < a->nblocks; i++) {
		assert_int_equal(b->blocks[i].type, a->blocks[i].type);
		assert_int_equal(b->blocks[i].level, a->blocks[i].level);
		assert_int_equal(b->blocks[i].ordered, a->blocks[i].ordered);
		assert_int_equal(b->blocks[i].len, a->blocks[i].len);
		assert_memory_equal(b->blocks[i].text, a->blocks[i].text,
		    a->blocks[i].len);
	}
	assert_int_equal(b->nlinks, 1);
	assert_int_equal(b->links[0].block, 1);
	assert_int_equal(b->links[0].start, 8);
	assert_int_equal(b->links[0].end, 19);
	assert_int_equal(b->nrelated, 2);
	assert_string_equal(b->related[0].author, "B. Other");
	assert_null(b->related[1].url);
	/* every renderer gives the same output for both */
	buf_init(&r1, RENDER_MAX_BYTES);
	buf_init(&r2, RENDER_MAX_BYTES);
	assert_int_equal(render_article(a, RENDER_MARKDOWN, &r1), 0);
	assert_int_equal(render_article(b, RENDER_MARKDOWN, &r2), 0);
	assert_string_equal(r1.data, r2.data);
	buf_release(&r1);
	buf_release(&r2);
	buf_release(&s);
	article_free(a);
	article_free(b);
}

static void
expect_refused(const char *json, const char *msg)
{
	struct article *b = NULL;
	struct errbuf eb;

	assert_int_equal(story_decode(json, strlen(json), "item 7", &b, &eb),
	    -1);
	assert_null(b);
	assert_string_equal(eb.msg, msg);
}

static void
test_story_decode_when_damaged_then_refused(void **state)
{
	(void)state;
	expect_refused("", "item 7: stored story is not readable");
	expect_refused("{\"v\":1,", "item 7: stored story is not readable");
	expect_refused("[1]", "item 7: stored story is not readable");
	expect_refused("{\"v\":1} trailing",
	    "item 7: stored story is not readable");
	expect_refused("{\"title\":\"x\"}", "item 7: stored story has no "
	    "version");
	expect_refused("{\"v\":2,\"title\":\"x\"}", "item 7: stored story is "
	    "of a newer byline (version 2)");
	/* a link past the end of its block */
	expect_refused("{\"v\":1,\"date\":0,\"date_off\":0,\"date_prec\":0,"
	    "\"blocks\":[[0,0,0,\"abc\"]],\"links\":[[\"t\",\"u\",0,1,9]],"
	    "\"related\":[]}", "item 7: stored story is damaged");
	/* a link into a block that is not there */
	expect_refused("{\"v\":1,\"date\":0,\"date_off\":0,\"date_prec\":0,"
	    "\"blocks\":[],\"links\":[[\"t\",\"u\",3,0,0]],\"related\":[]}",
	    "item 7: stored story is damaged");
	/* an unknown kind of block */
	expect_refused("{\"v\":1,\"date\":0,\"date_off\":0,\"date_prec\":0,"
	    "\"blocks\":[[99,0,0,\"x\"]],\"links\":[],\"related\":[]}",
	    "item 7: stored story is damaged");
	/* an escape sequence where text should be */
	expect_refused("{\"v\":1,\"title\":\"\\u001b[2J\",\"date\":0,"
	    "\"date_off\":0,\"date_prec\":0,\"blocks\":[],\"links\":[],"
	    "\"related\":[]}", "item 7: stored story is damaged");
	/* a NUL inside a string */
	expect_refused("{\"v\":1,\"title\":\"a\\u0000b\",\"date\":0,"
	    "\"date_off\":0,\"date_prec\":0,\"blocks\":[],\"links\":[],"
	    "\"related\":[]}", "item 7: stored story is damaged");
	/* nesting deeper than the form has */
	expect_refused("{\"v\":1,\"blocks\":[[[[[[0]]]]]]}",
	    "item 7: stored story is not readable");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    test_story_round_trip_when_whole_article_then_same),
		cmocka_unit_test(test_story_decode_when_damaged_then_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
