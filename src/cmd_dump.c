/*
 * cmd_dump: byline --dump: read a saved page or text copy, extract, print.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "cmd.h"
#include "fetch.h"

static int
is_url(const char *s)
{
	return ascii_ncasecmp(s, "http://", 7) == 0 ||
	    ascii_ncasecmp(s, "https://", 8) == 0;
}

static int
keep_body(void *v, const char *data, size_t n)
{
	return buf_append(v, data, n) == BUF_OK ? 0 : -1;
}

int
cmd_dump(const struct options *o, const char *target, FILE *out, FILE *err)
{
	struct extract_opts eo;
	struct errbuf eb;
	struct article *a = NULL;
	struct buf in, text, safe;
	char	*final_url = NULL, *ctype = NULL, charset[FETCH_CHARSET_MAX_BYTES];
	const char *where = strcmp(target, "-") == 0 ? "<stdin>" : target;
	int	 rc = 1;

	/* One page, then exit: libxml2 allocates from an arena. */
	if (arena_xml_install() == -1) {
		fprintf(err, "byline: out of memory\n");
		return 1;
	}
	buf_init(&in, INPUT_MAX_BYTES);
	buf_init(&text, RENDER_MAX_BYTES);
	buf_init(&safe, RENDER_MAX_BYTES);
	memset(&eo, 0, sizeof eo);
	eo.input = o->input;
	eo.where = where;
	eo.base_url = o->base_url;
	if (is_url(target)) {
		in.max = FETCH_PAGE_MAX_BYTES;
		if (cmd_fetch(target, FETCH_PAGE_MAX_BYTES, keep_body, &in,
		    &final_url, &ctype, &eb) == -1) {
			fprintf(err, "byline: %s\n", eb.msg);
			goto out;
		}
		if (eo.base_url == NULL)
			eo.base_url = final_url != NULL ? final_url : target;
		eo.charset = fetch_charset(ctype, charset, sizeof charset);
	} else if (file_read(target, &in, &eb) == -1) {
		fprintf(err, "byline: %s\n", eb.msg);
		goto out;
	}
	if (extract_article(in.data, in.len, &eo, &a, &eb) != 0) {
		fprintf(err, "byline: %s\n", eb.msg);
		goto out;
	}
	if (render_article(a, o->format, &text) != 0) {
		fprintf(err, "byline: %s: output too large\n", where);
		goto out;
	}
	/* The model holds no controls; a terminal gets a second guarantee. */
	if (isatty(fileno(out))) {
		if (utf8_sanitize(&safe, text.data, text.len, 1) != BUF_OK) {
			fprintf(err, "byline: %s: out of memory\n", where);
			goto out;
		}
		fwrite(safe.data, 1, safe.len, out);
	} else
		fwrite(text.data, 1, text.len, out);
	if (fflush(out) != 0 || ferror(out)) {
		fprintf(err, "byline: write error\n");
		goto out;
	}
	rc = 0;
out:
	free(final_url);
	free(ctype);
	article_free(a);
	buf_release(&in);
	buf_release(&text);
	buf_release(&safe);
	return rc;
}
