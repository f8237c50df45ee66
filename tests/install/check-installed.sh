#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Checks an installed Casereel (a DESTDIR from meson install, or a .deb unpacked): that the
# launcher, metainfo, MIME type, schema and icons are where the desktop looks and pass their
# tools, then runs the installed program with only the installed schema (memory backend):
# --help, --demo, and the demo's cut exported to an EDL that is read back against the cut,
# by Python and by the program's own EDL import.
# Usage: check-installed.sh PREFIX_DIR   (e.g. /tmp/x/root/usr)
set -eu
root=$1
py=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

fail () {
  echo "check-installed: $*" >&2
  exit 1
}

for f in bin/casereel share/applications/org.casereel.Casereel.desktop \
         share/metainfo/org.casereel.Casereel.metainfo.xml share/mime/packages/org.casereel.Casereel.xml \
         share/glib-2.0/schemas/org.casereel.Casereel.gschema.xml \
         share/icons/hicolor/scalable/apps/org.casereel.Casereel.svg \
         share/icons/hicolor/symbolic/apps/org.casereel.Casereel-symbolic.svg; do
  [ -f "$root/$f" ] || fail "not installed: $f"
done
# Nothing of the tests or benchmarks goes into a package.
if find "$root" -name 'test-*' -o -name 'bench-*' -o -name 'fuzz-*' | grep -q .; then
  fail "test programs installed: $(find "$root" -name 'test-*' -o -name 'bench-*' | head -n 3)"
fi

# The installed files, checked by the tools a distribution runs on them.
desktop-file-validate "$root/share/applications/org.casereel.Casereel.desktop"
appstreamcli validate --no-net "$root/share/metainfo/org.casereel.Casereel.metainfo.xml" >"$tmp/as.log" 2>&1 || {
  cat "$tmp/as.log" >&2; fail "appstreamcli: the installed metainfo is not valid"; }
xmllint --noout "$root/share/mime/packages/org.casereel.Casereel.xml"
mkdir -p "$tmp/mime/packages"
cp "$root/share/mime/packages/org.casereel.Casereel.xml" "$tmp/mime/packages/"
XDG_DATA_HOME="$tmp" XDG_DATA_DIRS="$tmp" update-mime-database "$tmp/mime" >"$tmp/mime.log" 2>&1 || { cat "$tmp/mime.log" >&2; fail "update-mime-database failed"; }
[ ! -s "$tmp/mime.log" ] || { cat "$tmp/mime.log" >&2; fail "update-mime-database complained"; }
grep -q '^50:application/x-casereel:\*\.casereel$' "$tmp/mime/globs2" || fail "no *.casereel glob in globs2"
grep -aq 'application/x-casereel' "$tmp/mime/magic" || fail "no magic for application/x-casereel"

# The installed program with the installed schema and nothing from the build folder.
glib-compile-schemas --strict "$root/share/glib-2.0/schemas"
export GSETTINGS_SCHEMA_DIR="$root/share/glib-2.0/schemas" GSETTINGS_BACKEND=memory
unset CASEREEL_PROJECT
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/data" XDG_CONFIG_HOME="$tmp/home/config" XDG_CACHE_HOME="$tmp/home/cache"
mkdir -p "$HOME"
bin="$root/bin/casereel"
"$bin" --help >"$tmp/help.txt"
grep -q 'casereel --demo \[FILE\]' "$tmp/help.txt" || fail "--help does not show --demo"
"$bin" --demo "$tmp/demo.casereel" >"$tmp/demo.out"
[ "$(cat "$tmp/demo.out")" = "$tmp/demo.casereel" ] || fail "--demo printed $(cat "$tmp/demo.out")"
p="--project $tmp/demo.casereel"
"$bin" $p cut export "Best answers" -o "$tmp/best.edl" --channel website >"$tmp/export.out"
grep -q "$tmp/best.edl" "$tmp/export.out" || fail "cut export did not name its file: $(cat "$tmp/export.out")"
[ -f "$tmp/best.edl.clearance.csv" ] || fail "no clearance beside the EDL"
"$bin" $p cut show "Best answers" --json >"$tmp/best.json"

# Read back by Python: every event of the cut, in order, as CMX3600 lines with the clip's
# source and record timecodes, and nothing else.
$py - "$tmp/best.edl" "$tmp/best.json" <<'PY'
import json, re, sys
edl = open(sys.argv[1], encoding="ascii").read().splitlines()
cut = json.load(open(sys.argv[2]))
assert edl[0] == "TITLE: " + cut["cut"]["name"], edl[0]
assert "FCM: NON-DROP FRAME" in edl, "no FCM line"
tc = r"(\d\d:\d\d:\d\d[:;]\d\d)"
events = [re.match(r"^(\d{3})  (\S+) +V?A?B? +C +" + tc + " " + tc + " " + tc + " " + tc + "$", l)
          for l in edl if re.match(r"^\d{3} ", l)]
clips = [l[len("* FROM CLIP NAME: "):] for l in edl if l.startswith("* FROM CLIP NAME: ")]
assert len(events) == len(cut["events"]) >= 3, (len(events), len(cut["events"]))
assert all(events), "an event line is not CMX3600"
record = cut["cut"]["record_start"]
for m, e, clip in zip(events, cut["events"], clips):
    assert int(m.group(1)) == e["position"], m.group(0)
    assert (m.group(3), m.group(4), m.group(5)) == (e["source_in"], e["source_out"], e["record_in"]), m.group(0)
    assert clip == e["source"], clip
    assert m.group(2) == e["source"].split(".")[0], m.group(2)
assert events[0].group(5) == record
for a, b in zip(events, events[1:]):
    assert a.group(6) == b.group(5), "record gap between %s and %s" % (a.group(1), b.group(1))
print("ok: %d events of %s read back" % (len(events), cut["cut"]["name"]))
PY

# And by the program: imported as a new cut, it has the same sources and ranges.
"$bin" $p cut import "$tmp/best.edl" --name "Read back" >"$tmp/import.log"
"$bin" $p cut show "Read back" --json >"$tmp/back.json"
$py - "$tmp/best.json" "$tmp/back.json" <<'PY'
import json, sys
keys = ("source", "in_frame", "out_frame", "record_in")
a, b = ([tuple(e[k] for k in keys) for e in json.load(open(f))["events"]] for f in sys.argv[1:3])
assert a == b, (a, b)
PY
echo "ok: installed in $root; desktop, metainfo and MIME files valid; --help, --demo and an EDL export work"
