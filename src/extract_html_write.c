/*
 * extract_html_write: the kept elements of the story written as
 * blocks (headings, paragraphs, list items, quotes, preformatted text,
 * table rows, image alts) with their links; datelines, slideshow
 * counters and labelled teasers ("Related: <a>...</a>") do not become
 * blocks (a teaser becomes a related entry).
 */
#include <stdlib.h>
#include <string.h>

#include "extract_html_tree.h"

struct emit {
	struct out	*o;
	int		 heading;	/* level of the open heading, or 0 */
	int		 pre, row, li, quote;
	unsigned	 ordered;	/* bit per list depth: an <ol> */
	int		 depth;		/* list depth */
	long		 open_link;	/* index in o->links, or -1 */
};


static void
out_trim_utf8(struct buf *b)
{
	size_t	 l = b->len;

	/* Back to the start of a possibly cut sequence. */
	while (l > 0 && ((unsigned char)b->data[l - 1] & 0xc0) == 0x80)
		l--;
	if (l > 0 && (unsigned char)b->data[l - 1] >= 0xc0)
		l--;
	else
		l = b->len;
	buf_setlen(b, l);
}

static void
out_putc(struct out *o, char c)
{
	if (o->full)
		return;
	if (buf_putc(&o->b, c) != BUF_OK) {
		o->full = 1;
		out_trim_utf8(&o->b);
	}
}

/* Appends sanitised text, folding white space as article_set() does so
 * that link offsets stay right. */
static void
out_text(struct out *o, const char *s, size_t n, int pre)
{
	size_t	 i;

	for (i = 0; i < n && !o->full; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
			i++;
			c = ' ';
		} else if (c == 0xc2 && i + 1 < n &&
		    (unsigned char)s[i + 1] == 0xad) {
			i++;	/* soft hyphen: goes, as in article_set() */
			continue;
		}
		if (pre && c == '\n') {
			while (o->b.len > 0 && o->b.data[o->b.len - 1] == ' ')
				buf_setlen(&o->b, o->b.len - 1);
			out_putc(o, '\n');
			o->space = 0;
			continue;
		}
		if (c == ' ') {
			o->space = 1;
			continue;
		}
		if (o->space && o->b.len > 0 && o->b.data[o->b.len - 1] != '\n')
			out_putc(o, ' ');
		o->space = 0;
		out_putc(o, (char)c);
	}
}

void
hx_out_clear_links(struct out *o)
{
	size_t	 i;

	for (i = 0; i < o->nlinks; i++)
		free(o->links[i].url);
	o->nlinks = 0;
}

/* Finds text t (n bytes) in s from *pos on; the fallback when the model
 * changed the block's bytes. */
static int
find_from(const char *s, size_t slen, const char *t, size_t n, size_t *pos)
{
	size_t	 i;

	if (n == 0 || n > slen)
		return -1;
	for (i = *pos; i + n <= slen; i++)
		if (memcmp(s + i, t, n) == 0) {
			*pos = i;
			return 0;
		}
	return -1;
}

/* The words of a dateline (lower case) besides those of dates
 * (date_word()): what the date is, and the rest. */
static const char *const dateline_says[] = {
	"published", "updated", "posted",
	/* German, Spanish, French, Italian, Polish, Dutch. */
	"aktualisiert", "publiziert", "ver\xc3\xb6" "ffentlicht", "stand",
	"actualizado", "publicado", "publi\xc3\xa9", "aggiornato",
	"pubblicato", "opublikowano", "aktualizacja", "gepubliceerd",
	"bijgewerkt", NULL
};
static const char *const dateline_other[] = {
	"modified", "last", "first", "am", "pm", "a.m", "p.m", "et", "ct",
	"pt", "at", "on",
	/* "11.04.2020, 10:27 Uhr", "el 5 de febrero", "le 5 mai". */
	"uhr", "um", "de", "del", "el", "le", "il", "op",
	/* "sexta-feira, 22 de outubro de 2010 às 20:13". */
	"\xc3\xa0s", "segunda-feira", "ter\xc3\xa7""a-feira", "quarta-feira",
	"quinta-feira", "sexta-feira", "s\xc3\xa1""bado", "domingo", NULL
};
/* Month names of other languages that date_word() does not know
 * (lower case, UTF-8). */
