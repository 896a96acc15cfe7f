/*
 * bounds: every size, count and time limit byline enforces, in one place,
 * each with its unit and the reason for its value.  Input from the network
 * or from files is hostile; these caps bound the memory and time it can
 * cost.  The man page's LIMITS section lists them with the tests that
 * prove them.
 */
#ifndef BYLINE_BOUNDS_H
#define BYLINE_BOUNDS_H

/* A saved page or text copy read by --dump: far above any real article
 * (the corpus's largest page is under 2 MB), low enough to bound memory. */
#define INPUT_MAX_BYTES		(64UL * 1024 * 1024)

/* One field of the article model (title, byline, a paragraph).  A
 * paragraph longer than this is cut, not refused. */
#define ARTICLE_FIELD_MAX_BYTES	(1UL * 1024 * 1024)

/* Blocks, links and related entries of one article: a real article has
 * hundreds at most; the caps stop a hostile page from growing arrays. */
#define ARTICLE_BLOCKS_MAX	100000
#define ARTICLE_LINKS_MAX	20000
#define ARTICLE_RELATED_MAX	1000

/* Rendered output of one article (text, JSON or markdown) into a buffer,
 * and its JSON body or one block on its way to a sink. */
#define RENDER_MAX_BYTES	(256UL * 1024 * 1024)

/* Rendered output staged before it is handed to the sink: big enough
 * that a long article takes few writes, small beside the article. */
#define RENDER_FLUSH_BYTES	(64UL * 1024)

/* A date string worth parsing: the longest real form is about 40 bytes. */
#define DATE_MAX_BYTES		128

/* Lines of a text copy considered by the text extractor: a page copy has
 * a few thousand; beyond this the rest is ignored. */
#define TEXT_LINES_MAX		200000

/* One line of a text copy: a 10 MB line is cut here so that the line
 * scoring stays linear. */
#define TEXT_LINE_MAX_BYTES	(256UL * 1024)

/* An error message: one line, "where: what". */
#define ERRBUF_BYTES		512

/* A URL: browsers accept about 2 MB, real links are far shorter. */
#define URL_MAX_BYTES		(64UL * 1024)

/* follow (conf, fetch, store, opml): limits of the feed-following part. */

/* One line of feeds.conf or config: newsboat's own lines are far shorter;
 * a longer line is reported and skipped. */
#define CONF_LINE_MAX_BYTES	(64UL * 1024)

/* A file path we build (config, database): Linux's PATH_MAX. */
#define CONF_PATH_MAX_BYTES	4096

/* A feeds.conf or config file: 10 000 feeds take under 2 MB. */
#define CONF_FILE_MAX_BYTES	(16UL * 1024 * 1024)

/* Feeds in feeds.conf and tags on one feed: bound arrays a hostile or
 * broken file could grow. */
#define CONF_FEEDS_MAX		100000
#define CONF_TAGS_MAX		64

/* Feed and page bodies, enforced while receiving (issue 6): the largest
 * real feeds are a few MB, pages under 2 MB. */
#define FETCH_FEED_MAX_BYTES	(20UL * 1024 * 1024)
#define FETCH_PAGE_MAX_BYTES	(10UL * 1024 * 1024)

/* Redirects followed per transfer: browsers allow about 20; a feed that
 * needs more than 5 is broken or looping. */
#define FETCH_REDIRECTS_MAX	5

/* Default transfers at once and per host: many hosts load in parallel
 * while one host gets no more than a browser's share.  100 at once is
 * what newsraft reaches on bench/reload.sh (70 to 104 in flight); at 32
 * a reload of 1000 feeds on 50 hosts waited on the cap, not the hosts.  Settings
 * reload-concurrency and host-concurrency override them, up to
 * FETCH_TOTAL_MAX. */
#define FETCH_TOTAL_DEFAULT	100
#define FETCH_HOST_DEFAULT	2
#define FETCH_TOTAL_MAX		256

/* Timeouts: connect covers DNS and TLS; total bounds one transfer; a
 * transfer slower than FETCH_LOW_SPEED_BYTES per second for
 * FETCH_LOW_SPEED_SECONDS (a stalled server) is dropped. */
#define FETCH_CONNECT_TIMEOUT_MS 10000L
#define FETCH_TIMEOUT_MS	60000L
#define FETCH_LOW_SPEED_BYTES	64L
#define FETCH_LOW_SPEED_SECONDS	15L

