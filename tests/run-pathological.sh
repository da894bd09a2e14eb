#!/bin/sh
# Pathological inputs with explicit limits, for amilint (AMI transcripts)
# and amigen (dictionaries).  Each input is made here (nothing large is
# committed) and run under `ulimit -v` and `timeout`; each case pins the
# exit status (never a signal), the exact first line of the output (stdout
# for findings, stderr for errors) and, when /usr/bin/time is there, the
# peak resident memory.  amilint's limits: lines kept up to 64 KiB, one
# 1 MiB buffer, so RSS stays under AMILINT_RSS_KB whatever the input.
# Under a sanitizer build (BUILD/asan) the memory limits are not applied
# (ASan reserves terabytes of address space) and timeouts are longer.
# usage: run-pathological.sh BUILD
build=$(cd "$1" && pwd) || exit 2
AMILINT_VMEM_KB=204800   # ulimit -v for amilint: 200 MB
AMILINT_RSS_KB=16384     # the target: 16 MB, for any input
AMIGEN_VMEM_KB=409600    # amigen reads a dictionary of up to 64 MiB
AMIGEN_RSS_KB=196608
SECS=60
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

timer=
[ -x /usr/bin/time ] && timer=/usr/bin/time
san=
grep -qa '__asan_init' "$build/amilint" && san=1
[ -n "$san" ] && SECS=600

# run NAME VMEM_KB RSS_KB WANT_RC FIRST [ALSO] -- COMMAND...
# FIRST is the first line of stdout, or of stderr when WANT_RC is 2
# (stdout must then be empty); "" means no output at all.  ALSO, when
# not empty, is a line that must appear too.
run() {
	name=$1 vmem=$2 rss=$3 want=$4 first=$5 also=$6
	shift 7
	if [ -n "$san" ]; then
		vmem=unlimited
	fi
	rm -f "$tmp/time"
	(
		ulimit -v "$vmem" || exit 99
		[ -z "$timer" ] && exec timeout "$SECS" "$@"
		exec "$timer" -f '%M %e' -o "$tmp/time" timeout "$SECS" "$@"
	) > "$tmp/out" 2> "$tmp/err"
	rc=$?
	got=$tmp/out
	[ "$want" -eq 2 ] && got=$tmp/err
	line=$(head -n 1 "$got")
	kb=- secs=-
	if [ -f "$tmp/time" ]; then
		kb=$(tail -n 1 "$tmp/time" | cut -d ' ' -f 1)
		secs=$(tail -n 1 "$tmp/time" | cut -d ' ' -f 2)
	fi
	if [ $rc -gt 2 ] || grep -q 'terminated by signal' "$tmp/time" 2> /dev/null; then
		bad "$name: exit $rc (a crash, a limit or the timeout)"
		head -n 5 "$tmp/err"
	elif [ $rc -ne "$want" ]; then
		bad "$name: exit $rc, want $want"; head -n 3 "$tmp/err"
	elif [ "$line" != "$first" ]; then
		bad "$name: first line differs"
		echo "  want: $first"; echo "  got:  $line" | cut -c1-300
	elif [ -n "$also" ] && ! grep -qxF -- "$also" "$got"; then
		bad "$name: no line: $also"
	elif [ "$want" -eq 2 ] && [ -s "$tmp/out" ]; then
		bad "$name: an input error, yet findings on stdout"
	elif [ -z "$san" ] && [ "$kb" != - ] && [ "$kb" -gt "$rss" ]; then
		bad "$name: peak RSS $kb KB, limit $rss KB"
	else
		ok
	fi
	printf '  %-26s exit %s  %8s KB  %6s s\n' "$name" "$rc" "$kb" "$secs" \
		>> "$tmp/figures"
}

# NAME WANT FIRST ALSO [OPTIONS]: lints NAME (a file made here).  A file
# is linted again from a pipe, which hands it over in other pieces: the
# output must be the same, but for the name.
amilint() {
	n=$1 w=$2 f=$3 a=$4
	shift 4
	run "$n" "$AMILINT_VMEM_KB" "$AMILINT_RSS_KB" "$w" "$f" "$a" -- \
		"$build/amilint" --no-config --color=never "$@" "$n"
	[ -f "$n" ] && [ "$w" -ne 2 ] || return 0
	cp "$tmp/out" "$tmp/out.file"
	# shellcheck disable=SC2002 # a pipe, not a file, is the point
	cat "$n" | timeout "$SECS" "$build/amilint" --no-config --color=never \
		"$@" - 2> /dev/null | sed "s|^<stdin>:|$n:|" > "$tmp/out.pipe"
	cmp -s "$tmp/out.file" "$tmp/out.pipe" && ok ||
		bad "$n: read from a pipe, the output differs"
}

