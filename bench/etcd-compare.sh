#!/usr/bin/env bash
# Side-by-side benchmark: a 3-member etcd 3.4 cluster and a 3-replica RaftOrchestrator (rorch) cluster, both on
# 127.0.0.1 of this machine, driven by the same load generator (bench/RaftOrchestrator.LoadGen, ro-loadgen) over
# the etcd v3 gRPC API. Each phase starts a fresh etcd cluster, measures, stops it, then does the same for rorch.
# Method and etcd figures: shared/docs/research/etcd-baseline.md. How to run: bench/README.md.
#
#   bench/etcd-compare.sh [--quick] [--phases put,range,watch,failover,fill] [--out DIR] [--only etcd|rorch|both]
#                         [--no-build]
#
# Environment knobs: WARMUP_OPS PUT_TOTAL RANGE_TOTAL MAX_SECONDS VALUE_SIZE WATCH_PUTS FILL_KEYS FAILOVER_ROUNDS
#   FAILOVER_TIMEOUT_MS STARTUP_TIMEOUT RORCH_DLL RORCH_CMD RORCH_EXTRA_ARGS ETCD_BIN ETCDCTL_BIN
set -uo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
LOADGEN_PROJECT="$REPO/bench/RaftOrchestrator.LoadGen"
LOADGEN_DLL="$LOADGEN_PROJECT/bin/Release/net10.0/ro-loadgen.dll"
RORCH_PROJECT="$REPO/src/RaftOrchestrator.Server"
RORCH_DLL=${RORCH_DLL:-"$RORCH_PROJECT/bin/Release/net10.0/rorch.dll"}
# The rorch member command, up to (not including) its per-member arguments. Word-split on spaces.
RORCH_CMD=${RORCH_CMD:-"dotnet $RORCH_DLL server"}
# Extra arguments appended to every rorch member's command line.
RORCH_EXTRA_ARGS=${RORCH_EXTRA_ARGS:-}
ETCD_BIN=${ETCD_BIN:-/usr/bin/etcd}
ETCDCTL_BIN=${ETCDCTL_BIN:-/usr/bin/etcdctl}
BUILD_LOCK=/tmp/ro-build.lock
RUN_LOCK=/tmp/ro-etcd-compare.lock
STATE_FILE=/tmp/ro-etcd-compare.state
ETCD_PORTS=(12379 12479 12579)   # client ports; peer = client + 1
RORCH_PORTS=(13379 13479 13579)
export ETCDCTL_API=3 DOTNET_EnableDiagnostics=0 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

usage() { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

# ---------------------------------------------------------------------------------------------------------------
# Arguments
QUICK=0 PHASES="put,range,watch,failover,fill" OUT="" ONLY=both BUILD=1
while (($#)); do
  case $1 in
    --quick) QUICK=1 ;;
    --phases) PHASES=${2:?--phases needs a value}; shift ;;
    --phases=*) PHASES=${1#*=} ;;
    --out) OUT=${2:?--out needs a value}; shift ;;
    --out=*) OUT=${1#*=} ;;
    --only) ONLY=${2:?--only needs a value}; shift ;;
    --only=*) ONLY=${1#*=} ;;
    --no-build) BUILD=0 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
  shift
done
case $ONLY in etcd|rorch|both) ;; *) echo "--only must be etcd, rorch or both" >&2; exit 2 ;; esac
IFS=',' read -ra PHASE_LIST <<<"$PHASES"
for p in "${PHASE_LIST[@]}"; do
  case $p in put|range|watch|failover|fill) ;; *) echo "unknown phase: $p" >&2; exit 2 ;; esac
done

if ((QUICK)); then
  PUT_TOTAL=${PUT_TOTAL:-5000} RANGE_TOTAL=${RANGE_TOTAL:-5000} FAILOVER_ROUNDS=${FAILOVER_ROUNDS:-2}
else
  PUT_TOTAL=${PUT_TOTAL:-20000} RANGE_TOTAL=${RANGE_TOTAL:-20000} FAILOVER_ROUNDS=${FAILOVER_ROUNDS:-5}
fi
MAX_SECONDS=${MAX_SECONDS:-60}
# Untimed puts before each measured phase, on both stores: steady state, not start-up (rorch's JIT compiles its hot
# paths during the first few thousand requests; etcd is compiled ahead of time).
WARMUP_OPS=${WARMUP_OPS:-4000}
VALUE_SIZE=${VALUE_SIZE:-256}
WATCH_PUTS=${WATCH_PUTS:-1000}
FILL_KEYS=${FILL_KEYS:-100000}
FAILOVER_TIMEOUT_MS=${FAILOVER_TIMEOUT_MS:-250}
STARTUP_TIMEOUT=${STARTUP_TIMEOUT:-30}
STORES=()
[[ $ONLY != rorch ]] && STORES+=(etcd)
[[ $ONLY != etcd ]] && STORES+=(rorch)

