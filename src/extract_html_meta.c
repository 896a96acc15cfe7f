/*
 * extract_html_meta: an HTML page's metadata (title, byline, date,
 * site, language, description, canonical URL) from, in order of
 * preference, JSON-LD (schema.org Article types), <meta> names and
 * properties (Dublin Core, Open Graph, Weibo, Twitter, Parse.ly's
 * parsely-title, -author and -pub-date), and the document itself
 * (<title> without the site's name, <html lang>, <time datetime>).  See extract_html_int.h.
 */
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>

#include "extract.h"
#include "extract_html_int.h"

/* Meta keys we read, lower case with '.' as ':' and no spaces. */
enum mkey {
	MK_DC_TITLE, MK_DCTERM_TITLE, MK_OG_TITLE, MK_WEIBO_A_TITLE,
	MK_WEIBO_W_TITLE, MK_TITLE, MK_TWITTER_TITLE, MK_PARSELY_TITLE,
	MK_DC_CREATOR, MK_DCTERM_CREATOR, MK_AUTHOR, MK_PARSELY_AUTHOR,
	MK_DC_DESC, MK_DCTERM_DESC, MK_OG_DESC, MK_WEIBO_A_DESC,
	MK_WEIBO_W_DESC, MK_DESC, MK_TWITTER_DESC,
	MK_OG_SITE, MK_PUBLISHED, MK_PARSELY_DATE,
	MK_ITEMPROP_DATE, MK_DC_DATE, MK_DATE, MK_PUBDATE,
	MK_OG_URL, MK_CONTENT_LANG, MK_ITEMPROP_AUTHOR,
	MK_N
};

static const char *const mkey_names[MK_N] = {
	"dc:title", "dcterm:title", "og:title", "weibo:article:title",
	"weibo:webpage:title", "title", "twitter:title", "parsely-title",
	"dc:creator", "dcterm:creator", "author", "parsely-author",
	"dc:description", "dcterm:description", "og:description",
	"weibo:article:description", "weibo:webpage:description",
	"description", "twitter:description",
	"og:site_name", "article:published_time", "parsely-pub-date",
	"datepublished", "dc:date", "date", "pubdate",
	"og:url", "content-language", "itemprop-author"
};

struct mstate {
	const char	*val[MK_N];	/* borrowed from the tree */
	const char	*canonical;
	const char	*base_href;
	const char	*lang;
	const char	*time_dt;	/* first <time datetime> */
	xmlNodePtr	 title;
	xmlNodePtr	 ldjson[8];
	size_t		 nldjson;
};

static const char *
mattr(xmlNodePtr n, const char *name)
{
	xmlAttrPtr a;

	for (a = n->properties; a != NULL; a = a->next)
		if (ascii_casecmp((const char *)a->name, name) == 0)
			return a->children != NULL &&
			    a->children->content != NULL ?
			    (const char *)a->children->content : "";
	return NULL;
}

/*
 * Records a meta name or property under its normalised key.  A name or
 * property may list several keys ("dc:creator
 * twitter:site_name", as RDFa allows): each is one, with blanks around
 * a colon ("og: title") taken as a slip.
 */
static void
meta_key(struct mstate *m, const char *name, const char *content)
{
	char	 k[64];
	size_t	 i = 0, j, t;
	int	 over;

	while (name[i] != '\0') {
		/* One key: up to a blank that has no colon beside it. */
		for (j = 0, over = 0; name[i] != '\0'; i++) {
			unsigned char c = (unsigned char)name[i];

			if (ascii_isspace(c)) {
				for (t = i; ascii_isspace((unsigned char)name[t]);
				    t++)
					;
				if (name[t] != ':' && (j == 0 || k[j - 1] != ':'))
					break;
				i = t - 1;
				continue;
			}
			if (j + 1 < sizeof k)
				k[j++] = c == '.' ? ':' : (char)ascii_tolower(c);
			else
				over = 1;
		}
		k[j] = '\0';
		while (ascii_isspace((unsigned char)name[i]))
			i++;
		/* A key too long for any of ours is none of them. */
		if (over || j == 0)
			continue;
		for (t = 0; t < MK_N; t++)
			if (strcmp(k, mkey_names[t]) == 0) {
				if (*content != '\0')
					m->val[t] = content;
				break;
			}
	}
}