static const char *const dateline_months[] = {
	"januar", "jan\xc3\xa4ner", "februar", "m\xc3\xa4rz", "mai", "juni",
	"juli", "oktober", "dezember", "enero", "febrero", "marzo", "abril",
	"mayo", "junio", "julio", "agosto", "septiembre", "octubre",
	"noviembre", "diciembre", "janvier", "f\xc3\xa9vrier", "mars",
	"avril", "juin", "juillet", "ao\xc3\xbbt", "septembre", "octobre",
	"novembre", "d\xc3\xa9" "cembre", "gennaio", "febbraio", "aprile",
	"maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
	/* Portuguese (abril and agosto are above). */
	"janeiro", "fevereiro", "mar\xc3\xa7o", "maio", "junho", "julho",
	"setembro", "outubro", "novembro", "dezembro", NULL
};

/* A time zone's abbreviation: two to five capitals ("HST", "AEDT"). */
static int
is_zone(const char *s, size_t l)
{
	size_t	 i;

	if (l < 2 || l > 5)
		return 0;
	for (i = 0; i < l; i++)
		if (s[i] < 'A' || s[i] > 'Z')
			return 0;
	return 1;
}

static int
in_list(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, w) == 0)
			return 1;
	return 0;
}

static int	 numeric_date(const char *, size_t);

/*
 * Is the text t[0..n) a dateline ("Published Monday, November 18, 2019
 * 8:22AM EST", "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM",
 * "Nov. 19, 2019, 8:41 AM UTC", "Updated at 1:23 p.m.")?  Short; a date
 * (a month and a number, or digits with '/' or '-'), or a word saying
 * published, updated or posted and a time; nothing else but times,
 * weekdays, zones, "at", "on", punctuation and a leading "By" and name
 * ("By A. Writer, B. Other on Monday, November 18th, 2019 at 11:08").
 */
static int
is_dateline(const char *t, size_t n)
{
	char	 w[16];
	size_t	 i, j, l, k;
	int	 said = 0, month = 0, num = 0, numdate = 0, sep, time = 0;
	int	 start = 1, by = 0;
	enum date_word dw;

	if (n == 0 || n >= 160)
		return 0;
	for (i = 0; i < n; i = j) {
		while (i < n && (ascii_isspace((unsigned char)t[i]) ||
		    strchr(",;|()", t[i]) != NULL)) {
			/* '|' starts a part: "By A. Writer | May 2". */
			if (t[i] == '|')
				start = 1, by = 0;
			i++;
		}
		for (j = i; j < n && !ascii_isspace((unsigned char)t[j]) &&
		    strchr(",;|()", t[j]) == NULL; j++)
			;
		l = j - i;
		while (l > 0 && (t[i + l - 1] == '.' || t[i + l - 1] == ':'))
			l--;
		/* Dashes and bullets: no letter or digit.  They end a part
		 * too ("By A. Writer - 11/18/19"). */
		for (k = 0; k < l && !ascii_isalpha((unsigned char)t[i + k]) &&
		    !ascii_isdigit((unsigned char)t[i + k]); k++)
			;
		if (k == l) {
			if (by > 0)
				start = 1, by = 0;
			continue;
		}
		/* A part "By" and a name (a few words) is the byline. */
		if (start && l == 2 && ascii_ncasecmp(t + i, "by", 2) == 0) {
			start = 0;
			by = 1;
			continue;
		}
		start = 0;
		/* "By A. Writer on Monday, ...": the name ends there. */
		if (by > 0 && l == 2 && strncmp(t + i, "on", 2) == 0)
			by = 0;
		if (by > 0 && by++ <= 5)
			continue;
		if (by > 0)
			return 0;
		/* A number, a time or a numeric date, "AM", "th" after. */
		for (k = 0, sep = 0; k < l && (ascii_isdigit((unsigned char)
		    t[i + k]) || strchr(":/-.", t[i + k]) != NULL); k++)
			sep |= t[i + k] == '/' || t[i + k] == '-' ||
			    t[i + k] == '.';
		if (k > 0 && ascii_isdigit((unsigned char)t[i]) && (k == l ||
		    (l - k == 2 && strchr("apsnrt", ascii_tolower(
		    (unsigned char)t[i + k])) != NULL))) {
			num = 1;
			if (sep && !numeric_date(t + i, k))
				return 0;
			numdate += sep;
			time |= memchr(t + i, ':', k) != NULL;
			continue;
		}
		if (l >= sizeof w)
			return 0;
		for (k = 0; k < l; k++)
			w[k] = (char)ascii_tolower((unsigned char)t[i + k]);
		w[l] = '\0';
		if (in_list(w, dateline_says))
			said = 1;
		else if ((dw = date_word(w)) == DATE_WORD_MONTH ||
		    in_list(w, dateline_months))
			month++;
		else if (dw == DATE_WORD_NONE && !in_list(w, dateline_other) &&
		    !is_zone(t + i, l))
			return 0;
	}
	/* A date and what a dateline says, or a time; or one date alone
	 * (two are a range, "29 November 2018 | 20 January 2019": an
	 * event's, the story's). */
	if (said)
		return (month && num) || numdate || time;
	return (month == 1 && num && !numdate) || (numdate == 1 && !month);
}

