/*
 * feed_tsv: an entry as one line of sfeed's TSV (see feed.h and
 * DESIGN.md's --parse-feed contract).
 */
#include <stdio.h>
#include <string.h>

#include "feed.h"

static int	 write_field(FILE *, const char *);
static int	 write_content(FILE *, const char *);

/* A line field: it holds no TAB or newline after feed_clean(); any that a
 * caller left becomes a space so that the line stays one line. */
static int
write_field(FILE *f, const char *s)
{
	size_t	 n;

	while (*s != '\0') {
		n = strcspn(s, "\t\n");
		if (n > 0 && fwrite(s, 1, n, f) != n)
			return -1;
		s += n;
		if (*s == '\0')
			break;
		if (putc(' ', f) == EOF)
			return -1;
		s++;
	}
	return 0;
}

/* sfeed(5): TAB, newline and backslash in the content as \t, \n, \\. */
static int
write_content(FILE *f, const char *s)
{
	size_t	 n;

	while (*s != '\0') {
		n = strcspn(s, "\t\n\\");
		if (n > 0 && fwrite(s, 1, n, f) != n)
			return -1;
		s += n;
		if (*s == '\0')
			break;
		if (putc('\\', f) == EOF ||
		    putc(*s == '\t' ? 't' : *s == '\n' ? 'n' : '\\', f) == EOF)
			return -1;
		s++;
	}
	return 0;
}

int
feed_entry_write_tsv(FILE *f, const struct feed_entry *e)
{
	static const char *const types[] = { "", "plain", "html" };

	if (e->has_time)
		(void)fprintf(f, "%lld", (long long)e->time);
	(void)putc('\t', f);
	(void)write_field(f, e->title != NULL ? e->title : "");
	(void)putc('\t', f);
	(void)write_field(f, e->link != NULL ? e->link : "");
	(void)putc('\t', f);
	(void)write_content(f, e->content != NULL ? e->content : "");
	(void)putc('\t', f);
	(void)fputs(types[e->content_type <= FEED_CONTENT_HTML ?
	    e->content_type : 0], f);
	(void)putc('\t', f);
	(void)write_field(f, e->guid != NULL ? e->guid : "");
	(void)putc('\t', f);
	(void)write_field(f, e->author != NULL ? e->author : "");
	(void)putc('\t', f);
	(void)write_field(f, e->enclosure != NULL ? e->enclosure : "");
	(void)putc('\t', f);
	(void)write_field(f, e->categories != NULL ? e->categories : "");
	(void)putc('\n', f);
	return ferror(f) ? -1 : 0;
}
