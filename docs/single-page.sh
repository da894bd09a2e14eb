#!/bin/sh
# Turns the Markdown reference (amigen -T markdown) into one standalone
# HTML page with pandoc: each page goes through pandoc's AST with
# docs/single-page.lua (ids prefixed, links made internal), README first.
# usage: single-page.sh MARKDOWN_DIR OUT.html
dir=$1 outfile=$2
here=$(cd "$(dirname "$0")" && pwd)
mdfmt=commonmark+pipe_tables+gfm_auto_identifiers
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
list=
for p in $(cd "$dir" && find . -name '*.md' | sed 's|^\./||' | LC_ALL=C sort); do
	j=$tmp/$(echo "${p%.md}" | tr / -).json
	pandoc -f "$mdfmt" -t json -M page="$p" -L "$here/single-page.lua" \
	    --fail-if-warnings -o "$j" "$dir/$p" || exit 1
	[ "$p" = README.md ] || list="$list $j"
done
# shellcheck disable=SC2086
pandoc -f json --file-scope -s --toc --toc-depth=1 --wrap=none \
    -M title="AMI reference" -M lang=en --fail-if-warnings \
    -V header-includes="<style>body { max-width: 64em; } table { display: block; overflow-x: auto; }</style>" \
    -o "$outfile" "$tmp/README.json" $list
