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
pass=0 fail=0

# A dictionary of awkward text: names and values full of markup
# characters, prose that is not one paragraph where a table cell or a
# list item wants one, raw HTML, events differing only in case.
cat > "$out/tricky.xml" << 'EOF_XML'
<?xml version="1.0" encoding="UTF-8"?>
<amidict format="1">
  <class name="call"><description>Calls | and *pipes*.</description></class>
  <header name="Channel">
    <meaning key="channel" type="channel"><description>A channel.</description></meaning>
    <meaning key="other" type="string"><description>
      Two paragraphs.

      The second one, with `a|b` in code.
    </description></meaning>
  </header>
  <header name="Odd_Name-2">
    <meaning type="enum" case="insensitive">
      <description>
        A list:

        - one
        - two

        and code:

            x | y
      </description>
      <value name="- dash"/>
      <value name="1. one"><description>Starts like a list.</description></value>
      <value name="&lt;b&gt;|x*_y_`z`"><description>
        Block prose:

        1. first
        2. second
      </description></value>
      <value name="#hash &amp;amp; [link](x) &quot;'"/>
    </meaning>
  </header>
  <action name="Do_It" class="call">
    <description>Hard line\
break, `code | pipe` and &lt;i&gt;raw html&lt;/i&gt;.</description>
    <param name="Channel" meaning="other" required="yes"/>
    <param name="Odd_Name-2">
      <description>
        Not one paragraph:

        > a quote
      </description>
    </param>
    <emits event="Thing"><description>
      First.

      Second.
    </description></emits>
  </action>
  <event name="Thing" class="call"><field name="Channel" meaning="channel"/></event>
  <event name="THING" class="call"><field name="Odd_Name-2"/></event>
  <event name="thing" class="call"><field name="Odd_Name-2"/></event>
</amidict>
EOF_XML

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

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

# facts HTMLDIR: "PAGE<TAB>page|id|href<TAB>VALUE" lines for links.awk.
facts() {
	for h in $(cd "$1" && find . -name '*.html' | sed 's|^\./||' | LC_ALL=C sort); do
		p=${h%.html}
		printf '%s\tpage\t\n' "$p"
		grep -o ' id="[^"]*"' "$1/$h" | sed "s|^ id=\"\(.*\)\"\$|$p	id	\1|"
		grep -o ' href="[^"]*"' "$1/$h" | sed "s|^ href=\"\(.*\)\"\$|$p	href	\1|"
	done
}

# Resolves every relative link of every page: the file must exist and,
# after a '#', hold an element with that id.
cat > "$out/links.awk" << 'EOF'
BEGIN { FS = "\t" }
function hex(c) { return index("0123456789abcdef", tolower(c)) - 1 }
function decode(s,   r, c) {
	r = ""
	while (match(s, /%[0-9A-Fa-f][0-9A-Fa-f]/)) {
		c = hex(substr(s, RSTART + 1, 1)) * 16 + hex(substr(s, RSTART + 2, 1))
		c = sprintf("%c", c)
		r = r substr(s, 1, RSTART - 1) c
		s = substr(s, RSTART + 3)
	}
	return r s
}
function norm(path,   n, i, k, part, stack, r) {
	n = split(path, part, "/")
	k = 0
	for (i = 1; i <= n; i++) {
		if (part[i] == "..") { if (k == 0) return "(outside)/" path; k-- }
		else if (part[i] != "." && part[i] != "") stack[++k] = part[i]
	}
	r = ""
	for (i = 1; i <= k; i++) r = r (i > 1 ? "/" : "") stack[i]
	return r
}
$2 == "page" { page[$1] = 1; next }
$2 == "id" { id[$1 "#" $3] = 1; next }
$2 == "href" { n++; src[n] = $1; ref[n] = $3 }
END {
	for (i = 1; i <= n; i++) {
		r = ref[i]
		if (r ~ /^[A-Za-z][A-Za-z0-9+.-]*:/) continue
		h = index(r, "#")
		path = h ? substr(r, 1, h - 1) : r
		frag = h ? decode(substr(r, h + 1)) : ""
		d = src[i]; sub(/[^\/]*$/, "", d)
		t = path == "" ? src[i] : norm(d decode(path))
		if (!(t in page)) { print "  " src[i] ": no such page: " r; nbad++ }
		else if (frag != "" && !((t "#" frag) in id)) {
			print "  " src[i] ": no such anchor: " r; nbad++
		}
	}
	printf "  %d links checked\n", n
	exit (nbad > 0)
}
EOF

check_links() {
	if facts "$out/$1.html" | awk -f "$out/links.awk"; then ok
	else bad "links of $1"; fi
}

for case in small:tests/golden/small.xml tricky:"$out/tricky.xml" \
    dictionary:dictionary/; do
	name=${case%%:*} input=${case#*:}
	"$amigen" -T markdown -o "$out/$name" "$input" 2> "$out/err"
	rc=$?
	# 1 is warnings in the dictionary; a sanitizer exits 1 too.
	if [ $rc -gt 1 ] || grep -q "Sanitizer\|runtime error" "$out/err"; then
		bad "amigen -T markdown $input exited $rc"; cat "$out/err"
		continue
	fi
	ok
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

echo "markdown: $pass passed, $fail failed"
[ $fail -eq 0 ]
