#!/usr/bin/env bash
# Measures, in one sitting, pushbench's server alone (memory) and 3 instances behind each broker (Redis pub/sub,
# Redis Streams, PostgreSQL LISTEN/NOTIFY): deliveries/s at saturation by the kept-up rule (the highest rate of a
# sweep whose result is valid, not saturated), the hop latency, server and broker CPU per delivery; then each fault
# on a Redis and a PostgreSQL cluster of its own (never the shared 6379 and 5432) and instance-kill on each broker.
# Prints the tables of docs/brokers.md.
#
#   bench/scripts/brokers.sh [--clients N] [--rates LIST] [--instances N] [--warmup D] [--duration D] [--out FOLDER]
#                            [--redis HOST:PORT] [--postgres URL] [-- MORE_RUN_OPTIONS]
#   e.g. bench/scripts/brokers.sh --clients 200 --rates 20,50 --duration 3s   (a quick check)
#
# Needs: bench/target/pushbench.jar (built if missing or older than the sources), redis-server, a PostgreSQL with
# database test (trust auth: bash .ci/install-deps) and its initdb/pg_ctl under /usr/lib/postgresql, jq. The brokers'
# CPU is read from /proc: run it as root or as the brokers' user. Run it on a quiet machine.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"

clients=1000; rates=50,100,200,400; instances=3; warmup=2s; duration=5s
redis=127.0.0.1:6379; postgres="postgresql://127.0.0.1:5432/test?user=postgres"
out="results/brokers-$(date -u +%Y%m%dT%H%M%SZ)"
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --rates) rates=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --redis) redis=$2; shift 2 ;;
    --postgres) postgres=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --) shift; break ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v jq >/dev/null || { echo "jq is needed for the table: apt-get install jq" >&2; exit 2; }
# shellcheck source=lib.sh
. bench/scripts/lib.sh
ensure_jar
jar=bench/target/pushbench.jar
mkdir -p "$out"
common=(--strategies ws --clients "$clients" --warmup "$warmup" --duration "$duration" --no-post-run "$@")
echo "# $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD) load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee "$out/commands.txt"

run() {   # name, then pushbench run options; a run that is not valid is a finding, not a failure of the script
  local name=$1; shift
  echo "== $name: pushbench run $*" | tee -a "$out/commands.txt"
  java -jar "$jar" run "${common[@]}" --out "$out/$name" "$@" > "$out/$name.txt" 2>&1 || true
  tail -n 12 "$out/$name.txt"
}

# a Redis of our own for the faults that hurt the broker: never the shared one
own_port=$(free_port)
own_dir=$(mktemp -d)
(cd "$own_dir" && setsid redis-server --port "$own_port" --bind 127.0.0.1 --save "" --appendonly yes \
  --appendfsync always --dir "$own_dir" > "$own_dir/log" 2>&1 &)
trap 'kill -9 $(redis-cli -p '"$own_port"' info server 2>/dev/null | sed -n "s/^process_id:\([0-9]*\).*/\1/p") 2>/dev/null || true; rm -rf "$own_dir"' EXIT
for _ in $(seq 1 50); do redis-cli -p "$own_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

# and a PostgreSQL cluster of our own (initdb, trust auth, as the postgres user when we are root: it refuses root)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_pg=(); [ "$(id -u)" = 0 ] && as_pg=(runuser -u postgres --)
own_pg_port=$(free_port)
own_pg_dir=$(mktemp -d)
[ "$(id -u)" = 0 ] && chown postgres "$own_pg_dir"
"${as_pg[@]}" "$pg_bin/initdb" -D "$own_pg_dir/data" -A trust -U postgres --no-sync > "$own_pg_dir/initdb.log" 2>&1
"${as_pg[@]}" "$pg_bin/pg_ctl" start -D "$own_pg_dir/data" -w -l "$own_pg_dir/log" \
  -o "-p $own_pg_port -c listen_addresses=127.0.0.1 -k $own_pg_dir -c fsync=off" > /dev/null
trap 'kill -9 $(redis-cli -p '"$own_port"' info server 2>/dev/null | sed -n "s/^process_id:\([0-9]*\).*/\1/p") 2>/dev/null || true; rm -rf "$own_dir"
      "${as_pg[@]}" "$pg_bin/pg_ctl" stop -D "$own_pg_dir/data" -m immediate > /dev/null 2>&1 || true; rm -rf "$own_pg_dir"' EXIT
own_pg="postgresql://127.0.0.1:$own_pg_port/postgres?user=postgres"

run memory-sweep --server fork --sweep "rate=$rates"
for kind in redis redis-streams postgresql; do
  url="$kind://$redis"; [ "$kind" = postgresql ] && url=$postgres
  run "$kind-sweep" --server fork --instances "$instances" --broker "$url" --sweep "rate=$rates"
done
low=${rates%%,*}
for kind in redis redis-streams postgresql; do
  url="$kind://127.0.0.1:$own_port"; [ "$kind" = postgresql ] && url=$own_pg
  run "$kind-pause" --server fork --instances 2 --broker "$url" --rate "$low" --fault broker-pause@1s:2s
  run "$kind-restart" --server fork --instances 2 --broker "$url" --rate "$low" --fault broker-restart@1s
done
for kind in redis redis-streams postgresql; do
  url="$kind://$redis"; [ "$kind" = postgresql ] && url=$postgres
  run "$kind-kill" --server fork --instances "$instances" --broker "$url" --rate "$low" --fault instance-kill@1s
done

echo
echo "| broker | deliveries/s kept up (rate) | hop p50 / p99 | server CPU us/delivery | broker CPU us/delivery |"
echo "|---|---|---|---|---|"
for kind in memory redis redis-streams postgresql; do
  jq -r --arg k "$kind" '
    [.results[] | select(.validity.verdict == "valid")] as $ok
    | if ($ok | length) == 0 then "| \($k) | none kept up | | | |" else ($ok | max_by(.delivery.deliveriesPerSec)) as $r
      | "| \($k) | \($r.delivery.deliveriesPerSec | floor) (\($r.sweepValue) msg/s) | "
        + (if $r.broker == null then "-" else "\($r.broker.hopP50Micros / 1000 * 100 | floor / 100) / \($r.broker.hopP99Micros / 1000 * 100 | floor / 100) ms" end)
        + " | \($r.cpu.serverCpuMicrosPerDelivery * 10 | floor / 10) | "
        + (if $r.broker == null or $r.broker.brokerCpuNanos < 0 then "-" else
             "\($r.broker.brokerCpuNanos / 1000 / ($r.delivery.deliveriesPerSec * $r.measuredWindowMicros / 1e6) * 100 | floor / 100)" end)
        + " |" end' "$out/$kind-sweep/report.json" 2>/dev/null || echo "| $kind | run failed: see $out/$kind-sweep.txt | | | |"
done
echo
echo "| fault | missed (max per client) | doubled | delivery stopped | explained |"
echo "|---|---|---|---|---|"
for f in redis-pause redis-restart redis-streams-pause redis-streams-restart postgresql-pause postgresql-restart \
    redis-kill redis-streams-kill postgresql-kill; do
  jq -r --arg n "$f" '.results[0].broker.faults[0] as $x | "| \($n) \($x.spec) | \($x.missed) (\($x.maxMissedPerClient)) | \($x.duplicated) | \($x.deliveryStoppedMicros / 1e6) s | \($x.explained): \($x.explanation) |"' \
    "$out/$f/report.json" 2>/dev/null || echo "| $f | run failed: see $out/$f.txt | | | |"
done
echo "# $(date -u +%FT%TZ) load average $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/commands.txt"
echo "runs in $out"
