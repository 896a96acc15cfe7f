/*
 * article: the shared article model.  See article.h.
 */
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "str.h"
#include "util.h"

static char	*clean_text(const char *, size_t, int);

struct article *
article_new(void)
{
	return calloc(1, sizeof(struct article));
}

void
article_free(struct article *a)
{
	size_t	 i;

	if (a == NULL)
		return;
	free(a->title);
	free(a->byline);
	free(a->site);
	free(a->lang);
	free(a->url);
	free(a->excerpt);
	for (i = 0; i < a->nblocks; i++)
		free(a->blocks[i].text);
	free(a->blocks);
	for (i = 0; i < a->nlinks; i++) {
		free(a->links[i].text);
		free(a->links[i].url);
	}
	free(a->links);
	for (i = 0; i < a->nrelated; i++) {
		free(a->related[i].title);
		free(a->related[i].url);
		free(a->related[i].summary);
		free(a->related[i].source);
		free(a->related[i].author);
	}
	free(a->related);
	free(a);
}

/*
 * Sanitises s and folds whitespace: runs of spaces (and, unless pre,
 * newlines) become one space, the ends are trimmed.  NULL for an empty
 * result or no memory (*err tells which).
 */
static char *
clean_text_err(const char *s, size_t n, int pre, int *err)
{
	struct buf raw, out;
	size_t	 i;
	int	 space = 0;

	*err = 0;
	if (n > ARTICLE_FIELD_MAX_BYTES)
		n = utf8_fit(s, ARTICLE_FIELD_MAX_BYTES, ARTICLE_FIELD_MAX_BYTES);
	buf_init(&raw, n * 3 + 16);
	buf_init(&out, n * 3 + 16);
	if (utf8_sanitize(&raw, s, n, pre) != BUF_OK) {
		*err = 1;
		goto fail;
	}
	for (i = 0; i < raw.len; i++) {
		unsigned char c = (unsigned char)raw.data[i];

		/* U+00A0 no-break space folds like a space; U+00AD soft
		 * hyphen, a hint for breaking a word, goes. */
		if (c == 0xc2 && i + 1 < raw.len &&
		    (unsigned char)raw.data[i + 1] == 0xa0) {
			i++;
			c = ' ';
		} else if (c == 0xc2 && i + 1 < raw.len &&
		    (unsigned char)raw.data[i + 1] == 0xad) {
			i++;
			continue;
		}
		if (pre && c == '\n') {
			while (out.len > 0 && out.data[out.len - 1] == ' ')
				buf_setlen(&out, out.len - 1);
			if (buf_putc(&out, '\n') != BUF_OK)
				goto nomem;
			space = 0;
			continue;
		}
		if (c == ' ') {
			space = 1;
			continue;
		}
		if (space && out.len > 0 && out.data[out.len - 1] != '\n' &&
		    buf_putc(&out, ' ') != BUF_OK)
			goto nomem;
		space = 0;
		if (buf_putc(&out, (char)c) != BUF_OK)
			goto nomem;
	}
	while (out.len > 0 && (out.data[out.len - 1] == '\n' ||
	    out.data[out.len - 1] == ' '))
		buf_setlen(&out, out.len - 1);
	buf_release(&raw);
	if (out.len == 0) {
		buf_release(&out);
		return NULL;
	}
	{
		char *p = buf_take(&out);

		if (p == NULL)
			*err = 1;
		return p;
	}
nomem:
	*err = 1;
fail:
	buf_release(&raw);
	buf_release(&out);
	return NULL;
}

static char *
clean_text(const char *s, size_t n, int pre)
{
	int	 err;

	return clean_text_err(s, n, pre, &err);
}

int
article_set(char **field, const char *s, size_t n)
{
	char	*p;
	int	 err;

	if (s == NULL) {
		free(*field);
		*field = NULL;
		return 0;
	}
	p = clean_text_err(s, n, 0, &err);
	if (err)
		return -1;
	free(*field);
	*field = p;
	return 0;
}

