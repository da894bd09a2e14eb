#!/bin/sh
# amilint --proxy on live traffic, with the scripts of tests/proxy/:
#  1. server.js, a scripted AMI server on 127.0.0.1, behind amilint
#     --proxy -f json.  A real AMI client library from npm
#     (asterisk-manager, driven by client.js) logs in, pings, originates
#     and logs off through it: the server must receive byte for byte what
#     the library sent, the library what the server sent, and the
#     findings are those of the library's real mistakes, pinned below.
#  2. A client and a server hanging up in the middle of a message
#     (raw.js): the cut message is reported in its direction.
#  3. 50 library clients at once: every byte exact, every session linted.
#  4. A client that reads nothing for 2 s while the server floods it:
#     the proxy's memory stays bounded (back-pressure), every byte arrives.
#  5. SIGINT: the summary and exit 1 (there are findings); a session
#     still open then ends quietly (the proxy stopped; nothing was cut).
#  6. The upstream down: each client is closed after a message on
#     standard error, the proxy keeps running; SIGINT exits 0.
#  7. Usage errors.
# Only loopback addresses.  Each step is bounded in time, the whole run
# to 60 s (it takes about 6), and everything started here is killed on
# exit.  Skipped when node or npm is missing; runs `npm ci` in
# tests/proxy when its node_modules is missing.
# usage: run-proxy.sh BUILD
if [ -z "${RUN_PROXY_LIMITED:-}" ] && command -v timeout > /dev/null 2>&1; then
	# --foreground: ^C still reaches the steps.
	RUN_PROXY_LIMITED=1 exec timeout --foreground 60 sh "$0" "$@"
fi
build=$(cd "$1" && pwd) || exit 2
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
. tests/lib.sh
here=$top/tests/proxy
amilint="$build/amilint --no-config --color=never"

if ! command -v node > /dev/null 2>&1 || ! command -v npm > /dev/null 2>&1; then
	echo "skipped: run-proxy.sh needs node and npm"
	exit 0
