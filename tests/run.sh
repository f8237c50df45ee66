#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up what is missing, builds, and runs the whole test suite twice: as built, and under
# AddressSanitizer + UndefinedBehaviorSanitizer, then the libFuzzer targets for a bounded
# time. Exits non-zero when anything failed.
set -u
top="$(cd "$(dirname "$0")/.." && pwd)"
"$top/app/setup.sh" --sanitize || exit 1
status=0
# The window tests need a display; xvfb-run gives them one.
xvfb-run -a -s "-screen 0 1280x800x24" meson test -C "$top/build" --num-processes 2 --print-errorlogs || status=1
xvfb-run -a -s "-screen 0 1280x800x24" meson test -C "$top/build-asan" --setup sanitize --num-processes 2 --print-errorlogs || status=1
# The fuzz targets, under a minute each, two at a time; the same inputs on every machine.
meson test -C "$top/build-fuzz" --suite fuzz --no-rebuild --num-processes 2 --print-errorlogs || status=1
exit $status
