#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Sets up what is missing, builds the program (not the tests), and runs Casereel; arguments
# go to the program, and once built nothing else is printed.
set -eu
top="$(cd "$(dirname "$0")/.." && pwd)"
"$top/app/setup.sh" --program
# The settings schema compiled in the build, until Casereel is installed.
export GSETTINGS_SCHEMA_DIR="${GSETTINGS_SCHEMA_DIR:-$top/build/desktop}"
exec "$top/build/app/main/casereel" "$@"
