#!/usr/bin/env bash
# pushbench's load generator against Gatling (issue 14), side by side in one sitting: per strategy (WebSocket, SSE) a
# fresh standalone pushbench server, N clients on one broadcast topic at R msg/s for S seconds, held first by Gatling
# (Java DSL, bench/scripts/gatling/PushSimulation.java, no checks: its cheapest way to receive) and then by pushbench's
# loader. Both: whole-process CPU of the loader JVM (start, connect and idle included, as /usr/bin/time gives it) per
# message the server counted as delivered. Memory: heap used after a full GC with N idle connections minus the same
# JVM's before its first connection, read once with N and once, in another JVM, with N/2 clients; the slope between the
# two, (delta(N) - delta(N/2)) / (N/2), is the heap per idle connection: what the first connection costs once (classes
# loaded, buffer pools, per-thread histograms) is in both deltas and cancels out; the average delta(N) / N, one-time costs
# included, is printed beside it. Gatling: jcmd GC.run + GC.heap_info before its first connection and once all are open;
# pushbench: its own reading (run --loaders 1, a JVM of its own that reads itself after the same full GCs), whose
# direct memory (Netty's buffer pool; Gatling's is not read) is printed apart.
#
#   bench/scripts/gatling-compare.sh [--clients N] [--rate MSG_PER_SEC] [--seconds S] [--strategies ws,sse] [--out DIR]
#   defaults: 5,000 clients, 10 msg/s, 40 s. Gatling 3.13.5 from Maven Central, resolved (first time: ~100 MB) into
#   ~/.m2 by a throwaway Maven project generated under /tmp/pushbench-gatling; nothing of it enters the project's build.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
source bench/scripts/lib.sh

clients=5000; rate=10; seconds=40; strategies=ws,sse
out="results/gatling-compare-$(date -u +%Y%m%dT%H%M%SZ)"
gatling_version=3.13.5
# the JVM flags gatling-maven-plugin passes its forked JVM by default, plus the --add-opens Gatling 3.13 needs on JDK 17
gatling_jvm=(-server -XX:+HeapDumpOnOutOfMemoryError -XX:MaxInlineLevel=20 -XX:MaxTrivialSize=12
             --add-opens=java.base/java.lang=ALL-UNNAMED)
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --strategies) strategies=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ "$seconds" -gt 5 ] || { echo "--seconds must be more than 5" >&2; exit 2; }
ensure_jar
mkdir -p "$out"
out=$(cd "$out" && pwd)

# --- Gatling, outside the project's build: a generated Maven project that only resolves Gatling's classpath
gatling_dir=/tmp/pushbench-gatling
mkdir -p "$gatling_dir/classes"
cat > "$gatling_dir/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.pushbench</groupId>
  <artifactId>gatling-peer</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.gatling.highcharts</groupId>
      <artifactId>gatling-charts-highcharts</artifactId>
      <version>$gatling_version</version>
    </dependency>
  </dependencies>
</project>
POM
(cd "$gatling_dir" && mvn -B -q dependency:build-classpath -Dmdep.outputFile=cp.txt)
gatling_cp="$gatling_dir/classes:$(cat "$gatling_dir/cp.txt")"
javac -d "$gatling_dir/classes" -cp "$gatling_cp" bench/scripts/gatling/PushSimulation.java
cp bench/scripts/gatling/logback.xml "$gatling_dir/classes/"

delivered() { # strategy label of /metrics
  curl -s "http://127.0.0.1:$SERVER_PORT/metrics" | python3 -c "import json,sys; print(json.load(sys.stdin)['strategies']['$1']['messagesDelivered'])"
}
open_connections() {
  curl -s "http://127.0.0.1:$SERVER_PORT/metrics" | python3 -c "import json,sys; print(json.load(sys.stdin)['strategies']['$1']['openConnections'])"
}
heap_used_after_gc() { # pid -> bytes
  jcmd "$1" GC.run > /dev/null
  jcmd "$1" GC.heap_info | sed -n 's/.* used \([0-9]*\)K.*/\1/p' | head -1 | awk '{ print $1 * 1024 }'
}
publish() { # topic rate seconds: POSTs 64-byte payloads on one keep-alive connection at a fixed rate
  python3 - "$SERVER_PORT" "$1" "$2" "$3" <<'PY'
import http.client, sys, time
port, topic, rate, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
c = http.client.HTTPConnection("127.0.0.1", port)
start = time.monotonic()
for i in range(int(rate * seconds)):
    time.sleep(max(0.0, start + i / rate - time.monotonic()))
    c.request("POST", f"/publish/{topic}", body=(b"gatling %08d " % i).ljust(64, b"x"))
    c.getresponse().read()
PY
}

