/*
 * extract_html_score: text, link and comma counts per element (bottom
 * up, updated along the ancestors when a node is cut), the content
 * scores credited from paragraphs to their ancestors, the pick of the
 * best container, and the cleaning of boxes inside the story that look
 * like chrome (conditional removal, data tables kept).
 */
#include <stdlib.h>
#include <string.h>

#include "extract_html_tree.h"

/* Is cp one of the commas of the world's scripts? */
static int
is_comma(uint32_t cp)
{
	return cp == ',' || cp == 0x060c || cp == 0xfe50 || cp == 0xfe10 ||
	    cp == 0xfe11 || cp == 0x2e41 || cp == 0x2e34 || cp == 0x2e32 ||
	    cp == 0xff0c || cp == 0x3001;
}

/* Characters of a text node with white space runs counted once. */
static void
text_counts(const char *s, size_t *chars, size_t *commas)
{
	size_t	 n = strlen(s), i = 0, c = 0, k = 0;
	int	 sp = 1;
	uint32_t cp;

	while (i < n) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x80) {
			i++;
			if (ascii_isspace(ch)) {
				if (!sp)
					c++;
				sp = 1;
				continue;
			}
			sp = 0;
			c++;
			if (ch == ',')
				k++;
			continue;
		}
		i += utf8_decode(s + i, n - i, &cp);
		sp = cp == 0xa0;
		c++;
		if (is_comma(cp))
			k++;
	}
	*chars = c;
	*commas = k;
}

static int
count_enter(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h;

	(void)hx;
	if (!kept(n))
		return 0;
	h = hn(n);
	h->text = h->commas = h->itext = h->icommas = 0;
	h->link = 0;
	h->np = h->nimg = h->nli = h->ninput = h->nembed = h->nblock = 0;
	h->nchild = h->nheadtext = 0;
	return 1;
}

/* Counts of a node as its parent sees them. */
static void
contrib(xmlNodePtr n, struct counts *c)
{
	struct hnode *h = hn(n);

	memset(c, 0, sizeof *c);
	c->text = h->text;
	c->commas = h->commas;
	c->link = h->link;
	c->np = h->np + (h->tag == T_P);
	c->nimg = h->nimg + (h->tag == T_IMG);
	c->nli = h->nli + (h->tag == T_LI);
	c->ninput = h->ninput + (h->tag == T_INPUT);
	c->nembed = h->nembed + (h->tag == T_EMBED || h->tag == T_OBJECT ||
	    h->tag == T_IFRAME);
	c->nheadtext = h->nheadtext;
	if (h->tag >= T_H1 && h->tag <= T_H6)
		c->nheadtext = (unsigned)h->text;
	c->tagtext = h->tagtext;
	c->ntag = h->ntag + ((h->flags & F_TAGLINK) != 0);
}

static void
count_leave(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h, *ch;
	struct counts c;
	xmlNodePtr k;
	size_t	 tc, cc;
	const char *href;
	int	 single_p = 0, other = 0;

	(void)hx;
	if (!kept(n))
		return;
	h = hn(n);
	for (k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
			if (k->content == NULL)
				continue;
			text_counts((const char *)k->content, &tc, &cc);
			h->text += tc;
			h->commas += cc;
			h->itext += tc;
			h->icommas += cc;
			if (tc > 1 || (tc == 1 &&
			    !ascii_isspace((unsigned char)k->content[0])))
				other = 1;
			continue;
		}
		if (!kept(k))
			continue;
		ch = hn(k);
		contrib(k, &c);
		h->text += c.text;
		h->commas += c.commas;
		h->link += c.link;
		h->np += c.np;
		h->nimg += c.nimg;
		h->nli += c.nli;
		h->ninput += c.ninput;
		h->nembed += c.nembed;
		h->nheadtext += c.nheadtext;
		h->tagtext += c.tagtext;
		h->ntag += c.ntag;
		h->nblock += ch->nblock + ((ch->props & P_DIVP) != 0);
		h->nchild++;
		if (ch->tag == T_P && h->nchild == 1)
			single_p = 1;
		if (!(ch->props & (P_DIVP | P_BREAK)) && ch->tag != T_TD &&
		    ch->tag != T_TH && ch->tag != T_TR && ch->tag != T_LI) {
			h->itext += c.text;
			h->icommas += c.commas;
		}
	}
	if (h->tag == T_A) {
		href = hx_attr(n, "href");
		h->link = (double)h->text *
		    (href != NULL && href[0] == '#' ? 0.3 : 1.0);
		if (h->flags & F_TAGLINK)
			h->tagtext = h->text;
	}
	if (h->tag == T_DIV && single_p && h->nchild == 1 && !other &&
	    h->text > 0 && h->link / (double)h->text < 0.25)
		h->flags |= F_WRAPPER;
}

