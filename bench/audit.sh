#!/usr/bin/env bash
# Audit benchmark: the audit task's wall time with 100 ms of injected latency on every AWS call it makes
# (AssumeRoot and the seven IAM reads), its reads in parallel versus one after another, against the
# simulated AWS organization. JMH single-shot runs; prints each variant's median and the ratio.
#   bench/audit.sh                 # 3 warm-up + 15 measured runs of each
#   bench/audit.sh -wi 1 -i 5      # any JMH options
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -pl actions -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-classpath.txt" >/dev/null
cp="actions/target/test-classes:actions/target/classes:$(cat target/bench-classpath.txt)"
java -cp "$cp" org.openjdk.jmh.Main AuditBenchmark -rff target/audit-benchmark.json -rf json "$@"
python3 - <<'PY'
import json, statistics
runs = {r["benchmark"].split(".")[-1]: [x for it in r["primaryMetric"]["rawData"] for x in it]
        for r in json.load(open("target/audit-benchmark.json"))}
for name, xs in sorted(runs.items()):
    print(f"{name:>10}: median {statistics.median(xs):7.1f} ms over {len(xs)} runs (min {min(xs):.1f}, max {max(xs):.1f})")
if {"parallel", "sequential"} <= runs.keys():
    print(f"sequential / parallel: {statistics.median(runs['sequential']) / statistics.median(runs['parallel']):.2f}x")
PY
