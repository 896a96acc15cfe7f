/*
 * fuzz_filter: the input is a filter expression.  A compiled one must
 * bind exactly as many values as its SQL has "?" outside quotes (a
 * value pasted into the SQL would show as a quote or a missing "?"),
 * keep its parentheses balanced, and join with itself.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "filter.h"
#include "fuzz.h"

static void
check_sql(const struct filter *f)
{
	const char *p;
	size_t	 marks = 0;
	long	 depth = 0;
	int	 quoted = 0;

	for (p = f->sql; *p != '\0'; p++) {
		if (*p == '\'')
			quoted = !quoted;
		else if (!quoted && *p == '?')
			marks++;
		else if (!quoted && *p == '(')
			depth++;
		else if (!quoted && *p == ')' && --depth < 0)
			abort();
	}
	if (quoted || depth != 0 || marks != f->nv)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct filter	 f, g;
	struct errbuf	 eb;
	char		*s;

	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (filter_compile(&f, s, &eb) == 0) {
		check_sql(&f);
		if (filter_compile(&g, s, &eb) != 0)
			abort();
		if (filter_join(&f, &g, 1) == 0)
			check_sql(&f);
		filter_release(&g);
		filter_release(&f);
	} else if (strncmp(eb.msg, "column ", 7) != 0)
		abort();
	free(s);
	return 0;
}
