#!/usr/bin/env bash
# pushbench's load generator against Gatling (issue 14), side by side in one sitting: per strategy (WebSocket, SSE) a
# fresh standalone pushbench server, N clients on one broadcast topic at R msg/s for S seconds, held first by Gatling
# (Java DSL, bench/scripts/gatling/PushSimulation.java, no checks: its cheapest way to receive) and then by pushbench's
# loader. Both: whole-process CPU of the loader JVM (start, connect and idle included, as /usr/bin/time gives it) per
# message the server counted as delivered; heap used after a full GC with N idle connections minus without, per
# connection (Gatling: jcmd GC.run + GC.heap_info before its first connection and once all are open; pushbench: its own
# reading, run --loaders 1, which the same two full GCs give in the loader process).
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
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
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

trap stop_server EXIT
ramp_sec=$(( (clients + 999) / 1000 ))     # 1,000 connections per second for both loaders
for s in ${strategies//,/ }; do
  case "$s" in ws) label=ws ;; sse) label=sse ;; *) echo "unknown strategy $s (ws, sse)" >&2; exit 2 ;; esac
  # --- Gatling
  start_server "$out" "server-gatling-$s"
  curl -s -o /dev/null -X POST --data-binary 'seed' "http://127.0.0.1:$SERVER_PORT/publish/gatling"   # the topic exists
  before=$(delivered "$label")
  echo "== gatling $s: $(sitting_line)" | tee -a "$out/sitting.txt"
  idle_before=8; hold=$((ramp_sec + 5 + seconds + 2))
  cpu_of java "${gatling_jvm[@]}" -cp "$gatling_cp" -Dpb.base="http://127.0.0.1:$SERVER_PORT" -Dpb.kind="$s" \
      -Dpb.topic=gatling -Dpb.clients="$clients" -Dpb.rampSec="$ramp_sec" -Dpb.idleBeforeSec="$idle_before" \
      -Dpb.holdSec="$hold" io.gatling.app.Gatling -s PushSimulation -rf "$out/gatling-$s-results" -nr \
      > "$out/gatling-$s.txt" 2>&1 3> "$out/gatling-$s.cpu" &
  runner=$!
  sleep $((idle_before - 2))   # the JVM is up, no connection yet
  gatling_pid=$(pgrep -f -n "io.gatling.app.Gatling -s PushSimulation" || true)
  [ -n "$gatling_pid" ] || { echo "Gatling did not start; see $out/gatling-$s.txt" >&2; exit 3; }
  heap0=$(heap_used_after_gc "$gatling_pid")
  for _ in $(seq 1 $((ramp_sec * 10 + 200))); do
    [ "$(open_connections "$label")" -ge "$clients" ] && break; sleep 0.1
  done
  sleep 2
  heap1=$(heap_used_after_gc "$gatling_pid")
  echo "   gatling: $(open_connections "$label") connections, heap after GC $heap0 -> $heap1 B" | tee -a "$out/sitting.txt"
  publish gatling "$rate" "$seconds"
  wait "$runner" || echo "   gatling exited with $? (see $out/gatling-$s.txt)"
  echo "gatling $s $(( $(delivered "$label") - before )) $(cat "$out/gatling-$s.cpu") $heap0 $heap1" >> "$out/figures.txt"
  stop_server

  # --- pushbench: the same workload against a fresh server of the same build
  start_server "$out" "server-pushbench-$s"
  before=$(delivered "$label")
  echo "== pushbench $s: $(sitting_line)" | tee -a "$out/sitting.txt"
  # publishing for S seconds in all, as for Gatling: 5 s of warm-up and S - 5 s measured
  cpu_of java -jar bench/target/pushbench.jar run --strategies="$s" --clients="$clients" --rate="$rate" --ramp-up=1000 \
      --warmup=5s --duration="$((seconds - 5))s" --no-post-run --server-pid="$SERVER_PID" \
      --url-ws="ws://127.0.0.1:$SERVER_PORT/ws/{topic}" --url-sse="http://127.0.0.1:$SERVER_PORT/sse/{topic}" \
      --publish-url="http://127.0.0.1:$SERVER_PORT/publish/{topic}" --out="$out/pushbench-$s" \
      > "$out/pushbench-$s.txt" 2>&1 3> "$out/pushbench-$s.cpu" || true
  echo "pushbench $s $(( $(delivered "$label") - before )) $(cat "$out/pushbench-$s.cpu")" >> "$out/figures.txt"
  stop_server
  # pushbench's loader heap per connection: its own before/after reading (forked server of its own)
  echo "== pushbench $s memory: $(sitting_line)" | tee -a "$out/sitting.txt"
  java -jar bench/target/pushbench.jar run --loaders 1 --servers 1 --strategies="$s" --clients="$clients" --rate="$rate" \
      --ramp-up=1000 --warmup=2s --duration=5s --no-post-run --out="$out/pushbench-$s-memory" \
      > "$out/pushbench-$s-memory.txt" 2>&1 || true
  grep -h "memory per connection" "$out/pushbench-$s-memory.txt" | sed "s/^/pushbench-memory $s /" >> "$out/figures.txt" || true
done
echo "== end: $(sitting_line)" | tee -a "$out/sitting.txt"
python3 - "$out/figures.txt" "$clients" <<'PY' | tee "$out/table.md"
import re, sys
rows, clients = {}, int(sys.argv[2])
for line in open(sys.argv[1]):
    f = line.split()
    if f[0] in ("gatling", "pushbench"):
        rows.setdefault(f[1], {})[f[0]] = f[2:]
    elif f[0] == "pushbench-memory":
        m = re.search(r"loaders ([0-9,]+) B", line)
        if m:
            rows.setdefault(f[1], {})["memory"] = int(m.group(1).replace(",", ""))
print("| strategy | loader | messages received (server count) | loader CPU µs/message | ratio to Gatling | heap B/idle connection |")
print("|---|---|---|---|---|---|")
for s, r in rows.items():
    g = r.get("gatling"); p = r.get("pushbench")
    g_cpu = int(g[1]) / int(g[0]) if g and int(g[0]) else None
    if g:
        print(f"| {s} | Gatling | {int(g[0]):,} | {g_cpu:.2f} | 1.00 | {(int(g[3]) - int(g[2])) / clients:,.0f} |")
    if p:
        p_cpu = int(p[1]) / int(p[0]) if int(p[0]) else None
        ratio = f"{p_cpu / g_cpu:.2f}" if p_cpu and g_cpu else "-"
        mem = f"{r['memory']:,}" if "memory" in r else "-"
        print(f"| {s} | pushbench | {int(p[0]):,} | {p_cpu:.2f} | {ratio} | {mem} |")
PY
