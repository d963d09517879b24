-- wrk script: the same pages with a different date for every request (a user dragging the date
-- slider), so most answers must be computed rather than taken from the server's answer cache.
local counter = 0
request = function()
  counter = counter + 1
  local day = counter % 1500
  local date = os.date("!%Y-%m-%d", 1514764800 + day * 86400)  -- from 2018-01-01 on
  local which = counter % 3
  if which == 0 then return wrk.format("GET", "/api/measures/leerlingen?at=" .. date) end
  if which == 1 then return wrk.format("GET", "/api/measures/thuiszitters?at=" .. date) end
  return wrk.format("GET", "/api/measures/wachtlijst?at=" .. date)
end