int
article_add_block(struct article *a, enum block_type type, int level,
    const char *text, size_t n)
{
	struct block *b;
	char	*t;
	int	 err;

	t = clean_text_err(text, n, type == BLOCK_PRE, &err);
	if (err)
		return -1;
	if (t == NULL)
		return 0;
	/* The cap is checked on every add: capacity doubles past it. */
	if (a->nblocks >= ARTICLE_BLOCKS_MAX) {
		free(t);
		return -1;
	}
	if (a->nblocks == a->blocks_cap) {
		size_t ncap = a->blocks_cap ? a->blocks_cap * 2 : 16;

		if ((b = reallocarray(a->blocks, ncap, sizeof *b)) == NULL) {
			free(t);
			return -1;
		}
		a->blocks = b;
		a->blocks_cap = ncap;
	}
	b = &a->blocks[a->nblocks++];
	memset(b, 0, sizeof *b);
	b->type = type;
	b->level = level;
	b->text = t;
	b->len = strlen(t);
	return 0;
}

void
article_drop_block(struct article *a, size_t bi)
{
	size_t	 i, o = 0;

	free(a->blocks[bi].text);
	memmove(&a->blocks[bi], &a->blocks[bi + 1], (a->nblocks - bi - 1) *
	    sizeof *a->blocks);
	a->nblocks--;
	for (i = 0; i < a->nlinks; i++) {
		struct link *l = &a->links[i];

		if (l->block == bi) {
			free(l->text);
			free(l->url);
			continue;
		}
		if (l->block != (size_t)-1 && l->block > bi)
			l->block--;
		a->links[o++] = *l;
	}
	a->nlinks = o;
}

int
article_add_link(struct article *a, const char *text, const char *url,
    size_t block, size_t start, size_t end)
{
	struct link *l;
	char	*t, *u;

	if (url == NULL || *url == '\0')
		return 0;
	if (a->nlinks >= ARTICLE_LINKS_MAX)
		return -1;
	if (a->nlinks == a->links_cap) {
		size_t ncap = a->links_cap ? a->links_cap * 2 : 16;

		if ((l = reallocarray(a->links, ncap, sizeof *l)) == NULL)
			return -1;
		a->links = l;
		a->links_cap = ncap;
	}
	t = clean_text(text != NULL ? text : "", text != NULL ? strlen(text) : 0,
	    0);
	if ((u = utf8_clean(url)) == NULL) {
		free(t);
		return -1;
	}
	l = &a->links[a->nlinks++];
	l->text = t;
	l->url = u;
	l->block = block;
	l->start = start;
	l->end = end;
	return 0;
}

int
article_add_related(struct article *a, const char *title, const char *url,
    const char *summary, const char *source)
{
	return article_add_teaser(a, title, url, summary, source, NULL);
}

int
article_add_teaser(struct article *a, const char *title, const char *url,
    const char *summary, const char *source, const char *author)
{
	struct related *r, nr;

	memset(&nr, 0, sizeof nr);
	if (title == NULL ||
	    (nr.title = clean_text(title, strlen(title), 0)) == NULL)
		return 0;
	if (a->nrelated >= ARTICLE_RELATED_MAX) {
		free(nr.title);
		return -1;
	}
	if (a->nrelated == a->related_cap) {
		size_t ncap = a->related_cap ? a->related_cap * 2 : 8;

		if ((r = reallocarray(a->related, ncap, sizeof *r)) == NULL) {
			free(nr.title);
			return -1;
		}
		a->related = r;
		a->related_cap = ncap;
	}
	if (url != NULL)
		nr.url = clean_text(url, strlen(url), 0);
	if (summary != NULL)
		nr.summary = clean_text(summary, strlen(summary), 0);
	if (source != NULL)
		nr.source = clean_text(source, strlen(source), 0);
	if (author != NULL)
		nr.author = clean_text(author, strlen(author), 0);
	a->related[a->nrelated++] = nr;
	return 0;
}

char *
article_text(const struct article *a)
{
	struct buf b;
	size_t	 i;

	buf_init(&b, RENDER_MAX_BYTES);
	for (i = 0; i < a->nblocks; i++) {
		/* Image alt text describes a picture, not the story. */
		if (a->blocks[i].type == BLOCK_IMAGE)
			continue;
		if ((b.len > 0 && buf_puts(&b, "\n\n") != BUF_OK) ||
		    buf_append(&b, a->blocks[i].text, a->blocks[i].len) !=
		    BUF_OK) {
			buf_release(&b);
			return NULL;
		}
	}
	return buf_take(&b);
}

/*
 * A story does not end on a label: what follows its last sentence and
 * opens the page's next part (a heading, "Authors:", "Related posts:")
 * goes.  Short headings and paragraphs ending in a colon (under
 * TRAIL_LABEL_BYTES) are taken off the end of a story that has prose
 * (a paragraph of TRAIL_PROSE_BYTES), one by one; its first block stays.
 */
