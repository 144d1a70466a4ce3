#!/usr/bin/env bash
# Ack benchmark (issue 11): Rootbot, a bare Bolt-for-Java app on Javalin (the framework floor) and a minimal Bolt
# for JavaScript app, in turn, each acking the same freshly signed /root requests sent by wrk, against the same
# simulated Slack; several rounds, interleaved; prints medians and the ratios to Bolt for JavaScript.
#   bench/ack.sh                          # this tree: ~7 minutes with the defaults, after the build
#   BENCH_SECONDS=2 BENCH_WARMUP=1 BENCH_ROUNDS=1 bench/ack.sh     # a quick look, about a minute
#   bench/ack.sh --baseline main          # also GIT_REF's Rootbot, built in a temporary worktree, interleaved
# See bench/README.md for every setting and how to read the table.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/prepare.sh"
prepare "$@"
exec python3 "$here/ack.py" "${TREES[@]}"
