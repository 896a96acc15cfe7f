/*
 * story: struct article <-> its stored JSON form.  See story.h.
 *
 * Decoding fills the article's members directly rather than through
 * the article_* setters: the setters fold whitespace and sanitise, and
 * the text read back must be byte for byte what was stored (the link
 * places are byte ranges in it).  What the setters would have checked
 * is checked here instead.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "bounds.h"
#include "story.h"

/* Nesting of the form: object, array, array. */
#define STORY_JSON_DEPTH	4

static struct json_object *jstr(const char *);
static int	 add(struct json_object *, const char *, struct json_object *);
static int	 get_str(struct json_object *, int pre, char **);
static int	 field(struct json_object *, const char *, char **);
static int	 get_long(struct json_object *, long, long, long *);
static struct json_object *elem(struct json_object *, size_t, size_t);
static struct json_object *array(struct json_object *, const char *);
static int	 decode_blocks(struct article *, struct json_object *);
static int	 decode_links(struct article *, struct json_object *);
static int	 decode_related(struct article *, struct json_object *);

static struct json_object *
jstr(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;
}

/* Adds v (NULL stands for JSON null) under key; -1 when memory ran
 * out making v or adding it. */
static int
add(struct json_object *o, const char *key, struct json_object *v)
{
	return json_object_object_add(o, key, v);
}

int
story_encode(const struct article *a, struct buf *out, struct errbuf *eb)
{
	struct json_object *o, *arr, *e;
	const char *s;
	size_t	 i;
	int	 bad = 0;

	if ((o = json_object_new_object()) == NULL)
		goto nomem;
	bad |= add(o, "v", json_object_new_int(STORY_VERSION));
	bad |= add(o, "title", jstr(a->title));
	bad |= add(o, "byline", jstr(a->byline));
	bad |= add(o, "site", jstr(a->site));
	bad |= add(o, "lang", jstr(a->lang));
	bad |= add(o, "url", jstr(a->url));
	bad |= add(o, "excerpt", jstr(a->excerpt));
	bad |= add(o, "date", json_object_new_int64((int64_t)a->date));
	bad |= add(o, "date_off", json_object_new_int(a->date_off));
	bad |= add(o, "date_prec", json_object_new_int((int)a->date_prec));
	if ((arr = json_object_new_array()) == NULL || add(o, "blocks", arr))
		goto nomem_o;
	for (i = 0; i < a->nblocks; i++) {
		const struct block *b = &a->blocks[i];

		if ((e = json_object_new_array()) == NULL ||
		    json_object_array_add(arr, e) != 0)
			goto nomem_o;
		bad |= json_object_array_add(e, json_object_new_int(b->type));
		bad |= json_object_array_add(e, json_object_new_int(b->level));
		bad |= json_object_array_add(e,
		    json_object_new_int(b->ordered));
		bad |= json_object_array_add(e,
		    json_object_new_string_len(b->text, (int)b->len));
	}
	if ((arr = json_object_new_array()) == NULL || add(o, "links", arr))
		goto nomem_o;
	for (i = 0; i < a->nlinks; i++) {
		const struct link *l = &a->links[i];

		if ((e = json_object_new_array()) == NULL ||
		    json_object_array_add(arr, e) != 0)
			goto nomem_o;
		bad |= json_object_array_add(e, jstr(l->text));
		bad |= json_object_array_add(e, jstr(l->url));
		bad |= json_object_array_add(e, json_object_new_int64(
		    l->block == (size_t)-1 ? -1 : (int64_t)l->block));
		bad |= json_object_array_add(e,
		    json_object_new_int64((int64_t)l->start));
		bad |= json_object_array_add(e,
		    json_object_new_int64((int64_t)l->end));
	}
	if ((arr = json_object_new_array()) == NULL || add(o, "related", arr))
		goto nomem_o;
	for (i = 0; i < a->nrelated; i++) {
		const struct related *r = &a->related[i];

		if ((e = json_object_new_array()) == NULL ||
		    json_object_array_add(arr, e) != 0)
			goto nomem_o;
		bad |= json_object_array_add(e, jstr(r->title));
		bad |= json_object_array_add(e, jstr(r->url));
		bad |= json_object_array_add(e, jstr(r->summary));
		bad |= json_object_array_add(e, jstr(r->source));
		bad |= json_object_array_add(e, jstr(r->author));
	}
	if (bad)
		goto nomem_o;
	s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	if (s == NULL)
		goto nomem_o;
	if (buf_puts(out, s) != BUF_OK) {
		json_object_put(o);
		errbuf_set(eb, "%s: story too large", a->url != NULL ?
		    a->url : "article");
		return -1;
	}
	json_object_put(o);
	return 0;
nomem_o:
	json_object_put(o);
nomem:
	errbuf_set(eb, "%s: out of memory", a->url != NULL ? a->url :
	    "article");
	return -1;
}