fi
tmp=$(mktemp -d) || exit 2
pids=
cleanup() {
	for p in $pids; do kill -KILL "$p" 2> /dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
# After the step in progress (each is bounded): interrupted, or over 60 s.
# Said on the standard output saved here: a step's own may be redirected.
exec 3>&1
trap 'exec >&3; bad "stopped (interrupted, or over 60 s)"; summary proxy; exit 2' \
	INT TERM HUP
mkdir "$tmp/rec"

if [ ! -d "$here/node_modules/asterisk-manager" ] &&
    ! (cd "$here" && timeout --foreground 40 npm ci --no-audit --no-fund \
	> "$tmp/npm.log" 2>&1); then
	bad "npm ci in tests/proxy failed"; cat "$tmp/npm.log"
	summary proxy; exit 1
fi

# ---- helpers ------------------------------------------------------------

# wait_for FILE REGEX [N]: until N lines of FILE match (5 s at most).
wait_for() {
	i=0
	while n=$(grep -c "$2" "$1" 2> /dev/null); [ "${n:-0}" -lt "${3:-1}" ]; do
		i=$((i + 1))
		[ $i -gt 50 ] && return 1
		sleep 0.1
	done
}

# start_proxy NAME UPSTREAM [OPTION...]: amilint --proxy on a free port,
# in the background, its output in $tmp/NAME.out and NAME.err; sets
# $proxy (its process) and $port.
start_proxy() {
	name=$1 up=$2
	shift 2
	# shellcheck disable=SC2086
	$amilint "$@" --proxy 127.0.0.1:0 --upstream "$up" > "$tmp/$name.out" \
		2> "$tmp/$name.err" &
	proxy=$!
	pids="$pids $proxy"
	if ! wait_for "$tmp/$name.err" '^amilint: listening on'; then
		bad "$name: amilint --proxy did not start"; cat "$tmp/$name.err"
		return 1
	fi
	port=$(sed -n 's/^amilint: listening on 127\.0\.0\.1:\([0-9]*\),.*/\1/p' \
		"$tmp/$name.err")
}

# interrupt PID: SIGINT, then its exit status in $status (killed and 137
# when it has not exited within 5 s).
interrupt() {
	kill -INT "$1"
	i=0
	while kill -0 "$1" 2> /dev/null && [ $i -lt 50 ]; do
		i=$((i + 1))
		sleep 0.1
	done
	kill -KILL "$1" 2> /dev/null
	wait "$1"
	status=$?
}

# run SECONDS COMMAND...: a step that may not hang.
run() {
	t=$1
	shift
	timeout --foreground "$t" "$@"
}

# same FILE EXPECTED WHAT
same() {
	if cmp -s "$1" "$2"; then ok; else
		bad "$3: (- expected, + actual)"; diff -u "$2" "$1" | head -20
	fi
}

# findings FILE: amilint's JSON Lines (each must parse) as
# "INDEX DIRECTION LINE:COL RULE NAME: MESSAGE", one a line.
findings() {
	node -e '
for (const l of require("fs").readFileSync(process.argv[1], "utf8").split("\n")) {
	if (l === "") continue;
	const f = JSON.parse(l);
	console.log([f.connection_index, f.direction || "-",
		(f.line || 0) + ":" + (f.column || 0), f.rule, f.name + ":",
		f.message].join(" "));
}' "$1"
}

# of INDEX: the findings of one connection, without its index.
of() {
	awk -v i="$1" '$1 == i' "$tmp/main.findings" | cut -d' ' -f2-
}

# exact USER: both directions of the session of USER, byte for byte.
exact() {
	if cmp -s "$tmp/rec/$1.csent" "$tmp/rec/$1.srecv" &&
	    cmp -s "$tmp/rec/$1.ssent" "$tmp/rec/$1.cgot" &&
	    [ -s "$tmp/rec/$1.csent" ] && [ -s "$tmp/rec/$1.cgot" ]; then
		ok
	else
		bad "$1: the bytes differ, or are missing, after the proxy"
		ls -l "$tmp/rec/$1".* 2>&1 | sed 's/^/  /'
	fi
}

# ---- 1. one real client library ------------------------------------------

node "$here/server.js" "$tmp/rec" 0 > "$tmp/server.out" 2>&1 &
pids="$pids $!"
wait_for "$tmp/server.out" '^listening' || { bad "server.js did not start"; summary proxy; exit 1; }
sport=$(sed -n 's/^listening //p' "$tmp/server.out")
start_proxy main "127.0.0.1:$sport" -f json || { summary proxy; exit 1; }
main=$proxy mport=$port

if run 25 node "$here/client.js" "$mport" "$tmp/rec" 1 user; then ok
else bad "asterisk-manager through the proxy: client.js failed"; fi
wait_for "$tmp/server.out" '^closed user0$' || bad "server: user0 not closed"
exact user0

# ---- 2. hanging up mid-message ---------------------------------------------

# A client: the proxy passes the half-close on, and the server closes.
run 12 node "$here/raw.js" "$mport" cut-client > "$tmp/cut-client" 2>&1
echo 'closed after 30 bytes' > "$tmp/want"
same "$tmp/cut-client" "$tmp/want" "a client hanging up mid-message"
# A server: the client gets what the server sent, then the close.
run 12 node "$here/raw.js" "$mport" cut-server > "$tmp/cut-server" 2>&1
echo 'closed after 83 bytes' > "$tmp/want"
same "$tmp/cut-server" "$tmp/want" "a server hanging up mid-message"

# ---- 3. 50 clients at once -------------------------------------------------

if run 25 node "$here/client.js" "$mport" "$tmp/rec" 50 many; then ok
else bad "50 clients at once: client.js failed"; fi
wait_for "$tmp/server.out" '^closed many' 50 || bad "server: not all 50 closed"
n=0
while [ $n -lt 50 ]; do
	exact "many$n"
	n=$((n + 1))
done

# ---- 4. back-pressure ------------------------------------------------------

# The server writes 64 MiB as fast as it can to a client that reads
# nothing for 2 s: the proxy must stop reading the server meanwhile, so
# its memory stays far below what it forwards.
start_proxy flood "127.0.0.1:$sport" -f json || { summary proxy; exit 1; }
flood=$proxy
if run 25 node "$here/raw.js" "$port" flood "$tmp/rec/flood.cgot" > "$tmp/flood" 2>&1 &&
    wait_for "$tmp/server.out" '^closed flood$'; then
	same "$tmp/rec/flood.cgot" "$tmp/rec/flood.ssent" "64 MiB through the proxy"
else
	bad "flood: raw.js failed: $(cat "$tmp/flood")"
fi
hwm=$(awk '/^VmHWM/ {print $2}' "/proc/$flood/status" 2> /dev/null)
if [ -z "$hwm" ]; then ok # no /proc here
elif [ "$hwm" -lt 32768 ]; then ok
else bad "flood: the proxy's peak RSS is $hwm KiB for 64 MiB forwarded: no back-pressure?"
fi
interrupt "$flood"
[ "$status" -eq 1 ] && ok || bad "flood: exit $status after SIGINT, want 1"
findings "$tmp/flood.out" | cut -d' ' -f2- > "$tmp/got"
echo "client 4:1 AMI0501 plaintext-secret: password sent in clear text; use Challenge with AuthType: MD5 and Key:, or TLS" > "$tmp/want"
same "$tmp/got" "$tmp/want" "findings on 64 MiB of events"

# ---- 5. SIGINT -------------------------------------------------------------

# A session left open (half an action sent) when the proxy is stopped:
# the proxy closes it, and its half action is no finding.
node "$here/raw.js" "$mport" hold > "$tmp/hold" 2>&1 &
hold=$!
pids="$pids $hold"
sleep 0.5
interrupt "$main"
[ "$status" -eq 1 ] && ok || bad "exit $status after SIGINT, want 1 (findings)"
wait "$hold"
echo 'closed after 30 bytes' > "$tmp/want"
same "$tmp/hold" "$tmp/want" "a session open at SIGINT is closed"
# It was forwarded (so linted) before: the server got it.
i=0
until cat "$tmp/rec/"conn-*.srecv 2> /dev/null | grep -q 'ActionID: hold-1'; do
	i=$((i + 1))
	[ $i -gt 50 ] && { bad "the held half action never reached the server"; break; }
	sleep 0.1
done
[ $i -le 50 ] && ok

findings "$tmp/main.out" > "$tmp/main.findings" || bad "amilint -f json: not JSON Lines"
grep -q "\"connection\":\"127\.0\.0\.1:[0-9]*->127\.0\.0\.1:$sport\",\"connection_index\":1," \
	"$tmp/main.out" && ok || bad "connection 1 is not named client->upstream"

# What asterisk-manager 0.2.0 gets wrong: it sends Login's "Events:" as
# "Event:" (so Asterisk ignores it), the password in clear text (it knows
# no Challenge), and header names capitalised from the lower-cased keys
# it was given ("Callerid").  Its lower-case action names are fine:
# Asterisk matches them in any case.
cat > "$tmp/want" << 'EOF'
client 3:1 AMI0203 header-not-for-message: header 'Event' is not defined for action 'login'
client 4:1 AMI0501 plaintext-secret: password sent in clear text; use Challenge with AuthType: MD5 and Key:, or TLS
client 13:1 AMI0202 header-case: header 'Callerid' is spelled 'CallerID' in the dictionary
EOF
of 1 > "$tmp/got"
same "$tmp/got" "$tmp/want" "findings on asterisk-manager's session"
# The 50 at once (connections 4 to 53): the same, each.
awk '$1 >= 4 && $1 <= 53' "$tmp/main.findings" | cut -d' ' -f2- | sort |
	uniq -c | sed 's/^ *//' > "$tmp/got"
sort "$tmp/want" | sed 's/^/50 /' > "$tmp/want50"
same "$tmp/got" "$tmp/want50" "findings on 50 sessions at once"

# The cut message: its last line; the raw client did not log in, and
# its Ping never reached Asterisk whole, so was never answered.
of 2 > "$tmp/got"
cat > "$tmp/want" << 'EOF'
client 1:9 AMI0307 action-before-login: action 'Ping' before a successful login: Asterisk answers 'Permission denied'
client 2:0 AMI0103 missing-terminator: message starting at line 1 is not ended by a blank line
client 1:1 AMI0304 unanswered-action: action 'Ping' (ActionID 'cut-1') was never answered
EOF
same "$tmp/got" "$tmp/want" "findings on a client hanging up mid-message"
# The cut response (after the banner, line 1) still answers the Login.
of 3 > "$tmp/got"
cat > "$tmp/want" << 'EOF'
client 4:1 AMI0501 plaintext-secret: password sent in clear text; use Challenge with AuthType: MD5 and Key:, or TLS
server 4:0 AMI0103 missing-terminator: message starting at line 2 is not ended by a blank line
EOF
same "$tmp/got" "$tmp/want" "findings on a server hanging up mid-message"
of 54 > "$tmp/got"
: > "$tmp/want"
same "$tmp/got" "$tmp/want" "findings on a session open at SIGINT"

# JSON on standard output: the summary goes to standard error.
sed 1d "$tmp/main.err" > "$tmp/got"
cat > "$tmp/want" << 'EOF'
       2  AMI0103 missing-terminator
      51  AMI0202 header-case
      51  AMI0203 header-not-for-message
       1  AMI0304 unanswered-action
       1  AMI0307 action-before-login
      52  AMI0501 plaintext-secret
     158  findings in total
EOF
same "$tmp/got" "$tmp/want" "the summary after SIGINT"

# ---- 6. the upstream down ----------------------------------------------------

# A port nothing listens on: one that was free a moment ago.
dead=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1",
	() => { console.log(s.address().port); s.close(); });')
