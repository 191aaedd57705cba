"""Issue #21's rows in NumPy, beside bench/UserApp (same names, same JSON fields). Run with /usr/bin/python3."""
import json, sys, time
import numpy as np

reps = int(sys.argv[1]) if len(sys.argv) > 1 else 15
N = 10_000_000
rng = np.random.default_rng(42)
a = rng.random(N)
b = rng.random(N)
result_mb = N * 8 / 1e6

def rss():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0

one = a + b
rss_one = rss()
del one
peak = 0
t0 = time.perf_counter()
for _ in range(100):
    r = a + b
    peak = max(peak, rss())
    del r
print(json.dumps({"section": "userapp", "name": "rss_loop100_add", "size": str(N), "rss_one_mb": round(rss_one / 1e6),
                  "rss_peak_mb": round(peak / 1e6), "peak_minus_one_in_results": round((peak - rss_one) / 1e6 / result_mb, 2),
                  "loop_s": time.perf_counter() - t0, "impl": "numpy " + np.__version__}))

rows = [("add_alloc", lambda: a + b), ("mul_scalar_add", lambda: a * 2.0 + b), ("exp_alloc", lambda: np.exp(a))]
for name, run in rows:
    for _ in range(3):
        run()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        r = run()
        times.append(time.perf_counter() - t0)
        del r
    times.sort()
    print(json.dumps({"section": "userapp", "name": name, "size": str(N), "median_s": times[reps // 2],
                      "min_s": times[0], "reps": reps, "impl": "numpy " + np.__version__}))

