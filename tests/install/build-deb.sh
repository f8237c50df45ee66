#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the Debian package from a clean export of HEAD (what a clean checkout holds, not the
# work tree's builds), runs lintian on it, and leaves casereel_*.deb, the .changes, .buildinfo
# and lintian's report in ./build-deb/ (which git ignores), then runs the package's program
# (tests/install/check-installed.sh on the unpacked .deb). Not part of `meson test`: a full
# package build takes minutes; tests/install/test-install.sh is the quick check.
# Usage: sh tests/install/build-deb.sh   (needs dpkg-dev, debhelper, lintian)
set -eu
cd "$(dirname "$0")/../.."
out="$PWD/build-deb"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
mkdir "$tmp/casereel"
git archive HEAD | tar -x -C "$tmp/casereel"
(cd "$tmp/casereel" &&
 DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-parallel=2}" dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1 || {
  tail -40 "$out/build.log" >&2; echo "build-deb: dpkg-buildpackage failed, see $out/build.log" >&2; exit 1; }
rm -f "$out"/*.deb "$out"/*.changes "$out"/*.buildinfo
mv "$tmp"/*.deb "$tmp"/*.changes "$tmp"/*.buildinfo "$out"/
deb=$(ls "$out"/casereel_*.deb | head -n 1)
# Errors fail; warnings, pedantic and info tags are printed for the reader.
lintian --info --display-info --pedantic "$out"/casereel_*.changes >"$out/lintian.txt" 2>&1 || true
cat "$out/lintian.txt"
if grep -q '^E:' "$out/lintian.txt"; then
  echo "build-deb: lintian found errors in $deb" >&2
  exit 1
fi
# The package's files, unpacked (not installed on this machine), checked as test-install
# checks a meson install.
mkdir "$tmp/root"
dpkg-deb -x "$deb" "$tmp/root"
sh tests/install/check-installed.sh "$tmp/root/usr"
echo "$deb"