/* "11/18/19", "2019-11-18", "11.04.2020": two or three groups of
 * digits, the middle one short; not a telephone number
 * ("02-751-1500"). */
static int
numeric_date(const char *s, size_t n)
{
	size_t	 i, g = 0, len = 0, lens[4];

	for (i = 0; i <= n; i++) {
		if (i < n && ascii_isdigit((unsigned char)s[i])) {
			len++;
			continue;
		}
		if (i < n && s[i] != '/' && s[i] != '-' && s[i] != '.')
			break;
		if (len == 0 || len > 4 || g == 3)
			return 0;
		lens[g++] = len;
		len = 0;
	}
	return g >= 2 && lens[1] <= 2;
}

/* Does t[0..n) open with one of labels, blanks, then a colon ("Foto:",
 * "Kategorie :")?  ASCII case ignored. */
int
hx_opens_with_label(const char *t, size_t n, const char *const *labels)
{
	size_t	 i, l, k;

	for (i = 0; labels[i] != NULL; i++) {
		l = strlen(labels[i]);
		if (n <= l || ascii_ncasecmp(t, labels[i], l) != 0)
			continue;
		for (k = l; k < n && t[k] == ' '; k++)
			;
		if (k < n && t[k] == ':')
			return 1;
	}
	return 0;
}

/* A paragraph at most this long (bytes) that opens with a picture
 * credit's label is the credit, not the story. */
#define CREDIT_LINE_MAX	200

/*
 * Is t[0..n) a picture credit: "Foto: A. Name", "Photos : Agency",
 * "Titelbild: ...", "Crédits photos : ..."?  A label from the list,
 * blanks, then a colon.  Sources ("Quelle:", "Source:") are not
 * credits: they may cite the story's own data.
 */
int
hx_credit_line(const char *t, size_t n)
{
	static const char *const labels[] = {
		"fotos", "foto", "photos", "photo", "bilder", "bild",
		"images", "image", "credits", "credit", "titelbild",
		"beitragsbild", "cr\xc3\xa9""dits photos",
		"cr\xc3\xa9""dit photo", NULL
	};

	if (n > CREDIT_LINE_MAX)
		return 0;
	return hx_opens_with_label(t, n, labels);
}


/*
 * Is the paragraph being written a labelled teaser: a short label ending
 * in ':' ("Related:", "READ MORE:", "Lire aussi :"), then one link that
 * runs to the end?
 */
static int
labelled_teaser(const struct out *o)
{
	const char *t = o->b.data;
	size_t	 n = o->b.len, s, l;

	if (o->nlinks != 1 || n > 300)
		return 0;
	s = o->links[0].start;
	if (o->links[0].end < n || s == 0 || s > 30 || n - s < 15)
		return 0;
	/* A headline: some words. */
	if (memchr(t + s, ' ', n - s) == NULL)
		return 0;
	for (l = s; l > 0 && t[l - 1] == ' '; l--)
		;
	if (l < 4 || t[l - 1] != ':')
		return 0;
	/* A label, not a sentence: no full stop or comma in it. */
	return memchr(t, '.', l) == NULL && memchr(t, ',', l) == NULL;
}

/* The labelled teaser's link becomes a related entry (not twice). */
static int
teaser_to_related(struct out *o)
{
	struct article *a = o->a;
	const struct pending *p = &o->links[0];
	size_t	 i;
	char	*t;
	int	 r;

	if (p->url == NULL || a->nrelated >= HTML_RELATED_MAX)
		return 0;
	for (i = 0; i < a->nrelated; i++)
		if (a->related[i].url != NULL &&
		    strcmp(a->related[i].url, p->url) == 0)
			return 0;
	if ((t = xstrndup(o->b.data + p->start, p->end - p->start)) == NULL)
		return -1;
	r = article_add_related(a, t, p->url, NULL, NULL);
	free(t);
	return r;
}

