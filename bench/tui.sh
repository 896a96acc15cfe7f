#!/bin/sh
# bench/tui: how fast the reader starts on a big store, against newsboat.
#
#   bench/tui.sh [NFEEDS] [ENTRIES] [RUNS]   defaults: 200 feeds, 250
#                                            entries (50,000 items), 7 runs
#
# The feeds are generated here and served by tests/httpd.py on loopback;
# "byline --reload" and "newsboat -x reload" fill their stores from the
# same URLs.  Then each reader is started in tmux (a private server,
# 100x30) and capture-pane is polled: the time from the key that starts
# it until the feed list is on the screen ("first screen"), and until an
# article is shown (Enter on the first feed, Enter on its first
# headline), and from the key that opens the query feed (last in the
# list: End, Enter) until its headlines are shown.  The median of RUNS
# runs is printed for both readers with the ratio, and the peak RSS (VmHWM of the reader's process, read while
# the article is shown).  Run by hand; never gates make check.
set -eu

nfeeds=${1:-200}
entries=${2:-250}
runs=${3:-7}
top=$(cd "$(dirname "$0")/.." && pwd)
byline=${BYLINE:-$top/build/src/byline}
[ -x "$byline" ] || { echo "bench: build byline first ($byline)" >&2; exit 1; }
command -v newsboat >/dev/null || { echo "bench: no newsboat" >&2; exit 1; }
command -v tmux >/dev/null || { echo "bench: no tmux" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-benchtui.XXXXXX")
srv=
sock=byline-bench-$$
# BENCH_KEEP=1 keeps the feeds and both stores (for profiling).
# Under set -e a failing step would end the trap early: each one is
# allowed to fail (the tmux server is gone once its sessions are).
cleanup() {
	tmux -L "$sock" kill-server 2>/dev/null || true
	[ -z "$srv" ] || kill "$srv" 2>/dev/null || true
	if [ -n "${BENCH_KEEP:-}" ]; then
		echo "bench: kept $tmp"
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM
mkdir -p "$tmp/feeds" "$tmp/home"

python3 "$top/tests/httpd.py" --root "$tmp/feeds" --addrs 1 --delay 0 \
    >"$tmp/port" 2>"$tmp/httpd.err" &
srv=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(head -n 1 "$tmp/port")

python3 - "$tmp" "$port" "$nfeeds" "$entries" <<'EOF'
import email.utils, sys
tmp, port, nfeeds, entries = sys.argv[1], sys.argv[2], int(sys.argv[3]), \
    int(sys.argv[4])
words = ("harbour council ferry lagoon bridge library storm rain tide "
         "budget school river market museum train").split()
with open(tmp + "/urls", "w") as urls:
    for n in range(nfeeds):
        items = []
        for k in range(entries):
            d = email.utils.formatdate(1790000000 - k * 3600 - n * 60,
                                       usegmt=True)
            w = [words[(n + k * j) % len(words)] for j in range(1, 6)]
            items.append(
                "<item><title>Feed %d story %d: the %s and the %s</title>"
                "<link>http://127.0.0.1:%s/page/%d/%d</link>"
                "<guid>urn:bench:%d:%d</guid><pubDate>%s</pubDate>"
                "<description><![CDATA[<p>ARTICLE-BODY of story %d of feed "
                "%d, about the %s, the %s and the %s.</p><p>%s</p>]]>"
                "</description></item>\n"
                % (n, k, w[0], w[1], port, n, k, n, k, d, k, n, w[2], w[3],
                   w[4], " ".join(words) * 2))
        with open("%s/feeds/f%d.xml" % (tmp, n), "w") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
                    '<rss version="2.0"><channel><title>Bench feed %d'
                    '</title><link>http://example.org/%d</link>\n%s'
                    '</channel></rss>\n' % (n, n, "".join(items)))
        urls.write('http://127.0.0.1:%s/f%d.xml "bench"\n' % (port, n))
    # A query feed, last in the list: opened with End, Enter.
    urls.write('"query:Lagoon stories:title =~ \\"lagoon\\" and '
               'unread = \\"yes\\""\n')
EOF

export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
    XDG_DATA_HOME="$tmp/home/.local/share"
printf 'reload-threads 8\n' >"$tmp/newsboat.conf"
echo "bench: filling the stores ($nfeeds feeds x $entries entries)"
"$byline" -c "$tmp/urls" --db "$tmp/byline.db" --reload >"$tmp/fill.out" \
    2>&1 || { cat "$tmp/fill.out"; exit 1; }
tail -n 1 "$tmp/fill.out"
newsboat -x reload -u "$tmp/urls" -c "$tmp/nb.db" -C "$tmp/newsboat.conf" \
    >/dev/null 2>&1
n=$(python3 -c 'import sqlite3,sys
print(sqlite3.connect(sys.argv[1]).execute("select count(*) from items")
    .fetchone()[0])' "$tmp/byline.db")
m=$(python3 -c 'import sqlite3,sys
print(sqlite3.connect(sys.argv[1]).execute("select count(*) from rss_item")
    .fetchone()[0])' "$tmp/nb.db")
echo "items stored: byline $n, newsboat $m"
ls -l "$tmp/byline.db" "$tmp/nb.db" | awk '{ print $5, $9 }'

# The driver: one tmux server, one session per run.  The pane waits on
# "read", prints START-BENCH and execs the reader; tmux's pipe-pane hands
# everything the pane prints to a stamper that notes when each chunk
# arrived.  capture-pane tells when a screen is complete (the feed list,
# the headlines, the article); its time is that of the last chunk before
# the capture, so the tmux client's own start-up (tens of ms per command
# on a loaded machine) is not counted.  Keys count from the moment
# send-keys returned (the key is then in the pty).
cat >"$tmp/stamp.py" <<'EOF'
import os, sys, time
out = open(sys.argv[1], "w")
while True:
    b = os.read(0, 65536)
    if not b:
        break
    out.write("%.6f %d %d\n" % (time.monotonic(), len(b),
                                b"START-BENCH" in b))
    out.flush()
EOF
python3 - "$sock" "$runs" "$tmp" "$byline" <<'EOF'
import os, re, statistics, subprocess, sys, time
sock, runs, tmp, byline = sys.argv[1], int(sys.argv[2]), sys.argv[3], \
    sys.argv[4]

def tmux(*a):
    return subprocess.run(["tmux", "-L", sock, "-f", "/dev/null"] + list(a),
                          capture_output=True, text=True).stdout

def stamps(path):
    with open(path) as f:
        return [(float(t), int(s)) for t, n, s in
                (l.split() for l in f if l.count(" ") == 2)]

def wait(name, pat, deadline=120.0):
    """The time of the last chunk before pat was seen on the screen."""
    end = time.monotonic() + deadline
    r = re.compile(pat)
    while time.monotonic() < end:
        if r.search(tmux("capture-pane", "-p", "-t", name)):
            tc = time.monotonic()
            return max(t for t, s in stamps("%s/%s.st" % (tmp, name))
                       if t <= tc)
        time.sleep(0.002)
    raise SystemExit("bench: %s: /%s/ never appeared:\n%s"
                     % (name, pat, tmux("capture-pane", "-p", "-t", name)))

def hwm(pid):
    with open("/proc/%s/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0

readers = {
    "byline": [byline, "-c", tmp + "/urls", "--db", tmp + "/byline.db"],
    "newsboat": ["newsboat", "-u", tmp + "/urls", "-c", tmp + "/nb.db",
                 "-C", tmp + "/newsboat.conf"],
}
res = {}
for r in range(runs):
    for name, argv in readers.items():
        s = "%s%d" % (name, r)
        cmd = ("read x; printf 'START-BENCH\\n'; exec " +
               " ".join("'%s'" % a for a in argv))
        tmux("new-session", "-d", "-s", s, "-x", "100", "-y", "30",
             "env", "LC_ALL=C.UTF-8", "HOME=" + os.environ["HOME"],
             "XDG_CONFIG_HOME=" + os.environ["XDG_CONFIG_HOME"],
             "XDG_DATA_HOME=" + os.environ["XDG_DATA_HOME"],
             "sh", "-c", cmd)
        tmux("pipe-pane", "-o", "-t", s,
             "exec python3 %s/stamp.py %s/%s.st" % (tmp, tmp, s))
        # The stamper must be reading before the reader starts.
        end = time.monotonic() + 60
        while (not os.path.exists("%s/%s.st" % (tmp, s)) and
               time.monotonic() < end):
            time.sleep(0.01)
        time.sleep(0.2)
        tmux("send-keys", "-t", s, "Enter")
        t1 = wait(s, r"Bench feed \d+")
        t0 = min(t for t, st in stamps("%s/%s.st" % (tmp, s)) if st)
        tmux("send-keys", "-t", s, "Enter")
        k2 = time.monotonic()
        t2 = wait(s, r"Feed \d+ story \d+")
        tmux("send-keys", "-t", s, "Enter")
        k3 = time.monotonic()
        t3 = wait(s, r"ARTICLE-BODY")
        pid = tmux("display-message", "-p", "-t", s, "#{pane_pid}").strip()
        rss = hwm(pid)
        # Back to the feed list, then the query feed: from the key to
        # its headlines on the screen.
        tmux("send-keys", "-t", s, "q")
        tmux("send-keys", "-t", s, "q")
        wait(s, r"Feeds \d+/\d+|Your feeds")
        tmux("send-keys", "-t", s, "End")
        tmux("send-keys", "-t", s, "Enter")
        k4 = time.monotonic()
        t4 = wait(s, r"story \d+: the (lagoon and|\w+ and the lagoon)")
        tmux("kill-session", "-t", s)
        first = t1 - t0
        res.setdefault(name, []).append(
            (first, first + max(t2 - k2, 0) + max(t3 - k3, 0), rss,
             max(t4 - k4, 0)))

med = {}
for name, v in res.items():
    med[name] = [statistics.median(x[i] for x in v) for i in range(4)]
    print("%-9s first screen %7.1f ms  article %7.1f ms  query feed %7.1f ms"
          "  peak RSS %7d kB  (median of %d)"
          % (name, med[name][0] * 1000, med[name][1] * 1000,
             med[name][3] * 1000, med[name][2], runs))
b, n = med["byline"], med["newsboat"]
print("newsboat/byline: first screen %.1fx, article %.1fx, query feed "
      "%.1fx; peak RSS byline/newsboat %.2f"
      % (n[0] / b[0], n[1] / b[1], n[3] / max(b[3], 1e-6),
         b[2] / max(n[2], 1)))
EOF
