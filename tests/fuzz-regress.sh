#!/bin/sh
# fuzz-regress.sh: replays every input the fuzzers found a bug with
# (tests/data/fuzz-regress/TARGET/) and the seed corpora (fuzz/corpus/
# TARGET/) through the fuzz targets linked with a plain main()
# (fuzz/regress_TARGET, built by make check).  Each must finish without
# a signal, a broken promise (abort) or a sanitizer report.
. "$srcdir/tests/lib.sh"

# Kept inputs also go through the prune pass's table check.
BYLINE_FUZZ_PRUNE=1
export BYLINE_FUZZ_PRUNE
top_builddir=$(dirname "$(dirname "$BYLINE")")
for target in feed extract_html extract_text date conf opml render filter \
    sanitize; do
	prog=$top_builddir/fuzz/regress_$target
	if [ ! -x "$prog" ]; then
		tests_run=$((tests_run + 1))
		fail "$target: $prog not built"
		continue
	fi
	for dir in "$srcdir/tests/data/fuzz-regress/$target" \
	    "$srcdir/fuzz/corpus/$target"; do
		[ -d "$dir" ] || continue
		set -- "$dir"/*
		[ -e "$1" ] || continue
		check "$target: $# inputs of ${dir#"$srcdir"/}" 0 "" -- \
		    "$prog" "$@"
	done
done
finish
