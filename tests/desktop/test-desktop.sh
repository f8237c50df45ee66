#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# What a distribution checks: the metainfo (appstreamcli), the launcher (desktop-file-validate),
# the settings schema (glib-compile-schemas --strict), and that the MIME definition makes
# shared-mime-info call a production application/x-casereel by its name and by its content,
# and a plain SQLite file not.
# The translation template made by the build holds the window's and the launcher's strings.
# Usage: test-desktop.sh METAINFO DESKTOP SCHEMA MIME CASEREEL POT
set -eu
metainfo=$1 desktop=$2 schema=$3 mime=$4 casereel=$5 pot=$6
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

appstreamcli validate --no-net --pedantic "$metainfo"
msgfmt --check -o /dev/null "$pot"
for msgid in "_Try the Demo Production" "Recent Productions" "Video Case Study Planner" "Window width"; do
  grep -q "^msgid \"$msgid\"" "$pot" || { echo "$pot: no msgid \"$msgid\"" >&2; exit 1; }
done
desktop-file-validate "$desktop"
grep -q '^Exec=casereel %f$' "$desktop"
grep -q '^MimeType=application/x-casereel;$' "$desktop"
mkdir "$tmp/schemas"
cp "$schema" "$tmp/schemas/"
glib-compile-schemas --strict --targetdir="$tmp/schemas" "$tmp/schemas"

mkdir -p "$tmp/share/mime/packages"
cp "$mime" "$tmp/share/mime/packages/casereel.xml"
# The system's definitions too, so that ours must win over application/vnd.sqlite3.
cp /usr/share/mime/packages/freedesktop.org.xml "$tmp/share/mime/packages/"
update-mime-database "$tmp/share/mime"

"$casereel" new "$tmp/riverside.casereel" --title "Riverside" >/dev/null
cp "$tmp/riverside.casereel" "$tmp/no-suffix"
sqlite3 "$tmp/other.db" "CREATE TABLE t (x); PRAGMA application_id = 1;"
cp "$tmp/other.db" "$tmp/other-no-suffix"

type_of () {
  XDG_DATA_HOME="$tmp/share" XDG_DATA_DIRS="$tmp/share" gio info -a standard::content-type "$1" |
    sed -n 's/^ *standard::content-type: //p'
}
check () {
  got=$(type_of "$1")
  if [ "$got" != "$2" ]; then
    echo "$1: content type $got, expected $2" >&2
    exit 1
  fi
  echo "ok $(basename "$1"): $got"
}
check "$tmp/riverside.casereel" application/x-casereel
check "$tmp/no-suffix" application/x-casereel
check "$tmp/other-no-suffix" application/vnd.sqlite3
