#!/usr/bin/env bash
# The gateway against the same app reached directly, side by side in one run: keep-alive requests for a 2-byte
# answer (wrk, 1/4/16/64 connections, rounds alternating the order of the ways) and 10 MiB streamed downloads, one
# after another on a keep-alive connection (wrk, one connection, the same alternating rounds).
#
# The app (bench/gateway/server.js) runs three times: as two bundle apps in sandboxes of a real SpawnAI (one as users
# get it, one started with NODE_OPTIONS emptied so that it keeps the relay, as every app did before), and as a plain
# node process on the host. Four ways to it:
#   direct   wrk -> node on the host (the baseline)
#   gateway  wrk -> SpawnAI's gateway -> the app's own unix socket in the sandbox -> node (what users get)
#   relay    wrk -> SpawnAI's gateway -> the sandbox's relay socket -> socat in the sandbox -> node (the path before
#            the app's own socket; still the path of python apps)
#   gw-host  wrk -> the gateway alone (bench/gateway/GatewayOnly.java, same code and defaults) -> node on the host
#            over TCP: the gateway's own cost, without the sandbox
# All nodes get the same cpu quota: the sandboxes through --spawnai.sandbox.cpu, the host node through a cgroup v1
# cpu group of its own (a sandbox's socat shares the sandbox's quota; the host node has no relay).
#
# Each run also records the cpu time per request of each piece on the path: the app (node), the sandbox's relay
# (the sandbox's cgroup minus the app: socat when it relays, nearly nothing otherwise), the gateway's event loop and
# its whole JVM. On a shared machine rps swings with other load, cpu per request much less.
#
# Usage: bench/gateway/run.sh [cpu=0.5] [seconds=10] [rounds=3] [download-seconds=5]
#   (as root, with bubblewrap, wrk, curl, node and cgroup v1 cpu; builds the jar if it is missing or stale)
#   CONNECTIONS="1 4 16 64" and WAYS="direct gateway relay gw-host" in the environment choose what runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
CPU=${1:-0.5}; SECONDS_EACH=${2:-10}; ROUNDS=${3:-3}; DOWNLOAD_SECONDS=${4:-5}
read -r -a CONNECTIONS <<< "${CONNECTIONS:-1 4 16 64}"
read -r -a WAYS <<< "${WAYS:-direct gateway relay gw-host}"
HERE=bench/gateway

if [ ! -f target/spawnai.jar ] || [ -n "$(find src/main pom.xml -newer target/spawnai.jar -print -quit)" ]; then
  ./mvnw -B -q -o -DskipTests package || ./mvnw -B -q -DskipTests package
fi
[ -f target/bench.cp ] || ./mvnw -B -q -o dependency:build-classpath -Dmdep.outputFile=target/bench.cp > /dev/null
DATA=$(pwd)/target/gwbench-data/$(date +%s); mkdir -p "$DATA"; chmod 755 target target/gwbench-data "$DATA"
RESULTS=$DATA/results.tsv; : > "$RESULTS"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
API=$(free_port); GW=$(free_port); GWHOST=$(free_port); DIRECT=$(free_port)
CGROUP=/sys/fs/cgroup/cpu/gwbench-$$; ACCT=/sys/fs/cgroup/cpuacct/gwbench-$$
SERVER=; ALONE=; NODE=; APP=; RELAY_APP=; TOKEN=