# ---------------------------------------------------------------------------------------------------------------
# Helpers
# Progress goes to fd 3 (the script's stderr), so that it shows even where stderr is captured; children get 3>&-.
exec 3>&2
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&3; }
now_ms() { local t=${EPOCHREALTIME/./}; echo $((t / 1000)); }
now_us() { echo "${EPOCHREALTIME/./}"; }
# The value of key=value in a line of key=value pairs.
field() { sed -n "s/.*[[:space:]]$2=\([^[:space:]]*\).*/\1/p" <<<"$1" | head -n1; }
# Process start time (field 22 of /proc/PID/stat), to tell a PID from a reused one.
start_time() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $20}'; }
# Alive and not a zombie.
alive() {
  local state
  [[ -n ${1:-} ]] || return 1
  state=$(sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $1}')
  [[ -n $state && $state != Z ]]
}
port_in_use() { [[ -n $(ss -Hltn "sport = :$1" 2>/dev/null) ]]; }

# ---------------------------------------------------------------------------------------------------------------
# One run at a time; clean up what a killed run left behind; clean up on exit.
exec 9>"$RUN_LOCK"
if ! flock -n 9; then
  echo "another etcd-compare run holds $RUN_LOCK; refusing to start" >&2
  exit 1
fi
if [[ -s $STATE_FILE ]]; then
  log "leftover state from a killed run: cleaning up"
  while read -r kind a b; do
    case $kind in
      pid) if alive "$a" && [[ $(start_time "$a") == "$b" ]]; then kill -9 "$a" 2>/dev/null; fi ;;
      work) [[ $a == /tmp/ro-etcd-compare.* && -d $a ]] && rm -rf "$a" ;;
    esac
  done <"$STATE_FILE"
fi
WORK=$(mktemp -d /tmp/ro-etcd-compare.XXXXXX)
echo "work $WORK" >"$STATE_FILE"
OUT=${OUT:-/tmp/ro-etcd-compare-out.$(date +%Y%m%d-%H%M%S)}
mkdir -p "$OUT/logs"
RAW="$OUT/raw.txt"
: >"$RAW"

declare -a TRACKED=()         # every PID this run started
declare -A MEMBER_PID=()      # member index -> PID of the current cluster
STORE="" PHASE_DIR="" ENDPOINTS=""

track() {
  TRACKED+=("$1")
  echo "pid $1 $(start_time "$1")" >>"$STATE_FILE"
}

# TERM, wait at most 10 s, then KILL. Only PIDs this run started.
stop_pid() {
  local pid=$1 deadline
  alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null
  deadline=$(($(now_ms) + 10000))
  while alive "$pid" && (($(now_ms) < deadline)); do sleep 0.1; done
  alive "$pid" && kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}

