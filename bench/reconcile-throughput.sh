#!/usr/bin/env bash
# Reconcile throughput of the embedded controller manager: one single-replica rorch server (Release build), one
# Deployment of N replicas (default 10,000), and the time from its creation until its ReplicaSet reports N pods
# created — pods created per second. Then the same server with --controllers=none and the same N pods created
# by... nothing: instead, the memory the controllers' informers cost is measured as the server's RSS with the
# manager (informers caching N pods, their ReplicaSet and Deployment) minus its RSS after a restart with
# --controllers=none over the same data. Everything on 127.0.0.1, ports below 32768; only our own PIDs are killed.
#   bench/reconcile-throughput.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
dll="src/RaftOrchestrator.Server/bin/Release/net10.0/rorch.dll"
[ -f "$dll" ] || dotnet build -c Release src/RaftOrchestrator.Server > /dev/null
dir="$(mktemp -d /tmp/ro-reconcile-XXXXXX)"
pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2> /dev/null || true; rm -rf "$dir"; }
trap cleanup EXIT
export KUBECONFIG="$dir/data/kubeconfig"
start() {
  dotnet "$dll" server --data-dir "$dir/data" --api-listen 127.0.0.1:26443 --client-listen 127.0.0.1:26379 \
    --peer-listen 127.0.0.1:26380 "$@" > "$dir/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 100); do kubectl get --raw /readyz > /dev/null 2>&1 && return 0; sleep 0.2; done
  echo "the server did not become ready" >&2; exit 1
}
rss_mib() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$pid/status"; }
now_ms() { date +%s%3N; }

start
sleep 3   # the manager takes its lease and syncs its informers
kubectl create deployment load --image=nginx:1.27 --replicas="$n" > /dev/null
t0="$(now_ms)"
created=0
for _ in $(seq 1 1200); do   # at most 10 minutes
  created="$(kubectl get rs -l app=load -o jsonpath='{.items[0].status.replicas}' 2> /dev/null || echo 0)"
  [ "${created:-0}" -ge "$n" ] && break
  sleep 0.5
done
t1="$(now_ms)"
pods="$(kubectl get pods --no-headers 2> /dev/null | wc -l)"
sleep 5
with_controllers="$(rss_mib)"
kill "$pid"; wait "$pid" 2> /dev/null || true; pid=""
start --controllers=none
sleep 5
without_controllers="$(rss_mib)"
secs="$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1000 }')"
echo "| metric | value |"
echo "|---|---:|"
echo "| pods created by the ReplicaSet controller | $created (pods listed: $pods) |"
echo "| time from Deployment create to $n pods | ${secs} s |"
echo "| pods created per second | $(awk -v n="$created" -v s="$secs" 'BEGIN { printf "%.0f", n / s }') |"
echo "| server RSS with the manager after the rollout | ${with_controllers} MiB |"
echo "| server RSS, same data, --controllers=none | ${without_controllers} MiB |"
echo "| manager (informers + controllers) per 10k pods | $(awk -v a="$with_controllers" -v b="$without_controllers" -v n="$n" 'BEGIN { printf "%.0f", (a - b) * 10000 / n }') MiB |"
