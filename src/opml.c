/*
 * opml: OPML import and export with libxml2.  See opml.h for the contract.
 */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "opml.h"

/* Tags one feed can get from folders and its category attribute. */
#define FEED_TAGS_MAX	(OPML_DEPTH_MAX + CONF_TAGS_MAX)

struct walk {
	int	(*on_feed)(void *, const struct opml_feed *);
	void	*ctx;
	char	*folders[OPML_DEPTH_MAX];
	size_t	 nfolders;
};

static int	 walk(struct walk *, xmlNode *, size_t);
static int	 feed(struct walk *, xmlNode *, const char *);
static int	 add_tag(char **, size_t *, const char *, size_t);
static char	*attr(xmlNode *, const char *);
static int	 put_attr(struct buf *, const char *, const char *);
static int	 put_escaped(struct buf *, const char *, const char *);
static int	 put_feed(struct buf *, const struct opml_feed *,
		    const char *);

/* A non-empty attribute value, sanitised; NULL if absent.  Caller frees. */
static char *
attr(xmlNode *n, const char *name)
{
	xmlChar	*v;
	char	*s;

	if ((v = xmlGetProp(n, (const xmlChar *)name)) == NULL)
		return NULL;
	s = utf8_clean((const char *)v);
	xmlFree(v);
	if (s != NULL && s[0] == '\0') {
		free(s);
		return NULL;
	}
	return s;
}

/* Adds the tag s[0..n) (trimmed) unless empty or already there. */
static int
add_tag(char **tags, size_t *ntags, const char *s, size_t n)
{
	size_t	 i;

	while (n > 0 && ascii_isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && ascii_isspace((unsigned char)s[n - 1]))
		n--;
	if (n == 0 || *ntags == FEED_TAGS_MAX)
		return 0;
	for (i = 0; i < *ntags; i++)
		if (strlen(tags[i]) == n && memcmp(tags[i], s, n) == 0)
			return 0;
	if ((tags[*ntags] = xstrndup(s, n)) == NULL)
		return -1;
	(*ntags)++;
	return 0;
}

static int
feed(struct walk *w, xmlNode *n, const char *url)
{
	struct opml_feed f;
	char	*tags[FEED_TAGS_MAX], *title, *cat, *p, *q;
	size_t	 ntags = 0, i;
	int	 rc = -1;

	title = attr(n, "title");
	if (title == NULL)
		title = attr(n, "text");
	/* A name that is only the address (what exporters write into the
	 * required "text" when they know no title) is no custom title: it
	 * would hide the feed's own. */
	if (title != NULL && (title[0] == '\0' || strcmp(title, url) == 0)) {
		free(title);
		title = NULL;
	}
	cat = attr(n, "category");
	for (i = 0; i < w->nfolders; i++)
		if (add_tag(tags, &ntags, w->folders[i],
		    strlen(w->folders[i])) == -1)
			goto out;
	/* category: comma-separated; each may be a "/a/b" path */
	for (p = cat; p != NULL && *p != '\0'; p = q) {
		q = p + strcspn(p, ",/");
		if (add_tag(tags, &ntags, p, (size_t)(q - p)) == -1)
			goto out;
		if (*q != '\0')
			q++;
	}
	f.url = url;
	f.title = title;
	f.tags = tags;
	f.ntags = ntags;
	rc = w->on_feed(w->ctx, &f);
out:
	for (i = 0; i < ntags; i++)
		free(tags[i]);
	free(title);
	free(cat);
	return rc;
}

static int
walk(struct walk *w, xmlNode *n, size_t depth)
{
	char	*url, *name;
	int	 rc = 0;

	for (; n != NULL && rc == 0; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    xmlStrcmp(n->name, (const xmlChar *)"outline") != 0)
			continue;
		if ((url = attr(n, "xmlUrl")) == NULL)
			url = attr(n, "xmlurl");
		if (url != NULL) {
			rc = feed(w, n, url);
			free(url);
			continue;
		}
		/* a folder: its name tags what is inside */
		name = attr(n, "title");
		if (name == NULL)
			name = attr(n, "text");
		if (name != NULL && w->nfolders < OPML_DEPTH_MAX)
			w->folders[w->nfolders++] = name;
		else {
			free(name);
			name = NULL;
		}
		if (depth < OPML_DEPTH_MAX * 4)
			rc = walk(w, n->children, depth + 1);
		if (name != NULL)
			free(w->folders[--w->nfolders]);
	}
	return rc;
}

int
opml_parse(const char *where, const char *text, size_t n,
    int (*on_feed)(void *, const struct opml_feed *), void *ctx,
    struct errbuf *eb)
{
	xmlParserCtxtPtr pc;
	xmlDocPtr doc;
	xmlNode	*root, *body;
	const xmlError *e;
	struct walk w;
	int	 rc;

