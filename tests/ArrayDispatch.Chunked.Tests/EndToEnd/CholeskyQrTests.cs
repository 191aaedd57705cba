using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Linalg;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;
using static ArrayDispatch.Chunked.Tests.EndToEnd.ChunkedHost;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// Tall-and-skinny float64 QR and SVD by CholeskyQR2 (Backends:Chunked:CholeskyQr on) where its error bound holds for the data, Householder (TSQR's
/// answer) where it does not: the same accuracy as Dense's LAPACK either way, never CholeskyQR's loss of orthogonality.
/// </summary>
public sealed class CholeskyQrTests
{
    /// <summary>A Dense m × n array with singular values <paramref name="singular"/> (random orthonormal factors).</summary>
    private static NDArray WithSingularValues(int m, double[] singular, ulong seed)
    {
        int n = singular.Length;
        var rng = Np.Random.DefaultRng(seed);
        NDArray u = Np.Linalg.Qr(Np.Random.Sample((m, n), rng) - 0.5).Q!;
        NDArray v = Np.Linalg.Qr(Np.Random.Sample((n, n), rng) - 0.5).Q!;
        NDArray s = Np.AsArray(Interchange.HostBuffer.FromContiguous(singular, new Shape(n)), backend: "Dense");
        return Np.MatMul(u * s, v.T);
    }

    private static double Norm(NDArray a) => Math.Sqrt(Np.Sum(a * a).Item<double>());

    private static void ShouldBeOrthonormalColumns(NDArray q, double tolerance)
    {
        int n = q.Shape.Dims[1];
        Norm(Np.MatMul(q.T, q) - Np.Eye(n, backend: "Dense")).ShouldBeLessThan(tolerance);
    }

    /// <summary>The step tasks' values after a compute: whether the first step accepted Cholesky (no Householder Q).</summary>
    private static bool FirstStepTookCholesky(NDArray dense, int[] chunks)
    {
        NDArray x = Np.AsArray(dense, backend: "Chunked", chunks: chunks);
        var (_, r) = Np.Linalg.Qr(x);
        var rc = (ChunkedArray)r;
        ChunkTask step1 = TaskGraph.FromLayers(rc.Layer).Tasks.Values.Single(t => t.Key.StartsWith("cholqr-r1-", StringComparison.Ordinal));
        NDArray[] rows = [.. Enumerable.Range(0, x.Shape.Dims[0] / chunks[0]).Select(b => Np.AsArray(dense[new Slice(b * chunks[0], (b + 1) * chunks[0])], backend: "Dense"))];
        return ((TallSkinnyFactor)step1.Run([.. rows])).Q is null;
    }

    [Fact]
    public void Svd_of_a_well_conditioned_tall_array_runs_CholeskyQR2_and_agrees_with_dense()
    {
        using TestHost host = CreateCholeskyQr();
        NDArray x = Np.Random.Sample((300, 40), Np.Random.DefaultRng(3), backend: "Chunked", chunks: [70, 40]);
        var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);
        string[] keys = [.. TaskGraph.FromLayers(((ChunkedArray)u!).Layer, ((ChunkedArray)v!).Layer).Tasks.Keys];
        keys.ShouldContain(k => k.StartsWith("cholqr-r1-", StringComparison.Ordinal));
        keys.ShouldNotContain(k => k.StartsWith("tsqr-", StringComparison.Ordinal));

