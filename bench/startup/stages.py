#!/usr/bin/env python3
"""Groups an ARRAYDISPATCH_STARTUP_TRACE=1 trace into the stage table of bench/README.md ("Start-up").

    ARRAYDISPATCH_STARTUP_TRACE=1 host/bin/Debug/net10.0/ArrayDispatch.Host backends 2>&1 >/dev/null | python3 bench/startup/stages.py
"""
import re
import sys

LINE = re.compile(r"\[startup\]\s+([\d.]+) ms \(\+\s*[\d.]+\)\s+cpu\s+([\d.]+) ms\s+jitted\s+(\d+)(?:\s+assemblies\s+\d+)?\s+(.*)$")


def group(stage):
    if stage.startswith("Main entered"): return "runtime start to Main (host assembly loaded)"
    if stage.startswith("command line"): return "System.CommandLine: commands built, arguments parsed"
    if stage.startswith("host builder"): return "generic host builder: configuration sources, logging"
    if stage.startswith("AddArrayDispatch: options"): return "ArrayDispatch options bound and validated"
    if re.search(r": (folder found|trust checks|metadata read|dependency pre-flight)", stage): return "plugin discovery and pre-flight (trust, metadata, references), 5 folders"
    if re.search(r": (load context made|entry assembly loaded)", stage): return "load contexts and entry assemblies, 5 plugins"
    if re.search(r": Register ran", stage): return "plugins' Register (handler tables), 5 plugins"
    if re.search(r": registration merged", stage) or stage.startswith("AddArrayDispatch returned"): return "registrations merged into the dispatch tables"
    if stage.startswith("host built"): return "DI container built"
    if stage.startswith("host started"): return "host started (options validated, hosted services)"
    if stage.startswith("backends: services"): return "backends: services resolved"
    if stage.startswith("backends: rows"): return "backends: rows (the Gpu device line)"
    if stage.startswith("backends: table"): return "backends: table written (Spectre.Console)"
    return "rest (to exit)"


def main():
    totals, order = {}, []
    last_cpu, last_jit = 0.0, 0
    wall = cpu = 0.0
    for text in sys.stdin:
        m = LINE.search(text)
        if not m: continue
        wall, cpu, jit, stage = float(m[1]), float(m[2]), int(m[3]), m[4].strip()
        g = group(stage)
        if g not in totals:
            totals[g] = [0.0, 0]
            order.append(g)
        totals[g][0] += cpu - last_cpu
        totals[g][1] += jit - last_jit
        last_cpu, last_jit = cpu, jit
    print("| stage | CPU ms | methods JIT-compiled |")
    print("|---|---|---|")
    for g in order: print(f"| {g} | {totals[g][0]:.1f} | {totals[g][1]} |")
    print(f"| **total** (wall {wall:.0f} ms) | **{cpu:.1f}** | **{last_jit}** |")


if __name__ == "__main__":
    main()
