/*
 * feed: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 on libxml2's SAX2
 * push parser, JSON Feed through feed_json.c.  See feed.h.
 *
 * The field rules follow sfeed(1) so that --parse-feed can be compared
 * with it line by line: an entry is any <item> (RSS) or <entry> (Atom)
 * element; inside it, elements are matched by name at any depth unless a
 * field is open, and when several elements feed one field the one of
 * higher priority wins (enum tag below is in priority order), the first of
 * equal priority.  Unlike sfeed, names are matched by namespace
 * (<r:item> in the RSS namespace is an item), an Atom <source> is not the
 * entry's, inline XHTML is serialised with its text escaped again, and
 * xml:base resolves relative links (tests/data/feeds/DIFFERENCES.md).
 *
 * Input passes a small filter before libxml2: a BOM and white space before
 * the first '<' are skipped, C0 controls (invalid in XML 1.0) are dropped
 * and invalid UTF-8 becomes U+FFFD, so that one bad byte does not end the
 * feed.  Entity references other than the five of XML are never expanded:
 * the getEntity hook hands libxml2 their own text ("&nbsp;") as the
 * replacement, as sfeed prints them; nothing is loaded from a DTD.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/entities.h>
#include <libxml/encoding.h>

#include "charset.h"
#include "date.h"
#include "feed.h"
#include "feed_clean.h"
#include "feed_json.h"
#include "feed_vocab.h"
#include "bounds.h"
#include "util.h"

enum state {
	ST_SNIFF = 0,
	ST_XML,
	ST_JSON,
	ST_DONE,
	ST_FAILED
};

/* What passes between the input and libxml2. */
enum filter {
	FILTER_NONE = 0,	/* UTF-16/32: libxml2 checks it */
	FILTER_BYTE,		/* a single-byte charset: drop C0 controls */
	FILTER_UTF8		/* and make the UTF-8 valid */
};

/* Element names seen are cached by libxml2's interned pointers, so that
 * each event costs a few compares; a power of two. */
#define NAME_CACHE_SLOTS	64

struct name_slot {
	const xmlChar	*local;
	const xmlChar	*prefix;
	const xmlChar	*uri;
	enum name	 name;
};

struct base {
	int		 depth;
	char		*url;
};

struct feed_parser {
	char		*where;
	char		*charset;
	int		(*on_entry)(void *, const struct feed_entry *);
	void		*arg;
	enum state	 state;

	struct buf	 head;		/* first bytes, for sniffing */
	struct buf	 json;		/* a JSON Feed, whole */

	xmlParserCtxtPtr xml;
	xmlSAXHandler	 sax;
	xmlEntity	 lit;		/* an entity standing for itself */
	struct buf	 litbuf;
	enum filter	 filter;
	unsigned char	 carry[4];	/* incomplete UTF-8 between chunks */
	size_t		 ncarry;
	struct buf	 fbuf;		/* repaired input */

	struct name_slot cache[NAME_CACHE_SLOTS];
	int		 depth;
	int		 root_seen;
	enum name	 root;
	char		 rootname[32];

	/* feed level */
	int		 chan_depth;
	int		 info_depth;
	struct buf	 info_title, info_link, info_desc;
	struct feed_info info;

	struct base	 bases[FEED_BASE_DEPTH_MAX];
	int		 nbases;

	/* the current entry */
	enum kind	 kind;
	int		 item_depth;
	int		 skip_depth;
	enum tag	 tag;
	int		 tag_depth;
	int		 author_depth;
	struct buf	*dst;		/* where text goes, or NULL */
	int		 in_content;
	int		 serialise;	/* write inline elements as markup */
	int		 escape;	/* XHTML: escape text again */
	int		 pending_gt;	/* a start tag waits for > or /> */
	enum feed_content_type ctype;
	struct buf	 f[F_COUNT];
	enum tag	 prio[F_COUNT];
	struct buf	 tmp;

	unsigned long	 nentries;
	int		 toodeep;
	struct errbuf	 deep;
	int		 stopped;
	int		 nomem;
	int		 have_error;
	struct errbuf	 error;
	int		 have_warning;
	struct errbuf	 warning;
};

static void	 info_update(struct feed_parser *);
static enum name lookup(struct feed_parser *, const xmlChar *,
		    const xmlChar *, const xmlChar *);