cleanup() {
  local rc=$? pid
  trap - EXIT INT TERM
  for pid in "${TRACKED[@]}"; do alive "$pid" && kill -TERM "$pid" 2>/dev/null; done
  for pid in "${TRACKED[@]}"; do stop_pid "$pid"; done
  [[ -n ${WORK:-} && -d $WORK ]] && rm -rf "$WORK"
  rm -f "$STATE_FILE"
  exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM

# ---------------------------------------------------------------------------------------------------------------
# Results: V[key|store] = value; rows are printed in the order of ROW_KEYS.
declare -A V=() NOTES=()
declare -a ROW_KEYS=() ROW_LABEL=() ROW_DIR=()
row() { ROW_KEYS+=("$1"); ROW_LABEL+=("$2"); ROW_DIR+=("$3"); }
setv() { [[ -n $3 ]] && V["$2|$1"]=$3; }   # setv store key value
note() { NOTES[$1]+="${NOTES[$1]:+; }$2"; log "$1: $2"; }

row put1_ops "put, 1 client (sequential): ops/s" higher
row put1_p50 "put, 1 client: p50 ms" lower
row put1_p99 "put, 1 client: p99 ms" lower
row put1_cpu "put, 1 client: members' CPU ms per put (sum of 3)" lower
row put16_ops "put, 16 clients: ops/s" higher
row put16_p50 "put, 16 clients: p50 ms" lower
row put16_p99 "put, 16 clients: p99 ms" lower
row put256_ops "put, 256 clients (16 conns): ops/s" higher
row put256_p50 "put, 256 clients: p50 ms" lower
row put256_p99 "put, 256 clients: p99 ms" lower
row range1_ops "linearizable range, 1 client (leader): ops/s" higher
row range1_p50 "linearizable range, 1 client: p50 ms" lower
row range1_p99 "linearizable range, 1 client: p99 ms" lower
row range256_ops "linearizable range, 256 clients (leader): ops/s" higher
row range256_p50 "linearizable range, 256 clients: p50 ms" lower
row range256_p99 "linearizable range, 256 clients: p99 ms" lower
row watch_leader_ack_p50 "watch on leader: put ack → event p50 ms" lower
row watch_leader_ack_p99 "watch on leader: put ack → event p99 ms" lower
row watch_follower_ack_p50 "watch on follower: put ack → event p50 ms" lower
row watch_follower_ack_p99 "watch on follower: put ack → event p99 ms" lower
row watch_leader_send_p50 "watch on leader: put send → event p50 ms" lower
row watch_leader_send_p99 "watch on leader: put send → event p99 ms" lower
row watch_follower_send_p50 "watch on follower: put send → event p50 ms" lower
row watch_follower_send_p99 "watch on follower: put send → event p99 ms" lower
row watch_events "watch: events delivered (leader / follower)" none
row failover_min "failover: kill -9 leader → first ok put on a survivor, min ms" lower
row failover_median "failover: kill → first ok put, median ms" lower
row failover_max "failover: kill → first ok put, max ms" lower
row failover_rounds "failover: rounds recovered" none
row fill_ops "fill ${FILL_KEYS} keys × ${VALUE_SIZE} B, 256 clients: puts/s" higher
row fill_count "fill: keys counted afterwards" none
row rss_idle_sum "RSS idle, sum of 3 members MiB" lower
row rss_sum "RSS after fill, sum of 3 members MiB" lower
row rss_per "RSS after fill per member MiB (m1 / m2 / m3)" none
row du_max "data dir after fill, largest member MiB (du)" lower
row du_per "data dir after fill per member MiB (m1 / m2 / m3)" none
row db_size "db size after fill MiB (Maintenance.Status)" lower

# ---------------------------------------------------------------------------------------------------------------
# Load generator: run in the background and wait, so that INT/TERM reach the trap at once.
LG_RC=0
loadgen() { # loadgen SECONDS OUTFILE MODE ARGS...
  local limit=$1 outfile=$2 pid
  shift 2
  timeout -k 5 "$limit" dotnet "$LOADGEN_DLL" "$@" --endpoints "$ENDPOINTS" >"$outfile" 2>>"$outfile.err" 9>&- 3>&- </dev/null &
  pid=$!
  track "$pid"
  wait "$pid"
  LG_RC=$?
  cat "$outfile" >>"$RAW"
  [[ -s $outfile.err ]] && sed "s/^/[$STORE loadgen stderr] /" "$outfile.err" | tail -n 5 >&2
  return 0
}

# ---------------------------------------------------------------------------------------------------------------
# Clusters
ports_of() { if [[ $1 == etcd ]]; then echo "${ETCD_PORTS[*]}"; else echo "${RORCH_PORTS[*]}"; fi; }
endpoint_of() { local ports; read -ra ports <<<"$(ports_of "$1")"; echo "127.0.0.1:${ports[$2 - 1]}"; }
all_endpoints() { echo "$(endpoint_of "$1" 1),$(endpoint_of "$1" 2),$(endpoint_of "$1" 3)"; }

check_ports_free() { # check_ports_free STORE
  local p busy=""
  for p in $(ports_of "$1"); do
    ((p < 32768)) || { echo "port $p is not below 32768" >&2; return 1; }
    port_in_use "$p" && busy+=" $p"
    port_in_use $((p + 1)) && busy+=" $((p + 1))"
  done
  [[ -z $busy ]] || { echo "ports in use for $1:$busy" >&2; return 1; }
}

# Starts member I of the current store on its data dir; with "restart", on the existing dir.
start_member() { # start_member I
  local i=$1 client peer dir="$PHASE_DIR/m$1" logf="$PHASE_DIR/m$1.log" cmd
  client=$(endpoint_of "$STORE" "$i")
  peer="127.0.0.1:$((${client##*:} + 1))"
  if [[ $STORE == etcd ]]; then
    cmd=("$ETCD_BIN" --name "m$i" --data-dir "$dir"
      --listen-client-urls "http://$client" --advertise-client-urls "http://$client"
      --listen-peer-urls "http://$peer" --initial-advertise-peer-urls "http://$peer"
      --initial-cluster "m1=http://127.0.0.1:12380,m2=http://127.0.0.1:12480,m3=http://127.0.0.1:12580"
      --initial-cluster-state new --initial-cluster-token "etcd-compare-$$"
      --heartbeat-interval 100 --election-timeout 1000 --logger zap --log-outputs stderr)
  else
    local -a base extra
    read -ra base <<<"$RORCH_CMD"
    read -ra extra <<<"$RORCH_EXTRA_ARGS"
    [[ -d $dir ]] || mkdir -m 700 "$dir"
    cmd=("${base[@]}" --name "m$i" --data-dir "$dir" --client-listen "$client" --peer-listen "$peer")
    if ((i == 1)); then cmd+=(--cluster-init); else cmd+=(--join "http://$(endpoint_of rorch 1)"); fi
    cmd+=("${extra[@]}")
  fi
  echo "# $(date +%T) ${cmd[*]}" >>"$logf"
  # setsid execs the member in place (a background child is not a group leader), so $! is the member itself.
  setsid "${cmd[@]}" </dev/null >>"$logf" 2>&1 9>&- 3>&- &
  MEMBER_PID[$i]=$!
  track "${MEMBER_PID[$i]}"
  disown "${MEMBER_PID[$i]}"   # no job reports ("Killed") for the kill -9 of the failover phase
}

healthy() { timeout 5 "$ETCDCTL_BIN" --endpoints="$1" --dial-timeout=1s --command-timeout=2s endpoint health >/dev/null 2>&1; }

# Waits until `endpoint health` passes on ENDPOINTS; fails if a member of MEMBERS died or time ran out.
wait_healthy() { # wait_healthy ENDPOINTS SECONDS MEMBERS...
  local eps=$1 limit=$2 deadline=$(($(now_ms) + $2 * 1000)) i
  shift 2
  while (($(now_ms) < deadline)); do
    for i in "$@"; do
      alive "${MEMBER_PID[$i]:-}" || { echo "member m$i (pid ${MEMBER_PID[$i]:-?}) exited" >&2; return 1; }
    done
    healthy "$eps" && return 0
    sleep 0.2
  done
  echo "endpoint health on $eps did not pass within $limit s" >&2
  return 1
}

started_members() {
  timeout 5 "$ETCDCTL_BIN" --endpoints="$1" --dial-timeout=1s --command-timeout=2s member list 2>/dev/null |
    grep -c ', started, ' || true
}

wait_members() { # wait_members ENDPOINT SECONDS COUNT
  local deadline=$(($(now_ms) + $2 * 1000))
  while (($(now_ms) < deadline)); do
    (($(started_members "$1") >= $3)) && return 0
    sleep 0.2
  done
  echo "member list on $1 did not show $3 started members within $2 s" >&2
  return 1
}

# start_cluster STORE PHASE: a fresh 3-member cluster; sets ENDPOINTS and MEMBER_PID.
start_cluster() {
  STORE=$1
  PHASE_DIR="$WORK/$2-$1"
  mkdir -p "$PHASE_DIR"
  MEMBER_PID=()
  ENDPOINTS=$(all_endpoints "$STORE")
  check_ports_free "$STORE" || return 1
  local i
  if [[ $STORE == etcd ]]; then
    start_member 1; start_member 2; start_member 3
    wait_healthy "$ENDPOINTS" "$STARTUP_TIMEOUT" 1 2 3 || return 1
  else
    for i in 1 2 3; do
      start_member "$i"
      wait_healthy "$(endpoint_of rorch "$i")" "$STARTUP_TIMEOUT" "$i" || return 1
    done
    wait_members "$(endpoint_of rorch 1)" "$STARTUP_TIMEOUT" 3 || return 1
    wait_healthy "$ENDPOINTS" "$STARTUP_TIMEOUT" 1 2 3 || return 1
  fi
  # kill -9 must hit the member itself, not a wrapper: check that each PID's command line names its data dir.
  for i in 1 2 3; do
    tr '\0' ' ' <"/proc/${MEMBER_PID[$i]}/cmdline" 2>/dev/null | grep -q -- "$PHASE_DIR/m$i" ||
      { echo "pid ${MEMBER_PID[$i]} is not member m$i itself" >&2; return 1; }
  done
  log "$STORE cluster up for phase $2 (pids ${MEMBER_PID[*]})"
}

stop_cluster() {
  local i pid deadline
  for i in "${!MEMBER_PID[@]}"; do alive "${MEMBER_PID[$i]}" && kill -TERM "${MEMBER_PID[$i]}" 2>/dev/null; done
  for i in "${!MEMBER_PID[@]}"; do stop_pid "${MEMBER_PID[$i]}"; done
  MEMBER_PID=()
  for i in 1 2 3; do
    [[ -f $PHASE_DIR/m$i.log ]] && tail -c 2000000 "$PHASE_DIR/m$i.log" >"$OUT/logs/$(basename "$PHASE_DIR")-m$i.log"
  done
  [[ -n $PHASE_DIR && -d $PHASE_DIR ]] && rm -rf "$PHASE_DIR"
  # Ports must be free before the next cluster starts (bounded).
  deadline=$(($(now_ms) + 10000))
  while ! check_ports_free "$STORE" 2>/dev/null && (($(now_ms) < deadline)); do sleep 0.2; done
}

# Sum of utime+stime of the current members, in clock ticks.
members_cpu_ticks() {
  local i sum=0 t
  for i in "${!MEMBER_PID[@]}"; do
    t=$(sed 's/^.*) //' "/proc/${MEMBER_PID[$i]}/stat" 2>/dev/null | awk '{print $12 + $13}')
    sum=$((sum + ${t:-0}))
  done
  echo "$sum"
}

rss_kib() { awk -v k="$2:" '$1 == k {print $2}' "/proc/$1/status" 2>/dev/null; }
mib() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }

