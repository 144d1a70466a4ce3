#!/usr/bin/env bash
# The audit chain in the store: `audit verify` over 100,000 entries and their request rows, and the cost of one
# chained append against the same write without the chain (median µs), on SQLite and on PostgreSQL.
#   bench/audit-store.sh                                   # SQLite, and PostgreSQL at ROOTBOT_TEST_POSTGRES or 127.0.0.1
#   BENCH_DATABASES=sqlite bench/audit-store.sh            # one of them
# The JVM gets a 64 MB heap: verify streams the chain, so it needs no more.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -pl bot -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/target/bench-classpath.txt" >/dev/null
cp="bot/target/test-classes:bot/target/classes:$(cat target/bench-classpath.txt)"
server="${ROOTBOT_TEST_POSTGRES:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
for db in ${BENCH_DATABASES:-sqlite postgres}; do
  if [ "$db" = postgres ]; then
    schema="rootbot_bench_$$"
    psql "postgresql://postgres@127.0.0.1:5432/test" -qc "CREATE SCHEMA $schema" >/dev/null
    trap 'psql "postgresql://postgres@127.0.0.1:5432/test" -qc "SET client_min_messages = warning; DROP SCHEMA IF EXISTS '"$schema"' CASCADE" >/dev/null' EXIT
    java -Xmx64m -cp "$cp" dev.rootbot.bot.store.AuditStoreBench postgres "$server&currentSchema=$schema"
  else
    java -Xmx64m -cp "$cp" dev.rootbot.bot.store.AuditStoreBench sqlite
  fi
done
