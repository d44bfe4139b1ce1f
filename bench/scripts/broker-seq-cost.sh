#!/usr/bin/env bash
# What one sequence per topic costs the broker: a publish as the server sends it (Redis: the EVALSHA of the ring of
# publishes run, INCR, PUBLISH or XADD; the same without the ring, the sequence alone; PostgreSQL: the upsert of the
# topic's row, the lane's row, pg_notify, one autocommit statement) against the bare
# carrier (PUBLISH, XADD, SELECT pg_notify), with redis-benchmark and pgbench: one connection (the round trip a
# publish waits for) and 32 connections (the broker's throughput). Redis: a redis-server of its own on a free port;
# PostgreSQL: the test database, tables seqcost_seq and seqcost_published created and dropped here. The PostgreSQL
# statement is a copy of PostgresNotifyBroker's (pgbench needs literals where the server binds parameters).
#
#   bench/scripts/broker-seq-cost.sh [--requests N] [--seconds S] [--postgres CONNINFO]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
# shellcheck source=lib.sh
. bench/scripts/lib.sh
requests=50000; seconds=5; postgres="host=127.0.0.1 port=5432 dbname=test user=postgres"
while [ $# -gt 0 ]; do
  case "$1" in
    --requests) requests=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --postgres) postgres=$2; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
ensure_jar
echo "# $(date -u +%FT%TZ) commit $(git rev-parse --short HEAD) load average $(cut -d' ' -f1-3 /proc/loadavg)"

port=$(free_port); dir=$(mktemp -d)
redis-server --port "$port" --bind 127.0.0.1 --save "" --appendonly no --dir "$dir" > "$dir/log" 2>&1 &
pid=$!
trap 'kill -9 $pid 2>/dev/null || true; rm -rf "$dir"; psql "$postgres" -qc "DROP TABLE IF EXISTS seqcost_seq, seqcost_published" >/dev/null 2>&1 || true' EXIT
await_port "$port" "$pid" redis-server "$dir/log"
# the publish scripts exactly as the server loads them (RedisPublishScript + the broker's action): the ring of
# publishes run (exactly once over a lost connection), the topic's next seq, the action, the ring's record
server_script() {
  java -cp server-under-test/target/server-under-test.jar io.pushbench.server.broker.RedisPublishScript "$1"
}
seq_only() {   # the sequence alone, as before the ring (the ring's cost is the difference)
  printf "local s = redis.call('INCR', KEYS[1])\nlocal floor = tonumber(ARGV[1])\nif s <= floor then s = floor + 1; redis.call('SET', KEYS[1], s) end\n%s\nreturn s" "$1"
}
pub_seq=$(redis-cli -p "$port" SCRIPT LOAD "$(seq_only "redis.call('PUBLISH', ARGV[4], s .. ' ' .. ARGV[2] .. ' ' .. ARGV[3])")")
xadd_seq=$(redis-cli -p "$port" SCRIPT LOAD "$(seq_only "redis.call('XADD', KEYS[2], 'MAXLEN', '~', 100000, '*', 't', ARGV[4], 's', s, 'u', ARGV[2], 'p', ARGV[3])")")
pub=$(redis-cli -p "$port" SCRIPT LOAD "$(server_script pubsub)")
xadd=$(redis-cli -p "$port" SCRIPT LOAD "$(server_script streams)")
payload=$(head -c 64 /dev/zero | tr '\0' 'x')
redis_rate() {   # connections, command...
  local c=$1; shift
  redis-benchmark -p "$port" -n "$requests" -c "$c" -q "$@" | tr '\r' '\n' | grep -o '[0-9.]* requests per second' | tail -1 | cut -d' ' -f1
}
echo "| publish | 1 connection: publishes/s (us each) | 32 connections: publishes/s |"
echo "|---|---|---|"
row() {   # label, command...
  local label=$1; shift
  local one many
  one=$(redis_rate 1 "$@"); many=$(redis_rate 32 "$@")
  echo "| $label | $one ($(awk -v r="$one" 'BEGIN { printf "%.1f", 1e6 / r }')) | $many |"
}
row "Redis PUBLISH (bare)" PUBLISH seqcost:t:room "$payload"
row "Redis EVALSHA INCR + PUBLISH (sequence alone)" EVALSHA "$pub_seq" 1 seqcost:seq:room 0 1764750000000000 "$payload" seqcost:t:room
# the publish's number: __rand_int__ (redis-benchmark -r), a fresh one per call as the server's counter gives, so the
# ring is read and written and never answers "ran already"
row "Redis EVALSHA ring + INCR + PUBLISH (server)" -r 1000000000000 EVALSHA "$pub" 2 seqcost:seq:room seqcost:published:a 0 1764750000000000 "$payload" seqcost:t:room __rand_int__
row "Redis XADD (bare)" XADD seqcost:bare MAXLEN '~' 100000 '*' p "$payload"
row "Redis EVALSHA INCR + XADD (sequence alone)" EVALSHA "$xadd_seq" 2 seqcost:seq:room2 seqcost:stream 0 1764750000000000 "$payload" room
row "Redis EVALSHA ring + INCR + XADD (server)" -r 1000000000000 EVALSHA "$xadd" 3 seqcost:seq:room2 seqcost:stream seqcost:published:b 0 1764750000000000 "$payload" room __rand_int__

