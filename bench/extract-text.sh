#!/bin/sh
# bench/extract-text.sh: the text-copy extractor over the corpus: each
# case's source.txt (a browser's select-all copy of the page) scored
# against expected.txt with ../shared/tools/score-extract, and the
# metadata with --meta.  Prints the scorer's summaries.
#
# Usage: bench/extract-text.sh [BYLINE]   (default: build/src/byline)
# Exits 77 when ../shared is absent.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$top/../shared}
pages=$shared/corpus/pages
score=$shared/tools/score-extract
byline=${1:-$top/build/src/byline}
jobs=${JOBS:-2}

if [ ! -d "$pages" ] || [ ! -x "$score" ]; then
	echo "extract-text: $pages not found, skipped" >&2
	exit 77
fi
case $byline in /*) ;; *) byline=$(pwd)/$byline ;; esac
if [ ! -x "$byline" ]; then
	echo "extract-text: $byline: not built" >&2
	exit 1
fi
out=${TMPDIR:-/tmp}/byline-text.$$
trap 'rm -f "$out"' EXIT INT TERM
echo "== byline --dump --format=text on each case's source.txt"
"$score" --jobs "$jobs" -q --json "$out" \
    --cmd "'$byline' --dump --format=text \"\$(dirname {})/source.txt\"" \
    "$pages"
# A case with no text copy (the corpus README names one) has nothing to
# extract from: the figure that counts leaves it out.
python3 - "$out" <<'PY'
import json, os, statistics, sys
cases = json.load(open(sys.argv[1]))["cases"]
have = [c for c in cases
        if os.path.exists(os.path.join(c["path"], "source.txt"))]
f1 = [c["f1"] for c in have]
print("text copies: %d cases  mean F1 %.3f  median F1 %.3f  F1>=0.9 %.1f%%"
      % (len(f1), statistics.mean(f1), statistics.median(f1),
         100.0 * sum(f >= 0.9 for f in f1) / len(f1)))
PY
echo "== metadata (--meta, JSON) on source.txt"
"$score" --jobs "$jobs" -q --meta \
    --cmd "'$byline' --dump --format=json \"\$(dirname {})/source.txt\"" \
    "$pages" | grep -vE '^\[' || true