/*
 * A copy of the JSON string v, or NULL for JSON null.  Returns -1 for
 * anything else, an over-long string, a NUL or a control byte inside
 * (newlines and tabs only where pre), or no memory.
 */
static int
get_str(struct json_object *v, int pre, char **out)
{
	const char *s;
	size_t	 n, i;

	*out = NULL;
	if (v == NULL)
		return 0;
	if (!json_object_is_type(v, json_type_string))
		return -1;
	s = json_object_get_string(v);
	n = (size_t)json_object_get_string_len(v);
	if (n > ARTICLE_FIELD_MAX_BYTES)
		return -1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0x7f || (c < 0x20 && !(pre && (c == '\n' ||
		    c == '\t'))))
			return -1;
	}
	if ((*out = malloc(n + 1)) == NULL)
		return -1;
	memcpy(*out, s, n);
	(*out)[n] = '\0';
	return 0;
}

static int
field(struct json_object *o, const char *key, char **out)
{
	struct json_object *v = NULL;

	if (!json_object_object_get_ex(o, key, &v))
		v = NULL;
	return get_str(v, 0, out);
}

static int
get_long(struct json_object *v, long min, long max, long *out)
{
	int64_t	 x;

	if (v == NULL || !json_object_is_type(v, json_type_int))
		return -1;
	x = json_object_get_int64(v);
	if (x < min || x > max)
		return -1;
	*out = (long)x;
	return 0;
}

/* Element i of array a when a is an array of exactly n. */
static struct json_object *
elem(struct json_object *a, size_t n, size_t i)
{
	if (a == NULL || !json_object_is_type(a, json_type_array) ||
	    json_object_array_length(a) != n)
		return NULL;
	return json_object_array_get_idx(a, i);
}

static int
decode_blocks(struct article *a, struct json_object *arr)
{
	struct json_object *e;
	struct block *b;
	size_t	 i, n;
	long	 type, level, ordered;

	n = json_object_array_length(arr);
	if (n > ARTICLE_BLOCKS_MAX)
		return -1;
	if (n > 0 && (a->blocks = calloc(n, sizeof *a->blocks)) == NULL)
		return -1;
	a->blocks_cap = n;
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(arr, i);
		b = &a->blocks[i];
		if (elem(e, 4, 0) == NULL ||
		    get_long(elem(e, 4, 0), BLOCK_PARAGRAPH, BLOCK_TABLE_ROW,
		    &type) == -1 ||
		    get_long(elem(e, 4, 1), 0, ARTICLE_BLOCKS_MAX, &level) ==
		    -1 || get_long(elem(e, 4, 2), 0, 1, &ordered) == -1)
			return -1;
		b->type = (enum block_type)type;
		b->level = (int)level;
		b->ordered = (int)ordered;
		if (get_str(elem(e, 4, 3), 1, &b->text) == -1 ||
		    b->text == NULL)
			return -1;
		b->len = strlen(b->text);
		a->nblocks++;
	}
	return 0;
}

static int
decode_links(struct article *a, struct json_object *arr)
{
	struct json_object *e;
	struct link *l;
	size_t	 i, n;
	long	 blk, start, end;

	n = json_object_array_length(arr);
	if (n > ARTICLE_LINKS_MAX)
		return -1;
	if (n > 0 && (a->links = calloc(n, sizeof *a->links)) == NULL)
		return -1;
	a->links_cap = n;
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(arr, i);
		l = &a->links[i];
		a->nlinks++;
		if (elem(e, 5, 0) == NULL ||
		    get_str(elem(e, 5, 0), 0, &l->text) == -1 ||
		    get_str(elem(e, 5, 1), 0, &l->url) == -1 ||
		    l->url == NULL ||
		    get_long(elem(e, 5, 2), -1, (long)a->nblocks - 1, &blk) ==
		    -1 ||
		    get_long(elem(e, 5, 3), 0, (long)ARTICLE_FIELD_MAX_BYTES,
		    &start) == -1 ||
		    get_long(elem(e, 5, 4), start,
		    (long)ARTICLE_FIELD_MAX_BYTES, &end) == -1)
			return -1;
		l->block = blk < 0 ? (size_t)-1 : (size_t)blk;
		l->start = (size_t)start;
		l->end = (size_t)end;
		if (blk >= 0 && l->end > a->blocks[blk].len)
			return -1;
	}
	return 0;
}