/* The charset name taken from a Content-Type header (IANA names are
 * at most 40 characters). */
#define FETCH_CHARSET_MAX_BYTES	64

/* A response header value kept (ETag, Last-Modified, Content-Type). */
#define FETCH_HEADER_MAX_BYTES	1024

/* Body bytes libcurl reads and hands over at a time (its default is
 * 16 kB): each running transfer has such a buffer, and a transfer
 * paused by the sync engine keeps one more copy of what it refused.
 * With 16 kB the peak RSS of a cold reload of 200 feeds was 0.6 to
 * 2.2 MB higher (medians of 7 runs); the feed parser takes 1 kB slices
 * anyway (FEED_XML_SLICE_BYTES). */
#define FETCH_BUFFER_BYTES	4096L

/* How long a store call waits for another byline holding the database
 * (the TUI and --reload at once) before it reports "database is locked". */
#define STORE_BUSY_TIMEOUT_MS	5000

/* Items kept per feed update: a feed with more entries than this is
 * cut (a real feed has tens to a few thousand). */
#define STORE_ITEMS_PER_FEED_MAX 100000

/* Fetches of an item's page that may fail before prefetch gives it up:
 * a server down for one reload gets another chance, a page that always
 * fails (gone, not HTML, too big) is not fetched at every reload. */
#define STORE_PAGE_TRIES_MAX	3

/* Pages (4 kB) the write-ahead log may grow to before a commit copies
 * it into the database (PRAGMA wal_autocheckpoint; SQLite's default is
 * 1000).  Each checkpoint costs two fsyncs and copies pages that later
 * commits rewrite anyway: a cold --reload of 200 feeds made 22 of them;
 * at 16384 (64 MB) it makes none, and the log is folded in once when
 * the last connection closes.  Bounds the log's disk space. */
#define STORE_WAL_CHECKPOINT_PAGES 16384
/* The log is cut back to this after a checkpoint (journal_size_limit),
 * so a big --reload does not leave 64 MB on disk. */
#define STORE_WAL_KEEP_BYTES	(4L * 1024 * 1024)
/* The writer of --reload checkpoints when idle once the log holds this
 * many pages (SQLite's default auto-checkpoint size): the copy then
 * overlaps the network instead of delaying the exit (0.2 s of a cold
 * 200-feed reload when all of it was left to store_close()). */
#define STORE_WAL_IDLE_PAGES	1000

/* store_close() gives the free pages of the file back past this many
 * (4 kB each): FTS5's merges free 0-260 pages in a cold 200-feed
 * reload, a different count at each run; a few are kept for the next
 * writes to reuse. */
#define STORE_FREE_PAGES_KEEP	64
/* and at most this many at a close (64 MB), so that it stays short */
#define STORE_TRIM_PAGES	16384

/* An OPML file to import: 10 000 feeds take about 2 MB. */
#define OPML_MAX_BYTES		(16UL * 1024 * 1024)

/* Outline nesting depth taken as tags; deeper levels are flattened. */
#define OPML_DEPTH_MAX		16

/* ui (layout, screens): limits of the reader. */

/* Lines of one laid-out article: a long read wraps to a few thousand
 * lines; a hostile page is cut here, with a note, rather than refused. */
#define LAYOUT_LINES_MAX	500000

/* One screen line in bytes: a 1000-column terminal of 4-byte characters
 * with prefixes fits easily. */
#define LAYOUT_LINE_MAX_BYTES	(16UL * 1024)

/* Narrowest width laid out, in columns: below it the prefixes ("  • ",
 * "[n] ") would leave no room for a word. */
#define LAYOUT_MIN_COLS		12

/* Widest text column of the article view: longer lines are hard to
 * read; a wider terminal gets margins instead. */
#define UI_TEXT_MAX_COLS	100

/* Screens on the reader's stack at once: feeds, headlines, article and
 * help are four deep at most; the rest is room for screens to come. */
#define UI_MODES_MAX		16

/* Articles remembered by Backspace in the article view. */
#define UI_HISTORY_MAX		64

/* Store articles shown as related below a story (issue 7: up to 5). */
#define UI_RELATED_MAX		5

/* Search results shown as a headline list. */
#define UI_SEARCH_MAX		500

/* Items of a query feed (or an F filter) listed at once, the newest: a
 * few screens' worth, so that a query over a big store is on the screen
 * at once; the rest follow when no key waits. */
#define UI_QUERY_FIRST_ITEMS	200

/* Saved pages listed from a directory, and the bytes read from each to
 * find its title. */
