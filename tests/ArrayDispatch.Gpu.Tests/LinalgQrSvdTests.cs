using ArrayDispatch.Dense;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Testing;

namespace ArrayDispatch.Gpu.Tests;

/// <summary>
/// numpy.linalg's qr, svd, svdvals, lstsq, pinv, matrix_rank and norm on the Gpu (blocked Householder and one-sided
/// Jacobi on ILGPU's CPU accelerator, panels of 4 columns so small matrices span several) against Dense on the same
/// random data: tall, wide, square, 1×1, stacked and rank-deficient inputs, float64 and float32; reconstructions,
/// orthogonality, NumPy's shapes and signs (QR's R diagonal as LAPACK's), results staying on the device, Dense's errors.
/// </summary>
public sealed class LinalgQrSvdTests : IDisposable
{
    private readonly TestHost _host = TestHost.Create(new DensePlugin(), new GpuPlugin(GpuTestBase.Device));

    public void Dispose() => _host.Dispose();

    private static double[] Random(int count, int seed)
    {
        var random = new Random(seed);
        var data = new double[count];
        for (int i = 0; i < count; i++) data[i] = random.NextDouble() * 2 - 1;
        return data;
    }

    private static NDArray Dense(double[] data, DType dtype, params int[] shape)
    {
        NDArray d = Np.AsArray(HostBuffer.FromContiguous(data, new Shape(shape)), backend: "Dense");
        return dtype == DType.Float64 ? d : Np.AsType(d, dtype);
    }

    private static NDArray Gpu(NDArray dense) => Np.AsArray(dense, backend: "Gpu");

    /// <summary>A rank-<paramref name="rank"/> m × n matrix (a product of m × rank and rank × n random factors).</summary>
    private static double[] LowRank(int m, int n, int rank, int seed)
    {
        double[] a = Random(m * rank, seed), b = Random(rank * n, seed + 1);
        var c = new double[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < rank; k++) c[i * n + j] += a[i * rank + k] * b[k * n + j];
        return c;
    }

    private static double[] Values(NDArray a) => a.DType switch
    {
        DType.Float32 => Array.ConvertAll(a.ToHost().ToContiguous<float>(), v => (double)v),
        DType.Float16 => Array.ConvertAll(a.ToHost().ToContiguous<Half>(), v => (double)v),
        DType.Int64 => Array.ConvertAll(a.ToHost().ToContiguous<long>(), v => (double)v),
        _ => a.ToHost().ToContiguous<double>(),
    };

    private static double Tolerance(DType dtype) => dtype == DType.Float32 ? 2e-4 : 1e-10;

    private static void ShouldMatch(NDArray dense, NDArray gpu, double tolerance, string what)
    {
        gpu.ShouldBeOfType<GpuArray>(what);
        gpu.DType.ShouldBe(dense.DType, what);
        gpu.Shape.ShouldBe(dense.Shape, what);
        double[] e = Values(dense), a = Values(gpu);
        double scale = 1;
        foreach (double v in e) scale = Math.Max(scale, Math.Abs(v));
        for (int i = 0; i < e.Length; i++)
            Math.Abs(a[i] - e[i]).ShouldBeLessThanOrEqualTo(tolerance * scale, $"{what}[{i}]: Dense {e[i]}, Gpu {a[i]}");
    }

    /// <summary>‖QᵀQ - I‖_max over the columns of the last two axes of <paramref name="q"/> (computed on the host from the download).</summary>
    private static double OrthogonalityError(double[] q, int rows, int cols, int offset = 0)
    {
        double worst = 0;
        for (int a = 0; a < cols; a++)
            for (int b = 0; b < cols; b++)
            {
                double s = 0;
                for (int i = 0; i < rows; i++) s += q[offset + i * cols + a] * q[offset + i * cols + b];
                worst = Math.Max(worst, Math.Abs(s - (a == b ? 1 : 0)));
            }
        return worst;
    }

