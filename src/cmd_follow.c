/*
 * cmd_follow: --reload, --import-opml, --export-opml.  Not built yet.
 */
#include "cmd.h"

static int
unbuilt(const char *what, FILE *err)
{
	fprintf(err, "byline: %s is not built yet in this version\n", what);
	return 2;
}

int
cmd_reload(const struct options *o, FILE *out, FILE *err)
{
	(void)o;
	(void)out;
	return unbuilt("--reload", err);
}

int
cmd_import_opml(const struct options *o, const char *file, FILE *out,
    FILE *err)
{
	(void)o;
	(void)file;
	(void)out;
	return unbuilt("--import-opml", err);
}

int
cmd_export_opml(const struct options *o, FILE *out, FILE *err)
{
	(void)o;
	(void)out;
	return unbuilt("--export-opml", err);
}
