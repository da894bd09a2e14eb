#!/bin/sh
# Asterisk's own documentation as a dictionary, -T xml, --as-of and -T diff.
# - tests/asterisk/trimmed.xml (a small file in Asterisk's format, written
#   for these tests) loads with exactly the warnings of trimmed.err, has
#   the counts below, and its -T tree is trimmed.tree;
# - -T xml round trips: load, write, load, write gives the same bytes, valid
#   against dictionary/amidict.rng, and the same -T tree, for trimmed.xml,
#   tests/golden/small.xml and dictionary/ (when it loads);
# - -T xml, --as-of and -T diff/diff-json on tests/asterisk/diff/ give
#   exactly the reviewed new.written.xml, asof.tree, expected.md and
#   expected.json;
# - docs/api-diff.md below its marker line is what dictionary/ gives now;
# - when ../shared/asterisk/core-en_US.xml exists (AMIDICT_ASTERISK names
#   another): it loads with no error, has 154 actions and 181 events, and
#   every back-end runs on it, checked by mandoc and pdflatex as
#   run-man.sh and run-latex.sh do (skipped when the tool is missing);
#   every action and event it documents is in dictionary/ too.
# --update rewrites the reviewed files instead of comparing.
# usage: run-asterisk.sh BUILD [--update]
build=$(cd "$1" && pwd) || exit 2
update=${2:-}
amigen=$build/amigen
top=$(cd "$(dirname "$0")/.." && pwd)
core=${AMIDICT_ASTERISK:-$top/../shared/asterisk/core-en_US.xml}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }
cd "$top" || exit 2
t=tests/asterisk

# same WANT GOT WHAT...: compares byte for byte, or rewrites WANT (--update).
same() {
	want=$1 got=$2
	shift 2
	if [ -n "$update" ]; then
		cp "$got" "$want" && echo "updated $want"
	elif cmp -s "$want" "$got"; then ok
	else bad "$*:"; diff -u "$want" "$got" | head -30; fi
}

# counts INPUT ACTIONS EVENTS
counts() {
	got=$("$amigen" -T json "$1" 2> /dev/null |
		jq -r '"\(.actions | length) \(.events | length)"')
	if [ "$got" = "$2 $3" ]; then ok
	else bad "$1: $got actions and events, want $2 $3"; fi
}

# roundtrip NAME INPUT: -T xml, loaded again, gives the same bytes and model.
roundtrip() {
	"$amigen" -T xml -o "$tmp/$1.1.xml" "$2" 2> /dev/null
	if [ $? -gt 1 ]; then bad "$1: amigen -T xml failed"; return; fi
	"$amigen" -T xml -o "$tmp/$1.2.xml" "$tmp/$1.1.xml" 2> "$tmp/err"
	if [ $? -ne 0 ]; then
		bad "$1: the -T xml output does not load cleanly:"
		head -5 "$tmp/err"
	elif ! cmp -s "$tmp/$1.1.xml" "$tmp/$1.2.xml"; then
		bad "$1: -T xml twice gives other bytes:"
		diff -u "$tmp/$1.1.xml" "$tmp/$1.2.xml" | head -20
	else ok; fi
	"$amigen" -T tree "$2" 2> /dev/null | grep -v '^file ' > "$tmp/$1.t1"
	"$amigen" -T tree "$tmp/$1.1.xml" 2> /dev/null | grep -v '^file ' \
		> "$tmp/$1.t2"
	if cmp -s "$tmp/$1.t1" "$tmp/$1.t2"; then ok
	else bad "$1: the -T xml output is another model:"
		diff -u "$tmp/$1.t1" "$tmp/$1.t2" | head -20; fi
	if command -v xmllint > /dev/null; then
		if xmllint --noout --relaxng dictionary/amidict.rng \
			"$tmp/$1.1.xml" 2> "$tmp/err"; then ok
		else bad "$1: -T xml not valid:"; head -5 "$tmp/err"; fi
	fi
}

# ---- the trimmed copy ---------------------------------------------------