static int
is_name(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    strcmp((const char *)n->name, name) == 0;
}

/* One walk over the document collecting the sources. */
static void
collect(xmlNodePtr root, struct mstate *m)
{
	xmlNodePtr n = root;
	const char *v, *c;

	if ((v = mattr(root, "lang")) != NULL && *v != '\0')
		m->lang = v;
	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE) {
			if (is_name(n, "meta")) {
				c = mattr(n, "content");
				if (c != NULL) {
					if ((v = mattr(n, "name")) != NULL)
						meta_key(m, v, c);
					if ((v = mattr(n, "property")) != NULL)
						meta_key(m, v, c);
					if ((v = mattr(n, "http-equiv")) != NULL)
						meta_key(m, v, c);
					if ((v = mattr(n, "itemprop")) != NULL)
						meta_key(m, v, c);
				}
			} else if (is_name(n, "title") && m->title == NULL)
				m->title = n;
			else if (is_name(n, "link") &&
			    (v = mattr(n, "rel")) != NULL &&
			    ascii_casecmp(v, "canonical") == 0 &&
			    m->canonical == NULL)
				m->canonical = mattr(n, "href");
			else if (is_name(n, "base") && m->base_href == NULL)
				m->base_href = mattr(n, "href");
			else if (is_name(n, "script") &&
			    (v = mattr(n, "type")) != NULL &&
			    ascii_casecmp(v, "application/ld+json") == 0 &&
			    m->nldjson < sizeof m->ldjson / sizeof m->ldjson[0])
				m->ldjson[m->nldjson++] = n;
			else if (is_name(n, "time") && m->time_dt == NULL &&
			    (v = mattr(n, "datetime")) != NULL && *v != '\0')
				m->time_dt = v;
			if ((v = mattr(n, "itemprop")) != NULL &&
			    ascii_casecmp(v, "datePublished") == 0 &&
			    ((c = mattr(n, "datetime")) != NULL ||
			    (c = mattr(n, "content")) != NULL))
				meta_key(m, "datepublished", c);
		}
		if (n->type == XML_ELEMENT_NODE && n->children != NULL &&
		    !is_name(n, "script") && !is_name(n, "style")) {
			n = n->children;
			continue;
		}
		while (n != root && n->next == NULL)
			n = n->parent;
		if (n == root)
			break;
		n = n->next;
	}
}

char *
extract_html_node_text(xmlNodePtr top, size_t max)
{
	struct buf b;
	xmlNodePtr n = top->children;
	size_t	 i;
	int	 sp = 0;

	buf_init(&b, max);
	while (n != NULL && n != top) {
		if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content != NULL) {
			const char *s = (const char *)n->content;

			for (i = 0; s[i] != '\0'; i++) {
				unsigned char c = (unsigned char)s[i];

				if (ascii_isspace(c) || (c == 0xc2 &&
				    (unsigned char)s[i + 1] == 0xa0)) {
					if (c == 0xc2)
						i++;
					sp = 1;
					continue;
				}
				if (sp && b.len > 0 && buf_putc(&b, ' ') != BUF_OK)
					goto done;
				sp = 0;
				if (buf_putc(&b, (char)c) != BUF_OK)
					goto done;
			}
		}
		/* A line break parts words ("Ann Writer<br>City Desk"). */
		if (is_name(n, "br"))
			sp = 1;
		if (n->type == XML_ELEMENT_NODE && n->children != NULL &&
		    !is_name(n, "script") && !is_name(n, "style")) {
			n = n->children;
			continue;
		}
		while (n != top && n->next == NULL)
			n = n->parent;
		if (n == top)
			break;
		n = n->next;
	}
done:
	/* A cut may split a character: back to its start. */
	while (b.len > 0 && b.len == b.max &&
	    ((unsigned char)b.data[b.len - 1] & 0xc0) == 0x80)
		buf_setlen(&b, b.len - 1);
	return buf_take(&b);
}

/* ---- JSON-LD ---- */

static const char *const article_types[] = {
	"Article", "AdvertiserContentArticle", "NewsArticle",
	"AnalysisNewsArticle", "AskPublicNewsArticle",
	"BackgroundNewsArticle", "BlogPosting", "DiscussionForumPosting",
	"LiveBlogPosting", "OpinionNewsArticle", "ReportageNewsArticle",
	"ReviewNewsArticle", "Report", "SatiricalArticle",
	"ScholarlyArticle", "MedicalScholarlyArticle", "SocialMediaPosting",
	"TechArticle", "WebPage", NULL
};