static void
flush(struct emit *e)
{
	struct out *o = e->o;
	struct article *a = o->a;
	struct block *b;
	enum block_type type = BLOCK_PARAGRAPH;
	size_t	 i, bi, pos = 0;
	int	 level = 0, same;

	e->open_link = -1;
	while (o->b.len > 0 && (o->b.data[o->b.len - 1] == ' ' ||
	    o->b.data[o->b.len - 1] == '\n'))
		buf_setlen(&o->b, o->b.len - 1);
	if (o->b.len == 0 || a->nblocks >= ARTICLE_BLOCKS_MAX)
		goto reset;
	if (e->pre) {
		type = BLOCK_PRE;
	} else if (e->heading) {
		type = BLOCK_HEADING;
		level = e->heading;
	} else if (e->row) {
		type = BLOCK_TABLE_ROW;
	} else if (e->li) {
		type = BLOCK_LIST_ITEM;
		level = e->depth > 0 ? e->depth : 1;
	} else if (e->quote)
		type = BLOCK_QUOTE;
	/* "Updated Nov 19, 6:55 AM": the page's dateline, not its story. */
	if (type == BLOCK_PARAGRAPH && is_dateline(o->b.data, o->b.len))
		goto reset;
	/* "Related: Headline", "Read more: Headline": a teaser, as a
	 * paragraph or as a heading ("Mire: Headline"). */
	if ((type == BLOCK_PARAGRAPH || type == BLOCK_HEADING) &&
	    labelled_teaser(o)) {
		/* "Photo: <a>Name</a>": a credit, not a story to read. */
		if (!hx_credit_line(o->b.data, o->b.len) &&
		    teaser_to_related(o) == -1)
			o->err = 1;
		goto reset;
	}
	bi = a->nblocks;
	if (article_add_block(a, type, level, o->b.data, o->b.len) == -1) {
		o->err = 1;
		goto reset;
	}
	if (a->nblocks == bi)
		goto reset;
	b = &a->blocks[bi];
	if (type == BLOCK_LIST_ITEM && e->depth > 0 && e->depth <= 32)
		b->ordered = (e->ordered >> (e->depth - 1)) & 1;
	same = b->len == o->b.len && memcmp(b->text, o->b.data, b->len) == 0;
	for (i = 0; i < o->nlinks && a->nlinks < ARTICLE_LINKS_MAX; i++) {
		struct pending *p = &o->links[i];
		size_t	 s = p->start, en = p->end;
		char	*t;

		if (en > o->b.len)
			en = o->b.len;
		if (s >= en)
			continue;
		if (!same) {
			pos = pos > s ? pos : 0;
			if (find_from(b->text, b->len, o->b.data + s, en - s,
			    &pos) == -1)
				continue;
			en = pos + (en - s);
			s = pos;
		}
		if ((t = xstrndup(b->text + s, en - s)) == NULL) {
			o->err = 1;
			break;
		}
		if (article_add_link(a, t, p->url, bi, s, en) == -1)
			o->err = 1;
		free(t);
		pos = en;
	}
reset:
	hx_out_clear_links(o);
	buf_reset(&o->b);
	o->space = 0;
	o->full = 0;
}

/*
 * Is an image's alt text worth a block: not a file name ("img_0042.jpg",
 * "show-2018-lights-01": no space, words joined by - or _), not the
 * title again, not an alt already written (galleries and lazy-loading
 * markup repeat one image).
 */
static int
useful_alt(struct hx *hx, const struct article *a, const char *v)
{
	size_t	 i, n = strlen(v), joins = 0;
	char	*nv;
	int	 r = 1;

	if (strchr(v, ' ') == NULL) {
		for (i = 0; i < n; i++)
			if (v[i] == '-' || v[i] == '_' || v[i] == '.')
				joins++;
		if (joins >= 2)
			return 0;
	}
	if ((nv = hx_norm_text(v)) == NULL)
		return 1;
	if (hx->title_norm != NULL && strcmp(nv, hx->title_norm) == 0)
		r = 0;
	for (i = 0; r && i < a->nblocks; i++)
		if (a->blocks[i].type == BLOCK_IMAGE &&
		    a->blocks[i].len == strlen(nv) &&
		    ascii_ncasecmp(a->blocks[i].text, nv, a->blocks[i].len) ==
		    0)
			r = 0;
	free(nv);
	return r;
}

