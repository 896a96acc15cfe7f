#!/bin/sh
# bench/extract-all.sh: the three quality measurements of the extractor
# in one command, with the peers beside byline where they are installed:
#  1. ../shared/corpus (Zyte and Readability cases), HTML: score-extract
#     with metadata, and Zyte's own metric (--ngram 4, F1 of the means);
#  2. ../shared/snippets (trafilatura's evaluation set), HTML: the
#     score-snippets F-score;
#  3. the text copies (source.txt): bag-of-words F1 on the corpus copies,
#     the snippets F-score on the snippet copies (byline only: the peers
#     read HTML).
# Peers: Readability.js (bench/readability, node and npm; installed into
# bench/readability/node_modules on first run) and readability-lxml
# (Debian's python3-readability), each run once over all pages in one
# process.  Speed is bench/extract-html.sh's business.
#
# Usage: bench/extract-all.sh [BYLINE]   (default: build/src/byline)
# PEERS=none runs byline alone (the peers take most of the time).
# Exits 77 when ../shared is absent.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$top/../shared}
corpus=$shared/corpus/pages
snippets=$shared/snippets/pages
sx=$shared/tools/score-extract
ss=$shared/tools/score-snippets
byline=${1:-$top/build/src/byline}
jobs=${JOBS:-2}
out=${TMPDIR:-/tmp}/byline-all.$$

if [ ! -d "$corpus" ] || [ ! -d "$snippets" ] || [ ! -x "$sx" ] ||
    [ ! -x "$ss" ]; then
	echo "extract-all: $shared: corpora or tools not found, skipped" >&2
	exit 77
fi
case $byline in /*) ;; *) byline=$(pwd)/$byline ;; esac
if [ ! -x "$byline" ]; then
	echo "extract-all: $byline: not built" >&2
	exit 1
fi
mkdir -p "$out"
trap 'rm -rf "$out"' EXIT INT TERM

# The F1 figures of a score-extract summary: all, zyte, readability.
f1s() {
	awk '
	function f(line, key,   i, n, w) {
		n = split(line, w, " ")
		for (i = 1; i < n; i++)
			if (w[i] == key)
				return w[i + 1]
		return "-"
	}
	/^mean P/ { a = f($0, "F1") }
	/^\[zyte\] mean P/ { z = f($0, "F1"); zm = f($0, "means") }
	/^\[readability\] mean P/ { r = f($0, "F1") }
	/^metadata/ { m = $0; sub(/^metadata exact match: /, "", m) }
	END {
		sub(/\)$/, "", zm)
		printf "mean F1 %s (zyte %s, readability %s)", a, z, r
		if (m != "")
			printf "; metadata: %s", m
		printf "\n"
	}'
}
# The zyte F1 of means of a score-extract summary.
zmeans() {
	sed -n 's/^\[zyte\] .*(F1 of means \([0-9.]*\)).*/\1/p'
}
# The F-score of a score-snippets summary (precision recall F).
snipf() {
	awk '/^ *pages/ { getline; printf "P %s R %s F %s (TP %s FP %s FN %s)\n",
	    $8, $9, $11, $4, $5, $6 }'
}
# A command for the scorers that prints a peer's stored text of a case.
peer_cmd() {
	echo "sh -c 'cat \"\$0/\$(basename \"\$(dirname \"\$1\")\").txt\"' $1"
}
# A peer's JSON outputs in $1 to .txt files beside them.
peer_texts() {
	python3 - "$1" <<'PY'
import json, os, sys
d = sys.argv[1]
for f in os.listdir(d):
    if f.endswith(".json"):
        with open(os.path.join(d, f)) as j:
            t = json.load(j).get("text") or ""
        with open(os.path.join(d, f[:-5] + ".txt"), "w") as o:
            o.write(t)
PY
}
# Scores a peer's outputs in $2 (name $1) on both corpora.
peer_scores() {
	peer_texts "$2/corpus"
	peer_texts "$2/snippets"
	"$sx" --jobs "$jobs" --meta -q --cmd "cat '$2/corpus/'\"\$(basename \"\$(dirname {})\")\".json" \
	    "$corpus" >"$2/meta.txt"
	"$sx" --jobs "$jobs" -q --ngram 4 --cmd "$(peer_cmd "$2/corpus") {}" \
	    "$corpus" >"$2/ng4.txt"
	# shellcheck disable=SC2046
	"$ss" -j "$jobs" --cmd "$(peer_cmd "$2/snippets") {}" "$snippets" \
	    >"$2/snip.txt"
	printf '%-18s corpus HTML: %s' "$1" "$(f1s <"$2/meta.txt")"
	printf '\n%-18s Zyte 4-gram F1 of means: %s\n' "$1" \
	    "$(zmeans <"$2/ng4.txt")"
	printf '%-18s snippets HTML: %s\n' "$1" "$(snipf <"$2/snip.txt")"
}

