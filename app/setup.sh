#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Casereel needs from Debian 12 (only what is missing), then configures and
# builds it in ./build. With "--sanitize" it also builds ./build-asan with AddressSanitizer
# and UndefinedBehaviorSanitizer for the test run, and ./build-fuzz with clang's libFuzzer.
set -eu
cd "$(dirname "$0")/.."

# Build and run time, then the reference tools the tests and benchmarks compare against, then
# fonts that cover the world's names (Noto core and CJK), so that a call sheet prints 李小龙 and
# Ngũgĩ as letters, not boxes.
packages="gcc meson ninja-build pkg-config libglib2.0-dev libgtk-4-dev libadwaita-1-dev
libjson-glib-dev libsqlite3-dev libavformat-dev libavcodec-dev libavutil-dev libswscale-dev
libswresample-dev libavfilter-dev libpango1.0-dev libcairo2-dev
ffmpeg mediainfo melt sqlite3 xvfb xauth poppler-utils python3-icalendar libxml2-utils
desktop-file-utils fonts-cantarell
libgtk-4-media-gstreamer gstreamer1.0-libav gstreamer1.0-plugins-good fonts-dejavu-core
fonts-noto-core fonts-noto-cjk
libzip-dev pandoc
gettext appstream librsvg2-common dbus-daemon shared-mime-info libglib2.0-bin
clang libclang-rt-14-dev"

missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  sudo=""
  if [ "$(id -u)" != 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      # Nothing to install with: say exactly what to run, on one line.
      echo "casereel: missing Debian packages:$missing; as root, run: apt-get install -y --no-install-recommends$missing" >&2
      exit 1
    fi
    sudo="sudo"
  fi
  echo "casereel: installing$missing" >&2
  $sudo apt-get update -qq
  # Through env: sudo does not pass DEBIAN_FRONTEND on.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >&2
fi

# "--program": only what `casereel` needs to run from ./build (app/run.sh), quietly: the
# build's output is shown only when it fails.
if [ "${1:-}" = "--program" ]; then
  log="$(mktemp)"
  if ! { [ -f build/build.ninja ] || meson setup build; } >"$log" 2>&1 ||
     ! ninja -C build app/main/casereel desktop/gschemas.compiled >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  exit 0
fi

[ -f build/build.ninja ] || meson setup build >&2
meson compile -C build >&2
if [ "${1:-}" = "--sanitize" ]; then
  [ -f build-asan/build.ninja ] || meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false >&2
  meson compile -C build-asan >&2
  # The libFuzzer targets (tests/fuzz/) with clang. Everything is built, not only they: clang
  # warns where gcc does not (an unused g_autofree), and the project must build with both.
  [ -f build-fuzz/build.ninja ] || CC=clang meson setup build-fuzz -Dfuzz=true \
    -Db_sanitize=address,undefined -Db_lundef=false >&2
  meson compile -C build-fuzz >&2
fi
