#!/bin/sh
# The man back-end (-T man), checked by tools other than amigen: every page
# generated from tests/golden/small.xml and from the shipped dictionary
# (when it loads), and docs/amigen.1 and docs/amilint.1, must pass
# `mandoc -T lint -W warning` with no output at all; a few must render with
# `man -l` with nothing on stderr; every page a .BR cross-reference names
# (SEE ALSO included) must have been generated; there must be one page per
# action and event, and amilint-rules.7 when the dictionary has rules, with
# every rule in it, by category and then by ID; and events differing only
# in case must get the page names amigen(1) gives.
# usage: run-man.sh BUILD
build=$(cd "$1" && pwd) || exit 2
amigen=$build/amigen
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$top" || exit 2
. tests/lib.sh

# lint FILE: mandoc's exit status and every byte it prints count.
lint() {
	if mandoc -T lint -W warning "$1" > "$tmp/lint" 2>&1 &&
		[ ! -s "$tmp/lint" ]; then ok
	else bad "mandoc -T lint $1:"; head -5 "$tmp/lint"; fi
}

# render FILE: man -l must succeed and say nothing on stderr.
render() {
	if man -l "$1" > /dev/null 2> "$tmp/render" && [ ! -s "$tmp/render" ]
	then ok
	else bad "man -l $1:"; head -5 "$tmp/render"; fi
}

# xrefs DIR: the pages named by .BR lines ("name (7)" or `name "(7)..."`).
xrefs() {
	for p in "$1"/man7/*.7; do
		grep '^\.BR ' "$p" | grep -o '[A-Za-z0-9_\\-]\+ "\?(7)' |
			sed 's/ "\{0,1\}(7)$//; s/\\-/-/g' | sed "s|^|$p |"
	done
}

# check NAME INPUT: generates the pages of INPUT and checks them.
check() {
	out=$tmp/$1
	"$amigen" -T man -o "$out" "$2" 2> "$tmp/err"
	rc=$?
	# 1 is a dictionary with warnings: the pages are written all the same.
	if [ $rc -gt 1 ]; then
		bad "amigen -T man $2: exit $rc"; head -5 "$tmp/err"; return
	fi
	ok
	for p in "$out"/man7/*.7; do lint "$p"; done
	if command -v man > /dev/null && command -v nroff > /dev/null; then
		for p in ami ami-headers amilint-rules; do
			[ -f "$out/man7/$p.7" ] && render "$out/man7/$p.7"
		done
		for p in $(ls "$out"/man7/ami-action-*.7 "$out"/man7/ami-event-*.7 \
			2> /dev/null | head -4); do render "$p"; done
	else
		echo "skipped: man -l ($1; man-db or groff-base missing)"
	fi
	xrefs "$out" | while read -r page ref; do
		[ -f "$out/man7/$ref.7" ] || echo "$page: $ref(7)"
	done | sort -u > "$tmp/dangling"
	if [ -s "$tmp/dangling" ]; then
		bad "$1: cross-references to pages not generated:"
		head -10 "$tmp/dangling"
	else ok; fi
	# One page per action and event, plus ami.7 and ami-headers.7, and
	# amilint-rules.7 when there are rules: two names colliding in one
	# file would show here.
	"$amigen" -T json "$2" > "$tmp/json" 2> /dev/null
	want=$(jq '(.actions | length) + (.events | length) + 2 +
		(if (.rules | length) > 0 then 1 else 0 end)' "$tmp/json")
	got=$(ls "$out"/man7 | wc -l)
	if [ "$want" = "$got" ]; then ok
	else bad "$1: $got pages, want $want"; fi
	rules "$out"
}

# rules DIR: amilint-rules.7 has every rule once, by category, then by ID.
rules() {
	jq -r '.rules | sort_by({"framing": 0, "headers": 1, "session": 2,
		"dictionary": 3, "security": 4}[.category], .id) | .[].id' \
		"$tmp/json" > "$tmp/want-rules"
	[ -s "$tmp/want-rules" ] || return 0
	sed -n 's/^\.SS \(AMI[0-9]*\) .*/\1/p' "$1/man7/amilint-rules.7" \
		> "$tmp/got-rules" 2> /dev/null
	if cmp -s "$tmp/want-rules" "$tmp/got-rules"; then ok
	else bad "${1##*/}: the rules of amilint-rules.7:"
		diff "$tmp/want-rules" "$tmp/got-rules" | head -5; fi
}

# Events differing only in case, and one whose plain name is some other
# page's suffixed name: every page is kept, named as amigen(1) says.
cat > "$tmp/case.xml" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<amidict format="1">
  <event name="Newcallerid" removed="1.6" renamed-to="NewCallerid"/>
  <event name="NewCallerid" since="1.6"/>
  <event name="newcallerid-2"/>
</amidict>
EOF
names() {
	for n in NewCallerid:newcallerid newcallerid-2:newcallerid-2 \
		Newcallerid:newcallerid-3; do
		p=ami-event-${n#*:}
		line=$(sed -n '/^\.SH NAME/{n;s/\\-/-/g;p;}' \
			"$tmp/case/man7/$p.7" 2> /dev/null)
		[ "$line" = "$p - AMI event ${n%%:*}" ] ||
			echo "${n%%:*} is not in $p.7 (NAME: $line)"
	done
}

lint docs/amigen.1
lint docs/amilint.1
if command -v man > /dev/null && command -v nroff > /dev/null; then
	render docs/amilint.1
fi
check small tests/golden/small.xml
check case "$tmp/case.xml"
names > "$tmp/names"
if [ -s "$tmp/names" ]; then bad "page names:"; cat "$tmp/names"
else ok; fi
"$amigen" -T check dictionary > /dev/null 2>&1
rc=$?
if [ $rc -le 1 ]; then
	check dictionary dictionary
else
	echo "skipped: dictionary/ (amigen -T check exits $rc)"
fi

summary man
