-- GET a list of addresses in turn, one per request: searches with different words.
--   wrk … -s bench/search.lua BASE -- FILE   (FILE: one path per line, e.g. /api/search?q=…)
package.path = debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua;" .. package.path
local report = require("report")

function setup(thread) report.track(thread) end

function init(args)
  codes = {}
  report.randomize()
  paths = {}
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  at = math.random(#paths)
end

function request()
  at = at % #paths + 1
  return wrk.format("GET", paths[at])
end

function response(status) report.count(status) end

function done(summary, latency) report.summary(summary, latency) end
