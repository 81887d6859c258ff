#!/usr/bin/env bash
# Web page figures: first load (bytes, paint, gallery) and step-change latency, in Debian's headless Chromium.
# Usage: bench/page/run.sh [loads=20] [apps=20]   (as root, with bubblewrap and /usr/bin/chromium installed;
# builds the jar and the test classes if needed). The report is printed and kept in target/pagebench-*.txt.
set -euo pipefail
cd "$(dirname "$0")/../.."
LOADS=${1:-20}; APPS=${2:-20}
[ -f target/spawnai.jar ] && [ -d target/test-classes ] \
  || ./mvnw -B -q -o -DskipTests package || ./mvnw -B -q -DskipTests package
[ -f target/pagebench.cp ] || ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/pagebench.cp \
  -Dmdep.includeScope=test >/dev/null
DATA=$(pwd)/target/pagebench-data/$(date +%s); mkdir -p "$DATA"; chmod 755 target/pagebench-data "$DATA"
REPORT=target/pagebench-$(date +%Y%m%d-%H%M%S).txt
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
API=$(free_port); GW=$(free_port)
java -jar target/spawnai.jar serve --server.port=$API --spawnai.gateway.port=$GW --spawnai.data-dir="$DATA/server" \
  > "$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$API/actuator/health" >/dev/null; do
  kill -0 $SERVER 2>/dev/null || { echo "server did not start, see $DATA/server.log" >&2; exit 1; }
  sleep 0.2
done
{
  echo "machine: $(nproc) cores, $(free -m | awk '/Mem:/{print $2}') MiB, kernel $(uname -r)," \
    "load $(cut -d' ' -f1-3 /proc/loadavg) (before)"
  java -cp "target/classes:target/test-classes:$(cat target/pagebench.cp)" bench/page/PageBench.java \
    "http://localhost:$API/" "$LOADS" "$APPS"
  echo "load $(cut -d' ' -f1-3 /proc/loadavg) (after)"
} 2>&1 | tee "$REPORT"
kill $SERVER; wait $SERVER 2>/dev/null || true; trap - EXIT
echo "report: $REPORT"
