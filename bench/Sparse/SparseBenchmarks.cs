using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Sparse.Functions;
using ArrayDispatch.Sparse.Kernels.Ops;
using ArrayDispatch.Ufuncs;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace ArrayDispatch.Sparse.Benchmarks;

/// <summary>
/// The sparse workloads, named as in /work/shared/bench/numpy_anchors.py (section sparse) so the rows line up
/// with SciPy's: a 1e6 x 1e6 CSR with 1e7 entries, and a 1e5 x 1e5 CSR with 1e6 entries. Calls go through the plugin's
/// registered handlers (what the dispatcher invokes; element-wise ones through the engine their table-built handlers call
/// after the NEP 18 check), with a stand-in dense backend that wraps host buffers.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SparseBenchmarkConfig))]
public class SparseBenchmarks
{
    private SparseReductions _reductions = null!;
    private SparseProducts _products = null!;
    private SparseLinalgHandlers _linalg = null!;
    private CsrArray _a = null!, _b = null!, _s = null!, _s2 = null!, _e = null!;
    private CooArray _coo = null!;
    private NDArray _x = null!, _d16 = null!, _d1000 = null!, _ones = null!, _ones3d = null!;
    private double[] _d16Raw = null!, _y16 = null!;
    private CsrArray _laplacian = null!, _laplacian3d = null!;
    private SparseContext _ctx = null!;

    /// <summary>The size strings of numpy_anchors.py's rows (its <c>--compare</c> matches rows by name and size).</summary>
    public string SizeOf(string name) => name switch
    {
        "csr_matmul_csr" => $"100000x100000 nnz={_s.Nnz}",
        "csr_matmul_dense" or "csr_matmul_dense_into" => $"100000x100000 nnz={_s.Nnz} @ 100000x16",
        "csr_matmul_dense_1000" => $"100000x100000 nnz={_s.Nnz} @ 100000x1000",
        "csr_toarray" => $"5000x5000 nnz={_e.Nnz}",
        "spsolve_laplacian2d" => $"250000x250000 nnz={_laplacian.Nnz}",
        "spsolve_laplacian3d" => $"27000x27000 nnz={_laplacian3d.Nnz}",
        _ => $"1000000x1000000 nnz={_a.Nnz}",
    };

    [GlobalSetup]
    public void Setup()
    {
        var ctx = new SparseContext(new BufferDispatcher(), new SparseOptions());
        _reductions = new SparseReductions(ctx);
        _products = new SparseProducts(ctx);
        _ctx = ctx;
        const int n = 1_000_000;
        _a = (CsrArray)SparseArrays.Random(n, n, 1e-5, seed: 1);
        _b = (CsrArray)SparseArrays.Random(n, n, 1e-5, seed: 2);
        _coo = _a.ToCoo();
        var rng = new Random(3);
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rng.NextDouble() - 0.5;
        _x = new BufferArray(HostBuffer.FromContiguous(x, new Shape(n)));
        const int m = 100_000;
        _s = (CsrArray)SparseArrays.Random(m, m, 1e-4, seed: 4);
        _s2 = (CsrArray)SparseArrays.Random(m, m, 1e-4, seed: 5);
        var d = new double[m * 16];
        for (int i = 0; i < d.Length; i++) d[i] = rng.NextDouble() - 0.5;
        _d16 = new BufferArray(HostBuffer.FromContiguous(d, new Shape(m, 16)));
        _d16Raw = d;
        _y16 = new double[m * 16];
        var d1000 = new double[m * 1000];
        for (int i = 0; i < d1000.Length; i++) d1000[i] = rng.NextDouble() - 0.5;
        _d1000 = new BufferArray(HostBuffer.FromContiguous(d1000, new Shape(m, 1000)));
        _e = (CsrArray)SparseArrays.Random(5000, 5000, 0.01, seed: 7);
        _linalg = new SparseLinalgHandlers(ctx);
        _laplacian = Laplacian2D(500);
        _ones = new BufferArray(HostBuffer.FromContiguous(Enumerable.Repeat(1.0, 500 * 500).ToArray(), new Shape(500 * 500)));
        _laplacian3d = Laplacian3D(30);
        _ones3d = new BufferArray(HostBuffer.FromContiguous(Enumerable.Repeat(1.0, 27000).ToArray(), new Shape(27000)));
    }

    /// <summary>SciPy's kron(I, tridiag(-1, 4, -1)) + kron(tridiag(-1, 0, -1), I): the 5-point Laplacian on a k×k grid.</summary>
    private static CsrArray Laplacian2D(int k)
    {
        int n = k * k;
        var t = (CsrArray)SparseArrays.Diags([Enumerable.Repeat(-1.0, k - 1).ToArray(), Enumerable.Repeat(4.0, k).ToArray(), Enumerable.Repeat(-1.0, k - 1).ToArray()], [-1, 0, 1]);
        var rows = new List<int>(5 * n);
        var cols = new List<int>(5 * n);
        var values = new List<double>(5 * n);
        for (int block = 0; block < k; block++)
        {
            for (int i = 0; i < k; i++)
            {
                ReadOnlySpan<double> tv = t.Values<double>();
                for (int p = t.Indptr[i]; p < t.Indptr[i + 1]; p++) { rows.Add(block * k + i); cols.Add(block * k + t.Indices[p]); values.Add(tv[p]); }
                if (block > 0) { rows.Add(block * k + i); cols.Add((block - 1) * k + i); values.Add(-1); }
                if (block < k - 1) { rows.Add(block * k + i); cols.Add((block + 1) * k + i); values.Add(-1); }
            }
        }
        return CooArray.FromTriplets(values.ToArray(), rows.ToArray(), cols.ToArray(), new Shape(n, n)).ToCsr();
    }