# The index (1..3) of the leader, from ro-loadgen status, or etcdctl endpoint status -w json with jq.
find_leader() {
  local out ep i
  out=$(timeout 15 dotnet "$LOADGEN_DLL" status --endpoints "$ENDPOINTS" 2>/dev/null 9>&- 3>&- </dev/null)
  echo "$out" | sed "s/^/[$STORE] /" >>"$RAW"
  ep=$(sed -n 's/^LEADER endpoint=\([^ ]*\).*/\1/p' <<<"$out")
  if [[ -z $ep || $ep == none ]] && command -v jq >/dev/null; then
    ep=$(timeout 10 "$ETCDCTL_BIN" --endpoints="$ENDPOINTS" --command-timeout=2s endpoint status -w json 2>/dev/null |
      jq -r '.[] | select(.Status.header.member_id == .Status.leader) | .Endpoint' 2>/dev/null | head -n1)
  fi
  for i in 1 2 3; do [[ $(endpoint_of "$STORE" "$i") == "$ep" ]] && { echo "$i"; return 0; }; done
  return 1
}

# ---------------------------------------------------------------------------------------------------------------
# Phases. Each runs against the current cluster and records values with setv.
warm_up() {
  ((WARMUP_OPS > 0)) || return 0
  loadgen $((MAX_SECONDS + 60)) "$OUT/$STORE-warmup-$1.txt" put --clients 16 --total "$WARMUP_OPS" \
    --max-seconds "$MAX_SECONDS" --value-size "$VALUE_SIZE" --target leader
}

