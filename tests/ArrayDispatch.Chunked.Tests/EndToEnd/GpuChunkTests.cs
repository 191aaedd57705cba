using ArrayDispatch.Dense;
using ArrayDispatch.Gpu;
using ArrayDispatch.Testing;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Chunked.Tests.EndToEnd;

/// <summary>
/// Chunked over Gpu chunks (Dask over CuPy, the seed's "the same with CuPy"): with <c>ChunkBackend = Gpu</c> every task
/// of a graph runs on the device and returns a <see cref="GpuArray"/>; nothing goes to the host until the caller
/// downloads a computed result. Values agree with Dense's on the same data (the downloaded input).
/// </summary>
public sealed class GpuChunkTests : IDisposable
{
    private readonly GpuDevice _device = new(GpuAcceleratorKind.Cpu);
    private readonly ValueRecordingScheduler _scheduler = new();
    private readonly TestHost _host;

    // Dask's TSQR graph, which these tests follow task by task; CholeskyQR2 on the device: GpuCholeskyQrTests.
    public GpuChunkTests() => _host = CreateHost(_device, _scheduler, choleskyQr: false);

    /// <summary>Dense, Gpu on <paramref name="device"/> (ILGPU's CPU accelerator) and Chunked with Gpu chunks, graphs run by <paramref name="scheduler"/>.</summary>
    internal static TestHost CreateHost(GpuDevice device, ValueRecordingScheduler scheduler, bool choleskyQr) => TestHost.Create(
        new Dictionary<string, string?>
        {
            ["ArrayDispatch:Backends:Chunked:ChunkBackend"] = "Gpu",
            ["ArrayDispatch:Backends:Gpu:Accelerator"] = "Cpu",
            ["ArrayDispatch:Backends:Chunked:CholeskyQr"] = choleskyQr ? "true" : "false",
        },
        new DensePlugin(), new GpuPlugin(device), new ChunkedPlugin(scheduler));

    public void Dispose()
    {
        _host.Dispose();
        _device.Dispose();
    }

    /// <summary>A random chunked float64 array on Gpu chunks and the same values as a Dense array (downloaded once).</summary>
    private static (NDArray Chunked, NDArray Dense) RandomPair(Shape shape, int[] chunks, ulong seed = 7)
    {
        NDArray x = Np.Random.Sample(shape, Np.Random.DefaultRng(seed), backend: "Chunked", chunks: chunks);
        NDArray whole = x.Compute();
        whole.ShouldBeOfType<GpuArray>();
        return (x, Np.AsArray(whole.ToHost(), backend: "Dense"));
    }

    /// <summary>
    /// Computes <paramref name="arrays"/> and checks that every task ran and returned only Gpu arrays, with no download
    /// (<paramref name="scalarReads"/>: but for the scalars Gpu's own kernels read back, as the Jacobi SVD's flag per sweep).
    /// </summary>
    private NDArray[] ComputeOnDevice(bool scalarReads, params NDArray[] arrays)
    {
        _scheduler.Clear();
        GpuTransferCounts before = _device.Transfers;
        NDArray[] computed = Np.Compute(arrays);
        GpuTransferCounts moved = _device.Transfers - before;
        if (scalarReads) moved.DownloadedBytes.ShouldBeLessThanOrEqualTo(8 * moved.Downloads, "a task read more than scalars back to the host");
        else moved.Downloads.ShouldBe(0, "a task read a value back to the host");
        _scheduler.Values.ShouldNotBeEmpty();
        foreach ((string key, (string function, Type[] types)) in _scheduler.Values)
        {
            types.ShouldNotBeEmpty($"task {key} ({function}) returned no array");
            types.ShouldAllBe(t => t == typeof(GpuArray), $"task {key} ({function}) returned {string.Join(", ", types.Select(t => t.Name))}");
        }
        computed.ShouldAllBe(c => c is GpuArray);
        return computed;
    }

    private static double[] Host(NDArray a) => a.ToHost().ToContiguous<double>();

    [Fact]
    public void Random_creation_sum_and_matmul_run_every_task_on_the_device_and_agree_with_dense()
    {
        (NDArray x, NDArray d) = RandomPair((40, 12), [10, 6]);

        NDArray[] computed = ComputeOnDevice(false, Np.Sum(x, 0), Np.Sum(x * 2.0 + 1.0), Np.MatMul(x.T, x), x.MatMul(Np.Ones((12, 3), backend: "Chunked", chunks: [6, 3])));

        _scheduler.Values.Values.Select(v => v.Function).ShouldContain("random");
        Host(computed[0]).ShouldBe(Np.Sum(d, 0).ToArray<double>(), 1e-12);
        Host(computed[1]).ShouldBe(Np.Sum(d * 2.0 + 1.0).ToArray<double>(), 1e-10);
        Host(computed[2]).ShouldBe(Np.MatMul(d.T, d).ToArray<double>(), 1e-10);
        Host(computed[3]).ShouldBe(d.MatMul(Np.Ones((12, 3), backend: "Dense")).ToArray<double>(), 1e-12);
    }

