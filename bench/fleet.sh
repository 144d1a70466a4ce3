#!/usr/bin/env bash
# Fleet benchmark: Rootbot's fleet audit of a generated organization in the simulated AWS (its own process), with
# latency on every call and AWS-like rate limits, beside the ideal those limits set and the same audit done "all at
# once" (a job per account, reads in sequence); then the engine's heap while it audits a larger fleet. Prints its
# figures as a table. Rerunnable; everything listens on 127.0.0.1 and every run ends by itself.
#   bench/fleet.sh                                    # 1,000 accounts, 20 ms, AssumeRoot 50/s, IAM 10/s per account; heap at 10,000
#   bench/fleet.sh --accounts 200 --heap-accounts 0   # a quick look
#   options: --accounts N --latency-ms MS --assume-root-rate R --iam-rate R --heap-accounts N (0: skip)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -pl actions -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-classpath.txt" >/dev/null
cp="actions/target/test-classes:actions/target/classes:sandbox/target/classes:$(cat target/bench-classpath.txt)"
# The engine's JVM has the launcher's flags (./rootbot) with a small heap on purpose: the audit must not need more
# than a bounded amount for any fleet. FLEET_BENCH_JAVA_OPTS replaces them. The heap phase runs in a JVM of its own,
# so that its peak resident set is the audit's alone.
opts=${FLEET_BENCH_JAVA_OPTS:-"-XX:+UseSerialGC -XX:InitialRAMPercentage=1 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -Xmx128m"}
java $opts -cp "$cp" dev.rootbot.actions.bench.FleetBenchmark --phases rates "$@"
java $opts -cp "$cp" dev.rootbot.actions.bench.FleetBenchmark --phases heap "$@"
