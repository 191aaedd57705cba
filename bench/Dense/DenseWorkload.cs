using ArrayDispatch.Testing;

namespace ArrayDispatch.Bench.Dense;

/// <summary>The arrays and calls measured, as numpy_anchors.py's dense section builds them.</summary>
public sealed class DenseWorkload : IDisposable
{
    private readonly TestHost _host;

    public DenseWorkload()
    {
        _host = TestHost.Create(new ArrayDispatch.Dense.DensePlugin());
        var rng = Np.Random.DefaultRng(42);
        A = Np.Random.Sample(N, rng);
        B = Np.Random.Sample(N, rng);
        C = Np.Full(N, 1.0);
        Square = Np.Random.Sample((M, M), rng);
        T = Np.Random.Sample((TSize, TSize), rng);
        TOut = Np.Full((TSize, TSize), 1.0);
    }

    public const int N = 10_000_000, M = 3162, TSize = 4096;

    public NDArray A { get; }
    public NDArray B { get; }
    public NDArray C { get; }
    public NDArray Square { get; }
    public NDArray T { get; }

    /// <summary>A preallocated, already touched destination for <c>transpose_copyto_out</c> (the kernel without first touches).</summary>
    public NDArray TOut { get; }

    /// <summary>(section, name, size, call) for every measurement.</summary>
    public IEnumerable<(string Section, string Name, string Size, Func<object> Run)> Cases()
    {
        string n = N.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return ("dense", "add_alloc", n, () => Np.Add(A, B));
        yield return ("dense", "add_out", n, () => Np.Add(A, B, C));
        yield return ("dense", "sum", n, () => Np.Sum(A));
        yield return ("dense", "exp_alloc", n, () => Np.Exp(A));
        yield return ("dense", "exp_out", n, () => Np.Exp(A, C));
        // Disposed at once, so every call after the first finds its buffer in the pool: separates the kernel on a fresh
        // (pooled) destination from the fate of dropped results.
        yield return ("dense", "exp_alloc_disposed", n, () => { using NDArray r = Np.Exp(A); return A; });
        yield return ("dense", "add_alloc_disposed", n, () => { using NDArray r = Np.Add(A, B); return A; });
        yield return ("dense", "mul_scalar_add", n, () => A * 2.0 + B);
        yield return ("dense", "sum_axis0", $"{M}x{M}", () => Np.Sum(Square, 0));
        yield return ("dense", "sum_axis1", $"{M}x{M}", () => Np.Sum(Square, 1));
        yield return ("dense", "transpose_copy", $"{TSize}x{TSize}", () => Np.Copy(T.T));
        yield return ("dense", "transpose_copyto_out", $"{TSize}x{TSize}", () => Np.SetItem(TOut, [ArrayIndex.Ellipsis], T.T));
        yield return ("membw", "copyto", n, () => Np.SetItem(C, [ArrayIndex.Ellipsis], A));
        yield return ("membw", "copy_alloc", n, () => Np.Copy(A));
    }

    public void Dispose() => _host.Dispose();
}
