#!/bin/sh
# Markdown reference checks (amigen -T markdown), on tests/golden/small.xml
# and on dictionary/: every page read by cmark and by pandoc with no
# warning; every relative link and #anchor resolves (ids as pandoc's
# gfm_auto_identifiers gives them, which is GitHub's rule); the committed
# docs/reference/ is what dictionary/ generates now; and pandoc turns the
# reference into one standalone HTML page whose links all resolve.
# Leaves the pages and BUILD/markdown-test/ami-reference.html behind.
# usage: run-markdown.sh BUILD
build=$(cd "$1" && pwd) || exit 2
cd "$(dirname "$0")/.." || exit 2
amigen=$build/amigen
out=$build/markdown-test
# The dialect the pages are written in: CommonMark plus GFM tables.
mdfmt=commonmark+pipe_tables+gfm_auto_identifiers
rm -rf "$out" && mkdir -p "$out" || exit 2

. tests/lib.sh
tricky_xml > "$out/tricky.xml"

# pages DIR: every .md file under DIR, relative, in a stable order.
pages() { (cd "$1" && find . -name '*.md' | sed 's|^\./||' | LC_ALL=C sort); }

# check_tool NAME TOOL...: runs TOOL on every page of NAME; a page passes
# when TOOL exits 0 and prints nothing on stderr.  pandoc's HTML is kept
# in NAME.html/ for the link check.
check_tool() {
	name=$1 tool=$2 nbad=0 n=0
	for p in $(pages "$out/$name"); do
		n=$((n + 1))
		mkdir -p "$out/$name.html/$(dirname "$p")"
		if [ "$tool" = cmark ]; then
			cmark "$out/$name/$p" > /dev/null 2> "$out/err"
		else
			pandoc -f "$mdfmt" -t html --wrap=none --fail-if-warnings \
			    -o "$out/$name.html/$p.html" "$out/$name/$p" 2> "$out/err"
		fi
		if [ $? -ne 0 ] || [ -s "$out/err" ]; then
			echo "  $tool $name/$p:"; sed 's/^/    /' "$out/err"
			nbad=$((nbad + 1))
		fi
	done
	if [ $n -eq 0 ]; then bad "$tool $name: no pages"
	elif [ $nbad -ne 0 ]; then bad "$tool $name: $nbad of $n pages"
	else ok; fi
}

# facts HTMLDIR: "PAGE<TAB>page|id|href<TAB>VALUE" lines for
# resolve_links (tests/lib.sh).
facts() {
	for h in $(cd "$1" && find . -name '*.html' | sed 's|^\./||' | LC_ALL=C sort); do
		p=${h%.html}
		printf '%s\tpage\t\n' "$p"
		grep -o ' id="[^"]*"' "$1/$h" | sed "s|^ id=\"\(.*\)\"\$|$p	id	\1|"
		grep -o ' href="[^"]*"' "$1/$h" | sed "s|^ href=\"\(.*\)\"\$|$p	href	\1|"
	done
}

# check_links NAME: every link of the pages in NAME.html/ resolves.
check_links() {
	if facts "$out/$1.html" | resolve_links skip; then ok
	else bad "links of $1"; fi
}

for case in small:tests/golden/small.xml tricky:"$out/tricky.xml" \
    dictionary:dictionary/; do
	name=${case%%:*} input=${case#*:}
	generate markdown "$out/$name" "$input" || continue
	check_tool "$name" cmark
	check_tool "$name" pandoc
	check_links "$name"
done

if [ ! -d docs/reference ]; then
	bad "docs/reference/ is missing"
elif [ -d "$out/dictionary" ] && diff -r docs/reference "$out/dictionary" > "$out/diff"; then
	ok
else
	bad "docs/reference/ is stale; regenerate it with:"
	echo "  rm -rf docs/reference && $amigen -T markdown -o docs/reference dictionary/"
	head -20 "$out/diff"
fi

: > "$out/err"
if [ -d "$out/dictionary" ] &&
    sh docs/single-page.sh "$out/dictionary" "$out/ami-reference.html" 2>> "$out/err" &&
    [ ! -s "$out/err" ]; then
	mkdir -p "$out/single.html"
	cp "$out/ami-reference.html" "$out/single.html/ami-reference.html"
	printf '  %s\n' "$out/ami-reference.html"
	check_links single
else
	bad "pandoc: single-page HTML reference"; cat "$out/err"
fi

summary markdown
