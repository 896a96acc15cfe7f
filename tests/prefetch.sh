#!/bin/sh
# prefetch: byline --reload stores the whole story of each new item's
# page (served by tests/httpd.py from the demo's pages), --export gives
# it back exactly as --dump prints the page, pages already stored are
# never fetched again, a failing page costs one line and its item keeps
# the feed content, and the limits (prefetch-max, prefetch-days) hold.
set -u

: "${BYLINE:=./src/byline}"
: "${srcdir:=.}"
[ -x "$BYLINE" ] || { echo "prefetch: no $BYLINE" >&2; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "prefetch: no python3"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-prefetch.XXXXXX")
pids=
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

fails=0
fail() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

mkdir -p "$tmp/www"
cp "$srcdir"/demo/pages/*.html "$srcdir"/demo/pages/*.txt "$tmp/www/"
python3 "$srcdir/tests/httpd.py" --root "$tmp/www" --log "$tmp/log" \
    >"$tmp/port" 2>"$tmp/httpd.err" &
pids="$pids $!"
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(head -n 1 "$tmp/port")
[ -n "$port" ] || { echo "prefetch: server did not start" >&2; exit 99; }
u="http://127.0.0.1:$port"

# feed.xml: one item per page, dated now, plus a missing page and an
# old item; old.xml: items two weeks old
python3 - "$tmp/www" "$u" <<'PY'
import email.utils, os, sys, time
root, u = sys.argv[1], sys.argv[2]
now = time.time()
pages = sorted(n for n in os.listdir(root) if n.endswith((".html", ".txt")))
def item(n, link, t):
    return ("<item><title>Item %d</title><link>%s</link><guid>g%d</guid>"
            "<pubDate>%s</pubDate><description>Feed text %d</description>"
            "</item>\n" % (n, link, n, email.utils.formatdate(t, usegmt=True),
                           n))
items = [item(k, "%s/%s" % (u, p), now - k * 60) for k, p in enumerate(pages)]
items.append(item(len(pages), u + "/missing.html", now))
with open(root + "/feed.xml", "w") as f:
    f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>F'
            '</title>%s</channel></rss>\n' % "".join(items))
with open(root + "/old.xml", "w") as f:
    f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>O'
            '</title>%s</channel></rss>\n' % item(100, u + "/" + pages[0],
                                                 now - 14 * 86400))
with open(root + "/../pages", "w") as f:
    f.write("\n".join(pages) + "\n")
PY
npages=$(wc -l <"$tmp/pages")

printf '%s\n' "$u/feed.xml" "$u/old.xml" >"$tmp/feeds.conf"
printf 'timeout 10\n' >"$tmp/config"
db="$tmp/cache.db"
run() {
	"$BYLINE" -c "$tmp/feeds.conf" --db "$db" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if grep -q 'Sanitizer\|runtime error' "$tmp/err"; then
		fail "$*: sanitizer report"
		cat "$tmp/err" >&2
	fi
}

run --reload
[ $rc -eq 0 ] && ok "reload: exit 0" || { fail "reload: exit $rc"; cat "$tmp/err" >&2; }
grep -qxF "$npages stories stored, 1 page failed" "$tmp/out" &&
    ok "reload: $npages stories stored, 1 page failed" ||
    { fail "reload: summary"; cat "$tmp/out" >&2; }
grep -qxF "byline: $u/missing.html: HTTP status 404" "$tmp/err" &&
    ok "reload: the failed page named once" ||
    { fail "reload: no line for the failed page"; cat "$tmp/err" >&2; }
[ "$(wc -l <"$tmp/err")" -eq 1 ] && ok "reload: one line on stderr" ||
    { fail "reload: stderr"; cat "$tmp/err" >&2; }

# every stored story is --dump's text of the same page
run --export --format=json
cp "$tmp/out" "$tmp/export.json"
python3 - "$tmp/export.json" "$BYLINE" "$tmp/www" "$u" <<'PY' ||
import json, subprocess, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
byline, root, u = sys.argv[2], sys.argv[3], sys.argv[4]
bad = 0
stories = 0
for r in rows:
    if r["url"].endswith("missing.html") or r["title"] == "Item 100":
        if r["text"] is not None:
            print("unexpected story for", r["url"]); bad += 1
        if r["summary"] is None:
            print("no feed content for", r["url"]); bad += 1
        continue
    name = r["url"][len(u) + 1:]
    d = subprocess.run([byline, "--dump", "--format=text", "--base-url",
                        r["url"], root + "/" + name], capture_output=True)
    want = d.stdout.decode() if d.returncode == 0 else None
    if r["text"] != want:
        print("story differs from --dump:", r["url"]); bad += 1
    stories += r["text"] is not None
    for k in ("feed", "id", "url", "title", "author", "date", "read",
              "starred", "summary", "text", "related"):
        if k not in r:
            print("no key", k); bad += 1
print("export: %d items, %d stories" % (len(rows), stories))
sys.exit(1 if bad else 0)
PY
	fail "export: stories differ from --dump"
ok "export: every story is --dump's text"

# TSV: sfeed's nine columns
run --export
n=$(awk -F '\t' 'NF != 9' "$tmp/out" | wc -l)
m=$(wc -l <"$tmp/out")
[ "$n" -eq 0 ] && [ "$m" -eq $((npages + 2)) ] &&
    ok "export tsv: $m lines of 9 columns" ||
    fail "export tsv: $m lines, $n not of 9 columns"
run --export --unread
[ "$(wc -l <"$tmp/out")" -eq $((npages + 2)) ] && ok "export --unread" ||
    fail "export --unread: $(wc -l <"$tmp/out") lines"

# again: the feeds are not modified and no page is fetched again
: >"$tmp/log"
run --reload
n=$(grep -c 'GET /[^ ]*\.\(html\|txt\)' "$tmp/log")
[ "$n" -eq 0 ] && ok "second reload: no page fetched again" ||
    fail "second reload: $n pages fetched again"

# prefetch-max 0 turns it off; prefetch-max 2 takes two
rm -f "$db"*
printf 'prefetch-max 0\n' >"$tmp/config"
: >"$tmp/log"
run --reload
n=$(grep -c 'GET /[^ ]*\.\(html\|txt\)' "$tmp/log")
[ "$n" -eq 0 ] && ok "prefetch-max 0: no page fetched" ||
    fail "prefetch-max 0: $n pages fetched"
rm -f "$db"*
printf 'prefetch-max 2\n' >"$tmp/config"
run --reload
grep -qxF "2 stories stored, 0 pages failed" "$tmp/out" &&
    ok "prefetch-max 2: two stories" || { fail "prefetch-max 2"; cat "$tmp/out" >&2; }

# bad usage
"$BYLINE" --export --format=markdown >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q "unknown format 'markdown' (tsv or json)" "$tmp/err" &&
    ok "export: bad format is bad usage" || fail "export: bad format"

[ $fails -eq 0 ] || { echo "prefetch: $fails failures" >&2; exit 1; }
exit 0
