/*
 * cmd_feed: --parse-feed.  Not built yet.
 */
#include "cmd.h"

int
cmd_parse_feed(const struct options *o, const char *target, FILE *out,
    FILE *err)
{
	(void)o;
	(void)target;
	(void)out;
	fputs("byline: --parse-feed is not built yet in this version\n", err);
	return 2;
}