#define UI_DIR_FILES_MAX	10000

/* How long the event loop waits for a key before it moves the fetcher
 * on: short enough for progress to look live, long enough to idle. */
#define UI_TICK_MS		50

/* A line typed at a prompt (search, bind). */
#define UI_PROMPT_MAX_BYTES	1024

/* Feed parser (src/feed.c).  The body of one entry's content: the
 * corpus's largest description is 3 MB; a longer one is cut, not refused.
 * With the text fields below this bounds one entry to about 10 MB. */
#define FEED_CONTENT_MAX_BYTES	(4UL * 1024 * 1024)

/* One text field of an entry (title, id, author, link, categories): real
 * titles are under 1 KB, the corpus's longest is 190 KB; cut beyond. */
#define FEED_FIELD_MAX_BYTES	(768UL * 1024)

/* Bytes kept before the parser starts, to sniff the format and the XML
 * declaration's encoding: a declaration is under 100 bytes, but leading
 * white space and comments may come first. */
#define FEED_SNIFF_BYTES	1024

/* Bytes of input repaired at a time (invalid UTF-8, C0 controls) before
 * they are handed to libxml2. */
#define FEED_FILTER_BYTES	(64UL * 1024)

/* Bytes handed to libxml2's push parser at a time (src/feed.c): it
 * keeps what it was given in an input buffer that starts at 8 kB and
 * doubles to hold a chunk and the parsed bytes before it, and never
 * shrinks.  Slices of 1 kB keep it at 8 kB, where the 16 kB reads of a
 * transfer made it 32 kB a parser; the extra calls cost under 5% of
 * the parse (--parse-feed of a 6 MB feed).  Above 1 kB it doubled
 * once. */
#define FEED_XML_SLICE_BYTES	1024

/* Nested xml:base attributes tracked: real feeds have one or two; deeper
 * ones are ignored (links stay as the feed wrote them). */
#define FEED_BASE_DEPTH_MAX	16

/* Elements open at once in a feed: real feeds nest fewer than 20; libxml2's
 * push parser has no limit of its own, and each level costs memory. */
#define FEED_DEPTH_MAX		256

/* --parse-feed reads its input in pieces of this size, as the fetcher
 * would hand them over. */
#define FEED_READ_BYTES		(64UL * 1024)

/* A JSON Feed is parsed whole (json-c builds a tree): the largest real
 * ones are a few MB. */
#define FEED_JSON_MAX_BYTES	(8UL * 1024 * 1024)

/* HTML extractor (src/extract_html*.c).  Related entries taken from
 * teaser boxes: a page shows a dozen or two; more is a link farm. */
#define HTML_RELATED_MAX	50

/* Bytes of a page searched for a <meta> charset: HTML requires it in
 * the first 1024; pages are sloppy, so more, but bounded. */
#define HTML_SNIFF_BYTES	8192

/* Content roots (the story's container and its siblings) kept: stories
 * have a few dozen at most; the list lives on the stack. */
#define HTML_ROOTS_MAX		512
/* Paragraphs taken from before the container as its lede: a lede is a
 * paragraph or two, a first chunk a handful. */
#define HTML_LEDES_MAX		16

/* Text kept of one HTML node when its text is read whole (titles,
 * bylines, teaser headlines). */
#define HTML_NODE_TEXT_MAX_BYTES	(64UL * 1024)

/* Warnings kept from one feeds.conf or config: a broken file would
 * otherwise keep one per line (a 16 MB file of bad lines, two million);
 * the last kept says that the rest are not shown. */
#define CONF_WARNINGS_MAX	100

/* libxml2's arena in one-shot commands (src/arena.c): chunks of 4 MB
 * (two huge pages); all of it at most 2 GB, which a page of
 * INPUT_MAX_BYTES stays well under (the parser asks for about 20 times
 * the page and gives most of it back). */
#define ARENA_CHUNK_BYTES	(4UL * 1024 * 1024)
#define ARENA_MAX_BYTES		(2048UL * 1024 * 1024)

/* Feeds parsed and waiting for the sync engine's writer thread
 * (src/sync.c): as many as transfers run at once by default, so a
 * round of answers never waits for the disk; past it the transfer loop
 * waits, which bounds the memory of parsed entries held. */