    public static TheoryData<int, int> Shapes => new() { { 6, 4 }, { 4, 6 }, { 5, 5 }, { 1, 1 }, { 13, 9 }, { 9, 13 }, { 12, 1 }, { 1, 7 }, { 40, 24 }, { 24, 40 } };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Qr_matches_Dense_in_every_mode_with_LAPACKs_signs(int m, int n)
    {
        foreach (DType dtype in new[] { DType.Float64, DType.Float32 })
        {
            NDArray d = Dense(Random(m * n, m * 31 + n), dtype, m, n);
            NDArray g = Gpu(d);
            foreach (QrMode mode in new[] { QrMode.Reduced, QrMode.Complete, QrMode.R })
            {
                QrResult expected = Np.Linalg.Qr(d, mode), actual = Np.Linalg.Qr(g, mode);
                string what = $"qr {m}x{n} {dtype.Name()} {mode}";
                ShouldMatch(expected.R, actual.R, Tolerance(dtype), what + " R");
                if (mode == QrMode.R) { actual.Q.ShouldBeNull(); continue; }
                ShouldMatch(expected.Q!, actual.Q!, Tolerance(dtype), what + " Q");
                OrthogonalityError(Values(actual.Q!), m, actual.Q!.Shape[1]).ShouldBeLessThan(Tolerance(dtype), what);
                // ‖A - QR‖ computed on the device: the product stays a GpuArray.
                NDArray qr = Np.MatMul(actual.Q!, actual.R);
                qr.ShouldBeOfType<GpuArray>();
                ShouldMatch(d, qr, Tolerance(dtype), what + " QR");
            }
        }
    }

