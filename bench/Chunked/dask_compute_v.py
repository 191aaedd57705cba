# The seed_svd_compute_v row of shared/bench/dask_anchors.py alone (same build, same timing).
import json, statistics, time
import numpy as np
import dask, dask.array as da
def timed(fn, repeat=5, warmup=1):
    for _ in range(warmup): fn()
    ts = []
    for _ in range(repeat):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return statistics.median(ts), min(ts), max(ts)
dask.config.set(scheduler="threads")
def build():
    x = da.random.random((5000, 1000), chunks=(1000, 1000))
    return np.linalg.svd(x)
v = build()[2]
g = dict(v.__dask_graph__())
from dask.optimization import cull
culled, _ = cull(g, list(dask.core.flatten(v.__dask_keys__())))
med, lo, hi = timed(lambda: build()[2].compute())
print(json.dumps({"name": "seed_svd_compute_v", "median_s": med, "min_s": lo, "max_s": hi, "tasks": len(g), "tasks_culled_graph": len(culled)}), flush=True)
