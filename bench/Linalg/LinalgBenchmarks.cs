using ArrayDispatch.Dense.Linalg;
using BenchmarkDotNet.Attributes;

namespace ArrayDispatch.Bench.Linalg;

/// <summary>BenchmarkDotNet view of the main kernels (native when loaded; set ARRAYDISPATCH_LINALG=managed for managed).</summary>
[MemoryDiagnoser]
public class LinalgBenchmarks
{
    private double[] _a = [], _b = [], _c = [];

    [Params(512, 1024)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _a = QuickBench.Rand(N * N, 1);
        _b = QuickBench.Rand(N * N, 2);
        _c = new double[N * N];
        for (int i = 0; i < N; i++) _a[i * N + i] += N;
    }

    [Benchmark]
    public void MatMulFloat64() => LinalgKernels.Gemm(false, false, N, N, N, 1.0, _a, N, _b, N, 0.0, _c, N);

    [Benchmark]
    public void Solve() => LinalgKernels.Solve(N, N, _a, _b, _c);

    [Benchmark]
    public void Svd() => LinalgKernels.Svd(N, N, _a, new double[N], new double[N * N], new double[N * N], false, true);
}