        NDArray[] all = Np.Compute(x, u!, s, v!);
        var (du, ds, dv) = Np.Linalg.Svd(all[0], fullMatrices: false);
        all[2].ToArray<double>().ShouldBe(ds.ToArray<double>(), 1e-12 * ds.ToArray<double>()[0]);
        ShouldBeOrthonormalColumns(all[1], 1e-13);
        ShouldBeOrthonormalColumns(all[3].T, 1e-13);
        (Norm(Np.MatMul(all[1] * all[2], all[3]) - all[0]) / Norm(all[0])).ShouldBeLessThan(1e-14);
        // Distinct singular values: each singular vector is Dense's up to its sign.
        Norm(Np.Abs(Np.Sum(all[1] * du!, 0)) - 1.0).ShouldBeLessThan(1e-10);
        Norm(Np.Abs(Np.Sum(all[3] * dv!, 1)) - 1.0).ShouldBeLessThan(1e-10);
    }

    [Theory]
    [InlineData(70)]
    [InlineData(40)]
    [InlineData(300)]
    public void Qr_by_CholeskyQR2_is_orthonormal_upper_triangular_and_reconstructs(int rowsPerChunk)
    {
        using TestHost host = CreateCholeskyQr();
        NDArray d = DenseData((300, 40));
        var (q, r) = Np.Linalg.Qr(Np.AsArray(d, backend: "Chunked", chunks: [rowsPerChunk, 40]));
        ((ChunkedArray)r).Graph.Tasks.Keys.ShouldContain(k => k.StartsWith("cholqr-", StringComparison.Ordinal));
        NDArray[] qr = Np.Compute(q!, r);
        qr[0].Shape.ShouldBe(new Shape(300, 40));
        qr[1].Shape.ShouldBe(new Shape(40, 40));
        ShouldBeOrthonormalColumns(qr[0], 1e-13);
        Np.Tril(qr[1], -1).ToArray<double>().ShouldAllBe(value => value == 0);
        (Norm(Np.MatMul(qr[0], qr[1]) - d) / Norm(d)).ShouldBeLessThan(1e-14);
    }

    [Fact]
    public void The_error_bound_is_checked_on_the_data_and_an_ill_conditioned_array_gets_Householders_accuracy()
    {
        using TestHost host = CreateCholeskyQr();
        CholeskyQr.KappaLimit(300, 20).ShouldBeGreaterThan(1e4);
        double[] mild = [.. Enumerable.Range(0, 20).Select(i => Math.Pow(10, -i / 19.0))];          // κ = 10
        double[] severe = [.. Enumerable.Range(0, 20).Select(i => Math.Pow(10, -10.0 * i / 19))];   // κ = 1e10: CholeskyQR alone loses all orthogonality
        FirstStepTookCholesky(WithSingularValues(300, mild, 1), [60, 20]).ShouldBeTrue();
        NDArray a = WithSingularValues(300, severe, 2);
        FirstStepTookCholesky(a, [60, 20]).ShouldBeFalse();

        NDArray x = Np.AsArray(a, backend: "Chunked", chunks: [60, 20]);
        var (q, r) = Np.Linalg.Qr(x);
        var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);
        NDArray[] all = Np.Compute(q!, r, u!, s, v!);
        ShouldBeOrthonormalColumns(all[0], 1e-13);
        (Norm(Np.MatMul(all[0], all[1]) - a) / Norm(a)).ShouldBeLessThan(1e-14);
        ShouldBeOrthonormalColumns(all[2], 1e-13);
        ShouldBeOrthonormalColumns(all[4].T, 1e-13);
        double[] dense = Np.Linalg.Svd(a, fullMatrices: false, computeUV: false).S.ToArray<double>();
        all[3].ToArray<double>().ShouldBe(dense, 1e-14);
        all[3].ToArray<double>()[^1].ShouldBe(1e-10, 1e-14);
    }

    [Fact]
    public void A_rank_deficient_array_is_factored_by_Householder_with_its_zero_singular_value()
    {
        using TestHost host = CreateCholeskyQr();
        NDArray d = DenseData((120, 6));
        NDArray deficient = Np.Concatenate([d, d[Slice.All, new Slice(0, 1)]], 1);   // column 6 repeats column 0
        FirstStepTookCholesky(deficient, [40, 7]).ShouldBeFalse();
        var (u, s, v) = Np.Linalg.Svd(Np.AsArray(deficient, backend: "Chunked", chunks: [40, 7]), fullMatrices: false);
        NDArray[] all = Np.Compute(u!, s, v!);
        double[] expected = Np.Linalg.Svd(deficient, fullMatrices: false, computeUV: false).S.ToArray<double>();
        all[1].ToArray<double>().ShouldBe(expected, 1e-12 * expected[0]);
        ShouldBeOrthonormalColumns(all[0], 1e-12);
        (Norm(Np.MatMul(all[0] * all[1], all[2]) - deficient) / Norm(deficient)).ShouldBeLessThan(1e-14);
    }

    [Fact]
    public void NaN_in_the_input_gives_NumPys_svd_error_and_a_NaN_qr()
    {
        using TestHost host = CreateCholeskyQr();
        NDArray d = DenseData((80, 5));
        d[3, 2] = Np.AsArray(double.NaN, backend: "Dense");
        NDArray x = Np.AsArray(d, backend: "Chunked", chunks: [20, 5]);
        string dense = Should.Throw<LinAlgException>(() => Np.Linalg.Svd(d, fullMatrices: false)).Message;
        var failed = Should.Throw<ArrayDispatch.Chunked.Scheduling.ChunkTaskException>(() => Np.Compute(Np.Linalg.Svd(x, fullMatrices: false).S));
        failed.GetBaseException().ShouldBeOfType<LinAlgException>().Message.ShouldBe(dense);
        var (q, r) = Np.Linalg.Qr(x);
        Np.Compute(q!, r).ShouldAllBe(a => Np.Any(Np.IsNaN(a)).Item<bool>());
    }

    [Fact]
    public void V_alone_runs_neither_the_U_products_nor_R2_inverse_times_U()
    {
        using TestHost host = CreateCholeskyQr();
        NDArray x = Np.Random.Sample((500, 50), Np.Random.DefaultRng(9), backend: "Chunked", chunks: [100, 50]);
        var (_, _, v) = Np.Linalg.Svd(x, fullMatrices: false);
        ComputePlan plan = ChunkedCompute.Plan([(ChunkedArray)v!]);
        plan.Graph.Tasks.Keys.ShouldNotContain(k => k.StartsWith("svd-u-", StringComparison.Ordinal) || k.StartsWith("svd-w-", StringComparison.Ordinal));
        // The second pass's Gram matrices are there (each fused with the row chunk it reads), and the steps feed V's task.
        plan.Graph.Tasks.Keys.Count(k => k.StartsWith("cholqr-gram2-", StringComparison.Ordinal)).ShouldBe(5);
        plan.Graph.Tasks.Keys.ShouldContain(k => k.StartsWith("cholqr-r1-", StringComparison.Ordinal));
    }

    [Fact]
    public void TSQR_is_the_default_and_float32_always_takes_it()
    {
        using (TestHost tsqr = Create())
        {
            NDArray x = Np.Random.Sample((300, 40), Np.Random.DefaultRng(3), backend: "Chunked", chunks: [70, 40]);
            ((ChunkedArray)Np.Linalg.Svd(x, fullMatrices: false).S).Graph.Tasks.Keys.ShouldContain(k => k.StartsWith("tsqr-", StringComparison.Ordinal));
        }
        using TestHost host = CreateCholeskyQr();
        NDArray f = Np.AsType(Np.Random.Sample((300, 40), Np.Random.DefaultRng(3), backend: "Chunked", chunks: [70, 40]), DType.Float32);
        string[] keys = [.. ((ChunkedArray)Np.Linalg.Svd(f, fullMatrices: false).S).Graph.Tasks.Keys];
        keys.ShouldContain(k => k.StartsWith("tsqr-", StringComparison.Ordinal));
        keys.ShouldNotContain(k => k.StartsWith("cholqr-", StringComparison.Ordinal));
    }

    [Fact]
    public void The_steps_and_their_values_travel_to_a_worker_and_run_the_same()
    {
        using TestHost host = CreateCholeskyQr();
        NDArray[] rows = [DenseData((30, 4), 1), DenseData((30, 4), 2)];
        TaskSpec first = new CholeskyStepSpec(2, first: true, CholeskyQr.KappaLimit(60, 4));
        TaskSpec apply = new FactorApplySpec(TaskSpec.Input(0), 1, 30, 60, left: false);
        foreach (TaskSpec spec in new[] { first, apply })
        {
            TaskSpec back = TaskSpecCodec.Read(TaskSpecCodec.Write(spec, host.Dispatcher), host.Dispatcher);
            back.Kind.ShouldBe(spec.Kind);
        }
        var factor = (TallSkinnyFactor)TaskSpecCodec.Run(TaskSpecCodec.Read(TaskSpecCodec.Write(first, host.Dispatcher), host.Dispatcher), host.Dispatcher, [.. rows]);
        var travelled = (TallSkinnyFactor)TaskSpecCodec.ReadValue(TaskSpecCodec.WriteValue(factor, host.Dispatcher), host.Dispatcher);
        travelled.Q.ShouldBeNull();
        Np.ArrayRepr(travelled.R).ShouldBe(Np.ArrayRepr(factor.R));
        Np.ArrayRepr(travelled.RInverse!).ShouldBe(Np.ArrayRepr(factor.RInverse!));
        var q1 = (NDArray)TaskSpecCodec.Run(TaskSpecCodec.Read(TaskSpecCodec.Write(apply, host.Dispatcher), host.Dispatcher), host.Dispatcher, [rows[1], travelled]);
        Np.ArrayRepr(q1).ShouldBe(Np.ArrayRepr(Np.MatMul(rows[1], factor.RInverse!)));
    }
}