void
hx_count(struct hx *hx)
{
	hx_walk(hx, xmlDocGetRootElement(hx->doc), count_enter, count_leave);
}

double
hx_link_density(const struct hnode *h)
{
	return h->text > 0 ? h->link / (double)h->text : 0;
}

/* What a class or id naming an author costs a candidate: as much as a
 * negative class word. */
#define AUTHOR_BOX_PENALTY	25

/* The starting score of a candidate container. */
static void
init_cand(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h = hn(n);
	xmlNodePtr *nc;

	if (h->flags & F_CAND)
		return;
	h->flags |= F_CAND;
	switch (h->tag) {
	case T_DIV:
		h->score = 5;
		break;
	case T_PRE:
	case T_TD:
	case T_BLOCKQUOTE:
		h->score = 3;
		break;
	case T_ADDRESS:
	case T_OL:
	case T_UL:
	case T_DL:
	case T_DD:
	case T_DT:
	case T_LI:
	case T_FORM:
		h->score = -3;
		break;
	case T_H1:
	case T_H2:
	case T_H3:
	case T_H4:
	case T_H5:
	case T_H6:
	case T_TH:
		h->score = -5;
		break;
	default:
		h->score = 0;
	}
	if (hx->attempt & A_WEIGHT)
		h->score += h->weight;
	/* An author's box (a bio, "about the author") is prose about
	 * someone, beside the story; a post's own class may name its
	 * author too ("entry author-jane"), with a word for content. */
	if ((hx->attempt & A_WEIGHT) && (h->flags & F_BYLINE) &&
	    h->weight <= 0)
		h->score -= AUTHOR_BOX_PENALTY;
	/* Structured data marks the story's container: trust it. */
	if (h->flags & F_INBODY)
		h->score += 25;
	if (hx->ncands == hx->cands_cap) {
		size_t ncap = hx->cands_cap ? hx->cands_cap * 2 : 64;

		if ((nc = reallocarray(hx->cands, ncap, sizeof *nc)) == NULL) {
			hx->nomem = 1;
			return;
		}
		hx->cands = nc;
		hx->cands_cap = ncap;
	}
	hx->cands[hx->ncands++] = n;
}

/* Credits a paragraph's score to its first five ancestors. */
static void
credit(struct hx *hx, xmlNodePtr p, size_t text, size_t commas)
{
	double	 s;
	int	 level = 0;
	xmlNodePtr a;

	s = 1 + (double)commas + (double)(text / 100 < 3 ? text / 100 : 3);
	for (a = p; a != NULL && level < 5; a = a->parent) {
		if (a->type != XML_ELEMENT_NODE || a->_private == NULL ||
		    a->parent == NULL || a->parent->type != XML_ELEMENT_NODE)
			break;
		if (hn(a)->flags & F_WRAPPER)
			continue;
		init_cand(hx, a);
		hn(a)->score += s / (level == 0 ? 1 : level == 1 ? 2 :
		    level * 3);
		level++;
	}
}

static int
score_enter(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h;

	if (!kept(n))
		return 0;
	h = hn(n);
	if ((h->props & P_SCORE) || (h->tag == T_DIV && h->nblock == 0)) {
		if (h->text >= 25 && n->parent != NULL)
			credit(hx, n->parent, h->text, h->commas);
		return h->tag == T_SECTION || h->tag == T_TD;
	}
	/* Text beside blocks in a div: a paragraph of its own. */
	if (h->tag == T_DIV && h->itext >= 25)
		credit(hx, n, h->itext, h->icommas);
	return 1;
}

