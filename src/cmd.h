/*
 * cmd: the command line's modes.  main.c parses options into struct
 * options and calls one cmd_* function, which returns the exit status
 * (0 done, 1 input could not be read or understood, 2 bad usage) and
 * prints its own output and one-line error messages to the given streams.
 */
#ifndef BYLINE_CMD_H
#define BYLINE_CMD_H

#include <stdio.h>

#include "extract.h"
#include "render.h"

struct options {
	const char	*config;	/* -c: feeds.conf, or NULL (XDG) */
	const char	*db;		/* --db, or NULL (XDG) */
	enum render_format format;
	enum extract_input input;
	const char	*base_url;
	int		 color;		/* 0 when NO_COLOR is set */
};

/* cmd_net.c: fetches url (at most max_bytes), handing the body to
 * on_data as it arrives (-1 stops it).  Blocks until done.  Returns 0
 * with *final_url and *content_type (may be NULL; caller frees), or -1
 * with eb set to "URL: why".  How long one wait for the network lasts: */
#define CMD_NET_POLL_MS	1000
int	 cmd_fetch(const char *url, size_t max_bytes,
	    int (*on_data)(void *, const char *, size_t), void *ctx,
	    char **final_url, char **content_type, struct errbuf *eb);

/* cmd_dump.c */
int	 cmd_dump(const struct options *, const char *target, FILE *out,
	    FILE *err);
/* cmd_feed.c: --parse-feed PATH|URL|- */
int	 cmd_parse_feed(const struct options *, const char *target, FILE *out,
	    FILE *err);
/* cmd_follow.c: --reload */
int	 cmd_reload(const struct options *, FILE *out, FILE *err);
/* cmd_export.c: --export; tsv: sfeed's TSV, else JSON lines */
int	 cmd_export(const struct options *, int tsv, int unread, FILE *out,
	    FILE *err);
/* cmd_opml.c: --import-opml, --export-opml, and what the commands that
 * use feeds.conf and the store share: loading the configuration
 * (warnings printed to err; -1 when unusable) and the store's path
 * (--db or the default; caller frees; NULL with eb set). */
struct conf;
int	 cmd_load_conf(const struct options *, struct conf *, FILE *err);
char	*cmd_db_path(const struct options *, struct errbuf *eb);
int	 cmd_import_opml(const struct options *, const char *file, FILE *out,
	    FILE *err);
int	 cmd_export_opml(const struct options *, FILE *out, FILE *err);
/* cmd_tui.c: the interactive reader; target is a PATH, DIR or URL or
 * NULL for the configured feeds; demo selects the bundled demo. */
int	 cmd_tui(const struct options *, const char *target, int demo,
	    FILE *err);

#endif
