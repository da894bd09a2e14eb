#!/bin/sh
# amilint on packet captures (pcap, pcapng).
#  1. tests/pcap/NAME.pcs is a script for tests/tools/mkpcap.c (built
#     here, into BUILD), which writes NAME.pcap.  amilint on it (options
#     in NAME.args) must print exactly NAME.diag, print exactly NAME.err
#     on standard error (nothing when there is none), and exit with
#     NAME.exit (default: 1 when NAME.diag is not empty, else 0).  Each
#     line "FILE EXPECTED" of NAME.x says that amilint --extract writes
#     FILE with exactly the bytes of EXPECTED (a path in tests/pcap).
#     Then the front-end: captures known by their content, on standard
#     input too, --extract's errors and gaps, --port, --disable, SARIF
#     (valid SARIF 2.1.0 when ../shared/schemas is there), and a case
#     for every rule whose bad example is "# capture ...".
#  2. Every capture of 1., cut short at a few places, and with a few
#     bytes flipped: amilint ends with status 0, 1 or 2, never a crash.
#  3. The real captures of ../shared/captures (skipped when absent):
#     --extract gives each direction byte for byte (client-NN.txt,
#     server-NN.txt) and both as the recorder interleaved them
#     (session-NN.log), and the findings on the capture are those on the
#     interleaved transcript (rules and messages: places differ).
# usage: run-pcap.sh BUILD [--update]   (--update rewrites .diag, .err)
build=$(cd "$1" && pwd) || exit 2
top=$(cd "$(dirname "$0")/.." && pwd)
cases=$top/tests/pcap
caps=${AMIDICT_CAPTURES:-$top/../shared/captures}
amilint="$build/amilint --no-config --color=never"
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

${CC:-cc} -std=c11 -Wall -Wextra -Werror -pedantic -O2 \
	-o "$build/mkpcap" "$top/tests/tools/mkpcap.c" || exit 2

# same FILE EXPECTED: compares, and says what differs.
same() {
	if cmp -s "$1" "$2"; then ok; else
		bad "$3: $(basename "$1") differs from $(basename "$2") (- expected, + actual):"
		diff -u "$2" "$1" | head -20
	fi
}

