-- wrk's summary as one machine-readable line: rps, latency percentiles in microseconds, errors.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT rps=%.1f p50=%d p90=%d p99=%d max=%d requests=%d errors=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, summary.requests, e.connect + e.read + e.write + e.status + e.timeout))
end