cleanup() {
  set +e
  for app in "$APP" "$RELAY_APP"; do
    if [ -n "$app" ]; then
      curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$API/api/v1/apps/$app"
    fi
  done
  for pid in "$NODE" "$ALONE" "$SERVER"; do
    if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; fi
  done
  for c in "$CGROUP" "$ACCT"; do if [ -d "$c" ]; then rmdir "$c"; fi; done
  # the server's own parent cgroups (spawnai-<hash of the data dir>), empty once its sandboxes are gone
  local parent; parent=spawnai-$(printf %s "$DATA/server" | sha256sum | cut -c1-10)
  for c in /sys/fs/cgroup/*/"$parent"; do if [ -d "$c" ]; then rmdir "$c" 2>/dev/null; fi; done
  return 0
}
trap cleanup EXIT

machine() {
  echo "machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), \
$(free -g | awk '/Mem:/{print $2}') GiB RAM, kernel $(uname -r), load $1 $(cut -d' ' -f1-3 /proc/loadavg)"
}
machine before

# ---- SpawnAI with the app in a sandbox
java -jar target/spawnai.jar serve --server.port="$API" --spawnai.gateway.port="$GW" \
  --spawnai.data-dir="$DATA/server" --spawnai.sandbox.cpu="$CPU" > "$DATA/server.log" 2>&1 &
SERVER=$!
for _ in $(seq 600); do
  if curl -sf "http://127.0.0.1:$API/actuator/health" > /dev/null; then break; fi
  kill -0 "$SERVER" 2>/dev/null || { tail -20 "$DATA/server.log"; exit 1; }
  sleep 0.2
done
api() { curl -sf -X "$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  ${3:+--data-binary "$3"} "http://127.0.0.1:$API$2"; }
json() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }
TOKEN=$(api POST /api/v1/sessions | json "['token']")
# the app's sandbox is the one running node that no earlier app has (spare sandboxes of the warm pool run only a
# waiting tar)
CGROUPS=/sys/fs/cgroup/cpuacct/spawnai-$(printf %s "$DATA/server" | sha256sum | cut -c1-10)
node_in() { while read -r p; do if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = node ]; then echo "$p"; fi; done \
  < "$1/cgroup.procs" | head -1; }
deploy() { # start command -> "app-id sandbox-cgroup node-pid"
  local bundle id status= d node
  bundle=$(python3 -c 'import json,sys; print(json.dumps({"bundle": {"title": "gateway bench", "runtime": "node",
    "start": sys.argv[2], "port": 3000, "files": {"server.js": open(sys.argv[1]).read()}}}))' "$HERE/server.js" "$1")
  id=$(api POST /api/v1/apps "$bundle" | json "['id']")
  for _ in $(seq 600); do
    status=$(api GET "/api/v1/apps/$id" | json "['status']")
    if [ "$status" = LIVE ] || [ "$status" = FAILED ]; then break; fi
    sleep 0.2
  done
  [ "$status" = LIVE ] || { echo "app $id is $status" >&2; return 1; }
  for d in "$CGROUPS"/sbx-*; do
    node=$(node_in "$d")
    if [ -n "$node" ] && [ "$d" != "${SANDBOX:-}" ]; then echo "$id $d $node"; return 0; fi
  done
  echo "cannot find the sandbox of app $id" >&2; return 1
}
SANDBOX=
read -r APP SANDBOX APP_NODE <<< "$(deploy "node server.js")"
[ -n "$APP_NODE" ] || exit 1
# an empty NODE_OPTIONS drops SpawnAI's preload: the app does not open its own socket and keeps the relay
read -r RELAY_APP RELAY_SANDBOX RELAY_NODE <<< "$(deploy "NODE_OPTIONS= node server.js")"
[ -n "$RELAY_NODE" ] || exit 1
RUN_DIR=$DATA/server/sandboxes/$(basename "$SANDBOX")/run
RELAY_RUN=$DATA/server/sandboxes/$(basename "$RELAY_SANDBOX")/run
[ -S "$RUN_DIR/direct.sock" ] || { echo "the app did not open its own socket"; exit 1; }
[ ! -e "$RELAY_RUN/direct.sock" ] || { echo "the relay app opened its own socket"; exit 1; }
echo "SpawnAI $(grep -o 'Gateway listening on .*' "$DATA/server.log" | head -1)"
echo "apps: $APP (own socket, sandbox $(basename "$SANDBOX")), $RELAY_APP (relay, sandbox $(basename "$RELAY_SANDBOX"))"

# ---- the same server on the host, under the same cpu quota, and the gateway alone in front of it
mkdir "$CGROUP" "$ACCT"
echo 100000 > "$CGROUP/cpu.cfs_period_us"
QUOTA=$(python3 -c "print(round($CPU * 100000))"); echo "$QUOTA" > "$CGROUP/cpu.cfs_quota_us"
PORT=$DIRECT sh -c "echo \$\$ > $CGROUP/cgroup.procs && echo \$\$ > $ACCT/cgroup.procs && exec node $HERE/server.js" &
NODE=$!
java -cp "target/classes:$(cat target/bench.cp)" "$HERE/GatewayOnly.java" "$GWHOST" "$APP" "$DIRECT" \
  > "$DATA/gateway-only.log" 2>&1 &
ALONE=$!
until curl -sf "http://127.0.0.1:$DIRECT/" > /dev/null; do sleep 0.1; done
HOSTHDR="Host: 3000-$APP.localhost:$GW"; HOSTHDR_ALONE="Host: 3000-$APP.localhost:$GWHOST"
HOSTHDR_RELAY="Host: 3000-$RELAY_APP.localhost:$GW"
for _ in $(seq 300); do
  if curl -sf -H "$HOSTHDR_ALONE" "http://127.0.0.1:$GWHOST/" > /dev/null; then break; fi
  kill -0 "$ALONE" 2>/dev/null || { tail -20 "$DATA/gateway-only.log"; exit 1; }
  sleep 0.2
done
for h in "$HOSTHDR" "$HOSTHDR_RELAY"; do
  curl -sf -H "$h" "http://127.0.0.1:$GW/" > /dev/null || { echo "the gateway does not answer ($h)"; exit 1; }
done
echo "cpu quota: $CPU core for each sandbox (app + its socat) and for the host node (cgroup $CGROUP)"

# ---- cpu time in microseconds: host node, sandbox (app + relay), sandboxed node, SpawnAI's gateway loop and JVM,
# the lone gateway's loop and JVM, the relay app's sandbox and node
loops() { for t in /proc/"$1"/task/*; do if [ "$(cat "$t/comm")" = spawnai-gateway ]; then echo "$t"; fi; done; }
LOOPS=$(loops "$SERVER"); LOOPS_ALONE=$(loops "$ALONE")
TICK=$((1000000 / $(getconf CLK_TCK)))
ticks() { local sum=0 f; for f in "$@"; do sum=$((sum + $(awk '{print $14 + $15}' "$f/stat"))); done; echo $((sum * TICK)); }
# shellcheck disable=SC2086 # LOOPS* are lists of paths
cpu_now() {
  echo "$(($(cat "$ACCT/cpuacct.usage") / 1000)) $(($(cat "$SANDBOX/cpuacct.usage") / 1000)) \
$(ticks "/proc/$APP_NODE") $(ticks $LOOPS) $(ticks "/proc/$SERVER") $(ticks $LOOPS_ALONE) $(ticks "/proc/$ALONE") \
$(($(cat "$RELAY_SANDBOX/cpuacct.usage") / 1000)) $(ticks "/proc/$RELAY_NODE")"
}
echo "cpu accounting: sandboxes $SANDBOX (node pid $APP_NODE), $RELAY_SANDBOX (node pid $RELAY_NODE)," \
  "gateway loops: SpawnAI $(echo "$LOOPS" | wc -l), alone $(echo "$LOOPS_ALONE" | wc -l)"
# what a way costs per request from two cpu_now readings: app relay gateway-loop gateway-jvm
cpu_per() { # way requests before(9) after(9)
  echo "$@" | awk '{ n = $2 > 0 ? $2 : 1; for (i = 1; i <= 9; i++) d[i] = ($(i + 11) - $(i + 2)) / n
    if ($1 == "direct") printf "%.1f 0 0 0", d[1]
    else if ($1 == "gateway") printf "%.1f %.1f %.1f %.1f", d[3], d[2] - d[3], d[4], d[5]
    else if ($1 == "relay") printf "%.1f %.1f %.1f %.1f", d[9], d[8] - d[9], d[4], d[5]
    else printf "%.1f 0 %.1f %.1f", d[1], d[6], d[7] }'
}
target() { # way -> curl/wrk arguments
  case $1 in
    direct) echo "http://127.0.0.1:$DIRECT" ;;
    gateway|relay) echo "http://127.0.0.1:$GW" ;;
    gw-host) echo "http://127.0.0.1:$GWHOST" ;;
  esac
}
host() {
  case $1 in gateway) echo "$HOSTHDR" ;; relay) echo "$HOSTHDR_RELAY" ;; gw-host) echo "$HOSTHDR_ALONE" ;;
    *) echo "Host: 127.0.0.1" ;; esac
}

# ---- keep-alive, small answers
wrk_once() { # way connections seconds [path] -> "rps p50 p90 p99 max requests errors app relay loop jvm"
  local before after result
  before=$(cpu_now)
  result=$(wrk -t1 -c"$2" -d"$3"s -H "$(host "$1")" -s "$HERE/report.lua" "$(target "$1")${4:-/}" \
    | awk '/^RESULT/ { for (i = 2; i <= NF; i++) { split($i, kv, "="); printf "%s ", kv[2] } }')
  after=$(cpu_now)
  echo "$result$(cpu_per "$1" "$(echo "$result" | cut -d' ' -f6)" "$before" "$after")"
}
# warm-up, not recorded: the JIT compiles the proxy paths (it burns cpu for tens of seconds), pools fill
for way in "${WAYS[@]}"; do wrk_once "$way" 1 3 /big > /dev/null; done
for c in "${CONNECTIONS[@]}"; do for way in "${WAYS[@]}"; do wrk_once "$way" "$c" 3 > /dev/null; done; done
printf 'round\tconns\tway\trps p50 p90 p99 max(us) requests errors | cpu us/request: app relay gateway-loop jvm\n'
for round in $(seq "$ROUNDS"); do
  # the order of the ways rotates from round to round
  shift_by=$((round % ${#WAYS[@]})); ways=("${WAYS[@]:$shift_by}" "${WAYS[@]:0:$shift_by}")
  for c in "${CONNECTIONS[@]}"; do
    for way in "${ways[@]}"; do
      printf '%s\t%s\t%s\t%s\n' "$round" "$c" "$way" "$(wrk_once "$way" "$c" "$SECONDS_EACH")" | tee -a "$RESULTS"
    done
  done
done

# ---- 10 MiB streamed answers
SUMS=$(for way in "${WAYS[@]}"; do
  curl -sf -H "$(host "$way")" "$(target "$way")/big" | sha256sum | cut -c1-16; done | sort -u)
echo "10 MiB sha256: $SUMS (the same through every way)"
[ "$(echo "$SUMS" | wc -l)" = 1 ] || { echo "the bodies differ"; exit 1; }
BIG_BYTES=$(curl -sf -o /dev/null -w '%{size_download}' "http://127.0.0.1:$DIRECT/big")
for round in $(seq "$ROUNDS"); do
  shift_by=$((round % ${#WAYS[@]})); ways=("${WAYS[@]:$shift_by}" "${WAYS[@]:0:$shift_by}")
  for way in "${ways[@]}"; do
    printf 'big\t%s\t%s\t%s\n' "$round" "$way" "$(wrk_once "$way" 1 "$DOWNLOAD_SECONDS" /big)" | tee -a "$RESULTS"
  done
done
machine after

# ---- summary: medians over the rounds
awk -F'\t' -v ways="${WAYS[*]}" -v bigbytes="$BIG_BYTES" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j-1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j-1]; a[j-1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function ms(us) { return sprintf("%.3f", us / 1000) }
  BEGIN { nw = split(ways, w, " ") }
  $1 == "big" {
    split($4, f, " "); brps[$3] = brps[$3] " " f[1]; bp50[$3] = bp50[$3] " " f[2]; berr += f[7]
    for (i = 1; i <= 4; i++) bigc[$3, i] = bigc[$3, i] " " f[i + 7]
    next
  }
  { split($4, f, " "); k = $2 SUBSEP $3; conns[$2] = 1
    rps[k] = rps[k] " " f[1]; p50[k] = p50[k] " " f[2]; p99[k] = p99[k] " " f[4]
    err[k] += f[7]; for (i = 1; i <= 4; i++) c[k, i] = c[k, i] " " f[i + 7] }
  END {
    print ""
    printf "| conns |"; for (i = 1; i <= nw; i++) printf " %s rps (of direct) |", w[i]
    printf " p50 / p99 ms:"; for (i = 1; i <= nw; i++) printf " %s%s", w[i], (i < nw ? "," : " |")
    printf " added p50 ms:"; for (i = 2; i <= nw; i++) printf " %s%s", w[i], (i < nw ? "," : " |")
    print " errors |"
    printf "|---|"; for (i = 1; i <= nw + 3; i++) printf "---|"; print ""
    for (n = 1; n <= 1024; n++) if (n in conns) {
      d = median(rps[n SUBSEP "direct"]); dp50 = median(p50[n SUBSEP "direct"]); errors = 0
      printf "| %d |", n
      for (i = 1; i <= nw; i++) { k = n SUBSEP w[i]; r = median(rps[k]); errors += err[k]
        if (w[i] == "direct") printf " %.0f |", r; else printf " %.0f (%.0f %%) |", r, (d > 0 ? 100 * r / d : 0) }
      printf ""; for (i = 1; i <= nw; i++) { k = n SUBSEP w[i]
        printf " %s / %s%s", ms(median(p50[k])), ms(median(p99[k])), (i < nw ? "," : " |") }
      for (i = 2; i <= nw; i++) printf " %s%s", ms(median(p50[n SUBSEP w[i]]) - dp50), (i < nw ? "," : " |")
      printf " %d |\n", errors
    }
    print ""
    print "| conns | cpu us/request, each way: app + relay + gateway loop (gateway JVM) |"
    print "|---|---|"
    for (n = 1; n <= 1024; n++) if (n in conns) {
      printf "| %d |", n
      for (i = 1; i <= nw; i++) { k = n SUBSEP w[i]
        printf " %s %.1f + %.1f + %.1f (%.1f)%s", w[i], median(c[k, 1]), median(c[k, 2]), median(c[k, 3]),
          median(c[k, 4]), (i < nw ? ";" : " |\n") }
    }
    mib = bigbytes / 1048576; d = median(brps["direct"])
    print ""
    printf "| %.0f MiB downloads, one keep-alive connection, medians |", mib
    for (i = 1; i <= nw; i++) printf " %s |", w[i]; print ""
    printf "|---|"; for (i = 1; i <= nw; i++) printf "---|"; print ""
    printf "| downloads/s |"; for (i = 1; i <= nw; i++) printf " %.1f |", median(brps[w[i]]); print ""
    printf "| throughput (of direct) |"
    for (i = 1; i <= nw; i++) { r = median(brps[w[i]]); printf " %.0f MiB/s (%.0f %%) |", r * mib, (d > 0 ? 100 * r / d : 0) }
    print ""
    printf "| time per download, p50 |"; for (i = 1; i <= nw; i++) printf " %s ms |", ms(median(bp50[w[i]])); print ""
    printf "| cpu ms per download: app + relay + gateway loop (JVM) |"
    for (i = 1; i <= nw; i++) printf " %.2f + %.2f + %.2f (%.2f) |", median(bigc[w[i], 1]) / 1000,
      median(bigc[w[i], 2]) / 1000, median(bigc[w[i], 3]) / 1000, median(bigc[w[i], 4]) / 1000
    print ""
    if (berr > 0) printf "download errors: %d\n", berr
  }' "$RESULTS"
echo "(samples: $RESULTS; medians over $ROUNDS rounds of ${SECONDS_EACH} s, downloads $ROUNDS rounds of \
${DOWNLOAD_SECONDS} s; cpu quota $CPU)"
