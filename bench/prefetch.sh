#!/bin/sh
# bench/prefetch: the issue-13 measurement of prefetch.  Every saved page
# of the shared corpora (../shared/corpus/pages and ../shared/snippets/
# pages, about 700) is linked from 70 feeds on 50 loopback hosts
# (tests/httpd.py, 50 ms a request).  With the prefetch limits raised to
# take them all, it times:
#   - byline --reload (the feeds, then every page fetched, extracted and
#     stored), one process;
#   - byline --dump --format=text of the same saved pages, two processes
#     at a time;
# and prints the ratio (the target: the reload within 1.5x the dumps).
# Then, with the server gone, it checks that --export --format=json
# holds a story for every page whose --dump gives one, identical to it.
#
#   bench/prefetch.sh            run by hand; never gates make check
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
byline=${BYLINE:-$top/build/src/byline}
shared=${SHARED:-$top/../shared}
[ -x "$byline" ] || { echo "bench: build byline first ($byline)" >&2; exit 1; }
[ -d "$shared/corpus/pages" ] || { echo "bench: no $shared, skipped" >&2; exit 77; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-prefetch.XXXXXX")
srv=
trap '[ -n "$srv" ] && kill $srv 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/www" "$tmp/home"

python3 "$top/tests/httpd.py" --root "$tmp/www" --addrs 50 --delay 0.05 \
    >"$tmp/port" 2>"$tmp/httpd.err" &
srv=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
port=$(head -n 1 "$tmp/port")

python3 - "$tmp" "$port" "$shared" <<'PY'
import email.utils, glob, os, shutil, sys, time
tmp, port, shared = sys.argv[1], sys.argv[2], sys.argv[3]
src = sorted(glob.glob(shared + "/corpus/pages/*/source.html") +
             glob.glob(shared + "/snippets/pages/*/source.html"))
nfeeds, now = 70, time.time()
feeds = [[] for _ in range(nfeeds)]
with open(tmp + "/pages", "w") as lst:
    for k, path in enumerate(src):
        name = "p%04d.html" % k
        shutil.copyfile(path, "%s/www/%s" % (tmp, name))
        f = k % nfeeds
        url = "http://127.0.0.%d:%s/%s" % (f % 50 + 1, port, name)
        lst.write("%s\t%s/www/%s\n" % (url, tmp, name))
        feeds[f].append(
            "<item><title>Page %d</title><link>%s</link><guid>p%d</guid>"
            "<pubDate>%s</pubDate></item>\n"
            % (k, url, k, email.utils.formatdate(now - k, usegmt=True)))
with open(tmp + "/urls", "w") as urls:
    for f, items in enumerate(feeds):
        with open("%s/www/f%d.xml" % (tmp, f), "w") as out:
            out.write('<?xml version="1.0"?><rss version="2.0"><channel>'
                      '<title>Feed %d</title>%s</channel></rss>\n'
                      % (f, "".join(items)))
        urls.write("http://127.0.0.%d:%s/f%d.xml\n" % (f % 50 + 1, port, f))
print("bench: %d pages in %d feeds on 50 hosts, 50 ms a request"
      % (len(src), nfeeds))
PY
printf 'prefetch-max 100000\nprefetch-days 36500\n' >"$tmp/config"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
    XDG_DATA_HOME="$tmp/home/.local/share"

/usr/bin/time -f "%e %M" -o "$tmp/time" "$byline" -c "$tmp/urls" \
    --db "$tmp/cache.db" --reload >"$tmp/reload.out" 2>"$tmp/reload.err" || true
reload_wall=$(tail -n 1 "$tmp/time" | cut -d ' ' -f 1)
reload_rss=$(tail -n 1 "$tmp/time" | cut -d ' ' -f 2)
cat "$tmp/reload.out"
echo "stderr lines: $(grep -c . "$tmp/reload.err" || true)"
head -n 5 "$tmp/reload.err"
kill $srv 2>/dev/null
srv=

python3 - "$tmp" "$byline" "$reload_wall" "$reload_rss" <<'PY'
import concurrent.futures, json, subprocess, sys, time
tmp, byline, reload_wall, reload_rss = sys.argv[1], sys.argv[2], \
    float(sys.argv[3]), int(sys.argv[4])
pages = [l.rstrip("\n").split("\t") for l in open(tmp + "/pages")]
def dump(p):
    url, path = p
    r = subprocess.run([byline, "--dump", "--format=text", "--base-url",
                        url, path], capture_output=True)
    return url, (r.stdout.decode("utf-8") if r.returncode == 0 else None)
t0 = time.time()
with concurrent.futures.ThreadPoolExecutor(2) as ex:
    dumps = dict(ex.map(dump, pages))
dump_wall = time.time() - t0
print("reload with prefetch: %.2f s, peak RSS %d kB" % (reload_wall,
                                                        reload_rss))
print("--dump of the same pages, 2 at a time: %.2f s" % dump_wall)
print("reload/dumps: %.2fx (target: at most 1.5x)"
      % (reload_wall / max(dump_wall, 0.01)))
r = subprocess.run([byline, "--db", tmp + "/cache.db", "--export",
                    "--format=json"], capture_output=True, check=True)
rows = {}
for line in r.stdout.decode("utf-8").splitlines():
    o = json.loads(line)
    rows[o["url"]] = o["text"]
want = sum(1 for t in dumps.values() if t is not None)
same = sum(1 for u, t in dumps.items() if t is not None and rows.get(u) == t)
missing = sum(1 for u, t in dumps.items() if t is not None and
              rows.get(u) is None)
differ = want - same - missing
extra = sum(1 for u, t in dumps.items() if t is None and
            rows.get(u) is not None)
print("stories: --dump gives %d of %d pages; export holds %d identical, "
      "%d missing, %d different, %d where --dump gives none"
      % (want, len(pages), same, missing, differ, extra))
for u, t in dumps.items():
    if t is not None and rows.get(u) not in (None, t):
        print("  differs:", u)
        break
PY
