/*
 * main: the command line.  Parses options, picks a mode, prints what the
 * mode reports and chooses the exit status: 0 done, 1 the input could not
 * be read or understood, 2 bad usage.  The only file that calls exit().
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#include "cmd.h"
#include "curl_lazy.h"

enum mode {
	MODE_TUI = 0,
	MODE_DUMP,
	MODE_PARSE_FEED,
	MODE_RELOAD,
	MODE_IMPORT_OPML,
	MODE_EXPORT_OPML,
	MODE_EXPORT,
	MODE_DEMO
};

enum {
	OPT_DUMP = 256,
	OPT_FORMAT,
	OPT_INPUT,
	OPT_BASE_URL,
	OPT_PARSE_FEED,
	OPT_RELOAD,
	OPT_IMPORT_OPML,
	OPT_EXPORT_OPML,
	OPT_DB,
	OPT_DEMO,
	OPT_EXPORT,
	OPT_UNREAD
};

static const struct option longopts[] = {
	{ "dump", no_argument, NULL, OPT_DUMP },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "input", required_argument, NULL, OPT_INPUT },
	{ "base-url", required_argument, NULL, OPT_BASE_URL },
	{ "parse-feed", no_argument, NULL, OPT_PARSE_FEED },
	{ "reload", no_argument, NULL, OPT_RELOAD },
	{ "import-opml", required_argument, NULL, OPT_IMPORT_OPML },
	{ "export-opml", no_argument, NULL, OPT_EXPORT_OPML },
	{ "export", no_argument, NULL, OPT_EXPORT },
	{ "unread", no_argument, NULL, OPT_UNREAD },
	{ "config", required_argument, NULL, 'c' },
	{ "db", required_argument, NULL, OPT_DB },
	{ "demo", no_argument, NULL, OPT_DEMO },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 }
};

static void
usage(FILE *f)
{
	fputs(
"usage: byline [-c FILE] [--db FILE]            read the configured feeds\n"
"       byline [-c FILE] [--db FILE] PATH|DIR|URL\n"
"                                               read one saved page, a\n"
"                                               directory of them, or a URL\n"
"       byline --demo                          the bundled offline demo\n"
"       byline --dump [--format=text|json|markdown] [--input=html|text]\n"
"                     [--base-url=URL] PATH|-\n"
"       byline --parse-feed PATH|URL|-\n"
"       byline [-c FILE] [--db FILE] --reload\n"
"       byline [-c FILE] [--db FILE] --import-opml FILE | --export-opml\n"
"       byline [--db FILE] --export [--format=tsv|json] [--unread]\n"
"\n"
"  --dump             print the article extracted from a saved page (HTML\n"
"                     or a text copy) and exit\n"
"  --format=FORMAT    text (the story's paragraphs), json or markdown\n"
"  --input=TYPE       html or text; sniffed from the content by default\n"
"  --base-url=URL     resolve the page's relative links against URL\n"
"  --parse-feed       print a feed's entries as sfeed's TSV and exit\n"
"  --reload           fetch every configured feed and the pages of its new\n"
"                     items, store them, print a summary\n"
"  --import-opml FILE add the feeds of an OPML file to feeds.conf\n"
"  --export-opml      print the configured feeds as OPML\n"
"  --export           print the stored items: --format=tsv (sfeed's\n"
"                     columns, the default) or json (one object a line,\n"
"                     with the stored story); --unread: unread ones only\n"
"  -c, --config FILE  the feeds.conf to use (default:\n"
"                     $XDG_CONFIG_HOME/byline/feeds.conf)\n"
"  --db FILE          the cache database to use (default:\n"
"                     $XDG_DATA_HOME/byline/cache.db)\n"
"  --demo             browse the bundled demo feeds, offline\n"
"  -h, --help         show this help and exit\n"
"  -V, --version      show the version and exit\n"
"\n"
"In the reader, ? lists the keys (newsboat's: J K p C u t F S | , : E) and\n"
"^E the bad config lines and failed feeds.  feeds.conf may hold newsboat\n"
"query feeds (\"query:Title:expression\").\n"
"\n"
"Exit status: 0 done, 1 the input could not be read or understood,\n"
"2 bad usage.  See byline(1).\n", f);
}

static void	 bad_usage(const char *, ...)
		    __attribute__((format(printf, 1, 2), noreturn));

static void
bad_usage(const char *fmt, ...)
{
	va_list	 ap;

	fputs("byline: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'byline --help'.\n", stderr);
	exit(2);
}

int
main(int argc, char *argv[])
{
	struct options o;
	enum mode mode = MODE_TUI;
	const char *opml = NULL, *format = NULL;
	int	 c, rc, unread = 0;

	memset(&o, 0, sizeof o);
	o.format = RENDER_TEXT;
	o.input = EXTRACT_AUTO;
	o.color = getenv("NO_COLOR") == NULL || *getenv("NO_COLOR") == '\0';

	while ((c = getopt_long(argc, argv, "c:hV", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_DUMP:
			mode = MODE_DUMP;
			break;
		case OPT_FORMAT:
			format = optarg;
			if (strcmp(optarg, "tsv") == 0)
				break;	/* --export's; checked below */
			if (strcmp(optarg, "text") == 0)
				o.format = RENDER_TEXT;
			else if (strcmp(optarg, "json") == 0)
				o.format = RENDER_JSON;
			else if (strcmp(optarg, "markdown") == 0 ||
			    strcmp(optarg, "md") == 0)
				o.format = RENDER_MARKDOWN;
			else
				bad_usage("unknown format '%s' (text, json or "
				    "markdown)", optarg);
			break;
		case OPT_INPUT:
			if (strcmp(optarg, "html") == 0)
				o.input = EXTRACT_HTML;
			else if (strcmp(optarg, "text") == 0)
				o.input = EXTRACT_TEXT;
			else
				bad_usage("unknown input type '%s' (html or "
				    "text)", optarg);
			break;
		case OPT_BASE_URL:
			o.base_url = optarg;
			break;
		case OPT_PARSE_FEED:
			mode = MODE_PARSE_FEED;
			break;
		case OPT_RELOAD:
			mode = MODE_RELOAD;
			break;
		case OPT_IMPORT_OPML:
			mode = MODE_IMPORT_OPML;
			opml = optarg;
			break;
		case OPT_EXPORT_OPML:
			mode = MODE_EXPORT_OPML;
			break;
		case OPT_EXPORT:
			mode = MODE_EXPORT;
			break;
		case OPT_UNREAD:
			unread = 1;
			break;
		case 'c':
			o.config = optarg;
			break;
		case OPT_DB:
			o.db = optarg;
			break;
		case OPT_DEMO:
			mode = MODE_DEMO;
			break;
		case 'h':
			usage(stdout);
			return 0;
		case 'V':
			printf("byline %s\n", PACKAGE_VERSION);
			return 0;
		default:
			fputs("Try 'byline --help'.\n", stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	/* Only the reader depends on the locale (ncursesw draws wide
	 * characters by it); the other modes read and write UTF-8 on their
	 * own and need not load it. */
	if (mode == MODE_TUI || mode == MODE_DEMO)
		setlocale(LC_ALL, "");

	if (format != NULL && (mode == MODE_EXPORT ?
	    strcmp(format, "tsv") != 0 && strcmp(format, "json") != 0 :
	    strcmp(format, "tsv") == 0))
		bad_usage("unknown format '%s' (%s)", format,
		    mode == MODE_EXPORT ? "tsv or json" :
		    "text, json or markdown");
	if (unread && mode != MODE_EXPORT)
		bad_usage("%s", "--unread goes with --export");

	switch (mode) {
	case MODE_DUMP:
		if (argc != 1)
			bad_usage("%s", argc == 0 ? "--dump needs a PATH or - "
			    "for standard input" : "--dump takes one PATH");
		rc = cmd_dump(&o, argv[0], stdout, stderr);
		break;
	case MODE_PARSE_FEED:
		if (argc != 1)
			bad_usage("%s", "--parse-feed takes one PATH, URL or -");
		rc = cmd_parse_feed(&o, argv[0], stdout, stderr);
		break;
	case MODE_RELOAD:
		if (argc != 0)
			bad_usage("%s", "--reload takes no arguments");
		rc = cmd_reload(&o, stdout, stderr);
		break;
	case MODE_IMPORT_OPML:
		if (argc != 0)
			bad_usage("%s", "--import-opml takes one FILE");
		rc = cmd_import_opml(&o, opml, stdout, stderr);
		break;
	case MODE_EXPORT_OPML:
		if (argc != 0)
			bad_usage("%s", "--export-opml takes no arguments");
		rc = cmd_export_opml(&o, stdout, stderr);
		break;
	case MODE_EXPORT:
		if (argc != 0)
			bad_usage("%s", "--export takes no arguments");
		rc = cmd_export(&o, format == NULL || strcmp(format, "tsv") ==
		    0, unread, stdout, stderr);
		break;
	case MODE_DEMO:
		if (argc != 0)
			bad_usage("%s", "--demo takes no arguments");
		rc = cmd_tui(&o, NULL, 1, stderr);
		break;
	case MODE_TUI:
	default:
		if (argc > 1)
			bad_usage("%s", "give one PATH, DIR or URL at most");
		rc = cmd_tui(&o, argc == 1 ? argv[0] : NULL, 0, stderr);
		break;
	}
	curl_lazy_cleanup();
	return rc;
}