	if (n > OPML_MAX_BYTES || n > INT32_MAX) {
		errbuf_set(eb, "%s: too large (limit %lu bytes)", where,
		    OPML_MAX_BYTES);
		return -1;
	}
	if ((pc = xmlNewParserCtxt()) == NULL) {
		errbuf_set(eb, "%s: out of memory", where);
		return -1;
	}
	doc = xmlCtxtReadMemory(pc, text, (int)n, NULL, NULL, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (doc == NULL) {
		e = xmlCtxtGetLastError(pc);
		errbuf_set(eb, "%s:%d: not OPML: %.*s", where,
		    e != NULL ? e->line : 0,
		    e != NULL && e->message != NULL ?
		    (int)strcspn(e->message, "\n") : 9,
		    e != NULL && e->message != NULL ? e->message : "XML error");
		xmlFreeParserCtxt(pc);
		return -1;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || xmlStrcmp(root->name, (const xmlChar *)"opml")) {
		errbuf_set(eb, "%s: not OPML (no <opml> element)", where);
		rc = -1;
		goto out;
	}
	for (body = root->children; body != NULL; body = body->next)
		if (body->type == XML_ELEMENT_NODE &&
		    xmlStrcmp(body->name, (const xmlChar *)"body") == 0)
			break;
	if (body == NULL) {
		errbuf_set(eb, "%s: not OPML (no <body> element)", where);
		rc = -1;
		goto out;
	}
	memset(&w, 0, sizeof w);
	w.on_feed = on_feed;
	w.ctx = ctx;
	rc = walk(&w, body->children, 0);
	while (w.nfolders > 0)
		free(w.folders[--w.nfolders]);
out:
	xmlFreeDoc(doc);
	xmlFreeParserCtxt(pc);
	return rc;
}

/* Appends v with XML escapes; controls and the bytes in drop are left
 * out. */
static int
put_escaped(struct buf *out, const char *v, const char *drop)
{
	char	*clean;
	const char *p, *esc;
	enum buf_result r = BUF_OK;

	if ((clean = utf8_clean(v)) == NULL)
		return -1;
	for (p = clean; r == BUF_OK && *p != '\0'; p++) {
		if (strchr(drop, *p) != NULL)
			continue;
		esc = *p == '&' ? "&amp;" : *p == '<' ? "&lt;" :
		    *p == '>' ? "&gt;" : *p == '"' ? "&quot;" : NULL;
		r = esc != NULL ? buf_puts(out, esc) : buf_putc(out, *p);
	}
	free(clean);
	return r == BUF_OK ? 0 : -1;
}

static int
put_attr(struct buf *out, const char *name, const char *v)
{
	if (buf_printf(out, " %s=\"", name) != BUF_OK ||
	    put_escaped(out, v, "") == -1 || buf_putc(out, '"') != BUF_OK)
		return -1;
	return 0;
}

static int
put_feed(struct buf *out, const struct opml_feed *f, const char *indent)
{
	size_t	 i;

	/* OPML 2.0 requires "text"; without a title it is the address,
	 * which opml_parse() does not take for a title, and there is no
	 * "title". */
	if (buf_printf(out, "%s<outline type=\"rss\"", indent) != BUF_OK ||
	    put_attr(out, "text", f->title != NULL ? f->title : f->url) ==
	    -1 || (f->title != NULL && put_attr(out, "title", f->title) ==
	    -1) || put_attr(out, "xmlUrl", f->url) == -1)
		return -1;
	if (f->ntags > 0) {
		if (buf_puts(out, " category=\"") != BUF_OK)
			return -1;
		for (i = 0; i < f->ntags; i++) {
			/* ',' and '/' separate categories: dropped */
			if ((i > 0 && buf_putc(out, ',') != BUF_OK) ||
			    put_escaped(out, f->tags[i], ",/") == -1)
				return -1;
		}
		if (buf_putc(out, '"') != BUF_OK)
			return -1;
	}
	return buf_puts(out, "/>\n") == BUF_OK ? 0 : -1;
}

int
opml_write(struct buf *out, const char *title, const struct opml_feed *feeds,
    size_t n)
{
	size_t	 len = out->len, i, j;
	char	*done;

	if ((done = calloc(n + 1, 1)) == NULL)
		return -1;
	if (buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n<head>\n<title") != BUF_OK ||
	    buf_puts(out, ">") != BUF_OK)
		goto fail;
	if (put_escaped(out, title != NULL ? title : "byline feeds", "") == -1 ||
	    buf_puts(out, "</title>\n</head>\n<body>\n") != BUF_OK)
		goto fail;
	/* untagged feeds first, then one folder per first tag, in order */
	for (i = 0; i < n; i++) {
		if (feeds[i].ntags > 0)
			continue;
		done[i] = 1;
		if (put_feed(out, &feeds[i], "") == -1)
			goto fail;
	}
	for (i = 0; i < n; i++) {
		if (done[i])
			continue;
		if (buf_puts(out, "<outline") != BUF_OK ||
		    put_attr(out, "text", feeds[i].tags[0]) == -1 ||
		    put_attr(out, "title", feeds[i].tags[0]) == -1 ||
		    buf_puts(out, ">\n") != BUF_OK)
			goto fail;
		for (j = i; j < n; j++) {
			if (done[j] || strcmp(feeds[j].tags[0],
			    feeds[i].tags[0]) != 0)
				continue;
			done[j] = 1;
			if (put_feed(out, &feeds[j], "  ") == -1)
				goto fail;
		}
		if (buf_puts(out, "</outline>\n") != BUF_OK)
			goto fail;
	}
	if (buf_puts(out, "</body>\n</opml>\n") != BUF_OK)
		goto fail;
	free(done);
	return 0;
fail:
	free(done);
	buf_setlen(out, len);
	return -1;
}
