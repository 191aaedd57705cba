"""SciPy's side of the spsolve rows: spsolve(A, ones) for the 5-point Laplacian on a 500 x 500 grid
(spsolve_laplacian2d) or, with --3d, the 7-point Laplacian on a 30 x 30 x 30 grid (spsolve_laplacian3d).

The 2-D matrix is kron(I, tridiag(-1, 4, -1)) + kron(tridiag(-1, 0, -1), I), the 3-D one the same with a third factor,
in CSC (SuperLU's format, so no conversion is timed), default options (COLAMD, one thread). Prints one
numpy_anchors-style JSON line.
    /usr/bin/python3 bench/Sparse/spsolve_scipy.py [--3d] [reps]
"""
import json
import sys
import time

import numpy as np
import scipy
import scipy.sparse as sp
import scipy.sparse.linalg as sla

args = [arg for arg in sys.argv[1:] if arg != "--3d"]
three = "--3d" in sys.argv[1:]
reps = int(args[0]) if args else 5
if three:
    k = 30
    i = sp.identity(k)
    s = sp.diags([-1, -1], [-1, 1], shape=(k, k))
    t = sp.diags([-1, 6, -1], [-1, 0, 1], shape=(k, k))
    a = (sp.kron(sp.kron(i, i), t) + sp.kron(sp.kron(i, s), i) + sp.kron(sp.kron(s, i), i)).tocsc()
else:
    k = 500
    t = sp.diags([-1, 4, -1], [-1, 0, 1], shape=(k, k))
    s = sp.diags([-1, -1], [-1, 1], shape=(k, k))
    a = (sp.kron(sp.identity(k), t) + sp.kron(s, sp.identity(k))).tocsc()
n = a.shape[0]
b = np.ones(n)
times = []
for _ in range(reps):
    t0 = time.perf_counter()
    x = sla.spsolve(a, b)
    times.append(time.perf_counter() - t0)
    print("%.0f" % (times[-1] * 1e3), end=" ", file=sys.stderr, flush=True)
residual = np.linalg.norm(a @ x - b) / np.linalg.norm(b)
print(json.dumps({"section": "sparse", "name": "spsolve_laplacian3d" if three else "spsolve_laplacian2d", "size": "%dx%d nnz=%d" % (n, n, a.nnz),
                  "median_s": float(np.median(times)), "min_s": min(times), "max_s": max(times), "reps": reps,
                  "residual": float(residual), "label": "SciPy " + scipy.__version__}))