#define TRAIL_LABEL_BYTES	64
#define TRAIL_PROSE_BYTES	100

void
article_drop_trailing_labels(struct article *a)
{
	const struct block *b;
	size_t	 i;

	/* Only after prose: a page of headings alone keeps them. */
	for (i = 0; i < a->nblocks; i++)
		if (a->blocks[i].type == BLOCK_PARAGRAPH &&
		    a->blocks[i].len >= TRAIL_PROSE_BYTES)
			break;
	if (i == a->nblocks)
		return;
	while (a->nblocks > 1) {
		b = &a->blocks[a->nblocks - 1];
		if (b->len >= TRAIL_LABEL_BYTES || (b->type != BLOCK_HEADING &&
		    (b->type != BLOCK_PARAGRAPH || b->len == 0 ||
		    b->text[b->len - 1] != ':')))
			break;
		article_drop_block(a, a->nblocks - 1);
	}
}

/* A paragraph of prose: what a story's tail may be cut after. */
#define TAIL_PROSE_BYTES	200

/*
 * A call to the reader at the story's end ("Share this article",
 * "Follow us on ...", "Sign up for our newsletter", "Artikel
 * bewerten", "Teile diesen Beitrag", "Filed under ...", "Submit your
 * question below", "Sie wollen mehr von uns?"): a short paragraph among the last CALL_TAIL_BLOCKS that
 * names one of these acts goes with everything after it
 * (article_drop_tail()).  Both extractors call it on their result.
 */
#define CALL_TAIL_BLOCKS	2
#define CALL_MAX_BYTES		160

static const char *const call_words[] = {
	"subscribe", "subscription", "sign up", "signing up", "newsletter",
	"follow us", "follow the ", "share this", "what you think",
	"abonnieren", "artikel teilen", "artikel bewerten", "kommentieren",
	"subskrypcji", "suscr\xc3\xad" "bete", "abonnez-vous",
	"leave a comment", "in the comments", "in den kommentaren",
	"kommentare zu schreiben", "mit anderen teilen", "teile diesen",
	"filed under", "submit your", "mehr von uns", NULL
};

/*
 * The author's box at the story's end: "Ann Writer is a professor at
 * ...", "Ann Writer ist Redakteurin ...": two capitalised words, then
 * one of bio_verbs, in a paragraph (or a quote: some set the box as
 * one) of at most BIO_MAX_BYTES.  The first word is a name, not an
 * article or pronoun ("The Times is a ...", "Der Text ist ...": German
 * capitalises its nouns).
 */
#define BIO_MAX_BYTES		450

static const char *const bio_verbs[] = {
	" is a ", " is an ", " is professor", " is the author", " ist ",
	" besch\xc3\xa4" "ftigt sich", " est journaliste", " studierte ",
	" studied ", NULL
};

static const char *const not_names[] = {
	"The", "This", "That", "It", "An", "Der", "Die", "Das", "Ein", "Eine",
	"Le", "La", "Les", "El", "Los", "Las", NULL
};

/* The end of a capitalised word at s[i], or i when there is none. */
static size_t
cap_word(const char *s, size_t n, size_t i)
{
	size_t	 j = i;

	if (i >= n || s[i] < 'A' || s[i] > 'Z')
		return i;
	for (j = i + 1; j < n && ((s[j] >= 'a' && s[j] <= 'z') ||
	    (unsigned char)s[j] >= 0x80 || s[j] == '-'); j++)
		;
	return j > i + 1 ? j : i;
}

static int
is_bio(const struct block *b)
{
	size_t	 e, e2, k, l;

	if ((b->type != BLOCK_PARAGRAPH && b->type != BLOCK_QUOTE) ||
	    b->len > BIO_MAX_BYTES)
		return 0;
	if ((e = cap_word(b->text, b->len, 0)) == 0 || e >= b->len ||
	    b->text[e] != ' ' ||
	    (e2 = cap_word(b->text, b->len, e + 1)) == e + 1)
		return 0;
	for (k = 0; not_names[k] != NULL; k++)
		if (strlen(not_names[k]) == e &&
		    memcmp(b->text, not_names[k], e) == 0)
			return 0;
	for (k = 0; bio_verbs[k] != NULL; k++) {
		l = strlen(bio_verbs[k]);
		if (e2 + l <= b->len && memcmp(b->text + e2, bio_verbs[k], l)
		    == 0)
			return 1;
	}
	return 0;
}

