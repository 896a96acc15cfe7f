/*
 * errbuf: one-line error messages.  See errbuf.h.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "errbuf.h"
#include "utf8.h"

void
errbuf_set(struct errbuf *eb, const char *fmt, ...)
{
	struct buf b;
	va_list	 ap;
	size_t	 n;
	char	*p;

	if (eb == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(eb->msg, sizeof eb->msg, fmt, ap);
	va_end(ap);
	/* One line, nothing a terminal would act on: messages quote URLs
	 * and names from feeds, so C1 and bidi controls and whole escape
	 * sequences go too (utf8_sanitize()), cut at a character. */
	buf_init(&b, sizeof eb->msg * 3);
	if (utf8_sanitize(&b, eb->msg, strlen(eb->msg), 0) == BUF_OK) {
		n = b.len < sizeof eb->msg ? b.len : sizeof eb->msg - 1;
		while (n > 0 && n < b.len &&
		    ((unsigned char)b.data[n] & 0xc0) == 0x80)
			n--;
		memcpy(eb->msg, b.data, n);
		eb->msg[n] = '\0';
	}
	buf_release(&b);
	for (p = eb->msg; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
}
