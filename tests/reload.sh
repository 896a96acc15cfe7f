#!/bin/sh
# reload: byline --reload against the loopback server tests/httpd.py:
# conditional GET, redirects, errors, caps, broken feeds, no item lost or
# duplicated across reloads, and SIGKILL in the middle of a reload.
set -u

: "${BYLINE:=./src/byline}"
: "${srcdir:=.}"
[ -x "$BYLINE" ] || { echo "reload: no $BYLINE" >&2; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "reload: no python3"; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-reload.XXXXXX")
pids=
cleanup() {
	[ -n "${KEEP:-}" ] && { echo "kept $tmp"; return; }
	for p in $pids; do kill "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

tests_run=0
fails=0
fail() { echo "FAIL: $*" >&2; tests_run=$((tests_run + 1)); fails=$((fails + 1)); }
ok() { echo "ok: $*"; tests_run=$((tests_run + 1)); }

# start_server LOGNAME [ARGS...]: starts httpd.py, sets $port
start_server() {
	name=$1
	shift
	python3 "$srcdir/tests/httpd.py" "$@" >"$tmp/$name.port" \
	    2>"$tmp/$name.err" &
	pids="$pids $!"
	i=0
	while [ ! -s "$tmp/$name.port" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	port=$(head -n 1 "$tmp/$name.port")
	[ -n "$port" ] || { echo "reload: server did not start" >&2; exit 99; }
}

# sql DB QUERY: one value from the store
sql() {
	python3 -c 'import sqlite3,sys
c=sqlite3.connect(sys.argv[1])
print(c.execute(sys.argv[2]).fetchone()[0])' "$1" "$2"
}

# run NAME: byline --reload with the case's config; sets $rc
run() {
	"$BYLINE" -c "$tmp/feeds.conf" --db "$tmp/db/cache.db" --reload \
	    >"$tmp/$1.out" 2>"$tmp/$1.err"
	rc=$?
	if [ $rc -gt 1 ]; then
		fail "$1: exit status $rc"
		cat "$tmp/$1.err" >&2
	fi
	if grep -q 'Sanitizer\|runtime error' "$tmp/$1.err"; then
		fail "$1: sanitizer report"
		cat "$tmp/$1.err" >&2
	fi
}

expect_err() {
	if grep -qF -- "$2" "$tmp/$1.err"; then
		ok "$1: $2"
	else
		fail "$1: no \"$2\" in stderr"
		cat "$tmp/$1.err" >&2
	fi
}

expect_out() {
	if grep -qxF -- "$2" "$tmp/$1.out"; then
		ok "$1: $2"
	else
		fail "$1: stdout is not \"$2\""
		cat "$tmp/$1.out" >&2
	fi
}

start_server cases
u="http://127.0.0.1:$port"
cat >"$tmp/feeds.conf" <<EOF
# every outcome the fetcher knows
$u/feed.xml "main" "~The feed"
$u/r301
$u/r302
$u/r308
$u/loop
$u/404
$u/500
$u/stall
$u/huge
$u/bomb
$u/wrongtype
$u/truncated
$u/notfeed
http://127.0.0.1:1/refused
ftp://example.org/bad
EOF
printf 'timeout 2\nreload-concurrency 8\n' >"$tmp/config"
db="$tmp/db/cache.db"

run first
[ $rc -eq 1 ] && ok "first: exit 1 with failed feeds" ||
    fail "first: exit $rc, not 1"
expect_err first "feeds.conf:16: not a http, https or file URL"
expect_err first "$u/r301: moved permanently to $u/feed.xml"
expect_err first "$u/r308: moved permanently to $u/feed.xml"
expect_err first "$u/loop: too many redirects"
expect_err first "$u/404: HTTP status 404"
expect_err first "$u/500: HTTP status 500"
expect_err first "$u/stall: timeout"
expect_err first "$u/huge: too large (over 20971520 bytes)"
expect_err first "$u/bomb: too large (over 20971520 bytes)"
expect_err first "$u/truncated: broken feed after 3 entries"
expect_err first "$u/notfeed: not a feed"
expect_err first "http://127.0.0.1:1/refused: cannot connect"
if grep -q "r302: moved" "$tmp/first.err"; then
	fail "first: a 302 reported as moved"
fi
# feed.xml v2 through 4 addresses (2 each), wrongtype 3, truncated 3
# items before the cut
expect_out first "14 feeds, 14 new items, 0 not modified, 9 errors"
n=$(sql "$db" "SELECT count(*) FROM feeds WHERE error IS NOT NULL")
[ "$n" = 9 ] && ok "first: 9 errors stored" || fail "first: $n errors"

run second
expect_out second "14 feeds, 0 new items, 4 not modified, 9 errors"
n=$(sql "$db" "SELECT count(*) FROM items")
[ "$n" = 14 ] && ok "second: 14 items, none duplicated" ||
    fail "second: $n items"

# the feed grows: new items added, old ones kept once, read state kept
python3 -c 'import sqlite3,sys
c=sqlite3.connect(sys.argv[1]); c.execute("UPDATE items SET read = 1")
c.commit()' "$db"
python3 -c 'import urllib.request,sys
urllib.request.urlopen(sys.argv[1]).read()' "$u/setversion/5"
run third
expect_out third "14 feeds, 12 new items, 0 not modified, 9 errors"
n=$(sql "$db" "SELECT count(*) FROM items i JOIN feeds f ON
    f.id = i.feed_id WHERE f.url = '$u/feed.xml'")
[ "$n" = 5 ] && ok "third: feed.xml has 5 items" || fail "third: $n items"
n=$(sql "$db" "SELECT count(*) FROM items WHERE read = 1")
[ "$n" = 14 ] && ok "third: read state kept" || fail "third: $n read"
n=$(sql "$db" "SELECT count(*) - count(DISTINCT feed_id || guid) FROM items")
[ "$n" = 0 ] && ok "third: no duplicates" || fail "third: $n duplicates"
t=$(sql "$db" "SELECT custom_title || ' ' || tags FROM feeds
    WHERE url = '$u/feed.xml'")
[ "$t" = "The feed main" ] && ok "third: title and tags stored" ||
    fail "third: title/tags \"$t\""

# on a terminal: the progress line is cleared before an error line,
# one error is "1 error", and "not a feed" is said once
printf '%s\n' "$u/feed.xml" "$u/404" >"$tmp/feeds.conf"
python3 - "$BYLINE" "$tmp/feeds.conf" "$db" >"$tmp/tty.out" <<'PY'
import os, pty, sys
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], [sys.argv[1], "-c", sys.argv[2], "--db", sys.argv[3],
                           "--reload"])
out = b""
while True:
    try:
        d = os.read(fd, 4096)
    except OSError:
        break
    if not d:
        break
    out += d
os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8", "replace"))
PY
if grep -q 'errorsbyline\|errorbyline' "$tmp/tty.out"; then
	fail "tty: an error line glued to the progress line"
	cat "$tmp/tty.out" >&2
else
	ok "tty: progress line cleared before the error line"
fi
grep -q "2 feeds, 0 new items, 1 not modified, 1 error.\?$" "$tmp/tty.out" &&
    ok "tty: 1 error, singular" || { fail "tty: summary"; cat "$tmp/tty.out" >&2; }
grep -q ' 1 errors' "$tmp/tty.out" && fail "tty: \"1 errors\"" ||
    ok "tty: never \"1 errors\""
if grep -q "not a feed (not a feed" "$tmp/first.err"; then
	fail "first: \"not a feed\" doubled"
else
	ok "first: \"not a feed\" said once"
fi

# all good: exit 0
printf '%s\n' "$u/feed.xml" "$u/wrongtype" >"$tmp/feeds.conf"
run good
[ $rc -eq 0 ] && ok "good: exit 0" || fail "good: exit $rc"
expect_out good "2 feeds, 0 new items, 1 not modified, 0 errors"

# exec: and filter: feeds (newsboat's syntax): the person's commands
cat >"$tmp/cmdfeed.xml" <<XML
<?xml version="1.0"?><rss version="2.0"><channel><title>From a command</title>
<item><title>Made by cat</title><guid>c1</guid></item></channel></rss>
XML
cat >"$tmp/feeds.conf" <<EOF
"exec:cat '$tmp/cmdfeed.xml'"
"filter:sed s/Item/Filtered/:$u/feed.xml?v=2"
"exec:exit 3"
"exec:sleep 30"
"exec:yes"
"exec:true"
"filter:cat:$u/404"
EOF
rm -rf "$tmp/db"
run cmds
expect_err cmds "exec:exit 3: exit status 3"
expect_err cmds "exec:sleep 30: timeout after 2 s"
expect_err cmds "exec:yes: output too large (over 20971520 bytes)"
expect_err cmds "exec:true: not a feed (empty answer)"
expect_err cmds "$u/404: HTTP status 404"
expect_out cmds "7 feeds, 3 new items, 0 not modified, 5 errors"
t=$(sql "$db" "SELECT group_concat(title, '|') FROM (SELECT title FROM items
    ORDER BY title)")
[ "$t" = "Filtered 0|Filtered 1|Made by cat" ] &&
    ok "cmds: exec: and filter: feeds stored" || fail "cmds: items \"$t\""

# the environment the person's commands get: byline's own switch for
# loading libcurl (GNUTLS_NO_IMPLICIT_INIT) is not left in it
cat >"$tmp/env.sh" <<'SH'
printf '<rss><channel><item><title>gnutls=%s</title><guid>e1</guid>' \
    "${GNUTLS_NO_IMPLICIT_INIT-unset}"
printf '</item></channel></rss>\n'
SH
printf '%s\n' "\"exec:sh '$tmp/env.sh'\"" "$u/feed.xml" >"$tmp/feeds.conf"
rm -rf "$tmp/db"
run envcmd
t=$(sql "$db" "SELECT title FROM items WHERE guid = 'e1'")
[ "$t" = "gnutls=unset" ] && ok "envcmd: libcurl's loading leaves the \
environment alone" || fail "envcmd: title \"$t\""

# SIGKILL in the middle: slow server, 60 feeds of 10 items on one host
mkdir -p "$tmp/feeds"
: >"$tmp/feeds.conf"
start_server slow --root "$tmp/feeds" --delay 0.25
python3 -c 'import sys
d, port = sys.argv[1], sys.argv[2]
with open(d + "/../feeds.conf", "w") as conf:
    for n in range(60):
        items = "".join("<item><title>f%d item %d</title><guid>g%d-%d</guid>"
            "<link>http://example.org/%d/%d</link></item>" % (n, k, n, k, n, k)
            for k in range(10))
        with open("%s/f%d.xml" % (d, n), "w") as f:
            f.write("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
                "<title>Feed %d</title>%s</channel></rss>\n" % (n, items))
        conf.write("http://127.0.0.1:%s/f%d.xml\n" % (port, n))' \
    "$tmp/feeds" "$port"
rm -rf "$tmp/db"
"$BYLINE" -c "$tmp/feeds.conf" --db "$db" --reload \
    >"$tmp/kill.out" 2>"$tmp/kill.err" &
bp=$!
sleep 2
kill -9 $bp 2>/dev/null
wait $bp 2>/dev/null
n=$(sql "$db" "SELECT count(*) FROM feeds WHERE updated > 0")
m=$(sql "$db" "SELECT count(*) FROM items")
if [ "$n" -gt 0 ] && [ "$n" -lt 60 ] && [ "$m" = $((n * 10)) ]; then
	ok "kill: $n feeds committed whole ($m items) before SIGKILL"
else
	fail "kill: $n feeds, $m items after SIGKILL"
fi
run afterkill
[ $rc -eq 0 ] && ok "afterkill: exit 0" || fail "afterkill: exit $rc"
n=$(sql "$db" "SELECT count(*) FROM items")
d=$(sql "$db" "SELECT count(DISTINCT feed_id || guid) FROM items")
[ "$n" = 600 ] && [ "$d" = 600 ] && ok "afterkill: 600 items, no loss" ||
    fail "afterkill: $n items, $d distinct"

# two feeds on one plain-http host are fetched over two connections at
# once: the second does not wait for the first (HTTP/2 is only over TLS)
mkdir -p "$tmp/two"
for n in 1 2; do
	printf '<?xml version="1.0"?><rss version="2.0"><channel><title>T%s' \
	    "$n" >"$tmp/two/t$n.xml"
	printf '</title><item><title>i</title><guid>g</guid></item>%s\n' \
	    '</channel></rss>' >>"$tmp/two/t$n.xml"
done
start_server two --root "$tmp/two" --delay 0.3 --log "$tmp/two.log"
printf 'http://127.0.0.1:%s/t1.xml\nhttp://127.0.0.1:%s/t2.xml\n' \
    "$port" "$port" >"$tmp/feeds.conf"
rm -rf "$tmp/db"
run two
n=$(grep -c 'GET /t[12].xml' "$tmp/two.log")
c=$(grep 'GET /t[12].xml' "$tmp/two.log" | cut -d ' ' -f 2 | sort -u | wc -l)
[ "$n" = 2 ] && [ "$c" = 2 ] && ok "two: one host, two connections" ||
    fail "two: $n requests over $c connections"

echo "$((tests_run - fails)) passed, $fails failed"
[ $fails -eq 0 ] || exit 1
exit 0
