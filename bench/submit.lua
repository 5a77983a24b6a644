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

function setup(thread)
  threadCount = threadCount + 1
  thread:set("threadNo", threadCount)
  report.track(thread)
end

local function formEncode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", c:byte()) end))
end

local function jsonString(s)
  return '"' .. s:gsub('[\\"]', "\\%0") .. '"'
end

function init(args)
  codes = {}
  mode, slug, tag = args[1], args[2], args[3]
  sent = 0
  if mode == "form" then
    csrf = args[4]
    wrk.headers["Cookie"] = "XSRF-TOKEN=" .. args[5]
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
  else
    wrk.headers["Content-Type"] = "application/json"
  end
end

function request()
  sent = sent + 1
  local n = threadNo .. "-" .. sent
  local text = "Load " .. tag .. "-" .. n .. ": I read the piece about " ..
    topics[sent % #topics + 1] .. " twice, and the council still has not said when the work " ..
    "will finish or who pays for the delay. Please keep asking them."
  local name = "Reader " .. n
  local email = "reader" .. n .. "@example.org"
  if mode == "form" then
    local body = "_csrf=" .. formEncode(csrf) .. "&name=" .. formEncode(name) ..
      "&email=" .. formEncode(email) .. "&text=" .. formEncode(text)
    return wrk.format("POST", "/articles/" .. slug .. "/comments", nil, body)
  end
  local body = '{"name":' .. jsonString(name) .. ',"email":' .. jsonString(email) ..
    ',"text":' .. jsonString(text) .. '}'
  return wrk.format("POST", "/api/articles/" .. slug .. "/comments", nil, body)
end

function response(status) report.count(status) end

function done(summary, latency) report.summary(summary, latency) end