void
hx_score(struct hx *hx)
{
	size_t	 i;

	hx->ncands = 0;
	hx_walk(hx, hx->body, score_enter, NULL);
	for (i = 0; i < hx->ncands; i++) {
		struct hnode *h = hn(hx->cands[i]);

		h->score *= 1 - hx_link_density(h);
	}
}

static int
is_ancestor(xmlNodePtr a, xmlNodePtr n)
{
	for (; n != NULL; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

static unsigned
kept_children(xmlNodePtr n)
{
	xmlNodePtr k;
	unsigned c = 0;

	for (k = n->children; k != NULL; k = k->next)
		if (kept(k))
			c++;
	return c;
}

#define TOP_N	5

/* A candidate scoring at least this share of the best, with a link
 * density under the second figure, holds story prose (see protect()). */
#define KEEP_SCORE_SHARE	0.75
#define KEEP_LINK_DENSITY	0.25

/* The best container, or the body when no paragraph scored. */
xmlNodePtr
hx_pick(struct hx *hx)
{
	xmlNodePtr top[TOP_N], t, p, alt[TOP_N];
	size_t	 i, j, ntop = 0, nalt = 0;
	double	 last, thr;

	for (i = 0; i < hx->ncands; i++) {
		t = hx->cands[i];
		for (j = 0; j < ntop; j++)
			if (hn(t)->score > hn(top[j])->score)
				break;
		if (j >= TOP_N)
			continue;
		if (ntop < TOP_N)
			ntop++;
		memmove(top + j + 1, top + j, (ntop - j - 1) * sizeof top[0]);
		top[j] = t;
	}
	if (ntop == 0 || top[0] == hx->body)
		return hx->body;
	t = top[0];
	/* Several near-best candidates inside one ancestor: take it. */
	for (i = 1; i < ntop; i++)
		if (hn(top[i])->score / hn(t)->score >= 0.75)
			alt[nalt++] = top[i];
	if (nalt >= 3) {
		for (p = t->parent; p != NULL && p != hx->body &&
		    p->type == XML_ELEMENT_NODE; p = p->parent) {
			size_t in = 0;

			for (i = 0; i < nalt; i++)
				if (is_ancestor(p, alt[i]))
					in++;
			if (in >= 3) {
				t = p;
				break;
			}
		}
		if (!(hn(t)->flags & F_CAND))
			init_cand(hx, t);
	}
	/* Climb while the parents keep scoring well. */
	last = hn(t)->score;
	thr = last / 3;
	for (p = t->parent; p != NULL && p != hx->body && is_elem(p);
	    p = p->parent) {
		if (!(hn(p)->flags & F_CAND))
			continue;
		if (hn(p)->score < thr)
			break;
		if (hn(p)->score > last) {
			t = p;
			break;
		}
		last = hn(p)->score;
	}
	/* An only child stands for its parent. */
	while (t->parent != NULL && t->parent != hx->body &&
	    is_elem(t->parent) && kept_children(t->parent) == 1)
		t = t->parent;
	return t;
}

/* Subtracts a cut node's counts from its ancestors. */
void
hx_cut(struct hx *hx, xmlNodePtr n)
{
	struct counts c;
	xmlNodePtr a;

	(void)hx;
	if (hn(n)->flags & F_CUT)
		return;
	contrib(n, &c);
	hn(n)->flags |= F_CUT;
	for (a = n->parent; a != NULL && is_elem(a); a = a->parent) {
		struct hnode *h = hn(a);

		h->text -= c.text < h->text ? c.text : h->text;
		h->commas -= c.commas < h->commas ? c.commas : h->commas;
		h->link -= c.link < h->link ? c.link : h->link;
		h->np -= c.np < h->np ? c.np : h->np;
		h->nimg -= c.nimg < h->nimg ? c.nimg : h->nimg;
		h->nli -= c.nli < h->nli ? c.nli : h->nli;
		h->ninput -= c.ninput < h->ninput ? c.ninput : h->ninput;
		h->nembed -= c.nembed < h->nembed ? c.nembed : h->nembed;
		h->nheadtext -= c.nheadtext < h->nheadtext ? c.nheadtext :
		    h->nheadtext;
		h->tagtext -= c.tagtext < h->tagtext ? c.tagtext : h->tagtext;
		h->ntag -= c.ntag < h->ntag ? c.ntag : h->ntag;
	}
}

static int
has_ancestor_tag(xmlNodePtr n, enum tag t, int depth)
{
	for (n = n->parent; n != NULL && is_elem(n) && depth-- > 0;
	    n = n->parent)
		if (hn(n)->tag == t)
			return 1;
	return 0;
}

/* Does a table hold another table? */
static int
has_nested_table(xmlNodePtr t)
{
	xmlNodePtr n = t->children;

	while (n != NULL && n != t) {
		if (is_elem(n) && hn(n)->tag == T_TABLE)
			return 1;
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != t && n->next == NULL)
			n = n->parent;
		if (n != t)
			n = n->next;
	}
	return 0;
}

/* Is a table one of data (rows and columns), not of layout? */
static int
data_table(xmlNodePtr n)
{
	const char *v;
	xmlNodePtr k, r;
	size_t	 rows = 0, cols = 0, c;

	if ((v = hx_attr(n, "role")) != NULL && ascii_casecmp(v, "presentation") == 0)
		return 0;
	if ((v = hx_attr(n, "datatable")) != NULL && strcmp(v, "0") == 0)
		return 0;
	if (hx_attr(n, "summary") != NULL)
		return 1;
	for (k = n->children; k != NULL; k = k->next) {
		if (!is_elem(k))
			continue;
		if (hn(k)->tag == T_CAPTION || hn(k)->tag == T_THEAD ||
		    hn(k)->tag == T_TFOOT)
			return 1;
	}
	/* Count rows and the widest row, over tbody too. */
	for (k = n->children; k != NULL; k = k->next) {
		xmlNodePtr rowlist = k;

		if (!is_elem(k))
			continue;
		if (hn(k)->tag == T_TBODY)
			rowlist = k->children;
		else if (hn(k)->tag == T_TR)
			rowlist = k;
		else
			continue;
		for (r = rowlist; r != NULL; r = r->next) {
			xmlNodePtr cell;

			if (!is_elem(r) || hn(r)->tag != T_TR)
				continue;
			rows++;
			c = 0;
			for (cell = r->children; cell != NULL; cell = cell->next)
				if (is_elem(cell) && (hn(cell)->tag == T_TD ||
				    hn(cell)->tag == T_TH)) {
					c++;
					if (hn(cell)->tag == T_TH)
						return 1;
				}
			if (c > cols)
				cols = c;
			if (hn(k)->tag == T_TR)
				break;
		}
	}
	if (hn(n)->nblock > 0 && has_nested_table(n))
		return 0;
	if (rows == 1 || cols == 1)
		return 0;
	if (rows >= 10 || cols > 4)
		return 1;
	return rows * cols > 10;
}

/* Is n inside a data table or code, where boxes are never cleaned? */
static int
in_kept_table(xmlNodePtr n)
{
	for (n = n->parent; n != NULL && is_elem(n); n = n->parent)
		if ((hn(n)->flags & F_DATATABLE) || hn(n)->tag == T_CODE ||
		    hn(n)->tag == T_PRE)
			return 1;
	return 0;
}

/*
 * Should a table, list or div inside the story go: few commas and more
 * links, images, list items or form fields than paragraphs support.
 */
static int
cond_remove(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h = hn(n);
	int	 list = h->tag == T_UL || h->tag == T_OL, weight, fig, rm;
	double	 ld, hd;
	long	 li;
	xmlNodePtr k, g;

	if (in_kept_table(n))
		return 0;
	/* A box around a quote is judged as the quote: not here. */
	if (hx_wraps_quote(n))
		return 0;
	weight = (hx->attempt & A_WEIGHT) ? h->weight : 0;
	if (weight < 0)
		return 1;
	if (h->commas >= 10)
		return 0;
	ld = hx_link_density(h);
	hd = h->text > 0 ? (double)h->nheadtext / (double)h->text : 0;
	li = (long)h->nli - 100;
	fig = has_ancestor_tag(n, T_FIGURE, 3);
	rm = (h->nimg > 1 && (double)h->np / h->nimg < 0.5 && !fig) ||
	    (!list && li > (long)h->np) ||
	    (h->ninput > h->np / 3) ||
	    (!list && hd < 0.9 && h->text < 25 &&
	    (h->nimg == 0 || h->nimg > 2) && !fig) ||
	    (!list && weight < 25 && ld > 0.2) ||
	    (weight >= 25 && ld > 0.5) ||
	    (h->nembed == 1 && h->text < 75) || h->nembed > 1;
	if (list && rm) {
		/* A simple list of images stays. */
		int all_img = 1;

		for (k = n->children; k != NULL; k = k->next) {
			unsigned ne = 0;

			if (!kept(k))
				continue;
			for (g = k->children; g != NULL; g = g->next)
				if (kept(g))
					ne++;
			if (ne > 1)
				return 0;
			if (hn(k)->nimg + (hn(k)->tag == T_IMG) != 1)
				all_img = 0;
		}
		if (all_img)
			return 0;
	}
	return rm;
}

/*
 * Marks the candidates that hold the story's prose (a score near the
 * best, few links) and their ancestors up to the chosen root, so that
 * cleaning never cuts them: a link-heavy wrapper (share bars, teaser
 * rails and the story in one div) would otherwise take the story with
 * it.
 */
void
hx_protect(struct hx *hx, xmlNodePtr top)
{
	size_t	 i;
	double	 best = 0;
	xmlNodePtr c, a;

	for (i = 0; i < hx->ncands; i++)
		if (hn(hx->cands[i])->score > best)
			best = hn(hx->cands[i])->score;
	if (best <= 0)
		return;
	for (i = 0; i < hx->ncands; i++) {
		c = hx->cands[i];
		if (c == top || hn(c)->score < best * KEEP_SCORE_SHARE ||
		    hx_link_density(hn(c)) >= KEEP_LINK_DENSITY ||
		    !is_ancestor(top, c))
			continue;
		for (a = c; a != top && is_elem(a); a = a->parent)
			hn(a)->flags |= F_KEEP;
	}
}

/*
 * A root of the story with this many characters outside links is not
 * removed whole by the conditional cleaning: the cleaning judges the
 * boxes inside the story, and a recipe's or a guide's container with
 * tabs or a table of contents has many links beside its text.
 */
#define ROOT_PLAIN_MIN	500

/* Is text node n empty or all blanks? */
static int
is_blank_text(xmlNodePtr n)
{
	const xmlChar *c;

	for (c = n->content; c != NULL && *c != '\0' && ascii_isspace(*c);
	    c++)
		;
	return c == NULL || *c == '\0';
}

/* The sibling before (dir < 0) or after n, past blank text. */
static xmlNodePtr
next_sib(xmlNodePtr n, int dir)
{
	for (n = dir < 0 ? n->prev : n->next; n != NULL;
	    n = dir < 0 ? n->prev : n->next) {
		if (n->type == XML_COMMENT_NODE)
			continue;
		if (n->type != XML_TEXT_NODE || !is_blank_text(n))
			return n;
	}
	return NULL;
}

/* Is n a picture: an <img>, or a link or box holding one and no text? */
static int
is_picture(xmlNodePtr n)
{
	return is_elem(n) && (hn(n)->tag == T_IMG || (hn(n)->tag != T_BR &&
	    hn(n)->nimg == 1 && hn(n)->text == 0));
}

/*
 * A short emphasised line set under a picture by a line break ("<img>
 * <br><em>(Credit: A. Name)</em>", "<img><br><i>Figure 4: ...</i>"),
 * ending its line, is the picture's caption; so is a paragraph or a
 * centred line that is all one emphasis under a picture standing on its
 * own ("<p><img></p><p>&nbsp;</p><p><em>Installation view</em></p>",
 * "<img><center><em>... via ...</em></center>").  A figure or a
 * picture's box has a caption of its own: the line under it is the
 * story's ("Top photo by ...").  CAPTION_LINE_MAX characters at most.
 */
#define CAPTION_LINE_MAX	300

static int
is_emphasis(xmlNodePtr n)
{
	return is_elem(n) && hn(n)->tag == T_OTHER &&
	    (strcmp((const char *)n->name, "em") == 0 ||
	    strcmp((const char *)n->name, "i") == 0);
}

/* Is n an element with no picture and no text but blanks and
 * no-break spaces ("<p>&nbsp;</p>")? */
static int
is_blank_box(xmlNodePtr n)
{
	xmlNodePtr k;
	const xmlChar *c;

	if (is_picture(n) || hn(n)->nimg > 0)
		return 0;
	if (hn(n)->text == 0)
		return 1;
	for (k = n->children; k != NULL; k = k->next) {
		if (k->type != XML_TEXT_NODE)
			return 0;
		for (c = k->content; c != NULL && *c != '\0'; c++) {
			if (c[0] == 0xc2 && c[1] == 0xa0)
				c++;
			else if (!ascii_isspace(*c))
				return 0;
		}
	}
	return 1;
}

/* Is block n (a paragraph, a centred line) all one emphasis? */
static int
all_emphasis(xmlNodePtr n)
{
	xmlNodePtr k, em = NULL;

	for (k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_TEXT_NODE) {
			if (!is_blank_text(k))
				return 0;
			continue;
		}
		if (!kept(k))
			continue;
		if (em != NULL || !is_emphasis(k))
			return 0;
		em = k;
	}
	return em != NULL;
}

