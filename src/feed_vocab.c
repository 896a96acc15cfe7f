/*
 * feed_vocab: the names, namespaces and field priorities of RSS, RDF and
 * Atom.  See feed_vocab.h; feed.c's head comment gives the field rules.
 */
#include <stdlib.h>
#include <string.h>

#include "feed_vocab.h"
#include "str.h"

static int	 namecmp(const void *, const void *);

const signed char vocab_field[TAG_LAST] = {
	[TAG_NONE] = -1,
	[TAG_RSS_DCDATE] = F_TIME,
	[TAG_RSS_PUBDATE] = F_TIME,
	[TAG_RSS_TITLE] = F_TITLE,
	[TAG_RSS_MEDIADESC] = F_CONTENT,
	[TAG_RSS_DESCRIPTION] = F_CONTENT,
	[TAG_RSS_CONTENT] = F_CONTENT,
	[TAG_RSS_GUID_ID] = F_ID,
	[TAG_RSS_GUID_LINK] = F_ID,
	[TAG_RSS_LINK] = F_LINK,
	[TAG_RSS_ENCLOSURE] = F_ENCLOSURE,
	[TAG_RSS_AUTHOR] = F_AUTHOR,
	[TAG_RSS_DCCREATOR] = F_AUTHOR,
	[TAG_RSS_CATEGORY] = F_CATEGORY,
	[TAG_ATOM_MODIFIED] = F_TIME,
	[TAG_ATOM_UPDATED] = F_TIME,
	[TAG_ATOM_ISSUED] = F_TIME,
	[TAG_ATOM_PUBLISHED] = F_TIME,
	[TAG_ATOM_TITLE] = F_TITLE,
	[TAG_ATOM_MEDIADESC] = F_CONTENT,
	[TAG_ATOM_SUMMARY] = F_CONTENT,
	[TAG_ATOM_CONTENT] = F_CONTENT,
	[TAG_ATOM_ID] = F_ID,
	[TAG_ATOM_LINK_OTHER] = -1,
	[TAG_ATOM_LINK_ALT] = F_LINK,
	[TAG_ATOM_LINK_ENC] = F_ENCLOSURE,
	[TAG_ATOM_AUTHOR] = -1,
	[TAG_ATOM_NAME] = F_AUTHOR,
	[TAG_ATOM_CATEGORY] = F_CATEGORY,
	[TAG_ATOM_SOURCE] = -1
};

/* Which vocabulary an element belongs to, from its namespace. */
enum nsgroup {
	NS_CORE = 0,	/* RSS, RDF-RSS, or no namespace */
	NS_ATOM,
	NS_DC,
	NS_CONTENT,
	NS_MEDIA,
	NS_OTHER,
	NS_COUNT
};

struct nsname {
	const char	*s;
	enum nsgroup	 group;
};

/* Namespaces by URI; an unprefixed element in any other namespace counts
 * as core (feeds with a stray default namespace), a prefixed one not. */
static const struct nsname nsuris[] = {
	{ "http://purl.org/rss/1.0/", NS_CORE },
	{ "http://my.netscape.com/rdf/simple/0.9/", NS_CORE },
	{ "http://backend.userland.com/rss2", NS_CORE },
	{ "http://blogs.law.harvard.edu/tech/rss", NS_CORE },
	{ "http://www.w3.org/2005/Atom", NS_ATOM },
	{ "http://purl.org/atom/ns#", NS_ATOM },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", NS_CORE },
	{ "http://purl.org/dc/elements/1.1/", NS_DC },
	{ "http://purl.org/rss/1.0/modules/content/", NS_CONTENT },
	{ "http://search.yahoo.com/mrss/", NS_MEDIA },
	{ "http://search.yahoo.com/mrss", NS_MEDIA },
	{ "http://www.w3.org/1999/xhtml", NS_OTHER },
};

/* Prefixes used without a declaration or with an unknown URI: matched by
 * the prefix itself. */
static const struct nsname nsprefixes[] = {
	{ "content", NS_CONTENT },
	{ "dc", NS_DC },
	{ "media", NS_MEDIA },
};

struct namemap {
	const char	*s;
	enum name	 name;
};

/* Sorted for bsearch(), compared ignoring ASCII case. */
static const struct namemap corenames[] = {
	{ "author", N_AUTHOR },
	{ "category", N_CATEGORY },
	{ "channel", N_CHANNEL },
	{ "content", N_CONTENT },
	{ "description", N_DESCRIPTION },
	{ "enclosure", N_ENCLOSURE },
	{ "entry", N_ENTRY },
	{ "feed", N_FEED },
	{ "guid", N_GUID },
	{ "id", N_ID },
	{ "issued", N_ISSUED },
	{ "item", N_ITEM },
	{ "link", N_LINK },
	{ "modified", N_MODIFIED },
	{ "name", N_NAME },
	{ "pubdate", N_PUBDATE },
	{ "published", N_PUBLISHED },
	{ "rdf", N_RDF },
	{ "rss", N_RSS },
	{ "source", N_SOURCE },
	{ "subtitle", N_SUBTITLE },
	{ "summary", N_SUMMARY },
	{ "tagline", N_TAGLINE },
	{ "title", N_TITLE },
	{ "updated", N_UPDATED },
};

static int
namecmp(const void *key, const void *elem)
{
	return ascii_casecmp(key, ((const struct namemap *)elem)->s);
}

