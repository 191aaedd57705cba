using ArrayDispatch.Interchange;

namespace ArrayDispatch.Fixtures;

/// <summary>Comparisons of a backend's result with NumPy's, computed on the host (independent of any backend).</summary>
internal static class FixtureChecks
{
    /// <summary>Null when <paramref name="actual"/> matches, else why not.</summary>
    public static string? Compare(HostBuffer actual, HostBuffer expected, bool exact, double rtol, double atol, string what = "result")
    {
        if (actual.Shape != expected.Shape) return $"{what} has shape {actual.Shape}, NumPy's has {expected.Shape}";
        if (actual.DType != expected.DType && (exact || Kind(actual.DType) != Kind(expected.DType)))
        {
            return $"{what} has dtype {actual.DType.Name()}, NumPy's has {expected.DType.Name()}";
        }
        if (exact) return CompareExact(actual, expected, what);
        double[] a = ToDouble(actual), e = ToDouble(expected);
        for (int i = 0; i < a.Length; i++)
        {
            bool ok = (double.IsNaN(a[i]) && double.IsNaN(e[i])) || a[i] == e[i] || Math.Abs(a[i] - e[i]) <= atol + rtol * Math.Abs(e[i]);
            if (!ok) return $"{what} differs at flat index {i}: got {a[i]:R}, NumPy has {e[i]:R} (rtol={rtol}, atol={atol})";
        }
        return null;
    }

    // Float results of another precision compare by value: the fixtures are NumPy 1.24's, whose value-based casting
    // (0-d arrays as weak) and fft (complex128 for float32 input) answer in double where NEP 50 and NumPy 2, which
    // ArrayDispatch follows, keep the operands' precision; a real result never stands for a complex one, and exact
    // cases compare dtypes exactly.
    private static int Kind(DType dtype) => dtype.IsComplex() ? 2 : dtype.IsFloat() ? 1 : 0;

    // Element by element in the elements' own type (exact for uint64 and int64 beyond 2^53, and for both parts of a
    // complex value); NaN equals NaN, and -0 equals +0, as before.
    private static string? CompareExact(HostBuffer actual, HostBuffer expected, string what)
    {
        Array a = actual.ToContiguousArray(), e = expected.ToContiguousArray();
        for (int i = 0; i < a.Length; i++)
        {
            object x = a.GetValue(i)!, y = e.GetValue(i)!;
            if (!x.Equals(y))
            {
                return $"{what} differs at flat index {i}: got {x}, NumPy has {y} (exact)";
            }
        }
        return null;
    }

    /// <summary>The elements in C order as doubles; a complex element as its real part followed by its imaginary part.</summary>
    public static double[] ToDouble(HostBuffer b)
    {
        Array data = b.ToContiguousArray();
        var result = new List<double>(data.Length);
        foreach (object v in data)
        {
            switch (v)
            {
                case Complex64 c: result.Add(c.Real); result.Add(c.Imaginary); break;
                case System.Numerics.Complex c: result.Add(c.Real); result.Add(c.Imaginary); break;
                default: result.Add(ToDouble(v)); break;
            }
        }
        return result.ToArray();
    }

    private static double ToDouble(object v) => v switch
    {
        bool x => x ? 1 : 0,
        Half h => (double)h,
        _ => System.Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The row-major product of an m×k and a k×n matrix.</summary>
    public static double[] MatMul(double[] a, double[] b, int m, int k, int n)
    {
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++)
            {
                double v = a[i * k + p];
                for (int j = 0; j < n; j++) c[i * n + j] += v * b[p * n + j];
            }
        return c;
    }

    /// <summary>Whether two matrices agree to <paramref name="tolerance"/> relative to the larger's max-norm.</summary>
    public static string? Close(double[] actual, double[] expected, double tolerance, string what)
    {
        double scale = Math.Max(1, expected.Select(Math.Abs).DefaultIfEmpty(0).Max());
        for (int i = 0; i < expected.Length; i++)
        {
            if (!(Math.Abs(actual[i] - expected[i]) <= tolerance * scale)) return $"{what} differs at flat index {i}: {actual[i]:R} vs {expected[i]:R}";
        }
        return null;
    }

    // Reconstruction checks run in complex arithmetic (real inputs are complex numbers with zero imaginary parts), to
    // 1e-9 of the input's largest magnitude in double precision and 1e-4 in single (float32, complex64).
    private static bool Single(params HostBuffer[] buffers) => buffers.Any(b => b.DType is DType.Float32 or DType.Complex64);

    private static double Tolerance(params HostBuffer[] buffers) => Single(buffers) ? 1e-4 : 1e-9;