static int
is_call(const struct block *b, const void *unused)
{
	size_t	 k;

	(void)unused;
	if (is_bio(b))
		return 1;

	if (b->type != BLOCK_PARAGRAPH || b->len > CALL_MAX_BYTES)
		return 0;
	for (k = 0; call_words[k] != NULL; k++)
		if (ascii_casestr(b->text, b->len, call_words[k]))
			return 1;
	return 0;
}

/*
 * The label over the author's box: "About Ann", "Über Steffi 1009
 * Artikel", "Über den Autor": a block of at most ABOUT_MAX_BYTES opening
 * with "About " or "Über " and a capitalised word.  Among the last
 * ABOUT_TAIL_BLOCKS, after prose, with at most BIO_MAX_BYTES after it,
 * it goes with the box.
 */
#define ABOUT_MAX_BYTES		40
#define ABOUT_TAIL_BLOCKS	3

static int
is_about(const struct block *b, const void *unused)
{
	static const char *const about[] = { "About ", "\xc3\x9c" "ber ", NULL };
	size_t	 k, l;

	(void)unused;
	if ((b->type != BLOCK_PARAGRAPH && b->type != BLOCK_HEADING) ||
	    b->len > ABOUT_MAX_BYTES)
		return 0;
	for (k = 0; about[k] != NULL; k++) {
		l = strlen(about[k]);
		if (b->len > l && memcmp(b->text, about[k], l) == 0 &&
		    cap_word(b->text, b->len, l) > l)
			return 1;
	}
	return 0;
}

/*
 * May blocks [i + 1, nblocks) go with the tail that block i opens?  With
 * rest_max 0 when none is prose; else when they hold at most rest_max
 * bytes in all (an author's box under its label is prose).
 */
static int
rest_goes(const struct article *a, size_t i, size_t rest_max)
{
	size_t	 j, n = 0;

	for (j = i + 1; j < a->nblocks; j++) {
		if (rest_max == 0 && a->blocks[j].len >= TAIL_PROSE_BYTES)
			return 0;
		n += a->blocks[j].len;
	}
	return rest_max == 0 || n <= rest_max;
}

void
article_drop_tail(struct article *a, size_t tail,
    int (*is)(const struct block *, const void *), const void *arg,
    size_t rest_max)
{
	size_t	 i, first;
	int	 prose = 0;

	first = a->nblocks > tail ? a->nblocks - tail : 0;
	for (i = 0; i < a->nblocks; i++) {
		if (i >= first && prose && is(&a->blocks[i], arg) &&
		    rest_goes(a, i, rest_max))
			break;
		if (a->blocks[i].type == BLOCK_PARAGRAPH &&
		    a->blocks[i].len >= TAIL_PROSE_BYTES)
			prose = 1;
	}
	while (a->nblocks > i)
		article_drop_block(a, a->nblocks - 1);
}

/*
 * The site's promotion of its own channels, standing as a paragraph
 * anywhere after the story's first block: a call (promo_calls) and a
 * channel (promo_channels) in at most PROMO_MAX_BYTES ("Never miss the
 * latest news by signing up to our newsletter today!", "Get the latest
 * news straight to your phone with our app.", "Follow The Daily on
 * Twitter", "RSS-Feed abonnieren", "Download as PDF", "Join the readers
 * who get it in their inbox", "Besuchen Sie unseren Fan-Shop!", "Join
 * our Space Forums to keep talking", "Subscribe to The Daily
 * newsletter").  Either alone is not enough: a story tells of people
 * who sign up for a service, or of a newsletter.
 */
#define PROMO_MAX_BYTES		250

static const char *const promo_calls[] = {
	"never miss", "latest news", "get the latest", "sign up",
	"signing up", "follow us", "follow the ", "join us", "join the ",
	"join our ", "subscribe to", "folge uns",
	"abonniere", "\xc3\xbanete", "\xc3\x9anete", "s\xc3\xadguenos",
	"suscr\xc3\xad" "bete", "download", "herunterladen", "visit our",
	"besuchen sie unseren", "besuche unseren", NULL
};

static const char *const promo_channels[] = {
	"newsletter", "by email", "by e-mail", "telegram", "whatsapp",
	"twitter", "instagram", "facebook", " app.", " app,", " app!",
	" app ", "rss-feed", "rss feed", "pdf", "inbox", "shop", "forum",
	NULL
};

/* Is b a paragraph of at most PROMO_MAX_BYTES that names one of the
 * words of one and one of two? */
