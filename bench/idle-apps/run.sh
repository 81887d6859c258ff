#!/usr/bin/env bash
# N idle live node apps on this machine: API latency while they run, memory per app.
# usage: bench/idle-apps/run.sh [N=1000]      (root; builds target/spawnai.jar if missing)
# Starts its own SpawnAI (ports 18080/18081, a fresh data dir under target/), runs IdleApps.java against it,
# deletes the apps, stops the server and removes the data dir.
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-1000}
API_PORT=${API_PORT:-18080}
GW_PORT=${GW_PORT:-18081}
DATA="$(pwd)/target/bench-idle-apps-$$"
[ -f target/spawnai.jar ] || ./mvnw -B -o -q package -DskipTests
mkdir -p "$DATA"
echo "machine: $(nproc) cpus, $(awk '/MemTotal/ {printf "%d MiB", $2/1024}' /proc/meminfo), kernel $(uname -r)"
echo "server log: $DATA/server.log"
# workers=8: pipelines in parallel (default 4); the rest are SpawnAI's defaults (max-live 1000, pool 2 per template)
java ${JAVA_OPTS:-} -jar target/spawnai.jar serve --server.port="$API_PORT" --spawnai.gateway.port="$GW_PORT" \
  --spawnai.data-dir="$DATA" --spawnai.apps.workers=8 >"$DATA/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null || true
  if grep -q "$DATA" /proc/mounts; then
    echo "warning: mounts under $DATA are left; not removing it" >&2
  else
    rm -rf "$DATA"
  fi
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$API_PORT/actuator/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { echo "server died:"; tail -30 "$DATA/server.log"; exit 1; }
  sleep 1
done
java -Djdk.httpclient.allowRestrictedHeaders=host bench/idle-apps/IdleApps.java --api "http://127.0.0.1:$API_PORT" --apps "$N" --data-dir "$DATA" \
  --server-pid "$SERVER"