amigen() { # NAME WANT FIRST ALSO: checks the dictionary NAME
	run "$1" "$AMIGEN_VMEM_KB" "$AMIGEN_RSS_KB" "$2" "$3" "$4" -- \
		"$build/amigen" -T check "$1"
}

x() { head -c "$1" /dev/zero | tr '\0' "$2"; } # $1 copies of byte $2
crlf() { awk -v n="$1" -v s="$2" 'BEGIN { for (i = 0; i < n; i++) printf "%s\r\n", s }'; }
random_bytes() { # $1 bytes, the same on every run
	python3 -c 'import random, sys
sys.stdout.buffer.write(random.Random(20261126).randbytes(int(sys.argv[1])))' "$1"
}

# ---- amilint ---------------------------------------------------------------

# An action line of 1 MiB: kept up to 64 KiB, its length still told.
{ printf 'Action: '; x $((1048576 - 8)) A; printf '\r\n\r\n'; } > line-1m.txt
amilint line-1m.txt 1 \
	'line-1m.txt:1:1025: error: line of 1048576 bytes; Asterisk refuses lines over 1024 [AMI0110 line-too-long]' \
	'' -W error

# 100 MB on one line, no line end at all.
{ printf 'Action: Ping'; x $((104857600 - 12)) x; } > line-100m.txt
amilint line-100m.txt 1 \
	'line-100m.txt:1: error: message starting at line 1 is not ended by a blank line [AMI0103 missing-terminator]' \
	'line-100m.txt:1:1025: error: line of 104857600 bytes; Asterisk refuses lines over 1024 [AMI0110 line-too-long]' \
	-W error

# 10 MB of NUL bytes: one line, cut.
x 10485760 '\0' > nul-10m.txt
amilint nul-10m.txt 1 \
	'nul-10m.txt:1: error: message starting at line 1 is not ended by a blank line [AMI0103 missing-terminator]' \
	'nul-10m.txt:1:1: warning: NUL byte in line; Asterisk ignores the rest of it [AMI0112 nul-byte]'

# 10 MB of random bytes (the same bytes each run).
random_bytes 10485760 > random-10m.txt
amilint random-10m.txt 1 \
	'random-10m.txt:40970: error: message starting at line 40686 is not ended by a blank line [AMI0103 missing-terminator]' \
	'' -W error

# One message with 100 000 headers: 512 kept, all counted.
{ printf 'Action: Ping\r\nActionID: 1\r\n'; crlf 100000 'A: b'; printf '\r\n'; } > headers-100k.txt
amilint headers-100k.txt 1 \
	'headers-100k.txt:1:1: error: 100002 header lines; Asterisk keeps at most 128 [AMI0111 too-many-headers]' \
	'' -W error

# One message of 300 lines of 100 KB (30 MB): larger than the buffer,
# reported, the rest skipped to its end, and the next message linted.
{ printf 'Variable: '; x 100000 v; printf '\r\n'; } > line-100k
{ printf 'Action: Ping\r\nActionID: 1\r\n'
  i=0; while [ $i -lt 300 ]; do cat line-100k; i=$((i + 1)); done
  printf '\r\nAction: Ping\r\n\r\n'; } > message-30m.txt
amilint message-30m.txt 1 \
	"message-30m.txt:1:1: error: message larger than amilint's buffer; the rest of it was skipped [AMI0111 too-many-headers]" \
	'message-30m.txt:304:1: warning: action '"'Ping'"' has no ActionID [AMI0301 missing-actionid]' \
	--disable all --enable too-many-headers,missing-actionid

# 200 000 tiny messages without ActionID.
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "Action: Ping\r\n\r\n" }' > msgs-200k.txt
amilint msgs-200k.txt 1 \
	'msgs-200k.txt:1:1: warning: action '"'Ping'"' has no ActionID [AMI0301 missing-actionid]' \
	'msgs-200k.txt:399999:1: warning: action '"'Ping'"' has no ActionID [AMI0301 missing-actionid]'

