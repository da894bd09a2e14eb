#!/bin/sh
# The C validators (amigen -T c, docs/validators.md).  For the real
# dictionary (when it loads), tests/golden/small.xml and the fixtures
# tests/c/*.xml: generate the module twice (it must not change), compile it
# with gcc and clang at -std=c11 -Wall -Wextra -Werror -pedantic (and
# -Wconversion -Wshadow), link it into tests/c/driver.c and run it: the
# generated validators and libamidict's run-time one (src/validate.c) must
# report the same on every message (cases, captured traffic, a sweep of
# sample values), and the cases' reports must be the expected ones.  Also
# compiles the golden tests/golden/small.c/ and builds and runs
# docs/examples/.
# usage: run-c.sh BUILD
build=$(cd "$1" && pwd) || exit 2
root=$(cd "$(dirname "$0")/.." && pwd)
amigen=$build/amigen
captures=$root/../shared/captures
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

strict="-std=c11 -Wall -Wextra -Werror -pedantic -Wshadow -Wconversion"
posix=-D_POSIX_C_SOURCE=200809L
xml_libs=$(pkg-config --libs libxml-2.0)
compilers=
for cc in gcc clang; do
	command -v $cc > /dev/null && compilers="$compilers $cc"
done
[ "$compilers" = " gcc clang" ] || bad "need gcc and clang, have:$compilers"

# A sanitizer build of the library (make check) needs the same at link
# time, and the compiler that built it.
san=
if nm -A "$build/libamidict.a" 2> /dev/null | grep -q __asan_; then
	san="-fsanitize=address,undefined -fno-sanitize-recover=all"
	san="$san -fno-omit-frame-pointer"
fi

# compile CC OUT SRC [FLAGS]: strict, quiet unless it fails.
compile() {
	cc=$1 out=$2 src=$3
	shift 3
	if $cc $strict $san "$@" -c "$src" -o "$out" 2> "$out.err"; then
		ok
	else
		bad "$cc $src"; head -20 "$out.err"
		return 1
	fi
}

# The run-time validator, once per compiler.
for cc in $compilers; do
	compile $cc "$tmp/validate-$cc.o" "$root/src/validate.c" $posix \
	    -I"$root/src"
done

# dictionary NAME PATH: generate, compile, link and run the driver.
dictionary() {
	name=$1 dict=$2 dir=$tmp/$name
	mkdir -p "$dir"
	"$amigen" -T c -n dv -o "$dir" "$dict" 2> "$dir/amigen.err"
	rc=$?
	"$amigen" -T c -n dv -o "$dir/again" "$dict" 2> /dev/null
	if [ $rc -gt 1 ]; then
		bad "$name: amigen exited $rc"; head -20 "$dir/amigen.err"
		return
	fi
	if cmp -s "$dir/dv.c" "$dir/again/dv.c" &&
	    cmp -s "$dir/dv.h" "$dir/again/dv.h"; then ok; else
		bad "$name: two runs differ"
	fi
	args="-l -s"
	[ -f "$root/tests/c/$name.cases" ] &&
	    args="$args -c $root/tests/c/$name.cases"
	if [ "$name" = real ]; then
		for f in "$captures"/server-*.txt "$captures"/client-*.txt; do
			[ -f "$f" ] && args="$args -t $f"
		done
	fi
	for cc in $compilers; do
		compile $cc "$dir/dv-$cc.o" "$dir/dv.c" || continue
		compile $cc "$dir/driver-$cc.o" "$root/tests/c/driver.c" $posix \
		    -Wno-conversion -I"$dir" -I"$root/src" || continue
		# With sanitizers, only the library's own compiler links.
		[ -n "$san" ] && [ $cc != gcc ] && continue
		if ! $cc $san -o "$dir/driver-$cc" "$dir/driver-$cc.o" \
		    "$dir/dv-$cc.o" "$tmp/validate-$cc.o" \
		    "$build/libamidict.a" $xml_libs 2> "$dir/link.err"; then
			bad "$name: linking the driver with $cc"
			head -20 "$dir/link.err"
			continue
		fi
		# shellcheck disable=SC2086 # args are words
		if "$dir/driver-$cc" $args "$dict" > "$dir/out" 2>&1; then
			ok
		else
			bad "$name: driver ($cc): $(tail -1 "$dir/out")"
			head -40 "$dir/out"
		fi
	done
}

"$amigen" -T check "$root/dictionary" > /dev/null 2>&1
if [ $? -le 1 ]; then
	dictionary real "$root/dictionary"
else
	echo "skip: dictionary/ does not load (amigen -T check)"
fi
dictionary small "$root/tests/golden/small.xml"
for f in "$root"/tests/c/*.xml; do
	dictionary "$(basename "$f" .xml)" "$f"
done

# The golden module compiles as it is.
for cc in $compilers; do
	compile $cc "$tmp/golden-$cc.o" "$root/tests/golden/small.c/small.c" \
	    -I"$root/tests/golden/small.c"
done

# A bad module name is refused.
for n in 1abc a-b "" ; do
	if "$amigen" -T c -n "$n" -o "$tmp/bad" "$root/tests/golden/small.xml" \
	    2> /dev/null; then bad "-n '$n' accepted"; else ok; fi
done
if "$amigen" -T c -o "$tmp/bad" "$root/tests/golden/small.xml" \
    2> /dev/null; then bad "no -n accepted"; else ok; fi

# docs/examples: a private action on top of dictionary/.
if [ -d "$tmp/real" ]; then
	if make -s -C "$root/docs/examples" AMIGEN="$amigen" \
	    OUT="$tmp/examples" CFLAGS="$strict $san" > "$tmp/ex.out" 2>&1 &&
	    "$tmp/examples/callback" > "$tmp/ex.out" 2>&1; then
		ok
	else
		bad "docs/examples"; head -20 "$tmp/ex.out"
	fi
fi

echo "c: $pass passed, $fail failed"
[ $fail -eq 0 ] && [ $pass -gt 0 ]
