#!/bin/sh
# bench/extract-html.sh: byline's HTML extractor against Mozilla
# Readability on the HTML cases of ../shared/corpus/pages: quality (mean
# F1 from score-extract, with metadata) and speed (pages per second over
# whole runs: byline as one process per page, as a user runs it;
# Readability in one node process over all pages, no start-up per page;
# the median of RUNS runs of each, default 3).
#
# Usage: [RUNS=N] bench/extract-html.sh [BYLINE]   (default: build/src/byline)
# Needs node and npm for Readability (installed on first run into
# bench/readability/node_modules, which git ignores).  Exits 77 when
# ../shared is absent.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$top/../shared}
pages=$shared/corpus/pages
score=$shared/tools/score-extract
byline=${1:-$top/build/src/byline}
out=${TMPDIR:-/tmp}/byline-bench.$$
jobs=${JOBS:-2}
runs=${RUNS:-3}

if [ ! -d "$pages" ] || [ ! -x "$score" ]; then
	echo "extract-html: $pages not found, skipped" >&2
	exit 77
fi
case $byline in /*) ;; *) byline=$(pwd)/$byline ;; esac
if [ ! -x "$byline" ]; then
	echo "extract-html: $byline: not built" >&2
	exit 1
fi
mkdir -p "$out/rdb"
trap 'rm -rf "$out"' EXIT INT TERM

# Peak memory on the largest page.
largest=$(ls -S "$pages"/*/source.html | head -n 1)

list=$(ls "$pages"/*/source.html)
n=$(echo "$list" | wc -l)

echo "== byline ($byline)"
"$score" --jobs "$jobs" --meta -q \
    --cmd "'$byline' --dump --format=json {}" "$pages" | tee "$out/byline.txt"
# Speed: whole runs over every page, the median of RUNS.
median() {
	sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}
r=0
: >"$out/byline.runs"
while [ "$r" -lt "$runs" ]; do
	start=$(date +%s.%N)
	for p in $list; do
		"$byline" --dump --format=json "$p" >/dev/null 2>&1 || true
	done
	end=$(date +%s.%N)
	echo "$start $end" | awk '{ printf "%.3f\n", $2 - $1 }' \
	    >>"$out/byline.runs"
	r=$((r + 1))
done
bsec=$(median <"$out/byline.runs")
bps=$(echo "$n $bsec" | awk '{ printf "%.2f", $1 / $2 }')
echo "byline: $n pages, one process each, in $bsec s (median of $runs" \
    "runs: $(tr '\n' ' ' <"$out/byline.runs")s): $bps pages/s"
# Of which process start-up alone: byline --version as many times.
start=$(date +%s.%N)
for p in $list; do
	"$byline" --version >/dev/null 2>&1 || true
done
end=$(date +%s.%N)
echo "$start $end $bsec" | awk '{ printf "byline: of which start-up" \
    " (byline --version as many times): %.2f s\n", $2 - $1 }'
if command -v /usr/bin/time >/dev/null 2>&1; then
	/usr/bin/time -f "byline: peak memory on the largest page: %M KB" \
	    "$byline" --dump --format=json "$largest" >/dev/null || true
	echo "(largest page: $largest, $(wc -c < "$largest") bytes)"
fi

echo "== Readability.js"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	echo "extract-html: node or npm missing: Readability not run" >&2
	exit 0
fi
if [ ! -d "$top/bench/readability/node_modules/@mozilla/readability" ]; then
	(cd "$top/bench/readability" && npm install --no-audit --no-fund \
	    >/dev/null)
fi
r=0
: >"$out/rdb.runs"
while [ "$r" -lt "$runs" ]; do
	# shellcheck disable=SC2086
	node "$top/bench/readability/run.js" "$out/rdb" $list \
	    2>"$out/rdb.time"
	sed -n 's/.* \([0-9.]*\) pages\/s$/\1/p' "$out/rdb.time" \
	    >>"$out/rdb.runs"
	r=$((r + 1))
done
rps=$(median <"$out/rdb.runs")
echo "readability: $n pages in one process: $rps pages/s (median of" \
    "$runs runs: $(tr '\n' ' ' <"$out/rdb.runs")pages/s)"
"$score" --jobs "$jobs" --meta -q \
    --cmd "cat '$out/rdb/'\"\$(basename \"\$(dirname {})\")\".json" \
    "$pages" | tee "$out/rdb.txt"

echo "== ratios (byline / Readability)"
awk -v bps="$bps" -v rps="$rps" '
FNR == 1 { f++ }
/^\[zyte\] mean P/ { for (i = 1; i <= NF; i++) if ($i == "F1" && $(i-1) == "mean") z[f] = $(i+1) }
/^\[readability\] mean P/ { for (i = 1; i <= NF; i++) if ($i == "F1" && $(i-1) == "mean") r[f] = $(i+1) }
/^mean P/ { for (i = 1; i <= NF; i++) if ($i == "F1" && $(i-1) == "mean") a[f] = $(i+1) }
END {
	printf "quality, mean F1: all %.3f/%.3f = %.3f", a[1], a[2], a[1] / a[2]
	if (z[2] > 0)
		printf "; zyte %.3f/%.3f = %.3f", z[1], z[2], z[1] / z[2]
	printf "\n"
	printf "speed, pages/s: %s/%s = %.1fx\n", bps, rps, bps / rps
}' "$out/byline.txt" "$out/rdb.txt"
