"""SciPy's side of the spsolve_laplacian2d row: spsolve(A, ones) for the 5-point Laplacian on a 500 x 500 grid.

The matrix is kron(I, tridiag(-1, 4, -1)) + kron(tridiag(-1, 0, -1), I) in CSC (SuperLU's format, so no conversion
is timed), default options (COLAMD, one thread). Prints one numpy_anchors-style JSON line.
    /usr/bin/python3 bench/Sparse/spsolve_scipy.py [reps]
"""
import json
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as sla

k = 500
reps = int(sys.argv[1]) if len(sys.argv) > 1 else 5
t = sp.diags([-1, 4, -1], [-1, 0, 1], shape=(k, k))
s = sp.diags([-1, -1], [-1, 1], shape=(k, k))
a = (sp.kron(sp.identity(k), t) + sp.kron(s, sp.identity(k))).tocsc()
b = np.ones(k * k)
times = []
for _ in range(reps):
    t0 = time.perf_counter()
    x = sla.spsolve(a, b)
    times.append(time.perf_counter() - t0)
    print("%.0f" % (times[-1] * 1e3), end=" ", file=sys.stderr, flush=True)
residual = np.linalg.norm(a @ x - b) / np.linalg.norm(b)
print(json.dumps({"section": "sparse", "name": "spsolve_laplacian2d", "size": "%dx%d nnz=%d" % (k * k, k * k, a.nnz),
                  "median_s": float(np.median(times)), "min_s": min(times), "max_s": max(times), "reps": reps,
                  "residual": float(residual), "label": "SciPy " + scipy.__version__}))
