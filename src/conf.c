/*
 * conf: feeds.conf (newsboat's urls syntax) and the settings file.  See
 * conf.h for the contract.  Lines are split into tokens the way newsboat
 * does: whitespace separates, double quotes group (with \" and \\ inside),
 * and '#' at the start of a token begins a comment, so a URL's own
 * "#fragment" survives.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "filter.h"

/* Tokens on one line: a feed with CONF_TAGS_MAX tags, plus URL. */
#define LINE_TOKENS_MAX	(CONF_TAGS_MAX + 2)

struct tokens {
	char	*v[LINE_TOKENS_MAX];
	size_t	 n;
};

struct setting {
	const char	*name;
	int		 kind;		/* K_* */
	size_t		 off;		/* offsetof(struct conf, member) */
	long		 min, max;	/* K_LONG, K_SECONDS range */
};

/* K_MINUTES: minutes, or seconds with an "s" after the number (a clock
 * a test can wait for); kept in seconds. */
enum { K_LONG, K_SECONDS, K_MINUTES, K_STRING, K_BOOL };

/* Minutes a reload interval may be: a week at most. */
#define RELOAD_MINUTES_MAX	(7 * 24 * 60)

/* Sorted by name; also accepts newsboat's names where they mean the
 * same ("reload-threads", "refresh-on-startup"). */
static const struct setting settings[] = {
	{ "auto-reload", K_BOOL, offsetof(struct conf, auto_reload), 0, 0 },
	{ "browser", K_STRING, offsetof(struct conf, browser), 0, 0 },
	{ "connect-timeout", K_SECONDS,
	    offsetof(struct conf, connect_timeout_ms), 1, 600 },
	{ "download-timeout", K_SECONDS, offsetof(struct conf, timeout_ms),
	    1, 3600 },
	{ "host-concurrency", K_LONG,
	    offsetof(struct conf, host_concurrency), 1, FETCH_TOTAL_MAX },
	{ "prefetch-days", K_LONG, offsetof(struct conf, prefetch_days),
	    1, SYNC_PREFETCH_DAYS_MAX },
	{ "prefetch-max", K_LONG, offsetof(struct conf, prefetch_max), 0,
	    SYNC_PREFETCH_MAX },
	{ "refresh-on-startup", K_BOOL,
	    offsetof(struct conf, reload_on_start), 0, 0 },
	{ "reload-concurrency", K_LONG,
	    offsetof(struct conf, reload_concurrency), 1, FETCH_TOTAL_MAX },
	{ "reload-interval", K_MINUTES, offsetof(struct conf, reload_interval),
	    0, RELOAD_MINUTES_MAX },
	{ "reload-on-start", K_BOOL,
	    offsetof(struct conf, reload_on_start), 0, 0 },
	{ "reload-threads", K_LONG,
	    offsetof(struct conf, reload_concurrency), 1, FETCH_TOTAL_MAX },
	{ "reload-time", K_LONG, offsetof(struct conf, reload_time), 1,
	    RELOAD_MINUTES_MAX },
	{ "save-path", K_STRING, offsetof(struct conf, save_path), 0, 0 },
	{ "timeout", K_SECONDS, offsetof(struct conf, timeout_ms), 1, 3600 },
	{ "user-agent", K_STRING, offsetof(struct conf, user_agent), 0, 0 },
};

/* newsboat's colour names, attributes and elements (its "color"
 * command), sorted for bsearch(). */
static const char *const color_names[] = {
	"black", "blue", "cyan", "default", "green", "magenta", "red",
	"white", "yellow"
};
static const char *const color_attrs[] = {
	"blink", "bold", "dim", "invis", "protect", "reverse", "standout",
	"underline"
};
static const char *const color_elements[] = {
	"article", "background", "end-of-text-marker", "hint-description",
	"hint-key", "hint-keys-delimiter", "hint-separator", "info",
	"listfocus", "listfocus_unread", "listnormal", "listnormal_unread",
	"title"
};

/* One line's handler: feeds.conf's or the settings file's. */
typedef int line_fn(struct conf *, void *, const char *, size_t,
    struct tokens *, struct errbuf *);

static int	 warn(struct conf *, struct errbuf *, const char *, size_t,
		    const char *, ...) __attribute__((format(printf, 5, 6)));
static int	 tokenize(const char *, size_t, struct tokens *, const char **);
static void	 tokens_free(struct tokens *);
/*
 * The URLs of c->feeds, hashed, for conf_parse_feeds(): its duplicate
 * check then costs O(1) and a feeds.conf of CONF_FEEDS_MAX lines stays
 * linear (a scan per line took 18 s for 100 000 feeds).
 */
