#!/bin/sh
# bench/extract-meta.sh: the extractor's metadata (title, date, byline,
# site, lang) against the meta.json of ../shared/corpus, from the saved
# pages (source.html) and from their text copies (source.txt).
#
# score-extract compares the byline as it is, and some expected bylines
# are Readability's raw text, "By Joshua Sokol": byline prints names
# without "By" (its renderers say it), so the byline is counted a second
# time with a leading "By" of the expected value ignored.  The snippet
# corpus's meta.json holds only the URL and snippets: nothing to compare.
#
# Usage: [VERBOSE=1] bench/extract-meta.sh [BYLINE]
#   (default: build/src/byline; VERBOSE=1 lists every mismatch)
# Exits 77 when ../shared is absent.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$top/../shared}
corpus=$shared/corpus/pages
sx=$shared/tools/score-extract
byline=${1:-$top/build/src/byline}
jobs=${JOBS:-2}
out=${TMPDIR:-/tmp}/byline-meta.$$

if [ ! -d "$corpus" ] || [ ! -x "$sx" ]; then
	echo "extract-meta: $shared: corpus or tools not found, skipped" >&2
	exit 77
fi
case $byline in /*) ;; *) byline=$(pwd)/$byline ;; esac
if [ ! -x "$byline" ]; then
	echo "extract-meta: $byline: not built" >&2
	exit 1
fi
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT INT TERM

"$sx" --jobs "$jobs" --meta -q --json "$out/html.json" \
    --cmd "'$byline' --dump --format=json {}" "$corpus" >/dev/null
"$sx" --jobs "$jobs" --meta -q --json "$out/text.json" \
    --cmd "'$byline' --dump --format=json \"\$(dirname {})/source.txt\"" \
    "$corpus" >/dev/null
python3 "$top/bench/meta-summary.py" "HTML pages" "$out/html.json"
python3 "$top/bench/meta-summary.py" "text copies" "$out/text.json"