static int
decode_related(struct article *a, struct json_object *arr)
{
	struct json_object *e;
	struct related *r;
	size_t	 i, n;

	n = json_object_array_length(arr);
	if (n > ARTICLE_RELATED_MAX)
		return -1;
	if (n > 0 && (a->related = calloc(n, sizeof *a->related)) == NULL)
		return -1;
	a->related_cap = n;
	for (i = 0; i < n; i++) {
		e = json_object_array_get_idx(arr, i);
		r = &a->related[i];
		a->nrelated++;
		if (elem(e, 5, 0) == NULL ||
		    get_str(elem(e, 5, 0), 0, &r->title) == -1 ||
		    r->title == NULL ||
		    get_str(elem(e, 5, 1), 0, &r->url) == -1 ||
		    get_str(elem(e, 5, 2), 0, &r->summary) == -1 ||
		    get_str(elem(e, 5, 3), 0, &r->source) == -1 ||
		    get_str(elem(e, 5, 4), 0, &r->author) == -1)
			return -1;
	}
	return 0;
}

/* The array under key, or NULL when it is missing or not an array. */
static struct json_object *
array(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_array))
		return NULL;
	return v;
}

int
story_decode(const char *data, size_t n, const char *where,
    struct article **out, struct errbuf *eb)
{
	struct json_tokener *tok;
	struct json_object *o, *v;
	struct article *a = NULL;
	long	 ver, prec, off;
	int64_t	 date;

	if (n > (size_t)INT32_MAX) {
		errbuf_set(eb, "%s: stored story too large", where);
		return -1;
	}
	if ((tok = json_tokener_new_ex(STORY_JSON_DEPTH)) == NULL) {
		errbuf_set(eb, "%s: out of memory", where);
		return -1;
	}
	o = json_tokener_parse_ex(tok, data, (int)n);
	if (o != NULL && tok->char_offset != (int)n) {
		json_object_put(o);
		o = NULL;
	}
	json_tokener_free(tok);
	if (o == NULL || !json_object_is_type(o, json_type_object)) {
		errbuf_set(eb, "%s: stored story is not readable", where);
		goto fail;
	}
	if (!json_object_object_get_ex(o, "v", &v) ||
	    get_long(v, 1, INT32_MAX, &ver) == -1) {
		errbuf_set(eb, "%s: stored story has no version", where);
		goto fail;
	}
	if (ver > STORY_VERSION) {
		errbuf_set(eb, "%s: stored story is of a newer byline "
		    "(version %ld)", where, ver);
		goto fail;
	}
	if ((a = article_new()) == NULL) {
		errbuf_set(eb, "%s: out of memory", where);
		goto fail;
	}
	if (field(o, "title", &a->title) == -1 ||
	    field(o, "byline", &a->byline) == -1 ||
	    field(o, "site", &a->site) == -1 ||
	    field(o, "lang", &a->lang) == -1 ||
	    field(o, "url", &a->url) == -1 ||
	    field(o, "excerpt", &a->excerpt) == -1 ||
	    !json_object_object_get_ex(o, "date", &v) ||
	    !json_object_is_type(v, json_type_int) ||
	    !json_object_object_get_ex(o, "date_off", &v) ||
	    get_long(v, -STORY_DATE_OFFSET_MAX_SECONDS, STORY_DATE_OFFSET_MAX_SECONDS,
	    &off) == -1 ||
	    !json_object_object_get_ex(o, "date_prec", &v) ||
	    get_long(v, DATE_NONE, DATE_SECOND, &prec) == -1 ||
	    array(o, "blocks") == NULL || array(o, "links") == NULL ||
	    array(o, "related") == NULL ||
	    decode_blocks(a, array(o, "blocks")) == -1 ||
	    decode_links(a, array(o, "links")) == -1 ||
	    decode_related(a, array(o, "related")) == -1) {
		errbuf_set(eb, "%s: stored story is damaged", where);
		goto fail;
	}
	json_object_object_get_ex(o, "date", &v);
	date = json_object_get_int64(v);
	a->date = (time_t)date;
	a->date_off = (int)off;
	a->date_prec = (enum date_precision)prec;
	json_object_put(o);
	*out = a;
	return 0;
fail:
	article_free(a);
	json_object_put(o);
	return -1;
}