    [Fact]
    public void The_added_numpy_functions_run_every_task_on_the_device_and_agree_with_dense()
    {
        (NDArray x, NDArray d) = RandomPair((9, 9), [4, 5]);
        Func<NDArray, NDArray>[] calls =
        [
            a => Np.Tril(a, -1), a => Np.Triu(a, 2), a => Np.Trace(a), a => Np.Repeat(a, 2, 0), a => Np.Tile(a, 1, 2),
            a => Np.Sort(a, 0), a => Np.Argsort(a), a => Np.SearchSorted(Np.Sort(a[0]), a),
            a => Np.Linalg.Norm(a), a => Np.Linalg.Norm(a, 1, Axes.Of(0)), a => Np.Linalg.Det(a), a => Np.Kron(a[0, new Slice(0, 2)], a[new Slice(0, 3)]),
            a => Np.Linalg.Cholesky(Np.Add(Np.MatMul(a, Np.Transpose(a)), Np.Multiply(Np.Eye(9, backend: a is Arrays.ChunkedArray ? "Chunked" : "Dense"), 9.0))),
        ];
        NDArray[] computed = ComputeOnDevice(true, [.. calls.Select(call => call(x))]);   // only Gpu's own cholesky and solve kernels read back (each its 4-byte status: the blocked Cholesky's 3 + 3 here)
        for (int i = 0; i < calls.Length; i++)
        {
            NDArray expected = calls[i](d);
            computed[i].DType.ShouldBe(expected.DType, $"call {i}");
            Np.AsType(Np.AsArray(computed[i].ToHost(), backend: "Dense"), DType.Float64).ToArray<double>()
                .ShouldBe(Np.AsType(expected, DType.Float64).ToArray<double>(), 1e-9, $"call {i}");
        }
    }

    [Fact]
    public void Only_downloading_a_computed_result_moves_data_to_the_host()
    {
        (NDArray x, _) = RandomPair((30, 8), [10, 8]);
        NDArray total = ComputeOnDevice(false, Np.Sum(Np.Exp(x), 1))[0];

        GpuTransferCounts before = _device.Transfers;
        total.ToHost();
        GpuTransferCounts moved = _device.Transfers - before;

        moved.Downloads.ShouldBe(1);
        moved.DownloadedBytes.ShouldBe(30 * sizeof(double));
    }
    [Fact]
    public void Tsqr_svd_of_gpu_chunks_runs_every_task_on_the_device_and_agrees_with_dense()
    {
        // Square row chunks (the seed's 1000 x 1000, small): TSQR stacks them into one QR, then the small SVD and Q products.
        (NDArray x, NDArray d) = RandomPair((48, 12), [12, 12]);
        var (u, s, v) = Np.Linalg.Svd(x, fullMatrices: false);

        NDArray[] computed = ComputeOnDevice(true, u!, s, v!);

        // Fused tasks are named by their parts (concatenate-qr, getitem-svd).
        string functions = string.Join(" ", _scheduler.Values.Values.Select(t => t.Function));
        foreach (string f in new[] { "random", "concatenate", "qr", "svd", "matmul" }) functions.ShouldContain(f);
        var (du, ds, dv) = Np.Linalg.Svd(d, fullMatrices: false);
        Host(computed[1]).ShouldBe(ds.ToArray<double>(), 1e-12);
        // Singular vectors are unique up to sign (the values are distinct): each row of v matches Dense's times +-1, and u likewise.
        ShouldMatchUpToSign(computed[2], dv!, rows: true);
        ShouldMatchUpToSign(computed[0], du!, rows: false);
        RelativeError(x.Compute(), computed[0], computed[1], computed[2]).ShouldBeLessThan(1e-13);
    }

