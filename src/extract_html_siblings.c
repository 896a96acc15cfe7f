/*
 * extract_html_siblings: the story's siblings, the boxes beside the
 * best container that belong to the story (a shared class, a good
 * score, or a short paragraph that ends a sentence).
 */
#include <stdlib.h>
#include <string.h>

#include "extract_html_tree.h"

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
		if (h->tag == T_P || (h->flags & F_WRAPPER)) {
			double ld = hx_link_density(h);

			if ((h->text > 80 && ld < 0.25) ||
			    (h->text < 80 && h->text > 0 && ld == 0 &&
			    has_sentence_end(s)))
				roots[n++] = s;
		}
	}
	return n;
}
