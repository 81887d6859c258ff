#!/usr/bin/env bash
# Claude-path figures against a protocol fake: per-app time outside the model (POST -> LIVE minus the fake's
# answering time) against two baselines (the same files as a bundle; the offline blueprint engine), cached repeats
# ($0, cached, under 1 s), then the in-process engine bench AnthropicOverheadBench.
# Usage: bench/claude/run.sh [spawns=20] [repeats=10] [model-ms=300]   (as root, with bubblewrap; builds if needed)
set -euo pipefail
cd "$(dirname "$0")/../.."
SPAWNS=${1:-20}; REPEATS=${2:-10}; MODEL_MS=${3:-300}
./mvnw -B -q -o -DskipTests package || ./mvnw -B -q -DskipTests package
[ -f target/bench-test.cp ] || ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench-test.cp \
  -Dmdep.includeScope=test >/dev/null
# short: the apps' unix sockets live below it and a socket path has at most 107 bytes
DATA=$(pwd)/target/cb/$(date +%s); mkdir -p "$DATA"; chmod 755 "$(dirname "$DATA")" "$DATA"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, kernel $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: bench/claude/run.sh $SPAWNS $REPEATS $MODEL_MS (data and server logs in $DATA)"
java -cp "target/classes:target/test-classes:$(cat target/bench-test.cp)" bench/claude/ClaudeBench.java "$DATA" \
  "$SPAWNS" "$REPEATS" "$MODEL_MS"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "AnthropicOverheadBench (generate() in process against FakeAnthropicServer, no model time):"
./mvnw -B -o test -Dtest=AnthropicOverheadBench -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep '^claude '
