/*
 * feed_vocab: the vocabulary of RSS, RDF and Atom as feed.c's SAX parser
 * sees it, internal to the feed module.  An element's name and namespace
 * become an enum name (vocab_name()); in an entry of a given kind, a
 * name and its attributes become an enum tag (vocab_tag()), and
 * vocab_field[] maps a tag to the entry field it fills.  Tables only:
 * nothing here keeps state or allocates.
 */
#ifndef BYLINE_FEED_VOCAB_H
#define BYLINE_FEED_VOCAB_H

#include <libxml/xmlstring.h>

/* Entry fields, in sfeed's column order (content type aside). */
enum field {
	F_TIME = 0,
	F_TITLE,
	F_LINK,
	F_CONTENT,
	F_ID,
	F_AUTHOR,
	F_ENCLOSURE,
	F_CATEGORY,
	F_COUNT
};

/*
 * The elements of an entry.  The order is the priority: for one field a
 * later tag replaces an earlier one (pubDate beats dc:date, content:encoded
 * beats description, <link> beats a permalink <guid>, dc:creator beats
 * <author>, Atom <published> beats <updated>).
 */
enum tag {
	TAG_NONE = 0,
	TAG_RSS_DCDATE,
	TAG_RSS_PUBDATE,
	TAG_RSS_TITLE,
	TAG_RSS_MEDIADESC,
	TAG_RSS_DESCRIPTION,
	TAG_RSS_CONTENT,
	TAG_RSS_GUID_ID,	/* isPermaLink="false": an id only */
	TAG_RSS_GUID_LINK,	/* also the link when there is no <link> */
	TAG_RSS_LINK,
	TAG_RSS_ENCLOSURE,
	TAG_RSS_AUTHOR,
	TAG_RSS_DCCREATOR,
	TAG_RSS_CATEGORY,
	TAG_ATOM_MODIFIED,	/* Atom 0.3 */
	TAG_ATOM_UPDATED,
	TAG_ATOM_ISSUED,	/* Atom 0.3 */
	TAG_ATOM_PUBLISHED,
	TAG_ATOM_TITLE,
	TAG_ATOM_MEDIADESC,
	TAG_ATOM_SUMMARY,
	TAG_ATOM_CONTENT,
	TAG_ATOM_ID,
	TAG_ATOM_LINK_OTHER,	/* rel="self", "related", ...: ignored */
	TAG_ATOM_LINK_ALT,
	TAG_ATOM_LINK_ENC,
	TAG_ATOM_AUTHOR,	/* waits for its <name> */
	TAG_ATOM_NAME,
	TAG_ATOM_CATEGORY,
	TAG_ATOM_SOURCE,	/* skipped whole (RFC 4287 4.2.11) */
	TAG_LAST
};

/* Element names that matter, whatever the format. */
enum name {
	N_OTHER = 0,
	N_AUTHOR,
	N_CATEGORY,
	N_CHANNEL,
	N_CONTENT,
	N_CONTENT_ENCODED,
	N_DC_CREATOR,
	N_DC_DATE,
	N_DESCRIPTION,
	N_ENCLOSURE,
	N_ENTRY,
	N_FEED,
	N_GUID,
	N_ID,
	N_ISSUED,
	N_ITEM,
	N_LINK,
	N_MEDIA_DESCRIPTION,
	N_MODIFIED,
	N_NAME,
	N_PUBDATE,
	N_PUBLISHED,
	N_RDF,
	N_RSS,
	N_SOURCE,
	N_SUBTITLE,
	N_SUMMARY,
	N_TAGLINE,
	N_TITLE,
	N_UPDATED,
	N_ATOM = 0x100		/* flag: in an Atom namespace */
};

enum kind {
	K_NONE = 0,
	K_RSS,
	K_ATOM
};

/* The field a tag fills (enum field), or -1 for none. */
extern const signed char vocab_field[TAG_LAST];

/* The name of an element from its SAX2 local name, prefix and namespace
 * URI (either may be NULL); N_OTHER for one that does not matter. */
enum name	 vocab_name(const xmlChar *local, const xmlChar *prefix,
		    const xmlChar *uri);

/* The tag of an element named name inside an entry of kind, given its
 * SAX2 attributes (nattr of them, in fives); TAG_NONE when it feeds no
 * field. */
enum tag	 vocab_tag(enum kind kind, enum name name, int nattr,
		    const xmlChar **attrs);

/* The unprefixed attribute called local (ASCII case ignored) among nattr
 * SAX2 attributes, or NULL. */
const xmlChar	**vocab_attr(const xmlChar **attrs, int nattr,
		    const char *local);

/* 1 when attribute a's value is s, ASCII case ignored; else 0. */
int		 vocab_attr_is(const xmlChar **a, const char *s);

#endif