struct url_set {
	size_t	*slot;		/* index into c->feeds plus 1; 0: empty */
	size_t	 cap;		/* a power of two, over twice nfeeds */
};

static int	 set_fill(struct url_set *, const struct conf *, size_t);
static const struct conf_feed *set_find(const struct url_set *,
		    const struct conf *, const char *);
static line_fn	 add_feed;
static line_fn	 set_setting;
static int	 parse_lines(struct conf *, const char *, const char *, size_t,
		    line_fn *, void *, struct errbuf *);
static int	 add_directive(struct conf_directive **, size_t *, size_t,
		    const char *, const char *);
static int	 put_quoted(struct buf *, const char *, const char *);
static int	 setting_cmp(const void *, const void *);
static char	*join_tokens(struct tokens *, size_t);
static int	 is_url(const char *);

void
conf_init(struct conf *c)
{
	memset(c, 0, sizeof *c);
	c->reload_concurrency = FETCH_TOTAL_DEFAULT;
	c->host_concurrency = FETCH_HOST_DEFAULT;
	c->connect_timeout_ms = FETCH_CONNECT_TIMEOUT_MS;
	c->timeout_ms = FETCH_TIMEOUT_MS;
	c->prefetch_max = SYNC_PREFETCH_DEFAULT;
	c->prefetch_days = SYNC_PREFETCH_DAYS_DEFAULT;
	c->reload_interval = -1;
	/* newsboat's default reload-time */
	c->reload_time = 60;
}

static void
directives_free(struct conf_directive *d, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(d[i].key);
		free(d[i].value);
	}
	free(d);
}

void
conf_release(struct conf *c)
{
	size_t	 i, j;

	for (i = 0; i < c->nfeeds; i++) {
		free(c->feeds[i].url);
		free(c->feeds[i].title);
		for (j = 0; j < c->feeds[i].ntags; j++)
			free(c->feeds[i].tags[j]);
		free(c->feeds[i].tags);
	}
	free(c->feeds);
	for (i = 0; i < c->nqueries; i++) {
		free(c->queries[i].title);
		free(c->queries[i].expr);
		for (j = 0; j < c->queries[i].ntags; j++)
			free(c->queries[i].tags[j]);
		free(c->queries[i].tags);
	}
	free(c->queries);
	directives_free(c->binds, c->nbinds);
	directives_free(c->colors, c->ncolors);
	directives_free(c->macros, c->nmacros);
	directives_free(c->ignores, c->nignores);
	for (i = 0; i < c->nwarnings; i++)
		free(c->warnings[i]);
	free(c->warnings);
	free(c->feeds_path);
	free(c->settings_path);
	free(c->user_agent);
	free(c->browser);
	free(c->save_path);
	conf_init(c);
}

/* Adds "where:line: what" to warnings; -1 only when memory runs out. */
static int
warn(struct conf *c, struct errbuf *eb, const char *where, size_t line,
    const char *fmt, ...)
{
	struct buf b;
	va_list	 ap;
	char	 msg[ERRBUF_BYTES], **w, *s;

	if (c->nwarnings >= CONF_WARNINGS_MAX)
		return 0;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (c->nwarnings == CONF_WARNINGS_MAX - 1)
		snprintf(msg, sizeof msg, "more than %d warnings; the rest "
		    "are not shown", CONF_WARNINGS_MAX - 1);
	buf_init(&b, ERRBUF_BYTES);
	if (buf_printf(&b, "%s:%zu: ", where, line) != BUF_OK ||
	    utf8_sanitize(&b, msg, strlen(msg), 0) != BUF_OK) {
		/* a cut message is still useful */
	}
	if ((s = buf_take(&b)) == NULL)
		goto nomem;
	w = reallocarray(c->warnings, CONF_WARNINGS_MAX, sizeof *w);
	if (w == NULL) {
		free(s);
		goto nomem;
	}
	c->warnings = w;
	c->warnings[c->nwarnings++] = s;
	return 0;
nomem:
	errbuf_set(eb, "%s: out of memory", where);
	return -1;
}

static void
tokens_free(struct tokens *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		free(t->v[i]);
	t->n = 0;
}

/*
 * Splits one line (n bytes, no newline) into t.  Returns 0, or -1 with
 * *why set (tokens freed).
 */
