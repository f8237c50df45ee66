#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The set-up without root and without sudo: one line naming what is missing and the exact
# apt-get command, exit status 1, nothing installed. And `sh app/run.sh` once built prints
# only the program's own output.
# Usage: test-setup.sh SOURCE_ROOT
set -eu
top=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# A PATH with no sudo and no apt-get: only what setup.sh needs, with a user id of 1000 and
# two packages missing.
mkdir "$tmp/bin"
for tool in dirname grep; do ln -s "$(command -v $tool)" "$tmp/bin/$tool"; done
printf '#!/bin/sh\necho 1000\n' >"$tmp/bin/id"
printf '#!/bin/sh\ncase "$*" in *appstream|*melt) exit 1;; esac\necho "install ok installed"\n' >"$tmp/bin/dpkg-query"
chmod +x "$tmp/bin/id" "$tmp/bin/dpkg-query"

status=0
PATH="$tmp/bin" /bin/sh "$top/app/setup.sh" >"$tmp/out" 2>"$tmp/err" || status=$?
[ "$status" = 1 ] || { echo "exit status $status, expected 1" >&2; cat "$tmp/err" >&2; exit 1; }
[ ! -s "$tmp/out" ] || { echo "stdout not empty" >&2; exit 1; }
[ "$(wc -l <"$tmp/err")" = 1 ] || { echo "not one line:" >&2; cat "$tmp/err" >&2; exit 1; }
grep -q 'missing Debian packages: melt appstream; as root, run: apt-get install -y --no-install-recommends melt appstream$' "$tmp/err" || {
  cat "$tmp/err" >&2; exit 1; }
echo "ok: $(cat "$tmp/err")"
