/*
 * cmd_feed: --parse-feed PATH|URL|-.  Reads the input in pieces, hands
 * them to the streaming feed parser and prints each entry as a line of
 * sfeed's TSV as soon as it is complete, so that a broken or cut-off feed
 * still gives the entries before the damage.  Exit status 1 with one line
 * "byline: WHERE:LINE: why" when the input cannot be read or is not a
 * well-formed feed.  When standard output is a terminal each field goes
 * through utf8_sanitize() (no controls, escape sequences, bidi controls
 * or line separators from the feed reach it); otherwise the TSV is
 * written as the parser gives it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "feed.h"
#include "bounds.h"

struct sink {
	FILE	*out;
	int	 tty;	/* out is a terminal: sanitise the fields */
	int	 failed;
};

struct push {
	struct feed_parser *p;
	struct errbuf	 eb;
	int		 failed;
};

static int	 print_entry(void *, const struct feed_entry *);
static int	 write_safe(FILE *, const struct feed_entry *);
static int	 is_url(const char *);

/*
 * Writes e's TSV line to out with each field (the text between TABs and
 * the closing newline) passed through utf8_sanitize(): the fields hold
 * no TAB or newline of their own, so the columns stay as they were.
 * Returns -1 with errno set when memory or the write fails.
 */
static int
write_safe(FILE *out, const struct feed_entry *e)
{
	struct buf safe;
	FILE	*mem;
	char	*line = NULL;
	size_t	 len = 0, i, start;
	int	 rc = 0;

	if ((mem = open_memstream(&line, &len)) == NULL)
		return -1;
	if (feed_entry_write_tsv(mem, e) == -1)
		rc = -1;
	if (fclose(mem) == EOF || line == NULL) {
		free(line);
		return -1;
	}
	/* Invalid bytes become U+FFFD: at most 3 bytes out for 1 in. */
	buf_init(&safe, len * 3 + 1);
	for (start = i = 0; rc == 0 && i < len; i++) {
		if (line[i] != '\t' && line[i] != '\n')
			continue;
		if (utf8_sanitize(&safe, line + start, i - start, 0) !=
		    BUF_OK || buf_putc(&safe, line[i]) != BUF_OK) {
			errno = ENOMEM;
			rc = -1;
		}
		start = i + 1;
	}
	if (rc == 0 && start < len &&
	    utf8_sanitize(&safe, line + start, len - start, 0) != BUF_OK) {
		errno = ENOMEM;
		rc = -1;
	}
	if (rc == 0 && fwrite(safe.data, 1, safe.len, out) != safe.len)
		rc = -1;
	buf_release(&safe);
	free(line);
	return rc;
}

static int
print_entry(void *v, const struct feed_entry *e)
{
	struct sink *s = v;

	if ((s->tty ? write_safe(s->out, e) :
	    feed_entry_write_tsv(s->out, e)) == -1) {
		s->failed = 1;
		return -1;
	}
	return 0;
}

static int
is_url(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

static int
push_body(void *v, const char *data, size_t n)
{
	struct push *pu = v;

	if (pu->failed)
		return -1;
	if (feed_push(pu->p, data, n, &pu->eb) == -1) {
		pu->failed = 1;
		return -1;
	}
	return 0;
}

/* --parse-feed URL: the parser is fed as the bytes arrive. */
static int
parse_url(const struct options *o, const char *url, FILE *out, FILE *err)
{
	struct push pu;
	struct sink sink;
	struct errbuf eb;
	const char *warning;
	int	 rc = 0;

	sink.out = out;
	sink.tty = isatty(fileno(out));
	sink.failed = 0;
	memset(&pu, 0, sizeof pu);
	pu.p = feed_parser_new(url, o->base_url != NULL ? o->base_url : url,
	    NULL, print_entry, &sink);
	if (pu.p == NULL) {
		fprintf(err, "byline: %s: out of memory\n", url);
		return 1;
	}
	if (cmd_fetch(url, FETCH_FEED_MAX_BYTES, push_body, &pu, NULL, NULL,
	    &eb) == -1) {
		fprintf(err, "byline: %s\n", pu.failed ? pu.eb.msg : eb.msg);
		rc = 1;
	} else if (feed_finish(pu.p, &eb) == -1) {
		fprintf(err, "byline: %s\n", eb.msg);
		rc = 1;
	} else if ((warning = feed_parser_warning(pu.p)) != NULL)
		fprintf(err, "byline: warning: %s\n", warning);
	if (fflush(out) == EOF && rc == 0) {
		fprintf(err, "byline: standard output: %s\n", strerror(errno));
		rc = 1;
	}
	feed_parser_free(pu.p);
	return rc;
}

int
cmd_parse_feed(const struct options *o, const char *target, FILE *out,
    FILE *err)
{
	static char chunk[FEED_READ_BYTES];
	struct feed_parser *p;
	struct errbuf eb;
	struct sink sink;
	const char *where, *warning;
	FILE	*in;
	size_t	 n;
	int	 rc = 0;

	if (is_url(target))
		return parse_url(o, target, out, err);
	where = strcmp(target, "-") == 0 ? "<stdin>" : target;
	if (strcmp(target, "-") == 0)
		in = stdin;
	else if ((in = fopen(target, "rb")) == NULL) {
		fprintf(err, "byline: %s: %s\n", target, strerror(errno));
		return 1;
	}
	sink.out = out;
	sink.tty = isatty(fileno(out));
	sink.failed = 0;
	p = feed_parser_new(where, o->base_url, NULL, print_entry, &sink);
	if (p == NULL) {
		fprintf(err, "byline: %s: out of memory\n", where);
		if (in != stdin)
			fclose(in);
		return 1;
	}
	memset(&eb, 0, sizeof eb);
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0) {
		if (feed_push(p, chunk, n, &eb) == -1) {
			rc = 1;
			break;
		}
	}
	if (rc == 0 && ferror(in)) {
		errbuf_set(&eb, "%s: %s", where, strerror(errno));
		rc = 1;
	}
	if (rc == 0 && feed_finish(p, &eb) == -1)
		rc = 1;
	if (sink.failed)
		errbuf_set(&eb, "standard output: %s", strerror(errno));
	if (rc == 0 && (warning = feed_parser_warning(p)) != NULL)
		fprintf(err, "byline: warning: %s\n", warning);
	if (fflush(out) == EOF && rc == 0) {
		errbuf_set(&eb, "standard output: %s", strerror(errno));
		rc = 1;
	}
	if (rc != 0)
		fprintf(err, "byline: %s\n", eb.msg);
	feed_parser_free(p);
	if (in != stdin)
		fclose(in);
	return rc;
}
