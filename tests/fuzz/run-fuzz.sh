#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-fuzz.sh FUZZER WORKDIR SECONDS MAX_LEN SEED_DIR...
# Replays every seed and kept crash input, then fuzzes for SECONDS. New inputs go to
# WORKDIR/corpus (the build folder, kept so that the next run starts where this one ended),
# a crash to WORKDIR/crash-*: keep it under tests/hostile/libfuzzer/ once fixed. Seed
# folders that do not exist are skipped. A crash exits 1 (libFuzzer's own 77 reads as "skipped"
# to meson, which would hide it). The seed is fixed (FUZZ_SEED, default 1) so that the suite
# explores the same inputs on every run and a red run can be replayed; fuzz with another seed
# and for longer by hand to look further.
set -eu
fuzzer=$1 work=$2 seconds=$3 max_len=$4
shift 4
mkdir -p "$work/corpus"
rm -f "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*
seeds=""
for dir in "$@"; do
  [ -d "$dir" ] && seeds="$seeds $dir"
done
# shellcheck disable=SC2086  # the seed folders are one word each
exec "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
  -print_final_stats=1 -error_exitcode=1 -seed="${FUZZ_SEED:-1}" -artifact_prefix="$work/" "$work/corpus" $seeds
