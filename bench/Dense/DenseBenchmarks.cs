using BenchmarkDotNet.Attributes;

namespace ArrayDispatch.Bench.Dense;

/// <summary>The dense section of numpy_anchors.py, one benchmark per anchor name.</summary>
[MemoryDiagnoser]
public class DenseBenchmarks
{
    private DenseWorkload _work = null!;

    [GlobalSetup]
    public void Setup() => _work = new DenseWorkload();

    [GlobalCleanup]
    public void Cleanup() => _work.Dispose();

    [Benchmark(Description = "add_alloc")] public NDArray AddAlloc() => Np.Add(_work.A, _work.B);
    [Benchmark(Description = "add_out")] public NDArray AddOut() => Np.Add(_work.A, _work.B, _work.C);
    [Benchmark(Description = "sum")] public NDArray Sum() => Np.Sum(_work.A);
    [Benchmark(Description = "exp_alloc")] public NDArray ExpAlloc() => Np.Exp(_work.A);
    [Benchmark(Description = "mul_scalar_add")] public NDArray MulScalarAdd() => _work.A * 2.0 + _work.B;
    [Benchmark(Description = "sum_axis0")] public NDArray SumAxis0() => Np.Sum(_work.Square, 0);
    [Benchmark(Description = "sum_axis1")] public NDArray SumAxis1() => Np.Sum(_work.Square, 1);
    [Benchmark(Description = "transpose_copy")] public NDArray TransposeCopy() => Np.Copy(_work.T.T);
}
