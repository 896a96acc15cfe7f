#!/bin/sh
# bench/reload: times "byline --reload" against "newsboat -x reload" on the
# same feeds, cold (empty store) and warm (every feed answers 304).
#
#   bench/reload.sh [NFEEDS] [ENTRIES]     defaults: 200 feeds, 50 entries
#
# The feeds are served by tests/httpd.py from 50 loopback addresses
# (127.0.0.1 .. 127.0.0.50, NFEEDS/50 feeds each, so that per-host limits
# act as on the web), each answer delayed 50 ms, ETag and Last-Modified
# honoured.  newsboat runs with "reload-threads 8".  Prints wall time and
# peak RSS of each run and the ratios.  Run by hand; never gates make check.
set -eu

nfeeds=${1:-200}
entries=${2:-50}
top=$(cd "$(dirname "$0")/.." && pwd)
byline=${BYLINE:-$top/build/src/byline}
[ -x "$byline" ] || { echo "bench: build byline first ($byline)" >&2; exit 1; }
command -v newsboat >/dev/null || { echo "bench: no newsboat" >&2; exit 1; }

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

# measure NAME CMD...: prints "NAME wall_s rss_kb" and keeps them
measure() {
	name=$1
	shift
	/usr/bin/time -f "%e %M" -o "$tmp/time" "$@" >"$tmp/$name.out" \
	    2>"$tmp/$name.err" || true
	read -r wall rss <"$tmp/time"
	printf '%-16s %7.2f s %8d kB\n' "$name" "$wall" "$rss"
	eval "${name%%-*}_${name##*-}_wall=$wall; ${name%%-*}_${name##*-}_rss=$rss"
}

echo "bench: $nfeeds feeds x $entries entries, 50 addresses, 50 ms delay"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
    XDG_DATA_HOME="$tmp/home/.local/share"
measure byline-cold "$byline" -c "$tmp/urls" --db "$tmp/byline.db" --reload
measure byline-warm "$byline" -c "$tmp/urls" --db "$tmp/byline.db" --reload
measure newsboat-cold newsboat -x reload -u "$tmp/urls" -c "$tmp/nb.db" \
    -C "$tmp/newsboat.conf"
measure newsboat-warm newsboat -x reload -u "$tmp/urls" -c "$tmp/nb.db" \
    -C "$tmp/newsboat.conf"
tail -n 1 "$tmp/byline-cold.out"
tail -n 1 "$tmp/byline-warm.out"
n=$(python3 -c 'import sqlite3,sys
print(sqlite3.connect(sys.argv[1]).execute("select count(*) from items")
    .fetchone()[0])' "$tmp/byline.db")
m=$(python3 -c 'import sqlite3,sys
print(sqlite3.connect(sys.argv[1]).execute("select count(*) from rss_item")
    .fetchone()[0])' "$tmp/nb.db")
echo "items stored: byline $n, newsboat $m"
python3 - "$byline_cold_wall" "$newsboat_cold_wall" "$byline_warm_wall" \
    "$newsboat_warm_wall" "$byline_cold_rss" "$newsboat_cold_rss" <<'EOF'
import sys
bc, nc, bw, nw, br, nr = map(float, sys.argv[1:])
print("newsboat/byline: cold %.1fx, warm %.1fx; peak RSS byline/newsboat "
      "%.2f" % (nc / max(bc, 0.01), nw / max(bw, 0.01), br / max(nr, 1)))
EOF
