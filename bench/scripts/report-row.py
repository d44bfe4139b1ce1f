#!/usr/bin/env python3
"""Prints one table row per strategy of pushbench report.json files (for the scripts under bench/scripts/).

usage: report-row.py LABEL REPORT.json [LABEL REPORT.json ...]
Columns: label, strategy, offered deliveries/s, received deliveries/s, verdict (valid / saturated: not kept up /
invalid), p50 and p99 latency from the scheduled publish time, server and loader CPU per delivery (µs), requests/s and
loader CPU per request (µs; polling only).
"""
import json
import sys


def rows(label, path):
    report = json.load(open(path))
    for r in report["results"]:
        w, d, lat, cpu, req = r["workload"], r["delivery"], r["latency"]["fromScheduled"], r["cpu"], r["requests"]
        offered = w["publishRatePerSec"] * w["clients"] if w["topics"] == "1" else w["publishRatePerSec"] * w["topicCount"]
        verdict = r["validity"]["verdict"]
        per_request = ""
        if req["requests"]:
            per_request = f'{cpu["clientCpuMicros"] / req["requests"]:.2f}'
        yield [label, r["strategy"], f"{offered:,.0f}", f'{d["deliveriesPerSec"]:,.0f}', verdict,
               f'{lat["p50Micros"] / 1000:.3f}', f'{lat["p99Micros"] / 1000:.3f}',
               f'{cpu["serverCpuMicrosPerDelivery"]:.2f}' if cpu.get("serverCpuMicrosPerDelivery") is not None else "-",
               f'{cpu["clientCpuMicrosPerDelivery"]:.2f}' if cpu.get("clientCpuMicrosPerDelivery") is not None else "-",
               f'{req["requestsPerSec"]:,.0f}' if req["requests"] else "-", per_request or "-"]


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    header = ["run", "strategy", "offered/s", "received/s", "verdict", "p50 ms", "p99 ms", "srv CPU us/dlv",
              "loader CPU us/dlv", "requests/s", "loader CPU us/req"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for i in range(0, len(argv), 2):
        for row in rows(argv[i], argv[i + 1]):
            print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