psql "$postgres" -qc "CREATE TABLE IF NOT EXISTS seqcost_seq (topic text PRIMARY KEY, seq bigint NOT NULL)" >/dev/null
psql "$postgres" -qc "CREATE TABLE IF NOT EXISTS seqcost_published (lane text PRIMARY KEY, number bigint NOT NULL, seq bigint NOT NULL)" >/dev/null
echo "SELECT pg_notify('seqcost', '1 1764750000000000 room $payload');" > "$dir/bare.sql"
cat > "$dir/seq.sql" <<SQL
WITH s AS (INSERT INTO seqcost_seq AS q (topic, seq) VALUES ('room', 0 + 1) ON CONFLICT (topic) DO UPDATE SET seq = GREATEST(q.seq + 1, EXCLUDED.seq) RETURNING q.seq) SELECT s.seq, pg_notify('seqcost', s.seq || ' ' || '1764750000000000' || ' ' || 'room' || ' ' || '$payload') FROM s;
SQL
cat > "$dir/server.sql" <<SQL
WITH s AS (INSERT INTO seqcost_seq AS q (topic, seq) VALUES ('room', 0 + 1) ON CONFLICT (topic) DO UPDATE SET seq = GREATEST(q.seq + 1, EXCLUDED.seq) RETURNING q.seq), r AS (INSERT INTO seqcost_published (lane, number, seq) SELECT 'lane-' || :client_id, 1, s.seq FROM s ON CONFLICT (lane) DO UPDATE SET number = EXCLUDED.number, seq = EXCLUDED.seq) SELECT s.seq, pg_notify('seqcost', s.seq || ' ' || '1764750000000000' || ' ' || 'room' || ' ' || '$payload') FROM s;
SQL
pg_rate() {   # clients, file
  pgbench -n -c "$1" -j "$(( $1 < 2 ? 1 : 2 ))" -T "$seconds" -f "$2" "$postgres" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1
}
for pair in "PostgreSQL SELECT pg_notify (bare):bare" "PostgreSQL upsert + pg_notify (sequence alone):seq" "PostgreSQL upsert + lane row + pg_notify (server):server"; do
  label=${pair%%:*}; file=${pair##*:}
  one=$(pg_rate 1 "$dir/$file.sql"); many=$(pg_rate 32 "$dir/$file.sql")
  echo "| $label | $one ($(awk -v r="$one" 'BEGIN { printf "%.1f", 1e6 / r }')) | $many |"
done
echo "# $(date -u +%FT%TZ) load average $(cut -d' ' -f1-3 /proc/loadavg)"
