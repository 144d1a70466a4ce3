#!/usr/bin/env bash
# Flood benchmark: how many log lines the bot writes per refused request under a flood of bad requests to
# /slack/events (unsigned, forged, stale, an overflowing timestamp), from wrk for FLOOD_SECONDS (30). The bot runs
# from bot/target/rootbot.jar with a throw-away SQLite store; nothing it needs is reachable, and nothing is needed,
# since every request is refused before Bolt. Waits one summary interval after the flood, so the last summary
# line is counted too.
#   bench/flood.sh                         # 30 s, 2 wrk threads, 16 connections
#   FLOOD_SECONDS=10 FLOOD_CONNECTIONS=4 bench/flood.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds=${FLOOD_SECONDS:-30}
connections=${FLOOD_CONNECTIONS:-16}
port=${FLOOD_PORT:-39123}
command -v wrk >/dev/null || { echo "flood.sh needs wrk (apt-get install -y wrk)" >&2; exit 2; }
[ -f bot/target/rootbot.jar ] || mvn -q -DskipTests package
dir=$(mktemp -d)
SLACK_BOT_TOKEN=xoxb-flood SLACK_SIGNING_SECRET=flood-signing-secret SLACK_API_URL=http://127.0.0.1:9/api/ \
  AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=AKIAFLOOD AWS_SECRET_ACCESS_KEY=flood AWS_ENDPOINT_URL=http://127.0.0.1:9 \
  ROOTBOT_STORE="sqlite:$dir/rootbot.db" PORT="$port" java -jar bot/target/rootbot.jar >"$dir/bot.log" 2>&1 &
bot=$!
trap 'kill "$bot" 2>/dev/null; wait "$bot" 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break
  kill -0 "$bot" 2>/dev/null || { cat "$dir/bot.log"; exit 1; }
  sleep 0.5
done
before=$(wc -l <"$dir/bot.log")
wrk -t2 -c"$connections" -d"${seconds}s" -s bench/flood.lua "http://127.0.0.1:$port/slack/events" | sed 's/^/  wrk: /'
during=$(( $(wc -l <"$dir/bot.log") - before ))
refused() { curl -fs "http://127.0.0.1:$port/metrics" \
  | awk '/^rootbot_slack_requests_total\{outcome="refused"/ { sum += $2 } END { printf "%d", sum }'; }
total=$(refused)
echo "waiting 65 s for the summary of the flood's tail..."
sleep 65
after=$(( $(wc -l <"$dir/bot.log") - before ))
echo "log lines written during the flood and after it:"
tail -n "$after" "$dir/bot.log" | cut -c1-220 | sed 's/^/  /'
python3 - "$total" "$during" "$after" "$seconds" <<'PY'
import sys
total, during, after, seconds = (int(x) for x in sys.argv[1:])
print(f"refused {total:,} requests in {seconds} s; log lines: {during} during the flood, {after} including the last summary")
print(f"log lines per refused request: {after / max(total, 1):.6f} (one line per {total / max(after, 1):,.0f} requests)")
PY
