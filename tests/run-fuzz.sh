#!/bin/sh
# libFuzzer targets for the two parsers (tests/fuzz/fuzz_ami.c: amilint's
# AMI parser and rules; tests/fuzz/fuzz_dict.c: the dictionary loader).
# Builds them with clang (fuzzer, ASan, UBSan) into BUILD/fuzz/, compiling
# the library and amilint sources itself; runs each for SECONDS (default
# 20) from its seed corpus, then replays every input that once crashed
# (tests/fuzz/regressions/ami-* and dict-*).  New corpus entries and crash
# inputs stay in BUILD/fuzz/; copy a crash into regressions/ once fixed.
# Prints "skipped: ..." and exits 0 when clang or libFuzzer is missing.
# usage: run-fuzz.sh BUILD [SECONDS]
[ -d "$1" ] || { echo "usage: run-fuzz.sh BUILD [SECONDS]" >&2; exit 2; }
build=$(cd "$1" && pwd) || exit 2
secs=${2:-15}
top=$(cd "$(dirname "$0")/.." && pwd)
fz=$build/fuzz
CLANG=${CLANG:-clang}
pass=0 fail=0

command -v "$CLANG" > /dev/null 2>&1 || {
	echo "skipped: no $CLANG"; exit 0; }
# make check runs every test again on a sanitizer build: the targets
# carry their own sanitizers, once is enough.
grep -qa '__asan_init' "$build/amilint" 2> /dev/null && {
	echo "skipped: $1 is a sanitizer build (the fuzz targets have their own)"
	exit 0; }
[ -f "$build/generated/amid_builtin.c" ] && [ -f "$build/schema_rng.c" ] || {
	echo "run-fuzz.sh: $build has no generated sources; run make all" >&2
	exit 2; }
mkdir -p "$fz/obj" "$fz/corpus_ami" "$fz/corpus_dict" "$fz/corpus_pcap" \
	"$fz/crashes" || exit 2

# libFuzzer's runtime is Debian's libclang-rt-14-dev (only recommended
# by clang, so it may be missing): try a trivial target first.
printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);' \
	'int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n)' \
	'{ (void)d; (void)n; return 0; }' > "$fz/probe.c"
"$CLANG" -fsanitize=fuzzer,address,undefined "$fz/probe.c" -o "$fz/probe" \
	> "$fz/probe.log" 2>&1 || {
	echo "skipped: $CLANG cannot link -fsanitize=fuzzer (install libclang-rt-14-dev)"
	exit 0; }

SAN='-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer'
CFLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 $SAN -I$top/src -I$top/gen \
-I$build -I$build/generated"
# Every library the Makefile compiles or links with (unused ones dropped).
LIBS=-Wl,--as-needed
for p in $(grep -o -- '--libs [A-Za-z0-9._+-]*' "$top/Makefile" | sort -u |
	sed 's/--libs //'); do
	pkg-config --exists "$p" || continue
	CFLAGS="$CFLAGS $(pkg-config --cflags "$p")"
	LIBS="$LIBS $(pkg-config --libs "$p")"
done

# The library and amilint, less amilint's main: the objects the Makefile
# lists (LIB_OBJ, AMILINT_OBJ), compiled here from their sources (the
# generated ones in BUILD/generated).
vars=$(cd "$top" && env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s \
	--no-print-directory -f Makefile -f - BUILD="$1" fuzz-vars <<'EOF'
fuzz-vars:
	@echo $(LIB_OBJ) $(filter-out $(BUILD)/src/amilint.o,$(AMILINT_OBJ))
EOF
) || { echo "run-fuzz.sh: cannot read the Makefile's object lists" >&2; exit 2; }
srcs=
for o in $(echo "$vars" | sed -n 1p); do
	rel=${o#"$1"/}
	rel=${rel%.o}.c
	if [ -f "$top/$rel" ]; then srcs="$srcs $top/$rel"
	else srcs="$srcs $build/$rel"; fi
done
# An object is rebuilt when its source or any header is newer.
newest_h=$(ls -t "$top"/src/*.h "$top"/gen/*.h "$build"/generated/*.h | head -n 1)
objs=
for s in $srcs; do
	o=$fz/obj/$(echo "${s#"$top"/}" | tr / _ | sed 's/\.c$/.o/')
	objs="$objs $o"
	[ "$o" -nt "$s" ] && [ "$o" -nt "$newest_h" ] && continue
	# shellcheck disable=SC2086
	"$CLANG" $CFLAGS -fsanitize=fuzzer-no-link -c "$s" -o "$o" ||
		{ echo "FAIL compiling $s"; echo "fuzz: 0 passed, 1 failed"; exit 1; }
done
for t in ami dict pcap; do
	# shellcheck disable=SC2086
	"$CLANG" $CFLAGS -Wall -Wextra -Werror -pedantic -fsanitize=fuzzer \
		"$top/tests/fuzz/fuzz_$t.c" $objs $LIBS -o "$fz/fuzz_$t" ||
		{ echo "FAIL linking fuzz_$t"; echo "fuzz: 0 passed, 1 failed"; exit 1; }
done

# A smaller quarantine keeps RSS under -rss_limit_mb (libxml2 allocates much).
export ASAN_OPTIONS=detect_leaks=1:symbolize=1:quarantine_size_mb=64
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# Fuzzing: a short run from the seed corpus (new inputs stay in BUILD).
fuzz() { # TARGET MAX_LEN
	t=$1
	cp -n "$top/tests/fuzz/corpus_$t"/* "$top/tests/fuzz/regressions/$t"-* \
		"$fz/corpus_$t/" 2> /dev/null
	if (cd "$fz/crashes" && "$fz/fuzz_$t" -max_total_time="$secs" \
		-rss_limit_mb=512 -max_len="$2" -timeout=20 \
		-print_final_stats=0 -artifact_prefix="$fz/crashes/$t-" \
		"$fz/corpus_$t") > "$fz/fuzz_$t.log" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		log=$fz/crashes/$t-$(date +%Y%m%d-%H%M%S).log
		cp "$fz/fuzz_$t.log" "$log"
		echo "FAIL fuzz_$t: see $log; the input is in $fz/crashes/"
		grep -E '^(==[0-9]+==|SUMMARY|.*runtime error|fuzz_)' "$log" | head -5
	fi
}
fuzz ami 65536
fuzz dict 16384
fuzz pcap 65536

# Replay: every input that once crashed must pass now.
for f in "$top"/tests/fuzz/regressions/*; do
	[ -f "$f" ] || continue
	case $(basename "$f") in
	ami-*) t=ami ;;
	dict-*) t=dict ;;
	pcap-*) t=pcap ;;
	*) echo "FAIL $f: name it ami-*, dict-* or pcap-*"; fail=$((fail + 1)); continue ;;
	esac
	if "$fz/fuzz_$t" -rss_limit_mb=512 -timeout=60 "$f" \
		> "$fz/replay.log" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL replay $(basename "$f"):"
		tail -20 "$fz/replay.log"
	fi
done
echo "fuzz: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
