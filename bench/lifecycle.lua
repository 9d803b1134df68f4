-- The ELMA lifecycle mix: for each approval, CreateChainOfApproval with a chain of three contacts,
-- then the three resolutions in order. The walk covers BENCH_APPROVALS seeded approvals from number
-- BENCH_FIRST on, starting BENCH_OFFSET into them; past their end it starts again at the first (a
-- chain is accepted whatever the approval's status: the next pass opens a new round). Each wrk
-- thread walks its own share of the approvals in blocks: the creations of a block, then its first
-- resolutions, and so on. A block is far longer than the connections of a thread, so a request goes
-- out a block's worth of requests after the one it depends on: answered by then unless its latency
-- outlasted them all (the stand then rightly refuses the early resolution, and it counts as an error).
dofile("bench/report.lua")
local counter = 0

function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  track(thread)
end

local block = tonumber(os.getenv("BENCH_BLOCK") or "2048")
local approvals = tonumber(os.getenv("BENCH_APPROVALS") or "100000")
local contacts = tonumber(os.getenv("BENCH_CONTACTS") or "10000")
local first = tonumber(os.getenv("BENCH_FIRST") or "0")
local offset = tonumber(os.getenv("BENCH_OFFSET") or "0")
local key = os.getenv("BENCH_KEY") or "bench-key"

function init(args)
  total_threads = tonumber(os.getenv("BENCH_THREADS") or "1")
  -- wrk calls request() once on the first thread to check the script before the run; that call
  -- gets a repeat of the first creation, so that no creation is lost (a repeat changes nothing).
  n = -1
  errors = 0
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["X-Elma-Service"] = key
end

local function approval_id(i)
  return string.format("00000000-0000-4000-8000-%012d", i)
end

local function email(i)
  return string.format("c%05d@bench.local", i % contacts)
end

function request()
  -- n-th request of this thread: block b, step s (0 create, 1..3 resolutions), item k
  local i = math.max(n, 0)
  local b = math.floor(i / (block * 4))
  local r = i % (block * 4)
  local step = math.floor(r / block)
  local k = r % block
  n = n + 1
  local a = first + (offset + (b * block + k) * total_threads + index) % approvals
  local id = approval_id(a)
  if step == 0 then
    local chain = email(a * 3) .. ";" .. email(a * 3 + 1) .. ";" .. email(a * 3 + 2)
    return wrk.format("POST", "/ServiceModel/ElmaService.svc/CreateChainOfApproval", nil,
      '{"id_crm":"' .. id .. '","chain_of_approval":"' .. chain .. '"}')
  end
  return wrk.format("POST", "/ServiceModel/ElmaService.svc/ChangeApproverResolution", nil,
    '{"id_crm":"' .. id .. '","approver":"' .. email(a * 3 + step - 1) .. '","resolution":"Согласовано"}')
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, '"status":200', 1, true) then
    unexpected(status, body)
  end
end