static int
tokenize(const char *s, size_t n, struct tokens *t, const char **why)
{
	struct buf tok;
	size_t	 i = 0;

	t->n = 0;
	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
			i++;
		if (i == n || s[i] == '#')
			return 0;
		if (t->n == LINE_TOKENS_MAX) {
			*why = "too many tags";
			goto fail;
		}
		buf_init(&tok, CONF_LINE_MAX_BYTES);
		if (s[i] == '"') {
			for (i++; i < n && s[i] != '"'; i++) {
				if (s[i] == '\\' && i + 1 < n)
					i++;
				if (buf_putc(&tok, s[i]) != BUF_OK)
					goto nomem;
			}
			if (i == n) {
				buf_release(&tok);
				*why = "missing closing quote";
				goto fail;
			}
			i++;
		} else {
			while (i < n && s[i] != ' ' && s[i] != '\t' &&
			    s[i] != '\r') {
				if (buf_putc(&tok, s[i++]) != BUF_OK)
					goto nomem;
			}
		}
		if ((t->v[t->n] = buf_take(&tok)) == NULL)
			goto nomem;
		t->n++;
	}
nomem:
	buf_release(&tok);
	*why = "out of memory";
fail:
	tokens_free(t);
	return -1;
}

static int
is_url(const char *s)
{
	return ascii_ncasecmp(s, "http://", 7) == 0 ||
	    ascii_ncasecmp(s, "https://", 8) == 0 ||
	    ascii_ncasecmp(s, "file://", 7) == 0;
}

/* FNV-1a: short keys, no hostile collisions worth a keyed hash here
 * (a feeds.conf is the person's own, at most CONF_FEEDS_MAX lines). */
static size_t
url_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return (size_t)h;
}

/* Rebuilds the set for the first n feeds of c, sized for n + 1. */
static int
set_fill(struct url_set *set, const struct conf *c, size_t n)
{
	size_t	*slot, cap = 64, i, k;

	while (cap < 2 * (n + 1))
		cap *= 2;
	if ((slot = calloc(cap, sizeof *slot)) == NULL)
		return -1;
	for (i = 0; i < n; i++) {
		k = url_hash(c->feeds[i].url) & (cap - 1);
		while (slot[k] != 0)
			k = (k + 1) & (cap - 1);
		slot[k] = i + 1;
	}
	free(set->slot);
	set->slot = slot;
	set->cap = cap;
	return 0;
}

static const struct conf_feed *
set_find(const struct url_set *set, const struct conf *c, const char *url)
{
	size_t	 k = url_hash(url) & (set->cap - 1);

	for (; set->slot[k] != 0; k = (k + 1) & (set->cap - 1))
		if (strcmp(c->feeds[set->slot[k] - 1].url, url) == 0)
			return &c->feeds[set->slot[k] - 1];
	return NULL;
}