static int
is_caption_line(xmlNodePtr n)
{
	xmlNodePtr p, q;

	if (hn(n)->text == 0 || hn(n)->text > CAPTION_LINE_MAX)
		return 0;
	/* A block that is all one emphasis, under a picture past line
	 * breaks and empty paragraphs. */
	if ((hn(n)->tag == T_P || hn(n)->tag == T_CENTER) &&
	    all_emphasis(n)) {
		for (p = next_sib(n, -1); p != NULL && is_elem(p) &&
		    (hn(p)->tag == T_BR || is_blank_box(p));
		    p = next_sib(p, -1))
			;
		return p != NULL && is_picture(p) && hn(p)->tag != T_DIV &&
		    hn(p)->tag != T_FIGURE;
	}
	if (!is_emphasis(n))
		return 0;
	if ((p = next_sib(n, -1)) == NULL || !is_elem(p) ||
	    hn(p)->tag != T_BR || (p = next_sib(p, -1)) == NULL ||
	    !is_picture(p))
		return 0;
	q = next_sib(n, 1);
	return q == NULL || (is_elem(q) && hn(q)->tag == T_BR);
}

/*
 * A box whose class says caption or credit, with fewer characters than
 * CAPTION_BOX_MAX, is the picture's, not the story's: a caption of a
 * news photo runs to a few sentences (who, where, when and the agency).
 * It may hold the caption and the credit as two paragraphs; then its
 * paragraphs give it a score, which alone would keep a box of prose
 * so named (a text-only div scores as a paragraph), but a box of
 * paragraphs beside the picture, not around it, is the caption.
 */