static const char *
jget(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (o == NULL || !json_object_is_type(o, json_type_object) ||
	    !json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	return json_object_get_string(v);
}

static int
is_article(struct json_object *o)
{
	const char *t = jget(o, "@type");
	size_t	 i;

	if (t == NULL)
		return 0;
	/* WebPage is a page, not an article: accepted last, see below. */
	for (i = 0; article_types[i] != NULL; i++)
		if (strcmp(t, article_types[i]) == 0)
			return strcmp(t, "WebPage") != 0;
	return 0;
}

static int
schema_context(struct json_object *o)
{
	const char *c = jget(o, "@context");
	struct json_object *v;
	size_t	 l;

	if (c == NULL && json_object_object_get_ex(o, "@context", &v))
		c = jget(v, "@vocab");
	if (c == NULL)
		return 0;
	l = strlen(c);
	if (l > 0 && c[l - 1] == '/')
		l--;
	return (l == 18 && ascii_ncasecmp(c, "http://schema.org", 17) == 0) ||
	    (l == 17 && ascii_ncasecmp(c, "http://schema.org", 17) == 0) ||
	    (l == 18 && ascii_ncasecmp(c, "https://schema.org", 18) == 0);
}

/* ASCII word tokens, lower case, as a space-joined string. */
static char *
tokens(const char *s, size_t *ntok)
{
	struct buf b;
	size_t	 i;
	int	 in = 0;

	*ntok = 0;
	buf_init(&b, strlen(s) + 1);
	for (i = 0; s[i] != '\0'; i++) {
		unsigned char c = (unsigned char)s[i];
		int w = ascii_isalpha(c) || ascii_isdigit(c) || c == '_';

		if (w) {
			if (!in && b.len > 0 && buf_putc(&b, ' ') != BUF_OK)
				break;
			if (!in)
				(*ntok)++;
			if (buf_putc(&b, (char)ascii_tolower(c)) != BUF_OK)
				break;
		}
		in = w;
	}
	return buf_take(&b);
}

static int
has_token(const char *list, const char *t, size_t tl)
{
	const char *p = list;

	while (*p != '\0') {
		const char *e = strchr(p, ' ');
		size_t	 l = e != NULL ? (size_t)(e - p) : strlen(p);

		if (l == tl && memcmp(p, t, l) == 0)
			return 1;
		p += l;
		if (*p == ' ')
			p++;
	}
	return 0;
}

/* How much of b's words are in a: 1 - share of b's text not in a. */
static double
similarity(const char *a, const char *b)
{
	size_t	 na, nb, uniq = 0, first = 1;
	char	*ta = tokens(a, &na), *tb = tokens(b, &nb);
	const char *p;
	double	 r = 0;

	if (ta == NULL || tb == NULL || nb == 0 || na == 0)
		goto out;
	for (p = tb; *p != '\0';) {
		const char *e = strchr(p, ' ');
		size_t	 l = e != NULL ? (size_t)(e - p) : strlen(p);

		if (!has_token(ta, p, l)) {
			uniq += l + (first ? 0 : 1);
			first = 0;
		}
		p += l;
		if (*p == ' ')
			p++;
	}
	r = 1 - (double)uniq / (double)strlen(tb);
out:
	free(ta);
	free(tb);
	return r;
}

static char *
xdup(const char *s)
{
	return s != NULL ? xstrndup(s, strlen(s)) : NULL;
}

/* Author names: a string, an object with a name, or an array of them. */
static char *
author_names(struct json_object *au)
{
	struct buf b;
	size_t	 i, n;
	const char *s;

	if (au == NULL)
		return NULL;
	if (json_object_is_type(au, json_type_object))
		return xdup(jget(au, "name"));
	if (!json_object_is_type(au, json_type_array))
		return NULL;
	buf_init(&b, ARTICLE_FIELD_MAX_BYTES);
	n = json_object_array_length(au);
	for (i = 0; i < n; i++) {
		s = jget(json_object_array_get_idx(au, i), "name");
		if (s == NULL)
			continue;
		while (ascii_isspace((unsigned char)*s))
			s++;
		if ((b.len > 0 && buf_puts(&b, ", ") != BUF_OK) ||
		    buf_puts(&b, s) != BUF_OK)
			break;
	}
	if (b.len == 0) {
		buf_release(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Fills what one JSON-LD article object gives; 1 when it was one. */
static int
ld_article(struct json_object *o, struct html_meta *m, const char *title)
{
	const char *name, *head, *s;
	struct json_object *v;

	if (!is_article(o))
		return 0;
	name = jget(o, "name");
	head = jget(o, "headline");
	if (name != NULL && head != NULL && strcmp(name, head) != 0 &&
	    title != NULL) {
		int nm = similarity(name, title) > 0.75;
		int hm = similarity(head, title) > 0.75;

		m->title = xdup(hm && !nm ? head : name);
	} else if (name != NULL)
		m->title = xdup(name);
	else if (head != NULL)
		m->title = xdup(head);
	if (json_object_object_get_ex(o, "author", &v))
		m->byline = author_names(v);
	if ((s = jget(o, "description")) != NULL)
		m->excerpt = xdup(s);
	if (json_object_object_get_ex(o, "publisher", &v) &&
	    (s = jget(v, "name")) != NULL)
		m->site = xdup(s);
	if ((s = jget(o, "datePublished")) != NULL &&
	    date_parse(s, strnlen(s, DATE_MAX_BYTES), &m->date) == 0)
		m->have_date = 1;
	if ((s = jget(o, "articleBody")) != NULL)
		m->article_body = xdup(s);
	return 1;
}

static void
jsonld(struct mstate *ms, struct html_meta *m, const char *title)
{
	size_t	 i, j, n;
	struct json_object *o, *g, *it;
	char	*text;
	const char *s;

	for (i = 0; i < ms->nldjson; i++) {
		if ((text = extract_html_node_text(ms->ldjson[i],
		    ARTICLE_FIELD_MAX_BYTES)) == NULL)
			continue;
		s = text;
		while (ascii_isspace((unsigned char)*s))
			s++;
		if (strncmp(s, "<![CDATA[", 9) == 0)
			s += 9;
		o = json_tokener_parse(s);
		free(text);
		if (o == NULL)
			continue;
		it = o;
		if (json_object_is_type(o, json_type_array)) {
			n = json_object_array_length(o);
			it = NULL;
			for (j = 0; j < n && it == NULL; j++)
				if (is_article(json_object_array_get_idx(o, j)))
					it = json_object_array_get_idx(o, j);
		}
		if (it != NULL && !schema_context(it))
			it = NULL;
		if (it != NULL && jget(it, "@type") == NULL &&
		    json_object_object_get_ex(it, "@graph", &g) &&
		    json_object_is_type(g, json_type_array)) {
			n = json_object_array_length(g);
			it = NULL;
			for (j = 0; j < n && it == NULL; j++)
				if (is_article(json_object_array_get_idx(g, j)))
					it = json_object_array_get_idx(g, j);
		}
		if (it != NULL && ld_article(it, m, title)) {
			json_object_put(o);
			return;
		}
		json_object_put(o);
	}
}

/* ---- the title ---- */

/* Separators between a story's title and its site's name. */
static size_t
sep_len(const char *s)
{
	static const char *const seps[] = {
		"|", "-", "\xe2\x80\x93", "\xe2\x80\x94", "\\", "/", ">",
		"\xc2\xbb", NULL
	};
	size_t	 i, l;

	for (i = 0; seps[i] != NULL; i++) {
		l = strlen(seps[i]);
		if (strncmp(s, seps[i], l) == 0)
			return l;
	}
	return 0;
}

static int
hier_sep(const char *s)
{
	return *s == '\\' || *s == '/' || *s == '>' ||
	    strncmp(s, "\xc2\xbb", 2) == 0;
}

static size_t
word_count(const char *s)
{
	size_t	 n = str_words(s);

	/* JavaScript's split(/\s+/) counts an empty string as one. */
	return n > 0 ? n : 1;
}

static size_t
char_count(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/* Text of all h1 (or h1 and h2) elements, for the title checks. */
static size_t
headings(htmlDocPtr doc, int h2, char **out, size_t max)
{
	xmlNodePtr root = xmlDocGetRootElement(doc), n = root;
	size_t	 k = 0;

	while (n != NULL) {
		if (n->type == XML_ELEMENT_NODE && (is_name(n, "h1") ||
		    (h2 && is_name(n, "h2")))) {
			if (k < max)
				out[k] = extract_html_node_text(n,
				    HTML_NODE_TEXT_MAX_BYTES);
			k++;
		} else if (n->type == XML_ELEMENT_NODE && n->children != NULL &&
		    !is_name(n, "script") && !is_name(n, "style") &&
		    !is_name(n, "head")) {
			n = n->children;
			continue;
		}
		while (n != root && n->next == NULL)
			n = n->parent;
		if (n == root)
			break;
		n = n->next;
	}
	return k;
}

#define HEADINGS_MAX	64

char *
extract_html_clean_title(const char *orig, htmlDocPtr doc)
{
	char	*cur, *h[HEADINGS_MAX], *tmp;
	const char *p, *last = NULL, *first = NULL;
	size_t	 i, nh, len, l, wc;
	int	 hier = 0;

	if (orig == NULL || *orig == '\0')
		return NULL;
	len = strlen(orig);
	/* Find " X " separators. */
	for (p = orig; *p != '\0'; p++) {
		if (*p == ' ' && (l = sep_len(p + 1)) > 0 && p[1 + l] == ' ') {
			hier = hier || hier_sep(p + 1);
			if (first == NULL)
				first = p;
		}
	}
	cur = NULL;
	if (first != NULL) {
		/* Cut at the last separator followed by a space. */
		for (p = orig; *p != '\0'; p++)
			if ((l = sep_len(p)) > 0 && p[l] == ' ')
				last = p;
		cur = xstrndup(orig, (size_t)(last - orig));
		if (cur != NULL && word_count(cur) < 3) {
			free(cur);
			for (p = orig; *p != '\0' && sep_len(p) == 0; p++)
				;
			l = *p != '\0' ? sep_len(p) : 0;
			cur = xdup(p + l);
		}
	} else if (strstr(orig, ": ") != NULL) {
		int match = 0;

		nh = headings(doc, 1, h, HEADINGS_MAX);
		for (i = 0; i < nh && i < HEADINGS_MAX; i++) {
			if (h[i] != NULL && strcmp(h[i], orig) == 0)
				match = 1;
			free(h[i]);
		}
		if (match)
			cur = xdup(orig);
		else {
			p = strrchr(orig, ':');
			cur = xdup(p + 1);
			if (cur != NULL && word_count(cur) < 3) {
				free(cur);
				cur = xdup(strchr(orig, ':') + 1);
			} else if (cur != NULL) {
				tmp = xstrndup(orig, (size_t)(strchr(orig,
				    ':') - orig));
				if (tmp != NULL && word_count(tmp) > 5) {
					free(cur);
					cur = xdup(orig);
				}
				free(tmp);
			}
		}
	} else if (char_count(orig) > 150 || char_count(orig) < 15) {
		nh = headings(doc, 0, h, HEADINGS_MAX);
		if (nh == 1 && h[0] != NULL)
			cur = xdup(h[0]);
		for (i = 0; i < nh && i < HEADINGS_MAX; i++)
			free(h[i]);
	}
	if (cur == NULL)
		cur = xdup(orig);
	if (cur == NULL)
		return NULL;
	/* Trim and fold. */
	tmp = NULL;
	if (article_set(&tmp, cur, strlen(cur)) == -1 || tmp == NULL) {
		free(cur);
		free(tmp);
		return xdup(orig);
	}
	free(cur);
	cur = tmp;
	wc = word_count(cur);
	if (wc <= 4) {
		/* The whole title, separators removed, has wc + 1 words
		 * when only the site's name went. */
		struct buf b;
		size_t	 owc;

		buf_init(&b, len + 1);
		for (p = orig; *p != '\0'; p++) {
			if ((l = sep_len(p)) > 0) {
				p += l - 1;
				continue;
			}
			if (buf_putc(&b, *p) != BUF_OK)
				break;
		}
		owc = word_count(b.data);
		buf_release(&b);
		if (!hier || wc != owc - 1) {
			free(cur);
			cur = xdup(orig);
		}
	}
	return cur;
}

/* ---- all together ---- */

static const char *
first_of(const struct mstate *ms, const enum mkey *keys, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (ms->val[keys[i]] != NULL)
			return ms->val[keys[i]];
	return NULL;
}

static int
set_if_null(char **f, const char *s)
{
	if (*f != NULL || s == NULL)
		return 0;
	if ((*f = xdup(s)) == NULL)
		return -1;
	return 0;
}

int
extract_html_meta(htmlDocPtr doc, struct html_meta *m)
{
	static const enum mkey tkeys[] = { MK_DC_TITLE, MK_DCTERM_TITLE,
	    MK_OG_TITLE, MK_WEIBO_A_TITLE, MK_WEIBO_W_TITLE, MK_TITLE,
	    MK_TWITTER_TITLE, MK_PARSELY_TITLE };
	static const enum mkey bkeys[] = { MK_DC_CREATOR, MK_DCTERM_CREATOR,
	    MK_AUTHOR, MK_PARSELY_AUTHOR };
	static const enum mkey ekeys[] = { MK_DC_DESC, MK_DCTERM_DESC,
	    MK_OG_DESC, MK_WEIBO_A_DESC, MK_WEIBO_W_DESC, MK_DESC,
	    MK_TWITTER_DESC };
	static const enum mkey dkeys[] = { MK_PUBLISHED, MK_PARSELY_DATE,
	    MK_ITEMPROP_DATE, MK_DC_DATE, MK_DATE, MK_PUBDATE };
	struct mstate ms;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	const char *s;
	char	*clean_title = NULL, *tmp;
	size_t	 i;

	memset(m, 0, sizeof *m);
	memset(&ms, 0, sizeof ms);
	if (root == NULL)
		return 0;
	collect(root, &ms);
	if (ms.title != NULL &&
	    (m->doc_title = extract_html_node_text(ms.title,
	    HTML_NODE_TEXT_MAX_BYTES)) == NULL)
		goto nomem;
	if (m->doc_title != NULL && *m->doc_title != '\0')
		clean_title = extract_html_clean_title(m->doc_title, doc);
	jsonld(&ms, m, clean_title);
	if (set_if_null(&m->title, first_of(&ms, tkeys, sizeof tkeys /
	    sizeof tkeys[0])) == -1)
		goto nomem;
	if (m->title == NULL) {
		m->title = clean_title;
		clean_title = NULL;
	}
	if (set_if_null(&m->byline, first_of(&ms, bkeys, sizeof bkeys /
	    sizeof bkeys[0])) == -1 ||
	    set_if_null(&m->excerpt, first_of(&ms, ekeys, sizeof ekeys /
	    sizeof ekeys[0])) == -1 ||
	    set_if_null(&m->site, ms.val[MK_OG_SITE]) == -1)
		goto nomem;
	/* A byline that is a URL (a profile page) is no name. */
	if (m->byline != NULL && (strncmp(m->byline, "http://", 7) == 0 ||
	    strncmp(m->byline, "https://", 8) == 0)) {
		free(m->byline);
		m->byline = NULL;
	}
	for (i = 0; !m->have_date && i < sizeof dkeys / sizeof dkeys[0];
	    i++) {
		s = ms.val[dkeys[i]];
		if (s != NULL && date_parse(s, strnlen(s, DATE_MAX_BYTES),
		    &m->date) == 0)
			m->have_date = 1;
	}
	if (!m->have_date && ms.time_dt != NULL &&
	    date_parse(ms.time_dt, strnlen(ms.time_dt, DATE_MAX_BYTES),
	    &m->date) == 0)
		m->have_date = 1;
	s = ms.lang != NULL ? ms.lang : ms.val[MK_CONTENT_LANG];
	if (set_if_null(&m->lang, s) == -1)
		goto nomem;
	s = ms.val[MK_OG_URL] != NULL ? ms.val[MK_OG_URL] : ms.canonical;
	if (s != NULL && (tmp = url_resolve(NULL, s)) != NULL)
		m->url = tmp;
	if (set_if_null(&m->base_href, ms.base_href) == -1)
		goto nomem;
	free(clean_title);
	return 0;
nomem:
	free(clean_title);
	extract_html_meta_release(m);
	return -1;
}

void
extract_html_meta_release(struct html_meta *m)
{
	free(m->title);
	free(m->doc_title);
	free(m->byline);
	free(m->site);
	free(m->lang);
	free(m->excerpt);
	free(m->url);
	free(m->base_href);
	free(m->article_body);
	memset(m, 0, sizeof *m);
}
