-- wrk script for the load tool: cycles through the query mix (one request path a line in the file
-- given after `--`), each thread from its own offset, and prints one parseable line at the end with
-- percentiles over every request wrk timed (wrk keeps each latency, to the microsecond).
local thread_count = 0

function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  counter = (id or 0) * 97
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "LOAD-RESULT requests=%d duration_us=%d errors=%d p50=%d p90=%d p99=%d p999=%d max=%d\n",
    summary.requests, summary.duration, e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
end