static void	 warn(struct feed_parser *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static void	 put_slow(struct feed_parser *, struct buf *, const char *,
		    size_t);
static void	 put(struct feed_parser *, struct buf *, const char *,
		    size_t);
static void	 put_escaped(struct feed_parser *, struct buf *,
		    const char *, size_t, int);
static void	 put_attr(struct feed_parser *, struct buf *,
		    const xmlChar *, const xmlChar *);
static void	 base_push(struct feed_parser *, const xmlChar **);
static void	 base_pop(struct feed_parser *, int);
static int	 has_scheme(const char *);
static void	 resolve(struct feed_parser *, struct buf *);
static void	 inline_start(struct feed_parser *, const xmlChar *,
		    const xmlChar *, int, const xmlChar **, int,
		    const xmlChar **);
static void	 inline_end(struct feed_parser *, const xmlChar *,
		    const xmlChar *);
static void	 open_field(struct feed_parser *, enum tag, int,
		    const xmlChar **);
static void	 close_field(struct feed_parser *);
static void	 reset_entry(struct feed_parser *);
static void	 emit_entry(struct feed_parser *);
static void	 info_start(struct feed_parser *, enum name, int,
		    const xmlChar **);
static void	 sax_start(void *, const xmlChar *, const xmlChar *,
		    const xmlChar *, int, const xmlChar **, int, int,
		    const xmlChar **);
static void	 sax_end(void *, const xmlChar *, const xmlChar *,
		    const xmlChar *);
static void	 sax_characters(void *, const xmlChar *, int);
static xmlEntityPtr sax_get_entity(void *, const xmlChar *);
static void	 sax_entity_decl(void *, const xmlChar *, int,
		    const xmlChar *, const xmlChar *, xmlChar *);
static void	 sax_error(void *, xmlErrorPtr);
static int	 sniff_ready(const struct buf *);
static int	 start(struct feed_parser *, struct errbuf *);
static int	 start_xml(struct feed_parser *, const char *, size_t,
		    struct errbuf *);
static int	 xml_slice(struct feed_parser *, const char *, size_t, int,
		    struct errbuf *);
static int	 xml_chunk(struct feed_parser *, const char *, size_t, int,
		    struct errbuf *);
static int	 xml_push(struct feed_parser *, const char *, size_t, int,
		    struct errbuf *);
static size_t	 finish_carry(struct feed_parser *, const unsigned char *,
		    size_t, int, struct errbuf *, int *);
static size_t	 clean_prefix(const unsigned char *, size_t, int);
static size_t	 utf8_partial(const unsigned char *, size_t);
static int	 fail(struct feed_parser *, struct errbuf *);
static int	 json_emit(void *, const struct feed_entry *);

/* libxml2 interns names in its dictionary: equal names, equal pointers. */
static enum name
lookup(struct feed_parser *p, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct name_slot *s;
	uintptr_t h;

	h = ((uintptr_t)local >> 3) ^ ((uintptr_t)uri >> 5);
	s = &p->cache[h & (NAME_CACHE_SLOTS - 1)];
	if (s->local == local && s->uri == uri && s->prefix == prefix)
		return s->name;
	s->local = local;
	s->prefix = prefix;
	s->uri = uri;
	s->name = vocab_name(local, prefix, uri);
	return s->name;
}

static void
warn(struct feed_parser *p, const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[ERRBUF_BYTES];
	int	 line = 0;

	if (p->have_warning)
		return;
	va_start(ap, fmt);
	(void)vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (p->xml == NULL) {
		errbuf_set(&p->warning, "%s: %s", p->where, msg);
	} else {
		line = xmlSAX2GetLineNumber(p->xml);
		errbuf_set(&p->warning, "%s:%d: %s", p->where, line, msg);
	}
	p->have_warning = 1;
}

/* Appends what fits; a field over its limit is cut at a character. */
static void
put_slow(struct feed_parser *p, struct buf *b, const char *s, size_t n)
{
	size_t	 room;

	switch (buf_append(b, s, n)) {
	case BUF_OK:
		return;
	case BUF_NOMEM:
		p->nomem = 1;
		return;
	case BUF_TOOBIG:
		break;
	}
	room = b->max - b->len;
	if (room >= n)
		return;
	while (room > 0 && ((unsigned char)s[room] & 0xc0) == 0x80)
		room--;
	if (room > 0 && buf_append(b, s, room) == BUF_NOMEM)
		p->nomem = 1;
	warn(p, "field longer than %zu bytes cut", b->max);
}

static inline void
put(struct feed_parser *p, struct buf *b, const char *s, size_t n)
{
	if (b->len + n < b->cap) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
		return;
	}
	put_slow(p, b, s, n);
}

/* Escapes text for (X)HTML; quotes too inside attribute values. */
static void
put_escaped(struct feed_parser *p, struct buf *b, const char *s, size_t n,
    int attr)
{
	size_t	 i, start = 0;
	const char *rep;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = attr ? "&quot;" : NULL;
			break;
		default:
			rep = NULL;
			break;
		}
		if (rep == NULL)
			continue;
		put(p, b, s + start, i - start);
		put(p, b, rep, strlen(rep));
		start = i + 1;
	}
	put(p, b, s + start, n - start);
}

/*
 * Appends an attribute value [v, end).  Without XML_PARSE_NOENT libxml2
 * hands SAX2 "&#38;" where the document had "&amp;" (and our own literal
 * entities), for a tree builder to decode: decode it here.
 */
static void
put_attr(struct feed_parser *p, struct buf *b, const xmlChar *v,
    const xmlChar *end)
{
	const char *s = (const char *)v, *e = (const char *)end, *amp;

	while ((amp = memmem(s, (size_t)(e - s), "&#38;", 5)) != NULL) {
		put(p, b, s, (size_t)(amp - s) + 1);
		s = amp + 5;
	}
	put(p, b, s, (size_t)(e - s));
}

static void
base_push(struct feed_parser *p, const xmlChar **a)
{
	const char *top;
	char	*ref, *url;

	if (p->nbases == FEED_BASE_DEPTH_MAX)
		return;
	if ((ref = xstrndup((const char *)a[3], (size_t)(a[4] - a[3]))) ==
	    NULL) {
		p->nomem = 1;
		return;
	}
	top = p->nbases > 0 ? p->bases[p->nbases - 1].url : NULL;
	url = url_resolve(top, ref);
	free(ref);
	if (url == NULL)
		return;
	p->bases[p->nbases].depth = p->depth;
	p->bases[p->nbases].url = url;
	p->nbases++;
}

static void
base_pop(struct feed_parser *p, int depth)
{
	while (p->nbases > 0 && p->bases[p->nbases - 1].depth >= depth &&
	    p->bases[p->nbases - 1].depth > 0) {
		p->nbases--;
		free(p->bases[p->nbases].url);
	}
}

/* RFC 3986 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" */
static int
has_scheme(const char *s)
{
	if (!ascii_isalpha((unsigned char)*s))
		return 0;
	for (s++; *s != '\0'; s++) {
		if (*s == ':')
			return 1;
		if (!ascii_isalpha((unsigned char)*s) &&
		    !ascii_isdigit((unsigned char)*s) && *s != '+' &&
		    *s != '-' && *s != '.')
			return 0;
	}
	return 0;
}

/* Makes a relative link absolute against the xml:base in scope (or the
 * fetch URL); leaves it as written when it cannot. */
static void
resolve(struct feed_parser *p, struct buf *b)
{
	const char *s = b->data;
	char	*url;

	if (p->nbases == 0)
		return;
	while (ascii_isspace((unsigned char)*s))
		s++;
	if (*s == '\0' || has_scheme(s))
		return;
	if ((url = url_resolve(p->bases[p->nbases - 1].url, s)) == NULL)
		return;
	buf_reset(b);
	put(p, b, url, strlen(url));
	free(url);
}

