#!/usr/bin/env bash
# Measures, in one sitting and on one workload, pushbench's own server (forked JVM) and the third-party servers of
# docs/external-targets.md (nginx + nchan, the Node.js ws/better-sse server of targets/node-push, Pushpin), every strategy
# each offers, and prints one table side by side: deliveries/s received, p50/p99 latency, bytes on the wire per
# delivery, server CPU per delivery (--server-pid for the third-party servers), server memory per connection.
#
#   bench/scripts/external-targets.sh [--clients N] [--rate MSG_PER_SEC] [--poll-interval D] [--warmup D]
#                                     [--duration D] [--strategies LIST] [--targets LIST] [--out FOLDER]
#   e.g. bench/scripts/external-targets.sh --clients 100 --warmup 1s --duration 3s   (a quick check)
#
# Needs: bench/target/pushbench.jar (built if missing or older than the sources), nginx + libnginx-mod-nchan, node 20+ with
# `npm ci --prefix targets/node-push`, jq (`bash .ci/install-deps` installs them all but jq). Run it on a quiet
# machine: every server is started here, on loopback, one after the other, and stopped after its runs.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"

clients=1000; rate=2; poll_interval=250ms; warmup=5s; duration=20s
strategies=poll,long-poll,sse,ws; targets=pushbench,nchan,node,pushpin
out="results/external-targets-$(date -u +%Y%m%dT%H%M%SZ)"
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --poll-interval) poll_interval=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --strategies) strategies=$2; shift 2 ;;
    --targets) targets=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v jq >/dev/null || { echo "jq is needed for the table: apt-get install jq" >&2; exit 2; }
source bench/scripts/lib.sh
jar=bench/target/pushbench.jar
ensure_jar
mkdir -p "$out"
out=$(cd "$out" && pwd)

workload=(--clients="$clients" --rate="$rate" --poll-interval="$poll_interval" --warmup="$warmup"
          --duration="$duration" --no-post-run)
# what this pushbench build can read from a server it did not start
help=$(java -jar "$jar" run --help)
has_option() { grep -q -- "$1" <<<"$help"; }


server_pid_args() { # pid
  if has_option --server-pid; then echo "--server-pid=$1"; fi
}

run_pushbench() { # name, strategies, then pushbench options
  local name=$1 list=$2; shift 2
  echo "== $name: pushbench run --strategies=$list $*" | tee -a "$out/commands.txt"
  java -jar "$jar" run "${workload[@]}" --strategies="$list" --out="$out/$name" "$@" 2>&1 | tee "$out/$name.txt" \
    | grep -E '^( *[a-z-]+ +[0-9,]+ |INVALID| +- |error)' || true
}

run_pushbench_server() {
  run_pushbench pushbench "$strategies" --server=fork
}

run_nchan() {
  local dir=$out/nchan-server port; port=$(free_port); mkdir -p "$dir"
  local user=""; [ "$(id -u)" = 0 ] && user="user root;"
  cat >"$dir/nginx.conf" <<EOF
load_module /usr/lib/nginx/modules/ngx_nchan_module.so;
$user
daemon off;
worker_processes 1;
worker_rlimit_nofile 65536;
error_log $dir/error.log warn;
pid $dir/nginx.pid;
events { worker_connections 65536; }
http {
  access_log off;
  client_body_temp_path $dir/body;
  server {
    listen 127.0.0.1:$port;
    location ~ /pub/([\w-]+)\$  { nchan_publisher; nchan_channel_id \$1; nchan_message_buffer_length 1000; }
    location ~ /poll/([\w-]+)\$ { nchan_subscriber interval-poll; nchan_channel_id \$1; }
    location ~ /lp/([\w-]+)\$   { nchan_subscriber longpoll; nchan_channel_id \$1; }
    location ~ /sse/([\w-]+)\$  { nchan_subscriber eventsource; nchan_channel_id \$1; }
    location ~ /ws/([\w-]+)\$   { nchan_subscriber websocket; nchan_channel_id \$1; }
  }
}
EOF
  /usr/sbin/nginx -c "$dir/nginx.conf" -p "$dir" -e "$dir/error.log" >"$out/nchan.log" 2>&1 &
  local master=$!
  await_port "$port" "$master" nchan "$out/nchan.log" || return 1
  # the worker serves the connections (the master only accepts the config): its CPU and memory are the server's
  local worker; worker=$(cat /proc/"$master"/task/"$master"/children | awk '{print $1}')
  run_pushbench nchan "$strategies" $(server_pid_args "$worker") \
    --url-poll="http://127.0.0.1:$port/poll/{topic}" --url-long-poll="http://127.0.0.1:$port/lp/{topic}" \
    --url-sse="http://127.0.0.1:$port/sse/{topic}" --url-ws="ws://127.0.0.1:$port/ws/{topic}" \
    --poll-body=single --publish-url="http://127.0.0.1:$port/pub/{topic}" || true
  kill "$master"; wait "$master" 2>/dev/null || true
}

