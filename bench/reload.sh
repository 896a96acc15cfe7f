#!/bin/sh
# bench/reload: times "byline --reload" against newsraft ("-e reload-all")
# and "newsboat -x reload" in the same run on the same feeds, cold (empty
# store) and warm (every feed answers 304).
#
#   [RUNS=N] bench/reload.sh [NFEEDS] [ENTRIES]
#                   defaults: 5 runs, 200 feeds, 50 entries
#
# The feeds are served by tests/httpd.py from 50 loopback addresses
# (127.0.0.1 .. 127.0.0.50, NFEEDS/50 feeds each, so that per-host limits
# act as on the web), each answer delayed 50 ms, ETag and Last-Modified
# honoured.  newsboat runs with "reload-threads 8", newsraft with its
# defaults.  The programs take turns, RUNS times; prints the wall time
# and peak RSS of each run, their medians, the store sizes and the
# ratios of the medians (the machines are shared and noisy: one run
# says little).  A peer that is not installed is skipped: newsboat is
# found on PATH (or as $NEWSBOAT), newsraft on PATH or as $NEWSRAFT (it
# is not in Debian; build it from its public source, outside this
# tree).  Run by hand; never gates make check.
set -eu

nfeeds=${1:-200}
entries=${2:-50}
runs=${RUNS:-5}
top=$(cd "$(dirname "$0")/.." && pwd)
byline=${BYLINE:-$top/build/src/byline}
[ -x "$byline" ] || { echo "bench: build byline first ($byline)" >&2; exit 1; }
newsraft=${NEWSRAFT:-$(command -v newsraft || true)}
[ -n "$newsraft" ] && [ -x "$newsraft" ] || newsraft=
# NEWSBOAT= (empty) skips newsboat, whose 1000-feed runs take minutes
newsboat=${NEWSBOAT-$(command -v newsboat || true)}
[ -n "$newsraft" ] || echo "bench: no newsraft (set NEWSRAFT), skipped" >&2
[ -n "$newsboat" ] || echo "bench: no newsboat, skipped" >&2

tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-bench.XXXXXX")
srv=
trap '[ -n "$srv" ] && kill $srv 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/feeds" "$tmp/home"

python3 "$top/tests/httpd.py" --root "$tmp/feeds" --addrs 50 --delay 0.05 \
    >"$tmp/port" 2>"$tmp/httpd.err" &
srv=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(head -n 1 "$tmp/port")

python3 - "$tmp" "$port" "$nfeeds" "$entries" <<'EOF'
import email.utils, sys
tmp, port, nfeeds, entries = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
    int(sys.argv[4])
para = ("<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
        "eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>")
with open(tmp + "/urls", "w") as urls:
    for n in range(nfeeds):
        items = []
        for k in range(entries):
            d = email.utils.formatdate(1739750400 - k * 3600, usegmt=True)
            items.append(
                "<item><title>Feed %d story %d about topic %d</title>"
                "<link>http://example.org/%d/%d</link>"
                "<guid>urn:bench:%d:%d</guid><pubDate>%s</pubDate>"
                "<description><![CDATA[%s]]></description></item>\n"
                % (n, k, k % 7, n, k, n, k, d, para * 3))
        with open("%s/feeds/f%d.xml" % (tmp, n), "w") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<rss version="2.0"><channel><title>Bench feed %d'
                    '</title><link>http://example.org/%d</link>\n%s'
                    '</channel></rss>\n' % (n, n, "".join(items)))
        urls.write('http://127.0.0.%d:%s/f%d.xml "bench"\n'
                   % (n % 50 + 1, port, n))
EOF

printf 'reload-threads 8\n' >"$tmp/newsboat.conf"
: >"$tmp/newsraft.conf"

# measure NAME CMD...: prints "NAME wall_s rss_kb" and appends them to
# $tmp/NAME.runs
measure() {
	name=$1
	shift
	/usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >"$tmp/$name.out" \
	    2>"$tmp/$name.err" || true
	tail -n 1 "$tmp/time" >>"$tmp/$name.runs"
	printf '%-16s %7.2f s %8d kB\n' "$name" \
	    "$(tail -n 1 "$tmp/time" | cut -d ' ' -f 1)" \
	    "$(tail -n 1 "$tmp/time" | cut -d ' ' -f 2)"
}