"$amigen" -T check $t/trimmed.xml > /dev/null 2> "$tmp/trimmed.err"
rc=$?
if [ $rc -eq 1 ]; then ok; else bad "$t/trimmed.xml: exit $rc, want 1"; fi
same $t/trimmed.err "$tmp/trimmed.err" "$t/trimmed.err"
counts $t/trimmed.xml 10 10
"$amigen" -T tree $t/trimmed.xml > "$tmp/trimmed.tree" 2> /dev/null
same $t/trimmed.tree "$tmp/trimmed.tree" "$t/trimmed.tree"
"$amigen" -T tree $t/*.xml > "$tmp/all.tree" 2> /dev/null
same $t/trimmed.tree "$tmp/all.tree" "$t/*.xml (one file expected)"

# ---- hostile <docs> files --------------------------------------------------

# 256 MB of memory and 10 s at most (ASan reserves too much address
# space for ulimit -v: it gets its own limit, as in run-security.sh, a
# smaller quarantine of freed memory, which would count against it, and
# more time).
if ldd "$amigen" 2> /dev/null | grep -q libasan; then
	limit() {
		ASAN_OPTIONS=hard_rss_limit_mb=256:quarantine_size_mb=16 \
			timeout 60 "$@"
	}
else
	limit() { ( ulimit -v 262144; exec timeout 10 "$@" ); }
fi

# Includes of includes, twenty at each level: stopped by the budget, in
# bounded time and memory, with a warning.
{
	echo '<docs xmlns:xi="http://www.w3.org/2001/XInclude">'
	printf '<manager name="A"><syntax><parameter name="P"><para>'
	i=0
	while [ $i -lt 20 ]; do
		printf '<xi:include xpointer="%s"/>' \
			"xpointer(/docs/manager[@name='A'])"
		i=$((i + 1))
	done
	echo '</para></parameter></syntax></manager></docs>'
} > "$tmp/bomb.xml"
limit "$amigen" -T check "$tmp/bomb.xml" > /dev/null 2> "$tmp/bomb.err"
rc=$?
if [ $rc -eq 1 ] && grep -q 'no include is followed any further' \
	"$tmp/bomb.err"; then ok
else bad "include bomb: exit $rc"; tail -2 "$tmp/bomb.err"; fi
# Entities are refused in a <docs> file as in any dictionary; an include
# of another file is never opened.
printf '<!DOCTYPE docs [<!ENTITY x SYSTEM "secret.txt">]>\n<docs/>\n' \
	> "$tmp/entity.xml"
"$amigen" -T check "$tmp/entity.xml" > /dev/null 2> "$tmp/entity.err"
if [ $? -eq 2 ] && grep -q 'entity declarations are not allowed' \
	"$tmp/entity.err"; then ok
else bad "an entity in a <docs> file is not refused"; fi
echo 'top secret' > "$tmp/secret.txt"
printf '%s\n' '<docs xmlns:xi="http://www.w3.org/2001/XInclude">' \
	'<manager name="A"><syntax><xi:include href="secret.txt"' \
	' parse="text"/></syntax></manager></docs>' > "$tmp/href.xml"
if command -v strace > /dev/null; then
	(cd "$tmp" && strace -f -e trace=open,openat -o trace.txt \
		"$amigen" -T check href.xml > /dev/null 2>&1)
	if grep -q 'secret\.txt' "$tmp/trace.txt"; then
		bad "an include of another file was opened"
	else ok; fi
else echo "skip strace: not installed"; fi

# ---- -T xml ----------------------------------------------------------------

roundtrip trimmed $t/trimmed.xml
roundtrip small tests/golden/small.xml
roundtrip merged tests/golden/merged
"$amigen" -T check dictionary > /dev/null 2>&1
if [ $? -le 1 ]; then roundtrip dictionary dictionary
else echo "skip dictionary/: amigen -T check dictionary fails"; fi

# ---- --as-of and -T diff -------------------------------------------------

"$amigen" -T xml $t/diff/new.xml > "$tmp/new.written.xml"
same $t/diff/new.written.xml "$tmp/new.written.xml" "-T xml $t/diff/new.xml"
"$amigen" --as-of 12 -T tree $t/diff/new.xml > "$tmp/asof.tree" 2> /dev/null
same $t/diff/asof.tree "$tmp/asof.tree" "--as-of 12"
"$amigen" -T diff --old $t/diff/old.xml $t/diff/new.xml > "$tmp/diff.md"
same $t/diff/expected.md "$tmp/diff.md" "-T diff"
"$amigen" -T diff-json --old $t/diff/old.xml $t/diff/new.xml \
	> "$tmp/diff.json"
same $t/diff/expected.json "$tmp/diff.json" "-T diff-json"
if jq -e '.format == 1' "$tmp/diff.json" > /dev/null; then ok
else bad "-T diff-json: not valid JSON"; fi
"$amigen" -T diff $t/diff/new.xml > /dev/null 2>&1
[ $? -eq 2 ] && ok || bad "-T diff without --old must fail"

# ---- docs/api-diff.md: the classic API against today's ---------------------

# The text above the marker line is written by hand; below it is output.
marker='<!-- generated: everything below comes from amigen -T diff -->'
if "$amigen" --as-of 1.4 -T xml -o "$tmp/classic.xml" dictionary \
	2> /dev/null && "$amigen" -T diff --old "$tmp/classic.xml" dictionary \
	> "$tmp/api-diff.out" 2> /dev/null; then
	sed "/^$marker\$/q" docs/api-diff.md > "$tmp/api-diff.md"
	if ! grep -qx -- "$marker" "$tmp/api-diff.md"; then
		bad "docs/api-diff.md: no marker line"
	else
		echo >> "$tmp/api-diff.md"
		cat "$tmp/api-diff.out" >> "$tmp/api-diff.md"
		same docs/api-diff.md "$tmp/api-diff.md" \
			"docs/api-diff.md is not what dictionary/ gives now" \
			"(run: sh tests/run-asterisk.sh BUILD --update)"
	fi
else
	echo "skip docs/api-diff.md: dictionary/ does not load"
fi

# ---- Asterisk's own core-en_US.xml ----------------------------------------

# lint_man DIR: mandoc's exit status and every byte it prints count.
lint_man() {
	for p in "$1"/man7/*.7; do
		if ! mandoc -T lint -W warning "$p" > "$tmp/lint" 2>&1 ||
			[ -s "$tmp/lint" ]; then
			bad "mandoc -T lint $p:"; head -5 "$tmp/lint"; return
		fi
	done
	ok
}

# What a clean final pdflatex run must not say (as in run-latex.sh).
unclean="(Reference|Citation|Hyper reference) .* undefined"
unclean="$unclean|There were undefined|Rerun to get"

# pdf TEX: pdflatex, makeindex, pdflatex, as run-latex.sh does.
pdf() {
	dir=$(dirname "$1") name=$(basename "$1" .tex)
	if ! (cd "$dir" && export max_print_line=10000 &&
		pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" \
			> /dev/null 2>&1 && makeindex -q "$name.idx" &&
		pdflatex -interaction=nonstopmode -halt-on-error "$name.tex" \
			> /dev/null 2>&1); then
		bad "pdflatex $1 failed:"; grep -A 3 '^!' "$dir/$name.log" | head
	elif grep -aE "$unclean" "$dir/$name.log" | head -3 | grep .; then
		bad "pdflatex $1: the final run is not clean"
	else ok; fi
}

# backends: every back-end on core-en_US.xml, each output checked.
backends() {
	out=$tmp/core
	for fmt in tree json latex xml; do
		"$amigen" -T $fmt -o "$out.$fmt" "$core" 2> /dev/null
		if [ $? -le 1 ] && [ -s "$out.$fmt" ]; then ok
		else bad "amigen -T $fmt $core"; fi
	done
	for fmt in man markdown html; do
		"$amigen" -T $fmt -o "$out-$fmt" "$core" 2> /dev/null
		if [ $? -le 1 ] && [ -d "$out-$fmt" ]; then ok
		else bad "amigen -T $fmt $core"; fi
	done
	"$amigen" -T c -n asterisk -o "$out-c" "$core" 2> /dev/null
	if [ $? -gt 1 ]; then bad "amigen -T c $core"
	elif ! command -v cc > /dev/null; then echo "skip cc: not installed"
	elif cc -std=c11 -Wall -Wextra -Werror -pedantic -Wshadow -Wconversion \
		-c "$out-c/asterisk.c" -o "$out-c/asterisk.o"; then ok
	else bad "-T c $core: does not compile"; fi
	jq -e '.format == 1' "$out.json" > /dev/null && ok ||
		bad "-T json $core: not valid JSON"
	if command -v mandoc > /dev/null; then lint_man "$out-man"
	else echo "skip mandoc: not installed"; fi
	if command -v pdflatex > /dev/null && command -v makeindex > /dev/null
	then mkdir -p "$tmp/latex" && cp "$out.latex" "$tmp/latex/core.tex" &&
		pdf "$tmp/latex/core.tex"
	else echo "skip pdflatex: not installed"; fi
}

if [ -f "$core" ]; then
	"$amigen" -T check "$core" > /dev/null 2> "$tmp/core.err"
	rc=$?
	if [ $rc -le 1 ] && ! grep -q ': error: ' "$tmp/core.err"; then ok
	else bad "$core: exit $rc:"; grep ': error: ' "$tmp/core.err" | head; fi
	counts "$core" 154 181
	roundtrip core "$core"
	backends
	# Conflicts with dictionary/ are expected today (see
	# docs/asterisk-import.md): counted for the record, not failed.
	"$amigen" -T check "$core" dictionary > /dev/null 2> "$tmp/merged.err"
	echo "note: $core merged with dictionary/: exit $?," \
		"$(grep -c ': error: ' "$tmp/merged.err") conflicts"
	# Every action and event it documents is in dictionary/ as well
	# (action names ignoring case, as AMI matches them; events exactly).
	"$amigen" -T json -o "$tmp/names-core.json" "$core" 2> /dev/null
	"$amigen" -T json -o "$tmp/names-dict.json" dictionary 2> /dev/null
	for kind in actions:ascii_downcase events:.; do
		for f in core dict; do
			jq -r ".${kind%:*}[].name | ${kind#*:}" "$tmp/names-$f.json" |
				LC_ALL=C sort -u > "$tmp/names-$f.txt"
		done
		missing=$(LC_ALL=C comm -23 "$tmp/names-core.txt" \
			"$tmp/names-dict.txt" | tr '\n' ' ')
		if [ -s "$tmp/names-core.txt" ] && [ -z "$missing" ]; then ok
		else bad "${kind%:*} of $core not in dictionary/: $missing"; fi
	done
else
	echo "skip $core: absent"
fi

echo "asterisk: $pass passed, $fail failed"
[ -n "$update" ] && exit 0
[ $fail -eq 0 ] && [ $pass -gt 0 ]
