using ArrayDispatch.Dense.Linalg;
using ArrayDispatch.Functions;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using C = System.Numerics.Complex;

namespace ArrayDispatch.Dense.Tests.Linalg;

/// <summary>
/// qr, svd, cholesky, eigh, lstsq, pinv, matrix_rank and norm of complex matrices on both paths (LAPACK's z routines
/// when loaded, managed otherwise), checked by reconstruction: Q R = A, U diag(s) Vh = A, L Lᴴ = A, A V = V diag(w),
/// with unitary factors; complex64 input answers complex64 (real parts in float32).
/// </summary>
public sealed class ComplexLinalgTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin());

    public void Dispose() => _host.Dispose();

    private static C[] RandomComplex(int seed, int count)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => new C(rng.NextDouble() * 2 - 1, rng.NextDouble() * 2 - 1)).ToArray();
    }

    private static NDArray Matrix(C[] values, int m, int n, DType dtype = DType.Complex128) =>
        Np.AsArray(values).Reshape(m, n).AsType(dtype);

    private static C[] Values(NDArray x) => x.AsType(DType.Complex128).ToArray<C>();

    private static C[] Mul(C[] a, C[] b, int m, int k, int n)
    {
        var c = new C[m * n];
        for (int i = 0; i < m; i++)
            for (int p = 0; p < k; p++)
                for (int j = 0; j < n; j++) c[i * n + j] += a[i * k + p] * b[p * n + j];
        return c;
    }

    private static C[] H(C[] a, int m, int n)
    {
        var t = new C[a.Length];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) t[j * m + i] = C.Conjugate(a[i * n + j]);
        return t;
    }

    private static void ShouldBeClose(C[] actual, C[] expected, double tolerance)
    {
        actual.Length.ShouldBe(expected.Length);
        for (int i = 0; i < actual.Length; i++)
            C.Abs(actual[i] - expected[i]).ShouldBeLessThan(tolerance, $"element {i}: {actual[i]} vs {expected[i]}");
    }

    // Qᴴ Q = I for the m×c matrix q.
    private static void ShouldHaveOrthonormalColumns(C[] q, int m, int c, double tolerance)
    {
        C[] g = Mul(H(q, m, c), q, c, m, c);
        for (int i = 0; i < c; i++)
            for (int j = 0; j < c; j++) C.Abs(g[i * c + j] - (i == j ? 1 : 0)).ShouldBeLessThan(tolerance);
    }

    private static C[] HermitianPositiveDefinite(int seed, int n)
    {
        C[] b = RandomComplex(seed, n * n);
        C[] a = Mul(b, H(b, n, n), n, n, n);
        for (int i = 0; i < n; i++) a[i * n + i] += n;
        return a;
    }

    [Fact]
    public void The_loaded_lapack_provides_the_complex_routines()
    {
        // Debian's OpenBLAS and reference LAPACK both export zgesdd and the rest, so the native path is the one tested
        // by default here; without a library the managed kernels answer (the Managed rows below).
        if (NativeLapack.Instance is { } nat) nat.HasComplex.ShouldBeTrue();
    }

    [Theory]
    [InlineData(LinalgPath.Default, 5, 5)]
    [InlineData(LinalgPath.Default, 7, 3)]
    [InlineData(LinalgPath.Default, 3, 7)]
    [InlineData(LinalgPath.Managed, 5, 5)]
    [InlineData(LinalgPath.Managed, 7, 3)]
    [InlineData(LinalgPath.Managed, 3, 7)]
    public void Qr_reproduces_the_matrix_with_unitary_q_and_upper_triangular_r(LinalgPath path, int m, int n)
    {
        using var _ = path.Enter();
        C[] a = RandomComplex(m * 10 + n, m * n);
        foreach (QrMode mode in new[] { QrMode.Reduced, QrMode.Complete })
        {
            QrResult r = Np.Linalg.Qr(Matrix(a, m, n), mode);
            int qc = r.Q!.Shape[1];
            qc.ShouldBe(mode == QrMode.Complete ? m : Math.Min(m, n));
            C[] q = Values(r.Q), rv = Values(r.R);
            int rr = r.R.Shape[0];
            for (int i = 0; i < rr; i++) for (int j = 0; j < Math.Min(i, n); j++) rv[i * n + j].ShouldBe(C.Zero);
            ShouldBeClose(Mul(q, rv, m, qc, n), a, 1e-12);
            ShouldHaveOrthonormalColumns(q, m, qc, 1e-12);
        }
        // mode "r" is R of the reduced factorisation
        ShouldBeClose(Values(Np.Linalg.Qr(Matrix(a, m, n), QrMode.R).R), Values(Np.Linalg.Qr(Matrix(a, m, n)).R), 1e-12);
    }

    [Theory]
    [InlineData(LinalgPath.Default, 6, 6)]
    [InlineData(LinalgPath.Default, 8, 3)]
    [InlineData(LinalgPath.Default, 3, 8)]
    [InlineData(LinalgPath.Managed, 6, 6)]
    [InlineData(LinalgPath.Managed, 8, 3)]
    [InlineData(LinalgPath.Managed, 3, 8)]
    public void Svd_reproduces_the_matrix_with_real_descending_singular_values(LinalgPath path, int m, int n)
    {
        using var _ = path.Enter();
        C[] a = RandomComplex(m * 100 + n, m * n);
        int k = Math.Min(m, n);
        foreach (bool full in new[] { true, false })
        {
            SvdResult r = Np.Linalg.Svd(Matrix(a, m, n), full);
            r.S.DType.ShouldBe(DType.Float64);
            double[] s = r.S.ToArray<double>();
            s.ShouldBe(s.OrderByDescending(x => x).ToArray());
            int uc = r.U!.Shape[1], vr = r.Vh!.Shape[0];
            (uc, vr).ShouldBe(full ? (m, n) : (k, k));
            C[] u = Values(r.U), vh = Values(r.Vh);
            ShouldHaveOrthonormalColumns(u, m, uc, 1e-12);
            ShouldHaveOrthonormalColumns(H(vh, vr, n), n, vr, 1e-12);
            var us = new C[m * k];
            for (int i = 0; i < m; i++) for (int j = 0; j < k; j++) us[i * k + j] = u[i * uc + j] * s[j];
            ShouldBeClose(Mul(us, vh.AsSpan(0, k * n).ToArray(), m, k, n), a, 1e-12);
        }
        double[] values = Np.Linalg.Svd(Matrix(a, m, n), computeUV: false).S.ToArray<double>();
        values.ShouldBe(Np.Linalg.Svd(Matrix(a, m, n)).S.ToArray<double>(), 1e-12);
    }

    [Theory]
    [InlineData(LinalgPath.Default)]
    [InlineData(LinalgPath.Managed)]
    public void Svd_of_a_rank_deficient_matrix_completes_the_unitary_factors(LinalgPath path)
    {
        using var _ = path.Enter();
        // the outer product u vᴴ has one non-zero singular value, |u||v|
        C[] u = RandomComplex(1, 4), v = RandomComplex(2, 3);
        C[] a = Mul(u, H(v, 3, 1), 4, 1, 3);
        SvdResult r = Np.Linalg.Svd(Matrix(a, 4, 3));
        double[] s = r.S.ToArray<double>();
        double norm(C[] x) => Math.Sqrt(x.Sum(c => c.Magnitude * c.Magnitude));
        s[0].ShouldBe(norm(u) * norm(v), 1e-12);
        s[1].ShouldBeLessThan(1e-12);
        ShouldHaveOrthonormalColumns(Values(r.U!), 4, 4, 1e-12);
        ShouldHaveOrthonormalColumns(H(Values(r.Vh!), 3, 3), 3, 3, 1e-12);
    }

    [Theory]
    [InlineData(LinalgPath.Default)]
    [InlineData(LinalgPath.Managed)]
    public void Cholesky_gives_lower_l_with_l_lh_equal_to_a(LinalgPath path)
    {
        using var _ = path.Enter();
        C[] a = HermitianPositiveDefinite(3, 5);
        C[] l = Values(Np.Linalg.Cholesky(Matrix(a, 5, 5)));
        for (int i = 0; i < 5; i++)
        {
            l[i * 5 + i].Imaginary.ShouldBe(0);
            l[i * 5 + i].Real.ShouldBeGreaterThan(0);
            for (int j = i + 1; j < 5; j++) l[i * 5 + j].ShouldBe(C.Zero);
        }
        ShouldBeClose(Mul(l, H(l, 5, 5), 5, 5, 5), a, 1e-12);
        C[] negative = a.Select(c => -c).ToArray();
        Should.Throw<LinAlgException>(() => Np.Linalg.Cholesky(Matrix(negative, 5, 5))).Message.ShouldBe("Matrix is not positive definite");
    }

    [Theory]
    [InlineData(LinalgPath.Default)]
    [InlineData(LinalgPath.Managed)]
    public void Eigh_of_a_hermitian_matrix_gives_real_ascending_values_and_unitary_vectors(LinalgPath path)
    {
        using var _ = path.Enter();
        const int n = 6;
        C[] a = HermitianPositiveDefinite(4, n);
        // only the lower triangle is read, as NumPy's UPLO='L': garbage above the diagonal changes nothing
        C[] lowerOnly = (C[])a.Clone();
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) lowerOnly[i * n + j] = new C(99, -7);
        EighResult r = Np.Linalg.Eigh(Matrix(lowerOnly, n, n));
        r.Eigenvalues.DType.ShouldBe(DType.Float64);
        double[] w = r.Eigenvalues.ToArray<double>();
        w.ShouldBe(w.Order().ToArray());
        C[] v = Values(r.Eigenvectors);
        ShouldHaveOrthonormalColumns(v, n, n, 1e-12);
        C[] av = Mul(a, v, n, n, n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) C.Abs(av[i * n + j] - v[i * n + j] * w[j]).ShouldBeLessThan(1e-11);
        Np.Linalg.Eigvalsh(Matrix(lowerOnly, n, n)).ToArray<double>().ShouldBe(w, 1e-12);
    }

    [Theory]
    [InlineData(LinalgPath.Default)]
    [InlineData(LinalgPath.Managed)]
    public void Lstsq_and_pinv_solve_overdetermined_and_underdetermined_systems(LinalgPath path)
    {
        using var _ = path.Enter();
        // overdetermined: x minimises ‖A x − b‖, so the residual is orthogonal to A's columns (Aᴴ (b − A x) = 0)
        C[] a = RandomComplex(5, 8 * 3), b = RandomComplex(6, 8);
        LstsqResult r = Np.Linalg.Lstsq(Matrix(a, 8, 3), Np.AsArray(b));
        r.Rank.ShouldBe(3);
        C[] x = Values(r.Solution);
        C[] res = b.Zip(Mul(a, x, 8, 3, 1), (p, q) => p - q).ToArray();
        ShouldBeClose(Mul(H(a, 8, 3), res, 3, 8, 1), new C[3], 1e-12);
        r.Residuals.DType.ShouldBe(DType.Float64);
        r.Residuals.ToArray<double>()[0].ShouldBe(res.Sum(c => c.Magnitude * c.Magnitude), 1e-12);
        ShouldBeClose(Mul(Values(Np.Linalg.Pinv(Matrix(a, 8, 3))), b, 3, 8, 1), x, 1e-12);
        // underdetermined: the minimum-norm solution lies in the row space, x = Aᴴ (A Aᴴ)⁻¹ b
        C[] w = RandomComplex(7, 3 * 6), bw = RandomComplex(8, 3);
        C[] xw = Values(Np.Linalg.Lstsq(Matrix(w, 3, 6), Np.AsArray(bw)).Solution);
        ShouldBeClose(Mul(w, xw, 3, 6, 1), bw, 1e-12);
        C[] y = Values(Np.Linalg.Solve(Matrix(Mul(w, H(w, 3, 6), 3, 6, 3), 3, 3), Np.AsArray(bw)));
        ShouldBeClose(xw, Mul(H(w, 3, 6), y, 6, 3, 1), 1e-12);
        // A pinv(A) A = A
        C[] pw = Values(Np.Linalg.Pinv(Matrix(w, 3, 6)));
        ShouldBeClose(Mul(Mul(w, pw, 3, 6, 3), w, 3, 3, 6), w, 1e-12);
    }

    [Theory]
    [InlineData(LinalgPath.Default)]
    [InlineData(LinalgPath.Managed)]
    public void Matrix_rank_and_singular_value_norms_of_complex_matrices(LinalgPath path)
    {
        using var _ = path.Enter();
        C[] u = RandomComplex(9, 5 * 2), v = RandomComplex(10, 2 * 4);
        NDArray low = Matrix(Mul(u, v, 5, 2, 4), 5, 4);
        Np.Linalg.MatrixRank(low).ToArray<long>().ShouldBe([2]);
        Np.Linalg.MatrixRank(Matrix(RandomComplex(11, 20), 5, 4)).ToArray<long>().ShouldBe([4]);
        double[] s = Np.Linalg.Svd(low, computeUV: false).S.ToArray<double>();
        Np.Linalg.Norm(low, 2.0).ToArray<double>()[0].ShouldBe(s[0], 1e-12);
        Np.Linalg.Norm(low, NormOrder.Nuclear).ToArray<double>()[0].ShouldBe(s.Sum(), 1e-12);
        // the Frobenius norm is also √Σσ²
        Np.Linalg.Norm(low).ToArray<double>()[0].ShouldBe(Math.Sqrt(s.Sum(x => x * x)), 1e-12);
    }

    [Theory]
    [InlineData(LinalgPath.Default, DType.Complex128)]
    [InlineData(LinalgPath.Managed, DType.Complex128)]
    [InlineData(LinalgPath.Default, DType.Complex64)]
    [InlineData(LinalgPath.Managed, DType.Complex64)]
    public void Solve_inv_and_slogdet_of_complex_matrices_agree_with_each_other(LinalgPath path, DType dtype)
    {
        using var _ = path.Enter();
        double tolerance = dtype == DType.Complex64 ? 1e-4 : 1e-12;
        C[] a = RandomComplex(21, 25);
        for (int i = 0; i < 5; i++) a[i * 5 + i] += 3;
        C[] b = RandomComplex(22, 10);
        NDArray am = Matrix(a, 5, 5, dtype);
        C[] av = Values(am);
        NDArray x = Np.Linalg.Solve(am, Matrix(b, 5, 2, dtype));
        x.DType.ShouldBe(dtype);
        ShouldBeClose(Mul(av, Values(x), 5, 5, 2), Values(Matrix(b, 5, 2, dtype)), tolerance);
        NDArray inv = Np.Linalg.Inv(am);
        inv.DType.ShouldBe(dtype);
        C[] identity = Mul(av, Values(inv), 5, 5, 5);
        ShouldBeClose(identity, Enumerable.Range(0, 25).Select(i => i % 6 == 0 ? C.One : C.Zero).ToArray(), tolerance);
        // det(A) = sign · exp(log|det|) and det(A⁻¹) = 1 / det(A)
        SlogdetResult sd = Np.Linalg.Slogdet(am);
        sd.LogAbsDet.DType.ShouldBe(dtype == DType.Complex64 ? DType.Float32 : DType.Float64);
        C det = Values(Np.Linalg.Det(am))[0], detInv = Values(Np.Linalg.Det(inv))[0];
        C.Abs(det * detInv - 1).ShouldBeLessThan(tolerance * 10);
        C sign = Values(sd.Sign)[0];
        C.Abs(sign).ShouldBe(1, tolerance);
        C.Abs(sign * Math.Exp(sd.LogAbsDet.AsType(DType.Float64).ToArray<double>()[0]) - det).ShouldBeLessThan(tolerance * C.Abs(det));
        Should.Throw<LinAlgException>(() => Np.Linalg.Inv(Matrix(new C[4], 2, 2, dtype))).Message.ShouldBe("Singular matrix");
    }

    [Fact]
    public void Complex64_input_answers_complex64_factors_and_float32_values()
    {
        C[] a = RandomComplex(12, 16);
        NDArray x = Matrix(a, 4, 4, DType.Complex64);
        SvdResult svd = Np.Linalg.Svd(x);
        (svd.U!.DType, svd.S.DType, svd.Vh!.DType).ShouldBe((DType.Complex64, DType.Float32, DType.Complex64));
        QrResult qr = Np.Linalg.Qr(x);
        (qr.Q!.DType, qr.R.DType).ShouldBe((DType.Complex64, DType.Complex64));
        NDArray h = Matrix(HermitianPositiveDefinite(13, 4), 4, 4, DType.Complex64);
        EighResult eigh = Np.Linalg.Eigh(h);
        (eigh.Eigenvalues.DType, eigh.Eigenvectors.DType).ShouldBe((DType.Float32, DType.Complex64));
        Np.Linalg.Cholesky(h).DType.ShouldBe(DType.Complex64);
        Np.Linalg.Pinv(x).DType.ShouldBe(DType.Complex64);
        Np.Linalg.Norm(x).DType.ShouldBe(DType.Float32);
        Np.Linalg.Norm(x, 2.0).DType.ShouldBe(DType.Float32);
        LstsqResult ls = Np.Linalg.Lstsq(x, Np.AsArray(RandomComplex(14, 4)).AsType(DType.Complex64));
        (ls.Solution.DType, ls.SingularValues.DType).ShouldBe((DType.Complex64, DType.Float32));
        // the factors reproduce the input to single precision
        C[] u = Values(svd.U), vh = Values(svd.Vh);
        double[] s = svd.S.AsType(DType.Float64).ToArray<double>();
        var us = new C[16];
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) us[i * 4 + j] = u[i * 4 + j] * s[j];
        ShouldBeClose(Mul(us, vh, 4, 4, 4), Values(x), 1e-5);
    }

    [Fact]
    public void Unique_and_searchsorted_order_complex_values_by_real_then_imaginary_part()
    {
        C[] values = [new(1, 2), new(1, -1), new(0, 5), new(1, 2), new(-1, 0), new(0, 5)];
        UniqueResult u = Np.Unique(Np.AsArray(values), returnIndex: true, returnInverse: true, returnCounts: true);
        u.Values.ToArray<C>().ShouldBe([new(-1, 0), new(0, 5), new(1, -1), new(1, 2)]);
        u.Indices!.ToArray<long>().ShouldBe([4, 2, 1, 0]);
        u.Inverse!.ToArray<long>().ShouldBe([3, 2, 1, 3, 0, 1]);
        u.Counts!.ToArray<long>().ShouldBe([1, 2, 1, 2]);
        NDArray sorted = u.Values;
        C[] probes = [new(0, 5), new(0, 6), new(1, -2), new(-2, 9)];
        Np.SearchSorted(sorted, Np.AsArray(probes)).ToArray<long>().ShouldBe([1, 2, 2, 0]);
        Np.SearchSorted(sorted, Np.AsArray(probes), right: true).ToArray<long>().ShouldBe([2, 2, 2, 0]);
        Np.Unique(Np.AsArray(values).AsType(DType.Complex64)).Values.DType.ShouldBe(DType.Complex64);
    }
}