run_node() {
  local port; port=$(free_port)
  [ -d targets/node-push/node_modules ] || { echo "run: npm ci --prefix targets/node-push" >&2; return 1; }
  node targets/node-push/server.js --port="$port" >"$out/node.log" 2>&1 &
  local pid=$!
  await_port "$port" "$pid" node "$out/node.log" || return 1
  local cost; cost=$(server_pid_args "$pid")
  run_pushbench node "$strategies" $cost \
    --url-poll="http://127.0.0.1:$port/poll/{topic}?after={seq}" \
    --url-long-poll="http://127.0.0.1:$port/long-poll/{topic}?after={seq}" \
    --url-sse="http://127.0.0.1:$port/sse/{topic}" --url-ws="ws://127.0.0.1:$port/ws/{topic}" --poll-body=lines \
    --publish-url="http://127.0.0.1:$port/publish" \
    --publish-body='{"channel":"{topic:json}","data":"{payload:json}"}' \
    --publish-header='Content-Type: application/json' || true
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

run_pushpin() {
  local list; list=$(tr ',' '\n' <<<"$strategies" | grep -xE 'sse|ws' | paste -sd, -)
  [ -n "$list" ] || { echo "== pushpin: skipped (it is measured with sse and ws only)"; return 0; }
  [ -d targets/node-push/node_modules ] || { echo "run: npm ci --prefix targets/node-push" >&2; return 1; }
  local dir=$out/pushpin-server origin_port port control_port
  mkdir -p "$dir/run" "$dir/log"
  origin_port=$(free_port); port=$(free_port); control_port=$(free_port)
  # the GRIP origin: the Node server's /grip/sse/{topic} (Grip-Hold: stream) and /grip/ws/{topic} (WebSocket-over-HTTP)
  node targets/node-push/server.js --port="$origin_port" >"$out/pushpin-origin.log" 2>&1 &
  local origin=$!
  await_port "$origin_port" "$origin" pushpin-origin "$out/pushpin-origin.log" || return 1
  # Debian's pushpin.conf with its own ports and rundir, and the zurl it needs started by its runner
  cat >"$dir/pushpin.conf" <<EOF
[global]
include={libdir}/internal.conf
rundir=$dir/run
ipc_prefix=pushpin-
[runner]
services=condure,zurl,pushpin-proxy,pushpin-handler
http_port=127.0.0.1:$port
logdir=$dir/log
client_maxconn=100000
[proxy]
zurl_out_specs=ipc://{rundir}/{ipc_prefix}zurl-in
zurl_out_stream_specs=ipc://{rundir}/{ipc_prefix}zurl-in-stream
zurl_in_specs=ipc://{rundir}/{ipc_prefix}zurl-out
routesfile=routes
sig_key=changeme
updates_check=off
[handler]
push_in_spec=tcp://127.0.0.1:$(free_port)
push_in_sub_specs=tcp://127.0.0.1:$(free_port)
push_in_http_addr=127.0.0.1
push_in_http_port=$control_port
stats_spec=ipc://{rundir}/{ipc_prefix}stats
command_spec=tcp://127.0.0.1:$(free_port)
message_rate=1000000
message_hwm=1000000
EOF
  echo "* 127.0.0.1:$origin_port,over_http" >"$dir/routes"
  pushpin --config "$dir/pushpin.conf" --merge-output >"$out/pushpin.log" 2>&1 &
  local pushpin=$!
  if await_port "$port" "$pushpin" pushpin "$out/pushpin.log" && await_port "$control_port" "$pushpin" pushpin "$out/pushpin.log"; then
    # Pushpin is the runner and four processes under it (condure, zurl, proxy, handler): --server-pid counts a
    # process with its descendants. At 2,000 new connections/s its default queues answer some subscribes 502.
    run_pushbench pushpin "$list" $(server_pid_args "$pushpin") --ramp-up=200 --url-sse="http://127.0.0.1:$port/grip/sse/{topic}" \
      --url-ws="ws://127.0.0.1:$port/grip/ws/{topic}" --publish-url="http://127.0.0.1:$control_port/publish/" \
      --publish-body='{"items":[{"channel":"{topic:json}","formats":{"http-stream":{"content":"data: {payload:json}\n\n"},"ws-message":{"content":"{payload:json}"}}}]}'
  fi
  kill "$pushpin" "$origin"; wait "$pushpin" "$origin" 2>/dev/null || true
}

for t in ${targets//,/ }; do
  case "$t" in
    pushbench) run_pushbench_server ;;
    nchan) run_nchan ;;
    node) run_node ;;
    pushpin) run_pushpin ;;
    *) echo "unknown target $t (pushbench, nchan, node, pushpin)" >&2; exit 2 ;;
  esac
