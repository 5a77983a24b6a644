-- Moderation queue: each request opens the pending queue at a random point (keyset cursor), the
-- way moderators page through a deep queue.
--   wrk … -s bench/queue.lua http://127.0.0.1:8090 -- <path> <max-id> "<Header: value>"
--   path: /api/moderation/queue?status=PENDING&limit=50 (cursor= appended) or
--         /moderation?status=PENDING (after= appended)
package.path = debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua;" .. package.path
local report = require("report")

function setup(thread) report.track(thread) end

function init(args)
  codes = {}
  path = args[1]
  maxId = tonumber(args[2])
  param = path:find("^/api/") and "cursor" or "after"
  local name, value = args[3]:match("^([^:]+):%s*(.*)$")
  wrk.headers[name] = value
  report.randomize()
end

function request()
  -- the first page now and then, otherwise anywhere in the queue
  local cursor = math.random(10) == 1 and 0 or math.random(maxId)
  return wrk.format("GET", path .. "&" .. param .. "=" .. cursor)
end

function response(status) report.count(status) end

function done(summary, latency) report.summary(summary, latency) end
