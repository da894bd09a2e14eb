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

# facts SITE: "FILE<TAB>page|id|href<TAB>VALUE" lines for links.awk; the
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

cat > "$out/links.awk" << 'EOF'
BEGIN { FS = "\t" }
function hex(c) { return index("0123456789abcdef", tolower(c)) - 1 }
function decode(s,   r, c) {
	r = ""
	while (match(s, /%[0-9A-Fa-f][0-9A-Fa-f]/)) {
		c = hex(substr(s, RSTART + 1, 1)) * 16 + hex(substr(s, RSTART + 2, 1))
		r = r substr(s, 1, RSTART - 1) sprintf("%c", c)
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
		if (r ~ /^[A-Za-z][A-Za-z0-9+.-]*:/ || r ~ /^\/\//) {
			print "  " src[i] ": leaves the site: " r; nbad++
			continue
		}
		h = index(r, "#")
		path = h ? substr(r, 1, h - 1) : r
		frag = h ? decode(substr(r, h + 1)) : ""
		d = src[i]; sub(/[^\/]*$/, "", d)
		t = path == "" ? src[i] : norm(d decode(path))
		if (!(t in page)) { print "  " src[i] ": no such file: " r; nbad++ }
		else if (frag != "" && !((t "#" frag) in id)) {
			print "  " src[i] ": no such id: " r; nbad++
		}
	}
	printf "  %d links checked\n", n
	exit (nbad > 0)
}
EOF

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
	if ! command -v node > /dev/null || ! [ -x "${CHROMIUM:-/usr/bin/chromium}" ]; then
		bad "browser: node and chromium are needed (apt-get install nodejs chromium)"
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
	"$amigen" -T html -o "$site" "$input" 2> "$out/err"
	rc=$?
	# 1 is warnings in the dictionary; a sanitizer exits 1 too.
	if [ $rc -gt 1 ] || grep -q "Sanitizer\|runtime error" "$out/err"; then
		bad "amigen -T html $input exited $rc"; cat "$out/err"
		continue
	fi
	ok
	check_xmllint "$site" "$name"
	if facts "$site" | awk -f "$out/links.awk"; then ok
	else bad "links of $name"; fi
	if check_index "$site"; then ok; else bad "search index of $name"; fi
done

# The screenshots of the real dictionary's site are the ones to look at.
if [ -d "$out/site-dictionary" ]; then
	browser "$out/site-dictionary" "$out"
elif [ -d "$out/site-small" ]; then
	browser "$out/site-small" "$out"
fi
[ -f "$out/search.png" ] && printf '  screenshots: %s/search.png, action.png\n' "$out"

echo "html: $pass passed, $fail failed"
[ $fail -eq 0 ]