/* An element inside HTML content, written back as markup. */
static void
inline_start(struct feed_parser *p, const xmlChar *local,
    const xmlChar *prefix, int nns, const xmlChar **ns, int nattr,
    const xmlChar **attrs)
{
	struct buf *b = p->dst;
	int	 i;

	if (b == NULL || !p->serialise)
		return;
	if (p->pending_gt)
		put(p, b, ">", 1);
	put(p, b, "<", 1);
	if (prefix != NULL) {
		put(p, b, (const char *)prefix, strlen((const char *)prefix));
		put(p, b, ":", 1);
	}
	put(p, b, (const char *)local, strlen((const char *)local));
	for (i = 0; i < nns; i++, ns += 2) {
		put(p, b, " xmlns", 6);
		if (ns[0] != NULL) {
			put(p, b, ":", 1);
			put(p, b, (const char *)ns[0],
			    strlen((const char *)ns[0]));
		}
		put(p, b, "=\"", 2);
		if (ns[1] != NULL)
			put_escaped(p, b, (const char *)ns[1],
			    strlen((const char *)ns[1]), 1);
		put(p, b, "\"", 1);
	}
	for (i = 0; i < nattr; i++, attrs += 5) {
		struct buf v;

		put(p, b, " ", 1);
		if (attrs[1] != NULL) {
			put(p, b, (const char *)attrs[1],
			    strlen((const char *)attrs[1]));
			put(p, b, ":", 1);
		}
		put(p, b, (const char *)attrs[0],
		    strlen((const char *)attrs[0]));
		put(p, b, "=\"", 2);
		buf_init(&v, FEED_FIELD_MAX_BYTES);
		put_attr(p, &v, attrs[3], attrs[4]);
		put_escaped(p, b, v.data, v.len, 1);
		buf_release(&v);
		put(p, b, "\"", 1);
	}
	p->pending_gt = 1;
}

static void
inline_end(struct feed_parser *p, const xmlChar *local,
    const xmlChar *prefix)
{
	struct buf *b = p->dst;

	if (b == NULL || !p->serialise)
		return;
	if (p->pending_gt) {
		put(p, b, "/>", 2);
		p->pending_gt = 0;
		return;
	}
	put(p, b, "</", 2);
	if (prefix != NULL) {
		put(p, b, (const char *)prefix, strlen((const char *)prefix));
		put(p, b, ":", 1);
	}
	put(p, b, (const char *)local, strlen((const char *)local));
	put(p, b, ">", 1);
}

static void
open_field(struct feed_parser *p, enum tag tag, int nattr,
    const xmlChar **attrs)
{
	const xmlChar **a = NULL;
	int	 f = vocab_field[tag];

	p->tag = tag;
	p->tag_depth = p->depth;
	p->dst = NULL;
	if (tag == TAG_ATOM_AUTHOR)
		p->author_depth = p->depth;
	if (f < 0)
		return;
	if (f != F_CATEGORY && tag <= p->prio[f])
		return;
	p->prio[f] = tag;
	if (f != F_CATEGORY)
		buf_reset(&p->f[f]);
	buf_reset(&p->tmp);
	if (tag == TAG_RSS_ENCLOSURE)
		a = vocab_attr(attrs, nattr, "url");
	else if (tag == TAG_ATOM_LINK_ALT || tag == TAG_ATOM_LINK_ENC)
		a = vocab_attr(attrs, nattr, "href");
	else if (tag == TAG_ATOM_CATEGORY)
		a = vocab_attr(attrs, nattr, "term");
	if (a != NULL)
		put_attr(p, &p->tmp, a[3], a[4]);
	p->dst = f == F_CATEGORY ? &p->tmp : &p->f[f];
	if (f != F_CONTENT)
		return;

	/* sfeed's content types: Atom type="html"/"xhtml" and the HTML
	 * MIME types are html, any other type plain; without one, RSS
	 * description and content:encoded are html, the rest plain. */
	p->in_content = 1;
	p->serialise = 0;
	p->escape = 0;
	p->pending_gt = 0;
	a = vocab_attr(attrs, nattr, "type");
	if (a != NULL && a[3] != a[4]) {
		if (vocab_attr_is(a, "xhtml") ||
		    vocab_attr_is(a, "text/xhtml") ||
		    vocab_attr_is(a, "application/xhtml+xml"))
			p->escape = 1;
		if (p->escape || vocab_attr_is(a, "html") ||
		    vocab_attr_is(a, "text/html"))
			p->ctype = FEED_CONTENT_HTML;
		else
			p->ctype = FEED_CONTENT_PLAIN;
	} else if (tag == TAG_RSS_CONTENT || tag == TAG_RSS_DESCRIPTION) {
		p->ctype = FEED_CONTENT_HTML;
	} else {
		p->ctype = FEED_CONTENT_PLAIN;
	}
	p->serialise = p->ctype == FEED_CONTENT_HTML;
}

static void
close_field(struct feed_parser *p)
{
	int	 f = vocab_field[p->tag];

	if (p->dst != NULL && f >= 0) {
		if (p->pending_gt)
			put(p, p->dst, ">", 1);
		if (p->tmp.len > 0) {
			if (f == F_CATEGORY) {
				if (p->f[f].len > 0)
					put(p, &p->f[f], "|", 1);
			} else {
				buf_reset(&p->f[f]);
			}
			put(p, &p->f[f], p->tmp.data, p->tmp.len);
		}
		if (f == F_LINK || f == F_ENCLOSURE)
			resolve(p, &p->f[f]);
		/* a permalink guid is the link when no <link> came first */
		if (p->tag == TAG_RSS_GUID_LINK &&
		    p->tag > p->prio[F_LINK]) {
			buf_reset(&p->f[F_LINK]);
			put(p, &p->f[F_LINK], p->f[F_ID].data, p->f[F_ID].len);
			p->prio[F_LINK] = p->tag;
			resolve(p, &p->f[F_LINK]);
		}
	}
	buf_reset(&p->tmp);
	if (p->tag == TAG_ATOM_NAME) {
		p->tag = TAG_ATOM_AUTHOR;
		p->tag_depth = p->author_depth;
	} else {
		p->tag = TAG_NONE;
	}
	p->dst = NULL;
	p->in_content = 0;
	p->serialise = 0;
	p->escape = 0;
	p->pending_gt = 0;
}

