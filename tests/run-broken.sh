#!/bin/sh
# Broken dictionaries: each tests/broken/NAME.xml (or directory NAME/, its
# files merged in name order) must make amigen exit 2 (or the status in
# NAME.exit) and print exactly NAME.err on stderr: file:line: error: ...
# usage: run-broken.sh BUILD
build=$(cd "$1" && pwd) || exit 2
amigen=$build/amigen
cd "$(dirname "$0")/broken" || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for input in *.xml */; do
	[ -e "$input" ] || continue
	input=${input%/}
	name=${input%.xml}
	want=2
	[ -f "$name.exit" ] && want=$(cat "$name.exit")
	if [ ! -f "$name.err" ]; then
		echo "FAIL $input: no $name.err"
		fail=$((fail + 1))
		continue
	fi
	"$amigen" -T check "$input" > "$tmp/out" 2> "$tmp/err"
	rc=$?
	if [ $rc -ne "$want" ]; then
		echo "FAIL $input: exit $rc, want $want"; cat "$tmp/err"
		fail=$((fail + 1))
	elif ! cmp -s "$tmp/err" "$name.err"; then
		echo "FAIL $input:"; diff -u "$name.err" "$tmp/err"
		fail=$((fail + 1))
	elif [ -s "$tmp/out" ]; then
		echo "FAIL $input: wrote to stdout"
		fail=$((fail + 1))
	else
		pass=$((pass + 1))
	fi
done
echo "broken: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