phase_put() {
  local c out t0 t1 line ops ticks
  ticks=$(getconf CLK_TCK)
  warm_up put
  for c in 1 16 256; do
    out="$OUT/$STORE-put-$c.txt"
    t0=$(members_cpu_ticks)
    loadgen $((MAX_SECONDS * 2 + 60)) "$out" put --clients "$c" --total "$PUT_TOTAL" --max-seconds "$MAX_SECONDS" \
      --value-size "$VALUE_SIZE" --target leader
    t1=$(members_cpu_ticks)
    line=$(grep '^RESULT' "$out" | tail -n1)
    [[ -n $line ]] || { note "$STORE" "put $c clients: no RESULT (exit $LG_RC)"; continue; }
    ((LG_RC == 0)) || note "$STORE" "put $c clients: exit $LG_RC, errors=$(field "$line" errors)"
    setv "$STORE" "put${c}_ops" "$(field "$line" ops_per_s)"
    setv "$STORE" "put${c}_p50" "$(field "$line" p50_ms)"
    setv "$STORE" "put${c}_p99" "$(field "$line" p99_ms)"
    ops=$(field "$line" ops)
    echo "CPU store=$STORE op=put clients=$c members_cpu_s=$(awk -v d=$((t1 - t0)) -v h="$ticks" \
      'BEGIN {printf "%.2f", d / h}') (whole call incl. warm-up)" >>"$RAW"
    if ((c == 1)) && [[ ${ops:-0} -gt 0 ]]; then
      # Includes the 200 warm-up puts in the CPU; divide by all puts of the call.
      setv "$STORE" put1_cpu "$(awk -v d=$((t1 - t0)) -v h="$ticks" -v n=$((ops + 200)) \
        'BEGIN {printf "%.2f", d / h * 1000 / n}')"
    fi
  done
}

