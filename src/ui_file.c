/*
 * ui_file: a saved page or text copy read from disk and extracted, for
 * the screens that list or show files (a directory's headlines, byline
 * PATH, a file: link).  See ui.h.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "ui.h"

int
ui_file_load(const char *path, const char *base_url, struct article **out,
    struct errbuf *eb)
{
	struct buf data, base;
	struct extract_opts opts;
	char	*abs;
	int	 rc;

	buf_init(&data, INPUT_MAX_BYTES);
	if (file_read(path, &data, eb) == -1)
		return -1;
	buf_init(&base, URL_MAX_BYTES);
	/* A saved page's relative links resolve against its own place. */
	if (base_url == NULL && (abs = realpath(path, NULL)) != NULL) {
		if (buf_printf(&base, "file://%s", abs) == BUF_OK)
			base_url = base.data;
		free(abs);
	}
	memset(&opts, 0, sizeof opts);
	opts.input = EXTRACT_AUTO;
	opts.where = path;
	opts.base_url = base_url;
	rc = extract_article(data.data, data.len, &opts, out, eb);
	buf_release(&data);
	buf_release(&base);
	return rc;
}