start_proxy down "127.0.0.1:$dead" || { summary proxy; exit 1; }
for n in 1 2; do
	run 12 node "$here/raw.js" "$port" probe > "$tmp/probe" 2>&1
	echo 'closed after 0 bytes' > "$tmp/want"
	same "$tmp/probe" "$tmp/want" "upstream down: client $n is closed"
done
kill -0 "$proxy" 2> /dev/null && ok || bad "upstream down: the proxy stopped"
interrupt "$proxy"
[ "$status" -eq 0 ] && ok || bad "upstream down: exit $status after SIGINT, want 0"
sed "1d; s/(127\.0\.0\.1:[0-9]*->127\.0\.0\.1:$dead)/(CLIENT->UPSTREAM)/" \
	"$tmp/down.err" > "$tmp/got"
cat > "$tmp/want" << 'EOF'
amilint: connection 1 (CLIENT->UPSTREAM): upstream: Connection refused; client connection closed
amilint: connection 2 (CLIENT->UPSTREAM): upstream: Connection refused; client connection closed
EOF
same "$tmp/got" "$tmp/want" "upstream down: the errors"
printf '%8d  findings in total\n' 0 > "$tmp/want"
same "$tmp/down.out" "$tmp/want" "upstream down: the summary (text, on stdout)"

# ---- 7. usage ----------------------------------------------------------------

# usage EXPECTED-STDERR OPTION...: exit 2 with that message.
usage() {
	want=$1
	shift
	$amilint "$@" > /dev/null 2> "$tmp/err"
	rc=$?
	if [ $rc -eq 2 ] && [ "$(cat "$tmp/err")" = "$want" ]; then ok
	else bad "amilint $*: exit $rc, stderr: $(cat "$tmp/err")"; fi
}
usage 'amilint: --proxy and --upstream go together' --proxy 127.0.0.1:0
usage 'amilint: --proxy and --upstream go together' --upstream 127.0.0.1:1
usage 'amilint: --proxy lints live traffic: no file, no --extract' \
	--proxy 127.0.0.1:0 --upstream 127.0.0.1:1 file.txt
usage "amilint: --proxy: 'localhost' is not HOST:PORT" \
	--proxy localhost --upstream 127.0.0.1:1
usage "amilint: --upstream: '127.0.0.1:http' is not HOST:PORT" \
	--proxy 127.0.0.1:0 --upstream 127.0.0.1:http
usage "amilint: --proxy: 127.0.0.1:$sport: Address already in use" \
	--proxy "127.0.0.1:$sport" --upstream 127.0.0.1:1

summary proxy
