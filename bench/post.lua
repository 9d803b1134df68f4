-- One request shape, sent again and again: a POST with a body (the refused path, a stub's answer)
-- or a GET; answers other than the expected status count as errors.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local expected = tonumber(os.getenv("BENCH_EXPECT") or "200")

function init(args)
  errors = 0
  wrk.method = os.getenv("BENCH_METHOD") or "POST"
  wrk.body = os.getenv("BENCH_BODY")
  wrk.headers["Content-Type"] = "application/json"
  local key = os.getenv("BENCH_KEY")
  if key then
    wrk.headers["X-Elma-Service"] = key
  end
end

function response(status, headers, body)
  if status ~= expected then
    errors = errors + 1
    if errors <= 3 then io.stderr:write("unexpected answer " .. status .. ": " .. body:sub(1, 300) .. "\n") end
  end
end

function done(summary, latency, requests)
  local failed = 0
  for _, thread in ipairs(threads) do
    failed = failed + thread:get("errors")
  end
  io.write(string.format("RESULT rps=%.1f p50=%.2f p99=%.2f max=%.2f errors=%d requests=%d socket_errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, failed, summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
