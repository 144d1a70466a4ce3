-- Bad requests to /slack/events for bench/flood.sh: unsigned, forged, stale and overflowing, in turn.
local now = os.time()
local bodies = {
  "command=%2Froot&text=unlock+bucket+payments-audit-logs+in+account+prod-payments+because+x",
  "payload=%7B%22type%22%3A%22block_actions%22%7D",
  "{\"type\":\"event_callback\",\"event\":{\"type\":\"app_mention\"}}",
}
local variants = {
  function(body) return {["Content-Type"] = "application/x-www-form-urlencoded"} end,
  function(body) return {["X-Slack-Request-Timestamp"] = "9223372036854775807", ["X-Slack-Signature"] = "v0=00"} end,
  function(body) return {["X-Slack-Request-Timestamp"] = tostring(now), ["X-Slack-Signature"] = "v0=" .. string.rep("a", 64)} end,
  function(body) return {["X-Slack-Request-Timestamp"] = tostring(now - 3600), ["X-Slack-Signature"] = "v0=deadbeef"} end,
  function(body) return {["X-Slack-Signature"] = "v0=00"} end,
}
local n = 0

request = function()
  n = n + 1
  local body = bodies[(n % #bodies) + 1]
  local headers = variants[(n % #variants) + 1](body)
  return wrk.format("POST", "/slack/events", headers, body)
end
