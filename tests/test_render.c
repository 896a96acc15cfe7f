/*
 * test_render: text, markdown and JSON output of a small article; the
 * sink: pieces, a terminal's sanitising, a refusal; and the JSON written
 * by hand against json-c's own printer, byte for byte.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
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

/* Markdown says "By" once: a byline that says it itself is printed as
 * it is. */
static void
test_render_markdown_by_once(void **state)
{
	struct article *a = sample();
	struct buf b;

	(void)state;
	buf_init(&b, 1 << 16);
	assert_int_equal(render_article(a, RENDER_MARKDOWN, &b), 0);
	assert_non_null(strstr(b.data, "\nBy Jo Marsh  \n"));
	buf_release(&b);
	assert_int_equal(article_set(&a->byline, "by Jo Marsh", 11), 0);
	buf_init(&b, 1 << 16);
	assert_int_equal(render_article(a, RENDER_MARKDOWN, &b), 0);
	assert_non_null(strstr(b.data, "\nby Jo Marsh  \n"));
	assert_null(strstr(b.data, "By by"));
	buf_release(&b);
	assert_int_equal(article_set(&a->byline, "Written by Jo Marsh", 19),
	    0);
	buf_init(&b, 1 << 16);
	assert_int_equal(render_article(a, RENDER_MARKDOWN, &b), 0);
	assert_non_null(strstr(b.data, "\nWritten by Jo Marsh  \n"));
	buf_release(&b);
	assert_int_equal(article_set(&a->byline, "Byron Marsh", 11), 0);
	buf_init(&b, 1 << 16);
	assert_int_equal(render_article(a, RENDER_MARKDOWN, &b), 0);
	assert_non_null(strstr(b.data, "\nBy Byron Marsh  \n"));
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

/* The JSON as json-c prints the same object: how render wrote it before
 * it wrote JSON itself.  Caller frees. */
static char *
json_c_reference(const struct article *a)
{
	struct json_object *o, *arr, *e;
	char	 day[11], *text, *out;
	size_t	 i;

	o = json_object_new_object();
	assert_non_null(o);
#define S(x) ((x) != NULL ? json_object_new_string(x) : NULL)
	json_object_object_add(o, "title", S(a->title));
	json_object_object_add(o, "byline", S(a->byline));
	if (a->date_prec != DATE_NONE) {
		date_format_day(&(struct date){ a->date, a->date_off,
		    a->date_prec }, day);
		json_object_object_add(o, "date", json_object_new_string(day));
	} else
		json_object_object_add(o, "date", NULL);
	json_object_object_add(o, "site", S(a->site));
	json_object_object_add(o, "lang", S(a->lang));
	json_object_object_add(o, "url", S(a->url));
	json_object_object_add(o, "excerpt", S(a->excerpt));
	text = article_text(a);
	assert_non_null(text);
	json_object_object_add(o, "text", json_object_new_string(text));
	free(text);
	arr = json_object_new_array();
	for (i = 0; i < a->nlinks; i++) {
		e = json_object_new_object();
		json_object_object_add(e, "text", S(a->links[i].text));
		json_object_object_add(e, "url", S(a->links[i].url));
		json_object_array_add(arr, e);
	}
	json_object_object_add(o, "links", arr);
	arr = json_object_new_array();
	for (i = 0; i < a->nrelated; i++) {
		e = json_object_new_object();
		json_object_object_add(e, "title", S(a->related[i].title));
		json_object_object_add(e, "url", S(a->related[i].url));
		json_object_object_add(e, "summary", S(a->related[i].summary));
		json_object_object_add(e, "source", S(a->related[i].source));
		json_object_object_add(e, "author", S(a->related[i].author));
		json_object_array_add(arr, e);
	}
	json_object_object_add(o, "related", arr);
#undef S
	assert_int_equal(asprintf(&out, "%s\n",
	    json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY |
	    JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE)) > 0, 1);
	json_object_put(o);
	return out;
}

static void
assert_json_as_json_c(const struct article *a)
{
	struct buf b;
	char	*want = json_c_reference(a);

	buf_init(&b, 1 << 20);
	assert_int_equal(render_article(a, RENDER_JSON, &b), 0);
	assert_string_equal(b.data, want);
	free(want);
	buf_release(&b);
}

/* Every byte value in the fields (the model never holds controls, but
 * the JSON writer must escape as json-c does if one got there), a NUL
 * inside a block (json-c's string ends there), empty and full arrays. */
