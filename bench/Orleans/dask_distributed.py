# dask.distributed beside bench/Orleans (issue #16): LocalCluster(n_workers=2, threads_per_worker=1), the same three
# workloads, one JSON line each (median of `repeat` runs after a warm-up), with bytes moved between workers and each
# worker's peak resident memory (VmHWM, reset before each workload). Run with Debian's python3-distributed:
#   /usr/bin/python3 bench/Orleans/dask_distributed.py [--quick]
import json, os, statistics, sys, time
import numpy as np
import dask, dask.array as da
from distributed import Client, LocalCluster

quick = "--quick" in sys.argv

def transferred(dask_worker):
    return sum(t.get("total", 0) for t in getattr(dask_worker, "transfer_outgoing_log", []))

def reset_peak():
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")

def peak_kb():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0

def measure(client, name, build, repeat, tasks):
    build().compute()  # warm-up (imports, worker start)
    times, moved = [], []
    client.run(reset_peak)
    for _ in range(repeat):
        before = sum(client.run(transferred).values())
        t = time.perf_counter()
        build().compute()
        times.append(time.perf_counter() - t)
        moved.append(sum(client.run(transferred).values()) - before)
    peaks = sorted(v * 1024 for v in client.run(peak_kb).values())
    print(json.dumps({"system": "dask.distributed", "name": name, "median_s": statistics.median(times), "min_s": min(times),
                      "tasks": tasks, "bytes_between_workers": int(statistics.median(moved)), "worker_peak_rss": peaks}), flush=True)

if __name__ == "__main__":
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    client = Client(cluster)
    repeat = 2 if quick else 3

    def svd():
        x = da.random.random((5000, 1000), chunks=(1000, 1000))
        u, s, v = da.linalg.svd(x)
        return dask.delayed(lambda *a: a)(u, s, v)
    x = da.random.random((5000, 1000), chunks=(1000, 1000))
    measure(client, "seed_svd_compute_usv", svd, repeat, len(dask.base.collections_to_dsk(list(da.linalg.svd(x)), optimize_graph=True)))

    n, c = (8000, 2000) if quick else (20000, 2000)
    big = lambda: da.random.random((n, n), chunks=(c, c)).sum()
    measure(client, f"sum_{n}x{n}_chunks_{c}", big, repeat, len(dask.base.collections_to_dsk([big()], optimize_graph=True)))

    noop = lambda: da.zeros(10000, chunks=1).sum()
    tasks = len(dask.base.collections_to_dsk([noop()], optimize_graph=True))
    measure(client, "noop_10000_chunks", noop, 1 if quick else repeat, tasks)
    client.close()
    cluster.close()