static int
names_both(const struct block *b, const char *const *one,
    const char *const *two)
{
	size_t	 k;

	if (b->type != BLOCK_PARAGRAPH || b->len > PROMO_MAX_BYTES)
		return 0;
	for (k = 0; one[k] != NULL; k++)
		if (ascii_casestr(b->text, b->len, one[k]))
			break;
	if (one[k] == NULL)
		return 0;
	for (k = 0; two[k] != NULL; k++)
		if (ascii_casestr(b->text, b->len, two[k]))
			return 1;
	return 0;
}

/*
 * The site's note on its cookies ("We use cookies to ...", "Mit der
 * Nutzung ... erklären Sie sich einverstanden, dass wir Cookies
 * verwenden."): a paragraph of at most PROMO_MAX_BYTES that names
 * cookies and their use or the reader's consent.
 */
static const char *const cookie_names[] = { "cookie", NULL };

static const char *const cookie_words[] = {
	"we use", "use of cookies", "uses cookies", "verwenden", "nutzen",
	"einverstanden", "zustimm", "akzept", "accept", "consent",
	"korzystamy", "u\xc5\xbcywa", "zgod", "utilizamos", "utilisons",
	"utilise", NULL
};

/*
 * The paywall's offer: a paragraph of at most PROMO_MAX_BYTES that names
 * a subscription and what it opens ("To view the full story, please
 * subscribe", "Immediate online access to all issues.  Subscription
 * will auto renew annually.").
 */
static const char *const paywall_subs[] = {
	"subscribe", "subscription", "abonn", "suscr", NULL
};

static const char *const paywall_opens[] = {
	"full story", "full article", "online access", "unlimited",
	"auto renew", "to continue reading", "keep reading", "zugriff",
	"weiterlesen", NULL
};

/*
 * The note on the site's earnings from its links ("Für Links auf dieser
 * Seite erhält X ggf. eine Provision", "We may earn a commission from
 * links on this page"): a paragraph of at most PROMO_MAX_BYTES naming
 * both.  It goes even as the first block: it opens the page, not the
 * story.
 */
static const char *const earn_words[] = {
	"provision", "commission", NULL
};

static const char *const earn_links[] = {
	"links auf dieser seite", "links on this page", "links in this",
	"affiliate", NULL
};

/*
 * The heading over the comment form ("Leave a reply", "Hinterlassen Sie
 * eine Antwort"): a block of at most REPLY_MAX_BYTES opening with one of
 * reply_words, among the last REPLY_TAIL_BLOCKS, goes with the form's
 * notes after it (article_drop_tail()).
 */
#define REPLY_MAX_BYTES		40
#define REPLY_TAIL_BLOCKS	8

static const char *const reply_words[] = {
	"leave a reply", "leave a comment", "hinterlassen sie eine antwort",
	"schreibe einen kommentar", "kommentar verfassen",
	"deja una respuesta", "deja un comentario", "laisser un commentaire",
	NULL
};

static int
is_reply(const struct block *b, const void *unused)
{
	size_t	 k, l;

	(void)unused;
	if ((b->type != BLOCK_PARAGRAPH && b->type != BLOCK_HEADING) ||
	    b->len > REPLY_MAX_BYTES)
		return 0;
	for (k = 0; reply_words[k] != NULL; k++) {
		l = strlen(reply_words[k]);
		if (b->len >= l && ascii_casestr(b->text, l, reply_words[k]))
			return 1;
	}
	return 0;
}

void
article_drop_calls(struct article *a)
{
	const struct block *b;
	size_t	 i;

	article_drop_tail(a, REPLY_TAIL_BLOCKS, is_reply, NULL, 0);
	article_drop_tail(a, ABOUT_TAIL_BLOCKS, is_about, NULL, BIO_MAX_BYTES);
	article_drop_tail(a, CALL_TAIL_BLOCKS, is_call, NULL, 0);
	for (i = a->nblocks; i > 1; i--) {
		b = &a->blocks[i - 1];
		if (names_both(b, promo_calls, promo_channels) ||
		    names_both(b, cookie_names, cookie_words) ||
		    names_both(b, paywall_subs, paywall_opens))
			article_drop_block(a, i - 1);
	}
	for (i = a->nblocks; i > 0 && a->nblocks > 1; i--)
		if (names_both(&a->blocks[i - 1], earn_words, earn_links))
			article_drop_block(a, i - 1);
}
