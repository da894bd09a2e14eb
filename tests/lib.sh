# tests/lib.sh: what the run-*.sh scripts share, sourced once they are at
# the top of the tree: counting checks and the closing line, running
# amigen on a dictionary, the dictionary of awkward text the document
# back-ends are tried on, and the link checker of pages made HTML.

pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# summary NAME: the closing line "NAME: N passed, N failed"; fails when a
# check did.
summary() {
	echo "$1: $pass passed, $fail failed"
	[ $fail -eq 0 ]
}

# generate FORMAT DIR INPUT: $amigen -T FORMAT -o DIR INPUT, stderr in
# $out/err; counted, and fails as a check does.  Exit 1 is warnings in
# the dictionary, but a sanitizer exits 1 too.
generate() {
	"$amigen" -T "$1" -o "$2" "$3" 2> "$out/err"
	rc=$?
	if [ $rc -gt 1 ] || grep -q "Sanitizer\|runtime error" "$out/err"; then
		bad "amigen -T $1 $3 exited $rc"; cat "$out/err"
		return 1
	fi
	ok
}

# tricky_xml: a dictionary of awkward text on stdout: names and values
# full of markup characters, prose that is not one paragraph where a
# table cell or a list item wants one, raw HTML, events differing only in
# case.
tricky_xml() {
	cat << 'EOF_XML'
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
}

# resolve_links OFFSITE: reads "FILE<TAB>page|id|href<TAB>VALUE" lines
# and resolves every href from its FILE: the file must be one of the
# pages and, after a '#', hold that id (both percent-decoded).  A link
# off the site (a scheme, or //host) fails when OFFSITE is "fail"; else a
# link with a scheme is not followed.
resolve_links() {
	awk -v offsite="$1" '
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
		scheme = r ~ /^[A-Za-z][A-Za-z0-9+.-]*:/
		if (offsite == "fail" && (scheme || r ~ /^\/\//)) {
			print "  " src[i] ": leaves the site: " r; nbad++
			continue
		}
		if (scheme) continue
		h = index(r, "#")
		path = h ? substr(r, 1, h - 1) : r
		frag = h ? decode(substr(r, h + 1)) : ""
		d = src[i]; sub(/[^\/]*$/, "", d)
		t = path == "" ? src[i] : norm(d decode(path))
		if (!(t in page)) { print "  " src[i] ": no such page: " r; nbad++ }
		else if (frag != "" && !((t "#" frag) in id)) {
			print "  " src[i] ": no such id: " r; nbad++
		}
	}
	printf "  %d links checked\n", n
	exit (nbad > 0)
}'
}
