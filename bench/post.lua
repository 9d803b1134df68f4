-- One request shape, sent again and again: a POST with a body (the refused path, a stub's answer)
-- or a GET; answers other than the expected status count as errors.
dofile("bench/report.lua")

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
    unexpected(status, body)
  end
end
