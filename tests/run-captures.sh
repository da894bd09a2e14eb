#!/bin/sh
# The real captures in ../shared/captures (traffic of a real Asterisk):
# each session log splits into exactly client-NN.txt and server-NN.txt,
# and amilint's findings on the client side, the server side and both
# interleaved equal tests/captures/NN.diag (reviewed; see
# tests/captures/README).  Skipped when ../shared is absent.
# usage: run-captures.sh BUILD [--update]
build=$(cd "$1" && pwd) || exit 2
top=$(cd "$(dirname "$0")/.." && pwd)
caps=${AMIDICT_CAPTURES:-$top/../shared/captures}
if [ ! -d "$caps" ]; then
	echo "skipped: real captures ($caps absent)"
	exit 0
fi
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
for log in "$caps"/session-*.log; do
	nn=$(basename "$log" .log)
	nn=${nn#session-}
	for side in c:client s:server; do
		"$build/sessionlog" -${side%:*} < "$log" > "$tmp/${side#*:}-$nn.txt"
		cmp -s "$tmp/${side#*:}-$nn.txt" "$caps/${side#*:}-$nn.txt" && ok ||
			bad "session-$nn.log: ${side#*:} side differs from ${side#*:}-$nn.txt"
	done
	"$build/sessionlog" < "$log" > "$tmp/session-$nn.txt"
	(cd "$tmp" && for f in client-$nn.txt server-$nn.txt session-$nn.txt; do
		"$build/amilint" --no-config --color=never "$f"
	done) > "$tmp/$nn.diag" 2>&1
	if [ "${2:-}" = --update ]; then
		cp "$tmp/$nn.diag" "$top/tests/captures/$nn.diag"
		echo "updated captures/$nn.diag"
	elif cmp -s "$tmp/$nn.diag" "$top/tests/captures/$nn.diag"; then
		ok
	else
		bad "captures/$nn.diag:"; diff -u "$top/tests/captures/$nn.diag" "$tmp/$nn.diag" | head -20
	fi
done
# Asterisk's own documentation of the same build, with amidict's files
# merged on top (what Asterisk's XML cannot say: repeats, booleans,
# undocumented wire headers), knows everything the captures carry.
xml=$top/../shared/asterisk/core-en_US.xml
if [ -f "$xml" ]; then
	(cd "$caps" && "$build/amilint" --no-config -f json --dictionary "$xml" \
		--dictionary "$top/dictionary" client-*.txt server-*.txt) > "$tmp/ast.json"
	if grep -q '"rule":"AMI0\(201\|401\|402\)"' "$tmp/ast.json"; then
		bad "unknown headers, actions or events with --dictionary core-en_US.xml:"
		grep '"rule":"AMI0\(201\|401\|402\)"' "$tmp/ast.json" | head -10
	else ok; fi
fi
echo "captures: $pass passed, $fail failed"
[ $fail -eq 0 ]
