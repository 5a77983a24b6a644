-- Post one new comment per request, each with a text no other request used.
--   wrk … -s bench/submit.lua http://127.0.0.1:8090 -- api <slug> <run-tag>
--   wrk … -s bench/submit.lua http://127.0.0.1:8090 -- form <slug> <run-tag> <csrf-field> <xsrf-cookie>
-- The API answers 202 and the form 303 for a stored comment; anything else is counted as such.
-- Texts start with "Load <run-tag>-" so the driver can count the stored rows afterwards.
package.path = debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua;" .. package.path
local report = require("report")
local threadCount = 0

local topics = {
  "the bridge repairs", "the school timetable", "the water supply", "the market closures",
  "the new bus routes", "the library works", "the hospital wing", "the budget vote",
}

-- PACE_MS=N: each connection waits N ms before each request, a steady trickle instead of a flood.
local pace = tonumber(os.getenv("PACE_MS") or "")
if pace then
  function delay() return pace end
end

function setup(thread)
  threadCount = threadCount + 1
  thread:set("threadNo", threadCount)
  report.track(thread)
end

local function formEncode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", c:byte()) end))
end

local function jsonEscape(s)
  return (s:gsub('[\\"]', "\\%0"))
end

-- A body is fixed parts around the request's number n (digits and "-", the same in both
-- encodings), encoded once here: encoding the whole form body per request cost wrk 40 % more CPU
-- than the JSON body, on the two cores the server under test shares with it.
function init(args)
  codes = {}
  mode, slug, tag = args[1], args[2], args[3]
  sent = 0
  local lead = "Load " .. tag .. "-"
  tails = {}
  for i, topic in ipairs(topics) do
    tails[i] = ": I read the piece about " .. topic .. " twice, and the council still has not " ..
      "said when the work will finish or who pays for the delay. Please keep asking them."
  end
  if mode == "form" then
    wrk.headers["Cookie"] = "XSRF-TOKEN=" .. args[5]
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
    path = "/articles/" .. slug .. "/comments"
    beforeName = "_csrf=" .. formEncode(args[4]) .. "&name=" .. formEncode("Reader ")
    beforeEmail = "&email=" .. formEncode("reader")
    beforeText = formEncode("@example.org") .. "&text=" .. formEncode(lead)
    for i, t in ipairs(tails) do tails[i] = formEncode(t) end
  else
    wrk.headers["Content-Type"] = "application/json"
    path = "/api/articles/" .. slug .. "/comments"
    beforeName = '{"name":"' .. jsonEscape("Reader ")
    beforeEmail = '","email":"' .. jsonEscape("reader")
    beforeText = jsonEscape("@example.org") .. '","text":"' .. jsonEscape(lead)
    for i, t in ipairs(tails) do tails[i] = jsonEscape(t) .. '"}' end
  end
end

function request()
  sent = sent + 1
  local n = threadNo .. "-" .. sent
  local body = beforeName .. n .. beforeEmail .. n .. beforeText .. n .. tails[sent % #tails + 1]
  return wrk.format("POST", path, nil, body)
end

function response(status) report.count(status) end

function done(summary, latency) report.summary(summary, latency) end