# 1. the scripted captures
for pcs in "$cases"/*.pcs; do
	name=$(basename "$pcs" .pcs)
	base=${pcs%.pcs}
	"$build/mkpcap" "$pcs" "$tmp/$name.pcap" || { bad "$name: mkpcap"; continue; }
	args=
	[ -f "$base.args" ] && args=$(cat "$base.args")
	# shellcheck disable=SC2086
	(cd "$tmp" && $amilint $args "$name.pcap") > "$tmp/out" 2> "$tmp/err"
	rc=$?
	if [ "${2:-}" = --update ]; then
		cp "$tmp/out" "$base.diag"
		if [ -s "$tmp/err" ]; then cp "$tmp/err" "$base.err"; else rm -f "$base.err"; fi
		echo "updated pcap/$name.diag"
	fi
	want=0
	[ -s "$base.diag" ] && want=1
	[ -f "$base.exit" ] && want=$(cat "$base.exit")
	if [ -f "$base.err" ]; then same "$tmp/err" "$base.err" "$name"
	else : > "$tmp/none"; same "$tmp/err" "$tmp/none" "$name: stderr"; fi
	same "$tmp/out" "$base.diag" "$name"
	[ "$rc" -eq "$want" ] && ok || bad "$name: exit $rc, want $want"
	[ -f "$base.x" ] || continue
	rm -rf "$tmp/x"
	(cd "$tmp" && $amilint --extract x "$name.pcap") > /dev/null 2>&1 ||
		{ bad "$name: --extract failed"; continue; }
	while read -r file expected; do
		same "$tmp/x/$file" "$cases/$expected" "$name --extract"
	done < "$base.x"
done

# Known by content, whatever the name; and the rest of the front-end.
cp "$tmp/clean.pcap" "$tmp/clean.txt"
(cd "$tmp" && $amilint clean.txt) | sed 's/^clean\.txt:/clean.pcap:/' > "$tmp/out"
same "$tmp/out" "$cases/clean.diag" "a capture named .txt"
cp "$cases/data/client.txt" "$tmp/transcript.pcap"
$amilint "$tmp/transcript.pcap" | grep -q 'plaintext-secret' && ok ||
	bad "a transcript named .pcap is not linted as text"
$amilint - < "$tmp/clean.pcap" | grep -q '^<stdin>:4:1: warning' && ok ||
	bad "a capture on standard input (a file)"
cat "$tmp/clean.pcap" | $amilint - | grep -q '^<stdin>:4:1: warning' && ok ||
	bad "a capture on standard input (a pipe)"
$amilint --extract "$tmp/no" "$cases/data/client.txt" > /dev/null 2> "$tmp/err"
[ $? -eq 2 ] && grep -q 'not a pcap or pcapng capture' "$tmp/err" && ok ||
	bad "--extract of a transcript must fail: $(cat "$tmp/err")"
$amilint --extract "$tmp/no" "$tmp/clean.pcap" "$tmp/wrap.pcap" > /dev/null 2>&1
[ $? -eq 2 ] && ok || bad "--extract of two captures must fail"
(cd "$tmp" && $amilint --extract gaps gap-lost.pcap) > /dev/null 2> "$tmp/err"
[ $? -eq 0 ] && grep -qx 'gap-lost.pcap: connection 1 (10.0.0.1:40000->10.0.0.2:5038), client stream: 12 bytes missing at offset 84 (frame 8)' "$tmp/err" && ok ||
	bad "--extract must tell the gaps: $(cat "$tmp/err")"
$amilint --port 0 "$tmp/clean.pcap" > /dev/null 2>&1
[ $? -eq 2 ] && ok || bad "--port 0 must fail"
(cd "$tmp" && $amilint --disable capture-gap,ip-fragment fragment.pcap) > "$tmp/out"
[ $? -eq 0 ] && [ ! -s "$tmp/out" ] && ok || bad "--disable capture-gap,ip-fragment: $(cat "$tmp/out")"
# SARIF: the capture is the artifact, the connection in the properties.
(cd "$tmp" && $amilint -f sarif gap-lost.pcap fragment.pcap) > "$tmp/out.sarif"
if jq -e '.runs[0].results | length == 6 and
	all(.locations[0].physicalLocation.artifactLocation.uri | test("[.]pcap$")) and
	all(.properties.frame > 0) and
	(map(select(.ruleId == "AMI0120")) | all(.properties.direction == "client" and
		.properties.connectionIndex == 1 and
		.locations[0].physicalLocation.region.byteOffset != null))' \
	"$tmp/out.sarif" > /dev/null; then ok; else bad "SARIF of captures"; fi
schema=$top/../shared/schemas/sarif-schema-2.1.0.json
if [ -f "$schema" ] && python3 -c 'import jsonschema' 2> /dev/null; then
	python3 -c 'import json, sys, jsonschema
jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))' \
		"$schema" "$tmp/out.sarif" && ok || bad "SARIF of captures: not valid SARIF 2.1.0"
fi
# Every capture rule (bad example "# capture ...") is shown by a case.
"$build/amigen" -T json -o "$tmp/dict.json" "$top/dictionary" || exit 2
for id in $(jq -r '.rules[] | select(.bad | startswith("# capture")) | .id' "$tmp/dict.json"); do
	cat "$cases"/*.diag | grep -q "\[$id " && ok || bad "no case shows $id"
done

# 2. broken copies: cut short, bytes flipped.  A sanitizer's report counts
# as a crash (ASan exits with 1).
survives() {
	$amilint "$tmp/broken.pcap" > /dev/null 2> "$tmp/err"
	rc=$?
	if [ $rc -le 2 ] && ! grep -q 'Sanitizer\|runtime error' "$tmp/err"; then ok
	else bad "$1: exit $rc"; head -5 "$tmp/err"; fi
}
for pcap in "$tmp"/*.pcap; do
	size=$(wc -c < "$pcap")
	for cut in 3 20 30 60 $((size / 2)) $((size - 1)); do
		[ "$cut" -lt "$size" ] || continue
		head -c "$cut" "$pcap" > "$tmp/broken.pcap"
		survives "$(basename "$pcap") cut to $cut bytes"
	done
	for at in 17 33 41 45 54 60 $((size / 3)); do
		[ "$at" -lt "$size" ] || continue
		{ head -c "$at" "$pcap"; printf '\377'; tail -c +$((at + 2)) "$pcap"; } > "$tmp/broken.pcap"
		survives "$(basename "$pcap") with byte $at flipped"
	done
done

# 3. the real captures
if [ -d "$caps" ]; then
	for pcap in "$caps"/capture-*.pcap; do
		nn=$(basename "$pcap" .pcap)
		nn=${nn#capture-}
		rm -rf "$tmp/real"
		if $amilint --extract "$tmp/real" "$pcap" 2> "$tmp/err"; then
			same "$tmp/real/001-client.txt" "$caps/client-$nn.txt" "capture-$nn"
			same "$tmp/real/001-server.txt" "$caps/server-$nn.txt" "capture-$nn"
		else
			bad "capture-$nn: --extract failed: $(cat "$tmp/err")"
		fi
		"$build/sessionlog" < "$caps/session-$nn.log" > "$tmp/session.txt"
		[ -f "$tmp/real/001-both.txt" ] &&
			same "$tmp/real/001-both.txt" "$tmp/session.txt" "capture-$nn both"
		$amilint -f json "$tmp/session.txt" | jq -r '"\(.rule) \(.message)"' > "$tmp/want"
		$amilint -f json "$pcap" | jq -r '"\(.rule) \(.message)"' > "$tmp/got"
		same "$tmp/got" "$tmp/want" "capture-$nn findings"
	done
else
	echo "skipped: real captures ($caps absent)"
fi

echo "pcap: $pass passed, $fail failed"
[ $fail -eq 0 ]
