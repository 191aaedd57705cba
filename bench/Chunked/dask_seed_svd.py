# The seed's SVD with Dask (u, s, v computed together) and NumPy's in-memory svd of an array of the same shape, as JSON
# lines beside bench/Chunked's `--only seed_svd_compute_all` (same build, same timing: one warm-up, median of 5).
#   /usr/bin/python3 bench/Chunked/dask_seed_svd.py
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
med, lo, hi = timed(lambda: dask.compute(*build()))
print(json.dumps({"name": "seed_svd_compute_all", "impl": "dask", "median_s": med, "min_s": lo, "max_s": hi}), flush=True)
xn = np.random.default_rng(0).random((5000, 1000))
med, lo, hi = timed(lambda: np.linalg.svd(xn, full_matrices=False))
print(json.dumps({"name": "seed_svd_numpy_in_memory", "impl": "numpy", "median_s": med, "min_s": lo, "max_s": hi}), flush=True)