static void
strv_free(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/*
 * The tags of a feed line, tokens 1 on: "!" sets *hidden, "~Title" sets
 * *title (caller frees), the others are taken out of t into *tags
 * (caller frees with strv_free()), duplicates dropped.  Returns 0, 1
 * when there are too many, -1 when memory runs out (nothing kept).
 */
static int
take_tags(struct tokens *t, char ***tags, size_t *ntags, char **title,
    int *hidden)
{
	size_t	 i, j;
	int	 dup;

	*ntags = 0;
	*title = NULL;
	if ((*tags = calloc(t->n, sizeof **tags)) == NULL)
		return -1;
	for (i = 1; i < t->n; i++) {
		if (strcmp(t->v[i], "!") == 0) {
			*hidden = 1;
			continue;
		}
		if (t->v[i][0] == '~') {
			free(*title);
			*title = t->v[i][1] != '\0' ? strdup(t->v[i] + 1) :
			    NULL;
			if (t->v[i][1] != '\0' && *title == NULL)
				goto nomem;
			continue;
		}
		if (t->v[i][0] == '\0')
			continue;
		for (dup = 0, j = 0; j < *ntags; j++)
			dup |= strcmp((*tags)[j], t->v[i]) == 0;
		if (dup)
			continue;
		if (*ntags == CONF_TAGS_MAX) {
			strv_free(*tags, *ntags);
			free(*title);
			return 1;
		}
		(*tags)[(*ntags)++] = t->v[i];
		t->v[i] = NULL;
	}
	return 0;
nomem:
	strv_free(*tags, *ntags);
	free(*title);
	return -1;
}

/* "query:Title:expression" and tags: the expression must compile. */
static int
add_query(struct conf *c, const char *where, size_t line, struct tokens *t,
    struct errbuf *eb)
{
	struct conf_query q, *nq;
	struct filter f;
	struct errbuf why;
	char	*colon, *unused = NULL;
	int	 hidden = 0, rc;

	memset(&q, 0, sizeof q);
	colon = strchr(t->v[0] + 6, ':');
	if (colon == NULL || colon == t->v[0] + 6)
		return warn(c, eb, where, line, "query: needs "
		    "\"query:Title:expression\"");
	if (filter_compile(&f, colon + 1, &why) == -1)
		return warn(c, eb, where, line, "query \"%.*s\": %s%s",
		    (int)(colon - t->v[0] - 6), t->v[0] + 6, why.msg,
		    t->n > 1 ? " (quote the whole \"query:Title:expression\")" :
		    "");
	filter_release(&f);
	if ((rc = take_tags(t, &q.tags, &q.ntags, &unused, &hidden)) == 1)
		return warn(c, eb, where, line, "too many tags (limit %d)",
		    CONF_TAGS_MAX);
	free(unused);
	if (rc == -1)
		goto nomem;
	q.line = line;
	q.title = xstrndup(t->v[0] + 6, (size_t)(colon - t->v[0] - 6));
	q.expr = strdup(colon + 1);
	nq = reallocarray(c->queries, c->nqueries + 1, sizeof *nq);
	if (q.title == NULL || q.expr == NULL || nq == NULL) {
		if (nq != NULL)
			c->queries = nq;
		free(q.title);
		free(q.expr);
		strv_free(q.tags, q.ntags);
		goto nomem;
	}
	c->queries = nq;
	c->queries[c->nqueries++] = q;
	return 0;
nomem:
	errbuf_set(eb, "%s: out of memory", where);
	return -1;
}

/* Validates and adds the feed of one tokenized line; arg is the URL
 * set of c's feeds. */
static int
add_feed(struct conf *c, void *arg, const char *where, size_t line,
    struct tokens *t, struct errbuf *eb)
{
	struct url_set *set = arg;
	struct conf_feed f, *nf;
	size_t	 k;
	int	 rc;

	if (ascii_ncasecmp(t->v[0], "query:", 6) == 0)
		return add_query(c, where, line, t, eb);
	/* newsboat's "exec:CMD" and "filter:CMD:URL": the person's own
	 * commands, run by the sync engine (sync.c) */
	if (ascii_ncasecmp(t->v[0], "exec:", 5) == 0) {
		if (t->v[0][5] == '\0')
			return warn(c, eb, where, line, "exec: without a "
			    "command");
	} else if (ascii_ncasecmp(t->v[0], "filter:", 7) == 0) {
		if (conf_filter_url(t->v[0]) == NULL)
			return warn(c, eb, where, line, "filter: wants "
			    "\"filter:CMD:URL\" with a http, https or file "
			    "URL");
	} else if (!is_url(t->v[0]))
		return warn(c, eb, where, line, "not a http, https or file "
		    "URL: \"%.80s\"", t->v[0]);
	if (strlen(t->v[0]) > URL_MAX_BYTES)
		return warn(c, eb, where, line, "URL too long");
	if (set_find(set, c, t->v[0]) != NULL)
		return warn(c, eb, where, line, "duplicate URL \"%.80s\"",
		    t->v[0]);
	if (c->nfeeds == CONF_FEEDS_MAX)
		return warn(c, eb, where, line, "too many feeds (limit %d)",
		    CONF_FEEDS_MAX);
	memset(&f, 0, sizeof f);
	f.line = line;
	if ((rc = take_tags(t, &f.tags, &f.ntags, &f.title, &f.hidden)) == 1)
		return warn(c, eb, where, line, "too many tags (limit %d)",
		    CONF_TAGS_MAX);
	if (rc == -1)
		goto nomem;
	/* Room for the next power of two of feeds: growing by one copied
	 * the whole array per line (quadratic under ASan). */
	if (c->nfeeds == 0 || (c->nfeeds >= 16 &&
	    (c->nfeeds & (c->nfeeds - 1)) == 0)) {
		nf = reallocarray(c->feeds, c->nfeeds == 0 ? 16 :
		    c->nfeeds * 2, sizeof *nf);
		if (nf == NULL)
			goto nomem_tags;
		c->feeds = nf;
	}
	f.url = t->v[0];
	t->v[0] = NULL;
	if (2 * (c->nfeeds + 1) >= set->cap &&
	    set_fill(set, c, c->nfeeds) == -1) {
		free(f.url);
		goto nomem_tags;
	}
	c->feeds[c->nfeeds] = f;
	k = url_hash(f.url) & (set->cap - 1);
	while (set->slot[k] != 0)
		k = (k + 1) & (set->cap - 1);
	set->slot[k] = ++c->nfeeds;
	return 0;
nomem_tags:
	strv_free(f.tags, f.ntags);
	free(f.title);
nomem:
	errbuf_set(eb, "%s: out of memory", where);
	return -1;
}

/*
 * The one line loop of both files: splits text into lines, tokenizes
 * each and hands the non-empty ones to fn; a line too long or badly
 * quoted is reported and skipped.  -1 only when memory runs out.
 */
static int
parse_lines(struct conf *c, const char *where, const char *text, size_t n,
    line_fn *fn, void *arg, struct errbuf *eb)
{
	struct tokens t;
	const char *why, *p, *end = text + n, *nl;
	size_t	 line = 0;
	int	 rc = 0;

	for (p = text; p < end && rc != -1; p = nl + 1) {
		line++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if ((size_t)(nl - p) > CONF_LINE_MAX_BYTES) {
			rc = warn(c, eb, where, line, "line too long");
		} else if (tokenize(p, (size_t)(nl - p), &t, &why) == -1) {
			rc = warn(c, eb, where, line, "%s", why);
		} else if (t.n > 0) {
			rc = fn(c, arg, where, line, &t, eb);
			tokens_free(&t);
		}
	}
	return rc;
}

int
conf_parse_feeds(struct conf *c, const char *where, const char *text,
    size_t n, struct errbuf *eb)
{
	struct url_set set = { NULL, 0 };
	int	 rc;

	if (set_fill(&set, c, c->nfeeds) == -1) {
		errbuf_set(eb, "%s: out of memory", where);
		return -1;
	}
	rc = parse_lines(c, where, text, n, add_feed, &set, eb);
	free(set.slot);
	return rc;
}

static int
add_directive(struct conf_directive **v, size_t *n, size_t line,
    const char *key, const char *value)
{
	struct conf_directive *nv, d;

	d.line = line;
	d.key = strdup(key);
	d.value = strdup(value);
	nv = reallocarray(*v, *n + 1, sizeof *nv);
	if (d.key == NULL || d.value == NULL || nv == NULL) {
		free(d.key);
		free(d.value);
		if (nv != NULL)
			*v = nv;
		return -1;
	}
	*v = nv;
	(*v)[(*n)++] = d;
	return 0;
}

/* Tokens from i on, joined by single spaces.  Caller frees. */
static char *
join_tokens(struct tokens *t, size_t i)
{
	struct buf b;

	buf_init(&b, CONF_LINE_MAX_BYTES);
	for (; i < t->n; i++) {
		if ((b.len > 0 && buf_putc(&b, ' ') != BUF_OK) ||
		    buf_puts(&b, t->v[i]) != BUF_OK) {
			buf_release(&b);
			return NULL;
		}
	}
	return buf_take(&b);
}

static int
setting_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct setting *)elem)->name);
}