# median NAME FIELD: the median of a column of $tmp/NAME.runs (1 wall,
# 2 RSS), 0 when NAME never ran
median() {
	[ -f "$tmp/$1.runs" ] || { echo 0; return; }
	cut -d ' ' -f "$2" "$tmp/$1.runs" | sort -n |
	    awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

echo "bench: $nfeeds feeds x $entries entries, 50 addresses, 50 ms delay," \
    "$runs runs"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
    XDG_DATA_HOME="$tmp/home/.local/share"
# the programs take turns run by run, so that a drift of the machine's
# speed falls on all of them; each cold run starts from an empty store
r=0
while [ $r -lt "$runs" ]; do
	r=$((r + 1))
	rm -f "$tmp"/byline.db* "$tmp"/nr.db* "$tmp"/nb.db*
	measure byline-cold "$byline" -c "$tmp/urls" --db "$tmp/byline.db" \
	    --reload
	measure byline-warm "$byline" -c "$tmp/urls" --db "$tmp/byline.db" \
	    --reload
	if [ -n "$newsraft" ]; then
		measure newsraft-cold "$newsraft" -f "$tmp/urls" \
		    -d "$tmp/nr.db" -c "$tmp/newsraft.conf" -e reload-all
		measure newsraft-warm "$newsraft" -f "$tmp/urls" \
		    -d "$tmp/nr.db" -c "$tmp/newsraft.conf" -e reload-all
	fi
	if [ -n "$newsboat" ]; then
		measure newsboat-cold newsboat -x reload -u "$tmp/urls" \
		    -c "$tmp/nb.db" -C "$tmp/newsboat.conf"
		measure newsboat-warm newsboat -x reload -u "$tmp/urls" \
		    -c "$tmp/nb.db" -C "$tmp/newsboat.conf"
	fi
done
for name in byline-cold byline-warm newsraft-cold newsraft-warm \
    newsboat-cold newsboat-warm; do
	eval "${name%%-*}_${name##*-}_wall=\$(median $name 1)"
	eval "${name%%-*}_${name##*-}_rss=\$(median $name 2)"
done
[ "$runs" -gt 1 ] && printf 'medians of %d runs:\n' "$runs" &&
    for name in byline-cold byline-warm newsraft-cold newsraft-warm \
    newsboat-cold newsboat-warm; do
	[ -f "$tmp/$name.runs" ] && printf '%-16s %7.2f s %8d kB\n' "$name" \
	    "$(median $name 1)" "$(median $name 2)"
done
tail -n 1 "$tmp/byline-cold.out"
tail -n 1 "$tmp/byline-warm.out"
# count TABLE DB: rows, or - when the file is missing
count() {
	[ -f "$2" ] || { echo -; return; }
	python3 -c 'import sqlite3,sys
print(sqlite3.connect(sys.argv[1]).execute("select count(*) from " +
    sys.argv[2]).fetchone()[0])' "$2" "$1"
}
# size FILE: kB of the database and of the write-ahead log it may keep
size() {
	[ -f "$1" ] || { echo 0; return; }
	du -ck "$1" "$1-wal" 2>/dev/null | tail -n 1 | cut -f 1
}
echo "items stored: byline $(count items "$tmp/byline.db"), newsraft" \
    "$(count items "$tmp/nr.db"), newsboat $(count rss_item "$tmp/nb.db")"
echo "store size: byline $(size "$tmp/byline.db") kB, newsraft" \
    "$(size "$tmp/nr.db") kB, newsboat $(size "$tmp/nb.db") kB"
python3 - "${byline_cold_wall}" "${byline_warm_wall}" "${byline_cold_rss}" \
    "$(size "$tmp/byline.db")" \
    "${newsraft_cold_wall:-0}" "${newsraft_warm_wall:-0}" \
    "${newsraft_cold_rss:-0}" "$(size "$tmp/nr.db")" \
    "${newsboat_cold_wall:-0}" "${newsboat_warm_wall:-0}" \
    "${newsboat_cold_rss:-0}" <<'EOF'
import sys
bc, bw, br, bs, rc, rw, rr, rs, nc, nw, nr = map(float, sys.argv[1:])
if rc > 0:
    print("newsraft/byline: cold %.2fx, warm %.2fx; peak RSS byline/newsraft "
          "%.2f; store byline/newsraft %.2f"
          % (rc / max(bc, 0.01), rw / max(bw, 0.01), br / max(rr, 1),
             bs / max(rs, 1)))
if nc > 0:
    print("newsboat/byline: cold %.1fx, warm %.1fx; peak RSS byline/newsboat "
          "%.2f" % (nc / max(bc, 0.01), nw / max(bw, 0.01), br / max(nr, 1)))
EOF