enum name
vocab_name(const xmlChar *local, const xmlChar *prefix, const xmlChar *uri)
{
	const struct namemap *m;
	enum nsgroup g = NS_OTHER;
	const char *l = (const char *)local;
	size_t	 i;

	if (uri == NULL) {
		if (prefix == NULL)
			g = NS_CORE;
		for (i = 0; prefix != NULL && i < sizeof nsprefixes /
		    sizeof nsprefixes[0]; i++)
			if (ascii_casecmp((const char *)prefix,
			    nsprefixes[i].s) == 0)
				g = nsprefixes[i].group;
	} else {
		g = NS_COUNT;
		for (i = 0; i < sizeof nsuris / sizeof nsuris[0]; i++)
			if (strcmp((const char *)uri, nsuris[i].s) == 0) {
				g = nsuris[i].group;
				break;
			}
		/* an unknown URI: feeds misspell the well-known ones
		 * ("http://purl.org/dc/elements/1.1"), so the usual
		 * prefix decides */
		for (i = 0; g == NS_COUNT && prefix != NULL && i <
		    sizeof nsprefixes / sizeof nsprefixes[0]; i++)
			if (ascii_casecmp((const char *)prefix,
			    nsprefixes[i].s) == 0)
				g = nsprefixes[i].group;
		if (g == NS_COUNT)
			g = prefix == NULL ? NS_CORE : NS_OTHER;
	}
	switch (g) {
	case NS_CORE:
	case NS_ATOM:
		m = bsearch(l, corenames, sizeof corenames /
		    sizeof corenames[0], sizeof corenames[0], namecmp);
		if (m == NULL)
			return N_OTHER;
		/* sfeed reads <atom:link> in an RSS item as no field */
		return g == NS_ATOM ? m->name | N_ATOM : m->name;
	case NS_DC:
		if (ascii_casecmp(l, "creator") == 0)
			return N_DC_CREATOR;
		if (ascii_casecmp(l, "date") == 0)
			return N_DC_DATE;
		return N_OTHER;
	case NS_CONTENT:
		return ascii_casecmp(l, "encoded") == 0 ? N_CONTENT_ENCODED :
		    N_OTHER;
	case NS_MEDIA:
		return ascii_casecmp(l, "description") == 0 ?
		    N_MEDIA_DESCRIPTION : N_OTHER;
	default:
		return N_OTHER;
	}
}

/* SAX2 attributes come in fives: local, prefix, URI, value, end. */
const xmlChar **
vocab_attr(const xmlChar **attrs, int nattr, const char *local)
{
	int	 i;

	for (i = 0; i < nattr; i++, attrs += 5)
		if (attrs[1] == NULL &&
		    ascii_casecmp((const char *)attrs[0], local) == 0)
			return attrs;
	return NULL;
}

/* Is the attribute's value s, ASCII case ignored? */
int
vocab_attr_is(const xmlChar **a, const char *s)
{
	size_t	 n = (size_t)(a[4] - a[3]);

	return n == strlen(s) && ascii_ncasecmp((const char *)a[3], s, n) == 0;
}

enum tag
vocab_tag(enum kind kind, enum name name, int nattr, const xmlChar **attrs)
{
	const xmlChar **a;

	if (kind == K_RSS) {
		switch ((int)name) {
		case N_DC_DATE:
			return TAG_RSS_DCDATE;
		case N_PUBDATE:
			return TAG_RSS_PUBDATE;
		case N_TITLE:
			return TAG_RSS_TITLE;
		case N_MEDIA_DESCRIPTION:
			return TAG_RSS_MEDIADESC;
		case N_DESCRIPTION:
			return TAG_RSS_DESCRIPTION;
		case N_CONTENT_ENCODED:
			return TAG_RSS_CONTENT;
		case N_GUID:
			/* RSS 2.0: isPermaLink defaults to true */
			a = vocab_attr(attrs, nattr, "ispermalink");
			return a == NULL || a[3] == a[4] ||
			    vocab_attr_is(a, "true") ? TAG_RSS_GUID_LINK :
			    TAG_RSS_GUID_ID;
		case N_LINK:
			return TAG_RSS_LINK;
		case N_ENCLOSURE:
			return TAG_RSS_ENCLOSURE;
		case N_AUTHOR:
			return TAG_RSS_AUTHOR;
		case N_DC_CREATOR:
			return TAG_RSS_DCCREATOR;
		case N_CATEGORY:
			return TAG_RSS_CATEGORY;
		default:
			return TAG_NONE;
		}
	}
	switch (name & ~N_ATOM) {
	case N_MODIFIED:
		return TAG_ATOM_MODIFIED;
	case N_UPDATED:
		return TAG_ATOM_UPDATED;
	case N_ISSUED:
		return TAG_ATOM_ISSUED;
	case N_PUBLISHED:
		return TAG_ATOM_PUBLISHED;
	case N_TITLE:
		return TAG_ATOM_TITLE;
	case N_MEDIA_DESCRIPTION:
		return TAG_ATOM_MEDIADESC;
	case N_SUMMARY:
		return TAG_ATOM_SUMMARY;
	case N_CONTENT:
		return TAG_ATOM_CONTENT;
	case N_ID:
		return TAG_ATOM_ID;
	case N_LINK:
		/* RFC 4287 4.2.7.2: no rel means "alternate" */
		a = vocab_attr(attrs, nattr, "rel");
		if (a == NULL || a[3] == a[4] || vocab_attr_is(a, "alternate"))
			return TAG_ATOM_LINK_ALT;
		if (vocab_attr_is(a, "enclosure"))
			return TAG_ATOM_LINK_ENC;
		return TAG_ATOM_LINK_OTHER;
	case N_AUTHOR:
		return TAG_ATOM_AUTHOR;
	case N_CATEGORY:
		return TAG_ATOM_CATEGORY;
	case N_SOURCE:
		return TAG_ATOM_SOURCE;
	default:
		return TAG_NONE;
	}
}