    /// <summary>The row-major product of an m×k and a k×n complex matrix.</summary>
    private static System.Numerics.Complex[] MatMul(System.Numerics.Complex[] a, System.Numerics.Complex[] b, int m, int k, int n)
    {
        var c = new System.Numerics.Complex[m * n];
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++)
            {
                System.Numerics.Complex v = a[i * k + p];
                for (int j = 0; j < n; j++) c[i * n + j] += v * b[p * n + j];
            }
        return c;
    }

    private static string? Close(System.Numerics.Complex[] actual, System.Numerics.Complex[] expected, double tolerance, string what)
    {
        double scale = Math.Max(1, expected.Select(System.Numerics.Complex.Abs).DefaultIfEmpty(0).Max());
        for (int i = 0; i < expected.Length; i++)
        {
            if (!(System.Numerics.Complex.Abs(actual[i] - expected[i]) <= tolerance * scale)) return $"{what} differs at flat index {i}: {actual[i]} vs {expected[i]}";
        }
        return null;
    }

    /// <summary>U·diag(S)·Vh reproduces the input, and S matches NumPy's.</summary>
    public static string? Svd(HostBuffer input, HostBuffer u, HostBuffer s, HostBuffer vh, HostBuffer expectedS)
    {
        double tol = Tolerance(input, u);
        string? sv = Compare(s, expectedS, false, tol, tol, "S");
        if (sv is not null) return sv;
        int m = input.Shape.Dims[0], n = input.Shape.Dims[1], k = s.Shape.Dims[0];
        if (u.Shape.Dims[0] != m || vh.Shape.Dims[1] != n) return $"U {u.Shape} and Vh {vh.Shape} do not fit the input {input.Shape}";
        int uc = u.Shape.Dims[1], vr = vh.Shape.Dims[0];
        if (vr < k) return $"Vh {vh.Shape} has fewer than {k} rows";
        System.Numerics.Complex[] ud = Complexes(u), vd = Complexes(vh);
        double[] sd = ToDouble(s);
        var us = new System.Numerics.Complex[m * k];
        for (int i = 0; i < m; i++) for (int j = 0; j < k; j++) us[i * k + j] = ud[i * uc + j] * sd[j];
        string? rebuilt = Close(MatMul(us, vd.AsSpan(0, k * n).ToArray(), m, k, n), Complexes(input), tol, "U @ diag(S) @ Vh");
        return rebuilt ?? Unitary(ud, m, uc, tol, "U") ?? Unitary(Transposed(vd, vr, n), n, vr, tol, "Vh.T");
    }

    private static System.Numerics.Complex[] Transposed(System.Numerics.Complex[] x, int rows, int cols)
    {
        var t = new System.Numerics.Complex[x.Length];
        for (int i = 0; i < rows; i++) for (int j = 0; j < cols; j++) t[j * rows + i] = x[i * cols + j];
        return t;
    }

    // The columns of the m×c matrix q are orthonormal: qᴴ q = I.
    private static string? Unitary(System.Numerics.Complex[] q, int m, int c, double tolerance, string what)
    {
        for (int a = 0; a < c; a++)
            for (int b = 0; b < c; b++)
            {
                System.Numerics.Complex dot = 0;
                for (int i = 0; i < m; i++) dot += System.Numerics.Complex.Conjugate(q[i * c + a]) * q[i * c + b];
                if (System.Numerics.Complex.Abs(dot - (a == b ? 1 : 0)) > tolerance) return $"the columns of {what} are not orthonormal: column {a} · column {b} = {dot}";
            }
        return null;
    }

    /// <summary>Q·R reproduces the input, R is upper triangular, Q's columns are orthonormal, and the shapes are NumPy's.</summary>
    public static string? Qr(HostBuffer input, HostBuffer q, HostBuffer r, HostBuffer expectedQ, HostBuffer expectedR)
    {
        if (q.Shape != expectedQ.Shape || r.Shape != expectedR.Shape) return $"Q {q.Shape}, R {r.Shape}; NumPy has Q {expectedQ.Shape}, R {expectedR.Shape}";
        double tol = Tolerance(input, q);
        int m = q.Shape.Dims[0], k = q.Shape.Dims[1], n = r.Shape.Dims[1];
        System.Numerics.Complex[] rd = Complexes(r), qd = Complexes(q);
        for (int i = 0; i < r.Shape.Dims[0]; i++)
            for (int j = 0; j < Math.Min(i, n); j++)
                if (System.Numerics.Complex.Abs(rd[i * n + j]) > tol / 10) return $"R is not upper triangular at ({i}, {j}): {rd[i * n + j]}";
        return Close(MatMul(qd, rd, m, k, n), Complexes(input), tol, "Q @ R") ?? Unitary(qd, m, k, tol, "Q");
    }

    /// <summary>
    /// The (real) eigenvalues match NumPy's and A·V = V·diag(w), A the Hermitian matrix of the input's lower triangle, or
    /// with <paramref name="upper"/> (UPLO='U') of its upper triangle; the other triangle is not read.
    /// </summary>
    public static string? Eigh(HostBuffer input, HostBuffer w, HostBuffer v, HostBuffer expectedW, bool upper = false)
    {
        double tol = Tolerance(input, v);
        string? ev = Compare(w, expectedW, false, tol, tol, "eigenvalues");
        if (ev is not null) return ev;
        if (w.DType.IsComplex()) return $"eigenvalues have dtype {w.DType.Name()}; eigh's are real";
        int n = input.Shape.Dims[0];
        System.Numerics.Complex[] a = Complexes(input);
        for (int i = 0; i < n; i++)
        {
            a[i * n + i] = a[i * n + i].Real;
            for (int j = 0; j < i; j++)
            {
                if (upper) a[i * n + j] = System.Numerics.Complex.Conjugate(a[j * n + i]);
                else a[j * n + i] = System.Numerics.Complex.Conjugate(a[i * n + j]);
            }
        }
        return EigenResidual(a, n, w, v, tol);
    }

    /// <summary>The elements sorted ascending, as a 1-d float64 buffer (for results whose order NumPy leaves open).</summary>
    public static HostBuffer Sorted(HostBuffer b)
    {
        double[] v = ToDouble(b);
        Array.Sort(v);
        return HostBuffer.FromContiguous(v, new Shape(v.Length));
    }

    /// <summary>
    /// linalg.eig: the eigenvalues match NumPy's as a set (LAPACK's order is not part of the contract) and every column
    /// of V is an eigenvector of its value: A·V = V·diag(w).
    /// </summary>
    public static string? Eig(HostBuffer input, HostBuffer w, HostBuffer v, HostBuffer expectedW, double rtol, double atol)
    {
        if (w.DType.IsComplex() || expectedW.DType.IsComplex() || input.DType.IsComplex()) return ComplexEig(input, w, v, expectedW, rtol, atol);
        string? ev = Compare(Sorted(w), Sorted(expectedW), false, rtol, atol, "sorted eigenvalues");
        if (ev is not null) return ev;
        int n = input.Shape.Dims[0];
        if (v.Shape != new Shape(n, n)) return $"eigenvectors have shape {v.Shape}, expected ({n}, {n})";
        return EigenResidual(input, w, v, 1e-8);
    }

    // eig with a complex answer: the dtype is complex as NumPy's, each of NumPy's eigenvalues is matched by a distinct one
    // of ours (nearest first; the order is LAPACK's choice), and A·V = V·diag(w) in complex arithmetic.
    private static string? ComplexEig(HostBuffer input, HostBuffer w, HostBuffer v, HostBuffer expectedW, double rtol, double atol)
    {
        if (!w.DType.IsComplex()) return $"eigenvalues have dtype {w.DType.Name()}, NumPy's have {expectedW.DType.Name()}";
        System.Numerics.Complex[] got = Complexes(w), want = Complexes(expectedW);
        if (got.Length != want.Length) return $"{got.Length} eigenvalues, NumPy has {want.Length}";
        var used = new bool[got.Length];
        foreach (System.Numerics.Complex e in want)
        {
            int best = -1;
            for (int i = 0; i < got.Length; i++)
                if (!used[i] && (best < 0 || System.Numerics.Complex.Abs(got[i] - e) < System.Numerics.Complex.Abs(got[best] - e))) best = i;
            if (System.Numerics.Complex.Abs(got[best] - e) > atol + rtol * System.Numerics.Complex.Abs(e)) return $"eigenvalue {e} of NumPy's has no match (nearest {got[best]})";
            used[best] = true;
        }
        int n = input.Shape.Dims[0];
        if (v.Shape != new Shape(n, n)) return $"eigenvectors have shape {v.Shape}, expected ({n}, {n})";
        System.Numerics.Complex[] a = Complexes(input), vc = Complexes(v);
        double scale = 0, worst = 0;
        foreach (System.Numerics.Complex x in a) scale = Math.Max(scale, System.Numerics.Complex.Abs(x));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                System.Numerics.Complex av = 0;
                for (int p = 0; p < n; p++) av += a[i * n + p] * vc[p * n + j];
                worst = Math.Max(worst, System.Numerics.Complex.Abs(av - vc[i * n + j] * got[j]));
            }
        // 1e-8 relative in double; a single-precision answer (complex64) within its own tolerance
        return worst <= Math.Max(1e-8, rtol) * Math.Max(scale, 1) ? null : $"A @ V vs V @ diag(w) differ by {worst:R}";
    }

    private static System.Numerics.Complex[] Complexes(HostBuffer b)
    {
        double[] d = ToDouble(b);
        if (!b.DType.IsComplex()) return d.Select(x => new System.Numerics.Complex(x, 0)).ToArray();
        var c = new System.Numerics.Complex[d.Length / 2];
        for (int i = 0; i < c.Length; i++) c[i] = new(d[2 * i], d[2 * i + 1]);
        return c;
    }

    /// <summary>Each column of V is an eigenvector of its (real) value: A·V = V·diag(w) (eigh and eig alike).</summary>
    private static string? EigenResidual(HostBuffer input, HostBuffer w, HostBuffer v, double tolerance) =>
        EigenResidual(Complexes(input), input.Shape.Dims[0], w, v, tolerance);

    private static string? EigenResidual(System.Numerics.Complex[] a, int n, HostBuffer w, HostBuffer v, double tolerance)
    {
        System.Numerics.Complex[] vd = Complexes(v);
        double[] wd = ToDouble(w);
        System.Numerics.Complex[] av = MatMul(a, vd, n, n, n);
        var vw = new System.Numerics.Complex[n * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) vw[i * n + j] = vd[i * n + j] * wd[j];
        return Close(av, vw, tolerance, "A @ V vs V @ diag(w)");
    }
}
