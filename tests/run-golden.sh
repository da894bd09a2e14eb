#!/bin/sh
# Golden tests: each tests/golden/NAME.xml (or directory NAME/) has siblings
# NAME.FORMAT holding amigen's reviewed output for -T FORMAT: a file, or a
# directory for back-ends that write a tree of files (-o DIR).  Compared
# byte for byte (diff -r for trees); every output is generated twice to
# prove it deterministic.  --update rewrites the golden files for review.
# usage: run-golden.sh BUILD [--update]
build=$(cd "$1" && pwd) || exit 2
update=${2:-}
amigen=$build/amigen
cd "$(dirname "$0")/golden" || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# gen FORMAT INPUT DEST: writes -T FORMAT output to DEST (file or dir).
gen() {
	if [ -d "$golden" ]; then
		rm -rf "$3" && "$amigen" -T "$1" -n "$name" -o "$3" "$2"
	else
		"$amigen" -T "$1" -n "$name" "$2" > "$3"
	fi
}

for input in *.xml */; do
	[ -e "$input" ] || continue
	input=${input%/}
	# NAME.FORMAT/ directories are golden trees, not inputs.
	case $input in *.*/* | *.*) [ -d "$input" ] && continue ;; esac
	name=${input%.xml}
	for golden in "$name".*; do
		[ -e "$golden" ] || continue
		fmt=${golden##*.}
		[ "$golden" = "$input" ] && continue
		[ "$fmt" = xml ] && continue
		gen "$fmt" "$input" "$tmp/out" 2> "$tmp/err"
		rc=$?
		gen "$fmt" "$input" "$tmp/out2" 2> /dev/null
		if [ -n "$update" ]; then
			rm -rf "$golden" && cp -R "$tmp/out" "$golden"
			echo "updated $golden"
			rm -rf "$tmp/out" "$tmp/out2"
			continue
		fi
		if [ $rc -ne 0 ]; then
			echo "FAIL $golden: amigen exited $rc"; cat "$tmp/err"
			fail=$((fail + 1))
		elif ! diff -r "$tmp/out" "$tmp/out2" > /dev/null; then
			echo "FAIL $golden: two runs differ"
			fail=$((fail + 1))
		elif ! diff -r "$golden" "$tmp/out" > "$tmp/diff"; then
			echo "FAIL $golden:"; head -40 "$tmp/diff"
			fail=$((fail + 1))
		else
			pass=$((pass + 1))
		fi
		rm -rf "$tmp/out" "$tmp/out2"
	done
done
[ -n "$update" ] && exit 0
echo "golden: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
