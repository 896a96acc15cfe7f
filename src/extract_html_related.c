/*
 * extract_html_related: related entries (title, url, summary, source)
 * from the teaser and "related" boxes cut out of the story or found
 * beside it: the headline link of each card, its one-line summary and
 * its source.
 */
#include <stdlib.h>
#include <string.h>

#include "extract_html_tree.h"

struct harvest {
	struct article	*a;
	const char	*base;
	int		 err;
};

/* A host without its "www.": the site's name as people write it. */
static const char *
host_name(const char *h)
{
	return ascii_ncasecmp(h, "www.", 4) == 0 ? h + 4 : h;
}

/* How far a teaser's card may reach above its headline link, and how
 * many nodes a look into a card may visit. */
#define CARD_LEVELS	6
#define CARD_NODES	300

/* Do all the links under top go to href (an image link and a headline
 * link to the same story make one card)? */
static int
links_only_to(xmlNodePtr top, const char *href)
{
	xmlNodePtr n;
	const char *h;
	int	 seen = 0;

	for (n = top; n != NULL && seen < CARD_NODES;
	    n = next_in(n, top, 0), seen++)
		if (n->type == XML_ELEMENT_NODE && n->_private != NULL &&
		    hn(n)->tag == T_A && (h = hx_attr(n, "href")) != NULL &&
		    strcmp(h, href) != 0)
			return 0;
	return seen < CARD_NODES;
}

/* The teaser's card: the largest element around its headline link, up
 * to CARD_LEVELS above it and inside the box, whose links all go to the
 * same story. */
static xmlNodePtr
teaser_card(xmlNodePtr link, xmlNodePtr box, const char *href)
{
	xmlNodePtr card = link, p;
	int	 up;

	for (up = 0; up < CARD_LEVELS && card != box &&
	    (p = card->parent) != NULL && p->type == XML_ELEMENT_NODE &&
	    p->_private != NULL && links_only_to(p, href); up++)
		card = p;
	return card;
}

/* Is n a heading, a link or hidden: no summary is looked for in it? */
static int
not_summary(xmlNodePtr n)
{
	struct hnode *h = hn(n);

	return h->tag == T_A || (h->tag >= T_H1 && h->tag <= T_H6) ||
	    (h->props & P_DROP) || (h->flags & F_HIDDEN);
}

/*
 * A teaser's summary and source from its card.  The summary: the first
 * element outside the headline and the links whose text reads as prose
 * (40 characters or more, with spaces) and does not hold the headline.
 * The source: the text of an element classed source, publisher or
 * provider; else the host of a link to another site.  Caller frees
 * both; either may be NULL.
 */
static void
teaser_details(struct hx *hx, xmlNodePtr card, const char *title,
    const char *url, char **summary, char **source)
{
	xmlNodePtr n;
	const char *cls;
	char	*t, *ph, *lh;
	int	 seen = 0, skip;

	*summary = *source = NULL;
	for (n = card; n != NULL && seen < CARD_NODES && (*summary == NULL ||
	    *source == NULL); n = next_in(n, card, skip), seen++) {
		skip = 0;
		if (n->type != XML_ELEMENT_NODE || n->_private == NULL)
			continue;
		if (*source == NULL && (cls = hx_attr(n, "class")) != NULL &&
		    (ascii_casestr(cls, strlen(cls), "source") ||
		    ascii_casestr(cls, strlen(cls), "publisher") ||
		    ascii_casestr(cls, strlen(cls), "provider")) &&
		    (t = extract_html_node_text(n, ARTICLE_FIELD_MAX_BYTES)) !=
		    NULL) {
			if (*t != '\0' && strlen(t) <= 60 && strcmp(t, title) != 0)
				*source = t;
			else
				free(t);
		}
		if (n != card && not_summary(n)) {
			skip = 1;
			continue;
		}
		if (*summary != NULL || n == card)
			continue;
		if ((t = extract_html_node_text(n, ARTICLE_FIELD_MAX_BYTES)) ==
		    NULL)
			continue;
		if (strlen(t) >= 40 && strchr(t, ' ') != NULL &&
		    strstr(t, title) == NULL) {
			*summary = t;
			skip = 1;
		} else
			free(t);
	}
	if (*source == NULL && hx->base != NULL &&
	    (lh = url_host(url)) != NULL) {
		if ((ph = url_host(hx->base)) != NULL &&
		    strcmp(host_name(ph), host_name(lh)) != 0 &&
		    (*source = strdup(host_name(lh))) == NULL)
			hx->nomem = 1;
		free(ph);
		free(lh);
	}
}

/* Headline links of a box become related entries, with what their
 * cards say of them. */
static void
harvest_links(struct hx *hx, xmlNodePtr box, struct article *a)
{
	xmlNodePtr n = box;
	size_t	 i;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && n->_private != NULL &&
		    hn(n)->tag == T_A && a->nrelated < HTML_RELATED_MAX) {
			const char *href = hx_attr(n, "href");
			char	*u, *t;
			int	 dup = 0;

			if (href != NULL && href[0] != '#' &&
			    (u = url_resolve(hx->base, href)) != NULL) {
				t = extract_html_node_text(n, ARTICLE_FIELD_MAX_BYTES);
				/* A headline: some words, not "More". */
				if (t != NULL && strlen(t) >= 25 &&
				    strchr(t, ' ') != NULL) {
					for (i = 0; i < a->nrelated; i++)
						if (a->related[i].url != NULL &&
						    strcmp(a->related[i].url,
						    u) == 0)
							dup = 1;
					if (a->url != NULL &&
					    strcmp(a->url, u) == 0)
						dup = 1;
					if (!dup) {
						char	*sum, *src;

						teaser_details(hx, teaser_card(n,
						    box, href), t, u, &sum, &src);
						if (article_add_related(a, t, u,
						    sum, src) == -1)
							hx->nomem = 1;
						free(sum);
						free(src);
					}
				}
				free(t);
				free(u);
			}
		} else if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != box && n->next == NULL)
			n = n->parent;
		if (n == box)
			break;
		n = n->next;
	}
}

static int
harvest_cut_enter(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h;

	if (n->type != XML_ELEMENT_NODE || n->_private == NULL)
		return 0;
	h = hn(n);
	if (h->flags & (F_DROP | F_STRIP))
		return 0;
	if (h->flags & F_CUT) {
		if (hx_link_density(h) > 0.5 || (h->flags & F_RELCLS))
			harvest_links(hx, n, hx->em_article);
		return 0;
	}
	return 1;
}

void
hx_harvest_cut(struct hx *hx, xmlNodePtr root, struct article *a)
{
	hx->em_article = a;
	hx_walk(hx, root, harvest_cut_enter, NULL);
}

/* Teaser boxes: related-looking boxes anywhere in the body, and
 * link-heavy boxes cut out of the story. */
int
hx_harvest_enter(struct hx *hx, xmlNodePtr n)
{
	struct hnode *h;

	if (n->type != XML_ELEMENT_NODE || n->_private == NULL)
		return 0;
	h = hn(n);
	if ((h->props & P_DROP) || (h->flags & F_HIDDEN))
		return 0;
	if ((h->flags & F_RELCLS) && h->tag != T_BODY && h->tag != T_A) {
		harvest_links(hx, n, hx->em_article);
		return 0;
	}
	return 1;
}
