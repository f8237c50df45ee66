#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# run-fuzz.sh FUZZER WORKDIR RUNS MAX_LEN SEED_DIR...
# Replays every seed and kept crash input, then tries RUNS inputs more. A crash goes to
# WORKDIR/crash-*: keep it under tests/hostile/libfuzzer/ once fixed. Seed folders that do not
# exist are skipped. A crash exits 1 (libFuzzer's own 77 reads as "skipped" to meson, which
# would hide it).
# The run is the same on every machine: a fixed seed (FUZZ_SEED, default 1), a fixed number of
# inputs rather than a time, and a corpus that starts empty each time. A time limit would let a
# faster machine go further than the one the suite was checked on, and find what nobody saw
# before CI. Fuzz with other seeds and for longer by hand (FUZZ_RUNS) to look further; a cap
# of FUZZ_SECONDS (default 200) keeps a slow machine within the test's timeout.
set -eu
fuzzer=$1 work=$2 runs=${FUZZ_RUNS:-$3} max_len=$4
shift 4
rm -rf "$work"
mkdir -p "$work/corpus"
seeds=""
for dir in "$@"; do
  [ -d "$dir" ] && seeds="$seeds $dir"
done
# shellcheck disable=SC2086  # the seed folders are one word each
exec "$fuzzer" -runs="$runs" -max_total_time="${FUZZ_SECONDS:-200}" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
  -print_final_stats=1 -error_exitcode=1 -seed="${FUZZ_SEED:-1}" -artifact_prefix="$work/" "$work/corpus" $seeds
