#!/usr/bin/env python3
"""Prints one table row per strategy of pushbench report.json files (for the scripts under bench/scripts/).

usage: report-row.py LABEL REPORT.json [LABEL REPORT.json ...]
Columns: label, strategy, offered deliveries/s, received deliveries/s, verdict (valid / saturated: not kept up /
invalid), p50 and p99 latency from the scheduled publish time, server CPU per delivery (µs) and the messages each of
the server's writes carried (1.00: a write per message; more when connections were behind, which makes each delivery
cheaper), loader CPU per delivery (µs), requests/s and loader CPU per request (µs; polling only).

A report of a run with --repeat=K holds K results per strategy: their row gives each figure's median and, in brackets,
its range over the K repeats, and the verdict as how many of the K were valid (e.g. "valid 3/3"; a target that needs
a kept-up run holds only at K/K). One VM's repeats of the same build scatter by ±10 % in CPU per delivery
(docs/benchmarks.md), more than most changes a single run could show.
"""
import json
import statistics
import sys
from collections import OrderedDict


def figures(r):
    """The row's figures of one result, as numbers (None where the run has none)."""
    w, d, lat, cpu, req = r["workload"], r["delivery"], r["latency"]["fromScheduled"], r["cpu"], r["requests"]
    offered = w["publishRatePerSec"] * w["clients"] if w["topics"] == "1" else w["publishRatePerSec"] * w["topicCount"]
    polled = bool(req["requests"])
    return {
        "offered": offered,
        "received": d["deliveriesPerSec"],
        "p50": lat["p50Micros"] / 1000,
        "p99": lat["p99Micros"] / 1000,
        "server": cpu.get("serverCpuMicrosPerDelivery"),
        "perWrite": cpu.get("serverMessagesPerWrite"),
        "loader": cpu.get("clientCpuMicrosPerDelivery"),
        "requests": req["requestsPerSec"] if polled else None,
        "perRequest": cpu["clientCpuMicros"] / req["requests"] if polled else None,
    }


FORMATS = OrderedDict([("offered", "{:,.0f}"), ("received", "{:,.0f}"), ("p50", "{:.3f}"), ("p99", "{:.3f}"),
                       ("server", "{:.2f}"), ("perWrite", "{:.2f}"), ("loader", "{:.2f}"), ("requests", "{:,.0f}"),
                       ("perRequest", "{:.2f}")])


def cell(key, values):
    values = [v for v in values if v is not None]
    if not values:
        return "-"
    fmt = FORMATS[key]
    if len(values) == 1 or key == "offered":
        return fmt.format(values[0])
    return f"{fmt.format(statistics.median(values))} [{fmt.format(min(values))}–{fmt.format(max(values))}]"


def verdict(results):
    verdicts = [r["validity"]["verdict"] for r in results]
    if len(verdicts) == 1:
        return verdicts[0]
    counts = OrderedDict()
    for v in sorted(verdicts, key=lambda v: v != "valid"):
        counts[v] = counts.get(v, 0) + 1
    return ", ".join(f"{v} {n}/{len(verdicts)}" for v, n in counts.items())


def rows(label, path):
    report = json.load(open(path))
    by_strategy = OrderedDict()
    for r in report["results"]:
        by_strategy.setdefault(r["strategy"], []).append(r)
    for strategy, results in by_strategy.items():
        each = [figures(r) for r in results]
        cells = {key: cell(key, [f[key] for f in each]) for key in FORMATS}
        yield [label, strategy, cells["offered"], cells["received"], verdict(results), cells["p50"], cells["p99"],
               cells["server"], cells["perWrite"], cells["loader"], cells["requests"], cells["perRequest"]]


def main(argv):
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    header = ["run", "strategy", "offered/s", "received/s", "verdict", "p50 ms", "p99 ms", "srv CPU us/dlv",
              "srv msgs/write", "loader CPU us/dlv", "requests/s", "loader CPU us/req"]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for i in range(0, len(argv), 2):
        for row in rows(argv[i], argv[i + 1]):
            print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
