#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up what is missing, builds, and runs Casereel; arguments go to the program.
set -eu
top="$(cd "$(dirname "$0")/.." && pwd)"
"$top/app/setup.sh"
exec "$top/build/app/main/casereel" "$@"
