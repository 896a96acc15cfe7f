/*
 * extract_html_prune: the pass over the page's bytes before libxml2
 * reads them (extract_html_prune()), the side table of attributes it
 * moves aside and puts back (extract_html_prune_restore()), and the
 * check that the tree is the same (extract_html_prune_same()).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

#include "extract_html_int.h"

/*
 * Half of the bytes of a news page are the bodies of <script> and <style>
 * elements, which byline never reads, and a quarter of the rest are
 * attributes it never reads (data-*, srcset, on*, ...); libxml2 spends as
 * long on them as on the story.  extract_html_prune() copies a page
 * without them: the start and end tags stay (the tree keeps its shape),
 * the bodies of <script> (but JSON-LD's, metadata), <style> and <svg>
 * go, and start tags keep only the attributes the extractor reads.
 * Comments, and tags that libxml2 would read in some other way than the
 * simple one, are copied as they are.  Only for encodings in which '<' is
 * always the byte 0x3c (UTF-8 and the ASCII-based legacy charsets; not
 * UTF-16/32, UTF-7, ISO-2022-* or HZ, whose text can hold that byte).
 */

/* Does s[0..n) start with the tag name (lower case) ending there? */
static int
is_tag(const char *s, size_t n, const char *name)
{
	size_t	 l = strlen(name);

	if (n <= l || ascii_ncasecmp(s, name, l) != 0)
		return 0;
	return ascii_isspace((unsigned char)s[l]) || s[l] == '>' ||
	    s[l] == '/';
}

/* The end of a tag whose name starts at s[i]: the index past its '>',
 * quoted values skipped; n when it does not end. */
static size_t
tag_end(const char *s, size_t i, size_t n)
{
	const char *q;
	char	 c;

	for (; i < n; i++) {
		c = s[i];
		if (c == '>')
			return i + 1;
		if ((c == '"' || c == '\'') && i > 0 && s[i - 1] == '=') {
			if ((q = memchr(s + i + 1, c, n - i - 1)) == NULL)
				return n;
			i = (size_t)(q - s);
		}
	}
	return n;
}

