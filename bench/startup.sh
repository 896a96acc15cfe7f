#!/bin/sh
# bench/startup: what each library costs a process to start, and
# byline's own start-up against the peer that costs nothing (an empty
# main() with no library).
#
#   bench/startup.sh [RUNS] [ROUNDS]   defaults: 200 runs, 7 rounds
#
# An empty main() is linked with each library byline uses
# (-Wl,--no-as-needed, so that it is loaded although unused) and started
# RUNS times from a loop; the median CPU time of ROUNDS rounds, less the
# bare program's, divided by RUNS, is the library's price a process.
# Then byline --version, --dump of tests/data/sample.txt and
# --parse-feed of tests/data/feeds/rss-basic.xml the same way.  This is
# the measure behind keeping libcurl lazy (src/curl_lazy.h) and linking
# the others.  Needs cc and pkg-config; run by hand, never in make check.
set -eu

runs=${1:-200}
rounds=${2:-7}
top=$(cd "$(dirname "$0")/.." && pwd)
byline=${BYLINE:-$top/build/src/byline}
[ -x "$byline" ] || { echo "bench: build byline first ($byline)" >&2; exit 1; }
command -v python3 >/dev/null || { echo "bench: no python3" >&2; exit 1; }
tmp=$(mktemp -d "${TMPDIR:-/tmp}/byline-benchstart.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

echo 'int main(void) { return 0; }' >"$tmp/empty.c"
cc -O2 -o "$tmp/none" "$tmp/empty.c"
for m in libcurl sqlite3 ncursesw libxml-2.0 json-c; do
	cc -O2 -o "$tmp/$m" "$tmp/empty.c" -Wl,--no-as-needed \
	    $(pkg-config --libs "$m")
done

# cpu RUNS ROUNDS CMD...: the median CPU seconds of ROUNDS rounds of RUNS
# runs of CMD.
cpu() {
	python3 - "$@" <<'PY'
import os, resource, statistics, subprocess, sys
runs, rounds, cmd = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
null = open(os.devnull, "w")
def used():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime
times = []
for _ in range(rounds):
    t = used()
    for _ in range(runs):
        subprocess.run(cmd, stdout=null, stderr=null)
    times.append(used() - t)
print("%.4f" % statistics.median(times))
PY
}

base=$(cpu "$runs" "$rounds" "$tmp/none")
printf 'empty main(): %.2f ms a process (the peer)\n' \
    "$(echo "$base * 1000 / $runs" | bc -l)"
for m in libcurl sqlite3 ncursesw libxml-2.0 json-c; do
	t=$(cpu "$runs" "$rounds" "$tmp/$m")
	printf '%-12s +%.2f ms a process (ratio %.2f)\n' "$m:" \
	    "$(echo "($t - $base) * 1000 / $runs" | bc -l)" \
	    "$(echo "$t / $base" | bc -l)"
done
for args in "--version" "--dump $top/tests/data/sample.txt" \
    "--parse-feed $top/tests/data/feeds/rss-basic.xml"; do
	# shellcheck disable=SC2086
	t=$(cpu "$runs" "$rounds" "$byline" $args)
	printf 'byline %-11s %.2f ms a process (ratio %.2f to empty)\n' \
	    "${args%% *}:" "$(echo "$t * 1000 / $runs" | bc -l)" \
	    "$(echo "$t / $base" | bc -l)"
done
