#!/bin/sh
# sync-tui: the reader and --reload go through the one sync engine.
#  - The same served feed (ISO-8859-1, the charset said only by the HTTP
#    header, reached through a 301 then a 308) stored by --reload and by
#    the reader's R gives the same items in both stores.
#  - An item opened online (its page fetched by the reader), then, with
#    the server gone, opened again from the store: the two screens are
#    the same.
# The reader runs in tmux on a private socket at a fixed size.
set -u

: "${BYLINE:=./src/byline}"
: "${srcdir:=.}"
[ -x "$BYLINE" ] || { echo "sync-tui: no $BYLINE" >&2; exit 77; }
command -v tmux >/dev/null 2>&1 || { echo "sync-tui: no tmux"; exit 77; }
command -v python3 >/dev/null 2>&1 || { echo "sync-tui: no python3"; exit 77; }
case $BYLINE in /*) ;; *) BYLINE=$(pwd)/$BYLINE ;; esac
case $srcdir in /*) ;; *) srcdir=$(pwd)/$srcdir ;; esac
LC_ALL=C.UTF-8
export LC_ALL
DEADLINE=${TUI_DEADLINE:-20}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-synctui.XXXXXX")
sock=byline-synctui-$$
pids=
T() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() {
	T kill-server >/dev/null 2>&1
	for p in $pids; do kill "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }
mkdir -p "$tmp/home" "$tmp/asan"
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}log_path=$tmp/asan/asan"

# reader NAME ARGS...: byline in a detached 100x30 session; the pane
# prints EXIT=status when it ends
reader() {
	name=$1
	shift
	{
		echo "#!/bin/sh"
		echo "exec env HOME='$tmp/home' XDG_CONFIG_HOME='$tmp/home' \\"
		echo "    XDG_DATA_HOME='$tmp/home' LC_ALL=C.UTF-8 BROWSER=true \\"
		echo "    ASAN_OPTIONS='$ASAN_OPTIONS' \\"
		echo "    LSAN_OPTIONS='${LSAN_OPTIONS:-}' \\"
		echo "    sh -c '\"\$0\" \"\$@\"; echo EXIT=\$?; exec sleep 600' \\"
		printf "    '%s'" "$BYLINE"
		for a in "$@"; do printf " '%s'" "$a"; done
		echo
	} >"$tmp/run-$name.sh"
	chmod +x "$tmp/run-$name.sh"
	T new-session -d -s "$name" -x 100 -y 30 "$tmp/run-$name.sh"
}
screen() { T capture-pane -p -t "$1"; }
wait_for() {
	end=$(($(date +%s) + DEADLINE))
	until screen "$1" 2>/dev/null | grep -qF -- "$2"; do
		if [ "$(date +%s)" -gt "$end" ]; then
			echo "--- $1: \"$2\" did not appear:"
			screen "$1" 2>/dev/null
			return 1
		fi
		sleep 0.05
	done
}
expect() { wait_for "$1" "$2" && ok "$3" || fail "$3"; }

# start_server NAME ARGS...: tests/httpd.py; sets $port and $srv
start_server() {
	name=$1
	shift
	python3 "$srcdir/tests/httpd.py" "$@" >"$tmp/$name.port" \
	    2>"$tmp/$name.err" &
	srv=$!
	pids="$pids $srv"
	i=0
	while [ ! -s "$tmp/$name.port" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	port=$(head -n 1 "$tmp/$name.port")
	[ -n "$port" ] || { echo "sync-tui: no server" >&2; exit 99; }
}

# ---- one feed, two paths, one store content ----
start_server cases
printf 'http://127.0.0.1:%s/m301\n' "$port" >"$tmp/feeds.conf"
printf 'prefetch-max 0\n' >"$tmp/config"
"$BYLINE" -c "$tmp/feeds.conf" --db "$tmp/cli.db" --reload \
    >"$tmp/cli.out" 2>"$tmp/cli.err"
grep -qF "/m301: moved permanently to http://127.0.0.1:$port/latin1.xml" \
    "$tmp/cli.err" && ok "reload: the 301 then 308 reported as moved" ||
    { fail "reload: no move reported"; cat "$tmp/cli.err"; }
reader charset -c "$tmp/feeds.conf" --db "$tmp/tui.db"
expect charset "Feeds 1/1" "reader: started on the feed list"
T send-keys -t charset R
expect charset "reloaded 1 feed, 0 failed, 1 moved permanently" \
    "reader: R reloads, the move said"
T send-keys -t charset Enter
expect charset "vu" "reader: the item is listed"
T send-keys -t charset q q
expect charset "EXIT=0" "reader: quits"
python3 - "$tmp/cli.db" "$tmp/tui.db" <<'PY' && ok "stores agree" || fail "stores differ"
import sqlite3, sys
q = ("SELECT f.title, i.guid, i.title, i.link, i.author, i.content "
     "FROM items i JOIN feeds f ON f.id = i.feed_id ORDER BY i.guid")
a = sqlite3.connect(sys.argv[1]).execute(q).fetchall()
b = sqlite3.connect(sys.argv[2]).execute(q).fetchall()
print("--reload:", a)
print("reader:  ", b)
want = "D\u00e9j\u00e0 vu \u00e0 la f\u00eate"
sys.exit(0 if a == b and a and a[0][2] == want else 1)
PY
kill "$srv" 2>/dev/null

# ---- an item online, then offline: the same screen ----
mkdir -p "$tmp/www"
cp "$srcdir/demo/pages/tidal-lagoon-approved.html" "$tmp/www/story.html"
start_server pages --root "$tmp/www"
u="http://127.0.0.1:$port"
python3 - "$tmp/www" "$u" <<'PY'
import email.utils, sys, time
root, u = sys.argv[1], sys.argv[2]
with open(root + "/feed.xml", "w") as f:
    f.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Pages'
            '</title><item><title>Council approves the lagoon</title>'
            '<link>%s/story.html</link><guid>s1</guid><pubDate>%s</pubDate>'
            '<description>Only the summary.</description></item>'
            '<item><title>Lagoon council approves a second vote</title>'
            '<link>%s/other.html</link><guid>s2</guid><pubDate>%s</pubDate>'
            '<description>Another.</description></item>'
            '</channel></rss>\n' % (u, email.utils.formatdate(time.time(),
                                                             usegmt=True),
                                    u, email.utils.formatdate(time.time() - 60,
                                                              usegmt=True)))
PY
printf '%s/feed.xml\n' "$u" >"$tmp/feeds.conf"
printf 'prefetch-max 0\n' >"$tmp/config"
"$BYLINE" -c "$tmp/feeds.conf" --db "$tmp/pages.db" --reload \
    >"$tmp/pages.out" 2>&1 || fail "pages: --reload: $(cat "$tmp/pages.out")"
reader online -c "$tmp/feeds.conf" --db "$tmp/pages.db"
expect online "Feeds 1/1" "online: started"
T send-keys -t online Enter
expect online "Council approves the lagoon" "online: headline listed"
screen online | grep -q '^ *1 ..o ' &&
    fail "online: marked as stored before its page came" ||
    ok "online: not marked as stored yet"
T send-keys -t online Enter
expect online "Harbor City council voted 9 to 4" \
    "online: the page is fetched and shown"
# the "more on this" list comes from the engine's thread: the count of
# related targets in the status line grows when it has arrived
wait_for online "Related 0/9" || fail "online: no more on this"
screen online | sed '$d' >"$tmp/online.txt"
T send-keys -t online q q q
expect online "EXIT=0" "online: quits"
kill "$srv" 2>/dev/null
wait "$srv" 2>/dev/null
reader offline -c "$tmp/feeds.conf" --db "$tmp/pages.db"
expect offline "Feeds 1/1" "offline: started, server gone"
T send-keys -t offline Enter
expect offline "Council approves the lagoon" "offline: headline listed"
screen offline | grep -q '^ *[0-9] ..o [0-9-]* *Council approves' &&
    ok "offline: the headline is marked as stored (o)" ||
    { fail "offline: no stored mark"; screen offline; }
T send-keys -t offline Enter
expect offline "Harbor City council voted 9 to 4" \
    "offline: the stored story is shown"
wait_for offline "Related 0/9" || fail "offline: no more on this"
screen offline | sed '$d' >"$tmp/offline.txt"
if diff "$tmp/online.txt" "$tmp/offline.txt" >"$tmp/screens.diff"; then
	ok "offline screen is the online screen"
else
	fail "offline screen differs from the online one"
	cat "$tmp/screens.diff"
fi
# the stored items on the same thing, looked up off the UI thread
T send-keys -t offline G
expect offline "Lagoon council approves a second vote" \
    "offline: more on this, from the store"
T send-keys -t offline q q q
expect offline "EXIT=0" "offline: quits"

if [ -n "$(ls "$tmp/asan" 2>/dev/null)" ]; then
	fail "sanitizer report"
	cat "$tmp"/asan/* >&2
fi
[ $fails -eq 0 ] || { echo "sync-tui: $fails failures"; exit 1; }
exit 0