/* Where "</name" starts at or after i, case aside; n when nowhere. */
static size_t
find_close(const char *s, size_t i, size_t n, const char *name)
{
	const char *p;

	while (i < n && (p = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(p - s);
		if (i + 1 < n && s[i + 1] == '/' &&
		    is_tag(s + i + 2, n - i - 2, name))
			return i;
		i++;
	}
	return n;
}

/* Where libxml2 2.9 ends the text of a <script> or <style> read from
 * s[i]: at the first "</" followed by the name, any case (recovery
 * mode); n when there is none. */
static size_t
raw_end(const char *s, size_t i, size_t n, const char *name)
{
	const char *p;
	size_t	 l = strlen(name);

	while (i < n && (p = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(p - s);
		if (n - i >= l + 2 && s[i + 1] == '/' &&
		    ascii_ncasecmp(s + i + 2, name, l) == 0)
			return i;
		i++;
	}
	return n;
}

/* Attributes the extractor reads (lower case), with their lengths; the
 * others are left out of the copy given to libxml2. */
#define RA(name)	{ name, sizeof name - 1 }
static const struct {
	const char *name;
	size_t	 len;
} read_attrs[] = {
	RA("alt"), RA("aria-hidden"), RA("charset"), RA("class"),
	RA("content"), RA("datatable"), RA("datetime"), RA("hidden"),
	RA("href"), RA("http-equiv"), RA("id"), RA("itemprop"), RA("lang"),
	RA("name"), RA("property"), RA("rel"), RA("role"), RA("style"),
	RA("summary"), RA("type")
};
#undef RA

/* The index + 1 in read_attrs[] of the name s[0..len) (any case), or 0. */
static int
read_attr(const char *name, size_t len)
{
	size_t	 i, j;

	_Static_assert(sizeof read_attrs / sizeof read_attrs[0] <= 32,
	    "copy_start_tag() keeps a bit for each name");
	for (j = 0; j < sizeof read_attrs / sizeof read_attrs[0]; j++) {
		if (read_attrs[j].len != len)
			continue;
		for (i = 0; i < len && ascii_tolower((unsigned char)name[i]) ==
		    read_attrs[j].name[i]; i++)
			;
		if (i == len)
			return (int)j + 1;
	}
	return 0;
}

#define IS_BLANK(c)	((c) == ' ' || (c) == '\t' || (c) == '\n' || (c) == '\r')
/* libxml2 2.9 cuts names at 100 bytes and reads the rest otherwise:
 * such tags are copied as they are. */
#define HTML_NAME_MAX	100

static int
name_start(int c)
{
	return ascii_isalpha(c) || c == '_' || c == ':' || c == '.';
}

static int
name_char(int c)
{
	return name_start(c) || ascii_isdigit(c) || c == '-';
}

/* A kept attribute of the start tag being read. */
struct kept {
	int	 name;		/* index in read_attrs[] */
	size_t	 v, vl;		/* the value, s[v..v+vl) */
	int	 has_val;
};

/* The references a value may hold and still be copied, with what
 * libxml2 makes of them; "&amp;" is most of them (URLs). */
static const struct {
	const char *ref;
	size_t	 len;
	char	 c;
} plain_refs[] = {
	{ "&amp;", 5, '&' }, { "&quot;", 6, '"' }, { "&lt;", 4, '<' },
	{ "&gt;", 4, '>' }
};

/* The length of the reference at s[0..n) ('&') that plain_refs[] has,
 * its character in *c; 0 when it has none. */
static size_t
plain_ref(const char *s, size_t n, char *c)
{
	size_t	 i;

	for (i = 0; i < sizeof plain_refs / sizeof plain_refs[0]; i++)
		if (n >= plain_refs[i].len &&
		    memcmp(s, plain_refs[i].ref, plain_refs[i].len) == 0) {
			*c = plain_refs[i].c;
			return plain_refs[i].len;
		}
	return 0;
}

/* Copies the value s[0..n) to d as libxml2 reads it (plain_value()
 * said yes); the bytes written. */
static size_t
value_copy(char *d, const char *s, size_t n)
{
	const char *p;
	size_t	 o = 0, l;

	while (n > 0 && (p = memchr(s, '&', n)) != NULL) {
		memcpy(d + o, s, (size_t)(p - s));
		o += (size_t)(p - s);
		n -= (size_t)(p - s);
		l = plain_ref(p, n, &d[o++]);
		s = p + l;
		n -= l;
	}
	memcpy(d + o, s, n);
	return o + n;
}

/*
 * May libxml2's reading of this value be replaced by a copy (and
 * value_copy())?  Not when it has a reference other than plain_refs[],
 * a control character or one of the non-characters U+FFFE and U+FFFF,
 * which libxml2 reports on.  The page is valid UTF-8 (the caller's
 * promise).
 */
static int
plain_value(const char *s, size_t n)
{
	char	 c0;
	size_t	 i;
	unsigned char c;

	for (i = 0; i < n; i++) {
		/* Eight bytes at a time while none is below 0x20, '&',
		 * 0x7f or 0xef (the bit tricks of "haszero"). */
		while (n - i >= 8) {
			uint64_t w, ones = UINT64_C(0x0101010101010101),
			    high = UINT64_C(0x8080808080808080), x;

			memcpy(&w, s + i, 8);
			x = ((w - ones * 0x20) & ~w) |
			    (((w ^ ones * '&') - ones) & ~(w ^ ones * '&')) |
			    (((w ^ ones * 0x7f) - ones) & ~(w ^ ones * 0x7f)) |
			    (((w ^ ones * 0xef) - ones) & ~(w ^ ones * 0xef));
			if (x & high)
				break;
			i += 8;
		}
		if (i >= n)
			break;
		c = (unsigned char)s[i];
		if (c == '&') {
			if (plain_ref(s + i, n - i, &c0) == 0)
				return 0;
			continue;
		}
		if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			return 0;
		if (c == 0xef && i + 2 < n && (unsigned char)s[i + 1] == 0xbf &&
		    ((unsigned char)s[i + 2] & 0xfe) == 0xbe)
			return 0;
	}
	return 1;
}

static int
grow(void **p, size_t *cap, size_t need, size_t size)
{
	size_t	 c = *cap;
	void	*q;

	if (need <= c)
		return 0;
	c = c == 0 ? 256 : c;
	while (c < need)
		c *= 2;
	if (c > SIZE_MAX / size || (q = realloc(*p, c * size)) == NULL)
		return -1;
	*p = q;
	*cap = c;
	return 0;
}

/*
 * Moves the kept attributes k[0..nk) of the tag named s[nm..nm+nl) to
 * pa; returns the tag's index, or -1 when it keeps them (a tag libxml2
 * treats apart, a value it must decode, no memory).
 */
static long
prune_table(struct prune_attrs *pa, const char *s, size_t nm, size_t nl,
    const struct kept *k, size_t nk)
{
	struct prune_tag *t;
	struct prune_attr *a;
	size_t	 i, pool = 0;

	/* libxml2 names "g:plusone" plusone: prefixed tags keep theirs. */
	if (nl >= sizeof t->name || memchr(s + nm, ':', nl) != NULL ||
	    pa->nt >= (size_t)LONG_MAX)
		return -1;
	for (i = 0; i < nk; i++) {
		if (k[i].has_val && !plain_value(s + k[i].v, k[i].vl))
			return -1;
		pool += k[i].vl + 1;
	}
	if (pa->pool_len + pool >= PRUNE_NOVAL ||
	    grow((void **)&pa->pool, &pa->pool_cap, pa->pool_len + pool, 1) ==
	    -1 || grow((void **)&pa->a, &pa->acap, pa->na + nk, sizeof *a) ==
	    -1 || grow((void **)&pa->t, &pa->tcap, pa->nt + 1, sizeof *t) ==
	    -1)
		return -1;
	t = &pa->t[pa->nt];
	for (i = 0; i < nl; i++)
		t->name[i] = (char)ascii_tolower((unsigned char)s[nm + i]);
	t->name[nl] = '\0';
	/* libxml2 merges a second <html>'s attributes into the first: it
	 * keeps its own.  (<meta> may go: libxml2 reads its charset only
	 * when it was given none, and extract_html() always gives one.) */
	if (strcmp(t->name, "html") == 0)
		return -1;
	t->first = (uint32_t)pa->na;
	t->n = (uint8_t)nk;
	for (i = 0; i < nk; i++) {
		a = &pa->a[pa->na++];
		a->name = (uint32_t)k[i].name;
		if (!k[i].has_val) {
			a->val = PRUNE_NOVAL;
			continue;
		}
		a->val = (uint32_t)pa->pool_len;
		pa->pool_len += value_copy(pa->pool + pa->pool_len,
		    s + k[i].v, k[i].vl);
		pa->pool[pa->pool_len++] = '\0';
	}
	return (long)pa->nt++;
}

/* " bl=K" into m, and a blank when "/>" follows (an unquoted value
 * runs to a blank or '>' and would take the '/' in); its length. */
static size_t
mark_format(char *m, size_t k, int self)
{
	char	 d[24];
	size_t	 nd = 0, l = 0;

	do {
		d[nd++] = (char)('0' + k % 10);
		k /= 10;
	} while (k > 0);
	m[l++] = ' ';
	memcpy(m + l, PRUNE_MARK "=", sizeof PRUNE_MARK);
	l += sizeof PRUNE_MARK;
	while (nd > 0)
		m[l++] = d[--nd];
	if (self)
		m[l++] = ' ';
	return l;
}

/*
 * Copies the start tag at s[st] ('<' and a letter) to out without the
 * attributes that nothing reads, reading it as libxml2 2.9's HTML
 * parser does (names of letters, digits and ":-_.", values quoted or up
 * to a blank or '>').  With pa, the kept attributes go to pa instead
 * when the tag's mark is no longer than they are.  Returns the index
 * past its '>', or 0 when the tag is not that simple (then it is copied
 * as it is).
 */
static size_t
copy_start_tag(const char *s, size_t st, size_t n, char *out, size_t *op,
    struct prune_attrs *pa)
{
	size_t	 i = st + 1, o = *op, a, an, ae, b, nk = 0, o_name, o_end;
	size_t	 pool0;
	const char *q;
	int	 dropped = 0, r, self = 0;
	uint32_t seen = 0;
	long	 ti;
	struct kept k[sizeof read_attrs / sizeof read_attrs[0]];
	char	 mark[32];

	while (i < n && name_char((unsigned char)s[i]))
		i++;
	if (i - st - 1 >= HTML_NAME_MAX)
		return 0;
	memcpy(out + o, s + st, i - st);
	o += i - st;
	o_name = o;
	for (;;) {
		for (b = i; i < n && IS_BLANK(s[i]); i++)
			;
		if (i >= n)
			return 0;
		if (s[i] == '>')
			break;
		if (s[i] == '/' && i + 1 < n && s[i + 1] == '>') {
			/* 2: after blanks, which must stay (an unquoted
			 * value would take the '/' in). */
			self = i > b ? 2 : 1;
			i++;
			break;
		}
		if (!name_start((unsigned char)s[i]))
			return 0;
		for (a = i; i < n && name_char((unsigned char)s[i]); i++)
			;
		an = i - a;
		if (an >= HTML_NAME_MAX)
			return 0;
		ae = i;
		r = read_attr(s + a, an);
		if (r > 0 && !(seen & (UINT32_C(1) << (r - 1)))) {
			/* libxml2 keeps the first of a name. */
			seen |= UINT32_C(1) << (r - 1);
			k[nk].name = r - 1;
			k[nk].has_val = 0;
			k[nk].v = k[nk].vl = 0;
			nk++;
		} else if (r > 0)
			r = -1;		/* a repeat: copied, not tabled */
		while (i < n && IS_BLANK(s[i]))
			i++;
		if (i < n && s[i] == '=') {
			i++;
			while (i < n && IS_BLANK(s[i]))
				i++;
			if (i >= n)
				return 0;
			if (s[i] == '"' || s[i] == '\'') {
				if ((q = memchr(s + i + 1, s[i], n - i - 1)) ==
				    NULL)
					return 0;
				if (r > 0) {
					k[nk - 1].v = i + 1;
					k[nk - 1].vl = (size_t)(q - s) - i - 1;
				}
				i = (size_t)(q - s) + 1;
			} else {
				ae = i;
				while (i < n && !IS_BLANK(s[i]) && s[i] != '>')
					i++;
				if (i == ae)
					return 0;
				if (r > 0) {
					k[nk - 1].v = ae;
					k[nk - 1].vl = i - ae;
				}
			}
			if (r > 0)
				k[nk - 1].has_val = 1;
			ae = i;
		}
		/* A space stands for the blanks before the attribute or
		 * for the one left out before it, so that the copy is
		 * never longer than the page. */
		if (r != 0) {
			if (a > b || dropped)
				out[o++] = ' ';
			memcpy(out + o, s + a, ae - a);
			o += ae - a;
			dropped = 0;
		} else
			dropped = 1;
	}
	o_end = o;
	pool0 = pa != NULL ? pa->pool_len : 0;
	if (pa != NULL && nk > 0 && (ti = prune_table(pa, s, st + 1,
	    o_name - *op - 1, k, nk)) >= 0) {
		/* The table holds them and the tag keeps the mark, unless
		 * the mark is the longer: the copy must stay within the
		 * page, so the table gives them back. */
		size_t	 ml = mark_format(mark, (size_t)ti, self);

		if (ml <= o_end - o_name) {
			memcpy(out + o_name, mark, ml);
			o = o_name + ml;
		} else {
			pa->nt--;
			pa->na -= nk;
			pa->pool_len = pool0;
		}
	}
	if (self == 2 && out[o - 1] != ' ')
		out[o++] = ' ';
	if (self)
		out[o++] = '/';
	out[o++] = '>';
	*op = o;
	return i + 1;
}

int
extract_html_prune_ok(const char *enc)
{
	return !ascii_casestr(enc, strlen(enc), "utf-16") &&
	    !ascii_casestr(enc, strlen(enc), "utf-32") &&
	    !ascii_casestr(enc, strlen(enc), "ucs") &&
	    !ascii_casestr(enc, strlen(enc), "utf-7") &&
	    !ascii_casestr(enc, strlen(enc), "2022") &&
	    !ascii_casestr(enc, strlen(enc), "hz");
}

/* What the pass must know of a tag: its body is dropped (script, style,
 * svg), or kept as it is (pre and its kin), or neither. */
enum tag_kind { K_OTHER, K_SCRIPT, K_STYLE, K_SVG, K_PRE };

/* The kind of the tag whose name starts at s.  One look at the name
 * instead of a comparison with each. */
static enum tag_kind
tag_kind(const char *s, size_t n)
{
	char	 lc[10];
	size_t	 l;

	/* The name as libxml2 reads it: up to the first character that
	 * cannot be in a name, whatever that is ("<style=x>" is a style
	 * element). */
	for (l = 0; l < n && l < sizeof lc && name_char((unsigned char)s[l]);
	    l++)
		lc[l] = (char)ascii_tolower((unsigned char)s[l]);
	if (l == n || l == sizeof lc)
		return K_OTHER;
#define IS(name) (l == sizeof name - 1 && memcmp(lc, name, l) == 0)
	if (IS("script"))
		return K_SCRIPT;
	if (IS("style"))
		return K_STYLE;
	if (IS("svg"))
		return K_SVG;
	if (IS("pre") || IS("textarea") || IS("listing") || IS("xmp") ||
	    IS("plaintext"))
		return K_PRE;
#undef IS
	return K_OTHER;
}

/* Copies text, each run of blanks made one: a newline when the run
 * holds one (a line break stays a line break), else its first blank.
 * HTML shows a run as one space; a quarter of a page's bytes are such
 * runs (indentation).  Returns the bytes written. */
static size_t
copy_text(const char *s, size_t n, char *out)
{
	size_t	 i, o = 0, j;
	char	 c;

	for (i = 0; i < n; i++) {
		c = s[i];
		if (!IS_BLANK(c)) {
			out[o++] = c;
			continue;
		}
		for (j = i + 1; j < n && IS_BLANK(s[j]); j++)
			if (s[j] == '\n')
				c = '\n';
		out[o++] = c;
		i = j - 1;
	}
	return o;
}

char *
extract_html_prune(const char *s, size_t *np, struct prune_attrs *pa)
{
	size_t	 n = *np, i = 0, o = 0, st, e, c, pre = 0;
	const char *p, *name;
	char	*out;
	enum tag_kind k;

	/* libxml2's allocator: the copy is its input, and comes from the
	 * arena in one-shot runs. */
	if (pa != NULL) {
		memset(pa, 0, sizeof *pa);
		/* libxml2 stops some reads at a NUL byte: no table. */
		if (memchr(s, '\0', n) != NULL)
			pa = NULL;
	}
	if ((out = xmlMalloc(n + 1)) == NULL)
		return NULL;
	while (i < n && (p = memchr(s + i, '<', n - i)) != NULL) {
		st = (size_t)(p - s);
		if (pre > 0) {
			memcpy(out + o, s + i, st - i);
			o += st - i;
		} else
			o += copy_text(s + i, st - i, out + o);
		i = st;
		if (n - st >= 4 && memcmp(s + st, "<!--", 4) == 0) {
			/* A comment, as it is.  Where "-->" does not end
			 * it as simply ("<!-->", "--!>"), libxml2 may see
			 * it end elsewhere: no more values to the table. */
			if ((p = memmem(s + st + 4, n - st - 4, "-->", 3)) ==
			    NULL)
				e = n;
			else
				e = (size_t)(p - s) + 3;
			if (e == n || (n - st > 4 && s[st + 4] == '>') ||
			    (n - st > 5 && memcmp(s + st + 4, "->", 2) == 0) ||
			    memmem(s + st + 4, e - st - 4, "--!>", 4) != NULL)
				pa = NULL;
		} else if (st + 1 < n &&
		    ascii_isalpha((unsigned char)s[st + 1])) {
			k = tag_kind(s + st + 1, n - st - 1);
			name = k == K_SCRIPT ? "script" : k == K_STYLE ?
			    "style" : k == K_SVG ? "svg" : NULL;
			if (k == K_PRE)
				pre++;
			if (name == NULL &&
			    (e = copy_start_tag(s, st, n, out, &o, pa)) != 0) {
				i = e;
				continue;
			}
			/* A tag the pass cannot read simply may end
			 * elsewhere for libxml2 (its errors skip to a
			 * blank): from here on, what looks like a tag
			 * may be an attribute's text, so no more values
			 * go to the table. */
			if (name == NULL)
				pa = NULL;
			e = tag_end(s, st + 1, n);
			if (name != NULL && e < n && s[e - 2] != '/') {
				/* Keep the tags; drop the body, but JSON-LD's,
				 * which is copied as it is (its text may hold
				 * what looks like tags).  The start tag loses
				 * its unread attributes (src, async, xmlns) when
				 * it is simple. */
				size_t	 o0 = o;

				if (copy_start_tag(s, st, n, out, &o, pa) != e) {
					o = o0;
					memcpy(out + o, s + st, e - st);
					o += e - st;
					pa = NULL;
				}
				c = k == K_SVG ? find_close(s, e, n, name) :
				    raw_end(s, e, n, name);
				if (k == K_SCRIPT &&
				    ascii_casestr(s + st, e - st, "ld+json")) {
					memcpy(out + o, s + e, c - e);
					o += c - e;
				}
				i = c;
				continue;
			}
		} else if (st + 1 < n && (s[st + 1] == '?' || s[st + 1] == '!')) {
			/* A processing instruction, a doctype or a bogus
			 * comment: libxml2 reads it to the next '>', tags
			 * and all; so is it copied. */
			p = memchr(s + st, '>', n - st);
			e = p == NULL ? n : (size_t)(p - s) + 1;
		} else {
			if (st + 2 < n && s[st + 1] == '/' && pre > 0 &&
			    tag_kind(s + st + 2, n - st - 2) == K_PRE)
				pre--;
			e = st + 1;
		}
		memcpy(out + o, s + st, e - st);
		o += e - st;
		i = e;
	}
	if (i < n) {
		if (pre > 0) {
			memcpy(out + o, s + i, n - i);
			o += n - i;
		} else
			o += copy_text(s + i, n - i, out + o);
	}
	out[o] = '\0';
	*np = o;
	return out;
}

void
extract_html_prune_attrs_free(struct prune_attrs *pa)
{
	free(pa->pool);
	free(pa->a);
	free(pa->t);
	memset(pa, 0, sizeof *pa);
}

/* The tag index a mark holds; SIZE_MAX when it holds none. */
static size_t
mark_index(xmlAttrPtr m)
{
	const char *v;
	size_t	 k = 0;

	if (m->children == NULL || (v = (const char *)m->children->content) ==
	    NULL || *v == '\0')
		return SIZE_MAX;
	for (; *v != '\0'; v++) {
		if (!ascii_isdigit((unsigned char)*v) || k > SIZE_MAX / 10 - 1)
			return SIZE_MAX;
		k = k * 10 + (size_t)(*v - '0');
	}
	return k;
}

/* Parents must be right (fix_parents()). */
int
extract_html_prune_restore_tree(xmlNodePtr root, const struct prune_attrs *pa)
{
	xmlNodePtr n;
	xmlAttrPtr m;
	const struct prune_tag *t;
	const struct prune_attr *a;
	size_t	 k, j;

	for (n = root; n != NULL; n = next_in(n, root, 0)) {
		if (n->type == XML_ELEMENT_NODE && (m = n->properties) != NULL &&
		    strcmp((const char *)m->name, PRUNE_MARK) == 0) {
			k = mark_index(m);
			/* A mark the page wrote itself (in a tag copied as
			 * it is) that points nowhere, or at a tag of another
			 * name, stays an attribute nothing reads. */
			if (k < pa->nt && strcmp((const char *)n->name,
			    (t = &pa->t[k])->name) == 0) {
				xmlRemoveProp(m);
				for (j = 0; j < t->n; j++) {
					a = &pa->a[t->first + j];
					if (xmlNewProp(n, (const xmlChar *)
					    read_attrs[a->name].name,
					    a->val == PRUNE_NOVAL ? NULL :
					    (const xmlChar *)(pa->pool + a->val))
					    == NULL)
						return -1;
				}
			}
		}
	}
	return 0;
}

int
extract_html_prune_restore(htmlDocPtr doc, const struct prune_attrs *pa)
{
	xmlNodePtr root = xmlDocGetRootElement(doc);

	if (root == NULL)
		return 0;
	extract_html_fix_parents(root, 0);
	return extract_html_prune_restore_tree(root, pa);
}

static int
same_str(const xmlChar *a, const xmlChar *b)
{
	return a == b || (a != NULL && b != NULL && xmlStrEqual(a, b));
}

static int
same_node(xmlNodePtr a, xmlNodePtr b)
{
	xmlAttrPtr x, y;

	if (a->type != b->type || !same_str(a->name, b->name) ||
	    !same_str(a->content, b->content))
		return 0;
	if (a->type != XML_ELEMENT_NODE)
		return 1;
	for (x = a->properties, y = b->properties; x != NULL && y != NULL;
	    x = x->next, y = y->next) {
		if (!same_str(x->name, y->name) ||
		    (x->children == NULL) != (y->children == NULL) ||
		    (x->children != NULL && (x->children->next != NULL ||
		    y->children->next != NULL ||
		    !same_str(x->children->content, y->children->content))))
			return 0;
	}
	return x == NULL && y == NULL;
}

int
extract_html_same_tree(xmlNodePtr a, xmlNodePtr b)
{
	xmlNodePtr *st = NULL, *t;
	size_t	 n = 0, cap = 0;
	int	 same = 1;

	/* Pairs of siblings to compare, on a stack: trees can be deep. */
	for (;;) {
		for (; a != NULL && b != NULL; a = a->next, b = b->next) {
			if (!same_node(a, b)) {
				same = 0;
				goto out;
			}
			if (a->type != XML_ELEMENT_NODE)
				continue;
			if (n + 2 > cap) {
				cap = cap == 0 ? 64 : cap * 2;
				if ((t = realloc(st, cap * sizeof *st)) ==
				    NULL) {
					same = -1;
					goto out;
				}
				st = t;
			}
			st[n++] = a->children;
			st[n++] = b->children;
		}
		if (a != NULL || b != NULL) {
			same = 0;
			break;
		}
		if (n == 0)
			break;
		b = st[--n];
		a = st[--n];
	}
out:
	free(st);
	return same;
}

int
extract_html_prune_same(const char *page, size_t n, size_t *ntags)
{
	const int flags = HTML_PARSE_RECOVER | HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_COMPACT;
	struct prune_attrs pa;
	size_t	 n1 = n, n2 = n;
	char	*p1 = NULL, *p2 = NULL;
	htmlDocPtr d1 = NULL, d2 = NULL;
	int	 r = -1;

	memset(&pa, 0, sizeof pa);
	if (n > INT_MAX || (p1 = extract_html_prune(page, &n1, NULL)) == NULL ||
	    (p2 = extract_html_prune(page, &n2, &pa)) == NULL)
		goto out;
	if (ntags != NULL)
		*ntags = pa.nt;
	d1 = htmlReadMemory(p1, (int)n1, NULL, "UTF-8", flags);
	d2 = htmlReadMemory(p2, (int)n2, NULL, "UTF-8", flags);
	if (n2 > n || (d1 == NULL) != (d2 == NULL))
		r = 0;
	else if (d1 == NULL)
		r = 1;
	else if (extract_html_prune_restore(d2, &pa) == 0)
		r = extract_html_same_tree(d1->children, d2->children);
out:
	xmlFreeDoc(d1);
	xmlFreeDoc(d2);
	xmlFree(p1);
	xmlFree(p2);
	extract_html_prune_attrs_free(&pa);
	return r;
}
