#!/bin/sh
# make demo: the main jobs on the bundled data.  amilint lints the sample
# AMI session in docs/examples/ (text, then a per-rule summary, and a
# SARIF file); amigen checks the shipped dictionary, shows what it holds,
# and generates the references (man, HTML, JSON) into BUILD/demo/.
# usage: demo.sh BUILD
build=$1
out=$build/demo
sample=docs/examples/sample-session.txt
mkdir -p "$out" || exit 2
set -e
echo "== amilint $sample   (a captured AMI session with typical mistakes)"
"$build/amilint" --no-config "$sample" || [ $? -eq 1 ]
echo
echo "== amilint --summary -f sarif (findings per rule; SARIF for code scanning)"
"$build/amilint" --no-config --summary -f sarif "$sample" > "$out/sample.sarif" || [ $? -eq 1 ]
echo "SARIF 2.1.0 log: $out/sample.sarif"
echo
echo "== amigen -T check dictionary/"
"$build/amigen" -T check dictionary && echo "dictionary: no errors, no warnings"
"$build/amigen" -T json -o "$out/amidict.json" dictionary
jq -r '"  \(.classes | length) privilege classes",
	"  \(.headers | length) headers with \([.headers[].meanings[]] | length) meanings (\([.headers[].meanings[] | select(.source == "seed")] | length) from the classic seed list)",
	"  \(.actions | length) actions, \(.events | length) events, \(.responses | length) responses",
	"  \(.rules | length) lint rules"' "$out/amidict.json"
echo
echo "== one action as amigen sees it (amigen -T tree)"
"$build/amigen" -T tree -o "$out/amidict.tree" dictionary
awk '/^action Originate /{p=1; print; next} p && /^[a-z]/{exit} p && !/description:/' "$out/amidict.tree"
echo
echo "== references generated from the same dictionary"
rm -rf "$out/man" "$out/html" "$out/c"
"$build/amigen" -T man -o "$out/man" dictionary
"$build/amigen" -T html -o "$out/html" dictionary
"$build/amigen" -T c -n ami_validators -o "$out/c" dictionary
echo "  man pages: $(ls "$out/man/man7" | wc -l) in $out/man  (try: man -l $out/man/man7/ami-action-originate.7)"
echo "  HTML site: $out/html/index.html"
echo "  C validators: $out/c/ami_validators.h and .c"
echo "  JSON: $out/amidict.json    tree: $out/amidict.tree"
echo "  more: make docs (adds the PDF and a single-page HTML)"