phase_range() {
  local c out line
  warm_up range
  for c in 1 256; do
    out="$OUT/$STORE-range-$c.txt"
    loadgen $((MAX_SECONDS * 3 + 60)) "$out" range --clients "$c" --total "$RANGE_TOTAL" \
      --max-seconds "$MAX_SECONDS" --value-size "$VALUE_SIZE" --target leader
    line=$(grep '^RESULT' "$out" | tail -n1)
    [[ -n $line ]] || { note "$STORE" "range $c clients: no RESULT (exit $LG_RC)"; continue; }
    ((LG_RC == 0)) || note "$STORE" "range $c clients: exit $LG_RC, errors=$(field "$line" errors) bad_reads=$(field "$line" bad_reads)"
    setv "$STORE" "range${c}_ops" "$(field "$line" ops_per_s)"
    setv "$STORE" "range${c}_p50" "$(field "$line" p50_ms)"
    setv "$STORE" "range${c}_p99" "$(field "$line" p99_ms)"
  done
}

phase_watch() {
  local out="$OUT/$STORE-watch.txt" role line events=""
  warm_up watch
  loadgen $((MAX_SECONDS * 2 + 60)) "$out" watch --total "$WATCH_PUTS" --max-seconds "$MAX_SECONDS" \
    --value-size "$VALUE_SIZE"
  ((LG_RC == 0)) || note "$STORE" "watch: exit $LG_RC ($(grep '^RESULT' "$out" | tail -n1))"
  for role in leader follower; do
    line=$(grep "^WATCH watcher=$role " "$out" | tail -n1)
    [[ -n $line ]] || continue
    setv "$STORE" "watch_${role}_ack_p50" "$(field "$line" ack_to_event_p50_ms)"
    setv "$STORE" "watch_${role}_ack_p99" "$(field "$line" ack_to_event_p99_ms)"
    setv "$STORE" "watch_${role}_send_p50" "$(field "$line" send_to_event_p50_ms)"
    setv "$STORE" "watch_${role}_send_p99" "$(field "$line" send_to_event_p99_ms)"
    events+="${events:+ / }$(field "$line" events)/$(field "$line" expected)"
  done
  setv "$STORE" watch_events "$events"
}