# A legacy Follows body that never ends: 2.6 MB, more than the buffer.
{ printf 'Response: Follows\r\nPrivilege: Command\r\n'; crlf 200000 'output line'; } > follows-unended.txt
amilint follows-unended.txt 1 \
	"follows-unended.txt:1:1: error: message larger than amilint's buffer; the rest of it was skipped [AMI0111 too-many-headers]" \
	''

# 300 000 banners, nothing else: nothing to say.
crlf 300000 'Asterisk Call Manager/2.10.3' > banners.txt
amilint banners.txt 0 '' ''

# Banners between messages, over and over: each one changes the target.
awk 'BEGIN { for (i = 0; i < 50000; i++)
	printf "Asterisk Call Manager/%d.0.0\r\nAction: Ping\r\nActionID: %d\r\n\r\n", i % 12 + 1, i }' > banners-between.txt
amilint banners-between.txt 1 \
	'banners-between.txt:2:9: error: action '"'Ping'"' before a successful login: Asterisk answers '"'Permission denied'"' [AMI0307 action-before-login]' \
	'banners-between.txt:199998:1: warning: action '"'Ping'"' (ActionID '"'49999'"') was never answered [AMI0304 unanswered-action]'

# CR-only line ends: all one line to AMI.
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "Action: Ping\rActionID: %d\r\r", i }' > cr-only.txt
amilint cr-only.txt 1 \
	'cr-only.txt:1: error: message starting at line 1 is not ended by a blank line [AMI0103 missing-terminator]' \
	''

# The input ends inside a UTF-8 character.
printf 'Action: Ping\r\nActionID: caf\303' > utf8-cut.txt
amilint utf8-cut.txt 1 \
	'utf8-cut.txt:2: error: message starting at line 1 is not ended by a blank line [AMI0103 missing-terminator]' \
	'utf8-cut.txt:2:14: warning: invalid UTF-8 byte sequence [AMI0113 invalid-utf8]'

: > empty.txt
amilint empty.txt 0 '' ''
mkdir a-directory
amilint a-directory 2 'amilint: a-directory: read error: Is a directory' ''
amilint /dev/null 0 '' ''
amilint no-such-file 2 'amilint: no-such-file: No such file or directory' ''

# ---- amigen ----------------------------------------------------------------

x 10485760 '\0' > dict-nul-10m.xml
amigen dict-nul-10m.xml 2 'dict-nul-10m.xml:1: error: Document is empty' ''

random_bytes 10485760 > dict-random-10m.xml
amigen dict-random-10m.xml 2 \
	'dict-random-10m.xml:1: error: Start tag expected, '"'<'"' not found' ''

# Over the loader's 64 MiB limit.
x 73400320 ' ' > dict-70m.xml
amigen dict-70m.xml 2 'dict-70m.xml: error: file larger than 67108864 bytes' ''

# 100 000 nested elements: libxml2's depth limit (no XML_PARSE_HUGE).
{ printf '<amidict format="1">'; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<a>" }'; } > dict-deep.xml
amigen dict-deep.xml 2 \
	'dict-deep.xml:1: error: Excessive depth in document: 256 use XML_PARSE_HUGE option' ''

# An attribute of 20 MB: libxml2's 10 MB limit on a value.
{ printf '<amidict format="1"><header name="'; x 20000000 A; printf '"/></amidict>'; } > dict-attr-20m.xml
amigen dict-attr-20m.xml 2 'dict-attr-20m.xml:1: error: AttValue length too long' ''

# A valid dictionary of 10 000 headers and 10 000 actions.
awk 'BEGIN {
	print "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
	print "<amidict format=\"1\" title=\"many\">"
	print "<class name=\"c\"><description>C.</description></class>"
	for (i = 0; i < 10000; i++)
		printf "<header name=\"H%05d\"><meaning type=\"string\"><description>h.</description></meaning></header>\n", i
	for (i = 0; i < 10000; i++)
		printf "<action name=\"A%05d\" class=\"c\"><description>a.</description><param name=\"H%05d\" required=\"yes\"/></action>\n", i, i
	print "</amidict>" }' > dict-many.xml
amigen dict-many.xml 0 '' ''

amigen /dev/null 2 '/dev/null:1: error: Document is empty' ''
mkdir dict-empty-dir
amigen dict-empty-dir 2 'dict-empty-dir: error: no dictionary files (*.xml) in this directory' ''

[ -n "$timer" ] && { echo "  peak RSS and time:"; cat "$tmp/figures"; }
[ -z "$timer" ] && echo "  (no /usr/bin/time: memory bounded by ulimit -v only)"
echo "pathological: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
