#!/bin/sh
# bench/extract-snapshot.sh: byline --dump --format=json on every page of
# ../shared/corpus and ../shared/snippets (source.html, and source.txt
# where there is one), one output file per page and input, into OUTDIR.
# Two snapshots compared with diff -r show whether a change moved any
# output: a refactor must leave them byte-identical.
#
# Usage: bench/extract-snapshot.sh OUTDIR [BYLINE]
#        (default BYLINE: build/src/byline)
#   then: diff -r OUTDIR.before OUTDIR.after
# Exits 77 when ../shared is absent.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
shared=${SHARED:-$top/../shared}
byline=${2:-$top/build/src/byline}
[ $# -ge 1 ] || { echo "usage: $0 OUTDIR [BYLINE]" >&2; exit 2; }
outdir=$1

if [ ! -d "$shared/corpus/pages" ] || [ ! -d "$shared/snippets/pages" ]; then
	echo "extract-snapshot: $shared: corpora not found, skipped" >&2
	exit 77
fi
case $byline in /*) ;; *) byline=$(pwd)/$byline ;; esac
if [ ! -x "$byline" ]; then
	echo "extract-snapshot: $byline: not built" >&2
	exit 1
fi
mkdir -p "$outdir"
n=0
for corpus in corpus snippets; do
	for dir in "$shared/$corpus/pages"/*/; do
		name=$corpus-$(basename "$dir")
		for input in html txt; do
			src=$dir/source.$input
			[ -f "$src" ] || continue
			# The exit status is part of the output.
			rc=0
			"$byline" --dump --format=json "$src" \
			    >"$outdir/$name.$input.json" 2>&1 || rc=$?
			echo "exit $rc" >>"$outdir/$name.$input.json"
			n=$((n + 1))
		done
	done
done
echo "extract-snapshot: $n outputs in $outdir"
