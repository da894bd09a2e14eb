#!/bin/sh
# Installs the Debian packages given as arguments when they are missing:
# with apt-get when run as root, otherwise prints the command to run.
missing=
for p in "$@"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
	echo "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q || exit 1
	# shellcheck disable=SC2086
	apt-get install -y -q --no-install-recommends $missing || exit 1
else
	echo "missing packages:$missing" >&2
	echo "run as root:  apt-get install -y$missing" >&2
	exit 1
fi
