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

enum { K_LONG, K_SECONDS, K_STRING };

/* Sorted by name; also accepts newsboat's names where they mean the
 * same ("reload-threads"). */
static const struct setting settings[] = {
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
	{ "reload-concurrency", K_LONG,
	    offsetof(struct conf, reload_concurrency), 1, FETCH_TOTAL_MAX },
	{ "reload-threads", K_LONG,
	    offsetof(struct conf, reload_concurrency), 1, FETCH_TOTAL_MAX },
	{ "timeout", K_SECONDS, offsetof(struct conf, timeout_ms), 1, 3600 },
	{ "user-agent", K_STRING, offsetof(struct conf, user_agent), 0, 0 },
};

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
static int	 add_feed(struct conf *, struct url_set *, const char *, size_t,
		    struct tokens *, struct errbuf *);
static int	 add_directive(struct conf_directive **, size_t *, size_t,
		    const char *, const char *);
static int	 set_setting(struct conf *, const char *, size_t,
		    struct tokens *, struct errbuf *);
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
	directives_free(c->binds, c->nbinds);
	directives_free(c->colors, c->ncolors);
	for (i = 0; i < c->nwarnings; i++)
		free(c->warnings[i]);
	free(c->warnings);
	free(c->feeds_path);
	free(c->settings_path);
	free(c->user_agent);
	free(c->browser);
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

/* Validates and adds the feed of one tokenized line; t is consumed. */
static int
add_feed(struct conf *c, struct url_set *set, const char *where,
    size_t line, struct tokens *t, struct errbuf *eb)
{
	struct conf_feed f, *nf;
	size_t	 i, j, k;
	int	 dup;

	if (ascii_ncasecmp(t->v[0], "query:", 6) == 0) {
		*strchr(t->v[0], ':') = '\0';
		return warn(c, eb, where, line, "%s: feeds are not supported",
		    t->v[0]);
	}
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
	if ((f.tags = calloc(t->n, sizeof *f.tags)) == NULL)
		goto nomem;
	for (i = 1; i < t->n; i++) {
		if (strcmp(t->v[i], "!") == 0) {
			f.hidden = 1;
			continue;
		}
		if (t->v[i][0] == '~') {
			free(f.title);
			f.title = t->v[i][1] != '\0' ?
			    strdup(t->v[i] + 1) : NULL;
			if (t->v[i][1] != '\0' && f.title == NULL)
				goto nomem;
			continue;
		}
		if (t->v[i][0] == '\0')
			continue;
		for (dup = 0, j = 0; j < f.ntags; j++)
			dup |= strcmp(f.tags[j], t->v[i]) == 0;
		if (dup)
			continue;
		if (f.ntags == CONF_TAGS_MAX) {
			for (j = 0; j < f.ntags; j++)
				free(f.tags[j]);
			free(f.tags);
			free(f.title);
			return warn(c, eb, where, line,
			    "too many tags (limit %d)", CONF_TAGS_MAX);
		}
		f.tags[f.ntags++] = t->v[i];
		t->v[i] = NULL;
	}
	/* Room for the next power of two of feeds: growing by one copied
	 * the whole array per line (quadratic under ASan). */
	if (c->nfeeds == 0 || (c->nfeeds >= 16 &&
	    (c->nfeeds & (c->nfeeds - 1)) == 0)) {
		nf = reallocarray(c->feeds, c->nfeeds == 0 ? 16 :
		    c->nfeeds * 2, sizeof *nf);
		if (nf == NULL)
			goto nomem;
		c->feeds = nf;
	}
	f.url = t->v[0];
	t->v[0] = NULL;
	if (2 * (c->nfeeds + 1) >= set->cap &&
	    set_fill(set, c, c->nfeeds) == -1)
		goto nomem;
	c->feeds[c->nfeeds] = f;
	k = url_hash(f.url) & (set->cap - 1);
	while (set->slot[k] != 0)
		k = (k + 1) & (set->cap - 1);
	set->slot[k] = ++c->nfeeds;
	return 0;
nomem:
	for (j = 0; j < f.ntags; j++)
		free(f.tags[j]);
	free(f.tags);
	free(f.title);
	errbuf_set(eb, "%s: out of memory", where);
	return -1;
}

int
conf_parse_feeds(struct conf *c, const char *where, const char *text,
    size_t n, struct errbuf *eb)
{
	struct tokens t;
	struct url_set set = { NULL, 0 };
	const char *why, *p, *end = text + n, *nl;
	size_t	 line = 0;
	int	 rc = 0;

	if (set_fill(&set, c, c->nfeeds) == -1) {
		errbuf_set(eb, "%s: out of memory", where);
		return -1;
	}
	for (p = text; p < end && rc != -1; p = nl + 1) {
		line++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if ((size_t)(nl - p) > CONF_LINE_MAX_BYTES) {
			rc = warn(c, eb, where, line, "line too long");
		} else if (tokenize(p, (size_t)(nl - p), &t, &why) == -1) {
			rc = warn(c, eb, where, line, "%s", why);
		} else if (t.n == 0) {
			rc = 0;
		} else {
			rc = add_feed(c, &set, where, line, &t, eb);
			tokens_free(&t);
		}
	}
	free(set.slot);
	return rc == -1 ? -1 : 0;
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
set_setting(struct conf *c, const char *where, size_t line, struct tokens *t,
    struct errbuf *eb)
{
	const struct setting *s;
	char	*end, *v, **sp;
	long	 l;

	if (strcmp(t->v[0], "bind") == 0 || strcmp(t->v[0], "bind-key") == 0) {
		if (t->n != 3)
			return warn(c, eb, where, line,
			    "usage: bind KEY ACTION");
		if (add_directive(&c->binds, &c->nbinds, line, t->v[1],
		    t->v[2]) == -1)
			goto nomem;
		return 0;
	}
	if (strcmp(t->v[0], "color") == 0 || strcmp(t->v[0], "colour") == 0) {
		if (t->n < 3)
			return warn(c, eb, where, line,
			    "usage: color ELEMENT FG [BG [ATTR...]]");
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
	s = bsearch(t->v[0], settings, sizeof settings / sizeof settings[0],
	    sizeof settings[0], setting_cmp);
	if (s == NULL)
		return warn(c, eb, where, line, "unknown key \"%.80s\"",
		    t->v[0]);
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
	errno = 0;
	l = strtol(t->v[1], &end, 10);
	if (errno != 0 || end == t->v[1] || *end != '\0' || l < s->min ||
	    l > s->max)
		return warn(c, eb, where, line, "%s: \"%.40s\" is not a "
		    "number from %ld to %ld", s->name, t->v[1], s->min, s->max);
	if (s->kind == K_SECONDS)
		l *= 1000;
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
	struct tokens t;
	const char *why, *p, *end = text + n, *nl;
	size_t	 line = 0;
	int	 rc;

	for (p = text; p < end; p = nl + 1) {
		line++;
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		if ((size_t)(nl - p) > CONF_LINE_MAX_BYTES) {
			rc = warn(c, eb, where, line, "line too long");
		} else if (tokenize(p, (size_t)(nl - p), &t, &why) == -1) {
			rc = warn(c, eb, where, line, "%s", why);
		} else if (t.n == 0) {
			rc = 0;
		} else {
			rc = set_setting(c, where, line, &t, eb);
			tokens_free(&t);
		}
		if (rc == -1)
			return -1;
	}
	return 0;
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
