/*
 * extract_html: placeholder until the HTML extractor lands; refuses
 * HTML input with a clear message.
 */
#include "extract.h"

int
extract_html(const char *data, size_t n, const struct extract_opts *opts,
    struct article **out, struct errbuf *eb)
{
	(void)data;
	(void)n;
	(void)out;
	errbuf_set(eb, "%s: HTML input is not supported yet", opts->where);
	return -1;
}
