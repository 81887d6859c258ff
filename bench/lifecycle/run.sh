#!/usr/bin/env bash
# Warm-pool hand-over (create-to-running) against create without a pool, create until the app's process runs
# (pooled, not, and a bare bwrap), and thaw latency of a paused node app,
# on real bubblewrap (root). Runs LifecycleBench (src/test/java/ai/spawn/sandbox/local) through Maven.
# usage: bench/lifecycle/run.sh [RUNS=300]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-300}
echo "machine: $(nproc) cpus, $(awk '/MemTotal/ {printf "%d MiB", $2/1024}' /proc/meminfo), kernel $(uname -r)," \
  "load $(cut -d' ' -f1-3 /proc/loadavg)"
./mvnw -B -o test -Dtest=LifecycleBench -Dbench.runs="$RUNS" -Dbench.warmup=20 \
  -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E '^(hand-over|create|pause|resume|request|running)' || {
  echo "the bench failed; run it again without the filter to see why" >&2; exit 1; }