done

# One table from the reports: the figures pushbench measured, nothing recomputed but units.
table() {
  printf '%-10s %-10s %10s %10s %10s %10s %10s %14s %12s  %s\n' target strategy delivered deliv/s p50_ms p99_ms \
    net_B/msg srv_CPU_us/msg mem_B/conn "valid (server cost from)"
  for t in ${targets//,/ }; do
    [ -f "$out/$t/report.json" ] || { printf '%-10s (no report: see %s)\n' "$t" "$out/$t.txt"; continue; }
    jq -r --arg t "$t" '.results[] | [$t, .strategy, .delivery.delivered, (.delivery.deliveriesPerSec|floor),
        (.latency.fromScheduled.p50Micros/1000*100|round/100), (.latency.fromScheduled.p99Micros/1000*100|round/100),
        (if .networkBytes.available then (.networkBytes.bytesPerDelivery*10|round/10) else "n/a" end),
        (.cpu.serverCpuMicrosPerDelivery // "n/a" | if type == "number" then (.*10|round/10) else . end),
        (if .memory.available then ((.memory.rssBytesPerConnection // ((.memory.heapBytesPerConnection // 0)
            + (.memory.directBytesPerConnection // 0)))|round) else "n/a" end),
        ((if .validity.valid then "yes" else "NO" end) + " (" + .cpu.serverMethod + "; " + (.memory.method // "-") + ")")]
        | @tsv' "$out/$t/report.json" \
      | awk -F'\t' '{printf "%-10s %-10s %10s %10s %10s %10s %10s %14s %12s  %s\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10}'
  done
  echo "workload: $clients clients per strategy, one topic, $rate msg/s, polls every $poll_interval, warm-up $warmup, window $duration"
  echo "host: $(nproc) cores, $(uname -r); pushbench $(git -C "$repo" rev-parse --short HEAD); nginx $(/usr/sbin/nginx -v 2>&1 | sed 's/.*\///'); node $(node -v)"
}
table | tee "$out/table.txt"
echo "reports and logs in $out"
