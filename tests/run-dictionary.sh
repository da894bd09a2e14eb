#!/bin/sh
# The shipped dictionary: loads with no error and no warning, its JSON is
# valid, and it holds every header of the seed's list ("Some standard AMI
# headers" in ../shared/seed/manager-api.tex), spelled exactly, with as many
# seed meanings as the seed has lines for that name.  The seed part is
# skipped when ../shared is absent (a user's clone).
# usage: run-dictionary.sh BUILD
build=$(cd "$1" && pwd) || exit 2
amigen=$build/amigen
top=$(cd "$(dirname "$0")/.." && pwd)
seed=${AMIDICT_SEED:-$top/../shared/seed/manager-api.tex}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

cd "$top" || exit 2
"$amigen" -T check dictionary > "$tmp/out" 2> "$tmp/err"
rc=$?
if [ $rc -eq 0 ] && [ ! -s "$tmp/err" ]; then ok; else
	bad "amigen -T check dictionary: exit $rc"; head -20 "$tmp/err"
fi

"$amigen" -T json -o "$tmp/dict.json" dictionary 2>/dev/null
if jq -e '.format == 1 and (.headers | length) > 0' "$tmp/dict.json" > /dev/null; then ok
else bad "amigen -T json dictionary: not the expected JSON"; fi

if [ -f "$seed" ]; then
	# name count, one line per seed header name, sorted
	sed -n '/Some standard AMI headers/,/end{verbatim}/p' "$seed" |
		sed -n 's/^ \([A-Za-z][A-Za-z0-9-]*\):.*/\1/p' |
		LC_ALL=C sort | uniq -c | awk '{print $2, $1}' > "$tmp/seed"
	jq -r '.headers[] | .name as $n | [.meanings[] | select(.source == "seed")] |
		select(length > 0) | "\($n) \(length)"' "$tmp/dict.json" |
		LC_ALL=C sort > "$tmp/dict"
	names=$(wc -l < "$tmp/seed")
	meanings=$(awk '{s += $2} END {print s}' "$tmp/seed")
	if [ "$names" -ne 115 ] || [ "$meanings" -ne 130 ]; then
		bad "seed parse: $names names, $meanings meanings (want 115, 130)"
	elif diff -u "$tmp/seed" "$tmp/dict" > "$tmp/diff"; then
		echo "seed: all $names header names and $meanings meanings present"
		ok
	else
		bad "dictionary differs from the seed's header list (- seed, + dictionary):"
		cat "$tmp/diff"
	fi
else
	echo "skipped: seed contract ($seed absent)"
fi

echo "dictionary: $pass passed, $fail failed"
[ $fail -eq 0 ]
