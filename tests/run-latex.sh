#!/bin/sh
# -T latex checked by pdflatex, its own independent tool: the output for
# tests/golden/small.xml, and for the shipped dictionary/ when it loads
# (amigen -T check exits 0 or 1), is built as `make pdf` does: pdflatex,
# makeindex, pdflatex, non-interactive and stopping at the first error.
# Fails on any error, on an index entry makeindex rejects, and when the
# final log still has undefined references or asks for another run.
# Work files stay in BUILD/latex/NAME for a look after a failure.
# usage: run-latex.sh BUILD
build=$(cd "$1" && pwd) || exit 2
amigen=$build/amigen
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
. tests/lib.sh

# Whole log lines: a warning wrapped at 79 columns could hide from grep.
max_print_line=10000
export max_print_line
# What a clean final run must not say (LaTeX, hyperref, rerunfilecheck).
unclean="(Reference|Citation|Hyper reference) .* undefined"
unclean="$unclean|There were undefined|Rerun to get"
unclean="$unclean|Label\(s\) may have changed"

latex() {
	pdflatex -interaction=nonstopmode -halt-on-error "$1.tex" > /dev/null 2>&1
}

# pdf NAME INPUT: builds BUILD/latex/NAME/NAME.pdf from the dictionary INPUT.
pdf() {
	dir=$build/latex/$1
	rm -rf "$dir" && mkdir -p "$dir" || return 1
	"$amigen" -T latex -o "$dir/$1.tex" "$2" 2> "$dir/amigen.err"
	if [ $? -gt 1 ]; then
		bad "$1: amigen -T latex failed"; head -5 "$dir/amigen.err"
		return
	fi
	if ! (cd "$dir" && latex "$1" && makeindex -q "$1.idx" && latex "$1")
	then
		bad "$1: pdflatex or makeindex failed (see $dir/$1.log)"
		grep -A 3 '^!' "$dir/$1.log" | head -12
	elif ! grep -q ', 0 rejected)' "$dir/$1.ilg"; then
		bad "$1: makeindex rejected entries (see $dir/$1.ilg)"
	elif grep -aE "$unclean" "$dir/$1.log" | head -5 | grep .; then
		bad "$1: the final run is not clean (see $dir/$1.log)"
	else
		ok
	fi
}

if ! command -v pdflatex > /dev/null || ! command -v makeindex > /dev/null
then
	bad "pdflatex or makeindex missing: apt-get install texlive-latex-base" \
	    "texlive-latex-recommended texlive-fonts-recommended"
else
	pdf small tests/golden/small.xml
	"$amigen" -T check dictionary > /dev/null 2>&1
	if [ $? -le 1 ]; then
		pdf dictionary dictionary
	else
		echo "skip dictionary: amigen -T check dictionary fails"
	fi
fi
summary latex && [ $pass -gt 0 ]
