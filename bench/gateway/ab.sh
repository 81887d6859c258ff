#!/usr/bin/env bash
# Two builds of the gateway side by side: bench/gateway/GatewayOnly.java started from two class directories (A, B),
# both in front of one node (bench/gateway/server.js) on the host under a 0.5-core cpu quota, and wrk alternating
# between them, round after round. Prints, per round and connection count: rps, the gateway loop's cpu per request
# (µs, /proc ticks of its event-loop thread) and the node's cpu per request, for A then B. Without the sandbox or
# SpawnAI around it, this tells a change in the gateway's own cost from the machine's noise.
#
# Usage: bench/gateway/ab.sh CLASSES_A [CLASSES_B=target/classes]
#   e.g. git worktree add /tmp/old <commit> && (cd /tmp/old && ./mvnw -q -o -DskipTests compile) &&
#        bench/gateway/ab.sh /tmp/old/target/classes
#   (as root, with wrk, node, cgroup v1 cpu; ROUNDS=4, CONNS="1 4 16 64", SECONDS_EACH=5, OPTS_A/OPTS_B JVM options)
set -euo pipefail
cd "$(dirname "$0")/../.."
CLS_A=${1:?class directory of build A}; CLS_B=${2:-target/classes}
ROUNDS=${ROUNDS:-4}; SECONDS_EACH=${SECONDS_EACH:-5}; read -r -a CONNS <<< "${CONNS:-1 4 16 64}"
[ -f target/bench.cp ] || ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp > /dev/null
CP=$(cat target/bench.cp)
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
NODE_PORT=$(free_port); PA=$(free_port); PB=$(free_port)
CG=/sys/fs/cgroup/cpu/gwab-$$
NODE=; A=; B=
cleanup() {
  set +e
  for pid in "$A" "$B" "$NODE"; do if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi; done
  if [ -d "$CG" ]; then rmdir "$CG"; fi
}
trap cleanup EXIT
mkdir "$CG"; echo 100000 > "$CG/cpu.cfs_period_us"; echo 50000 > "$CG/cpu.cfs_quota_us"
PORT=$NODE_PORT sh -c "echo \$\$ > $CG/cgroup.procs && exec node bench/gateway/server.js" & NODE=$!
# shellcheck disable=SC2086 # OPTS_* are word lists
java ${OPTS_A:-} -cp "$CLS_A:$CP" bench/gateway/GatewayOnly.java "$PA" abc "$NODE_PORT" > /dev/null 2>&1 & A=$!
# shellcheck disable=SC2086
java ${OPTS_B:-} -cp "$CLS_B:$CP" bench/gateway/GatewayOnly.java "$PB" abc "$NODE_PORT" > /dev/null 2>&1 & B=$!
for port in "$PA" "$PB"; do
  until curl -sf -H "Host: 3000-abc.localhost:$port" "http://127.0.0.1:$port/" > /dev/null; do sleep 0.2; done
done
loop() { for t in /proc/"$1"/task/*; do if [ "$(cat "$t/comm")" = spawnai-gateway ]; then echo "$t"; fi; done | head -1; }
LA=$(loop "$A"); LB=$(loop "$B")
ticks() { awk '{print $14 + $15}' "$1/stat"; }
run() { # port loop-dir connections -> "rps loop-us/request node-us/request"
  local a b na nb rps
  a=$(ticks "$2"); na=$(ticks "/proc/$NODE")
  rps=$(wrk -t1 -c"$3" -d"${SECONDS_EACH}"s -H "Host: 3000-abc.localhost:$1" "http://127.0.0.1:$1/" \
    | awk '/Requests\/sec/ {print $2}')
  b=$(ticks "$2"); nb=$(ticks "/proc/$NODE")
  python3 -c "t = 1e6 / $(getconf CLK_TCK); n = $rps * $SECONDS_EACH
print('%.0f %.1f %.1f' % ($rps, ($b - $a) * t / n, ($nb - $na) * t / n))"
}
for c in 1 16; do run "$PA" "$LA" "$c" > /dev/null; run "$PB" "$LB" "$c" > /dev/null; done # warm-up (JIT)
echo "round conns | A: rps loop-us node-us | B: rps loop-us node-us"
for round in $(seq "$ROUNDS"); do
  for c in "${CONNS[@]}"; do echo "$round $c | $(run "$PA" "$LA" "$c") | $(run "$PB" "$LB" "$c")"; done
done
