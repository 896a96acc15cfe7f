#!/bin/sh
# run.sh: builds the fuzz targets (make fuzz) and runs each for SECONDS
# on a copy of its seed corpus with its dictionary, one after another:
#
#	fuzz/run.sh [SECONDS [BUILDDIR]]
#
# SECONDS defaults to 60, BUILDDIR to build-fuzzrun beside this script's
# source tree (configured when it has no Makefile).  Limits: 2 s per
# input, 512 MB of memory, inputs up to 64 KB.  A crash, leak, timeout
# or out-of-memory stops that target, leaves the input in
# BUILDDIR/fuzz-artifacts/TARGET/ and makes the exit status 1; copy the
# input to tests/data/fuzz-regress/TARGET/ once fixed.  Exits 77 (skip) when clang or its libFuzzer runtime is
# not installed.
set -u
seconds=${1:-60}
top=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$top/build-fuzzrun}
targets=${FUZZ_TARGETS:-"feed extract_html extract_text date conf opml render sanitize filter"}

if ! command -v clang >/dev/null 2>&1; then
	echo "run.sh: clang not found: install the Debian package clang" >&2
	exit 77
fi
mkdir -p "$build" || exit 1
# clang without its libFuzzer runtime cannot build the targets: skip.
probe=$build/fuzz-probe
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)'\
'{ (void)d; (void)n; return 0; }\n' >"$probe.c"
if ! clang -fsanitize=fuzzer,address,undefined -o "$probe" "$probe.c" \
    >/dev/null 2>&1; then
	echo "run.sh: clang cannot link -fsanitize=fuzzer (no libFuzzer" \
	    "runtime)" >&2
	rm -f "$probe" "$probe.c"
	exit 77
fi
rm -f "$probe" "$probe.c"
if [ ! -f "$build/Makefile" ]; then
	(cd "$build" && "$top/configure" >/dev/null) || exit 1
fi
make -C "$build" -s -j"$(nproc 2>/dev/null || echo 2)" fuzz-build ||
    exit 1

status=0
for t in $targets; do
	case $t in
	feed)		dict="xml.dict json.dict" ;;
	extract_html)	dict=html.dict ;;
	date)		dict=date.dict ;;
	conf)		dict=conf.dict ;;
	opml)		dict=xml.dict ;;
	*)		dict= ;;
	esac
	work=$build/fuzz-work/$t
	art=$build/fuzz-artifacts/$t
	rm -rf "$work"
	mkdir -p "$work" "$art"
	cp "$top/fuzz/corpus/$t"/* "$work"/ 2>/dev/null
	set -- -max_total_time="$seconds" -timeout=2 -rss_limit_mb=512 \
	    -max_len=65536 -print_final_stats=1 -artifact_prefix="$art/"
	if [ -n "$dict" ]; then
		(cd "$top/fuzz" && cat $dict) >"$build/fuzz-work/$t.dict"
		set -- "$@" -dict="$build/fuzz-work/$t.dict"
	fi
	echo "run.sh: $t for ${seconds}s"
	# tests/lsan.supp: known leaks of the libraries, each with its reason.
	if ! ASAN_OPTIONS=detect_leaks=1 \
	    LSAN_OPTIONS=suppressions="$top/tests/lsan.supp" \
	    "$build/fuzz-bin/fuzz_$t" "$@" \
	    "$work" >"$build/fuzz-work/$t.log" 2>&1; then
		echo "run.sh: $t FAILED; see $build/fuzz-work/$t.log" >&2
		tail -30 "$build/fuzz-work/$t.log" >&2
		status=1
	fi
	grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' \
	    "$build/fuzz-work/$t.log" | sed "s/^/run.sh: $t /"
done
exit $status