static void
reset_entry(struct feed_parser *p)
{
	int	 i;

	for (i = 0; i < F_COUNT; i++) {
		buf_reset(&p->f[i]);
		p->prio[i] = TAG_NONE;
	}
	buf_reset(&p->tmp);
	p->tag = TAG_NONE;
	p->dst = NULL;
	p->in_content = 0;
	p->serialise = 0;
	p->escape = 0;
	p->pending_gt = 0;
	p->ctype = FEED_CONTENT_NONE;
	p->skip_depth = 0;
}

static void
emit_entry(struct feed_parser *p)
{
	struct feed_entry e;
	struct date d;
	int	 i;

	if (p->stopped)
		return;
	for (i = 0; i < F_COUNT; i++) {
		if (i == F_CATEGORY)
			feed_clean_multi(&p->f[i]);
		else
			feed_clean(&p->f[i], i == F_CONTENT);
	}
	memset(&e, 0, sizeof e);
	if (p->f[F_TIME].len > 0 &&
	    date_parse(p->f[F_TIME].data, p->f[F_TIME].len, &d) == 0) {
		e.time = d.utc;
		e.has_time = 1;
	}
	e.title = p->f[F_TITLE].data;
	e.link = p->f[F_LINK].data;
	e.content = p->f[F_CONTENT].data;
	e.content_type = p->ctype;
	e.guid = p->f[F_ID].data;
	e.id = p->f[F_ID].len > 0 ? p->f[F_ID].data : p->f[F_LINK].data;
	e.author = p->f[F_AUTHOR].data;
	e.enclosure = p->f[F_ENCLOSURE].data;
	e.categories = p->f[F_CATEGORY].data;
	p->nentries++;
	if (p->on_entry(p->arg, &e) == -1) {
		p->stopped = 1;
		if (p->xml != NULL)
			xmlStopParser(p->xml);
	}
}

/* A feed-level title, link or description (a child of channel/feed). */
static void
info_start(struct feed_parser *p, enum name name, int nattr,
    const xmlChar **attrs)
{
	const xmlChar **a;
	struct buf *b = NULL;

	switch (name) {
	case N_TITLE:
		b = &p->info_title;
		break;
	case N_LINK:
		b = &p->info_link;
		a = vocab_attr(attrs, nattr, "href");
		if (a == NULL)
			break;
		if (b->len == 0 && (vocab_attr(attrs, nattr, "rel") == NULL ||
		    vocab_attr_is(vocab_attr(attrs, nattr, "rel"),
		    "alternate")))
			put_attr(p, b, a[3], a[4]);
		info_update(p);
		return;
	case N_DESCRIPTION:
	case N_SUBTITLE:
	case N_TAGLINE:
		b = &p->info_desc;
		break;
	default:
		return;
	}
	if (b->len > 0)
		return;
	p->dst = b;
	p->info_depth = p->depth;
}

static void
sax_start(void *v, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattr, int ndef,
    const xmlChar **attrs)
{
	struct feed_parser *p = v;
	const xmlChar **a;
	enum name name;
	enum tag tag;
	int	 i;

	(void)ndef;
	if (++p->depth > FEED_DEPTH_MAX) {
		if (!p->toodeep)
			errbuf_set(&p->deep, "%s:%d: elements nested deeper "
			    "than %d", p->where, xmlSAX2GetLineNumber(p->xml),
			    FEED_DEPTH_MAX);
		p->toodeep = 1;
		xmlStopParser(p->xml);
		return;
	}
	if (p->skip_depth > 0)
		return;
	if (p->in_content) {
		inline_start(p, local, prefix, nns, ns, nattr, attrs);
		return;
	}
	for (i = 0, a = attrs; i < nattr; i++, a += 5)
		if (a[1] != NULL && strcmp((const char *)a[1], "xml") == 0 &&
		    strcmp((const char *)a[0], "base") == 0)
			base_push(p, a);
	name = lookup(p, local, prefix, uri);
	if (p->kind != K_RSS)
		name &= ~N_ATOM;
	if (!p->root_seen) {
		p->root_seen = 1;
		p->root = name;
		(void)snprintf(p->rootname, sizeof p->rootname, "%s",
		    (const char *)local);
		if (name == N_RSS || name == N_CHANNEL)
			p->info.format = FEED_RSS;
		else if (name == N_RDF)
			p->info.format = FEED_RDF;
		else if (name == N_FEED)
			p->info.format = FEED_ATOM;
	}
	if (p->kind == K_NONE) {
		if (name == N_ITEM || name == N_ENTRY) {
			p->kind = name == N_ITEM ? K_RSS : K_ATOM;
			p->item_depth = p->depth;
			reset_entry(p);
		} else if ((name == N_CHANNEL || name == N_FEED) &&
		    p->chan_depth == 0) {
			p->chan_depth = p->depth;
		} else if (p->chan_depth > 0 &&
		    p->depth == p->chan_depth + 1 && p->dst == NULL) {
			info_start(p, name, nattr, attrs);
		}
		return;
	}
	if (p->tag != TAG_NONE) {
		/* only Atom's <author><name> nests */
		if (p->tag == TAG_ATOM_AUTHOR && name == N_NAME)
			open_field(p, TAG_ATOM_NAME, nattr, attrs);
		return;
	}
	tag = vocab_tag(p->kind, name, nattr, attrs);
	if (tag == TAG_ATOM_SOURCE)
		p->skip_depth = p->depth;
	else if (tag != TAG_NONE)
		open_field(p, tag, nattr, attrs);
}