# gatling_run STRATEGY CLIENTS PUBLISH_SECONDS NAME: one Gatling JVM against the running server; reads its heap after a
# full GC before the first connection and once CLIENTS are open, then publishes for PUBLISH_SECONDS (0: none, the JVM
# only holds its connections a moment). Appends "NAME STRATEGY CLIENTS delivered cpu_us heap0 heap1" to figures.txt.
gatling_run() {
  local s=$1 n=$2 publish_sec=$3 name=$4 before idle_before=8 ramp hold runner gatling_pid heap0 heap1
  ramp=$(( (n + 999) / 1000 ))     # 1,000 connections per second, as pushbench's --ramp-up=1000
  hold=$((ramp + 5 + publish_sec + 2))
  before=$(delivered "$s")
  cpu_of java "${gatling_jvm[@]}" -cp "$gatling_cp" -Dpb.base="http://127.0.0.1:$SERVER_PORT" -Dpb.kind="$s" \
      -Dpb.topic=gatling -Dpb.clients="$n" -Dpb.rampSec="$ramp" -Dpb.idleBeforeSec="$idle_before" \
      -Dpb.holdSec="$hold" io.gatling.app.Gatling -s PushSimulation -rf "$out/$name-$s-results" -nr \
      > "$out/$name-$s.txt" 2>&1 3> "$out/$name-$s.cpu" &
  runner=$!
  sleep $((idle_before - 2))   # the JVM is up, no connection yet
  gatling_pid=$(pgrep -f -n "io.gatling.app.Gatling -s PushSimulation" || true)
  [ -n "$gatling_pid" ] || { echo "Gatling did not start; see $out/$name-$s.txt" >&2; exit 3; }
  heap0=$(heap_used_after_gc "$gatling_pid")
  for _ in $(seq 1 $((ramp * 10 + 200))); do
    [ "$(open_connections "$s")" -ge "$n" ] && break; sleep 0.1
  done
  sleep 2
  heap1=$(heap_used_after_gc "$gatling_pid")
  echo "   $name: $(open_connections "$s") connections, heap after GC $heap0 -> $heap1 B" | tee -a "$out/sitting.txt"
  [ "$publish_sec" -eq 0 ] || publish gatling "$rate" "$publish_sec"
  wait "$runner" || echo "   $name exited with $? (see $out/$name-$s.txt)"
  echo "$name $s $n $(( $(delivered "$s") - before )) $(cat "$out/$name-$s.cpu") $heap0 $heap1" >> "$out/figures.txt"
}

# pushbench_memory STRATEGY CLIENTS: pushbench's loader in a JVM of its own (run --loaders 1, forked server), which
# reads its heap and direct memory after full GCs before its first connection and with CLIENTS open (before the first
# message). Appends "NAME STRATEGY CLIENTS heap0 heap1 direct0 direct1" to figures.txt.
pushbench_memory() {
  local s=$1 n=$2 dir="$out/pushbench-$1-memory-$2"
  java -jar bench/target/pushbench.jar run --loaders 1 --servers 1 --strategies="$s" --clients="$n" --rate="$rate" \
      --ramp-up=1000 --warmup=2s --duration=5s --no-post-run --out="$dir" > "$dir.txt" 2>&1 || true
  python3 - "$dir/shard-0/ready.json" "$s" "$n" >> "$out/figures.txt" <<'PY' || echo "   pushbench memory at $n: no reading (see $dir.txt)"
import json, sys
r = json.load(open(sys.argv[1]))
print("pushbench-memory", sys.argv[2], sys.argv[3], r["loaderHeapBaselineBytes"], r["loaderHeapWithBytes"],
      r["loaderDirectBaselineBytes"], r["loaderDirectWithBytes"])
PY
}

