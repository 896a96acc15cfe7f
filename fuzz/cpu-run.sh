#!/bin/sh
# cpu-run.sh: runs each fuzz target until it has used CPU_SECONDS of
# CPU time (user + system, read from /proc/PID/stat; libFuzzer fuzzes
# in its own process), JOBS targets at a time, and prints one line per
# target: CPU seconds used, executions and the result:
#
#	fuzz/cpu-run.sh [CPU_SECONDS [BUILDDIR]]
#
# CPU_SECONDS defaults to 600, BUILDDIR to build-fuzzrun beside this
# script's source tree (configured when it has no Makefile).  FUZZ_JOBS
# (default 2) targets run at once; FUZZ_TARGETS picks the targets.  The
# limits are those of fuzz/run.sh: 2 s per input, 512 MB, inputs up to
# 64 KB, the same dictionaries.  A target is stopped with SIGINT once
# it has used the budget; it also stops after 20 times the budget in
# wall time, and its line then shows the CPU time it got.  A crash,
# leak, timeout or out-of-memory leaves the input in
# BUILDDIR/fuzz-artifacts/TARGET/ (named on the line) and makes the
# exit status 1.  Run it under nice -n 19 on a shared machine: CPU time
# is counted, not wall time, so nice changes only how long it takes.
# Exits 77 (skip) when clang or its libFuzzer runtime is missing.
set -u
# The extract_html target's check of the prune pass's table (see
# fuzz_extract_html.c) is on in these long runs.
BYLINE_FUZZ_PRUNE=1
export BYLINE_FUZZ_PRUNE
budget=${1:-600}
top=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$top/build-fuzzrun}
targets=${FUZZ_TARGETS:-"feed extract_html extract_text date conf opml render sanitize filter"}
jobs=${FUZZ_JOBS:-2}
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)

case $budget in
''|*[!0-9]*)	echo "cpu-run.sh: CPU_SECONDS must be a whole number" >&2
		exit 2 ;;
esac
if [ ! -r /proc/self/stat ]; then
	echo "cpu-run.sh: /proc/PID/stat is needed to measure CPU time" >&2
	exit 77
fi
if ! command -v clang >/dev/null 2>&1; then
	echo "cpu-run.sh: clang not found: install the Debian package clang" >&2
	exit 77
fi
mkdir -p "$build" || exit 1
probe=$build/fuzz-probe
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)'\
'{ (void)d; (void)n; return 0; }\n' >"$probe.c"
if ! clang -fsanitize=fuzzer,address,undefined -o "$probe" "$probe.c" \
    >/dev/null 2>&1; then
	echo "cpu-run.sh: clang cannot link -fsanitize=fuzzer (no libFuzzer" \
	    "runtime)" >&2
	rm -f "$probe" "$probe.c"
	exit 77
fi
rm -f "$probe" "$probe.c"
if [ ! -f "$build/Makefile" ]; then
	(cd "$build" && "$top/configure" >/dev/null) || exit 1
fi
make -C "$build" -s -j"$jobs" fuzz-build >/dev/null || exit 1

# cputicks PID: utime + stime of PID in clock ticks, empty once it is
# gone.  Fields 14 and 15 of /proc/PID/stat, counted after the ")" that
# closes the command name (which may hold spaces).
cputicks()
{
	s=$(cat "/proc/$1/stat" 2>/dev/null) || return 0
	s=${s##*) }
	set -- $s
	shift 11
	echo $(($1 + $2))
}

# runone TARGET: fuzzes TARGET for the budget, writes its result line
# to fuzz-work/TARGET.cpu.
runone()
{
	t=$1
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
	log=$build/fuzz-work/$t.log
	rm -rf "$work" "$art"
	mkdir -p "$work" "$art"
	cp "$top/fuzz/corpus/$t"/* "$work"/ 2>/dev/null
	set -- -max_total_time=$((budget * 20)) -timeout=2 \
	    -rss_limit_mb=512 -max_len=65536 -print_final_stats=1 \
	    -artifact_prefix="$art/"
	if [ -n "$dict" ]; then
		(cd "$top/fuzz" && cat $dict) >"$build/fuzz-work/$t.dict"
		set -- "$@" -dict="$build/fuzz-work/$t.dict"
	fi
	ASAN_OPTIONS=detect_leaks=1 \
	    LSAN_OPTIONS=suppressions="$top/tests/lsan.supp" \
	    "$build/fuzz-bin/fuzz_$t" "$@" "$work" >"$log" 2>&1 &
	pid=$!
	ticks=0
	stopped=no
	while :; do
		now=$(cputicks $pid)
		[ -n "$now" ] || break
		ticks=$now
		if [ "$ticks" -ge $((budget * hz)) ]; then
			kill -INT $pid 2>/dev/null
			stopped=yes
			break
		fi
		sleep 1
	done
	wait $pid
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" |
	    tail -1)
	if [ -z "$execs" ]; then
		execs=$(sed -n 's/^#\([0-9][0-9]*\)[^0-9].*/\1/p' "$log" |
		    tail -1)
	fi
	artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" |
	    tail -1)
	if [ -n "$artifact" ]; then
		why=$(grep -m1 -oE '^SUMMARY: [A-Za-z]+: [^ ]+' "$log")
		[ -n "$why" ] || why=$(grep -m1 -oE 'ERROR: [A-Za-z]+: [^ ]+' \
		    "$log")
		result="FAILED (${why#SUMMARY: }) artifact $artifact"
	elif [ $stopped = yes ] || [ $rc -eq 0 ]; then
		result="no crash"
	else
		result="FAILED (exit $rc, see $log)"
	fi
	printf '%s cpu_s=%d.%02d execs=%s result=%s\n' "$t" \
	    $((ticks / hz)) $((ticks % hz * 100 / hz)) "${execs:-?}" \
	    "$result" >"$build/fuzz-work/$t.cpu"
	cat "$build/fuzz-work/$t.cpu"
}

echo "cpu-run.sh: $budget CPU seconds per target, $jobs at a time:" \
    "$targets"
mkdir -p "$build/fuzz-work"
# Deal the targets round-robin to JOBS queues; each queue runs its
# targets one after another.
q=0
qpids=
while [ $q -lt "$jobs" ]; do
	(
		# Stopped: take the running fuzzer along.
		pid=
		trap '[ -n "$pid" ] && kill $pid 2>/dev/null; exit 1' TERM
		i=0
		for t in $targets; do
			[ $((i % jobs)) -eq $q ] && runone "$t"
			i=$((i + 1))
		done
	) &
	qpids="$qpids $!"
	q=$((q + 1))
done
trap 'kill $qpids 2>/dev/null; exit 1' INT TERM HUP
wait
trap - INT TERM HUP

echo "cpu-run.sh: summary"
status=0
for t in $targets; do
	f=$build/fuzz-work/$t.cpu
	if [ -f "$f" ]; then
		cat "$f"
		grep -q 'result=no crash$' "$f" || status=1
	else
		echo "$t result=not run"
		status=1
	fi
done
exit $status
