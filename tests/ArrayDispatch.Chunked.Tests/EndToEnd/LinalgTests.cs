using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

public sealed class LinalgTests
{
    [Fact]
    public void Svd_VAlone_FactorsROnly_AndAgreesWithTheFullComputeOfUSV()
    {
        using TestHost host = CreateTsqr();   // Dask's TSQR graph (CholeskyQR2 when a test host turns it on)
        NDArray x = Np.Random.Sample((300, 40), Np.Random.DefaultRng(3), backend: "Chunked", chunks: [70, 40]);
        var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);
        var vc = (ChunkedArray)v!;
        // V alone: R-only QRs, no Q formed anywhere.
        string[] vTasks = [.. GraphOptimizer.Cull(vc.Graph, [.. vc.Keys()]).Tasks.Keys];
        vTasks.ShouldContain(k => k.StartsWith("tsqr-r1-", StringComparison.Ordinal));
        vTasks.ShouldNotContain(k => k.StartsWith("tsqr-qr-", StringComparison.Ordinal) || k.StartsWith("tsqr-qr2-", StringComparison.Ordinal));
        // U, S, V together: the full QRs only, their R feeding the R path (nothing factored twice).
        var uc = (ChunkedArray)u!;
        var together = TaskGraph.FromLayers(uc.Layer, vc.Layer);
        TaskGraph culled = GraphOptimizer.Cull(together, [.. uc.Keys(), .. vc.Keys()]);
        // Four 70-row chunks factored, the last 20-row chunk stacked as it is (stage 1 would not make it smaller), one stacked QR.
        culled.Tasks.Values.Count(t => t.Function is "qr" or "qr-r").ShouldBe(4 + 1);
        double[] vOnly = vc.Compute().ToArray<double>();
        NDArray[] all = Np.Compute(uc, s, vc);
        all[2].ToArray<double>().ShouldBe(vOnly);
        NDArray reconstructed = (all[0] * all[1]).MatMul(all[2]);
        NDArray diff = reconstructed - x.Compute();
        Math.Sqrt(Np.Sum(diff * diff).Item<double>()).ShouldBeLessThan(1e-10 * Math.Sqrt(Np.Sum(x.Compute() * x.Compute()).Item<double>()));
    }

    [Fact]
    public void Svd_of_chunks_no_taller_than_wide_factors_the_stacked_chunks_once()
    {
        using TestHost host = CreateTsqr();   // Dask's TSQR graph (CholeskyQR2 when a test host turns it on)
        NDArray x = Np.Random.Sample((200, 40), Np.Random.DefaultRng(5), backend: "Chunked", chunks: [40, 40]);
        var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);
        var uc = (ChunkedArray)u!;
        var vc = (ChunkedArray)v!;
        // A 40x40 chunk's QR keeps all 40 rows in R: stage 1 would reduce nothing, so the chunks are stacked as they are.
        TaskGraph culled = GraphOptimizer.Cull(TaskGraph.FromLayers(uc.Layer, vc.Layer), [.. uc.Keys(), .. vc.Keys()]);
        culled.Tasks.Values.Count(t => t.Function is "qr" or "qr-r").ShouldBe(1);
        GraphOptimizer.Cull(vc.Graph, [.. vc.Keys()]).Tasks.Values.Single(t => t.Function is "qr" or "qr-r").Function.ShouldBe("qr-r");
        NDArray[] all = Np.Compute(x, uc, s, vc);
        NDArray diff = (all[1] * all[2]).MatMul(all[3]) - all[0];
        Math.Sqrt(Np.Sum(diff * diff).Item<double>() / Np.Sum(all[0] * all[0]).Item<double>()).ShouldBeLessThan(1e-12);
        NDArray utu = all[1].T.MatMul(all[1]);
        utu.ToArray<double>().ShouldBe(Np.Eye(40, backend: "Dense").ToArray<double>(), 1e-12);
    }

    /// <summary>The seed's second example, as written.</summary>
    [Fact]
    public void SeedExample_SvdOfTallSkinnyRandom_ReconstructsAndMatchesDense()
    {
        using TestHost host = Create();
        var rng = Np.Random.DefaultRng(42);

        var x = Np.Random.Sample((5000, 1000), rng, backend: "Chunked", chunks: [1000, 1000]);
        var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);   // builds a graph, computes nothing
        string dot = Path.Combine(Path.GetTempPath(), $"svd-{Guid.NewGuid():N}.svg");
        string written = v!.Visualize(dot);                      // the task graph as a picture (or .dot without Graphviz)
        var result = v.Compute();                                // runs it; returns an array of the chunk backend

        File.Exists(written).ShouldBeTrue();
        new FileInfo(written).Length.ShouldBeGreaterThan(0);
        File.Delete(written);
        result.Backend.ShouldBe("Dense");
        result.Shape.ShouldBe(new Shape(1000, 1000));
        ((ChunkedArray)v).Graph.Tasks.Keys.ShouldContain(k => k.StartsWith("tsqr-r-stack-", StringComparison.Ordinal));

        NDArray[] all = Np.Compute(x, u!, s, v);
        NDArray xd = all[0], ud = all[1], sd = all[2], vd = all[3];
        NDArray reconstructed = (ud * sd).MatMul(vd);
        NDArray diff = reconstructed - xd;
        double error = Math.Sqrt(Np.Sum(diff * diff).Item<double>() / Np.Sum(xd * xd).Item<double>());
        error.ShouldBeLessThan(1e-10);
        NDArray denseS = Np.Linalg.Svd(xd, fullMatrices: false, computeUV: false).S;
        sd.ToArray<double>().ShouldBe(denseS.ToArray<double>(), 1e-9 * denseS.ToArray<double>()[0]);
    }

    public static TheoryData<int[]> TallChunkings => new() { new[] { 30, 8 }, new[] { 17, -1 }, new[] { 100, 8 }, new[] { 5, 8 }, new[] { 9, 8 } };

    [Theory, MemberData(nameof(TallChunkings))]
    public void Qr_TallSkinny_IsOrthonormalAndReconstructs(int[] chunks)
    {
        using TestHost host = Create();
        NDArray d = DenseData((100, 8));
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: chunks);
        var (q, r) = Np.Linalg.Qr(x);
        q!.Shape.ShouldBe(new Shape(100, 8));
        r.Shape.ShouldBe(new Shape(8, 8));
        NDArray[] qr = Np.Compute(q, r);
        Values(qr[0].MatMul(qr[1])).ShouldBe(d.ToArray<double>(), 1e-10);
        NDArray qtq = qr[0].T.MatMul(qr[0]);
        qtq.ToArray<double>().ShouldBe(Np.Eye(8, backend: "Dense").ToArray<double>(), 1e-12);
        double[] rv = qr[1].ToArray<double>();
        for (int i = 0; i < 8; i++)
        {
            for (int j = 0; j < i; j++) rv[i * 8 + j].ShouldBe(0, 1e-12);
        }
    }

    [Fact]
    public void Svd_ShortAndFat_TransposesTheTallCase()
    {
        using TestHost host = Create();
        NDArray d = DenseData((6, 40));
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: [-1, 15]);
        var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);
        NDArray[] r = Np.Compute(u!, s, v!);
        Values((r[0] * r[1]).MatMul(r[2])).ShouldBe(d.ToArray<double>(), 1e-10);
    }

    [Theory]
    [InlineData(7, 4)]
    [InlineData(3, 8)]
    public void Svd_with_full_matrices_is_served_for_one_chunk_and_refused_with_what_to_pass_otherwise(int m, int n)
    {
        // NumPy's default full_matrices=True: Dask's svd has no such parameter (reduced factors only). One chunk is factored
        // whole, so its full factors are Dense's; several chunks are refused naming fullMatrices: false and rechunking.
        using TestHost host = Create();
        NDArray d = DenseData((m, n));
        var (u, s, v) = Np.Linalg.Svd(Np.AsArray(d, backend: "Chunked", chunks: [-1, -1]));
        var (du, ds, dv) = Np.Linalg.Svd(d);
        u!.Shape.ShouldBe(new Shape(m, m));
        v!.Shape.ShouldBe(new Shape(n, n));
        NDArray[] r = Np.Compute(u, s, v);
        Values(r[0]).ShouldBe(Values(du!), 1e-12);
        Values(r[1]).ShouldBe(Values(ds), 1e-12);
        Values(r[2]).ShouldBe(Values(dv!), 1e-12);
        var ex = Should.Throw<NotSupportedException>(() => Np.Linalg.Svd(Np.AsArray(d, backend: "Chunked", chunks: [2, -1])));
        ex.Message.ShouldContain("pass fullMatrices: false for the reduced factors");
        ex.Message.ShouldContain("rechunk it into one chunk");
    }

    [Fact]
    public void Svd_SeveralColumnChunks_IsRefusedWithRechunkAdvice()
    {
        using TestHost host = Create();
        NDArray x = Np.Random.Sample((100, 100), Np.Random.DefaultRng(1), backend: "Chunked", chunks: [50, 50]);
        var ex = Should.Throw<NotSupportedException>(() => Np.Linalg.Svd(x, fullMatrices: false));
        ex.Message.ShouldStartWith("chunked linalg.svd needs a tall-and-skinny array with a single column of chunks (TSQR), but shape (100, 100) has chunks ((50, 50), (50, 50)): rechunk it first");
        ex.Message.ShouldContain("chunked.linalg.svd_compressed");
    }

    [Fact]
    public void SvdCompressed_LowRankMatrix_RecoversTheTopSingularValues()
    {
        using TestHost host = Create();
        NDArray left = DenseData((200, 5), 1), right = DenseData((5, 60), 2);
        NDArray dense = left.MatMul(right);
        NDArray x = Np.AsArray(dense, backend: "Chunked", chunks: [50, 30]);
        NDArray[] usv = Np.Call("chunked.linalg.svd_compressed", [x], new Dictionary<string, object?> { ["k"] = 5, ["n_power_iter"] = 1 });
        NDArray[] r = Np.Compute(usv);
        r[0].Shape.ShouldBe(new Shape(200, 5));
        double[] exact = Np.Linalg.Svd(dense, fullMatrices: false, computeUV: false).S.ToArray<double>()[..5];
        r[1].ToArray<double>().ShouldBe(exact, 1e-8 * exact[0]);
        ((r[0] * r[1]).MatMul(r[2])).ToArray<double>().ShouldBe(dense.ToArray<double>(), 1e-8 * exact[0]);
    }

    [Fact]
    public void Solve_ThroughQr_MatchesDense()
    {
        using TestHost host = Create();
        NDArray a = DenseData((30, 30), 1) + Np.Eye(30, backend: "Dense") * 50.0;
        NDArray b = DenseData(new Shape(30), 2);
        NDArray x = Np.Linalg.Solve(Np.AsArray(a, backend: "Chunked", chunks: [8, 8]), Np.AsArray(b, backend: "Chunked", chunks: [8]));
        x.ShouldBeOfType<ChunkedArray>();
        Values(x).ShouldBe(Np.Linalg.Solve(a, b).ToArray<double>(), 1e-10);
    }

    [Theory]
    [InlineData(DType.Complex128, DType.Complex128)]
    [InlineData(DType.Complex64, DType.Bool)]
    [InlineData(DType.Complex64, DType.Complex128)]
    [InlineData(DType.Float64, DType.Complex64)]
    public void Solve_of_a_complex_system_matches_Dense(DType aType, DType bType)
    {
        // The battery: a complex64 (4, 4) with a bool or complex128 right-hand side failed in the task ("the buffer holds
        // 'complex64' elements, not Double"), and Qᵀ b (not Qᴴ b) solved a different system.
        using TestHost host = Create();
        NDArray re = DenseData((6, 6), 1), im = DenseData((6, 6), 2);
        NDArray a = Np.AsType(Np.AsType(re, DType.Complex128) + Np.Multiply(Np.AsType(im, DType.Complex128), Scalar.Complex(0, 1)) + Np.Eye(6, backend: "Dense") * 12.0, aType);
        NDArray b = Np.AsType(Np.Multiply(DenseData((6, 2), 3), Scalar.Complex(1, -2)), bType);
        NDArray x = Np.Linalg.Solve(Np.AsArray(a, backend: "Chunked", chunks: [4, 4]), Np.AsArray(b, backend: "Chunked", chunks: [4, 1]));
        x.ShouldBeOfType<ChunkedArray>();
        NDArray expected = Np.Linalg.Solve(a, b);
        NDArray got = x.Compute();
        got.DType.ShouldBe(expected.DType);
        got.Shape.ShouldBe(expected.Shape);
        double tol = expected.DType == DType.Complex64 ? 1e-4 : 1e-10;
        foreach (var (g, e) in got.AsType(DType.Complex128).ToArray<System.Numerics.Complex>().Zip(expected.AsType(DType.Complex128).ToArray<System.Numerics.Complex>()))
        {
            (g - e).Magnitude.ShouldBeLessThan(tol * (1 + e.Magnitude));
        }
    }

    [Fact]
    public void Solve_refuses_float16_with_NumPys_error_and_declines_stacks_of_systems()
    {
        using TestHost host = Create();
        NDArray a = Np.AsArray(DenseData((3, 3), 1) + Np.Eye(3, backend: "Dense") * 5.0, backend: "Chunked", chunks: [2, 2]);
        NDArray half = Np.AsArray(Np.AsType(DenseData(new Shape(3), 2), DType.Float16), backend: "Chunked", chunks: [2]);
        Should.Throw<DTypeMismatchException>(() => Np.Linalg.Solve(a, half)).Message.ShouldBe("array type float16 is unsupported in linalg");
        Should.Throw<LinAlgException>(() => Np.Linalg.Solve(Np.Ones(new Shape(3), backend: "Chunked"), half)).Message.ShouldContain("1-dimensional array given");
        // dask.array.linalg.solve takes one system: a stack is declined (it said "must be square, not shape (2, 3, 3)")
        NDArray stack = Np.AsArray(Np.Stack([DenseData((3, 3), 1), DenseData((3, 3), 2)]) + Np.Eye(3, backend: "Dense") * 5.0, backend: "Chunked", chunks: [1, 3, 3]);
        Should.Throw<NoImplementationException>(() => Np.Linalg.Solve(stack, Np.Ones(new Shape(2, 3), backend: "Chunked")));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Solve_SingularMatrix_RaisesLinAlgErrorAtCompute(int chunk)
    {
        using TestHost host = Create();
        NDArray a = Np.Ones((3, 3), backend: "Chunked", chunks: [chunk]);
        NDArray b = Np.Ones(new Shape(3), backend: "Chunked", chunks: [chunk]);
        NDArray x = Np.Linalg.Solve(a, b);   // lazy, as dask.array.linalg.solve
        Exception ex = Should.Throw<Exception>(() => x.ToHost());
        LinAlgException inner = InnerChain(ex).OfType<LinAlgException>().ShouldHaveSingleItem();
        inner.Message.ShouldBe("Singular matrix");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Solve_NumericallySingularMatrix_RaisesLinAlgErrorAtCompute(int chunk)
    {
        using TestHost host = Create();
        NDArray a = Np.AsArray(Np.Arange(9.0, backend: "Dense").Reshape(3, 3), backend: "Chunked", chunks: [chunk]);
        NDArray b = Np.Ones(new Shape(3), backend: "Chunked", chunks: [chunk]);
        NDArray x = Np.Linalg.Solve(a, b);   // R of its QR has a tiny non-zero diagonal entry, which LU on R accepts
        Exception ex = Should.Throw<Exception>(() => x.ToHost());
        InnerChain(ex).OfType<LinAlgException>().ShouldHaveSingleItem().Message.ShouldBe("Singular matrix");
    }

    private static IEnumerable<Exception> InnerChain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }

    [Fact]
    public void Lstsq_TallSystem_MatchesDense()
    {
        using TestHost host = Create();
        NDArray a = DenseData((80, 6), 1), b = DenseData(new Shape(80), 2);
        var result = Np.Linalg.Lstsq(Np.AsArray(a, backend: "Chunked", chunks: [25, 6]), b);
        var expected = Np.Linalg.Lstsq(a, b);
        result.Rank.ShouldBe(6);
        Values(result.Solution).ShouldBe(expected.Solution.ToArray<double>(), 1e-10);
        NDArray residual = b - a.MatMul(expected.Solution.Reshape(-1, 1)).Reshape(-1);
        Values(result.Residuals).ShouldBe([Np.Sum(residual * residual).Item<double>()], 1e-8);
    }

    [Fact]
    public void Lstsq_residuals_are_real_in_the_systems_common_dtype_as_Dense()
    {
        // The battery's third block: NumPy 1.24's residuals are sum(abs(b - a x)**2), real in numpy.linalg's common dtype
        // of a and b. Chunked squared complex differences (complex128 residuals for a complex system) and gave empty
        // residuals a's dtype (float32 for a float32 a with a complex128 b, where NumPy has float64).
        using TestHost host = Create();
        NDArray ar = DenseData((7, 2), 1), ai = DenseData((7, 2), 2), br = DenseData(new Shape(7), 3), bi = DenseData(new Shape(7), 4);
        NDArray a = Np.Add(ar, Np.Multiply(ai, Scalar.Complex(0, 1))), b = Np.Add(br, Np.Multiply(bi, Scalar.Complex(0, 1)));
        var expected = Np.Linalg.Lstsq(a, b);
        var result = Np.Linalg.Lstsq(Np.AsArray(a, backend: "Chunked", chunks: [3, 2]), b);
        NDArray residuals = result.Residuals.Compute();
        residuals.DType.ShouldBe(DType.Float64);
        expected.Residuals.DType.ShouldBe(DType.Float64);
        residuals.ToArray<double>().ShouldBe(expected.Residuals.ToArray<double>(), 1e-8);
        // a square float32 system with a complex128 b: no residuals, float64 (the common dtype's real part)
        NDArray square = DenseData((2, 2), 5).AsType(DType.Float32), rhs = DenseData(new Shape(2), 6).AsType(DType.Complex128);
        var none = Np.Linalg.Lstsq(Np.AsArray(square, backend: "Chunked", chunks: [1, 2]), rhs);
        none.Residuals.Compute().DType.ShouldBe(Np.Linalg.Lstsq(square, rhs).Residuals.DType);
        none.Residuals.Compute().DType.ShouldBe(DType.Float64);
        none.Residuals.Shape.ShouldBe(new Shape(0));
        // the singular values too: float32 a with int64 b solves in float64 (NumPy's s is float64; Chunked's was float32)
        NDArray ints = DenseData((3, 3), 7).AsType(DType.Int64);
        var mixed = Np.Linalg.Lstsq(Np.AsArray(DenseData((3, 3), 8).AsType(DType.Float32), backend: "Chunked", chunks: [2, 3]), ints);
        var denseMixed = Np.Linalg.Lstsq(DenseData((3, 3), 8).AsType(DType.Float32), ints);
        mixed.SingularValues.Compute().DType.ShouldBe(DType.Float64);
        mixed.Solution.Compute().DType.ShouldBe(denseMixed.Solution.DType);
        Values(mixed.SingularValues).ShouldBe(denseMixed.SingularValues.ToArray<double>(), 1e-4);
    }

    [Fact]
    public void MatMul_Blockwise_MatchesDense()
    {
        using TestHost host = Create();
        NDArray da = DenseData((23, 17), 1), db = DenseData((17, 11), 2);
        NDArray a = Np.AsArray(da, backend: "Chunked", chunks: [5, 6]);
        NDArray b = Np.AsArray(db, backend: "Chunked", chunks: [4, 4]);
        Values(a.MatMul(b)).ShouldBe(da.MatMul(db).ToArray<double>(), 1e-10);
        Values(a.MatMul(db)).ShouldBe(da.MatMul(db).ToArray<double>(), 1e-10);
    }

    [Fact]
    public void Tensordot_Blockwise_MatchesDense()
    {
        using TestHost host = Create();
        NDArray da = DenseData((6, 5, 4), 1), db = DenseData((4, 5, 3), 2);
        NDArray a = Np.AsArray(da, backend: "Chunked", chunks: [4, 2, 3]);
        NDArray b = Np.AsArray(db, backend: "Chunked", chunks: [2, 5, 2]);
        NDArray chunked = Np.Tensordot(a, b, [1, 2], [1, 0]);
        chunked.Shape.ShouldBe(new Shape(6, 3));
        Values(chunked).ShouldBe(Np.Tensordot(da, db, [1, 2], [1, 0]).ToArray<double>(), 1e-10);
    }
}