    [Fact]
    public void Tsqr_qr_of_tall_gpu_chunks_factors_each_chunk_on_the_device_and_agrees_with_dense()
    {
        // Chunks taller than wide: stage 1 factors each chunk, stage 2 the stacked R factors, then Q1 @ Q2 rows.
        (NDArray x, NDArray d) = RandomPair((60, 6), [20, 6]);
        var (q, r) = Np.Linalg.Qr(x);

        NDArray[] computed = ComputeOnDevice(false, q!, r);

        string functions = string.Join(" ", _scheduler.Values.Values.Select(t => t.Function));
        functions.ShouldContain("qr");
        functions.ShouldContain("matmul");   // Q1 @ Q2 rows
        var (dq, dr) = Np.Linalg.Qr(d);
        // R is unique up to the signs of its rows (Q's columns change with them).
        ShouldMatchUpToSign(computed[1], dr, rows: true);
        ShouldMatchUpToSign(computed[0], dq!, rows: false);
        Host(Np.MatMul(computed[0], computed[1])).ShouldBe(d.ToArray<double>(), 1e-12);
    }

    [Fact]
    public void Visualize_draws_the_svd_graph_of_gpu_chunks_without_computing_it()
    {
        NDArray x = Np.Random.Sample((40, 10), Np.Random.DefaultRng(3), backend: "Chunked", chunks: [10, 10]);
        NDArray v = Np.Linalg.Svd(x, fullMatrices: false).Vh!;
        string folder = Path.Combine(Path.GetTempPath(), "arraydispatch-tests", Guid.NewGuid().ToString("N"));
        try
        {
            GpuTransferCounts before = _device.Transfers;
            string written = v.Visualize(Path.Combine(folder, "svd.dot"));

            _scheduler.Values.ShouldBeEmpty();
            (_device.Transfers - before).ShouldBe(default(GpuTransferCounts));
            string dot = File.ReadAllText(written);
            dot.ShouldContain("qr");
            dot.ShouldContain("svd");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Solve_of_gpu_chunks_checks_r_for_singularity_on_the_device_and_agrees_with_dense()
    {
        NDArray d = ChunkedHost.DenseData((16, 16)) + Np.Eye(16, backend: "Dense") * 40.0;
        NDArray db = ChunkedHost.DenseData(new Shape(16), 2);
        NDArray a = Np.AsArray(Np.AsArray(d, backend: "Gpu"), backend: "Chunked", chunks: [4, 16]);
        NDArray b = Np.AsArray(Np.AsArray(db, backend: "Gpu"), backend: "Chunked", chunks: [4]);

        NDArray x = ComputeOnDevice(true, Np.Linalg.Solve(a, b))[0];

        Host(x).ShouldBe(Np.Linalg.Solve(d, db).ToArray<double>(), 1e-10);

        NDArray singular = Np.Ones((6, 6), backend: "Chunked", chunks: [3, 6]);
        NDArray y = Np.Linalg.Solve(singular, Np.Ones(new Shape(6), backend: "Chunked", chunks: [3]));
        Exception error = Should.Throw<Exception>(() => y.Compute());
        var chain = new List<Exception>();
        for (Exception? e = error; e is not null; e = e.InnerException) chain.Add(e);
        chain.OfType<LinAlgException>().ShouldHaveSingleItem().Message.ShouldBe("Singular matrix");
    }

    /// <summary>Each row (or column) of <paramref name="actual"/> equals <paramref name="expected"/>'s times +1 or -1.</summary>
    private static void ShouldMatchUpToSign(NDArray actual, NDArray expected, bool rows)
    {
        double[,] a = Matrix(actual), e = Matrix(expected);
        int count = rows ? a.GetLength(0) : a.GetLength(1), length = rows ? a.GetLength(1) : a.GetLength(0);
        for (int k = 0; k < count; k++)
        {
            double dot = 0;
            for (int i = 0; i < length; i++) dot += rows ? a[k, i] * e[k, i] : a[i, k] * e[i, k];
            double sign = Math.Sign(dot);
            for (int i = 0; i < length; i++)
            {
                double got = sign * (rows ? a[k, i] : a[i, k]), want = rows ? e[k, i] : e[i, k];
                got.ShouldBe(want, 1e-10, $"{(rows ? "row" : "column")} {k}, element {i}");
            }
        }
    }

    private static double[,] Matrix(NDArray a)
    {
        double[] flat = a.IsHostResident ? a.ToArray<double>() : Host(a);
        int m = a.Shape.Dims[0], n = a.Shape.Dims[1];
        var result = new double[m, n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) result[i, j] = flat[i * n + j];
        return result;
    }

    /// <summary>‖x − u·diag(s)·v‖ / ‖x‖ computed on the device.</summary>
    private static double RelativeError(NDArray x, NDArray u, NDArray s, NDArray v)
    {
        NDArray residual = x - Np.MatMul(u * s, v);
        return (Np.Sqrt(Np.Sum(residual * residual)) / Np.Sqrt(Np.Sum(x * x))).Item<double>();
    }
}
