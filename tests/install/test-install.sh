#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a DESTDIR as a package would (meson install; the quick stand-in for
# tests/install/build-deb.sh, which runs the same checks on the .deb's files), then checks the
# installed tree with check-installed.sh.
# Usage: test-install.sh BUILD_DIR
set -eu
build=$1
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

meson install -C "$build" --no-rebuild --destdir "$tmp/root" >"$tmp/install.log" 2>&1 || {
  cat "$tmp/install.log" >&2; echo "test-install: meson install failed" >&2; exit 1; }
prefix=$(meson introspect "$build" --buildoptions |
  $py -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
sh "$(dirname "$0")/check-installed.sh" "$tmp/root$prefix"
