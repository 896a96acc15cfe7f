#!/bin/sh
# bench/feed.sh: throughput and peak memory of byline --parse-feed against
# Debian's sfeed on the same large RSS and Atom feeds, in one run.
#
#   bench/feed.sh [BYLINE [SIZE [RUNS]]]
#
# BYLINE defaults to src/byline (run from a build directory), SIZE to 50M,
# RUNS to 5.  The feeds come from ../shared/tools/make-big-feed (found next
# to the source tree, or through $SHARED).  CPU time (user + sys) is the
# median of RUNS runs, as wall time is noisy on shared machines; peak RSS
# is the largest of the runs, from GNU time(1).  Prints one line per tool and feed and the
# byline/sfeed ratios (throughput above 1 means byline is faster).
set -eu

here=$(cd "$(dirname "$0")/.." && pwd)
byline=${1:-src/byline}
size=${2:-50M}
runs=${3:-5}
shared=${SHARED:-$here/../shared}
gen=$shared/tools/make-big-feed

if [ ! -x "$gen" ]; then
	echo "feed.sh: $gen not found (set SHARED)" >&2
	exit 77
fi
command -v sfeed >/dev/null || { echo "feed.sh: sfeed not installed" >&2; exit 77; }
[ -x /usr/bin/time ] || { echo "feed.sh: needs GNU time (apt-get install time)" >&2; exit 77; }
[ -x "$byline" ] || { echo "feed.sh: $byline not built" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

for fmt in rss atom; do
	"$gen" --format "$fmt" --size "$size" -o "$tmp/$fmt.xml"
done

python3 - "$byline" "$runs" "$tmp" <<'PY'
import os, statistics, subprocess, sys

byline, runs, tmp = sys.argv[1], int(sys.argv[2]), sys.argv[3]

def measure(argv, path):
    # GNU time(1) reports the child's own peak RSS; a child forked from
    # python would start from python's.
    cpu, rss = [], 0
    out = os.path.join(tmp, "time.out")
    for _ in range(runs):
        with open(path, "rb") as f, open(os.devnull, "wb") as null:
            st = subprocess.call(["/usr/bin/time", "-f", "%U %S %M", "-o", out]
                                 + argv(path), stdin=f, stdout=null)
        if st != 0:
            sys.exit("%s failed on %s (status %d)" % (argv(path)[0], path, st))
        u, s, m = open(out).read().split()[-3:]
        cpu.append(float(u) + float(s))
        rss = max(rss, int(m))
    return statistics.median(cpu), rss

tools = [
    ("sfeed", lambda p: ["sfeed"]),
    ("byline", lambda p: [byline, "--parse-feed", p]),
]
for fmt in ("rss", "atom"):
    path = os.path.join(tmp, fmt + ".xml")
    mb = os.path.getsize(path) / 1e6
    res = {}
    for name, argv in tools:
        cpu, rss = measure(argv, path)
        res[name] = (cpu, rss)
        print("%-5s %-6s %7.1f MB  cpu %6.3f s  %7.1f MB/s  peak RSS %6.1f MB"
              % (fmt, name, mb, cpu, mb / cpu, rss / 1024.0))
    (sc, sr), (bc, br) = res["sfeed"], res["byline"]
    print("%-5s ratio  byline/sfeed throughput %.2fx  peak RSS %.1f MB vs %.1f MB"
          % (fmt, sc / bc, br / 1024.0, sr / 1024.0))
PY