echo "== byline ($byline)"
"$sx" --jobs "$jobs" --meta -q --json "$out/meta.json" \
    --cmd "'$byline' --dump --format=json {}" "$corpus" >"$out/meta.txt"
"$sx" --jobs "$jobs" -q --ngram 4 --cmd "'$byline' --dump --format=text {}" \
    "$corpus" >"$out/ng4.txt"
"$ss" -j "$jobs" --input html --cmd "$byline --dump --format=text {}" \
    "$snippets" >"$out/snip.txt"
"$ss" -j "$jobs" --input text --cmd "$byline --dump --format=text {}" \
    "$snippets" >"$out/sniptext.txt"
"$sx" --jobs "$jobs" -q --json "$out/text.json" \
    --cmd "'$byline' --dump --format=text \"\$(dirname {})/source.txt\"" \
    "$corpus" >/dev/null
printf '%-18s corpus HTML: %s' byline "$(f1s <"$out/meta.txt")"
# Names are printed without "By": count them with the expected "By" ignored.
python3 "$top/bench/meta-summary.py" byline "$out/meta.json" |
    sed 's/.*\(byline (By ignored) [0-9/]*\).*/; \1/' | tr -d '\n'
printf '\n%-18s Zyte 4-gram F1 of means: %s\n' byline "$(zmeans <"$out/ng4.txt")"
printf '%-18s snippets HTML: %s\n' byline "$(snipf <"$out/snip.txt")"
printf '%-18s snippets text: %s\n' byline "$(snipf <"$out/sniptext.txt")"
# A case with no text copy has nothing to extract from: left out.
python3 - "$out/text.json" <<'PY'
import json, os, statistics, sys
cases = json.load(open(sys.argv[1]))["cases"]
f1 = [c["f1"] for c in cases
      if os.path.exists(os.path.join(c["path"], "source.txt"))]
print("%-18s corpus text copies: %d cases, mean F1 %.3f, F1>=0.9 %.1f%%"
      % ("byline", len(f1), statistics.mean(f1),
         100.0 * sum(f >= 0.9 for f in f1) / len(f1)))
PY

if [ "${PEERS:-}" = none ]; then
	echo "== peers: PEERS=none, not run"
	exit 0
fi

if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
	echo "== Readability.js"
	if [ ! -d "$top/bench/readability/node_modules/@mozilla/readability" ]
	then
		(cd "$top/bench/readability" && npm install --no-audit \
		    --no-fund >/dev/null)
	fi
	mkdir -p "$out/rjs/corpus" "$out/rjs/snippets"
	# shellcheck disable=SC2046
	node "$top/bench/readability/run.js" "$out/rjs/corpus" \
	    $(ls "$corpus"/*/source.html) 2>/dev/null
	# shellcheck disable=SC2046
	node "$top/bench/readability/run.js" "$out/rjs/snippets" \
	    $(ls "$snippets"/*/source.html) 2>/dev/null
	peer_scores Readability.js "$out/rjs"
else
	echo "== Readability.js: node or npm missing, not run"
fi

lxml_py=
for py in python3 /usr/bin/python3; do
	if "$py" -c 'import readability, lxml.html' >/dev/null 2>&1; then
		lxml_py=$py
		break
	fi
done
if [ -n "$lxml_py" ]; then
	echo "== readability-lxml"
	mkdir -p "$out/rlx/corpus" "$out/rlx/snippets"
	# shellcheck disable=SC2046
	"$lxml_py" "$top/bench/readability/lxml_run.py" "$out/rlx/corpus" \
	    $(ls "$corpus"/*/source.html) 2>/dev/null
	# shellcheck disable=SC2046
	"$lxml_py" "$top/bench/readability/lxml_run.py" "$out/rlx/snippets" \
	    $(ls "$snippets"/*/source.html) 2>/dev/null
	peer_scores readability-lxml "$out/rlx"
else
	echo "== readability-lxml: python3-readability missing, not run"
fi
