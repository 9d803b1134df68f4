-- What every benchmark script shares: the threads it ran on, wrong answers counted (the first few
-- shown on stderr), and the RESULT line run.sh reads. Loaded with dofile from the repository's root,
-- where run.sh runs wrk.
threads = {}

function track(thread)
  table.insert(threads, thread)
end

function setup(thread)
  track(thread)
end

-- Counts an answer that is not the expected one, in the calling thread's `errors`.
function unexpected(status, body)
  errors = errors + 1
  if errors <= 3 then io.stderr:write("unexpected answer " .. status .. ": " .. body:sub(1, 300) .. "\n") end
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
