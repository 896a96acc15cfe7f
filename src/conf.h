/*
 * conf: the person's configuration.  feeds.conf lists the feeds in
 * newsboat's "urls" syntax, so a newsboat user copies theirs as it is:
 *
 *	# comment
 *	https://example.org/feed.xml "tech" "news" "~Custom title"
 *	https://example.org/other tag-without-quotes "!"
 *
 * one URL per line, then tags (double-quoted, or bare words), a tag
 * starting with '~' being the custom title and the tag "!" hiding the
 * feed from the feed list.  A query feed is one quoted token,
 * "query:Title:expression" (newsboat's filter language, filter.h), then
 * tags.  Newsboat's "exec:CMD" (the output of a command of the
 * person's, as the feed) and "filter:CMD:URL" (URL's body piped through
 * the command) are kept as they are written, for the sync engine to run.
 * The settings file "config" beside it holds "key value" lines (see
 * feeds.conf.example); "bind KEY ACTION" and "macro KEY ACTION..." lines
 * are checked by the caller's check_bind (when set) and kept, "color"
 * lines are checked against newsboat's elements, colours and
 * attributes, "ignore-article FEED EXPRESSION" against filter.h.
 *
 * A bad line costs only itself: it is skipped and a "FILE:LINE: why"
 * message is added to warnings[] (the caller prints them or shows them).
 * Nothing is printed here.  This is a parser: no network, no store.
 *
 * Ownership: struct conf is caller-held: conf_init(), then conf_load()
 * or the conf_parse_*() functions, then conf_release(), which frees all
 * strings and arrays.  Returns 0, or -1 with eb set ("PATH: why") when a
 * file cannot be read or memory runs out.
 */
#ifndef BYLINE_CONF_H
#define BYLINE_CONF_H

#include <stddef.h>

#include "util.h"

struct conf_feed {
	char	*url;
	char	*title;		/* "~Title", without the '~', or NULL */
	char	**tags;		/* ntags tags, without "!" and "~..." */
	size_t	 ntags;
	int	 hidden;	/* tag "!" */
	size_t	 line;		/* in feeds.conf, 1-based */
};

/* A query feed: "query:Title:expression" and tags. */
struct conf_query {
	char	*title;
	char	*expr;		/* compiles with filter_compile() */
	char	**tags;
	size_t	 ntags;
	size_t	 line;
};

/*
 * A "bind KEY ACTION", "color ELEMENT FG BG [ATTR...]", "macro KEY
 * ACTION [; ACTION...]" or "ignore-article FEED EXPRESSION" line.
 */
struct conf_directive {
	size_t	 line;
	char	*key;		/* KEY, ELEMENT, or FEED ("*": every feed) */
	char	*value;		/* ACTION, the colours, the actions
				   separated by ";", or EXPRESSION */
};

struct conf {
	char		*feeds_path;	/* as loaded, or NULL */
	char		*settings_path;
	struct conf_feed *feeds;
	size_t		 nfeeds;
	struct conf_query *queries;
	size_t		 nqueries;

	/* Settings, with the defaults of bounds.h until set. */
	long		 reload_concurrency;	/* transfers at once */
	long		 host_concurrency;	/* per host */
	long		 connect_timeout_ms;
	long		 timeout_ms;
	char		*user_agent;	/* or NULL: fetch's default */
	long		 prefetch_max;	/* pages per reload; 0: none */
	long		 prefetch_days;	/* of items this recent */
	char		*browser;	/* or NULL: $BROWSER, then xdg-open */
	int		 reload_on_start;	/* the reader reloads at once */
	long		 reload_interval;	/* seconds, or -1: not set */
	int		 auto_reload;		/* newsboat's, with: */
	long		 reload_time;		/* minutes */
	char		*save_path;	/* folder for saved articles, or NULL */

	struct conf_directive *binds;
	size_t		 nbinds;
	struct conf_directive *colors;
	size_t		 ncolors;
	struct conf_directive *macros;
	size_t		 nmacros;
	struct conf_directive *ignores;
	size_t		 nignores;

	/*
	 * Set by the caller before loading (NULL: bind and macro lines are
	 * kept unchecked): checks that key names a key and action an
	 * operation; returns 0, or -1 with eb set to why.  A bad line is
	 * then reported and dropped.
	 */
	int		(*check_bind)(const char *key, const char *action,
			    struct errbuf *eb);

	char		**warnings;	/* "FILE:LINE: why" */
	size_t		 nwarnings;
};

void	 conf_init(struct conf *);
void	 conf_release(struct conf *);

/*
 * The default paths: $XDG_CONFIG_HOME/byline/feeds.conf (else
 * $HOME/.config/...) and "config" in the same directory as feeds_path
 * (the override when feeds is not NULL).  Caller frees both.
 */
int	 conf_paths(const char *feeds, char **feeds_path, char **settings_path,
	    struct errbuf *eb) WARN_UNUSED;

/*
 * Loads feeds.conf from feeds_path and the settings from settings_path
 * (NULL: none).  A missing settings file is no error; a missing
 * feeds.conf is when must_exist is set, else it gives no feeds.
 */
int	 conf_load(struct conf *, const char *feeds_path,
	    const char *settings_path, int must_exist, struct errbuf *eb)
	    WARN_UNUSED;

/* Parse text (n bytes) as feeds.conf or as config; where names the file
 * in warnings.  Feeds and settings add to those already in c. */
int	 conf_parse_feeds(struct conf *, const char *where, const char *text,
	    size_t n, struct errbuf *eb) WARN_UNUSED;
int	 conf_parse_settings(struct conf *, const char *where,
	    const char *text, size_t n, struct errbuf *eb) WARN_UNUSED;

/* The URL of a "filter:CMD:URL" feed (inside feed), or NULL when feed
 * is no filter: feed or has no URL after its command. */
const char	*conf_filter_url(const char *feed);

/*
 * One settings line ("browser \"w3m %u\"", "bind x quit"), as the
 * settings file has it, from the reader's command line or a macro's
 * "set".  Returns 0, or -1 with eb set to why (nothing changed).
 */
int	 conf_set(struct conf *, const char *line, struct errbuf *eb)
	    WARN_UNUSED;

/*
 * Seconds between the reader's background reloads, 0 for none:
 * reload-interval when set, else newsboat's reload-time when its
 * auto-reload is on.
 */
long	 conf_reload_seconds(const struct conf *);

/* The feed with this URL, or NULL. */
const struct conf_feed	*conf_find_feed(const struct conf *, const char *url);

/*
 * Appends one feeds.conf line for url (quoted tags, "~title" when title
 * is not NULL, no newline) to out, quoting '"' and '\' inside.
 */
int	 conf_format_feed(struct buf *out, const char *url, const char *title,
	    char *const *tags, size_t ntags) WARN_UNUSED;

#endif
