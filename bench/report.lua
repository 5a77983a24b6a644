-- Shared reporting for the Diwan wrk scripts: counts answers by HTTP status in each thread and, at
-- the end, prints one line the driver parses:
--   SUMMARY rps=… p50=… p90=… p99=… max=… (ms) codes=200:…,303:… errors=… requests=…
local M = {}
local all = {}

-- Each thread gets a number of its own ("seed" in the thread), so random scripts differ per thread.
function M.track(thread)
  table.insert(all, thread)
  thread:set("seed", #all)
end

-- Seeds math.random for this thread (call from init).
function M.randomize()
  math.randomseed(os.time() * 100 + (seed or 0))
end

function M.count(status)
  codes[status] = (codes[status] or 0) + 1
end

function M.summary(summary, latency)
  local merged, order = {}, {}
  for _, thread in ipairs(all) do
    for code, n in pairs(thread:get("codes")) do
      if merged[code] == nil then table.insert(order, code) end
      merged[code] = (merged[code] or 0) + n
    end
  end
  table.sort(order)
  local parts = {}
  for _, code in ipairs(order) do parts[#parts + 1] = code .. ":" .. merged[code] end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "SUMMARY rps=%.1f p50=%.2f p90=%.2f p99=%.2f max=%.2f codes=%s errors=%d requests=%d bytes=%d\n",
    summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, table.concat(parts, ","),
    e.connect + e.read + e.write + e.timeout + e.status, summary.requests, summary.bytes))
end

return M
