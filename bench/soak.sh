#!/bin/sh
# bench/soak: repeated "byline --reload" with prefetch against a loopback
# server that misbehaves at random (tests/httpd.py --chaos: stalls,
# resets, 500s, truncated bodies, feeds whose items and ETags change),
# for a while.  After every run it checks that:
#   - the run ended (a run still going after RUN_LIMIT seconds fails),
#     with exit status 0 or 1 and no sanitizer report;
#   - nothing committed before is lost: every item and every stored
#     story of the earlier runs is still there, unchanged in identity;
#   - nothing is duplicated: one row per (feed, guid);
#   - the database and its full-text index pass their integrity checks;
# and at the end that peak memory stayed flat (the last runs' peak RSS
# within 25% of the first runs' and 8 MB).
#
#   bench/soak.sh [SECONDS] [FEEDS] [SEED]   defaults: 600 s, 40 feeds, 1
#
# tests/soak.sh runs it for 60 seconds in make check.
set -u

secs=${1:-600}
nfeeds=${2:-40}
seed=${3:-1}
top=$(cd "$(dirname "$0")/.." && pwd)
: "${BYLINE:=$top/build/src/byline}"
[ -x "$BYLINE" ] || { echo "soak: no $BYLINE" >&2; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "soak: no python3"; exit 77; }
RUN_LIMIT=${RUN_LIMIT:-60}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-soak.XXXXXX")
srv=
trap '[ -n "$srv" ] && kill $srv 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

python3 "$top/tests/httpd.py" --chaos "$seed" --addrs 10 \
    >"$tmp/port" 2>"$tmp/httpd.err" &
srv=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(head -n 1 "$tmp/port")
[ -n "$port" ] || { echo "soak: server did not start" >&2; exit 99; }
n=0
while [ $n -lt "$nfeeds" ]; do
	echo "http://127.0.0.$((n % 10 + 1)):$port/c/$n.xml"
	n=$((n + 1))
done >"$tmp/feeds.conf"
# short timeouts so that stalls cost seconds, every page prefetched
printf 'timeout 2\nconnect-timeout 2\nprefetch-max 100000\nprefetch-days 36500\n' \
    >"$tmp/config"
db="$tmp/cache.db"

end=$(($(date +%s) + secs))
runs=0
fails=0
: >"$tmp/rss"
while [ "$(date +%s)" -lt $end ] || [ $runs -lt 4 ]; do
	runs=$((runs + 1))
	timeout -s KILL "$RUN_LIMIT" /usr/bin/time -f "%M" -o "$tmp/time" \
	    "$BYLINE" -c "$tmp/feeds.conf" --db "$db" --reload \
	    >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ $rc -gt 1 ]; then
		echo "FAIL: run $runs: exit status $rc (137: did not end)" >&2
		tail -n 5 "$tmp/err" >&2
		fails=$((fails + 1))
		break
	fi
	if grep -q 'Sanitizer\|runtime error' "$tmp/err"; then
		echo "FAIL: run $runs: sanitizer report" >&2
		cat "$tmp/err" >&2
		fails=$((fails + 1))
		break
	fi
	tail -n 1 "$tmp/time" >>"$tmp/rss"
	if ! python3 - "$db" "$tmp/seen" "$runs" <<'PY'
import os, sqlite3, sys
db, seen_path, run = sys.argv[1], sys.argv[2], sys.argv[3]
c = sqlite3.connect(db)
bad = []
if c.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
    bad.append("integrity_check failed")
try:
    c.execute("INSERT INTO items_fts(items_fts) VALUES('integrity-check')")
except sqlite3.DatabaseError as e:
    bad.append("fts integrity-check: %s" % e)
rows = c.execute("SELECT f.url, i.guid, i.story IS NOT NULL FROM items i "
                 "JOIN feeds f ON f.id = i.feed_id").fetchall()
now = {(u, g): s for u, g, s in rows}
if len(now) != len(rows):
    bad.append("%d duplicated items" % (len(rows) - len(now)))
seen = {}
if os.path.exists(seen_path):
    for line in open(seen_path):
        u, g, s = line.rstrip("\n").split("\t")
        seen[(u, g)] = int(s)
lost = [k for k in seen if k not in now]
if lost:
    bad.append("%d items lost, e.g. %s" % (len(lost), lost[0]))
gone = [k for k, s in seen.items() if s and not now.get(k)]
if gone:
    bad.append("%d stories lost" % len(gone))
with open(seen_path, "w") as f:
    for (u, g), s in now.items():
        f.write("%s\t%s\t%d\n" % (u, g, s))
stories = sum(1 for s in now.values() if s)
print("run %s: %d items, %d stories" % (run, len(now), stories))
for b in bad:
    print("FAIL: run %s: %s" % (run, b), file=sys.stderr)
sys.exit(1 if bad else 0)
PY
	then
		fails=$((fails + 1))
		break
	fi
done
python3 - "$tmp/rss" <<'PY' || fails=$((fails + 1))
import sys
rss = [int(l) for l in open(sys.argv[1]) if l.strip()]
k = max(1, len(rss) // 4)
first, last = max(rss[:k]), max(rss[-k:])
print("peak RSS: first runs %d kB, last runs %d kB, all runs %d..%d kB"
      % (first, last, min(rss), max(rss)))
if last > first * 1.25 and last - first > 8192:
    print("FAIL: memory grew", file=sys.stderr)
    sys.exit(1)
PY
echo "soak: $runs runs in $secs s, $fails failures"
[ $fails -eq 0 ]