    /// <summary>The 7-point Laplacian on a k×k×k grid (6 on the diagonal, −1 to each neighbour), as <c>spsolve_scipy.py --3d</c> builds it.</summary>
    private static CsrArray Laplacian3D(int k)
    {
        int n = k * k * k;
        var rows = new List<int>(7 * n);
        var cols = new List<int>(7 * n);
        var values = new List<double>(7 * n);
        for (int z = 0; z < k; z++)
        {
            for (int y = 0; y < k; y++)
            {
                for (int x = 0; x < k; x++)
                {
                    int i = (z * k + y) * k + x;
                    void Add(int j, double v) { rows.Add(i); cols.Add(j); values.Add(v); }
                    Add(i, 6);
                    if (x > 0) Add(i - 1, -1);
                    if (x < k - 1) Add(i + 1, -1);
                    if (y > 0) Add(i - k, -1);
                    if (y < k - 1) Add(i + k, -1);
                    if (z > 0) Add(i - k * k, -1);
                    if (z < k - 1) Add(i + k * k, -1);
                }
            }
        }
        return CooArray.FromTriplets(values.ToArray(), rows.ToArray(), cols.ToArray(), new Shape(n, n)).ToCsr();
    }

    private static readonly Type[] s_sparseDense = [typeof(CsrArray), typeof(BufferArray)];
    private static readonly Type[] s_sparse = [typeof(CsrArray)];

    [Benchmark(Description = "csr_spmv")]
    public NDArray SpMV() => _products.MatMul(new PairArgs(_a, _x), s_sparseDense).Value;

    [Benchmark(Description = "csr_sum")]
    public NDArray Sum() => _reductions.Sum(new ReductionArgs(_a), s_sparse).Value;

    [Benchmark(Description = "csr_sum_axis0")]
    public NDArray SumAxis0() => _reductions.Sum(new ReductionArgs(_a, 0), s_sparse).Value;

    [Benchmark(Description = "csr_add_csr")]
    public NDArray Add() => ElementwiseEngine.Arithmetic<AddOp>(_ctx, UfuncOf(ArrayFunctions.Add), _a, _b, annihilates: false);

    [Benchmark(Description = "csr_multiply_csr")]
    public NDArray Multiply() => ElementwiseEngine.Arithmetic<MultiplyOp>(_ctx, UfuncOf(ArrayFunctions.Multiply), _a, _b, annihilates: true);

    private static BinaryUfunc UfuncOf(ArrayFunction function) => Ufunc.TryGet(function, out Ufunc? ufunc) ? (BinaryUfunc)ufunc : throw new InvalidOperationException(function.Name);

    [Benchmark(Description = "coo_to_csr")]
    public NDArray CooToCsr() => _coo.ToCsr();

    [Benchmark(Description = "csr_matmul_csr")]
    public NDArray SpGemm() => _products.MatMul(new PairArgs(_s, _s2), s_sparse).Value;

    [Benchmark(Description = "csr_matmul_dense")]
    public NDArray SpMM() => _products.MatMul(new PairArgs(_s, _d16), s_sparseDense).Value;

    /// <summary>The SpMM kernel alone, into a preallocated and already touched result (no first touches, no dispatch).</summary>
    [Benchmark(Description = "csr_matmul_dense_into")]
    public double[] SpMMInto()
    {
        ArrayDispatch.Sparse.Kernels.SpMM.MultiplyInto(_s.Shape.Dims[0], _s.IndptrBuffer, _s.IndicesBuffer, (SparseBuffer<double>)_s.ValueBuffer, _d16Raw, 16, new ArrayDispatch.Sparse.Kernels.DenseRows<double>(_y16, 16));
        return _y16;
    }

    /// <summary>SciPy's extra row: the same CSR times a 100000 x 1000 block (800 MB in, 800 MB out).</summary>
    [Benchmark(Description = "csr_matmul_dense_1000")]
    public NDArray SpMM1000() => _products.MatMul(new PairArgs(_s, _d1000), s_sparseDense).Value;

    /// <summary>SciPy's <c>E.toarray()</c>: what <c>Np.AsArray(e, backend: "Dense")</c> does (Dense wraps <c>ToHost()</c>).</summary>
    [Benchmark(Description = "csr_toarray")]
    public NDArray ToArray() => _ctx.Dense(_e.ToHost());

    /// <summary>SciPy's <c>spsolve(A, ones)</c> for the 2-D Laplacian on a 500 x 500 grid (SuperLU, COLAMD ordering).</summary>
    [Benchmark(Description = "spsolve_laplacian2d")]
    public NDArray Spsolve() => _linalg.Spsolve(new CallArgs([_laplacian, _ones]), s_sparseDense).Value[0];

    /// <summary>SciPy's <c>spsolve(A, ones)</c> for the 3-D 7-point Laplacian on a 30 x 30 x 30 grid: larger fronts than 2-D.</summary>
    [Benchmark(Description = "spsolve_laplacian3d")]
    public NDArray Spsolve3D() => _linalg.Spsolve(new CallArgs([_laplacian3d, _ones3d]), s_sparseDense).Value[0];
}

/// <summary>
/// Few, long iterations (each call takes 5-2000 ms), in process: on the shared 2-core machine generating and building a
/// separate benchmark project exceeds BenchmarkDotNet's 2-minute build timeout. The process keeps freed GC segments
/// committed (RetainVMGarbageCollection in the project), as glibc's heap does for SciPy.
/// </summary>
public sealed class SparseBenchmarkConfig : BenchmarkDotNet.Configs.ManualConfig
{
    public SparseBenchmarkConfig() =>
        AddJob(Job.ShortRun.WithWarmupCount(2).WithIterationCount(5).WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
}
