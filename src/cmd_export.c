/*
 * cmd_export: --export [--format=tsv|json] [--unread], the store as
 * output, for scripts.
 *
 * tsv: one line per item in sfeed's columns, as --parse-feed prints
 * them (the id column is the item's identity in the store: the feed's
 * id, else its link, else its title).
 * json: one object per line: feed (its URL), id, url, title, author,
 * date (RFC 3339, UTC), read, starred (booleans), summary (the feed's
 * content as the feed gave it, or null), text (the stored story as
 * --dump --format=text prints it for that page, or null when no story
 * is stored) and related (the story's related entries: title, url,
 * summary, source).
 *
 * Items come grouped by feed, newest first.  On a terminal every field
 * goes through utf8_sanitize() first.  Exit status 1 with one line when
 * the store cannot be read or the output cannot be written.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "cmd.h"
#include "feed.h"
#include "render.h"
#include "store.h"
#include "story.h"

struct export {
	FILE	*out, *err;
	int	 tty;
	int	 tsv;
	int	 failed;	/* the message is printed */
};

static int	 row(void *, const struct store_export_row *);
static int	 row_tsv(struct export *, const struct store_export_row *);
static int	 row_json(struct export *, const struct store_export_row *);
static char	*safe(const struct export *, const char *);

/* s as it may be written: sanitised on a terminal.  Caller frees; NULL
 * for NULL or no memory. */
static char *
safe(const struct export *x, const char *s)
{
	struct buf b;

	if (s == NULL)
		return NULL;
	if (!x->tty)
		return strdup(s);
	buf_init(&b, strlen(s) * 3 + 1);
	if (utf8_sanitize(&b, s, strlen(s), 1) != BUF_OK) {
		buf_release(&b);
		return NULL;
	}
	return buf_take(&b);
}

static int
row_tsv(struct export *x, const struct store_export_row *r)
{
	const struct store_item *it = &r->item;
	struct feed_entry e;
	char	*s[8];
	size_t	 i;
	int	 rc;

	s[0] = safe(x, it->title);
	s[1] = safe(x, it->link);
	s[2] = safe(x, it->content);
	s[3] = safe(x, it->guid);
	s[4] = safe(x, it->author);
	s[5] = safe(x, it->enclosure);
	s[6] = safe(x, it->categories);
	s[7] = NULL;
	memset(&e, 0, sizeof e);
	e.time = it->time;
	e.has_time = 1;
	e.title = s[0] != NULL ? s[0] : "";
	e.link = s[1];
	e.content = s[2];
	e.content_type = it->content_type;
	e.guid = s[3];
	e.author = s[4];
	e.enclosure = s[5];
	e.categories = s[6];
	rc = feed_entry_write_tsv(x->out, &e);
	for (i = 0; i < 7; i++)
		free(s[i]);
	return rc;
}

static struct json_object *
jstr(const struct export *x, const char *s)
{
	struct json_object *o;
	char	*t;

	if (s == NULL || (t = safe(x, s)) == NULL)
		return NULL;
	o = json_object_new_string(t);
	free(t);
	return o;
}

static int
row_json(struct export *x, const struct store_export_row *r)
{
	const struct store_item *it = &r->item;
	struct json_object *o, *arr, *e;
	struct article *a = NULL;
	struct errbuf eb;
	struct buf text;
	struct tm tm;
	char	 date[32];
	const char *s;
	size_t	 i;
	int	 rc = -1;

	if (r->story != NULL && story_decode(r->story, strlen(r->story),
	    it->link != NULL ? it->link : "item", &a, &eb) == -1) {
		/* a damaged story is exported as none, and said */
		fprintf(x->err, "byline: %s\n", eb.msg);
		a = NULL;
	}
	if ((o = json_object_new_object()) == NULL)
		goto out;
	json_object_object_add(o, "feed", jstr(x, r->feed_url));
	json_object_object_add(o, "id", jstr(x, it->guid));
	json_object_object_add(o, "url", jstr(x, it->link));
	json_object_object_add(o, "title", jstr(x, it->title));
	json_object_object_add(o, "author", jstr(x, it->author));
	if (gmtime_r(&it->time, &tm) != NULL &&
	    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", &tm) > 0)
		json_object_object_add(o, "date",
		    json_object_new_string(date));
	else
		json_object_object_add(o, "date", NULL);
	json_object_object_add(o, "read", json_object_new_boolean(it->read));
	json_object_object_add(o, "starred",
	    json_object_new_boolean(it->starred));
	json_object_object_add(o, "summary", jstr(x, it->content));
	if (a != NULL) {
		buf_init(&text, RENDER_MAX_BYTES);
		if (render_article(a, RENDER_TEXT, &text) == 0)
			json_object_object_add(o, "text", jstr(x, text.data));
		else
			json_object_object_add(o, "text", NULL);
		buf_release(&text);
	} else
		json_object_object_add(o, "text", NULL);
	arr = json_object_new_array();
	for (i = 0; a != NULL && i < a->nrelated; i++) {
		e = json_object_new_object();
		json_object_object_add(e, "title", jstr(x, a->related[i].title));
		json_object_object_add(e, "url", jstr(x, a->related[i].url));
		json_object_object_add(e, "summary",
		    jstr(x, a->related[i].summary));
		json_object_object_add(e, "source",
		    jstr(x, a->related[i].source));
		json_object_array_add(arr, e);
	}
	json_object_object_add(o, "related", arr);
	s = json_object_to_json_string_ext(o, JSON_C_TO_STRING_PLAIN |
	    JSON_C_TO_STRING_NOSLASHESCAPE);
	if (s != NULL && fputs(s, x->out) != EOF && putc('\n', x->out) != EOF)
		rc = 0;
	json_object_put(o);
out:
	article_free(a);
	return rc;
}

static int
row(void *ctx, const struct store_export_row *r)
{
	struct export *x = ctx;

	if ((x->tsv ? row_tsv(x, r) : row_json(x, r)) == -1 ||
	    ferror(x->out)) {
		fprintf(x->err, "byline: standard output: write error\n");
		x->failed = 1;
		return -1;
	}
	return 0;
}

int
cmd_export(const struct options *o, int tsv, int unread, FILE *out,
    FILE *err)
{
	struct export x;
	struct store *s = NULL;
	struct errbuf eb;
	char	*path;
	int	 rc = 1;

	memset(&x, 0, sizeof x);
	x.out = out;
	x.err = err;
	x.tty = isatty(fileno(out));
	x.tsv = tsv;
	if ((path = cmd_db_path(o, &eb)) == NULL) {
		fprintf(err, "byline: %s\n", eb.msg);
		return 1;
	}
	if (access(path, F_OK) == -1) {
		/* nothing stored yet: nothing to print, no store made */
		free(path);
		return 0;
	}
	if ((s = store_open(path, &eb)) == NULL ||
	    store_export(s, unread ? STORE_UNREAD : 0, row, &x, &eb) == -1) {
		if (!x.failed)
			fprintf(err, "byline: %s\n", eb.msg);
		goto out;
	}
	if (fflush(out) == EOF) {
		fprintf(err, "byline: standard output: write error\n");
		goto out;
	}
	rc = 0;
out:
	store_close(s);
	free(path);
	return rc;
}
