#!/bin/sh
# make bench: what amilint --proxy costs on 127.0.0.1, against a direct
# connection to the same server (tests/bench/proxy_bench.c is both ends):
#  - throughput: a client sends a generated transcript of SIZE_MB
#    (gen_transcript.c, seed 1, the file run-lint.sh uses) to a server
#    that drops it, and waits for the server's close; MiB/s, best and
#    median of RUNS.  amilint on the same file (no proxy) is timed too:
#    linting is most of what the proxy adds.
#  - latency: a client logs in, then times N Ping/Response round trips
#    one at a time; median and p99 of each run, RUNS runs.
# Findings go to /dev/null.  A benchmark reports; it never fails on a
# figure.  Only loopback addresses; everything started is killed on exit.
# With PIN_CPU=N everything runs on CPU N (taskset): round trips then do
# not depend on where the scheduler wakes each process (on a VM, a wake-up
# on the other CPU can cost more than the proxy), and throughput is that
# of one CPU shared by sender, proxy and receiver.
# usage: run-proxy.sh BUILD [SIZE_MB]   (RUNS, default 5; PINGS, default
#        20000; PIN_CPU, default none)
if [ -n "${PIN_CPU:-}" ] && [ -z "${PINNED:-}" ]; then
	PINNED=1 exec taskset -c "$PIN_CPU" sh "$0" "$@"
fi
build=$(cd "$1" && pwd) || exit 2
size=${2:-300}
runs=${RUNS:-5}
pings=${PINGS:-20000}
root=$(cd "$(dirname "$0")/../.." && pwd)
bench=$build/bench
amilint="$build/amilint --no-config"
mkdir -p "$bench" || exit 2
tmp=$(mktemp -d) || exit 2
pids=
trap 'for p in $pids; do kill "$p" 2> /dev/null; done; rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM HUP

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
tool proxy_bench
pb=$bench/proxy_bench

file=$bench/transcript-s1-${size}mb.txt
if [ ! -s "$file" ] || [ "$bench/gen_transcript" -nt "$file" ]; then
	"$bench/gen_transcript" -s 1 "$size" > "$file.tmp" &&
	    mv "$file.tmp" "$file" || exit 2
fi

# wait_line FILE: its first line, once there (5 s at most).
wait_line() {
	i=0
	until [ -s "$1" ] && grep -q . "$1"; do
		i=$((i + 1))
		[ $i -gt 50 ] && { echo "bench: nothing in $1" >&2; exit 2; }
		sleep 0.1
	done
	head -1 "$1"
}

# median COLUMN FILE: the median of that column.
median() {
	awk -v c="$1" '{print $c}' "$2" | sort -n |
	    awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'
}

# (Started here, not in $(...): the subshell would lose $pids.)
# server KIND: starts proxy_bench KIND; sets $port.
server() {
	"$pb" "$1" > "$tmp/$1.port" &
	pids="$pids $!"
	port=$(wait_line "$tmp/$1.port")
}

# proxy NAME UPSTREAM-PORT: amilint --proxy in front of it; sets $port.
proxy() {
	$amilint --proxy 127.0.0.1:0 --upstream "127.0.0.1:$2" > /dev/null \
	    2> "$tmp/$1.err" &
	pids="$pids $!"
	port=$(wait_line "$tmp/$1.err" |
	    sed -n 's/^amilint: listening on 127\.0\.0\.1:\([0-9]*\),.*/\1/p')
}

# best_median FILE: the highest and the median of a column of MiB/s.
best_median() {
	sort -n "$1" | awk '{v[NR] = $1} END {
		printf "best %s, median %s", v[NR], v[int((NR + 1) / 2)] }'
}

server sink
sink=$port
server pong
pong=$port
proxy sink "$sink"
psink=$port
proxy pong "$pong"
ppong=$port
echo "bench: amilint --proxy on $(basename "$file") ($(wc -c < "$file") bytes)," \
    "$runs runs${PIN_CPU:+, all on CPU $PIN_CPU}"

for how in direct:"$sink" proxy:"$psink"; do
	: > "$tmp/mbs"
	i=0
	while [ $i -lt "$runs" ]; do
		"$pb" push "${how#*:}" "$file" | awk '{print $1}' >> "$tmp/mbs"
		i=$((i + 1))
	done
	printf '  throughput %-7s %s MiB/s\n' "${how%%:*}" \
	    "$(best_median "$tmp/mbs")"
done

: > "$tmp/lint"
i=0
while [ $i -lt "$runs" ]; do
	s=$(date +%s.%N)
	$amilint "$file" > /dev/null
	e=$(date +%s.%N)
	awk -v s="$s" -v e="$e" -v n="$(wc -c < "$file")" \
	    'BEGIN {printf "%.1f\n", n / (e - s) / 1048576}' >> "$tmp/lint"
	i=$((i + 1))
done
printf '  amilint FILE, no proxy %s MiB/s\n' "$(best_median "$tmp/lint")"

# Each run's median and p99, then the median of each over the runs: on a
# shared machine one run's p99 may be another process's time slice.
for how in direct:"$pong" proxy:"$ppong"; do
	: > "$tmp/ping"
	i=0
	while [ $i -lt "$runs" ]; do
		"$pb" ping "${how#*:}" "$pings" | tee -a "$tmp/ping" |
		    sed "s/^/  ping ${how%%:*}: /"
		i=$((i + 1))
	done
	printf '  ping %s, median of %s runs: median %s us, p99 %s us\n' \
	    "${how%%:*}" "$runs" "$(median 2 "$tmp/ping")" \
	    "$(median 5 "$tmp/ping")"
done
