#!/bin/sh
# make demo: the main job on the bundled data.  Checks the shipped
# dictionary, writes its JSON and tree forms to BUILD/demo/, and shows what
# it holds and one action as the model sees it.
# usage: demo.sh BUILD
build=$1
out=$build/demo
mkdir -p "$out" || exit 2
set -e
echo "== amigen -T check dictionary/"
"$build/amigen" -T check dictionary && echo "dictionary: no errors, no warnings"
"$build/amigen" -T json -o "$out/amidict.json" dictionary
"$build/amigen" -T tree -o "$out/amidict.tree" dictionary
echo
echo "== what the dictionary holds ($out/amidict.json)"
jq -r '"  \(.classes | length) privilege classes",
	"  \(.headers | length) headers with \([.headers[].meanings[]] | length) meanings (\([.headers[].meanings[] | select(.source == "seed")] | length) from the classic seed list)",
	"  \(.actions | length) actions, \(.events | length) events, \(.responses | length) responses"' "$out/amidict.json"
echo
echo "== one action as amigen sees it (amigen -T tree)"
awk '/^action Originate /{p=1; print; next} p && /^[a-z]/{exit} p' "$out/amidict.tree"
echo
echo "== one header with several meanings"
awk '/^header Status$/{p=1; print; next} p && /^[a-z]/{exit} p && !/description:/' "$out/amidict.tree"
echo
echo "full outputs: $out/amidict.json $out/amidict.tree"
