-- GET one address over and over (pages, JSON, static files).
--   wrk … -s bench/fetch.lua URL [-- "Header: value"]   (one optional extra header, e.g. a key)
package.path = debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua;" .. package.path
local report = require("report")

function setup(thread) report.track(thread) end

function init(args)
  codes = {}
  if args[1] then
    local name, value = args[1]:match("^([^:]+):%s*(.*)$")
    wrk.headers[name] = value
  end
end

function response(status) report.count(status) end

function done(summary, latency) report.summary(summary, latency) end
