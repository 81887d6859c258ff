#!/usr/bin/env bash
# Spawn latency, sandbox start, leftovers after spawn/destroy cycles, the offline catalog end to end, and offline
# generation time.
# Usage: bench/run.sh [spawns=50] [cycles=100]   (as root, with bubblewrap installed; builds the jar if needed)
set -euo pipefail
cd "$(dirname "$0")/.."
SPAWNS=${1:-50}; CYCLES=${2:-100}
./mvnw -B -q -o -DskipTests package || ./mvnw -B -q -DskipTests package
[ -f target/bench.cp ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
DATA=$(pwd)/target/bench-data/$(date +%s); mkdir -p "$DATA"; chmod 755 "$DATA"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
API=$(free_port); GW=$(free_port)
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, kernel $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar target/spawnai.jar serve --server.port=$API --spawnai.gateway.port=$GW --spawnai.data-dir="$DATA/server" \
  > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$API/actuator/health" >/dev/null; do sleep 0.2; done
java bench/spawn/SpawnBench.java "http://127.0.0.1:$API" "$DATA/server" "$SPAWNS" "$CYCLES" latency,catalog
kill $SERVER; wait $SERVER 2>/dev/null || true
# leftovers: a server without a warm pool (pooled sandboxes are meant to stay), checked while it still runs
java -jar target/spawnai.jar serve --server.port=$API --spawnai.gateway.port=$GW --spawnai.data-dir="$DATA/cycles" \
  --spawnai.sandbox.pool-size=0 > "$DATA/cycles.log" 2>&1 &
SERVER=$!
until curl -sf "http://127.0.0.1:$API/actuator/health" >/dev/null; do sleep 0.2; done
java bench/spawn/SpawnBench.java "http://127.0.0.1:$API" "$DATA/cycles" "$SPAWNS" "$CYCLES" cycles
kill $SERVER; wait $SERVER 2>/dev/null || true; trap - EXIT
java -cp "target/classes:$(cat target/bench.cp)" bench/sandbox/SandboxBench.java "$DATA/sandbox-bench" 100 2>/dev/null \
  | grep -v " INFO "
java -cp "target/classes:$(cat target/bench.cp)" bench/generation/BlueprintBench.java 200 2>/dev/null | grep -v " INFO "
