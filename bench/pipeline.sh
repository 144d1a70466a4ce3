#!/usr/bin/env bash
# Pipeline benchmark (issue 11): signed /root requests at a target rate → time until each card is posted, approve
# clicks → time until each result is posted in the thread, against the simulated Slack and AWS; the bot's CPU,
# cold start and resident memory (peak, and after N requests and a GC).
#   bench/pipeline.sh                                   # 60 s per phase at 200 requests/s, memory after 10,000
#   BENCH_SECONDS=15 BENCH_RATE=50 BENCH_RSS_REQUESTS=1000 bench/pipeline.sh   # a quick look
#   bench/pipeline.sh --baseline main                   # also GIT_REF's Rootbot, phase by phase
# ROOTBOT_JAVA_OPTS replaces the launcher's JVM flags (e.g. ROOTBOT_JAVA_OPTS=" " for the JVM's own defaults).
# See bench/README.md for every setting and how to read the tables.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source "$here/prepare.sh"
prepare "$@"
exec java -cp "$here/../sandbox/target/sandbox.jar" "$here/driver/Pipeline.java" "${TREES[@]}"
