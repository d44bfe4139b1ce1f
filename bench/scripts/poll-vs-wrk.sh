#!/usr/bin/env bash
# The short-polling loader against wrk (issue 14), side by side in one sitting against one standalone server: wrk in a
# closed loop and pushbench's short pollers at a 1 ms interval, the same connection count, the same endpoint
# (GET /poll/{topic}?after={latest}: almost every answer is an empty 204; pushbench publishes 1 msg/s to its topic).
# Prints requests/s and loader CPU per request for both: wrk's whole-process CPU over its run, pushbench's loader
# threads over the measured window (and its whole process, warm-up and start included, beside it).
# N pollers at 1 ms may send at most N x 1,000 requests/s: the default, 250 connections, keeps that ceiling above what
# wrk reached on this project's VMs (65,000-194,000/s); a run that reaches 95 % of it says so, as its ratio is then
# the schedule's, not the loader's.
#
#   bench/scripts/poll-vs-wrk.sh [--connections N] [--duration SECONDS] [--threads N] [--out FOLDER]
#   defaults: 250 connections, 20 s, wrk -t 2. Needs wrk (apt-get install wrk).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
source bench/scripts/lib.sh

connections=250; duration=20; threads=2
out="results/poll-vs-wrk-$(date -u +%Y%m%dT%H%M%SZ)"
while [ $# -gt 0 ]; do
  case "$1" in
    --connections) connections=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
ensure_jar
mkdir -p "$out"
trap stop_server EXIT
start_server "$out" server
base=http://127.0.0.1:$SERVER_PORT

# wrk: a topic with one message, polled after it (204s), as the pushbench pollers mostly see
curl -s -o /dev/null -X POST --data-binary 'wrk' "$base/publish/wrk"
echo "== wrk: $(sitting_line)" | tee "$out/sitting.txt"
cpu_of wrk -t"$threads" -c"$connections" -d"${duration}s" "$base/poll/wrk?after=1" > "$out/wrk.txt" 3> "$out/wrk.cpu"
wrk_requests=$(awk '/requests in/ { print $1 }' "$out/wrk.txt")
wrk_rate=$(awk '/^Requests\/sec/ { print $2 }' "$out/wrk.txt")
wrk_cpu=$(cat "$out/wrk.cpu")

echo "== pushbench: $(sitting_line)" | tee -a "$out/sitting.txt"
cpu_of java -jar bench/target/pushbench.jar run --strategies=poll --clients="$connections" --poll-interval=1ms --rate=1 \
     --warmup=5s --duration="${duration}s" --no-post-run --server-pid="$SERVER_PID" \
     --url-poll="$base/poll/{topic}?after={seq}" --publish-url="$base/publish/{topic}" --out="$out/pushbench" \
     > "$out/pushbench.txt" 2>&1 3> "$out/pushbench.cpu" || true
echo "== end: $(sitting_line)" | tee -a "$out/sitting.txt"
python3 - "$out" "$wrk_requests" "$wrk_rate" "$wrk_cpu" "$connections" <<'PY' | tee "$out/table.md"
import json, sys
out, wrk_requests, wrk_rate, wrk_cpu, connections = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
r = json.load(open(f"{out}/pushbench/report.json"))["results"][0]
pb_rate, pb_requests = r["requests"]["requestsPerSec"], r["requests"]["requests"]
pb_cpu_window = r["cpu"]["clientCpuMicros"]
pb_cpu_process = int(open(f"{out}/pushbench.cpu").read())
print(f"| loader | connections | requests/s | loader CPU µs/request | ratio to wrk |")
print(f"|---|---|---|---|---|")
print(f"| wrk | {connections} | {wrk_rate:,.0f} | {wrk_cpu / wrk_requests:.2f} (whole process) | 1.00 |")
print(f"| pushbench short polling, 1 ms interval | {connections} | {pb_rate:,.0f} | {pb_cpu_window / pb_requests:.2f} "
      f"(loader threads, window; whole process incl. start and warm-up {pb_cpu_process:,} µs in all) | {pb_rate / wrk_rate:.2f} |")
ceiling = int(connections) * 1000
if pb_rate >= 0.95 * ceiling:
    print(f"\npushbench ran at its schedule's ceiling ({connections} pollers x 1,000 requests/s = {ceiling:,}/s): the ratio "
          f"is a lower bound; run again with more --connections")
PY
