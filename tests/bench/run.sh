#!/bin/sh
# make bench: times header-name look-ups side by side on one workload: the
# look-up amigen -T c generates, gperf --ignore-case over the same names, and
# a binary search with strncasecmp.  The workload is the header names of the
# server side of the real captures (../shared/captures/server-*.txt), in
# their order and so weighted by real use; every 20 names, 3 are sent in
# another case and 2 are turned into misses.  Without the captures every
# name of the dictionary is used once.
# usage: run.sh BUILD [DICTIONARY]   (default dictionary/; CC and
#        BENCH_CFLAGS may be set, default cc -O2)
build=$(cd "$1" && pwd) || exit 2
root=$(cd "$(dirname "$0")/../.." && pwd)
amigen=$build/amigen
cc=${CC:-cc}
cflags=${BENCH_CFLAGS:--O2}
captures=$root/../shared/captures
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT

dict=${2:-$root/dictionary}
"$amigen" -T check "$dict" > /dev/null 2>&1
if [ $? -gt 1 ]; then
	echo "bench: $dict does not load; using tests/c/many.xml"
	dict=$root/tests/c/many.xml
fi
"$amigen" -T c -n bv -o "$tmp" "$dict" || exit 1
"$amigen" -T tree "$dict" 2> /dev/null | sed -n 's/^header //p' > "$tmp/names"

if ls "$captures"/server-*.txt > /dev/null 2>&1; then
	cat "$captures"/server-*.txt | tr -d '\r' |
	    sed -n 's/^\([A-Za-z0-9_-][A-Za-z0-9_-]*\):.*/\1/p' > "$tmp/traffic"
	src="server captures"
else
	cp "$tmp/names" "$tmp/traffic"
	src="dictionary names (no captures)"
fi
awk '{ r = NR % 20
       if (r == 3 || r == 13) print tolower($0)
       else if (r == 7) print toupper($0)
       else if (r == 11) print $0 "x"
       else if (r == 17) print "Q" substr($0, 2)
       else print }' "$tmp/traffic" > "$tmp/workload"

if ! command -v gperf > /dev/null; then
	echo "bench: gperf is not installed (apt-get install gperf)"
	exit 1
fi
{ printf '%%{\n#include <stddef.h>\n#include <string.h>\n%%}\n%%%%\n'
  cat "$tmp/names"; } |
    gperf --ignore-case --language=ANSI-C --readonly-tables \
          --compare-lengths --lookup-function-name=gperf_lookup \
          --hash-function-name=gperf_hash > "$tmp/gperf.c" || exit 1

for f in "$tmp/bv.c" "$tmp/gperf.c" "$root/tests/bench/bsearch.c"; do
	$cc $cflags -w -c "$f" -o "$tmp/$(basename "$f" .c).o" || exit 1
done
$cc $cflags -D_POSIX_C_SOURCE=200809L -I"$tmp" -c \
    "$root/tests/bench/bench.c" -o "$tmp/bench.o" &&
    $cc -o "$tmp/bench" "$tmp"/*.o || exit 1
echo "bench: $dict, workload from $src, $cc $cflags"
"$tmp/bench" "$tmp/names" "$tmp/workload"
