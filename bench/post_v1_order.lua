-- POST /v1/orders, each request for a different available pet: the ids in PET_IDS (one per line)
-- are split between wrk's threads (thread n takes ids n, n + T, n + 2T, ...), so no two requests
-- race for one pet. When a thread runs out of ids its requests get 409s, counted as errors.
local threads = {}
local counter = 0
function setup(thread)
  thread:set("index", counter)
  counter = counter + 1
  table.insert(threads, thread)
end
function init(args)
  ids = {}
  local all = {}
  for line in io.lines(os.getenv("PET_IDS")) do table.insert(all, line) end
  local total = tonumber(os.getenv("THREADS") or "2")
  for i = index + 1, #all, total do table.insert(ids, all[i]) end
  next_id = 1
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end
function request()
  local id = ids[next_id] or ids[#ids]
  next_id = next_id + 1
  return wrk.format(nil, "/v1/orders", nil, '{"petId":"' .. id .. '"}')
end
