#!/bin/sh
# Golden tests: each tests/golden/NAME.xml (or directory NAME/) has sibling
# files NAME.tree, NAME.json, ... holding amigen's reviewed output for
# that format.  Compared byte for byte; every output is also generated
# twice to prove it deterministic.  --update rewrites the golden files.
# usage: run-golden.sh BUILD [--update]
build=$(cd "$1" && pwd) || exit 2
update=${2:-}
amigen=$build/amigen
cd "$(dirname "$0")/golden" || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for input in *.xml */; do
	[ -e "$input" ] || continue
	name=${input%.xml}
	name=${name%/}
	input=${input%/}
	for golden in "$name".*; do
		fmt=${golden##*.}
		[ "$fmt" = xml ] && continue
		[ -d "$golden" ] && continue
		"$amigen" -T "$fmt" "$input" > "$tmp/out" 2> "$tmp/err"
		rc=$?
		"$amigen" -T "$fmt" "$input" > "$tmp/out2" 2>/dev/null
		if [ -n "$update" ]; then
			cp "$tmp/out" "$golden"
			echo "updated $golden"
			continue
		fi
		if [ $rc -ne 0 ]; then
			echo "FAIL $golden: amigen exited $rc"; cat "$tmp/err"
			fail=$((fail + 1))
		elif ! cmp -s "$tmp/out" "$tmp/out2"; then
			echo "FAIL $golden: two runs differ"
			fail=$((fail + 1))
		elif ! cmp -s "$tmp/out" "$golden"; then
			echo "FAIL $golden:"; diff -u "$golden" "$tmp/out" | head -40
			fail=$((fail + 1))
		else
			pass=$((pass + 1))
		fi
	done
done
[ -n "$update" ] && exit 0
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
