#!/bin/sh
# amilint's tests.
#  1. tests/lint/NAME.ami (a transcript in unmark's marker format; see
#     tests/tools/unmark.c) linted as NAME.txt must print exactly
#     NAME.diag (options in NAME.args) and exit 1 when it prints anything.
#  2. Every rule's own examples from the dictionary: its bad example
#     triggers it, its good example triggers nothing at all.
#  3. The differential test: the built-in dictionary (generated
#     validators) and --dictionary dictionary/ (run-time validation) give
#     identical output on every input above.
#  4. SARIF output validates against the SARIF 2.1.0 schema (when
#     ../shared/schemas is there) and carries what code scanning needs.
#  5. The exact findings of every rule's bad example are pinned in
#     tests/lint/rule-examples.out (--update rewrites it for review).
# usage: run-amilint.sh BUILD [--update]
build=$(cd "$1" && pwd) || exit 2
top=$(cd "$(dirname "$0")/.." && pwd)
amilint="$build/amilint --no-config --color=never"
unmark=$build/unmark
schema=$top/../shared/schemas/sarif-schema-2.1.0.json
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# 1. pinned cases
mkdir "$tmp/cases"
for ami in "$top"/tests/lint/*.ami; do
	name=$(basename "$ami" .ami)
	"$unmark" < "$ami" > "$tmp/cases/$name.txt"
	args=
	[ -f "${ami%.ami}.args" ] && args=$(cat "${ami%.ami}.args")
	# shellcheck disable=SC2086
	(cd "$tmp/cases" && $amilint $args "$name.txt") > "$tmp/out" 2> "$tmp/err"
	rc=$?
	want=0
	[ -s "${ami%.ami}.diag" ] && want=1
	[ -f "${ami%.ami}.exit" ] && want=$(cat "${ami%.ami}.exit")
	if [ ! -f "${ami%.ami}.diag" ]; then
		bad "$name: no $name.diag"; continue
	fi
	if ! cmp -s "$tmp/out" "${ami%.ami}.diag"; then
		bad "$name: output differs (- expected, + actual):"
		diff -u "${ami%.ami}.diag" "$tmp/out" | head -30
	elif [ $rc -ne "$want" ]; then
		bad "$name: exit $rc, want $want"; cat "$tmp/err"
	else
		ok
	fi
done

# Secrets never appear, in any format (tests/lint/secret.ami uses hunter2).
for fmt in text json sarif; do
	(cd "$tmp/cases" && $amilint -f $fmt --summary secret.txt) > "$tmp/out" 2>&1
	grep -q hunter2 "$tmp/out" && bad "secret shown with -f $fmt" || ok
done

# Standard input, and input errors.
$amilint - < "$tmp/cases/json.txt" > "$tmp/out" 2>&1
[ $? -eq 1 ] && grep -q '^<stdin>:2:1: note:' "$tmp/out" && ok || bad "stdin: $(cat "$tmp/out")"
$amilint "$tmp/no-such-file" > "$tmp/out" 2>&1
[ $? -eq 2 ] && grep -q "no-such-file: No such file" "$tmp/out" && ok || bad "missing file: $(cat "$tmp/out")"
$amilint --bogus > /dev/null 2>&1
[ $? -eq 2 ] && ok || bad "unknown option must exit 2"
$amilint --disable no-such-rule "$tmp/cases/json.txt" > /dev/null 2>&1
[ $? -eq 2 ] && ok || bad "unknown rule name must exit 2"
$amilint --list-rules | grep -q '^AMI0501  plaintext-secret ' && ok || bad "--list-rules"
# .amilintrc is found from a subdirectory, and --no-config ignores it.
mkdir -p "$tmp/rc/sub" && printf 'disable = header-case\n' > "$tmp/rc/.amilintrc"
cp "$tmp/cases/json.txt" "$tmp/rc/sub/"
(cd "$tmp/rc/sub" && "$build/amilint" --color=never json.txt) > "$tmp/out" 2>&1
[ $? -eq 0 ] && [ ! -s "$tmp/out" ] && ok || bad ".amilintrc not applied: $(cat "$tmp/out")"
(cd "$tmp/rc/sub" && $amilint json.txt) > /dev/null 2>&1
[ $? -eq 1 ] && ok || bad "--no-config did not ignore .amilintrc"

# 2. every rule's examples
"$build/amigen" -T json -o "$tmp/dict.json" "$top/dictionary" || exit 2
mkdir "$tmp/rules"
# (A rule whose bad example starts with "# capture" is about packet
# captures: tests/run-pcap.sh tests it.)
jq -r '.rules[] | select(.bad | startswith("# capture") | not) | .id' \
	"$tmp/dict.json" > "$tmp/ids"
while read -r id; do
	for kind in bad good; do
		jq -r --arg id "$id" --arg k "$kind" \
			'.rules[] | select(.id == $id) | .[$k]' "$tmp/dict.json" |
			"$unmark" -t > "$tmp/rules/$id-$kind.txt"
		(cd "$tmp/rules" && $amilint -f json "$id-$kind.txt") > "$tmp/out" 2>&1
		if [ $kind = bad ]; then
			grep -q "\"rule\":\"$id\"" "$tmp/out" && ok ||
				{ bad "$id: its bad example does not trigger it"; cat "$tmp/out"; }
		else
			[ ! -s "$tmp/out" ] && ok ||
				{ bad "$id: its good example is not clean"; cat "$tmp/out"; }
		fi
	done
done < "$tmp/ids"

# ... and the exact findings of every bad example, pinned.
(cd "$tmp/rules" && for id in $(cat "$tmp/ids"); do
	$amilint "$id-bad.txt"
done) > "$tmp/rule-examples.diag" 2>&1
if [ "${2:-}" = --update ]; then
	cp "$tmp/rule-examples.diag" "$top/tests/lint/rule-examples.out"
	echo "updated lint/rule-examples.out"
elif cmp -s "$tmp/rule-examples.diag" "$top/tests/lint/rule-examples.out"; then ok
else
	bad "rule examples: findings differ from tests/lint/rule-examples.out:"
	diff -u "$top/tests/lint/rule-examples.out" "$tmp/rule-examples.diag" | head -30
fi

# 3. built-in vs run-time dictionary, on everything above
for f in "$tmp"/cases/*.txt "$tmp"/rules/*.txt; do
	d=$(dirname "$f") b=$(basename "$f")
	(cd "$d" && $amilint -f json "$b") > "$tmp/a" 2>&1
	(cd "$d" && $amilint -f json --dictionary "$top/dictionary" "$b") > "$tmp/b" 2>&1
	cmp -s "$tmp/a" "$tmp/b" && ok ||
		{ bad "differential: $b differs between built-in and --dictionary"; diff "$tmp/a" "$tmp/b" | head -10; }
done

# 4. SARIF
(cd "$tmp/rules" && $amilint -f sarif ./*.txt) > "$tmp/all.sarif"
if jq -e '."$schema" and .version == "2.1.0" and
	(.runs[0].tool.driver.rules | length) > 40 and
	(.runs[0].tool.driver.rules | all(.shortDescription.text and .fullDescription.text and .help.text)) and
	(.runs[0].results | length) > 40 and
	(.runs[0].results | all(.partialFingerprints.primaryLocationLineHash and
		(.locations[0].physicalLocation.region.startLine // 1) >= 1))' \
	"$tmp/all.sarif" > /dev/null; then ok; else bad "SARIF lacks what code scanning needs"; fi
if [ -f "$schema" ] && command -v python3 > /dev/null &&
	python3 -c 'import jsonschema' 2> /dev/null; then
	if python3 - "$schema" "$tmp/all.sarif" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
log = json.load(open(sys.argv[2]))
jsonschema.validate(log, schema)
PY
	then ok; else bad "SARIF does not validate against $schema"; fi
else
	echo "skipped: SARIF schema validation (needs ../shared/schemas and python3-jsonschema)"
fi

echo "amilint: $pass passed, $fail failed"
[ $fail -eq 0 ]
