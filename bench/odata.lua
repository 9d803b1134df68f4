-- The data service over the big seed: a contact by email, or an approval with its visas and their
-- approvers, picked at random; the session's cookie and BPMCSRF come from the environment.
dofile("bench/report.lua")

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
    unexpected(status, body)
  end
end
