/*
 * fuzz_extract_html: extract_html() on the whole input, with or without a
 * base URL and an HTTP charset (picked by the first byte), then the
 * article's promises (fuzz_check_article()).  With BYLINE_FUZZ_PRUNE set
 * in the environment and bit 0x10 of the first byte, instead, the prune
 * pass's side table on valid UTF-8: the tree libxml2 builds with the
 * attributes moved out of the tags and put back must be the one it
 * builds with them in the tags.  A difference there costs a page some
 * attributes, never memory safety: the long runs (fuzz/cpu-run.sh) and
 * the replay of kept inputs in make check look for it, the short runs of
 * CI (fuzz/run.sh) for crashes only.
 */
#include <stddef.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "extract.h"
#include "extract_html_int.h"
#include "fuzz.h"
#include "fuzz_check.h"

/* Could the page write a mark of its own ("bl=", any case)?  A tag
 * copied as it is keeps it, and then the trees may rightly differ. */
static int
may_forge_mark(const char *s, size_t n)
{
	size_t	 i, j;

	for (i = 0; i + 2 < n; i++) {
		if ((s[i] | 0x20) != 'b' || (s[i + 1] | 0x20) != 'l')
			continue;
		for (j = i + 2; j < n && ascii_isspace((unsigned char)s[j]);
		    j++)
			;
		if (j < n && s[j] == '=')
			return 1;
	}
	return 0;
}

static void
prune_table_same(const char *s, size_t n)
{
	if (utf8_valid(s, n) && !may_forge_mark(s, n) &&
	    extract_html_prune_same(s, n, NULL) == 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const charsets[] = {
		NULL, "utf-8", "iso-8859-1", "windows-1252", "shift_jis",
		"utf-16le", "x-bogus", NULL
	};
	struct extract_opts o;
	struct article	*a = NULL;
	struct errbuf	 eb;
	unsigned	 mode;

	mode = fuzz_take_byte(&data, &size);
	if ((mode & 0x10) && getenv("BYLINE_FUZZ_PRUNE") != NULL) {
		prune_table_same((const char *)data, size);
		return 0;
	}
	memset(&o, 0, sizeof o);
	o.input = EXTRACT_HTML;
	o.where = "fuzz";
	o.base_url = (mode & 8) ? "https://example.org/news/story.html" : NULL;
	o.charset = charsets[mode & 7];
	if (extract_html((const char *)data, size, &o, &a, &eb) == 0) {
		if (a == NULL)
			abort();
		fuzz_check_article(a);
		article_free(a);
	} else if (a != NULL || memchr(eb.msg, '\0', sizeof eb.msg) == NULL)
		abort();
	return 0;
}