static void
sax_end(void *v, const xmlChar *local, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct feed_parser *p = v;
	int	 d = p->depth--;

	(void)uri;
	if (p->skip_depth > 0) {
		if (d == p->skip_depth)
			p->skip_depth = 0;
	} else if (p->in_content && d > p->tag_depth) {
		inline_end(p, local, prefix);
		return;
	} else if (p->kind == K_NONE) {
		if (p->dst != NULL && d == p->info_depth) {
			p->dst = NULL;
			info_update(p);
		}
		if (d == p->chan_depth)
			p->chan_depth = 0;
	} else if (p->tag != TAG_NONE && d == p->tag_depth) {
		close_field(p);
	} else if (p->tag == TAG_NONE && d == p->item_depth) {
		emit_entry(p);
		reset_entry(p);
		p->kind = K_NONE;
	}
	if (p->nbases > 0)
		base_pop(p, d);
}

static void
sax_characters(void *v, const xmlChar *s, int len)
{
	struct feed_parser *p = v;

	if (p->dst == NULL || p->skip_depth > 0)
		return;
	if (p->pending_gt) {
		put(p, p->dst, ">", 1);
		p->pending_gt = 0;
	}
	if (p->escape)
		put_escaped(p, p->dst, (const char *)s, (size_t)len, 0);
	else
		put(p, p->dst, (const char *)s, (size_t)len);
}

/*
 * Every entity that is not one of XML's five stands for its own text
 * ("&nbsp;" stays "&nbsp;"), as in sfeed: libxml2 inlines the content of
 * a "predefined" entity as characters without parsing it, so nothing
 * declared in a DTD is ever expanded or fetched (billion laughs, XXE).
 */
/* Declarations are read and forgotten: no entity is ever defined, so
 * sax_get_entity() answers for all of them. */
static void
sax_entity_decl(void *v, const xmlChar *name, int type,
    const xmlChar *public_id, const xmlChar *system_id, xmlChar *content)
{
	(void)v;
	(void)name;
	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
}

static xmlEntityPtr
sax_get_entity(void *v, const xmlChar *name)
{
	struct feed_parser *p = v;

	/*
	 * In recovery mode libxml2 2.9 drops every entity reference, even
	 * &amp;, once the document is known not to be well-formed
	 * (xmlParseReference checks wellFormed right after this call): the
	 * first error is kept in p->error, and the reference goes through.
	 */
	if (p->xml != NULL && p->xml->recovery)
		p->xml->wellFormed = 1;
	buf_reset(&p->litbuf);
	if (buf_putc(&p->litbuf, '&') != BUF_OK ||
	    buf_puts(&p->litbuf, (const char *)name) != BUF_OK ||
	    buf_putc(&p->litbuf, ';') != BUF_OK)
		return NULL;
	memset(&p->lit, 0, sizeof p->lit);
	p->lit.type = XML_ENTITY_DECL;
	p->lit.etype = XML_INTERNAL_PREDEFINED_ENTITY;
	p->lit.name = name;
	p->lit.content = (xmlChar *)p->litbuf.data;
	p->lit.length = (int)p->litbuf.len;
	return &p->lit;
}

static void
sax_error(void *v, xmlErrorPtr e)
{
	struct feed_parser *p = v;
	char	 msg[ERRBUF_BYTES];
	size_t	 i, o = 0;

	if (e == NULL || e->level < XML_ERR_ERROR)
		return;
	/* an undeclared prefix breaks Namespaces in XML, not XML 1.0: the
	 * element keeps its prefix, and vocab_name() matches by it */
	if (e->domain == XML_FROM_NAMESPACE) {
		warn(p, "%s", "undeclared namespace prefix");
		return;
	}
	if (p->have_error)
		return;
	for (i = 0; e->message != NULL && e->message[i] != '\0' &&
	    o + 1 < sizeof msg; i++) {
		unsigned char c = (unsigned char)e->message[i];

		if (c == '\n')
			break;
		if (c < 0x20 || c >= 0x7f)
			c = '?';
		else if (o == 0)
			c = (unsigned char)ascii_tolower(c);
		msg[o++] = (char)c;
	}
	msg[o] = '\0';
	errbuf_set(&p->error, "%s:%d: %s", p->where, e->line, msg);
	p->have_error = 1;
}

struct feed_parser *
feed_parser_new(const char *where, const char *base_url, const char *charset,
    int (*on_entry)(void *, const struct feed_entry *), void *arg)
{
	struct feed_parser *p;
	int	 i;

	if ((p = calloc(1, sizeof *p)) == NULL)
		return NULL;
	p->where = strdup(where != NULL ? where : "-");
	p->charset = charset != NULL ? strdup(charset) : NULL;
	if (p->where == NULL || (charset != NULL && p->charset == NULL))
		goto fail;
	if (base_url != NULL && *base_url != '\0') {
		if ((p->bases[0].url = strdup(base_url)) == NULL)
			goto fail;
		p->bases[0].depth = 0;
		p->nbases = 1;
	}
	p->on_entry = on_entry;
	p->arg = arg;
	buf_init(&p->head, FEED_SNIFF_BYTES);
	buf_init(&p->json, FEED_JSON_MAX_BYTES);
	buf_init(&p->litbuf, FEED_FIELD_MAX_BYTES);
	buf_init(&p->fbuf, FEED_FILTER_BYTES);
	buf_init(&p->info_title, FEED_FIELD_MAX_BYTES);
	buf_init(&p->info_link, FEED_FIELD_MAX_BYTES);
	buf_init(&p->info_desc, FEED_CONTENT_MAX_BYTES);
	buf_init(&p->tmp, FEED_FIELD_MAX_BYTES);
	for (i = 0; i < F_COUNT; i++)
		buf_init(&p->f[i], i == F_CONTENT ? FEED_CONTENT_MAX_BYTES :
		    FEED_FIELD_MAX_BYTES);
	return p;
fail:
	free(p->where);
	free(p->charset);
	free(p);
	return NULL;
}

