/*
 * fuzz_sanitize: the terminal-safety function.  utf8_sanitize() on the
 * input (the first byte says whether newlines are kept) must give valid
 * UTF-8 with no control character (but newlines when kept), no bidi
 * control, and must be idempotent: sanitising its output changes
 * nothing.  layout_fit() at a width from the second byte must give that
 * many columns or fewer, as safe.  errbuf_set() must give the same.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "fuzz_check.h"
#include "layout.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct buf	 out, again, fit;
	struct errbuf	 eb;
	uint32_t	 cp;
	size_t		 i, k, cols, got;
	unsigned	 mode;
	int		 keep;
	char		*s;

	mode = fuzz_take_byte(&data, &size);
	cols = fuzz_take_byte(&data, &size);
	keep = (int)(mode & 1);
	buf_init(&out, size * 3 + 1);
	if (utf8_sanitize(&out, (const char *)data, size, keep) != BUF_OK)
		abort();
	for (i = 0; i < out.len; i += k) {
		k = utf8_decode(out.data + i, out.len - i, &cp);
		if (cp == 0xfffd && k == 1)
			abort();	/* invalid UTF-8 left in */
	}
	fuzz_check_clean(out.data, out.len, keep, 1);
	if (memchr(out.data, '\t', out.len) != NULL)
		abort();
	buf_init(&again, out.len + 1);
	if (utf8_sanitize(&again, out.data, out.len, keep) != BUF_OK ||
	    again.len != out.len || memcmp(again.data, out.data, out.len) != 0)
		abort();
	buf_release(&again);

	/* layout_fit() and errbuf_set() take C strings. */
	if ((s = xstrndup((const char *)data, size)) == NULL)
		abort();
	buf_init(&fit, LAYOUT_LINE_MAX_BYTES);
	got = layout_fit(&fit, s, cols, (int)(mode & 2));
	if (got != (size_t)-1) {
		if (got > cols || utf8_width(fit.data, fit.len) != got)
			abort();
		fuzz_check_clean(fit.data, fit.len, 0, 1);
	}
	buf_release(&fit);
	errbuf_set(&eb, "fuzz: %s", s);
	if (strlen(eb.msg) >= sizeof eb.msg)
		abort();
	fuzz_check_clean(eb.msg, strlen(eb.msg), 0, 1);
	free(s);
	buf_release(&out);
	return 0;
}