#define CAPTION_BOX_MAX		500
/* A byline's box is a line: the names, a date, the desk. */
#define BYLINE_BOX_MAX		100
#define CAPTION_BOX_PARAS	2

/*
 * A picture and its caption in a box of their own (or in a layout
 * table's cell), a figure without the tag: the box holds a picture
 * first, then one element of short text (fewer than CAPTION_BOX_MAX
 * characters, no links) with no blocks inside, and nothing else.  A
 * column of blocks beside a picture is a layout's, and its text may be
 * the story's.  The text is cut, the picture stays.  Returns the
 * caption element or NULL.
 */
static xmlNodePtr
picture_box_caption(xmlNodePtr n)
{
	struct hnode *h = hn(n);
	xmlNodePtr k, pic = NULL, cap = NULL;

	if ((h->tag != T_DIV && h->tag != T_OTHER && h->tag != T_TD) ||
	    h->nimg != 1 || h->text == 0 || h->text >= CAPTION_BOX_MAX ||
	    h->link > 0 || h->np > 1 || in_kept_table(n))
		return NULL;
	for (k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_TEXT_NODE) {
			if (!is_blank_text(k))
				return NULL;
			continue;
		}
		if (!kept(k))
			continue;
		if (pic == NULL) {
			if (!is_picture(k))
				return NULL;
			pic = k;
		} else if (cap == NULL && hn(k)->nimg == 0 &&
		    hn(k)->nblock == 0 && hn(k)->text == h->text)
			cap = k;
		else
			return NULL;
	}
	return cap;
}

