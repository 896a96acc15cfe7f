/*
 * fuzz_extract_html: extract_html() on the whole input, with or without a
 * base URL and an HTTP charset (picked by the first byte), then the
 * article's promises (fuzz_check_article()).
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "extract.h"
#include "fuzz.h"
#include "fuzz_check.h"

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
