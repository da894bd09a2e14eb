#!/bin/sh
# make bench: amilint on a large generated pcap (gen_capture.c: CONNS AMI
# connections on port 5038, interleaved segments of 100-1460 bytes, ~0.5%
# reordered and ~0.5% retransmitted; the AMI bytes from gen_transcript.c,
# seed 1), side by side with `tcpdump -r FILE -w /dev/null` (the floor:
# reading and writing the packets, no AMI) and tshark following every TCP
# stream in one pass (one `-z follow,tcp,raw,N` tap per stream: tshark's
# own reassembly of every byte, in order, gaps and retransmissions dealt
# with).  Targets: amilint no slower than tcpdump, at least 10x faster
# than tshark, peak RSS the same on 50 MB and SIZE_MB.  Files are kept in
# BUILD/bench/ and made again only when a generator changes.  Installs
# nothing: a missing tool is skipped, with the apt-get line to install it.
# A benchmark reports; it never fails the build on a missed target.
# usage: run-capture.sh BUILD [SIZE_MB]  (RUNS: timed runs, default 3;
#        CONNS: connections in the capture, default 200)
build=$(cd "$1" && pwd) || exit 2
size=${2:-500}
runs=${RUNS:-3}
conns=${CONNS:-200}
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=$build/bench
amilint=$build/amilint
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
tool gen_capture
tool timeit

# capture MB: a pcap of about MB MiB (seed 1, $conns connections) from a
# transcript of the same size (the pcap's headers make it the larger).
capture() {
	f=$bench/capture-s1-c$conns-$1mb.pcap
	t=$bench/transcript-s1-$1mb.txt
	if [ ! -s "$t" ] || [ "$bench/gen_transcript" -nt "$t" ]; then
		"$bench/gen_transcript" -s 1 "$1" > "$t.tmp" && mv "$t.tmp" "$t" ||
		    exit 2
	fi
	if [ ! -s "$f" ] || [ "$bench/gen_capture" -nt "$f" ] || [ "$t" -nt "$f" ]
	then
		"$bench/gen_capture" -s 1 -c "$conns" "$1" "$t" > "$f.tmp" &&
		    mv "$f.tmp" "$f" || exit 2
	fi
	echo "$f"
}

# timed NAME CMD...: as in run-lint.sh: best and median wall, least CPU.
timed() {
	name=$1
	shift
	: > "$bench/times"
	i=0
	while [ $i -lt "$runs" ]; do
		"$bench/timeit" "$bench/times" "$@" > /dev/null 2>&1 ||
		    echo "  ($name: exit status $?, its time is suspect)"
		i=$((i + 1))
	done
	best=$(sort -n "$bench/times" | awk 'NR == 1 {printf "%.3f", $1 / 1e6}')
	median=$(sort -n "$bench/times" |
	    awk '{t[NR] = $1} END {printf "%.3f", t[int((NR + 1) / 2)] / 1e6}')
	cpu=$(awk '{print $2 + $3}' "$bench/times" | sort -n |
	    awk 'NR == 1 {printf "%.3f", $1 / 1e6}')
	printf '  %-22s best %8s s  median %8s s  cpu %8s s\n' "$name" \
	    "$best" "$median" "$cpu"
}

# rss CMD...: its peak resident set in KiB.
rss() {
	/usr/bin/time -f '%M' -o "$bench/rss" "$@" > /dev/null 2>&1
	tail -1 "$bench/rss"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {
	if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }
verdict() { awk -v r="$1" -v t="$2" -v d="$3" 'BEGIN {
	ok = d == "min" ? r >= t : r <= t
	print ok ? "met" : "MISSED" }'; }
missing() {
	echo "  $1: not installed, skipped" \
	    "(DEBIAN_FRONTEND=noninteractive apt-get install -y $2)"
}

small=$(capture 50) && big=$(capture "$size") || exit 2
cat "$big" > /dev/null # in the page cache, as for every tool below
# One follow tap per stream: tshark numbers streams from 0 in order.
follow=$(awk -v n="$conns" 'BEGIN {
	for (i = 0; i < n; i++) printf " -z follow,tcp,raw,%d", i }')

echo "capture benchmark: $(wc -c < "$big") bytes, $conns connections" \
    "($big), best and median of $runs runs"
echo "  machine: $(nproc) CPUs, $(sed -n 's/^model name[^:]*: //p' \
    /proc/cpuinfo | head -1), load average $(cut -d' ' -f1-3 \
    /proc/loadavg)"
timed "amilint" "$amilint" --no-config --color=never "$big"
t_lint=$best c_lint=$cpu
t_dump='' t_shark=''
if command -v tcpdump > /dev/null; then
	# -Z root: no privilege drop, which -w /dev/null would not survive
	timed "tcpdump -r -w /dev/null" tcpdump -Z root -r "$big" -w /dev/null
	t_dump=$best c_dump=$cpu
else
	missing tcpdump tcpdump
fi
if command -v tshark > /dev/null; then
	# shellcheck disable=SC2086 # $follow: one word per tap
	timed "tshark follow x$conns" tshark -r "$big" -q $follow
	t_shark=$best c_shark=$cpu
else
	missing tshark tshark
fi

echo "ratios (best wall times; CPU times in brackets):"
if [ -n "$t_dump" ]; then
	r=$(ratio "$t_lint" "$t_dump")
	echo "  amilint / tcpdump = $r ($(ratio "$c_lint" "$c_dump"))" \
	    "  (target <= 1: $(verdict "$r" 1 max))"
fi
if [ -n "$t_shark" ]; then
	r=$(ratio "$t_shark" "$t_lint")
	echo "  tshark / amilint  = $r ($(ratio "$c_shark" "$c_lint"))" \
	    "  (target >= 10: $(verdict "$r" 10 min))"
fi

echo "peak RSS in KiB, 50 MB and $size MB captures:"
r_small=$(rss "$amilint" --no-config "$small")
r_big=$(rss "$amilint" --no-config "$big")
grow=$((r_big - r_small))
echo "  amilint  $r_small  $r_big   the same (within 1 MiB):" \
    "$(verdict "${grow#-}" 1024 max)"
if [ -n "$t_dump" ]; then
	echo "  tcpdump  $(rss tcpdump -Z root -r "$small" -w /dev/null)" \
	    " $(rss tcpdump -Z root -r "$big" -w /dev/null)"
fi
if [ -n "$t_shark" ]; then
	# shellcheck disable=SC2086
	echo "  tshark   $(rss tshark -r "$small" -q $follow)" \
	    " $(rss tshark -r "$big" -q $follow)"
fi