static int
name_cmp(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

static int
in_list(const char *s, const char *const *v, size_t n)
{
	return bsearch(s, v, n, sizeof *v, name_cmp) != NULL;
}

/* A colour: a name, or colorN for N from 0 to 255 (newsboat's). */
static int
is_color(const char *s)
{
	char	*end;
	long	 n;

	if (in_list(s, color_names, sizeof color_names /
	    sizeof color_names[0]))
		return 1;
	if (strncmp(s, "color", 5) != 0 || !ascii_isdigit((unsigned char)s[5]))
		return 0;
	errno = 0;
	n = strtol(s + 5, &end, 10);
	return errno == 0 && *end == '\0' && n >= 0 && n <= 255;
}

/* "color ELEMENT FG [BG [ATTR...]]": why it is wrong, or NULL. */
static const char *
check_color(struct tokens *t, size_t *bad)
{
	size_t	 i;

	if (t->n < 3)
		return "usage: color ELEMENT FG [BG [ATTR...]]";
	*bad = 1;
	if (!in_list(t->v[1], color_elements, sizeof color_elements /
	    sizeof color_elements[0]))
		return "unknown element";
	for (i = 2; i < t->n && i < 4; i++) {
		*bad = i;
		if (!is_color(t->v[i]))
			return "unknown colour (black, red, green, yellow, "
			    "blue, magenta, cyan, white, default or color0 to "
			    "color255)";
	}
	for (; i < t->n; i++) {
		*bad = i;
		if (!in_list(t->v[i], color_attrs, sizeof color_attrs /
		    sizeof color_attrs[0]))
			return "unknown attribute (bold, underline, reverse, "
			    "standout, blink, dim, invis, protect)";
	}
	return NULL;
}

/*
 * "macro KEY COMMAND [; COMMAND...]" (newsboat's macro): a command is an
 * action, checked like a bind, or "set KEY VALUE" with a known key.  The
 * value kept is the commands, one a line, a set's value double-quoted.
 */
static int
add_macro(struct conf *c, const char *where, size_t line, struct tokens *t,
    struct errbuf *eb)
{
	struct errbuf why;
	struct buf v;
	size_t	 i, n;

	if (t->n < 3)
		return warn(c, eb, where, line, "usage: macro KEY COMMAND "
		    "[; COMMAND...]");
	buf_init(&v, CONF_LINE_MAX_BYTES);
	for (i = 2; i < t->n; i += n) {
		for (n = 0; i + n < t->n && strcmp(t->v[i + n], ";") != 0; n++)
			;
		if (n == 0) {
			n = 1;
			continue;
		}
		if (strcmp(t->v[i], "set") == 0) {
			if (n != 3 || bsearch(t->v[i + 1], settings,
			    sizeof settings / sizeof settings[0],
			    sizeof settings[0], setting_cmp) == NULL) {
				buf_release(&v);
				return warn(c, eb, where, line, "macro: %s",
				    n != 3 ? "usage: set KEY VALUE" :
				    "set: unknown key");
			}
			if ((v.len > 0 && buf_putc(&v, '\n') != BUF_OK) ||
			    buf_printf(&v, "set %s", t->v[i + 1]) != BUF_OK ||
			    put_quoted(&v, "", t->v[i + 2]) == -1)
				goto nomem;
			continue;
		}
		if (n != 1 || (c->check_bind != NULL &&
		    c->check_bind(t->v[1], t->v[i], &why) == -1)) {
			buf_release(&v);
			return warn(c, eb, where, line, "macro: %s", n != 1 ?
			    "an action takes no arguments (separate commands "
			    "with \" ; \")" : why.msg);
		}
		if ((v.len > 0 && buf_putc(&v, '\n') != BUF_OK) ||
		    buf_puts(&v, t->v[i]) != BUF_OK)
			goto nomem;
	}
	if (add_directive(&c->macros, &c->nmacros, line, t->v[1],
	    v.data) == -1)
		goto nomem;
	buf_release(&v);
	return 0;
nomem:
	buf_release(&v);
	errbuf_set(eb, "%s: out of memory", where);
	return -1;
}

/* The lines that are not "key value": bind, color, macro, ... Returns
 * 1 when t is none of them. */
static int
set_directive(struct conf *c, const char *where, size_t line,
    struct tokens *t, struct errbuf *eb)
{
	struct filter f;
	struct errbuf why;
	const char *msg;
	size_t	 bad;
	char	*v;

	if (strcmp(t->v[0], "bind") == 0 || strcmp(t->v[0], "bind-key") == 0 ||
	    strcmp(t->v[0], "unbind-key") == 0) {
		if (t->v[0][0] == 'u' ? t->n != 2 : t->n != 3)
			return warn(c, eb, where, line, t->v[0][0] == 'u' ?
			    "usage: unbind-key KEY" : "usage: bind KEY ACTION");
		msg = t->v[0][0] == 'u' ? "none" : t->v[2];
		if (c->check_bind != NULL &&
		    c->check_bind(t->v[1], msg, &why) == -1)
			return warn(c, eb, where, line, "%s", why.msg);
		if (add_directive(&c->binds, &c->nbinds, line, t->v[1],
		    msg) == -1)
			goto nomem;
		return 0;
	}
	if (strcmp(t->v[0], "color") == 0 || strcmp(t->v[0], "colour") == 0) {
		if ((msg = check_color(t, &bad)) != NULL)
			return warn(c, eb, where, line, t->n < 3 ? "%s" :
			    "color: \"%.40s\": %s", t->n < 3 ? msg : t->v[bad],
			    msg);
		if ((v = join_tokens(t, 2)) == NULL)
			goto nomem;
		if (add_directive(&c->colors, &c->ncolors, line, t->v[1],
		    v) == -1) {
			free(v);
			goto nomem;
		}
		free(v);
		return 0;
	}
	if (strcmp(t->v[0], "macro") == 0)
		return add_macro(c, where, line, t, eb);
	if (strcmp(t->v[0], "ignore-article") == 0) {
		if (t->n != 3)
			return warn(c, eb, where, line, "usage: ignore-article "
			    "FEED-URL|* \"EXPRESSION\"");
		if (filter_compile(&f, t->v[2], &why) == -1)
			return warn(c, eb, where, line, "ignore-article: %s",
			    why.msg);
		filter_release(&f);
		if (add_directive(&c->ignores, &c->nignores, line, t->v[1],
		    t->v[2]) == -1)
			goto nomem;
		return 0;
	}
	return 1;
nomem:
	errbuf_set(eb, "%s: out of memory", where);
	return -1;
}

static int
set_setting(struct conf *c, void *arg, const char *where, size_t line,
    struct tokens *t, struct errbuf *eb)
{
	const struct setting *s;
	char	*end, *v, **sp;
	long	 l;
	int	 rc, secs;

	(void)arg;
	if ((rc = set_directive(c, where, line, t, eb)) != 1)
		return rc;
	s = bsearch(t->v[0], settings, sizeof settings / sizeof settings[0],
	    sizeof settings[0], setting_cmp);
	if (s == NULL)
		return warn(c, eb, where, line, "unknown key \"%.80s\"",
		    t->v[0]);
	if (t->n == 1)
		return warn(c, eb, where, line, "%s needs a value", s->name);
	if (t->n != 2)
		return warn(c, eb, where, line, "%s takes one value "
		    "(quote it if it has spaces)", s->name);
	if (s->kind == K_STRING) {
		sp = (char **)(void *)((char *)c + s->off);
		if ((v = strdup(t->v[1])) == NULL)
			goto nomem;
		free(*sp);
		*sp = v;
		return 0;
	}
	if (s->kind == K_BOOL) {
		if (strcmp(t->v[1], "yes") == 0 || strcmp(t->v[1], "true") == 0)
			l = 1;
		else if (strcmp(t->v[1], "no") == 0 ||
		    strcmp(t->v[1], "false") == 0)
			l = 0;
		else
			return warn(c, eb, where, line, "%s: \"%.40s\" is not "
			    "yes or no", s->name, t->v[1]);
		*(int *)(void *)((char *)c + s->off) = (int)l;
		return 0;
	}
	errno = 0;
	l = strtol(t->v[1], &end, 10);
	secs = s->kind == K_MINUTES && end != t->v[1] && *end == 's';
	if (errno != 0 || end == t->v[1] || end[secs] != '\0' || l < s->min ||
	    l > s->max * (secs ? 60 : 1))
		return warn(c, eb, where, line, "%s: \"%.40s\" is not a "
		    "number from %ld to %ld%s", s->name, t->v[1], s->min,
		    s->max, s->kind == K_MINUTES ? " (minutes, or seconds "
		    "with s after it)" : "");
	if (s->kind == K_SECONDS)
		l *= 1000;
	else if (s->kind == K_MINUTES && !secs)
		l *= 60;
	*(long *)(void *)((char *)c + s->off) = l;
	return 0;
nomem:
	errbuf_set(eb, "%s: out of memory", where);
	return -1;
}

int
conf_parse_settings(struct conf *c, const char *where, const char *text,
    size_t n, struct errbuf *eb)
{
	return parse_lines(c, where, text, n, set_setting, NULL, eb);
}

int
conf_set(struct conf *c, const char *line, struct errbuf *eb)
{
	struct tokens t;
	const char *why, *colon;
	size_t	 before = c->nwarnings;

	if (tokenize(line, strlen(line), &t, &why) == -1) {
		errbuf_set(eb, "%s", why);
		return -1;
	}
	if (t.n == 0) {
		errbuf_set(eb, "usage: set KEY VALUE");
		return -1;
	}
	if (set_setting(c, NULL, "set", 1, &t, eb) == -1) {
		tokens_free(&t);
		return -1;
	}
	tokens_free(&t);
	if (c->nwarnings == before)
		return 0;
	/* The setting's own warning, without "set:1: ", is the error. */
	colon = strstr(c->warnings[--c->nwarnings], ": ");
	errbuf_set(eb, "%s", colon != NULL ? colon + 2 :
	    c->warnings[c->nwarnings]);
	free(c->warnings[c->nwarnings]);
	return -1;
}

long
conf_reload_seconds(const struct conf *c)
{
	if (c->reload_interval >= 0)
		return c->reload_interval;
	return c->auto_reload ? c->reload_time * 60 : 0;
}

int
conf_paths(const char *feeds, char **feeds_path, char **settings_path,
    struct errbuf *eb)
{
	struct buf b;
	const char *xdg, *home, *slash;
	char	*fp = NULL, *sp;

	buf_init(&b, CONF_PATH_MAX_BYTES);
	if (feeds != NULL) {
		if ((fp = strdup(feeds)) == NULL)
			goto nomem;
		slash = strrchr(feeds, '/');
		if (slash != NULL && buf_append(&b, feeds,
		    (size_t)(slash - feeds) + 1) != BUF_OK)
			goto nomem;
	} else {
		xdg = getenv("XDG_CONFIG_HOME");
		home = getenv("HOME");
		if (xdg != NULL && xdg[0] == '/') {
			if (buf_printf(&b, "%s/byline/", xdg) != BUF_OK)
				goto nomem;
		} else if (home != NULL && home[0] != '\0') {
			if (buf_printf(&b, "%s/.config/byline/", home) !=
			    BUF_OK)
				goto nomem;
		} else {
			errbuf_set(eb, "feeds.conf: neither XDG_CONFIG_HOME "
			    "nor HOME is set (use -c FILE)");
			return -1;
		}
		if (buf_printf(&b, "feeds.conf") != BUF_OK ||
		    (fp = strdup(b.data)) == NULL)
			goto nomem;
		buf_setlen(&b, b.len - strlen("feeds.conf"));
	}
	if (buf_puts(&b, "config") != BUF_OK || (sp = buf_take(&b)) == NULL)
		goto nomem;
	*feeds_path = fp;
	*settings_path = sp;
	return 0;
nomem:
	buf_release(&b);
	free(fp);
	errbuf_set(eb, "feeds.conf: out of memory");
	return -1;
}

int
conf_load(struct conf *c, const char *feeds_path, const char *settings_path,
    int must_exist, struct errbuf *eb)
{
	struct buf b;

	buf_init(&b, CONF_FILE_MAX_BYTES);
	if ((c->feeds_path = strdup(feeds_path)) == NULL ||
	    (settings_path != NULL &&
	    (c->settings_path = strdup(settings_path)) == NULL)) {
		errbuf_set(eb, "%s: out of memory", feeds_path);
		return -1;
	}
	if (file_read(feeds_path, &b, eb) == -1) {
		if (must_exist || access(feeds_path, F_OK) == 0)
			return -1;
	} else if (conf_parse_feeds(c, feeds_path, b.data, b.len, eb) == -1) {
		buf_release(&b);
		return -1;
	}
	buf_release(&b);
	if (settings_path == NULL || access(settings_path, F_OK) != 0)
		return 0;
	if (file_read(settings_path, &b, eb) == -1)
		return -1;
	if (conf_parse_settings(c, settings_path, b.data, b.len, eb) == -1) {
		buf_release(&b);
		return -1;
	}
	buf_release(&b);
	return 0;
}

const char *
conf_filter_url(const char *feed)
{
	const char *p;

	if (ascii_ncasecmp(feed, "filter:", 7) != 0)
		return NULL;
	for (p = feed + 7; (p = strchr(p, ':')) != NULL; p++)
		if (p > feed + 7 && is_url(p + 1))
			return p + 1;
	return NULL;
}

const struct conf_feed *
conf_find_feed(const struct conf *c, const char *url)
{
	size_t	 i;

	for (i = 0; i < c->nfeeds; i++)
		if (strcmp(c->feeds[i].url, url) == 0)
			return &c->feeds[i];
	return NULL;
}

/* Appends s double-quoted, with '"' and '\' escaped. */
static int
put_quoted(struct buf *out, const char *prefix, const char *s)
{
	if (buf_printf(out, " \"%s", prefix) != BUF_OK)
		return -1;
	for (; *s != '\0'; s++) {
		if (*s == '\n' || *s == '\r')
			continue;
		if ((*s == '"' || *s == '\\') && buf_putc(out, '\\') != BUF_OK)
			return -1;
		if (buf_putc(out, *s) != BUF_OK)
			return -1;
	}
	return buf_putc(out, '"') == BUF_OK ? 0 : -1;
}

int
conf_format_feed(struct buf *out, const char *url, const char *title,
    char *const *tags, size_t ntags)
{
	size_t	 len = out->len, i;

	if (strpbrk(url, " \t\r\n") == NULL) {
		if (buf_puts(out, url) != BUF_OK)
			goto fail;
	} else {
		/* A bare URL ends at white space: quote it, without the
		 * space put_quoted() puts first. */
		if (put_quoted(out, "", url) == -1)
			goto fail;
		memmove(out->data + len, out->data + len + 1,
		    out->len - len - 1);
		buf_setlen(out, out->len - 1);
	}
	for (i = 0; i < ntags; i++)
		if (put_quoted(out, "", tags[i]) == -1)
			goto fail;
	if (title != NULL && title[0] != '\0' &&
	    put_quoted(out, "~", title) == -1)
		goto fail;
	return 0;
fail:
	buf_setlen(out, len);
	return -1;
}