static int
clean_enter(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h;
	xmlNodePtr c;

	if (!kept(n))
		return 0;
	h = hn(n);
	if (h->flags & F_KEEP)
		return 1;
	switch (h->tag) {
	case T_FOOTER:
	case T_ASIDE:
	case T_FORM:
	case T_FIELDSET:
	case T_NAV:
		hx_cut(hx, n);
		return 0;
	case T_H1:
	case T_H2:
		if ((hx->attempt & A_WEIGHT) && h->weight < 0) {
			hx_cut(hx, n);
			return 0;
		}
		break;
	case T_TABLE:
		if (data_table(n)) {
			h->flags |= F_DATATABLE;
			return 1;
		}
		break;
	default:
		break;
	}
	if ((h->flags & F_SHARE) && h->text < 500) {
		hx_cut(hx, n);
		return 0;
	}
	if (is_caption_line(n)) {
		hx_cut(hx, n);
		return 0;
	}
	/* A list of tags, the links marked rel="tag" (a microformat):
	 * "Tags: a, b, c". */
	if (h->tag != T_A && h->ntag >= 2 && h->tagtext * 10 >= h->text * 7) {
		hx_cut(hx, n);
		return 0;
	}
	/* A teaser box ("related", "trending", "most read") inside the
	 * story: headlines and kickers, not prose.  Its links become
	 * related entries.  A box named for the story's own teaser too
	 * ("article-teaser", "teaser-text", "teaser-intro") is its
	 * standfirst, and so is a box that holds only text (no links,
	 * images or headings): a teaser of other stories has its
	 * headlines. */
	if ((h->flags & F_RELCLS) && !(h->flags & F_INTRO) &&
	    h->tag != T_BODY && h->tag != T_A && h->np < 2 &&
	    h->commas < 10 && !(h->link == 0 && h->nimg == 0 &&
	    h->nheadtext == 0 && h->text >= 40)) {
		hx_cut(hx, n);
		return 0;
	}
	/* A byline's box ("By A. Writer", "Published ...") in the story,
	 * also when the metadata named the author and the marking left it
	 * in; not a dateline's place opening a paragraph ("<p><span
	 * class=dateline>KOBE -</span> ..."), which is the story's. */
	if ((h->flags & F_BYLINE) && h->tag != T_BODY &&
	    h->text < BYLINE_BOX_MAX && h->np == 0 &&
	    !has_ancestor_tag(n, T_P, 3)) {
		hx_cut(hx, n);
		return 0;
	}
	if ((c = picture_box_caption(n)) != NULL) {
		hx_cut(hx, c);
		return 0;
	}
	if ((h->flags & F_CAPTION) && h->tag != T_BODY &&
	    h->text < CAPTION_BOX_MAX && h->np <= CAPTION_BOX_PARAS &&
	    (!(h->flags & F_CAND) || (h->np > 0 && h->nimg == 0))) {
		hx_cut(hx, n);
		return 0;
	}
	if ((hx->attempt & A_CLEAN) && (h->tag == T_TABLE || h->tag == T_UL ||
	    h->tag == T_DIV) && !(n == hx->clean_root &&
	    (double)h->text - h->link >= ROOT_PLAIN_MIN) &&
	    cond_remove(hx, n)) {
		hx_cut(hx, n);
		return 0;
	}
	return 1;
}

void
hx_clean(struct hx *hx, xmlNodePtr root)
{
	hx->clean_root = root;
	hx_walk(hx, root, clean_enter, NULL);
	hx->clean_root = NULL;
}
