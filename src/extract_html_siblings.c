/*
 * extract_html_siblings: the story's siblings, the boxes beside the
 * best container that belong to the story (a shared class, a good
 * score, or a short paragraph that ends a sentence).
 */
#include <stdlib.h>
#include <string.h>

#include "extract_html_tree.h"

static int is_ancestor_of(xmlNodePtr, xmlNodePtr);

static int
same_class(xmlNodePtr a, xmlNodePtr b)
{
	const char *ca = hx_attr(a, "class"), *cb = hx_attr(b, "class");

	return ca != NULL && cb != NULL && *ca != '\0' && strcmp(ca, cb) == 0;
}

/* Does a short paragraph end a sentence (". " or a final ".")? */
static int
has_sentence_end(xmlNodePtr n)
{
	char	*t = extract_html_node_text(n, ARTICLE_FIELD_MAX_BYTES);
	int	 r = 0;
	size_t	 l;

	if (t == NULL)
		return 0;
	l = strlen(t);
	r = strstr(t, ". ") != NULL || (l > 0 && t[l - 1] == '.');
	free(t);
	return r;
}

/*
 * A story's first chunk outside its container: the lede in a header of
 * its own, the paragraphs before an advertisement that splits the body.
 * Paragraphs of prose (LEDE_MIN_CHARS, few links, not in a figure, a
 * caption or a byline) that come before the container inside the same
 * <article> (its parent or at most ARTICLE_CLIMB_LEVELS up) are roots
 * too, in their place, as long as the article adds at most as much text
 * as the container has.
 */
#define ARTICLE_CLIMB_LEVELS	6
#define ARTICLE_TEXT_RATIO	2
#define LEDE_LINK_DENSITY	0.2
#define LEDE_MIN_CHARS		80

/* Is n a box no lede is in: a figure, a caption, a credit, a byline, a
 * share bar, a related box, one whose class weighs against it? */
static int
not_lede(xmlNodePtr n)
{
	struct hnode *h = hn(n);

	return h->tag == T_FIGURE || h->tag == T_FIGCAPTION ||
	    h->tag == T_ASIDE || h->weight < 0 ||
	    (h->flags & (F_CAPTION | F_BYLINE | F_SHARE | F_RELCLS));
}

/* Is k one of roots[0..n) (all children of one parent)? */
static int
is_root(xmlNodePtr k, xmlNodePtr *roots, size_t n)
{
	size_t	 i;

	if (n == 0 || k->parent != roots[0]->parent)
		return 0;
	for (i = 0; i < n; i++)
		if (roots[i] == k)
			return 1;
	return 0;
}

static size_t
add_ledes(struct hx *hx, xmlNodePtr top, xmlNodePtr *roots, size_t n,
    size_t max)
{
	xmlNodePtr art, k, merged[HTML_ROOTS_MAX];
	size_t	 m = 0, nl = 0;
	int	 lv, skip, seen_top = 0;

	for (art = top->parent, lv = 0; art != NULL && art != hx->body &&
	    is_elem(art) && hn(art)->tag != T_ARTICLE &&
	    lv < ARTICLE_CLIMB_LEVELS; art = art->parent, lv++)
		;
	if (art == NULL || !is_elem(art) || hn(art)->tag != T_ARTICLE ||
	    !kept(art) || hn(art)->text > hn(top)->text * ARTICLE_TEXT_RATIO)
		return n;
	/* One walk in document order merges the roots and the ledes
	 * before the container. */
	for (k = art; k != NULL && m < max && m < HTML_ROOTS_MAX;
	    k = next_in(k, art, skip)) {
		skip = 0;
		if (!is_elem(k))
			continue;
		if (is_root(k, roots, n)) {
			merged[m++] = k;
			seen_top |= k == top;
			skip = 1;
		} else if (!kept(k) || not_lede(k)) {
			skip = 1;
		} else if (hn(k)->tag == T_P) {
			skip = 1;
			if (!seen_top && nl < HTML_LEDES_MAX &&
			    hn(k)->text >= LEDE_MIN_CHARS &&
			    hx_link_density(hn(k)) < LEDE_LINK_DENSITY) {
				merged[m++] = k;
				nl++;
			}
		}
	}
	if (nl == 0 || m != n + nl)
		return n;
	memcpy(roots, merged, m * sizeof roots[0]);
	return m;
}


/*
 * The standfirst in a box of its own before the story's container
 * (class "teaser-text", "article-intro", "entry-excerpt", "abstract",
 * or itemprop="description"): the first box so named, with prose (INTRO_MIN_CHARS, few links),
 * before the container inside its ancestor INTRO_CLIMB_LEVELS up, is
 * a root too, first.  Kept whole, as is a root so named: a teaser's
 * class must not cut it.
 */
#define INTRO_CLIMB_LEVELS	7
#define INTRO_MIN_CHARS		40
#define INTRO_LINK_DENSITY	0.25

static int
is_ancestor_of(xmlNodePtr a, xmlNodePtr n)
{
	for (; n != NULL; n = n->parent)
		if (n == a)
			return 1;
	return 0;
}