static void
test_render_json_as_json_c(void **state)
{
	struct article *a = sample();
	char	 all[256];
	size_t	 i;

	(void)state;
	assert_json_as_json_c(a);
	for (i = 0; i < 255; i++)
		all[i] = (char)(i + 1);
	all[255] = '\0';
	free(a->byline);
	a->byline = strdup(all);
	free(a->blocks[1].text);
	a->blocks[1].text = malloc(8);
	memcpy(a->blocks[1].text, "ab\0cd\"\\", 8);
	a->blocks[1].len = 7;
	assert_json_as_json_c(a);
	article_free(a);
	a = article_new();
	assert_non_null(a);
	assert_json_as_json_c(a);
	assert_int_equal(article_add_block(a, BLOCK_IMAGE, 0, "pic", 3), 0);
	assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0, "", 0), 0);
	assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0, "x/y", 3), 0);
	assert_json_as_json_c(a);
	article_free(a);
}

/* A sink that keeps what it is given, counting the pieces; it refuses
 * once refuse_after pieces have come (0: never). */
struct keep {
	struct buf	 b;
	size_t		 pieces, refuse_after;
};

static int
keep_piece(void *ctx, const char *s, size_t n)
{
	struct keep *k = ctx;

	if (k->refuse_after != 0 && k->pieces == k->refuse_after)
		return -1;
	k->pieces++;
	return buf_append(&k->b, s, n) == BUF_OK ? 0 : -1;
}

/* A long article reaches the sink in pieces that add up to the whole,
 * in every format. */
static void
test_render_to_sink_in_pieces(void **state)
{
	struct article *a = article_new();
	struct render_sink sink;
	struct keep k;
	struct buf whole;
	char	 para[1000];
	int	 f;
	size_t	 i;

	(void)state;
	assert_non_null(a);
	memset(para, 'w', sizeof para);
	for (i = 0; i < 500; i++)
		assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0, para,
		    sizeof para), 0);
	for (f = RENDER_TEXT; f <= RENDER_JSON; f++) {
		memset(&k, 0, sizeof k);
		buf_init(&k.b, 1 << 22);
		buf_init(&whole, 1 << 22);
		memset(&sink, 0, sizeof sink);
		sink.write = keep_piece;
		sink.ctx = &k;
		assert_int_equal(render_to(a, (enum render_format)f, &sink), 0);
		assert_int_equal(render_article(a, (enum render_format)f,
		    &whole), 0);
		assert_true(k.pieces > 1);
		assert_int_equal(k.b.len, whole.len);
		assert_memory_equal(k.b.data, whole.data, whole.len);
		/* A sink that stops the output stops the renderer. */
		buf_reset(&k.b);
		k.pieces = 0;
		k.refuse_after = 2;
		assert_int_equal(render_to(a, (enum render_format)f, &sink),
		    -1);
		assert_int_equal(k.pieces, 2);
		buf_release(&k.b);
		buf_release(&whole);
	}
	article_free(a);
}

/* For a terminal, what the model let through (here forced in) is
 * sanitised on the way: no ESC, no C1, newlines kept. */
static void
test_render_to_terminal_sanitises(void **state)
{
	struct article *a = article_new();
	struct render_sink sink;
	struct keep k;

	(void)state;
	assert_non_null(a);
	assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0, "one", 3), 0);
	assert_int_equal(article_add_block(a, BLOCK_PARAGRAPH, 0, "two", 3), 0);
	free(a->blocks[0].text);
	a->blocks[0].text = strdup("x\x1b]0;PWNED\x07y\xc2\x84z");
	a->blocks[0].len = strlen(a->blocks[0].text);
	memset(&k, 0, sizeof k);
	buf_init(&k.b, 1 << 16);
	memset(&sink, 0, sizeof sink);
	sink.write = keep_piece;
	sink.ctx = &k;
	sink.terminal = 1;
	assert_int_equal(render_to(a, RENDER_TEXT, &sink), 0);
	assert_string_equal(k.b.data, "xyz\n\ntwo\n");
	buf_release(&k.b);
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
		cmocka_unit_test(test_render_markdown_by_once),
		cmocka_unit_test(test_render_json_fields),
		cmocka_unit_test(test_render_over_cap_fails),
		cmocka_unit_test(test_render_json_as_json_c),
		cmocka_unit_test(test_render_to_sink_in_pieces),
		cmocka_unit_test(test_render_to_terminal_sanitises),
		cmocka_unit_test(test_article_drop_block),
	};

	return cmocka_run_group_tests_name("render", tests, NULL, NULL);
}
