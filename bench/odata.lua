-- The data service over the big seed: a contact by email, or an approval with its visas and their
-- approvers, picked at random; the session's cookie and BPMCSRF come from the environment.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local kind = os.getenv("BENCH_ODATA") or "email"
local contacts = tonumber(os.getenv("BENCH_CONTACTS") or "10000")
local approvals = tonumber(os.getenv("BENCH_APPROVALS") or "100000")

function init(args)
  errors = 0
  wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
  wrk.headers["BPMCSRF"] = os.getenv("BENCH_CSRF")
  math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16) % 1000)
end

function request()
  if kind == "email" then
    local email = string.format("c%05d@bench.local", math.random(0, contacts - 1))
    return wrk.format("GET", "/0/odata/Contact?$filter=Email%20eq%20%27" .. email .. "%27&$select=Id,Name")
  end
  local id = string.format("00000000-0000-4000-8000-%012d", math.random(0, approvals - 1))
  return wrk.format("GET", "/0/odata/Approval(" .. id .. ")?$expand=ApprovalVisaCollectionByApproval($expand=VisaOwner($select=Email))")
end

function response(status, headers, body)
  if status ~= 200 then
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
