#!/usr/bin/env bash
# Single-message latency against the loopback floor (issue 14), in one sitting: a C ping-pong over loopback TCP paced
# at the same rate (bench/scripts/c/pingpong.c, built here with gcc; one round trip = two one-way hops, as one
# publish-to-delivery is; it also times one system call, in which VMs of one kind differ), then one WebSocket client
# of a forked server at that rate, on the server's default transport and on epoll. Prints p50/p99 of both and appends
# the table to OUT/table.md.
#
#   bench/scripts/latency-floor.sh [--rate MSG_PER_SEC] [--warmup D] [--duration SECONDS] [--out FOLDER]
#   defaults: 1,000 msg/s, 20 s warm-up (at 1,000 msg/s the per-message code is compiled by C2 only after 10-15 s;
#   with 5 s the window's first seconds ran partly interpreted), 20 s measured
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
source bench/scripts/lib.sh

rate=1000; warmup=20s; duration=20
out="results/latency-floor-$(date -u +%Y%m%dT%H%M%SZ)"
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
command -v gcc >/dev/null || { echo "gcc is needed for the loopback floor: apt-get install gcc" >&2; exit 2; }
ensure_jar
mkdir -p "$out"
gcc -O2 -Wall -o "$out/pingpong" bench/scripts/c/pingpong.c

echo "== floor: $(sitting_line)" | tee "$out/sitting.txt"
"$out/pingpong" $((rate * duration)) "$rate" 64 | tee "$out/floor.txt"
for transport in AUTO EPOLL; do
  echo "== ws $transport: $(sitting_line)" | tee -a "$out/sitting.txt"
  java -jar bench/target/pushbench.jar run --strategies=ws --clients=1 --rate="$rate" --server=fork \
       --server-arg=--transport="$transport" --warmup="$warmup" --duration="${duration}s" --no-post-run \
       --out="$out/ws-$transport" > "$out/ws-$transport.txt" 2>&1 || true
  grep -h "transport" "$out/ws-$transport"/server-*.log | sed 's/^/   server: /' | sort -u | tee -a "$out/sitting.txt"
done
echo "== end: $(sitting_line)" | tee -a "$out/sitting.txt"
python3 - "$out" <<'PY' | tee "$out/table.md"
import json, re, sys
out = sys.argv[1]
floor = open(f"{out}/floor.txt").read()
p50, p99 = (float(re.search(p + r" ([0-9.]+) us", floor).group(1)) for p in ("p50", "p99"))
print("| what | p50 µs | p99 µs | verdict |")
print("|---|---|---|---|")
print(f"| loopback floor: C ping-pong round trip, 64 B | {p50:.0f} | {p99:.0f} | - |")
syscall = re.search(r"a system call \(getppid\): ([0-9]+) ns", floor).group(1)
print(f"| one system call on this machine (getppid): {syscall} ns, a cost every hop pays | - | - | - |")
for t in ("AUTO", "EPOLL"):
    r = json.load(open(f"{out}/ws-{t}/report.json"))["results"][0]
    lat = r["latency"]["fromScheduled"]
    print(f"| WebSocket, 1 client, forked server, transport {t.lower()}: publish (scheduled) to delivery "
          f"| {lat['p50Micros']} | {lat['p99Micros']} | {r['validity']['verdict']} |")
PY
