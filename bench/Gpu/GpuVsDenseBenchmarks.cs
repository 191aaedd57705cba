using ArrayDispatch.Dense;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Gpu;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ArrayDispatch.Bench.Gpu;

/// <summary>
/// add, sum and matmul on the same data, Dense beside Gpu, through the dispatcher. The Gpu rows include waiting for the
/// kernel (a Synchronize per call) and exclude the one-off kernel compilation (done in GlobalSetup).
/// Sizes: on ILGPU's CPU accelerator (a simulator) small enough to finish in seconds; set GPU_BENCH_LARGE=1 on a GPU
/// for n = 2^24 and matmul 1024.
/// </summary>
[MemoryDiagnoser(false)]
public class GpuVsDenseBenchmarks
{
    private static readonly bool s_large = Environment.GetEnvironmentVariable("GPU_BENCH_LARGE") == "1";
    private ServiceProvider _provider = null!;
    private IDisposable _binding = null!;
    private GpuDevice _device = null!;
    private NDArray _denseX = null!, _denseY = null!, _denseA = null!, _denseB = null!;
    private GpuArray _gpuX = null!, _gpuY = null!, _gpuA = null!, _gpuB = null!;

    /// <summary>Elements of the add/sum vectors.</summary>
    public static int N => s_large ? 1 << 24 : 1 << 16;

    /// <summary>The side of the matmul matrices.</summary>
    public static int M => s_large ? 1024 : 128;

    [GlobalSetup]
    public void Setup()
    {
        _device = new GpuDevice(Enum.Parse<GpuAcceleratorKind>(Environment.GetEnvironmentVariable("GPU_BENCH_ACCELERATOR") ?? "Auto", ignoreCase: true));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["DefaultBackend"] = "Dense" }).Build();
        var services = new ServiceCollection();
        services.AddArrayDispatch(configuration).AddBackend(new DensePlugin()).AddBackend(new GpuPlugin(_device));
        _provider = services.BuildServiceProvider();
        _binding = Np.UseDispatcher(_provider.GetRequiredService<IArrayDispatcher>());
        Console.WriteLine($"// Gpu device: {_device.Describe()}; n = {N}, matmul {M}");
        _denseX = Np.Random.Sample(new Shape(N), Np.Random.DefaultRng(1));
        _denseY = Np.Random.Sample(new Shape(N), Np.Random.DefaultRng(2));
        _denseA = Np.Random.Sample(new Shape(M, M), Np.Random.DefaultRng(3));
        _denseB = Np.Random.Sample(new Shape(M, M), Np.Random.DefaultRng(4));
        _gpuX = (GpuArray)Np.AsArray(_denseX, backend: "Gpu");
        _gpuY = (GpuArray)Np.AsArray(_denseY, backend: "Gpu");
        _gpuA = (GpuArray)Np.AsArray(_denseA, backend: "Gpu");
        _gpuB = (GpuArray)Np.AsArray(_denseB, backend: "Gpu");
        // Compile every kernel once so the rows show steady state (the table in bench/gpu reports first-call latency).
        GpuAdd(); GpuSum(); GpuMatMul();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _binding.Dispose();
        _provider.Dispose();
        _device.Dispose();
    }

    [Benchmark(Baseline = true), BenchmarkCategory("add")]
    public NDArray DenseAdd() => Np.Add(_denseX, _denseY);

    [Benchmark, BenchmarkCategory("add")]
    public NDArray GpuAdd() => Sync(Np.Add(_gpuX, _gpuY));

    [Benchmark, BenchmarkCategory("sum")]
    public NDArray DenseSum() => Np.Sum(_denseX);

    [Benchmark, BenchmarkCategory("sum")]
    public NDArray GpuSum() => Sync(Np.Sum(_gpuX));

    [Benchmark, BenchmarkCategory("matmul")]
    public NDArray DenseMatMul() => Np.MatMul(_denseA, _denseB);

    [Benchmark, BenchmarkCategory("matmul")]
    public NDArray GpuMatMul() => Sync(Np.MatMul(_gpuA, _gpuB));

    private NDArray Sync(NDArray result)
    {
        _device.Synchronize();
        ((GpuArray)result).Dispose();    // device memory is not the GC's: free it now, as a CuPy loop would
        return result;
    }
}
