/*
 * test_render: text, markdown and JSON output of a small article.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include <json-c/json.h>

#include "render.h"

static struct article *
sample(void)
{
	struct article *a = article_new();
	const char *p = "Read the full report here.";

	assert_non_null(a);
	assert_int_equal(article_set(&a->title, "A \x1b[1mtitle\x1b[0m", 16), 0);
	assert_int_equal(article_set(&a->byline, "Jo Marsh", 8), 0);
	a->date = 1739750400;	/* 2025-02-17T00:00:00Z */
	a->date_off = 0;
	a->date_prec = DATE_DAY;
	assert_int_equal(article_add_block(a, BLOCK_HEADING, 1, "Intro", 5), 0);
	assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0, p,
	    strlen(p)), 0);
	assert_int_equal(article_add_block(a, BLOCK_LIST_ITEM, 1, "one", 3), 0);
	assert_int_equal(article_add_block(a, BLOCK_LIST_ITEM, 1, "two", 3), 0);
	assert_int_equal(article_add_block(a, BLOCK_IMAGE, 0, "a map", 5), 0);
	/* "full report" is a link. */
	assert_int_equal(article_add_link(a, "full report",
	    "https://example.org/report", 1, 9, 20), 0);
	assert_int_equal(article_add_teaser(a, "Other story", NULL, "Summary.",
	    "Gazette", "Anna Berg"), 0);
	return a;
}

static void
test_render_text_body_only(void **state)
{
	struct article *a = sample();
	struct buf b;

	(void)state;
	buf_init(&b, 1 << 16);
	assert_int_equal(render_article(a, RENDER_TEXT, &b), 0);
	assert_string_equal(b.data, "Intro\n\nRead the full report here.\n\n"
	    "- one\n\n- two\n");
	buf_release(&b);
	article_free(a);
}

static void
test_render_markdown_links_lists(void **state)
{
	struct article *a = sample();
	struct buf b;

	(void)state;
	buf_init(&b, 1 << 16);
	assert_int_equal(render_article(a, RENDER_MARKDOWN, &b), 0);
	assert_non_null(strstr(b.data, "# A title\n"));
	assert_non_null(strstr(b.data, "## Intro\n"));
	assert_non_null(strstr(b.data,
	    "Read the [full report](https://example.org/report) here."));
	assert_non_null(strstr(b.data, "- one\n- two\n"));
	assert_non_null(strstr(b.data, "- Other story (Gazette, Anna Berg): "
	    "Summary."));
	assert_null(strchr(b.data, 0x1b));
	buf_release(&b);
	article_free(a);
}

static void
test_render_json_fields(void **state)
{
	struct article *a = sample();
	struct json_object *o, *v, *r;
	struct buf b;

	(void)state;
	buf_init(&b, 1 << 16);
	assert_int_equal(render_article(a, RENDER_JSON, &b), 0);
	o = json_tokener_parse(b.data);
	assert_non_null(o);
	assert_true(json_object_object_get_ex(o, "title", &v));
	assert_string_equal(json_object_get_string(v), "A title");
	assert_true(json_object_object_get_ex(o, "date", &v));
	assert_string_equal(json_object_get_string(v), "2025-02-17");
	assert_true(json_object_object_get_ex(o, "site", &v));
	assert_null(v);
	assert_true(json_object_object_get_ex(o, "text", &v));
	assert_string_equal(json_object_get_string(v),
	    "Intro\n\nRead the full report here.\n\none\n\ntwo");
	assert_true(json_object_object_get_ex(o, "links", &v));
	assert_int_equal(json_object_array_length(v), 1);
	assert_true(json_object_object_get_ex(o, "related", &v));
	r = json_object_array_get_idx(v, 0);
	assert_true(json_object_object_get_ex(r, "source", &v));
	assert_string_equal(json_object_get_string(v), "Gazette");
	json_object_put(o);
	buf_release(&b);
	article_free(a);
}

static void
test_render_over_cap_fails(void **state)
{
	struct article *a = sample();
	struct buf b;

	(void)state;
	buf_init(&b, 10);
	assert_int_equal(render_article(a, RENDER_TEXT, &b), -1);
	assert_int_equal(render_article(a, RENDER_JSON, &b), -1);
	buf_release(&b);
	article_free(a);
}

/* Dropping a block takes its links with it; later links follow. */
static void
test_article_drop_block(void **state)
{
	struct article *a = article_new();

	(void)state;
	assert_non_null(a);
	assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0, "one", 3), 0);
	assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0, "two", 3), 0);
	assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0, "three",
	    5), 0);
	assert_int_equal(article_add_link(a, "two", "https://e.example/2", 1,
	    0, 3), 0);
	assert_int_equal(article_add_link(a, "three", "https://e.example/3", 2,
	    0, 5), 0);
	article_drop_block(a, 1);
	assert_int_equal(a->nblocks, 2);
	assert_string_equal(a->blocks[1].text, "three");
	assert_int_equal(a->nlinks, 1);
	assert_string_equal(a->links[0].url, "https://e.example/3");
	assert_int_equal(a->links[0].block, 1);
	article_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render_text_body_only),
		cmocka_unit_test(test_render_markdown_links_lists),
		cmocka_unit_test(test_render_json_fields),
		cmocka_unit_test(test_render_over_cap_fails),
		cmocka_unit_test(test_article_drop_block),
	};

	return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