#define SYNC_WRITE_QUEUE_MAX	100
/* Bytes of parsed entries the sync engine holds before the writer takes
 * them (src/sync.c): of feeds being parsed and of feeds waiting in the
 * writer's queue.  Past it, feed transfers pause (the rest of a body
 * waits in its socket) until the writer takes some: the network gets
 * ahead of the disk by this much, not by every feed it can fetch (all
 * 200 feeds of bench/reload.sh, 5.7 MB).  Smaller, the writer's
 * batches get smaller: at 1 MB a cold reload of 200 feeds took 12%
 * longer and left a 14% larger log, at 1.5 MB one of 1000 feeds took
 * 14% more CPU and a 15% larger log; at 2 MB neither moved. */
#define SYNC_PARSED_MAX_BYTES	(2048UL * 1024)
/* Jobs the writer commits in one transaction, when that many wait:
 * everything the queue above may hold.
 * Per-feed commits rewrote the pages every feed touches and made the
 * log grow six times the data (46 MB for an 8 MB cold reload of 200
 * feeds); the writer kept up with 100 feeds a second, the bottleneck
 * of a cold reload of 1000.  At 32, a cold 1000-feed reload took 2.67
 * to 3.48 s in three runs; at 100, 2.46 to 2.81 s. */
#define SYNC_WRITE_BATCH_MAX	SYNC_WRITE_QUEUE_MAX

/* The page cache of the writer's connection, in KiB (SQLite's default
 * is 2000): it appends items, and a cold reload of 200 feeds wrote
 * through any cache (3.7 MB of pages a batch).  At 1024 the peak RSS
 * of that reload was 1.5 MB lower, for 4% more writes and 9% more
 * reads of the file's pages (strace, cold reload of 1000 feeds). */
#define SYNC_STORE_CACHE_KIB	1024

/* Article pages received and waiting for an extraction thread: each
 * holds up to FETCH_PAGE_MAX_BYTES, so this bounds the bodies held at
 * once; past it the transfer loop waits for a thread. */
#define SYNC_EXTRACT_QUEUE_MAX	8
/* Threads extracting prefetched pages, off the transfer loop: one
 * page takes tens of milliseconds of CPU, a fetch round 50 ms or more,
 * and the machines byline runs on have two cores or more. */
#define SYNC_EXTRACT_THREADS	2

/* Prefetch defaults (settings prefetch-max, prefetch-days): a reload
 * fetches the pages of at most 200 new items, published in the last 3
 * days, so that a first reload of 200 feeds of 50 entries fetches 200
 * pages, not 10,000, while a daily reload of a few dozen feeds gets
 * every new story.  prefetch-max is at most SYNC_PREFETCH_MAX. */
#define SYNC_PREFETCH_DEFAULT	200
#define SYNC_PREFETCH_DAYS_DEFAULT 3
#define SYNC_PREFETCH_MAX	100000
#define SYNC_PREFETCH_DAYS_MAX	36500

/* exec: and filter: commands (src/spawn.c): their output is read in
 * pieces of this size; after the output ends, whether the command has
 * exited is looked at this often until the timeout. */
#define SPAWN_READ_BYTES	(64 * 1024)
#define SPAWN_WAIT_POLL_MS	10

/* A stored story (src/story.c) as JSON: an article's blocks are capped
 * by ARTICLE_* above; a page of FETCH_PAGE_MAX_BYTES gives less. */
#define STORY_MAX_BYTES		(16UL * 1024 * 1024)
/* A date's offset from UTC in a stored story: within a day. */
#define STORY_DATE_OFFSET_MAX_SECONDS (24L * 60 * 60)

/* A filter expression (query feeds, "F", ignore-article): newsboat's
 * are one line; a page of them is already past what a person writes.
 * Parentheses nest at most FILTER_DEPTH_MAX (the parser recurses) and
 * one expression binds at most FILTER_VALUES_MAX values; the SQL made
 * of one stays under FILTER_SQL_MAX_BYTES. */
#define FILTER_EXPR_MAX_BYTES	4096
#define FILTER_DEPTH_MAX	32
#define FILTER_VALUES_MAX	128
#define FILTER_SQL_MAX_BYTES	(64UL * 1024)
/* The file name a saved article is offered (the title made safe):
 * long enough to tell articles apart, short of NAME_MAX (255). */
#define SAVE_NAME_MAX_BYTES	80

/* A repetition count in a filter's regular expression ("a{100}"):
 * glibc's regcomp() copies the repeated part that many times. */
#define FILTER_REPEAT_MAX	100
#define FILTER_REPEAT_MAX_S	"100"

#endif
