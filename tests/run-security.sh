#!/bin/sh
# Hostile dictionaries: entity tricks are refused quickly, in bounded memory,
# without reading any other file; oversized and binary input gets a clear
# error and exit 2, never a crash.
# usage: run-security.sh BUILD
build=$(cd "$1" && pwd) || exit 2
amigen=$build/amigen
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL $*"; fail=$((fail + 1)); }

# Runs amigen with 256 MB of memory and 10 s; sets rc and err.  An ASan
# build reserves terabytes of address space, so it gets ASan's own limit.
if ldd "$amigen" 2> /dev/null | grep -q libasan; then
	limit() { ASAN_OPTIONS=hard_rss_limit_mb=256 "$@"; }
else
	limit() { ( ulimit -v 262144; exec "$@" ); }
fi
limited() {
	limit timeout 10 "$amigen" -T check "$@" > out.txt 2> err.txt
	rc=$?
	err=$(cat err.txt)
}

echo 'top secret' > secret.txt
cat > external.xml <<'XML'
<?xml version="1.0"?>
<!DOCTYPE amidict [ <!ENTITY x SYSTEM "secret.txt"> ]>
<amidict format="1"><class name="x"><description>&x;</description></class></amidict>
XML
cat > bomb.xml <<'XML'
<?xml version="1.0"?>
<!DOCTYPE amidict [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
]>
<amidict format="1"><class name="x"><description>&f;</description></class></amidict>
XML
# An external DTD would be another file read: it must not be.
cat > dtd.xml <<'XML'
<?xml version="1.0"?>
<!DOCTYPE amidict SYSTEM "secret.txt">
<amidict format="1"><class name="x"/></amidict>
XML

for f in external:2 bomb:3; do
	limited ${f%:*}.xml
	if [ $rc -eq 2 ] && [ "$err" = "${f%:*}.xml:${f#*:}: error: entity declarations are not allowed in a dictionary" ]; then
		ok
	else
		bad "$f.xml: exit $rc: $err"
	fi
done

# Loads (a DOCTYPE without declarations is harmless), and reads no other file.
if command -v strace > /dev/null 2>&1; then
	for f in external.xml dtd.xml; do
		strace -f -e trace=open,openat -o trace.txt "$amigen" -T check $f > /dev/null 2>&1
		if grep -q 'secret\.txt' trace.txt; then
			bad "$f: amigen opened secret.txt"
		else
			ok
		fi
	done
else
	echo "skipped: strace not installed (file-access checks)"
fi

# A one-megabyte line in a description is fine; 1 MB of garbage is not.
{
	printf '<amidict format="1"><class name="x"><description>'
	head -c 1048576 /dev/zero | tr '\0' 'x'
	printf '</description></class></amidict>\n'
} > longline.xml
limited longline.xml
[ $rc -eq 0 ] && ok || bad "longline.xml: exit $rc: $err"

head -c 1048576 /dev/urandom > garbage.xml
limited garbage.xml
case $rc:$err in
2:garbage.xml:*error:*) ok ;;
*) bad "garbage.xml: exit $rc: $(echo "$err" | head -3)" ;;
esac

# Over the size limit: refused before parsing.
head -c 70000000 /dev/zero > huge.xml
limited huge.xml
[ $rc -eq 2 ] && [ "$err" = "huge.xml: error: file larger than 67108864 bytes" ] && ok ||
	bad "huge.xml: exit $rc: $err"

echo "security: $pass passed, $fail failed"
[ $fail -eq 0 ]
