# The seed's SVD rows of shared/bench/dask_anchors.py alone, as JSON lines beside bench/Chunked's `--only seed_svd_compute_v`
# / `--only seed_svd_compute_all` (same build, same timing: one warm-up, median of 5): Dask's v alone (with its graph's
# task counts), u, s and v computed together, and NumPy's in-memory svd of an array of the same shape.
#   /usr/bin/python3 bench/Chunked/dask_seed_svd.py [compute_v] [compute_all] [numpy]     (all three by default)
import json, statistics, sys, time
import numpy as np
import dask, dask.array as da
from dask.optimization import cull

def timed(fn, repeat=5, warmup=1):
    for _ in range(warmup): fn()
    ts = []
    for _ in range(repeat):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return statistics.median(ts), min(ts), max(ts)

def row(name, impl, fn, **extra):
    med, lo, hi = timed(fn)
    print(json.dumps({"name": name, "impl": impl, "median_s": med, "min_s": lo, "max_s": hi, **extra}), flush=True)

dask.config.set(scheduler="threads")
def build():
    x = da.random.random((5000, 1000), chunks=(1000, 1000))
    return np.linalg.svd(x)

wanted = set(sys.argv[1:]) or {"compute_v", "compute_all", "numpy"}
if "compute_v" in wanted:
    v = build()[2]
    g = dict(v.__dask_graph__())
    culled, _ = cull(g, list(dask.core.flatten(v.__dask_keys__())))
    row("seed_svd_compute_v", "dask", lambda: build()[2].compute(), tasks=len(g), tasks_culled_graph=len(culled))
if "compute_all" in wanted:
    row("seed_svd_compute_all", "dask", lambda: dask.compute(*build()))
if "numpy" in wanted:
    xn = np.random.default_rng(0).random((5000, 1000))
    row("seed_svd_numpy_in_memory", "numpy", lambda: np.linalg.svd(xn, full_matrices=False))