static size_t
add_intro(struct hx *hx, xmlNodePtr top, xmlNodePtr *roots, size_t n,
    size_t max)
{
	xmlNodePtr anc, k, intro = NULL;
	size_t	 i;
	int	 lv, skip;

	/* A standfirst already among the roots (a sibling of the
	 * container) is kept whole too. */
	for (i = 0; i < n; i++)
		if (hn(roots[i])->flags & F_INTRO)
			hn(roots[i])->flags |= F_KEEP;
	if (n == 0 || n >= max)
		return n;
	for (anc = top, lv = 0; lv < INTRO_CLIMB_LEVELS && anc->parent !=
	    NULL && anc->parent != hx->body && is_elem(anc->parent); lv++)
		anc = anc->parent;
	for (k = anc; k != NULL && k != roots[0]; k = next_in(k, anc, skip)) {
		skip = 0;
		if (!is_elem(k))
			continue;
		if (!kept(k)) {
			skip = 1;
			continue;
		}
		if (!(hn(k)->flags & F_INTRO) || is_ancestor_of(k, roots[0]))
			continue;
		skip = 1;
		if (hn(k)->text >= INTRO_MIN_CHARS &&
		    hx_link_density(hn(k)) < INTRO_LINK_DENSITY &&
		    !(hn(k)->flags & (F_BYLINE | F_CAPTION | F_SHARE))) {
			intro = k;
			break;
		}
	}
	if (intro == NULL)
		return n;
	hn(intro)->flags |= F_KEEP;
	memmove(roots + 1, roots, n * sizeof roots[0]);
	roots[0] = intro;
	return n + 1;
}

/* A sibling with the story's class and this much text (characters)
 * under this link density is another part of the story. */
#define TWIN_MIN_CHARS		80
#define TWIN_LINK_DENSITY	0.25

/*
 * A recipe's ingredients (items marked itemprop="recipeIngredient" or
 * "ingredients", schema.org) outside the story's container, which holds
 * its steps: the smallest box around all of them, inside the
 * container's ancestor INTRO_CLIMB_LEVELS up, is a root too, in its
 * place (before the story or after it).  Only pages that mark an
 * ingredient are searched.
 */
static size_t
add_ingredients(struct hx *hx, xmlNodePtr top, xmlNodePtr *roots,
    size_t n, size_t max)
{
	xmlNodePtr anc, k, first = NULL, last = NULL, box;
	size_t	 i;
	int	 lv, skip, before = 1;

	if (!hx->has_ingred || n == 0 || n >= max)
		return n;
	for (anc = top, lv = 0; lv < INTRO_CLIMB_LEVELS && anc->parent !=
	    NULL && anc->parent != hx->body && is_elem(anc->parent); lv++)
		anc = anc->parent;
	for (k = anc; k != NULL; k = next_in(k, anc, skip)) {
		skip = 0;
		if (!is_elem(k))
			continue;
		if (!kept(k) || k == top) {
			if (k == top && first == NULL)
				before = 0;
			skip = 1;
			continue;
		}
		if (hn(k)->flags & F_INGRED) {
			if (first == NULL)
				first = k;
			last = k;
			skip = 1;
		}
	}
	if (first == NULL)
		return n;
	for (box = first->parent; box != NULL && box != anc &&
	    is_elem(box) && !is_ancestor_of(box, last); box = box->parent)
		;
	if (box == NULL || !is_elem(box) || box == anc)
		return n;
	for (i = 0; i < n; i++)
		if (is_ancestor_of(box, roots[i]) ||
		    is_ancestor_of(roots[i], box))
			return n;
	hn(box)->flags |= F_KEEP;
	if (before) {
		memmove(roots + 1, roots, n * sizeof roots[0]);
		roots[0] = box;
	} else
		roots[n] = box;
	return n + 1;
}

/*
 * The story: the top container and those of its siblings that belong to
 * it (a good score, the same class, or a plain paragraph of prose).
 * Fills roots[] in document order; returns their number.
 */
size_t
hx_siblings(struct hx *hx, xmlNodePtr top, xmlNodePtr *roots, size_t max)
{
	xmlNodePtr s;
	size_t	 n = 0;
	double	 thr, bonus;
	struct hnode *h;

	if (top == hx->body || top->parent == NULL || !is_elem(top->parent)) {
		roots[n++] = top;
		return n;
	}
	thr = hn(top)->score * 0.2;
	if (thr < 10)
		thr = 10;
	for (s = top->parent->children; s != NULL && n < max; s = s->next) {
		if (!kept(s))
			continue;
		if (s == top) {
			roots[n++] = s;
			continue;
		}
		h = hn(s);
		bonus = same_class(s, top) ? hn(top)->score * 0.2 : 0;
		if ((h->flags & F_CAND) && h->score + bonus >= thr) {
			roots[n++] = s;
			continue;
		}
		/* A box like the story's (forum posts, a body in several
		 * chunks): its prose belongs to the story. */
		if (same_class(s, top) && h->text >= TWIN_MIN_CHARS &&
		    hx_link_density(h) < TWIN_LINK_DENSITY) {
			roots[n++] = s;
			continue;
		}
		if (h->tag == T_P || (h->flags & F_WRAPPER)) {
			double ld = hx_link_density(h);

			if ((h->text > 80 && ld < 0.25) ||
			    (h->text < 80 && h->text > 0 && ld == 0 &&
			    has_sentence_end(s)))
				roots[n++] = s;
		}
	}
	n = add_ledes(hx, top, roots, n, max);
	n = add_ingredients(hx, top, roots, n, max);
	return add_intro(hx, top, roots, n, max);
}
