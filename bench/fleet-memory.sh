#!/usr/bin/env bash
# The bot's memory during a fleet audit (issue "organization at scale": peak RSS ≤ 256 MB for 10,000 accounts): the
# bot from this tree's ./rootbot (its JVM flags), `/root audit all` over a generated organization, resident memory
# sampled until the summary is posted. Rerunnable; about two minutes for 10,000 accounts on 2 cores.
#   bench/fleet-memory.sh                              # 10,000 accounts
#   BENCH_ACCOUNTS=1000 bench/fleet-memory.sh          # a quick look
#   BENCH_AWS_LATENCY_MS=20 bench/fleet-memory.sh      # latency on every AWS call
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
(cd "$root" && mvn -q -DskipTests package)
exec java -cp "$root/sandbox/target/sandbox.jar" "$root/bench/driver/FleetMemory.java" "$root"