/* Enough bytes to choose between XML and JSON and to read the XML
 * declaration's encoding? */
static int
sniff_ready(const struct buf *h)
{
	const char *s = h->data, *e = s + h->len;

	if (h->len >= 2 && ((s[0] == '\xfe' && s[1] == '\xff') ||
	    (s[0] == '\xff' && s[1] == '\xfe')))
		return 1;
	if (h->len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	while (s < e && (ascii_isspace((unsigned char)*s) || *s == '\0'))
		s++;
	if (s == e)
		return 0;
	if (e - s >= 5 && memcmp(s, "<?xml", 5) == 0)
		return memmem(s, (size_t)(e - s), "?>", 2) != NULL;
	return *s != '<' || e - s >= 5;
}

static int
start_xml(struct feed_parser *p, const char *s, size_t n, struct errbuf *eb)
{
	xmlCharEncodingHandlerPtr h = NULL;
	char	 decl[64];
	const char *enc, *bom;
	size_t	 bomlen;
	int	 opts = XML_PARSE_NONET | XML_PARSE_RECOVER |
	    XML_PARSE_NOWARNING;
	int	 wide = 0, ignore = 0;

	/* UTF-16 by its BOM or by "<" as a 16-bit unit (XML 1.0 F.1) */
	bom = charset_bom(s, n, &bomlen);
	if ((bom != NULL && charset_is_wide(bom)) || (n >= 2 &&
	    ((s[0] == '\0' && s[1] == '<') || (s[0] == '<' && s[1] == '\0'))))
		wide = 1;
	if (!wide) {
		s += bomlen;
		n -= bomlen;
		/* sfeed reads on; libxml2 rejects a declaration that is not
		 * first, so white space before the first '<' goes */
		while (n > 0 && *s != '<') {
			s++;
			n--;
		}
	}
	charset_xml_decl(s, n, decl, sizeof decl);
	enc = p->charset != NULL ? p->charset : decl;
	p->filter = wide ? FILTER_NONE : FILTER_UTF8;
	if (!wide && *enc != '\0' && !charset_is_utf8(enc)) {
		if (charset_is_wide(enc)) {
			p->filter = FILTER_NONE;
		} else if ((h = xmlFindCharEncodingHandler(enc)) != NULL) {
			p->filter = FILTER_BYTE;
		} else {
			warn(p, "unknown encoding \"%s\" read as UTF-8", decl);
			ignore = 1;
		}
	}
	if (p->charset != NULL && h == NULL && p->filter != FILTER_NONE)
		ignore = 1;

	memset(&p->sax, 0, sizeof p->sax);
	p->sax.initialized = XML_SAX2_MAGIC;
	p->sax.startElementNs = sax_start;
	p->sax.endElementNs = sax_end;
	p->sax.characters = sax_characters;
	p->sax.ignorableWhitespace = sax_characters;
	p->sax.cdataBlock = sax_characters;
	p->sax.getEntity = sax_get_entity;
	p->sax.entityDecl = sax_entity_decl;
	p->sax.serror = sax_error;
	p->xml = xmlCreatePushParserCtxt(&p->sax, p, NULL, 0, p->where);
	if (p->xml == NULL) {
		if (h != NULL)
			xmlCharEncCloseFunc(h);
		errbuf_set(eb, "%s: out of memory", p->where);
		return -1;
	}
	if (p->charset != NULL && h != NULL) {
		(void)xmlSwitchToEncoding(p->xml, h);
		ignore = 1;
	} else if (h != NULL) {
		xmlCharEncCloseFunc(h);
	}
	if (ignore) {
		if (h == NULL)
			(void)xmlSwitchEncoding(p->xml,
			    XML_CHAR_ENCODING_UTF8);
		opts |= XML_PARSE_IGNORE_ENC;
	}
	(void)xmlCtxtUseOptions(p->xml, opts);
	p->state = ST_XML;
	return xml_push(p, s, n, 0, eb);
}

static int
start(struct feed_parser *p, struct errbuf *eb)
{
	const char *s = p->head.data, *e = s + p->head.len;

	if (p->head.len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	while (s < e && ascii_isspace((unsigned char)*s))
		s++;
	if (s < e && (*s == '{' || *s == '[')) {
		p->state = ST_JSON;
		if (buf_append(&p->json, s, (size_t)(e - s)) != BUF_OK) {
			errbuf_set(eb, "%s: out of memory", p->where);
			return -1;
		}
		return 0;
	}
	return start_xml(p, p->head.data, p->head.len, eb);
}

/* Bytes of s that are clean: no C0 control but TAB, LF and CR, and (if
 * utf8) only whole, valid UTF-8 sequences. */
static size_t
clean_prefix(const unsigned char *s, size_t n, int utf8)
{
	size_t	 i = 0, k;
	uint32_t cp;

	while (i < n) {
		if (s[i] >= 0x20 && s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] < 0x20) {
			if (s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
				i++;
				continue;
			}
			return i;
		}
		if (!utf8) {
			i++;
			continue;
		}
		k = utf8_decode((const char *)s + i, n - i, &cp);
		if (cp == 0xfffd && k == 1 && !(s[i] == 0xef &&
		    n - i >= 3 && s[i + 1] == 0xbf && s[i + 2] == 0xbd))
			return i;
		i += k;
	}
	return n;
}

/* Length of the start of a UTF-8 sequence cut off at the end of s (n
 * bytes, n < 4), or 0 if s is not such a start. */
static size_t
utf8_partial(const unsigned char *s, size_t n)
{
	size_t	 need, i;

	if (n == 0 || n > 3)
		return 0;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		need = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		need = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		need = 4;
	else
		return 0;
	if (n >= need)
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

/*
 * Hands s to libxml2 in slices of FEED_XML_SLICE_BYTES: the push
 * parser copies what it is given into its input buffer and drops the
 * parsed front of that buffer only when a call begins, so one large
 * chunk grows the buffer (kept until the parser is freed) to twice its
 * size.  A slice may end inside a UTF-8 sequence: libxml2 parses text
 * only up to the next markup, so it waits for the rest.
 */
static int
xml_chunk(struct feed_parser *p, const char *s, size_t n, int terminate,
    struct errbuf *eb)
{
	for (; n > FEED_XML_SLICE_BYTES; s += FEED_XML_SLICE_BYTES,
	    n -= FEED_XML_SLICE_BYTES)
		if (xml_slice(p, s, FEED_XML_SLICE_BYTES, 0, eb) == -1)
			return -1;
	return xml_slice(p, s, n, terminate, eb);
}

static int
xml_slice(struct feed_parser *p, const char *s, size_t n, int terminate,
    struct errbuf *eb)
{
	int	 rc;

	rc = xmlParseChunk(p->xml, s, (int)n, terminate);
	if (p->nomem) {
		errbuf_set(eb, "%s: out of memory", p->where);
		return -1;
	}
	if (p->stopped) {
		errbuf_set(eb, "%s: stopped", p->where);
		return -1;
	}
	if (p->toodeep) {
		errbuf_set(eb, "%s", p->deep.msg);
		return -1;
	}
	if (rc != 0 && (p->xml->disableSAX || p->xml->instate ==
	    XML_PARSER_EOF)) {
		if (p->have_error)
			errbuf_set(eb, "%s", p->error.msg);
		else
			errbuf_set(eb, "%s: not well-formed XML", p->where);
		return -1;
	}
	return 0;
}

/* Hands libxml2 the sequence held back from the last chunk, completed
 * from s, or U+FFFD if it is not valid; returns the bytes of s used. */
static size_t
finish_carry(struct feed_parser *p, const unsigned char *s, size_t n,
    int terminate, struct errbuf *eb, int *rc)
{
	size_t	 need, used = 0;
	uint32_t cp;

	need = p->carry[0] >= 0xf0 ? 4 : p->carry[0] >= 0xe0 ? 3 : 2;
	while (p->ncarry < need && used < n && (s[used] & 0xc0) == 0x80)
		p->carry[p->ncarry++] = s[used++];
	*rc = 0;
	if (p->ncarry < need && used == n && !terminate)
		return used;	/* still cut: wait for more */
	if (p->ncarry == need && utf8_decode((const char *)p->carry,
	    p->ncarry, &cp) == p->ncarry)
		*rc = xml_chunk(p, (const char *)p->carry, p->ncarry, 0, eb);
	else {
		warn(p, "invalid UTF-8 replaced");
		*rc = xml_chunk(p, "\xef\xbf\xbd", 3, 0, eb);
	}
	p->ncarry = 0;
	return used;
}

/*
 * Hands s to libxml2 through the filter: clean input goes straight
 * through; a chunk with a control character or bad UTF-8 is copied with
 * those dropped or replaced (U+FFFD); a sequence cut at the chunk's end
 * waits for the next one.
 */
static int
xml_push(struct feed_parser *p, const char *s, size_t n, int terminate,
    struct errbuf *eb)
{
	const unsigned char *u = (const unsigned char *)s, *e = u + n;
	size_t	 k, room;
	int	 utf8 = p->filter == FILTER_UTF8, rc;

	if (p->filter == FILTER_NONE) {
		if (n > 0 && xml_chunk(p, s, n, 0, eb) == -1)
			return -1;
		return terminate ? xml_chunk(p, NULL, 0, 1, eb) : 0;
	}
	if (p->ncarry > 0) {
		u += finish_carry(p, u, n, terminate, eb, &rc);
		if (rc == -1)
			return -1;
		if (p->ncarry > 0)
			return 0;
	}
	k = clean_prefix(u, (size_t)(e - u), utf8);
	if (k == (size_t)(e - u) || (!terminate &&
	    utf8_partial(u + k, (size_t)(e - u) - k) == (size_t)(e - u) - k)) {
		/* the common case: nothing to repair */
		if (k < (size_t)(e - u)) {
			p->ncarry = (size_t)(e - u) - k;
			memcpy(p->carry, u + k, p->ncarry);
		}
		if (k > 0 && xml_chunk(p, (const char *)u, k, 0, eb) == -1)
			return -1;
		return terminate ? xml_chunk(p, NULL, 0, 1, eb) : 0;
	}

	buf_reset(&p->fbuf);
	while (u < e) {
		k = clean_prefix(u, (size_t)(e - u), utf8);
		while (k > 0) {
			room = p->fbuf.max - p->fbuf.len;
			if (room == 0) {
				if (xml_chunk(p, p->fbuf.data, p->fbuf.len, 0,
				    eb) == -1)
					return -1;
				buf_reset(&p->fbuf);
				continue;
			}
			if (room > k)
				room = k;
			if (buf_append(&p->fbuf, (const char *)u, room) !=
			    BUF_OK)
				goto nomem;
			u += room;
			k -= room;
		}
		if (u == e)
			break;
		if (utf8 && !terminate && utf8_partial(u, (size_t)(e - u)) ==
		    (size_t)(e - u)) {
			p->ncarry = (size_t)(e - u);
			memcpy(p->carry, u, p->ncarry);
			break;
		}
		if (p->fbuf.len + 3 > p->fbuf.max) {
			if (xml_chunk(p, p->fbuf.data, p->fbuf.len, 0, eb) ==
			    -1)
				return -1;
			buf_reset(&p->fbuf);
		}
		if (*u < 0x20) {
			warn(p, "control character 0x%02x dropped", *u);
		} else {
			warn(p, "invalid UTF-8 replaced");
			if (buf_append(&p->fbuf, "\xef\xbf\xbd", 3) != BUF_OK)
				goto nomem;
		}
		u++;
	}
	if (p->fbuf.len > 0 && xml_chunk(p, p->fbuf.data, p->fbuf.len, 0,
	    eb) == -1)
		return -1;
	buf_reset(&p->fbuf);
	return terminate ? xml_chunk(p, NULL, 0, 1, eb) : 0;
nomem:
	errbuf_set(eb, "%s: out of memory", p->where);
	return -1;
}

static int
fail(struct feed_parser *p, struct errbuf *eb)
{
	(void)eb;
	p->state = ST_FAILED;
	return -1;
}

int
feed_push(struct feed_parser *p, const char *data, size_t n,
    struct errbuf *eb)
{
	size_t	 take;

	switch (p->state) {
	case ST_SNIFF:
		take = p->head.max - p->head.len;
		if (take > n)
			take = n;
		if (buf_append(&p->head, data, take) != BUF_OK) {
			errbuf_set(eb, "%s: out of memory", p->where);
			return fail(p, eb);
		}
		data += take;
		n -= take;
		if (p->head.len < p->head.max && !sniff_ready(&p->head))
			return 0;
		if (start(p, eb) == -1)
			return fail(p, eb);
		if (n == 0)
			return 0;
		return feed_push(p, data, n, eb);
	case ST_XML:
		if (xml_push(p, data, n, 0, eb) == -1)
			return fail(p, eb);
		return 0;
	case ST_JSON:
		switch (buf_append(&p->json, data, n)) {
		case BUF_OK:
			return 0;
		case BUF_TOOBIG:
			errbuf_set(eb, "%s: JSON feed larger than %lu bytes",
			    p->where, (unsigned long)FEED_JSON_MAX_BYTES);
			return fail(p, eb);
		default:
			errbuf_set(eb, "%s: out of memory", p->where);
			return fail(p, eb);
		}
	default:
		errbuf_set(eb, "%s: parser already stopped", p->where);
		return fail(p, eb);
	}
}

static int
json_emit(void *v, const struct feed_entry *e)
{
	struct feed_parser *p = v;

	p->nentries++;
	if (p->on_entry(p->arg, e) == -1) {
		p->stopped = 1;
		return -1;
	}
	return 0;
}

int
feed_finish(struct feed_parser *p, struct errbuf *eb)
{
	int	 rc;

	if (p->state == ST_SNIFF) {
		const char *s = p->head.data, *e = s + p->head.len;

		while (s < e && (ascii_isspace((unsigned char)*s) ||
		    *s == '\0'))
			s++;
		if (s == e) {
			errbuf_set(eb, "%s: empty document", p->where);
			return fail(p, eb);
		}
		if (start(p, eb) == -1)
			return fail(p, eb);
	}
	if (p->state == ST_JSON) {
		p->state = ST_DONE;
		p->info.format = FEED_JSON;
		rc = feed_json_parse(p->json.data, p->json.len, p->where,
		    p->nbases > 0 ? p->bases[0].url : NULL, json_emit, p,
		    &p->info_title, &p->info_link, &p->info_desc, eb);
		info_update(p);
		if (rc == -1 && p->stopped)
			errbuf_set(eb, "%s: stopped", p->where);
		return rc == -1 ? fail(p, eb) : 0;
	}
	if (p->state != ST_XML) {
		errbuf_set(eb, "%s: parser already stopped", p->where);
		return fail(p, eb);
	}
	rc = xml_push(p, "", 0, 1, eb);
	if (rc == -1 && (p->nomem || p->stopped || p->toodeep))
		return fail(p, eb);
	p->state = ST_DONE;
	if (!p->root_seen) {
		errbuf_set(eb, "%s: no feed: the document has no element",
		    p->where);
		return fail(p, eb);
	}
	if (p->nentries == 0 && p->root != N_RSS && p->root != N_RDF &&
	    p->root != N_FEED && p->root != N_CHANNEL) {
		errbuf_set(eb, "%s: not a feed: the document is <%s>",
		    p->where, p->rootname);
		return fail(p, eb);
	}
	if (p->depth > 0) {
		errbuf_set(eb, "%s:%d: feed cut off: %d element%s not closed "
		    "after %lu entr%s", p->where,
		    xmlSAX2GetLineNumber(p->xml), p->depth,
		    p->depth == 1 ? "" : "s", p->nentries,
		    p->nentries == 1 ? "y" : "ies");
		return fail(p, eb);
	}
	if (p->have_error) {
		errbuf_set(eb, "%s", p->error.msg);
		return fail(p, eb);
	}
	return rc == -1 ? fail(p, eb) : 0;
}

/* Points the feed_info at the feed-level fields once they are complete
 * (a buffer's data moves while it grows). */
static void
info_update(struct feed_parser *p)
{
	feed_clean(&p->info_title, 0);
	feed_clean(&p->info_link, 0);
	feed_clean(&p->info_desc, 1);
	p->info.title = p->info_title.len > 0 ? p->info_title.data : NULL;
	p->info.link = p->info_link.len > 0 ? p->info_link.data : NULL;
	p->info.description = p->info_desc.len > 0 ? p->info_desc.data :
	    NULL;
}

const struct feed_info *
feed_parser_info(const struct feed_parser *p)
{
	return &p->info;
}

const char *
feed_parser_warning(const struct feed_parser *p)
{
	return p->have_warning ? p->warning.msg : NULL;
}

void
feed_parser_free(struct feed_parser *p)
{
	int	 i;

	if (p == NULL)
		return;
	if (p->xml != NULL) {
		/* libxml2 may make a document to hold a DTD (its SAX
		 * compatibility mode); it is ours to free */
		if (p->xml->myDoc != NULL)
			xmlFreeDoc(p->xml->myDoc);
		xmlFreeParserCtxt(p->xml);
	}
	while (p->nbases > 0) {
		p->nbases--;
		free(p->bases[p->nbases].url);
	}
	buf_release(&p->head);
	buf_release(&p->json);
	buf_release(&p->litbuf);
	buf_release(&p->fbuf);
	buf_release(&p->info_title);
	buf_release(&p->info_link);
	buf_release(&p->info_desc);
	buf_release(&p->tmp);
	for (i = 0; i < F_COUNT; i++)
		buf_release(&p->f[i]);
	free(p->where);
	free(p->charset);
	free(p);
}
