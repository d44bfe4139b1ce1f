#!/usr/bin/env bash
# The server's fan-out at its limit, side by side in one sitting (issue 14): one topic, N WebSocket and N SSE clients,
# forked server, 64 B payloads, the default path (no write delay) on the default transport (io_uring where the kernel
# allows it) and forced to epoll, then with a write delay at a higher rate. Prints deliveries/s received, the kept-up
# verdict (docs/metrics.md), p50/p99 and server CPU per delivery; appends the table to OUT/table.md. Each configuration
# runs --repeat times, WebSocket and SSE alternated, each run against a fresh server: the table gives every figure's
# median and range, and how many repeats kept up (one run's CPU per delivery scatters by +-10 % on these VMs).
#
#   bench/scripts/fanout-limits.sh [--clients N] [--rate MSG_PER_SEC] [--delay-rate MSG_PER_SEC] [--write-delay D]
#                                  [--warmup D] [--duration D] [--repeat K] [--out FOLDER]
#   defaults: 1000 clients, 200 msg/s (200,000 deliveries/s), 300 msg/s with --write-delay=5ms, 5 s + 20 s, 3 repeats
#   (about 9 minutes)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
source bench/scripts/lib.sh

clients=1000; rate=200; delay_rate=300; write_delay=5ms; warmup=5s; duration=20s; repeat=3
out="results/fanout-limits-$(date -u +%Y%m%dT%H%M%SZ)"
while [ $# -gt 0 ]; do
  case "$1" in
    --clients) clients=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --delay-rate) delay_rate=$2; shift 2 ;;
    --write-delay) write_delay=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --repeat) repeat=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
ensure_jar
jar=bench/target/pushbench.jar
mkdir -p "$out"

run() { # label rate server-args...
  local label=$1 r=$2; shift 2
  echo "== $label: $(sitting_line)" | tee -a "$out/sitting.txt"
  # a saturated or invalid run still writes its report (exit 1 or 3): the table shows the verdict
  java -jar "$jar" run --strategies=ws,sse --clients="$clients" --rate="$r" --server=fork --warmup="$warmup" \
       --duration="$duration" --repeat="$repeat" --no-post-run --out="$out/$label" "$@" > "$out/$label.txt" 2>&1 || true
  grep -h "transport" "$out/$label"/server-*.log | sed 's/^/   server: /' | sort -u | tee -a "$out/sitting.txt"
}
run default "$rate"
run epoll "$rate" --server-arg=--transport=EPOLL
run write-delay "$delay_rate" --server-arg=--write-delay="$write_delay"
echo "== end: $(sitting_line)" | tee -a "$out/sitting.txt"
python3 bench/scripts/report-row.py default "$out/default/report.json" epoll "$out/epoll/report.json" \
        "write delay $write_delay" "$out/write-delay/report.json" | tee "$out/table.md"
