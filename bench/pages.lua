-- Pages of a long comment thread opened at random points, each address a cursor no reader asked
-- for a moment ago, so the answer is rendered afresh rather than taken from the page cache.
--   wrk … -s bench/pages.lua http://127.0.0.1:8090 -- <path> <first-id> <last-id>
--   path: /articles/showcase-20000?comments=after- (a comment id is appended) or
--         /api/articles/showcase-20000/comments?limit=50&after=
package.path = debug.getinfo(1, "S").source:sub(2):match("(.*/)") .. "?.lua;" .. package.path
local report = require("report")

function setup(thread) report.track(thread) end

function init(args)
  codes = {}
  path = args[1]
  first = tonumber(args[2])
  last = tonumber(args[3])
  report.randomize()
end

function request()
  return wrk.format("GET", path .. math.random(first, last))
end

function response(status) report.count(status) end

function done(summary, latency) report.summary(summary, latency) end
