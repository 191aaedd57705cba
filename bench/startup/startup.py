#!/usr/bin/env python3
"""Cold start of the built app beside NumPy/Dask's import, in one sitting (bench/README.md, "Start-up").

Runs each command --runs times, alternating them so that both see the same machine, and prints per command the median
and minimum wall time and the median CPU time (user + system of the child), then the ratios of the medians to the
anchor. The app is run directly (its build output), never through `dotnet run`, whose build check would be timed too.

    /usr/bin/python3 bench/startup/startup.py                       # host/bin/Debug/net10.0, 10 runs
    /usr/bin/python3 bench/startup/startup.py --app host/bin/Release/net10.0 --runs 20
    /usr/bin/python3 bench/startup/startup.py --baseline /tmp/base/host/bin/Debug/net10.0   # an earlier build beside it
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run_once(argv):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--app", default=os.path.join(ROOT, "host", "bin", "Debug", "net10.0"), help="the app's build output folder")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--baseline", help="another build output folder (e.g. of an earlier commit) to time beside it")
    args = parser.parse_args()
    app = os.path.join(args.app, "ArrayDispatch.Host")
    commands = {
        "backends (5 plugins)": [app, "backends"],
        "--help": [app, "--help"],
        "anchor: python3 -c 'import numpy, dask.array'": ["/usr/bin/python3", "-c", "import numpy, dask.array"],
    }
    if args.baseline:
        commands["baseline backends"] = [os.path.join(args.baseline, "ArrayDispatch.Host"), "backends"]
    for argv in commands.values():   # warm the page cache: every sample is a warm-cache cold start
        run_once(argv)
    samples = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, argv in commands.items():
            samples[name].append(run_once(argv))
    load = os.getloadavg()[0]
    print(f"{args.runs} runs each, alternating; load average {load:.1f}; app {args.app}")
    medians = {}
    for name, runs in samples.items():
        walls = [w for w, _ in runs]
        cpus = [c for _, c in runs]
        medians[name] = (statistics.median(walls), statistics.median(cpus))
        print(f"  {name:48s} wall median {medians[name][0]:.3f} s (min {min(walls):.3f})   cpu median {medians[name][1]:.3f} s")
    anchor = medians["anchor: python3 -c 'import numpy, dask.array'"]
    for name in [n for n in commands if not n.startswith("anchor")]:
        print(f"  ratio {name} / anchor: wall {medians[name][0] / anchor[0]:.2f}, cpu {medians[name][1] / anchor[1]:.2f}")


if __name__ == "__main__":
    sys.exit(main())
