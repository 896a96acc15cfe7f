/*
 * feed_json: JSON Feed 1.0/1.1 to entries (jsonfeed.org/version/1.1).
 * See feed_json.h.  The document is parsed whole by json-c (its own depth
 * limit stays on); each item's fields are read only when they have the
 * type the spec gives them.
 */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "date.h"
#include "feed.h"
#include "feed_clean.h"
#include "feed_json.h"
#include "bounds.h"
#include "util.h"

struct jentry {
	struct buf	 title, link, content, id, author, enclosure, tags;
	struct buf	 time;
};

static const char *get_string(json_object *, const char *);
static int	 put_string(struct buf *, const char *);
static void	 jentry_init(struct jentry *);
static void	 jentry_release(struct jentry *);
static int	 read_item(json_object *, const char *, struct jentry *,
		    struct feed_entry *);

/* The member key of o if it is a string, else NULL. */
static const char *
get_string(json_object *o, const char *key)
{
	json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static int
put_string(struct buf *b, const char *s)
{
	enum buf_result r;

	if (s == NULL)
		return 0;
	r = buf_puts(b, s);
	if (r == BUF_TOOBIG) {
		/* cut at a character, as the XML side does */
		size_t	 n = b->max - b->len;

		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		r = buf_append(b, s, n);
	}
	return r == BUF_OK ? 0 : -1;
}

static void
jentry_init(struct jentry *j)
{
	buf_init(&j->title, FEED_FIELD_MAX_BYTES);
	buf_init(&j->link, FEED_FIELD_MAX_BYTES);
	buf_init(&j->content, FEED_CONTENT_MAX_BYTES);
	buf_init(&j->id, FEED_FIELD_MAX_BYTES);
	buf_init(&j->author, FEED_FIELD_MAX_BYTES);
	buf_init(&j->enclosure, FEED_FIELD_MAX_BYTES);
	buf_init(&j->tags, FEED_FIELD_MAX_BYTES);
	buf_init(&j->time, DATE_MAX_BYTES);
}

static void
jentry_release(struct jentry *j)
{
	buf_release(&j->title);
	buf_release(&j->link);
	buf_release(&j->content);
	buf_release(&j->id);
	buf_release(&j->author);
	buf_release(&j->enclosure);
	buf_release(&j->tags);
	buf_release(&j->time);
}

/* Fills e from the item o; returns 0, or -1 when memory runs out. */
static int
read_item(json_object *o, const char *base, struct jentry *j,
    struct feed_entry *e)
{
	json_object *v, *a;
	const char *s;
	char	*abs;
	struct date d;
	size_t	 i, n;
	int	 rc = 0;

	memset(e, 0, sizeof *e);
	rc |= put_string(&j->title, get_string(o, "title"));
	s = get_string(o, "url");
	if (s == NULL)
		s = get_string(o, "external_url");
	if (s != NULL && base != NULL && (abs = url_resolve(base, s)) !=
	    NULL) {
		rc |= put_string(&j->link, abs);
		free(abs);
	} else {
		rc |= put_string(&j->link, s);
	}
	/* JSON Feed 1.1: id is a string; 1.0 feeds often give a number */
	if (json_object_object_get_ex(o, "id", &v) &&
	    (json_object_is_type(v, json_type_string) ||
	    json_object_is_type(v, json_type_int)))
		rc |= put_string(&j->id, json_object_get_string(v));
	if ((s = get_string(o, "content_html")) != NULL) {
		e->content_type = FEED_CONTENT_HTML;
		rc |= put_string(&j->content, s);
	} else if ((s = get_string(o, "content_text")) != NULL) {
		e->content_type = FEED_CONTENT_PLAIN;
		rc |= put_string(&j->content, s);
	} else if ((s = get_string(o, "summary")) != NULL) {
		e->content_type = FEED_CONTENT_PLAIN;
		rc |= put_string(&j->content, s);
	}
	s = get_string(o, "date_published");
	if (s == NULL)
		s = get_string(o, "date_modified");
	if (s != NULL && date_parse(s, strlen(s), &d) == 0) {
		e->time = d.utc;
		e->has_time = 1;
	}
	/* 1.1 "authors" (array), 1.0 "author" (object) */
	if (json_object_object_get_ex(o, "authors", &a) &&
	    json_object_is_type(a, json_type_array) &&
	    json_object_array_length(a) > 0 &&
	    json_object_is_type(json_object_array_get_idx(a, 0),
	    json_type_object))
		rc |= put_string(&j->author,
		    get_string(json_object_array_get_idx(a, 0), "name"));
	else if (json_object_object_get_ex(o, "author", &a) &&
	    json_object_is_type(a, json_type_object))
		rc |= put_string(&j->author, get_string(a, "name"));
	if (json_object_object_get_ex(o, "attachments", &a) &&
	    json_object_is_type(a, json_type_array) &&
	    json_object_array_length(a) > 0 &&
	    json_object_is_type(json_object_array_get_idx(a, 0),
	    json_type_object))
		rc |= put_string(&j->enclosure,
		    get_string(json_object_array_get_idx(a, 0), "url"));
	if (json_object_object_get_ex(o, "tags", &a) &&
	    json_object_is_type(a, json_type_array)) {
		n = json_object_array_length(a);
		for (i = 0; i < n; i++) {
			v = json_object_array_get_idx(a, i);
			if (!json_object_is_type(v, json_type_string))
				continue;
			if (j->tags.len > 0)
				rc |= put_string(&j->tags, "|");
			rc |= put_string(&j->tags, json_object_get_string(v));
		}
	}
	if (rc != 0)
		return -1;
	feed_clean(&j->title, 0);
	feed_clean(&j->link, 0);
	feed_clean(&j->content, 1);
	feed_clean(&j->id, 0);
	feed_clean(&j->author, 0);
	feed_clean(&j->enclosure, 0);
	feed_clean_multi(&j->tags);
	e->title = j->title.data;
	e->link = j->link.data;
	e->content = j->content.data;
	e->guid = j->id.data;
	e->id = j->id.len > 0 ? j->id.data : j->link.data;
	e->author = j->author.data;
	e->enclosure = j->enclosure.data;
	e->categories = j->tags.data;
	return 0;
}

int
feed_json_parse(const char *body, size_t n, const char *where,
    const char *base_url, int (*emit)(void *, const struct feed_entry *),
    void *arg, struct buf *title, struct buf *link, struct buf *description,
    struct errbuf *eb)
{
	struct json_tokener *tok;
	enum json_tokener_error jerr;
	json_object *root, *items, *it;
	struct feed_entry e;
	struct jentry j;
	size_t	 i, count;
	int	 rc = 0;

	if ((tok = json_tokener_new()) == NULL) {
		errbuf_set(eb, "%s: out of memory", where);
		return -1;
	}
	root = json_tokener_parse_ex(tok, body, (int)n);
	jerr = json_tokener_get_error(tok);
	if (root == NULL) {
		if (jerr == json_tokener_continue)
			errbuf_set(eb, "%s: JSON feed cut off after %zu bytes",
			    where, n);
		else
			errbuf_set(eb, "%s: not valid JSON: %s (byte %zu)",
			    where, json_tokener_error_desc(jerr),
			    json_tokener_get_parse_end(tok));
		json_tokener_free(tok);
		return -1;
	}
	json_tokener_free(tok);
	if (!json_object_is_type(root, json_type_object) ||
	    !json_object_object_get_ex(root, "items", &items) ||
	    !json_object_is_type(items, json_type_array)) {
		errbuf_set(eb, "%s: not a JSON Feed: no \"items\" array",
		    where);
		json_object_put(root);
		return -1;
	}
	if (put_string(title, get_string(root, "title")) == -1 ||
	    put_string(link, get_string(root, "home_page_url")) == -1 ||
	    put_string(description, get_string(root, "description")) == -1)
		rc = -1;
	count = json_object_array_length(items);
	for (i = 0; rc == 0 && i < count; i++) {
		it = json_object_array_get_idx(items, i);
		if (!json_object_is_type(it, json_type_object))
			continue;
		jentry_init(&j);
		if (read_item(it, base_url, &j, &e) == -1) {
			errbuf_set(eb, "%s: out of memory", where);
			rc = -1;
		} else if (emit(arg, &e) == -1) {
			errbuf_set(eb, "%s: stopped", where);
			rc = -1;
		}
		jentry_release(&j);
	}
	json_object_put(root);
	return rc;
}