phase_failover() {
  local round leader killed_ep wlog out pid kill_us res results=() recovered=0 ms first_on failed mn md mx
  for ((round = 1; round <= FAILOVER_ROUNDS; round++)); do
    wlog="$PHASE_DIR/failover-$round.log"
    out="$OUT/$STORE-failover-$round.txt"
    timeout -k 5 45 dotnet "$LOADGEN_DLL" failover --endpoints "$ENDPOINTS" --target leader \
      --timeout-ms "$FAILOVER_TIMEOUT_MS" --max-seconds 30 --exit-after-recovery-ms 1000 --value-size "$VALUE_SIZE" \
      --log "$wlog" >"$out" 2>"$out.err" 9>&- 3>&- </dev/null &
    pid=$!
    track "$pid"
    sleep 3
    if ! leader=$(find_leader); then
      note "$STORE" "failover round $round: no leader found"
      stop_pid "$pid"
      break
    fi
    killed_ep=$(endpoint_of "$STORE" "$leader")
    kill_us=$(now_us)
    kill -9 "${MEMBER_PID[$leader]}"
    wait "$pid"
    cat "$out" >>"$RAW"
    [[ -f $wlog ]] && cp "$wlog" "$OUT/$STORE-failover-$round.log"
    res=$(awk -v kill="$kill_us" -v dead="$killed_ep" '
      $1 ~ /^#/ { next }
      $2 > kill && $4 == "err" { failed++ }
      $2 > kill && $4 == "ok" && $3 != dead { printf "%.1f %s %d\n", ($2 - kill) / 1000, $3, failed; found = 1; exit }
      END { if (!found) printf "none - %d\n", failed }' "$wlog" 2>/dev/null)
    read -r ms first_on failed <<<"${res:-none - 0}"
    echo "FAILOVER store=$STORE round=$round killed=m$leader killed_endpoint=$killed_ep kill_to_first_ok_ms=$ms" \
      "first_ok_on=$first_on failed_attempts_after_kill=$failed" | tee -a "$RAW" >&3
    if [[ $ms != none ]]; then results+=("$ms"); recovered=$((recovered + 1)); fi
    # Restart the killed member on its data dir with its original command line; wait until all are healthy.
    for _ in {1..50}; do alive "${MEMBER_PID[$leader]}" || break; sleep 0.1; done
    start_member "$leader"
    if ! wait_healthy "$ENDPOINTS" "$STARTUP_TIMEOUT" 1 2 3; then
      note "$STORE" "failover round $round: restarted m$leader did not become healthy"
      break
    fi
  done
  setv "$STORE" failover_rounds "$recovered/$FAILOVER_ROUNDS"
  if ((${#results[@]})); then
    read -r mn md mx < <(printf '%s\n' "${results[@]}" | sort -n | awk '
      { v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; print v[1], m, v[NR] }')
    setv "$STORE" failover_min "$mn"
    setv "$STORE" failover_median "$md"
    setv "$STORE" failover_max "$mx"
  fi
}

phase_fill() {
  local out="$OUT/$STORE-fill.txt" line i idle=0 rss=0 per="" duper="" dumax=0 k d count status db
  sleep 2
  for i in 1 2 3; do
    k=$(rss_kib "${MEMBER_PID[$i]}" VmRSS)
    idle=$((idle + ${k:-0}))
  done
  setv "$STORE" rss_idle_sum "$(mib "$idle")"
  loadgen 400 "$out" fill --total "$FILL_KEYS" --clients 256 --value-size "$VALUE_SIZE" --prefix /fill/ \
    --max-seconds 300 --target leader
  line=$(grep '^RESULT' "$out" | tail -n1)
  [[ -n $line ]] || { note "$STORE" "fill: no RESULT (exit $LG_RC)"; return 0; }
  ((LG_RC == 0)) || note "$STORE" "fill: exit $LG_RC, errors=$(field "$line" errors)"
  setv "$STORE" fill_ops "$(field "$line" ops_per_s)"
  sleep 3
  for i in 1 2 3; do
    k=$(rss_kib "${MEMBER_PID[$i]}" VmRSS)
    echo "MEMORY store=$STORE member=m$i pid=${MEMBER_PID[$i]} vmrss_kib=${k:-?}" \
      "vmhwm_kib=$(rss_kib "${MEMBER_PID[$i]}" VmHWM)" >>"$RAW"
    rss=$((rss + ${k:-0}))
    per+="${per:+ / }$(mib "${k:-0}")"
    d=$(du -sk "$PHASE_DIR/m$i" 2>/dev/null | awk '{print $1}')
    echo "DISK store=$STORE member=m$i du_kib=${d:-?}" >>"$RAW"
    duper+="${duper:+ / }$(mib "${d:-0}")"
    ((${d:-0} > dumax)) && dumax=${d:-0}
  done
  setv "$STORE" rss_sum "$(mib "$rss")"
  setv "$STORE" rss_per "$per"
  setv "$STORE" du_max "$(mib "$dumax")"
  setv "$STORE" du_per "$duper"
  count=$(timeout 10 "$ETCDCTL_BIN" --endpoints="$(endpoint_of "$STORE" 1)" --command-timeout=5s get /fill/ --prefix \
    --limit 1 -w json 2>/dev/null | grep -o '"count":[0-9]*' | cut -d: -f2)
  setv "$STORE" fill_count "${count:-?}"
  status=$(timeout 15 dotnet "$LOADGEN_DLL" status --endpoints "$ENDPOINTS" 2>/dev/null 9>&- 3>&- </dev/null)
  echo "$status" | sed "s/^/[$STORE fill] /" >>"$RAW"
  db=$(grep '^STATUS' <<<"$status" | sed -n 's/.* db_size=\([0-9]*\).*/\1/p' | sort -n | tail -n1)
  [[ -n $db ]] && setv "$STORE" db_size "$(awk -v b="$db" 'BEGIN {printf "%.1f", b / 1048576}')"
}

# ---------------------------------------------------------------------------------------------------------------
# Build
RORCH_READY=""   # empty = usable; otherwise the reason why not
if ((BUILD)); then
  log "building ro-loadgen (Release)"
  if ! flock "$BUILD_LOCK" dotnet build "$LOADGEN_PROJECT" -c Release -nologo -v q --disable-build-servers 9>&- 3>&- >"$OUT/build-loadgen.log" 2>&1; then
    tail -n 30 "$OUT/build-loadgen.log" >&2
    echo "ro-loadgen build failed (see $OUT/build-loadgen.log)" >&2
    exit 1
  fi
  if [[ $ONLY != etcd ]]; then
    if [[ -d $RORCH_PROJECT ]]; then
      log "building the rorch server (Release)"
      if ! flock "$BUILD_LOCK" dotnet build "$RORCH_PROJECT" -c Release -nologo -v q --disable-build-servers 9>&- 3>&- >"$OUT/build-rorch.log" 2>&1; then
        RORCH_READY="build of $RORCH_PROJECT failed (see $OUT/build-rorch.log)"
      fi
    else
      RORCH_READY="no rorch server project at ${RORCH_PROJECT#"$REPO"/}"
    fi
  fi
fi
[[ -f $LOADGEN_DLL ]] || { echo "missing $LOADGEN_DLL (build it or drop --no-build)" >&2; exit 1; }
if [[ $ONLY != etcd && -z $RORCH_READY && $RORCH_CMD == *"$RORCH_DLL"* && ! -f $RORCH_DLL ]]; then
  RORCH_READY="no server binary at ${RORCH_DLL#"$REPO"/}"
fi
[[ -n $RORCH_READY ]] && note rorch "not measured: $RORCH_READY"
[[ $ONLY == etcd ]] && NOTES[rorch]="not run (--only etcd)"
[[ -x $ETCD_BIN && -x $ETCDCTL_BIN ]] || { echo "missing $ETCD_BIN or $ETCDCTL_BIN (apt-get install etcd-server etcd-client)" >&2; exit 1; }
for s in "${STORES[@]}"; do
  [[ $s == rorch && -n $RORCH_READY ]] && continue
  check_ports_free "$s" || exit 1
done

# ---------------------------------------------------------------------------------------------------------------
# Run: for each phase, etcd then rorch, each on a fresh cluster.
log "phases: ${PHASE_LIST[*]}; stores: ${STORES[*]}; quick=$QUICK; out: $OUT"
RUN_T0=$(now_ms)
for phase in "${PHASE_LIST[@]}"; do
  for store in "${STORES[@]}"; do
    [[ $store == rorch && -n $RORCH_READY ]] && continue
    log "== $phase: $store"
    if start_cluster "$store" "$phase" 2>"$WORK/start.err"; then
      "phase_$phase"
    else
      note "$store" "$phase: cluster did not start: $(tr '\n' ' ' <"$WORK/start.err")(logs: $OUT/logs/$phase-$store-m*.log)"
    fi
    stop_cluster
  done
done
log "measurements done in $((($(now_ms) - RUN_T0) / 1000)) s"

# ---------------------------------------------------------------------------------------------------------------
# Report
ratio() { # ratio A B -> A/B, or n/a when either is missing, not a number or not positive
  awk -v a="$1" -v b="$2" 'BEGIN {
    if (a !~ /^-?[0-9.]+$/ || b !~ /^-?[0-9.]+$/ || a <= 0 || b <= 0) { print "n/a"; exit }
    printf "%.2f\n", a / b }'
}
{
  echo "## etcd 3.4 vs rorch, 3 members each, 127.0.0.1, $(nproc) cores$( ((QUICK)) && echo ' (--quick: smoke test, not comparable)')"
  echo
  echo "\`rorch/etcd\` is the plain ratio of the two figures. \`rorch advantage\` is oriented so that **> 1 means rorch is better**:"
  echo "rorch/etcd for higher-is-better rows (ops/s), etcd/rorch for lower-is-better rows (latency, failover, memory, disk)."
  echo
  echo "| metric | better | etcd | rorch | rorch/etcd | rorch advantage (>1 = rorch better) |"
  echo "|---|---|---:|---:|---:|---:|"
  for idx in "${!ROW_KEYS[@]}"; do
    key=${ROW_KEYS[$idx]} dir=${ROW_DIR[$idx]}
    e=${V["$key|etcd"]:-} r=${V["$key|rorch"]:-}
    [[ -z $e && -z $r ]] && continue
    case $dir in
      higher) plain=$(ratio "$r" "$e"); adv=$plain ;;
      lower) plain=$(ratio "$r" "$e"); adv=$(ratio "$e" "$r") ;;
      *) plain="–" adv="–" ;;
    esac
    [[ $dir == none ]] && better="–" || better=$dir
    echo "| ${ROW_LABEL[$idx]} | $better | ${e:-–} | ${r:-–} | $plain | $adv |"
  done
  echo
  for s in etcd rorch; do [[ -n ${NOTES[$s]:-} ]] && echo "- **$s**: ${NOTES[$s]}"; done
  echo "- Settings: put $PUT_TOTAL ops per level, range $RANGE_TOTAL, watch $WATCH_PUTS puts, failover $FAILOVER_ROUNDS kills" \
    "(per-put deadline $FAILOVER_TIMEOUT_MS ms), fill $FILL_KEYS keys, values $VALUE_SIZE B. Raw lines: $RAW"
} | tee "$OUT/summary.md"
