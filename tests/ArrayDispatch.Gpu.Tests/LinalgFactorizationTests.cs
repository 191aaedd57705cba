using ArrayDispatch.Dense;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// The LU family (solve, inv, det, slogdet), cholesky and eigh/eigvalsh on the Gpu (blocked LU and Cholesky, Householder
/// tridiagonalization with the QL iteration on the host) against Dense on the same random matrices: several n including
/// 1 and sizes that span several panels (the CPU accelerator runs panels of 4 columns), stacks, broadcasting, float32,
/// float64 and integer input, and Dense's errors. Results stay on the device.
/// </summary>
public sealed class LinalgFactorizationTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin(), new GpuPlugin(GpuTestBase.Device));

    public void Dispose() => _host.Dispose();

    public static TheoryData<int> Sizes => new() { 1, 2, 5, 9, 13 };

    private static double[] Random(int count, int seed)
    {
        var random = new Random(seed);
        var data = new double[count];
        for (int i = 0; i < count; i++) data[i] = 2 * random.NextDouble() - 1;
        return data;
    }

    /// <summary>A stack of general (not diagonally dominant, so pivoting matters) well-conditioned matrices: random plus a modest multiple of I.</summary>
    private static double[] General(int count, int n, int seed)
    {
        double[] a = Random(count * n * n, seed);
        for (int b = 0; b < count; b++)
            for (int i = 0; i < n; i++) a[b * n * n + i * n + i] += 0.5 * Math.Sqrt(n);
        return a;
    }

    /// <summary>M·Mᵀ + n·I: symmetric positive definite.</summary>
    private static double[] Spd(int count, int n, int seed)
    {
        double[] m = Random(count * n * n, seed);
        var a = new double[count * n * n];
        for (int b = 0; b < count; b++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    double s = i == j ? n : 0;
                    for (int k = 0; k < n; k++) s += m[b * n * n + i * n + k] * m[b * n * n + j * n + k];
                    a[b * n * n + i * n + j] = s;
                }
        return a;
    }

    /// <summary>(M + Mᵀ)/2.</summary>
    private static double[] Symmetric(int count, int n, int seed)
    {
        double[] m = Random(count * n * n, seed);
        var a = new double[count * n * n];
        for (int b = 0; b < count; b++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++) a[b * n * n + i * n + j] = 0.5 * (m[b * n * n + i * n + j] + m[b * n * n + j * n + i]);
        return a;
    }

    private static (NDArray Dense, GpuArray Gpu) Pair(double[] data, DType dtype, params int[] shape)
    {
        NDArray dense = Np.AsArray(HostBuffer.FromContiguous(data, new Shape(shape)), backend: "Dense");
        if (dtype != DType.Float64) dense = Np.AsType(dense, dtype);
        return (dense, (GpuArray)Np.AsArray(dense, backend: "Gpu"));
    }

    private static double[] Values(NDArray x) => Np.AsType(Np.AsArray(x, backend: "Dense"), DType.Float64).ToHost().ToContiguous<double>();

    private static void ShouldMatch(NDArray dense, NDArray gpu, double tolerance, string what)
    {
        gpu.ShouldBeOfType<GpuArray>(what);
        gpu.DType.ShouldBe(dense.DType, what);
        gpu.Shape.ShouldBe(dense.Shape, what);
        double[] e = Values(dense), a = Values(gpu);
        double peak = e.Length == 0 ? 1 : Math.Max(1, e.Max(Math.Abs));
        for (int i = 0; i < e.Length; i++)
        {
            if (double.IsInfinity(e[i])) { a[i].ShouldBe(e[i], $"{what}[{i}]"); continue; }
            Math.Abs(a[i] - e[i]).ShouldBeLessThanOrEqualTo(tolerance * peak, $"{what}[{i}]: Dense {e[i]}, Gpu {a[i]}");
        }
    }

    private static double Tolerance(DType dtype) => dtype == DType.Float32 ? 2e-4 : 1e-10;

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Solve_with_vector_and_matrix_right_hand_sides_matches_Dense(int n)
    {
        foreach (DType dtype in (DType[])[DType.Float64, DType.Float32])
        {
            var (a, ga) = Pair(General(1, n, n), dtype, n, n);
            var (b, gb) = Pair(Random(n, n + 100), dtype, n);
            var (bm, gbm) = Pair(Random(n * 3, n + 200), dtype, n, 3);
            ShouldMatch(Np.Linalg.Solve(a, b), Np.Linalg.Solve(ga, gb), Tolerance(dtype), $"solve vector n={n} {dtype}");
            ShouldMatch(Np.Linalg.Solve(a, bm), Np.Linalg.Solve(ga, gbm), Tolerance(dtype), $"solve matrix n={n} {dtype}");
        }
    }

    [Fact]
    public void Solve_on_stacks_broadcasts_batch_dimensions_as_Dense()
    {
        int n = 6;
        var (a, ga) = Pair(General(6, n, 7), DType.Float64, 2, 3, n, n);
        var (bv, gbv) = Pair(Random(6 * n, 8), DType.Float64, 2, 3, n);           // a stack of vectors
        var (bm, gbm) = Pair(Random(n * 2, 9), DType.Float64, n, 2);              // one matrix, broadcast over (2, 3)
        var (bb, gbb) = Pair(Random(3 * n * 4, 10), DType.Float64, 1, 3, n, 4);   // batch (1, 3) broadcast against (2, 3)
        ShouldMatch(Np.Linalg.Solve(a, bv), Np.Linalg.Solve(ga, gbv), 1e-10, "stacked vectors");
        ShouldMatch(Np.Linalg.Solve(a, bm), Np.Linalg.Solve(ga, gbm), 1e-10, "broadcast matrix");
        ShouldMatch(Np.Linalg.Solve(a, bb), Np.Linalg.Solve(ga, gbb), 1e-10, "broadcast batch");
        var (one, gone) = Pair(General(1, n, 11), DType.Float64, n, n);
        ShouldMatch(Np.Linalg.Solve(one, bb), Np.Linalg.Solve(gone, gbb), 1e-10, "one matrix, stacked right-hand sides");
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Inv_det_and_slogdet_match_Dense(int n)
    {
        foreach (DType dtype in (DType[])[DType.Float64, DType.Float32])
        {
            var (a, ga) = Pair(General(1, n, 3 * n), dtype, n, n);
            ShouldMatch(Np.Linalg.Inv(a), Np.Linalg.Inv(ga), Tolerance(dtype), $"inv n={n} {dtype}");
            ShouldMatch(Np.Linalg.Det(a), Np.Linalg.Det(ga), Tolerance(dtype), $"det n={n} {dtype}");
            SlogdetResult dense = Np.Linalg.Slogdet(a), gpu = Np.Linalg.Slogdet(ga);
            ShouldMatch(dense.Sign, gpu.Sign, 0, $"slogdet sign n={n} {dtype}");
            ShouldMatch(dense.LogAbsDet, gpu.LogAbsDet, Tolerance(dtype), $"slogdet log n={n} {dtype}");
        }
    }

    [Fact]
    public void Inv_det_and_slogdet_of_a_stack_match_Dense()
    {
        int n = 7;
        var (a, ga) = Pair(General(4, n, 21), DType.Float64, 2, 2, n, n);
        ShouldMatch(Np.Linalg.Inv(a), Np.Linalg.Inv(ga), 1e-10, "inv stack");
        ShouldMatch(Np.Linalg.Det(a), Np.Linalg.Det(ga), 1e-10, "det stack");
        SlogdetResult dense = Np.Linalg.Slogdet(a), gpu = Np.Linalg.Slogdet(ga);
        ShouldMatch(dense.Sign, gpu.Sign, 0, "slogdet sign stack");
        ShouldMatch(dense.LogAbsDet, gpu.LogAbsDet, 1e-10, "slogdet log stack");
    }

    [Fact]
    public void The_inverse_times_the_matrix_is_the_identity_on_the_device()
    {
        int n = 11;
        var (_, ga) = Pair(General(1, n, 5), DType.Float64, n, n);
        using var inv = (GpuArray)Np.Linalg.Inv(ga);
        using var product = (GpuArray)Np.MatMul(ga, inv);
        double[] p = product.ToArray<double>();
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) Math.Abs(p[i * n + j] - (i == j ? 1 : 0)).ShouldBeLessThan(1e-10, $"[{i}, {j}]");
    }

    [Fact]
    public void The_trailing_updates_also_match_through_the_GPU_matmul_kernel()
    {
        // GPUs run the trailing updates on the register-blocked matmul (forced on here at its CPU-simulator geometry).
        int n = 10;
        var (a, ga) = Pair(General(2, n, 12), DType.Float64, 2, n, n);
        var (b, gb) = Pair(Random(2 * n * 3, 13), DType.Float64, 2, n, 3);
        var (s, gs) = Pair(Spd(1, n, 14), DType.Float32, n, n);
        ga.Runtime.UseTiledMatMul = true;
        try
        {
            ShouldMatch(Np.Linalg.Solve(a, b), Np.Linalg.Solve(ga, gb), 1e-10, "solve (blocked matmul)");
            ShouldMatch(Np.Linalg.Cholesky(s), Np.Linalg.Cholesky(gs), 2e-4, "cholesky float32 (blocked matmul)");
        }
        finally
        {
            ga.Runtime.UseTiledMatMul = false;
        }
    }

    [Fact]
    public void Empty_stacks_and_empty_matrices_give_Denses_shapes_and_values()
    {
        var (e, ge) = Pair([], DType.Float64, 0, 3, 3);
        var (z, gz) = Pair([], DType.Float64, 0, 0);
        ShouldMatch(Np.Linalg.Inv(e), Np.Linalg.Inv(ge), 0, "inv of an empty stack");
        ShouldMatch(Np.Linalg.Det(e), Np.Linalg.Det(ge), 0, "det of an empty stack");
        ShouldMatch(Np.Linalg.Det(z), Np.Linalg.Det(gz), 0, "det of a 0 x 0 matrix");
        ShouldMatch(Np.Linalg.Cholesky(e), Np.Linalg.Cholesky(ge), 0, "cholesky of an empty stack");
        ShouldMatch(Np.Linalg.Eigvalsh(e), Np.Linalg.Eigvalsh(ge), 0, "eigvalsh of an empty stack");
    }

    [Fact]
    public void A_host_array_beside_a_GpuArray_is_not_moved_implicitly()
    {
        var (_, ga) = Pair(General(1, 3, 1), DType.Float64, 3, 3);
        var (b, _) = Pair(Random(3, 2), DType.Float64, 3);
        Should.Throw<GpuTransferRequiredException>(() => Np.Linalg.Solve(ga, b)).Message.ShouldContain("linalg.solve");
    }

    [Fact]
    public void Integer_input_computes_in_float64_and_float32_stays_float32()
    {
        long[] ints = [4, 1, 2, 3, 5, 1, 0, 2, 6];
        NDArray dense = Np.AsArray(HostBuffer.FromContiguous(ints, new Shape(3, 3)), backend: "Dense");
        var g = (GpuArray)Np.AsArray(dense, backend: "Gpu");
        ShouldMatch(Np.Linalg.Inv(dense), Np.Linalg.Inv(g), 1e-12, "inv int64");
        ShouldMatch(Np.Linalg.Det(dense), Np.Linalg.Det(g), 1e-12, "det int64");
        Np.Linalg.Det(g).DType.ShouldBe(DType.Float64);
        var (_, f) = Pair(General(1, 3, 1), DType.Float32, 3, 3);
        Np.Linalg.Inv(f).DType.ShouldBe(DType.Float32);
        Np.Linalg.Solve(f, g).DType.ShouldBe(DType.Float64);
    }

    [Fact]
    public void A_singular_matrix_raises_Singular_matrix_in_solve_and_inv_and_gives_zero_det()
    {
        // Rank 2 (the third row is the sum of the first two; LU leaves a ~1e-15 residue, as NumPy), in a stack with a regular matrix.
        double[] data = [1, 2, 3, 4, 5, 6, 5, 7, 9, /* regular: */ 2, 0, 0, 0, 3, 0, 0, 0, 4];
        var (a, ga) = Pair(data, DType.Float64, 2, 3, 3);
        var (_, gb) = Pair(Random(3, 1), DType.Float64, 3);
        double[] exactly = [0, 0, 0, 0, 0, 0, 0, 0, 0];
        var (_, zero) = Pair(exactly, DType.Float64, 3, 3);
        Should.Throw<LinAlgException>(() => Np.Linalg.Inv(zero)).Message.ShouldBe("Singular matrix");
        Should.Throw<LinAlgException>(() => Np.Linalg.Solve(zero, gb)).Message.ShouldBe("Singular matrix");
        double[] singular = [1, 2, 2, 4];
        var (s, gs) = Pair(singular, DType.Float64, 2, 2);
        Should.Throw<LinAlgException>(() => Np.Linalg.Inv(gs)).Message.ShouldBe("Singular matrix");
        Should.Throw<LinAlgException>(() => Np.Linalg.Inv(s)).Message.ShouldBe("Singular matrix");
        SlogdetResult dense = Np.Linalg.Slogdet(s), gpu = Np.Linalg.Slogdet(gs);
        Values(gpu.Sign).ShouldBe(Values(dense.Sign));
        Values(gpu.LogAbsDet).ShouldBe([double.NegativeInfinity]);
        Values(Np.Linalg.Det(gs)).ShouldBe([0.0]);
        ShouldMatch(Np.Linalg.Det(a), Np.Linalg.Det(ga), 1e-12, "det of a stack with a nearly singular matrix");
    }

    [Fact]
    public void Non_square_and_one_dimensional_input_raise_Denses_errors()
    {
        var (_, rect) = Pair(Random(6, 1), DType.Float64, 2, 3);
        var (_, vec) = Pair(Random(3, 1), DType.Float64, 3);
        foreach (Func<NDArray, object> f in (Func<NDArray, object>[])[Np.Linalg.Inv, Np.Linalg.Det, Np.Linalg.Slogdet, Np.Linalg.Cholesky, Np.Linalg.Eigh, Np.Linalg.Eigvalsh])
        {
            Should.Throw<LinAlgException>(() => f(rect)).Message.ShouldBe("Last 2 dimensions of the array must be square");
            Should.Throw<LinAlgException>(() => f(vec)).Message.ShouldBe("1-dimensional array given. Array must be at least two-dimensional");
        }
        var (_, sq) = Pair(General(1, 3, 1), DType.Float64, 3, 3);
        var (_, b4) = Pair(Random(4, 1), DType.Float64, 4);
        Should.Throw<ShapeMismatchException>(() => Np.Linalg.Solve(sq, b4)).Message.ShouldContain("size 4 is different from 3");
    }

    [Fact]
    public void Float16_is_refused_as_NumPy_and_complex_is_declined_naming_the_dtype()
    {
        var (_, h) = Pair(General(1, 3, 1), DType.Float16, 3, 3);
        Should.Throw<DTypeMismatchException>(() => Np.Linalg.Inv(h)).Message.ShouldBe("array type float16 is unsupported in linalg");
        using TestHost gpuOnly = TestHost.Create(new GpuPlugin(GpuTestBase.Device));
        using var c = (GpuArray)Np.Zeros(new Shape(3, 3), DType.Complex128, backend: "Gpu");
        foreach (Func<NDArray, object> f in (Func<NDArray, object>[])[Np.Linalg.Inv, Np.Linalg.Det, Np.Linalg.Cholesky, Np.Linalg.Eigh])
        {
            string message = Should.Throw<NoImplementationException>(() => f(c)).Message;
            message.ShouldContain("does not take complex128");
            message.ShouldContain("no complex linear algebra");
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Cholesky_lower_and_upper_match_Dense(int n)
    {
        foreach (DType dtype in (DType[])[DType.Float64, DType.Float32])
        {
            double[] spd = Spd(1, n, 40 + n);
            // Different garbage in the triangle each call must ignore: the upper one for lower, the lower one for upper.
            double[] lowerOnly = (double[])spd.Clone(), upperOnly = (double[])spd.Clone();
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) { lowerOnly[i * n + j] = 99; upperOnly[j * n + i] = -99; }
            var (a, ga) = Pair(lowerOnly, dtype, n, n);
            var (u, gu) = Pair(upperOnly, dtype, n, n);
            ShouldMatch(Np.Linalg.Cholesky(a), Np.Linalg.Cholesky(ga), Tolerance(dtype), $"cholesky n={n} {dtype}");
            ShouldMatch(Np.Linalg.Cholesky(u, upper: true), Np.Linalg.Cholesky(gu, upper: true), Tolerance(dtype), $"cholesky upper n={n} {dtype}");
        }
    }

    [Fact]
    public void Cholesky_of_a_stack_matches_Dense_and_a_matrix_that_is_not_positive_definite_raises()
    {
        int n = 10;
        var (a, ga) = Pair(Spd(3, n, 3), DType.Float64, 3, n, n);
        ShouldMatch(Np.Linalg.Cholesky(a), Np.Linalg.Cholesky(ga), 1e-10, "cholesky stack");
        double[] indefinite = Spd(2, n, 4);
        indefinite[n * n + 7 * n + 7] = -50;     // the second matrix's diagonal entry in a later panel
        var (bad, gbad) = Pair(indefinite, DType.Float64, 2, n, n);
        Should.Throw<LinAlgException>(() => Np.Linalg.Cholesky(bad)).Message.ShouldBe("Matrix is not positive definite");
        Should.Throw<LinAlgException>(() => Np.Linalg.Cholesky(gbad)).Message.ShouldBe("Matrix is not positive definite");
    }

    /// <summary>‖A·v − λ·v‖ small for every pair, V orthogonal, eigenvalues as Dense's (ascending), eigenvectors as Dense's up to sign.</summary>
    private static void ShouldBeEigenpairs(NDArray a, EighResult dense, EighResult gpu, int count, int n, double tolerance, string what)
    {
        gpu.Eigenvalues.ShouldBeOfType<GpuArray>(what);
        gpu.Eigenvectors.ShouldBeOfType<GpuArray>(what);
        ShouldMatch(dense.Eigenvalues, gpu.Eigenvalues, tolerance, what + " eigenvalues");
        gpu.Eigenvectors.Shape.ShouldBe(dense.Eigenvectors.Shape, what);
        double[] av = Values(a), w = Values(gpu.Eigenvalues), v = Values(gpu.Eigenvectors), vd = Values(dense.Eigenvectors);
        double scale = Math.Max(1, av.Max(Math.Abs)) * n;
        for (int b = 0; b < count; b++)
        {
            int o = b * n * n;
            for (int k = 0; k < n; k++)
            {
                if (k > 0) w[b * n + k].ShouldBeGreaterThanOrEqualTo(w[b * n + k - 1], what + " ascending");
                for (int i = 0; i < n; i++)
                {
                    double r = -w[b * n + k] * v[o + i * n + k];
                    for (int j = 0; j < n; j++) r += av[o + i * n + j] * v[o + j * n + k];
                    Math.Abs(r).ShouldBeLessThan(tolerance * scale, $"{what} residual (A v - λ v)[{b}, {i}, {k}]");
                }
                for (int l = 0; l < n; l++)
                {
                    double dot = 0;
                    for (int i = 0; i < n; i++) dot += v[o + i * n + k] * v[o + i * n + l];
                    Math.Abs(dot - (k == l ? 1 : 0)).ShouldBeLessThan(tolerance * n, $"{what} orthogonality [{b}, {k}, {l}]");
                }
                // Same vector as Dense up to its sign (the random spectra are simple).
                double sign = 0;
                for (int i = 0; i < n; i++) sign += v[o + i * n + k] * vd[o + i * n + k];
                sign = Math.Sign(sign);
                for (int i = 0; i < n; i++)
                    Math.Abs(v[o + i * n + k] - sign * vd[o + i * n + k]).ShouldBeLessThan(Math.Sqrt(tolerance) * 10, $"{what} vector [{b}, {i}, {k}]");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Eigh_and_eigvalsh_match_Dense_with_small_residuals(int n)
    {
        foreach (DType dtype in (DType[])[DType.Float64, DType.Float32])
        {
            var (a, ga) = Pair(Symmetric(1, n, 60 + n), dtype, n, n);
            double tolerance = dtype == DType.Float32 ? 1e-5 : 1e-12;
            ShouldBeEigenpairs(a, Np.Linalg.Eigh(a), Np.Linalg.Eigh(ga), 1, n, tolerance, $"eigh n={n} {dtype}");
            ShouldMatch(Np.Linalg.Eigvalsh(a), Np.Linalg.Eigvalsh(ga), tolerance, $"eigvalsh n={n} {dtype}");
        }
    }

    [Fact]
    public void Eigh_of_a_stack_and_with_UPLO_U_reads_the_triangle_Dense_reads()
    {
        int n = 9;
        double[] data = Symmetric(3, n, 5);
        var (a, ga) = Pair(data, DType.Float64, 3, n, n);
        ShouldBeEigenpairs(a, Np.Linalg.Eigh(a), Np.Linalg.Eigh(ga), 3, n, 1e-12, "eigh stack");
        // Garbage below the diagonal: UPLO='U' must read only the upper triangle.
        double[] upper = (double[])data.Clone();
        for (int b = 0; b < 3; b++)
            for (int i = 0; i < n; i++)
                for (int j = 0; j < i; j++) upper[b * n * n + i * n + j] = 42;
        var (u, gu) = Pair(upper, DType.Float64, 3, n, n);
        ShouldMatch(Np.Linalg.Eigvalsh(u, "U"), Np.Linalg.Eigvalsh(gu, "U"), 1e-12, "eigvalsh U");
        ShouldMatch(Np.Linalg.Eigvalsh(a), Np.Linalg.Eigvalsh(gu, "U"), 1e-12, "eigvalsh U equals the symmetric matrix's");
        ShouldBeEigenpairs(a, Np.Linalg.Eigh(u, "U"), Np.Linalg.Eigh(gu, "U"), 3, n, 1e-12, "eigh U");
    }

    [Fact]
    public void Eigh_rotations_split_across_many_chunks_and_matrices_give_the_same_vectors()
    {
        int n = 9;
        var (a, ga) = Pair(Symmetric(3, n, 15), DType.Float64, 3, n, n);
        EighSolver.RotationChunkOverride = 7;
        try
        {
            ShouldBeEigenpairs(a, Np.Linalg.Eigh(a), Np.Linalg.Eigh(ga), 3, n, 1e-12, "eigh, 7 rotations per launch");
        }
        finally
        {
            EighSolver.RotationChunkOverride = null;
        }
    }

    [Fact]
    public void Eigh_of_a_matrix_with_repeated_eigenvalues_still_gives_an_orthonormal_basis()
    {
        // Identity plus a rank-one term: eigenvalue 1 with multiplicity n - 1.
        int n = 8;
        var data = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) data[i * n + j] = (i == j ? 1 : 0) + 0.5;
        var (_, ga) = Pair(data, DType.Float64, n, n);
        EighResult r = Np.Linalg.Eigh(ga);
        double[] w = Values(r.Eigenvalues), v = Values(r.Eigenvectors);
        for (int k = 0; k < n - 1; k++) w[k].ShouldBe(1.0, 1e-12);
        w[n - 1].ShouldBe(1 + 0.5 * n, 1e-12);
        for (int k = 0; k < n; k++)
            for (int l = 0; l < n; l++)
            {
                double dot = 0;
                for (int i = 0; i < n; i++) dot += v[i * n + k] * v[i * n + l];
                dot.ShouldBe(k == l ? 1 : 0, 1e-12);
            }
    }

    [Fact]
    public void Eigh_of_a_matrix_holding_NaN_raises_as_Dense()
    {
        double[] data = Symmetric(1, 4, 1);
        data[1] = double.NaN;    // in the upper triangle, which Dense checks too
        var (a, ga) = Pair(data, DType.Float64, 4, 4);
        Should.Throw<LinAlgException>(() => Np.Linalg.Eigh(a)).Message.ShouldBe("Eigenvalues did not converge");
        Should.Throw<LinAlgException>(() => Np.Linalg.Eigh(ga)).Message.ShouldBe("Eigenvalues did not converge");
    }
}
