#!/bin/sh
# HTML site checks (amigen -T html), on tests/golden/small.xml and on
# dictionary/: every page well-formed for `xmllint --html` (not a word on
# stderr); every local href and src, and every URL of the search index,
# resolves to a generated file (and a #fragment to an id in it); nothing
# points off the site; search.js defines AMIDICT_INDEX.  Then headless
# Chromium (tests/browser/search.test.js, Playwright) opens index.html
# over file://, types "Originate" in the search box, follows the first
# result and checks it lands on the Originate action page; screenshots
# go to BUILD/html-test/ (search.png, action.png).
# usage: run-html.sh BUILD
build=$(cd "$1" && pwd) || exit 2
cd "$(dirname "$0")/.." || exit 2
amigen=$build/amigen
out=$build/html-test
rm -rf "$out" && mkdir -p "$out" || exit 2

. tests/lib.sh
tricky_xml > "$out/tricky.xml"

files() { (cd "$1" && find . -type f | sed 's|^\./||' | LC_ALL=C sort); }

check_xmllint() {
	nbad=0 n=0
	for p in $(files "$1" | grep '\.html$'); do
		n=$((n + 1))
		if ! xmllint --html --noout "$1/$p" > "$out/err" 2>&1 ||
		    [ -s "$out/err" ]; then
			echo "  $p:"; sed 's/^/    /' "$out/err" | head -10
			nbad=$((nbad + 1))
		fi
	done
	if [ $n -eq 0 ]; then bad "xmllint $2: no pages"
	elif [ $nbad -ne 0 ]; then bad "xmllint $2: $nbad of $n pages"
	else ok; fi
}

# facts SITE: "FILE<TAB>page|id|href<TAB>VALUE" lines for resolve_links; the
# URLs of the search index count as links of search.js (at the top).
facts() {
	for p in $(files "$1"); do
		printf '%s\tpage\t\n' "$p"
		case $p in
		*.html)
			grep -o ' id="[^"]*"' "$1/$p" | sed "s|^ id=\"\(.*\)\"\$|$p	id	\1|"
			grep -o ' \(href\|src\)="[^"]*"' "$1/$p" |
			    sed "s|^ [a-z]*=\"\(.*\)\"\$|$p	href	\1|" ;;
		*.js)
			grep -o '"u":"[^"]*"' "$1/$p" | sed "s|^\"u\":\"\(.*\)\"\$|$p	href	\1|" ;;
		*.css)
			grep -o 'url([^)]*)' "$1/$p" | sed "s|^url(\(.*\))\$|$p	href	\1|" ;;
		esac
	done
}

# The index is data a script can read: every entry has a name, a kind and
# a URL.
check_index() {
	node -e '
		const vm = require("node:vm"), fs = require("node:fs");
		const ctx = { document: { getElementById: () => null,
		    body: { getAttribute: () => "" } } };
		vm.runInNewContext(fs.readFileSync(process.argv[1], "utf8"), ctx);
		const v = ctx.AMIDICT_INDEX;
		if (!Array.isArray(v) || v.length === 0 ||
		    !v.every((e) => e.n && e.k && e.u))
			process.exit(1);
		console.log("  " + v.length + " search entries");
	' "$1/search.js"
}

# The browser test needs node, Debian's chromium and playwright-core.
browser() {
	# playwright-core needs Node.js 20 (this project's machines have it;
	# Debian 12's nodejs is 18): without it the browser test is skipped.
	if ! node -e 'process.exit(+process.versions.node.split(".")[0] < 20 ? 1 : 0)' \
	    2> /dev/null || ! [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
		echo "skipped: browser test (needs Node.js 20 and chromium)"
		return
	fi
	if [ ! -d tests/browser/node_modules/playwright-core ] &&
	    ! (cd tests/browser && npm ci --no-audit --no-fund > "$out/npm.log" 2>&1); then
		bad "browser: npm ci in tests/browser failed"; cat "$out/npm.log"
		return
	fi
	if node tests/browser/search.test.js "$1" "$2"; then ok
	else bad "browser test on $1"; fi
}

for case in small:tests/golden/small.xml tricky:"$out/tricky.xml" \
    dictionary:dictionary/; do
	name=${case%%:*} input=${case#*:} site=$out/site-${case%%:*}
	generate html "$site" "$input" || continue
	check_xmllint "$site" "$name"
	if facts "$site" | resolve_links fail; then ok
	else bad "links of $name"; fi
	if ! command -v node > /dev/null; then
		echo "skipped: search index check (needs node)"
	elif check_index "$site"; then ok; else bad "search index of $name"; fi
done

# The screenshots of the real dictionary's site are the ones to look at.
if [ -d "$out/site-dictionary" ]; then
	browser "$out/site-dictionary" "$out"
elif [ -d "$out/site-small" ]; then
	browser "$out/site-small" "$out"
fi
[ -f "$out/search.png" ] && printf '  screenshots: %s/search.png, action.png\n' "$out"

summary html
