-- wrk script for bench/ack.sh: sends requests that were signed beforehand, each exactly once.
--   wrk -s bench/signed.lua URL -- PREFIX MARKER
-- Thread N reads PREFIX.N (one request a line: timestamp TAB signature TAB form body) and sends its lines
-- in order; a thread that runs out stops rather than send a request twice (Rootbot answers a replayed
-- signature once). Each answer is checked: status 200, MARKER in the body; "busy" answers are counted apart.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  prefix, marker = args[1], args[2]
  requests = {}
  for line in io.lines(prefix .. "." .. id) do
    local timestamp, signature, body = line:match("^(%d+)\t(%S+)\t(.*)$")
    requests[#requests + 1] = wrk.format("POST", "/slack/events", {
      ["Content-Type"] = "application/x-www-form-urlencoded",
      ["X-Slack-Request-Timestamp"] = timestamp,
      ["X-Slack-Signature"] = signature,
    }, body)
  end
  sent, exhausted, ok, busy, unexpected, non200 = 0, 0, 0, 0, 0, 0
end

function request()
  if sent >= #requests then
    exhausted = 1
    wrk.thread:stop()
    return wrk.format("GET", "/healthz") -- a signed request is never sent twice, not even this last one
  end
  sent = sent + 1
  return requests[sent]
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  elseif body:find("is busy right now", 1, true) then
    busy = busy + 1
  elseif body:find(marker, 1, true) then
    ok = ok + 1
  else
    unexpected = unexpected + 1
  end
end

function done(summary, latency, requests)
  local totals = { sent = 0, exhausted = 0, ok = 0, busy = 0, unexpected = 0, non200 = 0 }
  for _, thread in ipairs(threads) do
    for key, _ in pairs(totals) do
      totals[key] = totals[key] + thread:get(key)
    end
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f ok=%d busy=%d unexpected=%d " ..
    "non200=%d socket_errors=%d timeouts=%d exhausted=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000, totals.ok, totals.busy, totals.unexpected, totals.non200,
    e.connect + e.read + e.write, e.timeout, totals.exhausted))
end
