#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the build into a DESTDIR as a package would (meson install), checks that the
# launcher, metainfo, MIME type, schema and icons land where the desktop looks, then runs
# the installed program: --help, --demo, and one export read back by xmllint.
# Usage: test-install.sh BUILD_DIR
set -eu
build=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

meson install -C "$build" --no-rebuild --destdir "$tmp/root" >"$tmp/install.log" 2>&1 || {
  cat "$tmp/install.log" >&2; exit 1; }
prefix=$(meson introspect "$build" --buildoptions |
  /usr/bin/python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
root="$tmp/root$prefix"
for f in bin/casereel share/applications/org.casereel.Casereel.desktop \
         share/metainfo/org.casereel.Casereel.metainfo.xml share/mime/packages/org.casereel.Casereel.xml \
         share/glib-2.0/schemas/org.casereel.Casereel.gschema.xml \
         share/icons/hicolor/scalable/apps/org.casereel.Casereel.svg \
         share/icons/hicolor/symbolic/apps/org.casereel.Casereel-symbolic.svg; do
  [ -f "$root/$f" ] || { echo "not installed: $f" >&2; exit 1; }
done
desktop-file-validate "$root/share/applications/org.casereel.Casereel.desktop"
appstreamcli validate --no-net "$root/share/metainfo/org.casereel.Casereel.metainfo.xml" >/dev/null

bin="$root/bin/casereel"
"$bin" --help | grep -q 'casereel --demo \[FILE\]'
"$bin" --demo "$tmp/demo.casereel" >"$tmp/demo.out"
[ "$(cat "$tmp/demo.out")" = "$tmp/demo.casereel" ]
"$bin" --project "$tmp/demo.casereel" cut export "Best answers" -o "$tmp/best.fcpxml" --channel website
xmllint --noout "$tmp/best.fcpxml"
[ "$(grep -c '<asset-clip' "$tmp/best.fcpxml")" -ge 3 ]
[ -f "$tmp/best.fcpxml.clearance.csv" ]
echo "ok: installed under $prefix; --help, --demo and an FCPXML export work"