trap stop_server EXIT
half=$((clients / 2))
for s in ${strategies//,/ }; do
  case "$s" in ws|sse) ;; *) echo "unknown strategy $s (ws, sse)" >&2; exit 2 ;; esac
  # --- Gatling: CPU and memory with N clients, then memory only with N/2 (the slope between them is per connection)
  start_server "$out" "server-gatling-$s"
  curl -s -o /dev/null -X POST --data-binary 'seed' "http://127.0.0.1:$SERVER_PORT/publish/gatling"   # the topic exists
  echo "== gatling $s: $(sitting_line)" | tee -a "$out/sitting.txt"
  gatling_run "$s" "$clients" "$seconds" gatling
  stop_server
  start_server "$out" "server-gatling-half-$s"
  echo "== gatling $s, $half clients, memory only: $(sitting_line)" | tee -a "$out/sitting.txt"
  gatling_run "$s" "$half" 0 gatling-half
  stop_server

  # --- pushbench: the same workload against a fresh server of the same build
  start_server "$out" "server-pushbench-$s"
  before=$(delivered "$s")
  echo "== pushbench $s: $(sitting_line)" | tee -a "$out/sitting.txt"
  # publishing for S seconds in all, as for Gatling: 5 s of warm-up and S - 5 s measured
  cpu_of java -jar bench/target/pushbench.jar run --strategies="$s" --clients="$clients" --rate="$rate" --ramp-up=1000 \
      --warmup=5s --duration="$((seconds - 5))s" --no-post-run --server-pid="$SERVER_PID" \
      --url-ws="ws://127.0.0.1:$SERVER_PORT/ws/{topic}" --url-sse="http://127.0.0.1:$SERVER_PORT/sse/{topic}" \
      --publish-url="http://127.0.0.1:$SERVER_PORT/publish/{topic}" --out="$out/pushbench-$s" \
      > "$out/pushbench-$s.txt" 2>&1 3> "$out/pushbench-$s.cpu" || true
  echo "pushbench $s $clients $(( $(delivered "$s") - before )) $(cat "$out/pushbench-$s.cpu")" >> "$out/figures.txt"
  stop_server
  echo "== pushbench $s memory, $clients and $half clients: $(sitting_line)" | tee -a "$out/sitting.txt"
  pushbench_memory "$s" "$clients"
  pushbench_memory "$s" "$half"
done
echo "== end: $(sitting_line)" | tee -a "$out/sitting.txt"
python3 - "$out/figures.txt" "$clients" "$half" <<'PY' | tee "$out/table.md"
import sys
rows, n, half = {}, int(sys.argv[2]), int(sys.argv[3])
for line in open(sys.argv[1]):
    f = line.split()
    rows.setdefault(f[1], {})[(f[0], int(f[2]))] = [int(x) for x in f[3:]]
def per_conn(full, halfway):  # (heap0, heap1) at n and at n/2 -> (slope n/2 -> n, average at n), B per connection
    if not full:
        return "-", "-"
    avg = f"{(full[1] - full[0]) / n:,.0f}"
    if not halfway:
        return "-", avg
    return f"{((full[1] - full[0]) - (halfway[1] - halfway[0])) / (n - half):,.0f}", avg
print(f"| strategy | loader | messages received (server count) | loader CPU µs/message | ratio to Gatling "
      f"| heap B per idle connection ({half:,} → {n:,}) | heap B per connection, average at {n:,} (one-time costs included) |")
print("|---|---|---|---|---|---|---|")
for s, r in rows.items():
    g, gh = r.get(("gatling", n)), r.get(("gatling-half", half))
    p = r.get(("pushbench", n))
    pm, pmh = r.get(("pushbench-memory", n)), r.get(("pushbench-memory", half))
    g_cpu = g[1] / g[0] if g and g[0] else None
    if g:
        slope, avg = per_conn(g[2:4], gh[2:4] if gh else None)
        print(f"| {s} | Gatling | {g[0]:,} | {g_cpu:.2f} | 1.00 | {slope} | {avg} |")
    if p:
        p_cpu = p[1] / p[0] if p[0] else None
        ratio = f"{p_cpu / g_cpu:.2f}" if p_cpu and g_cpu else "-"
        slope, avg = per_conn(pm[0:2] if pm else None, pmh[0:2] if pmh else None)
        print(f"| {s} | pushbench | {p[0]:,} | {p_cpu:.2f} | {ratio} | {slope} | {avg} |")
    if pm:
        direct = (pm[3] - pm[2]) / n
        print(f"\npushbench {s}: direct memory besides the heap, average at {n:,}: {direct:,.0f} B per connection "
              f"(Netty's buffer pool; Gatling's is not read)", file=sys.stderr)
PY
