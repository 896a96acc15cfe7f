/*
 * cmd_tui: the interactive reader.  Not built yet.
 */
#include "cmd.h"

int
cmd_tui(const struct options *o, const char *target, int demo, FILE *err)
{
	(void)o;
	(void)target;
	fprintf(err, "byline: %s is not built yet in this version; use --dump "
	    "PATH\n", demo ? "--demo" : "the interactive reader");
	return 2;
}
