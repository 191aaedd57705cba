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

    public GpuChunkTests()
    {
        _host = TestHost.Create(
            new Dictionary<string, string?>
            {
                ["ArrayDispatch:Backends:Chunked:ChunkBackend"] = "Gpu",
                ["ArrayDispatch:Backends:Gpu:Accelerator"] = "Cpu",
            },
            new DensePlugin(), new GpuPlugin(_device), new ChunkedPlugin(_scheduler));
    }

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

    /// <summary>Computes <paramref name="arrays"/> and checks that every task ran and returned only Gpu arrays, with no download.</summary>
    private NDArray[] ComputeOnDevice(params NDArray[] arrays)
    {
        _scheduler.Clear();
        GpuTransferCounts before = _device.Transfers;
        NDArray[] computed = Np.Compute(arrays);
        (_device.Transfers - before).Downloads.ShouldBe(0, "a task read a value back to the host");
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

        NDArray[] computed = ComputeOnDevice(Np.Sum(x, 0), Np.Sum(x * 2.0 + 1.0), Np.MatMul(x.T, x), x.MatMul(Np.Ones((12, 3), backend: "Chunked", chunks: [6, 3])));

        _scheduler.Values.Values.Select(v => v.Function).ShouldContain("random");
        Host(computed[0]).ShouldBe(Np.Sum(d, 0).ToArray<double>(), 1e-12);
        Host(computed[1]).ShouldBe(Np.Sum(d * 2.0 + 1.0).ToArray<double>(), 1e-10);
        Host(computed[2]).ShouldBe(Np.MatMul(d.T, d).ToArray<double>(), 1e-10);
        Host(computed[3]).ShouldBe(d.MatMul(Np.Ones((12, 3), backend: "Dense")).ToArray<double>(), 1e-12);
    }

    [Fact]
    public void Only_downloading_a_computed_result_moves_data_to_the_host()
    {
        (NDArray x, _) = RandomPair((30, 8), [10, 8]);
        NDArray total = ComputeOnDevice(Np.Sum(Np.Exp(x), 1))[0];

        GpuTransferCounts before = _device.Transfers;
        total.ToHost();
        GpuTransferCounts moved = _device.Transfers - before;

        moved.Downloads.ShouldBe(1);
        moved.DownloadedBytes.ShouldBe(30 * sizeof(double));
    }
}