static int
emit_enter(struct hx *hx, xmlNodePtr n)
{
	struct emit *e = hx->em;
	struct out *o = e->o;
	struct hnode *h;
	struct buf t;
	const char *v;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content == NULL)
			return 0;
		buf_init(&t, strlen((const char *)n->content) * 3 + 16);
		if (utf8_sanitize(&t, (const char *)n->content,
		    strlen((const char *)n->content), e->pre > 0) == BUF_OK)
			out_text(o, t.data, t.len, e->pre > 0);
		else
			o->err = 1;
		buf_release(&t);
		return 0;
	}
	if (!kept(n))
		return 0;
	h = hn(n);
	if (h->props & P_BREAK)
		flush(e);
	/* A picture's caption describes the picture, not the story. */
	if (h->tag == T_FIGCAPTION)
		return 0;
	switch (h->tag) {
	case T_BR:
		if (e->pre)
			out_text(o, "\n", 1, 1);
		else
			flush(e);
		return 0;
	case T_HR:
		return 0;
	case T_IMG:
		if ((v = hx_attr(n, "alt")) != NULL && *v != '\0' &&
		    !e->row && !e->heading && useful_alt(hx, o->a, v)) {
			flush(e);
			if (article_add_block(o->a, BLOCK_IMAGE, 0, v,
			    strlen(v)) == -1)
				o->err = 1;
		}
		return 0;
	case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
		e->heading = (int)(h->tag - T_H1) + 1;
		break;
	case T_PRE:
		e->pre++;
		break;
	case T_TR:
		e->row++;
		o->cells = 0;
		break;
	case T_TD:
	case T_TH:
		if (e->row && o->cells++ > 0) {
			o->space = 1;
			out_text(o, "|", 1, 0);
			o->space = 1;
		} else
			o->space = 1;
		break;
	case T_LI:
		e->li++;
		break;
	case T_UL:
	case T_OL:
		e->depth++;
		if (e->depth <= 32) {
			if (h->tag == T_OL)
				e->ordered |= 1U << (e->depth - 1);
			else
				e->ordered &= ~(1U << (e->depth - 1));
		}
		break;
	case T_BLOCKQUOTE:
		e->quote++;
		break;
	case T_A:
		if (e->open_link == -1 && (v = hx_attr(n, "href")) != NULL &&
		    v[0] != '#' && o->nlinks < ARTICLE_LINKS_MAX) {
			char *u = url_resolve(hx->base, v);

			if (u != NULL) {
				if (o->nlinks == o->links_cap) {
					size_t nc = o->links_cap ?
					    o->links_cap * 2 : 8;
					struct pending *np = reallocarray(
					    o->links, nc, sizeof *np);

					if (np == NULL) {
						free(u);
						o->err = 1;
						break;
					}
					o->links = np;
					o->links_cap = nc;
				}
				o->links[o->nlinks].start = o->b.len;
				o->links[o->nlinks].end = o->b.len;
				o->links[o->nlinks].url = u;
				e->open_link = (long)o->nlinks++;
			}
		}
		break;
	default:
		break;
	}
	return 1;
}

static void
emit_leave(struct hx *hx, xmlNodePtr n)
{
	struct emit *e = hx->em;
	struct out *o = e->o;
	struct hnode *h;

	if (!kept(n))
		return;
	h = hn(n);
	if (h->tag == T_A && e->open_link >= 0) {
		struct pending *p = &o->links[e->open_link];

		p->end = o->b.len;
		if (p->start < p->end && o->b.data[p->start] == ' ')
			p->start++;
		e->open_link = -1;
		return;
	}
	if (h->props & P_BREAK)
		flush(e);
	switch (h->tag) {
	case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
		e->heading = 0;
		break;
	case T_PRE:
		e->pre--;
		break;
	case T_TR:
		e->row--;
		break;
	case T_LI:
		e->li--;
		break;
	case T_UL:
	case T_OL:
		e->depth--;
		break;
	case T_BLOCKQUOTE:
		e->quote--;
		break;
	default:
		break;
	}
}

int
hx_emit_root(struct out *o, xmlNodePtr root)
{
	struct emit e;

	memset(&e, 0, sizeof e);
	e.o = o;
	e.open_link = -1;
	o->hx->em = &e;
	hx_walk(o->hx, root, emit_enter, emit_leave);
	flush(&e);
	o->hx->em = NULL;
	return o->err ? -1 : 0;
}