    [Fact]
    public void Qr_of_a_stack_and_of_integers_follows_Dense()
    {
        NDArray d = Dense(Random(2 * 3 * 7 * 5, 7), DType.Float64, 2, 3, 7, 5);
        QrResult expected = Np.Linalg.Qr(d), actual = Np.Linalg.Qr(Gpu(d));
        ShouldMatch(expected.Q!, actual.Q!, 1e-10, "stacked Q");
        ShouldMatch(expected.R, actual.R, 1e-10, "stacked R");

        NDArray ints = Np.AsType(Np.Multiply(d, 10.0), DType.Int32);
        QrResult ei = Np.Linalg.Qr(ints, QrMode.Complete), ai = Np.Linalg.Qr(Gpu(ints), QrMode.Complete);
        ai.R.DType.ShouldBe(DType.Float64);
        ShouldMatch(ei.R, ai.R, 1e-10, "int32 R");
        ShouldMatch(ei.Q!, ai.Q!, 1e-10, "int32 Q");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Svd_matches_Dense_singular_values_and_reconstructs_with_orthonormal_vectors(int m, int n)
    {
        foreach (DType dtype in new[] { DType.Float64, DType.Float32 })
        {
            NDArray d = Dense(Random(m * n, m * 17 + n), dtype, m, n);
            NDArray g = Gpu(d);
            foreach (bool full in new[] { true, false })
            {
                string what = $"svd {m}x{n} {dtype.Name()} full={full}";
                SvdResult expected = Np.Linalg.Svd(d, full), actual = Np.Linalg.Svd(g, full);
                ShouldMatch(expected.S, actual.S, Tolerance(dtype), what + " s");
                actual.U!.ShouldBeOfType<GpuArray>();
                actual.U!.Shape.ShouldBe(expected.U!.Shape, what);
                actual.Vh!.Shape.ShouldBe(expected.Vh!.Shape, what);
                OrthogonalityError(Values(actual.U!), m, actual.U!.Shape[1]).ShouldBeLessThan(Tolerance(dtype), what + " U");
                NDArray v = Np.Transpose(actual.Vh!);
                OrthogonalityError(Values(Np.Copy(v)), n, actual.Vh!.Shape[0]).ShouldBeLessThan(Tolerance(dtype), what + " Vh");
                int k = Math.Min(m, n);
                NDArray uk = Np.GetItem(actual.U!, ArrayIndex.All, new Slice(0, k));
                NDArray vk = Np.GetItem(actual.Vh!, new Slice(0, k), ArrayIndex.All);
                NDArray usv = Np.MatMul(Np.Multiply(uk, actual.S), vk);
                usv.ShouldBeOfType<GpuArray>();
                ShouldMatch(d, usv, Tolerance(dtype), what + " U S Vh");
            }
            ShouldMatch(Np.Linalg.SvdVals(d), Np.Linalg.SvdVals(g), Tolerance(dtype), $"svdvals {m}x{n}");
            SvdResult valuesOnly = Np.Linalg.Svd(g, computeUV: false);
            valuesOnly.U.ShouldBeNull();
            valuesOnly.Vh.ShouldBeNull();
        }
    }

    [Fact]
    public void Qr_and_svd_through_the_GPUs_blocked_matmul_kernel_match_Dense()
    {
        // GPUs update the trailing matrix and form Q with BlockedMatMulKernel; the CPU simulator runs it here as 4×4 threads.
        NDArray d = Dense(Random(13 * 9, 29), DType.Float64, 13, 9);
        var g = (GpuArray)Gpu(d);
        g.Runtime.UseTiledMatMul = true;
        try
        {
            QrResult expected = Np.Linalg.Qr(d, QrMode.Complete), actual = Np.Linalg.Qr(g, QrMode.Complete);
            ShouldMatch(expected.Q!, actual.Q!, 1e-10, "tiled Q");
            ShouldMatch(expected.R, actual.R, 1e-10, "tiled R");
            ShouldMatch(Np.Linalg.SvdVals(d), Np.Linalg.SvdVals(g), 1e-10, "tiled s");
        }
        finally
        {
            g.Runtime.UseTiledMatMul = false;
        }
    }

    [Fact]
    public void Jacobi_converges_in_a_few_sweeps_well_before_the_cap()
    {
        NDArray d = Dense(Random(24 * 20, 31), DType.Float64, 24, 20);
        SvdResult actual = Np.Linalg.Svd(Gpu(d), false);
        GpuSvd.LastSweeps.ShouldBeInRange(2, 12);
        ShouldMatch(Np.Linalg.SvdVals(d), actual.S, 1e-12, "s");
    }

    [Fact]
    public void Svd_of_a_rank_deficient_matrix_still_gives_orthonormal_singular_vectors()
    {
        foreach (var (m, n) in new[] { (8, 6), (6, 8), (5, 5) })
        {
            NDArray d = Dense(LowRank(m, n, 2, m + n), DType.Float64, m, n);
            SvdResult expected = Np.Linalg.Svd(d), actual = Np.Linalg.Svd(Gpu(d));
            ShouldMatch(expected.S, actual.S, 1e-10, $"rank-2 {m}x{n} s");
            OrthogonalityError(Values(actual.U!), m, m).ShouldBeLessThan(1e-10, $"rank-2 {m}x{n} U");
            OrthogonalityError(Values(Np.Copy(Np.Transpose(actual.Vh!))), n, n).ShouldBeLessThan(1e-10, $"rank-2 {m}x{n} Vh");
        }
        NDArray zero = Np.Zeros(new Shape(4, 3), DType.Float64, backend: "Gpu");
        SvdResult z = Np.Linalg.Svd(zero);
        Values(z.S).ShouldAllBe(v => v == 0);
        OrthogonalityError(Values(z.U!), 4, 4).ShouldBeLessThan(1e-12);
    }

    [Fact]
    public void Svd_of_a_stack_matches_Dense()
    {
        NDArray d = Dense(Random(3 * 5 * 4, 11), DType.Float64, 3, 5, 4);
        SvdResult expected = Np.Linalg.Svd(d, false), actual = Np.Linalg.Svd(Gpu(d), false);
        ShouldMatch(expected.S, actual.S, 1e-10, "stacked s");
        ShouldMatch(d, Np.MatMul(Np.Multiply(actual.U!, Np.ExpandDims(actual.S, -2)), actual.Vh!), 1e-10, "stacked U S Vh");
    }

    [Theory]
    [InlineData(8, 3, 3)]
    [InlineData(3, 8, 3)]
    [InlineData(6, 6, 6)]
    [InlineData(9, 5, 2)]
    [InlineData(1, 1, 1)]
    public void Lstsq_matches_Dense_including_residuals_rank_and_singular_values(int m, int n, int rank)
    {
        foreach (DType dtype in new[] { DType.Float64, DType.Float32 })
        {
            NDArray a = Dense(rank == Math.Min(m, n) ? Random(m * n, m + 5 * n) : LowRank(m, n, rank, m * n), dtype, m, n);
            foreach (NDArray b in new[] { Dense(Random(m * 2, 3), dtype, m, 2), Dense(Random(m, 4), dtype, m) })
            {
                string what = $"lstsq {m}x{n} rank {rank} {dtype.Name()} b {b.Shape}";
                LstsqResult expected = Np.Linalg.Lstsq(a, b), actual = Np.Linalg.Lstsq(Gpu(a), Gpu(b));
                actual.Rank.ShouldBe(expected.Rank, what);
                ShouldMatch(expected.Solution, actual.Solution, Tolerance(dtype) * 10, what + " x");
                ShouldMatch(expected.Residuals, actual.Residuals, Tolerance(dtype) * 10, what + " residuals");
                ShouldMatch(expected.SingularValues, actual.SingularValues, Tolerance(dtype), what + " s");
            }
        }
    }

    [Fact]
    public void Pinv_and_matrix_rank_match_Dense_on_full_and_deficient_rank()
    {
        foreach (var (m, n, rank) in new[] { (6, 4, 4), (4, 6, 4), (7, 5, 2), (5, 5, 3), (1, 1, 1) })
        {
            NDArray d = Dense(rank == Math.Min(m, n) ? Random(m * n, m + n) : LowRank(m, n, rank, m - n), DType.Float64, m, n);
            NDArray g = Gpu(d);
            ShouldMatch(Np.Linalg.Pinv(d), Np.Linalg.Pinv(g), 1e-9, $"pinv {m}x{n}");
            NDArray r = Np.Linalg.MatrixRank(g);
            r.ShouldBeOfType<GpuArray>();
            r.DType.ShouldBe(DType.Int64);
            r.ToHost().ToContiguous<long>().ShouldBe(Np.Linalg.MatrixRank(d).ToHost().ToContiguous<long>());
            r.ToHost().ToContiguous<long>()[0].ShouldBe(rank);
            Np.Linalg.MatrixRank(g, tol: 1e9).ToHost().ToContiguous<long>()[0].ShouldBe(0);
        }
        NDArray stack = Dense(Random(2 * 4 * 3, 5), DType.Float32, 2, 4, 3);
        ShouldMatch(Np.Linalg.Pinv(stack), Np.Linalg.Pinv(Gpu(stack)), 1e-4, "stacked pinv");
        Np.Linalg.MatrixRank(Gpu(stack)).ToHost().ToContiguous<long>().ShouldBe([3L, 3L]);
        NDArray vector = Dense([0.0, 2.0], DType.Float64, 2);
        Np.Linalg.MatrixRank(Gpu(vector)).ToHost().ToContiguous<long>().ShouldBe([1L]);
    }

    [Fact]
    public void Empty_matrices_answer_as_Dense_in_matrix_rank_pinv_and_fftn_over_no_axes()
    {
        // The battery's third block: NumPy (and Dense) raise S.max()'s error for matrix_rank of an empty matrix with the
        // default tolerance (Gpu returned 0), pinv of empty matrices keeps the input's dtype (Gpu gave float64 for
        // int64 and refused float16), fftn over no axes returns its input (Gpu gave complex128 for a 0-d uint64).
        NDArray emptyRows = Np.Zeros(new Shape(2, 1, 0, 1), DType.Bool);
        Exception dense = Should.Throw<ArgumentException>(() => Np.Linalg.MatrixRank(emptyRows));
        Should.Throw<ArgumentException>(() => Np.Linalg.MatrixRank(Gpu(emptyRows))).Message.ShouldBe(dense.Message);
        Np.Linalg.MatrixRank(Gpu(Np.Zeros(new Shape(0, 3))), tol: 1e-3).ToHost().ToContiguous<long>().ShouldBe([0L]);
        foreach (var (shape, dtype) in new[] { (new Shape(2, 1, 0), DType.Int64), (new Shape(0, 3), DType.Float16), (new Shape(3, 0), DType.Bool) })
        {
            NDArray d = Np.Linalg.Pinv(Np.Zeros(shape, dtype)), g = Np.Linalg.Pinv(Gpu(Np.Zeros(shape, dtype)));
            g.ShouldBeOfType<GpuArray>();
            g.DType.ShouldBe(d.DType);
            g.DType.ShouldBe(dtype);
            g.Shape.ShouldBe(d.Shape);
        }
        NDArray f = Np.FFT.Fftn(Gpu(Np.Full(Shape.Scalar, 7L, DType.UInt64)));
        f.DType.ShouldBe(DType.UInt64);
        f.ToHost().ToContiguous<ulong>().ShouldBe([7UL]);
    }

    public static TheoryData<string> VectorOrders => new() { "None", "2", "1", "inf", "-inf", "0", "3", "0.5", "-1" };

    private static NormOrder Order(string text) => text switch
    {
        "None" => default,
        "fro" or "nuc" => text,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory]
    [MemberData(nameof(VectorOrders))]
    public void Vector_norms_match_Dense_on_every_axis_with_keepdims(string order)
    {
        foreach (DType dtype in new[] { DType.Float64, DType.Float32 })
        {
            NDArray d = Dense(Random(3 * 4 * 5, 13), dtype, 3, 4, 5);
            NDArray g = Gpu(d);
            foreach (int axis in new[] { 0, 1, -1 })
                foreach (bool keep in new[] { false, true })
                    ShouldMatch(Np.Linalg.Norm(d, Order(order), axis, keep), Np.Linalg.Norm(g, Order(order), axis, keep), Tolerance(dtype), $"norm ord={order} axis={axis} keep={keep} {dtype.Name()}");
            NDArray v = Dense(Random(7, 2), dtype, 7);
            ShouldMatch(Np.Linalg.Norm(v, Order(order)), Np.Linalg.Norm(Gpu(v), Order(order)), Tolerance(dtype), $"norm ord={order} of a vector");
        }
    }

    public static TheoryData<string> MatrixOrders => new() { "None", "fro", "nuc", "1", "-1", "2", "-2", "inf", "-inf" };

    [Theory]
    [MemberData(nameof(MatrixOrders))]
    public void Matrix_norms_match_Dense_on_axis_pairs_with_keepdims(string order)
    {
        NDArray d = Dense(Random(3 * 4 * 5, 17), DType.Float64, 3, 4, 5);
        NDArray g = Gpu(d);
        foreach (int[] axes in new[] { new[] { 1, 2 }, new[] { 2, 0 }, new[] { -1, -2 } })
            foreach (bool keep in new[] { false, true })
                ShouldMatch(Np.Linalg.Norm(d, Order(order), axes, keep), Np.Linalg.Norm(g, Order(order), axes, keep), 1e-10, $"norm ord={order} axes=({axes[0]},{axes[1]}) keep={keep}");
        NDArray m = Dense(Random(4 * 6, 19), DType.Float32, 4, 6);
        ShouldMatch(Np.Linalg.Norm(m, Order(order)), Np.Linalg.Norm(Gpu(m), Order(order)), 2e-4, $"norm ord={order} of a float32 matrix");
        Np.Linalg.MatrixNorm(Gpu(d), ord: Order(order)).ShouldBeOfType<GpuArray>();
    }

    [Fact]
    public void Norm_of_float16_and_integers_answers_as_Dense()
    {
        NDArray d = Dense(Random(12, 23), DType.Float64, 3, 4);
        NDArray h = Np.AsType(d, DType.Float16), i = Np.AsType(Np.Multiply(d, 10.0), DType.Int64);
        ShouldMatch(Np.Linalg.Norm(h), Np.Linalg.Norm(Gpu(h)), 1e-3, "float16 norm");
        ShouldMatch(Np.Linalg.Norm(i, 1.0, 0), Np.Linalg.Norm(Gpu(i), 1.0, 0), 1e-12, "int64 norm");
        ShouldMatch(Np.Linalg.VectorNorm(d), Np.Linalg.VectorNorm(Gpu(d)), 1e-12, "vector_norm");
    }

    [Fact]
    public void Empty_matrices_give_Denses_shapes()
    {
        foreach (Shape shape in new[] { new Shape(0, 3), new Shape(3, 0), new Shape(2, 0, 0) })
        {
            NDArray d = Np.Zeros(shape, DType.Float64, backend: "Dense"), g = Gpu(d);
            foreach (QrMode mode in new[] { QrMode.Reduced, QrMode.Complete })
            {
                Np.Linalg.Qr(g, mode).Q!.Shape.ShouldBe(Np.Linalg.Qr(d, mode).Q!.Shape, $"qr {shape} {mode}");
                Np.Linalg.Qr(g, mode).R.Shape.ShouldBe(Np.Linalg.Qr(d, mode).R.Shape, $"qr {shape} {mode}");
            }
            foreach (bool full in new[] { true, false })
            {
                SvdResult e = Np.Linalg.Svd(d, full), a = Np.Linalg.Svd(g, full);
                (a.U!.Shape, a.S.Shape, a.Vh!.Shape).ShouldBe((e.U!.Shape, e.S.Shape, e.Vh!.Shape), $"svd {shape} full={full}");
            }
            Np.Linalg.Pinv(g).Shape.ShouldBe(Np.Linalg.Pinv(d).Shape, $"pinv {shape}");
            // NumPy's default tolerance reads S.max() of no singular values and raises (Dense and Gpu too); a given one does not
            Should.Throw<ArgumentException>(() => Np.Linalg.MatrixRank(g)).Message.ShouldBe(Should.Throw<ArgumentException>(() => Np.Linalg.MatrixRank(d)).Message);
            ShouldMatch(Np.Linalg.MatrixRank(d, 1e-3), Np.Linalg.MatrixRank(g, 1e-3), 0, $"matrix_rank {shape}");
            ShouldMatch(Np.Linalg.Norm(d), Np.Linalg.Norm(g), 0, $"norm {shape}");
        }
    }

    [Fact]
    public void Norms_that_take_an_extreme_of_nothing_or_the_svd_of_float16_raise_as_Dense()
    {
        // The battery: np.linalg.norm(np.zeros(0, np.uint64), np.inf) raises NumPy's "zero-size array to reduction
        // operation maximum which has no identity"; Gpu returned 0. A float16 matrix's 2/-2/nuc norm is svd's TypeError.
        NDArray empty = Np.Zeros(0, DType.UInt64, backend: "Dense");
        foreach (double p in new[] { double.PositiveInfinity, double.NegativeInfinity })
        {
            string expected = Should.Throw<ArgumentException>(() => Np.Linalg.Norm(empty, p)).Message;
            expected.ShouldContain(p > 0 ? "operation maximum" : "operation minimum");
            Should.Throw<ArgumentException>(() => Np.Linalg.Norm(Gpu(empty), p)).Message.ShouldBe(expected);
        }
        NDArray wide = Np.Zeros(new Shape(0, 3), DType.Float64, backend: "Dense");
        Should.Throw<ArgumentException>(() => Np.Linalg.Norm(Gpu(wide), 2.0, new[] { 0, 1 })).Message.ShouldBe(
            Should.Throw<ArgumentException>(() => Np.Linalg.Norm(wide, 2.0, new[] { 0, 1 })).Message);
        Should.Throw<ArgumentException>(() => Np.Linalg.Norm(Gpu(wide), double.NegativeInfinity, new[] { 0, 1 })).Message.ShouldBe(
            Should.Throw<ArgumentException>(() => Np.Linalg.Norm(wide, double.NegativeInfinity, new[] { 0, 1 })).Message);
        ShouldMatch(Np.Linalg.Norm(wide, 1.0, 0), Np.Linalg.Norm(Gpu(wide), 1.0, 0), 0, "norm ord=1 over an empty axis");
        NDArray half = Np.AsType(Dense(Random(6, 3), DType.Float64, 2, 3), DType.Float16);
        foreach (NormOrder ord in new NormOrder[] { 2.0, -2.0, "nuc" })
        {
            Should.Throw<DTypeMismatchException>(() => Np.Linalg.Norm(Gpu(half), ord)).Message.ShouldBe(
                Should.Throw<DTypeMismatchException>(() => Np.Linalg.Norm(half, ord)).Message);
        }
        ShouldMatch(Np.Linalg.Norm(half, 2.0, 1), Np.Linalg.Norm(Gpu(half), 2.0, 1), 1e-3, "float16 vector 2-norms");
    }

    [Fact]
    public void Bad_input_gives_Denses_errors()
    {
        NDArray v = Dense([1.0, 2.0, 3.0], DType.Float64, 3), g = Gpu(v);
        Should.Throw<LinAlgException>(() => Np.Linalg.Qr(g)).Message.ShouldBe(Should.Throw<LinAlgException>(() => Np.Linalg.Qr(v)).Message);
        Should.Throw<LinAlgException>(() => Np.Linalg.Svd(g)).Message.ShouldBe(Should.Throw<LinAlgException>(() => Np.Linalg.Svd(v)).Message);
        Should.Throw<LinAlgException>(() => Np.Linalg.Pinv(g)).Message.ShouldBe(Should.Throw<LinAlgException>(() => Np.Linalg.Pinv(v)).Message);
        NDArray a = Dense(Random(6, 1), DType.Float64, 3, 2);
        Should.Throw<LinAlgException>(() => Np.Linalg.Lstsq(Gpu(a), Gpu(Dense(Random(4, 2), DType.Float64, 4)))).Message.ShouldBe("Incompatible dimensions");
        NDArray half = Np.AsType(a, DType.Float16);
        Should.Throw<DTypeMismatchException>(() => Np.Linalg.Qr(Gpu(half))).Message.ShouldBe(Should.Throw<DTypeMismatchException>(() => Np.Linalg.Qr(half)).Message);
        NDArray nan = Dense([1.0, double.NaN, 0.0, 1.0], DType.Float64, 2, 2);
        Should.Throw<LinAlgException>(() => Np.Linalg.Svd(Gpu(nan))).Message.ShouldBe(Should.Throw<LinAlgException>(() => Np.Linalg.Svd(nan)).Message);
        Should.Throw<ArgumentException>(() => Np.Linalg.Norm(Gpu(a), 3.0, new[] { 0, 1 })).Message.ShouldContain("Invalid norm order for matrices.");
        Should.Throw<ArgumentException>(() => Np.Linalg.Norm(Gpu(v), "fro", 0)).Message.ShouldContain("Invalid norm order 'fro' for vectors");
    }

    [Fact]
    public void Complex_input_is_declined_naming_the_dtype()
    {
        NDArray c = Np.Zeros(new Shape(2, 2), DType.Complex128, backend: "Gpu");
        string message = Should.Throw<NoImplementationException>(() => Np.Linalg.Qr(c)).Message;
        message.ShouldContain("complex128");
        Should.Throw<NoImplementationException>(() => Np.Linalg.Svd(c)).Message.ShouldContain("complex128");
    }
}
