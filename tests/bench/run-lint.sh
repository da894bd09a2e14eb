#!/bin/sh
# make bench: amilint's speed and memory on a large realistic transcript,
# side by side with `wc -l` (the floor: reading the bytes) and the awk line
# a user would write instead (counting header names).  The transcripts are
# written by gen_transcript.c (seed 1) into BUILD/bench/ and reused until
# the generator changes.  Prints each tool's best and median wall time and
# least CPU time, the ratios against the targets
# (amilint at least 3x faster than awk, within 8x of wc -l) and amilint's
# peak RSS on 30 MB and SIZE_MB inputs (target: under 16 MB, the same for
# both).  A benchmark reports; it never fails the build on a missed target.
# usage: run-lint.sh BUILD [SIZE_MB]   (RUNS: timed runs per tool, default 5)
build=$(cd "$1" && pwd) || exit 2
size=${2:-300}
runs=${RUNS:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=$build/bench
amilint=$build/amilint
# shellcheck disable=SC2016 # awk's $1, not the shell's
awk_prog='/:/{n[$1]++} END{for(k in n) print k, n[k]}'
mkdir -p "$bench" || exit 2

if [ ! -x /usr/bin/time ]; then
	echo "bench: /usr/bin/time is missing (apt-get install time)" >&2
	exit 2
fi
# tool NAME: BUILD/bench/NAME, compiled from tests/bench/NAME.c if older.
tool() {
	if [ ! -x "$bench/$1" ] || [ "$root/tests/bench/$1.c" -nt "$bench/$1" ]
	then
		${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -O2 -Wall -Wextra \
		    -Werror -pedantic -o "$bench/$1" "$root/tests/bench/$1.c" ||
		    exit 2
	fi
}
tool gen_transcript
tool timeit
gen=$bench/gen_transcript

# transcript MB: the file of that size (seed 1), made again only when the
# generator changed.
transcript() {
	f=$bench/transcript-s1-$1mb.txt
	if [ ! -s "$f" ] || [ "$gen" -nt "$f" ]; then
		"$gen" -s 1 "$1" > "$f.tmp" && mv "$f.tmp" "$f" || exit 2
	fi
	echo "$f"
}

# timed NAME CMD...: runs CMD $runs times (output to /dev/null), sets
# best (wall), median (wall) and cpu (least user + system time), in
# seconds, and prints them.  On a busy machine wall times grow; the best
# of several much less, the CPU time hardly.
timed() {
	name=$1
	shift
	: > "$bench/times"
	i=0
	while [ $i -lt "$runs" ]; do
		"$bench/timeit" "$bench/times" "$@" > /dev/null 2>&1
		i=$((i + 1))
	done
	best=$(sort -n "$bench/times" | awk 'NR == 1 {printf "%.3f", $1 / 1e6}')
	median=$(sort -n "$bench/times" |
	    awk '{t[NR] = $1} END {printf "%.3f", t[int((NR + 1) / 2)] / 1e6}')
	cpu=$(awk '{print $2 + $3}' "$bench/times" | sort -n |
	    awk 'NR == 1 {printf "%.3f", $1 / 1e6}')
	printf '  %-28s best %7s s  median %7s s  cpu %7s s\n' "$name" \
	    "$best" "$median" "$cpu"
}

# rss FILE: amilint's peak resident set in KiB.
rss() {
	/usr/bin/time -f '%M' -o "$bench/rss" "$amilint" --no-config "$1" \
	    > /dev/null 2>&1
	tail -1 "$bench/rss"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {
	if (b > 0) printf "%.1f", a / b; else printf "n/a" }'; }
verdict() { awk -v r="$1" -v t="$2" -v d="$3" 'BEGIN {
	ok = d == "min" ? r >= t : r <= t
	print ok ? "met" : "MISSED" }'; }

small=$(transcript 30) && big=$(transcript "$size") || exit 2
cat "$big" > /dev/null # in the page cache, as for every tool below

awk_impl=$(readlink -f "$(command -v awk)")
echo "amilint benchmark: $(wc -c < "$big") bytes, $(wc -l < "$big") lines" \
    "($big), best and median of $runs runs"
echo "  machine: $(nproc) CPUs, $(sed -n 's/^model name[^:]*: //p' \
    /proc/cpuinfo | head -1), load average $(cut -d' ' -f1-3 \
    /proc/loadavg); awk is $awk_impl"
timed "amilint (text)" "$amilint" --no-config --color=never "$big"
t_lint=$best c_lint=$cpu
timed "amilint -f json" "$amilint" --no-config -f json "$big"
timed "amilint --summary" "$amilint" --no-config --color=never \
    --summary "$big"
timed "wc -l" wc -l "$big"
t_wc=$best c_wc=$cpu
timed "awk (count header names)" env LC_ALL=C awk -F: "$awk_prog" "$big"
t_awk=$best c_awk=$cpu

r_wc=$(ratio "$t_lint" "$t_wc")
r_awk=$(ratio "$t_awk" "$t_lint")
echo "ratios (best wall times; amilint is the text run):"
echo "  amilint / wc -l = $r_wc   (target <= 8: $(verdict "$r_wc" 8 max))"
echo "  awk / amilint   = $r_awk   (target >= 3: $(verdict "$r_awk" 3 min))"
echo "  by CPU time: amilint / wc -l = $(ratio "$c_lint" "$c_wc")," \
    "awk / amilint = $(ratio "$c_awk" "$c_lint")"

rss_small=$(rss "$small")
rss_big=$(rss "$big")
grow=$((rss_big - rss_small))
echo "peak RSS of amilint:"
echo "  30 MB input: $rss_small KiB   $size MB input: $rss_big KiB"
echo "  under 16 MiB: $(verdict "$rss_big" 16383 max);" \
    "the same for both (within 256 KiB): $(verdict "${grow#-}" 256 max)"
