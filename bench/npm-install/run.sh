#!/usr/bin/env bash
# `npm install express` in a sandbox with a warm template cache, with baselines in the same run (see
# NpmInstallBench.java). Usage: bench/npm-install/run.sh [runs=10]  (as root, with bubblewrap, node, npm and the
# npm registry reachable; builds the classes if needed; the first run builds the node template, ~10-30 s)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-10}
./mvnw -B -q -o -DskipTests compile || ./mvnw -B -q -DskipTests compile
[ -f target/bench.cp ] || ./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
DATA=$(pwd)/target/bench-data/npm-install; mkdir -p "$DATA"; chmod 755 "$DATA"
rm -rf "$DATA"/cold
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, kernel $(uname -r), node $(node -v)," \
  "npm $(npm -v), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "target/classes:$(cat target/bench.cp)" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  bench/npm-install/NpmInstallBench.java "$DATA" "$RUNS" 2>&1 | grep -v ' INFO \| DEBUG '
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
