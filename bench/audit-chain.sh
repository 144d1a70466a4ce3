#!/usr/bin/env bash
# Audit chain benchmark: the cost of one chained entry (canonical JSON + SHA-256, median µs) and
# `audit verify` over 100,000 entries in memory with their request rows (the database read comes on top),
# and a JSON-lines export of them. JMH; prints each figure and its spread.
#   bench/audit-chain.sh                 # as annotated: 5 × 2 s of sampled appends, 10 verifies, 10 exports
#   bench/audit-chain.sh -wi 1 -i 3      # any JMH options
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -pl bot -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-classpath.txt" >/dev/null
cp="bot/target/test-classes:bot/target/classes:$(cat target/bench-classpath.txt)"
java -cp "$cp" org.openjdk.jmh.Main ChainBenchmark -rff target/audit-chain-benchmark.json -rf json "$@"
python3 - <<'PY'
import json, statistics
for r in json.load(open("target/audit-chain-benchmark.json")):
    name, metric = r["benchmark"].split(".")[-1], r["primaryMetric"]
    if r["mode"] == "sample":
        p = metric["scorePercentiles"]
        print(f"{name:>7}: median {p['50.0']:.2f} {metric['scoreUnit']} per entry (p90 {p['90.0']:.2f}, p99 {p['99.0']:.2f})")
    else:
        xs = [x for it in metric["rawData"] for x in it]
        print(f"{name:>7}: median {statistics.median(xs):.0f} ms for 100,000 entries over {len(xs)} runs"
              f" (min {min(xs):.0f}, max {max(xs):.0f})")
PY
