-- GET /v2/pet/{id} for random ids among the loaded pets (FIRST_ID .. FIRST_ID + COUNT - 1)
local first = tonumber(os.getenv("FIRST_ID") or "100000")
local count = tonumber(os.getenv("COUNT") or "10000")
math.randomseed(os.time())
request = function()
  return wrk.format("GET", "/v2/pet/" .. (first + math.random(0, count - 1)))
end
