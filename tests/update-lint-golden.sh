#!/bin/sh
# Rewrites tests/lint/NAME.diag from amilint's current output, for review
# (make update-golden runs it).  usage: update-lint-golden.sh BUILD
build=$(cd "$1" && pwd) || exit 2
cd "$(dirname "$0")/lint" || exit 2
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
for ami in *.ami; do
	name=${ami%.ami}
	"$build/unmark" < "$ami" > "$tmp/$name.txt"
	args=
	[ -f "$name.args" ] && args=$(cat "$name.args")
	# shellcheck disable=SC2086
	(cd "$tmp" && "$build/amilint" --no-config --color=never $args "$name.txt") > "$name.diag"
	echo "updated lint/$name.diag"
done
sh "$(dirname "$0")/../run-amilint.sh" "$1" --update > /dev/null
echo "updated lint/rule-examples.out"
