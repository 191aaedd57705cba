using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Chunked.Linalg;

/// <summary>Randomized SVD, and solve / lstsq through TSQR.</summary>
internal static class ChunkedLinalg
{
    /// <summary>
    /// Dask's <c>svd_compressed</c> (Halko, Martinsson and Tropp 2011): the first <paramref name="k"/> singular triplets
    /// from a random projection with <paramref name="oversamples"/> extra columns and <paramref name="powerIterations"/> power iterations.
    /// </summary>
    public static (ChunkedArray U, ChunkedArray S, ChunkedArray Vh) SvdCompressed(ChunkedContext context, ChunkedArray x, int k, int powerIterations, int oversamples, ulong seed)
    {
        if (x.Rank != 2) throw new NotSupportedException($"svd_compressed takes a 2-d array, not shape {x.Shape}");
        int m = x.Shape.Dims[0], n = x.Shape.Dims[1];
        if (k < 1 || k > Math.Min(m, n)) throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in [1, {Math.Min(m, n)}] for shape {x.Shape}");
        int l = Math.Min(k + Math.Max(0, oversamples), Math.Min(m, n));
        // A complex or float16 array has no float64 stand-in: converting would drop the imaginary part or change the precision.
        if (x.DType.IsComplex() || x.DType == DType.Float16) throw new NotSupportedException($"Chunked does not support dtype {x.DType.Name()} for svd_compressed");
        ChunkedArray xf = x.DType.IsFloat() ? x : Elementwise.AsType(context, x, DType.Float64, Casting.Unsafe);
        ChunkedArray omega = Creation.Random(context, new RandomArgs(RandomDistribution.Normal, new Shape(n, l), 0, 1, seed, xf.DType), Chunks.FromSizes([[.. xf.Chunks[1]], [l]]));
        ChunkedArray y = MatMul.Product(context, xf, omega);
        ChunkedArray xt = Manipulation.Transpose(context, xf, Axes.All);
        for (int i = 0; i < powerIterations; i++)
        {
            var (qy, _) = Tsqr.Qr(context, y);
            var (qz, _) = Tsqr.Qr(context, MatMul.Product(context, xt, qy));
            y = MatMul.Product(context, xf, qz);
        }
        var (q, _) = Tsqr.Qr(context, y);
        ChunkedArray b = MatMul.Product(context, Manipulation.Transpose(context, q, Axes.All), xf);
        b = Rechunk.To(context, b, Chunks.Single(b.Shape));
        var (ub, s, vh) = Tsqr.Svd(context, b, false, true);
        ChunkedArray u = MatMul.Product(context, q, ub!);
        return (
            Slicing.GetItem(context, u, [ArrayIndex.All, new Slice(0, k)]),
            Slicing.GetItem(context, s, [new Slice(0, k)]),
            Slicing.GetItem(context, vh!, [new Slice(0, k), ArrayIndex.All]));
    }

    /// <summary>Solves <c>a @ x = b</c> for square <paramref name="a"/> through its QR: <c>x = solve(R, Qᵀ b)</c>.</summary>
    public static ChunkedArray Solve(ChunkedContext context, ChunkedArray a, ChunkedArray b)
    {
        if (a.Rank != 2 || a.Shape.Dims[0] != a.Shape.Dims[1])
        {
            throw new LinAlgException($"Last 2 dimensions of the array must be square, not shape {a.Shape}");
        }
        if (b.Rank is < 1 or > 2 || b.Shape.Dims[0] != a.Shape.Dims[0])
        {
            throw new ShapeMismatchException($"solve: Input operand 1 has a mismatch in its core dimension 0 (size {b.Shape.Dims[0]} is different from {a.Shape.Dims[0]})", a.Shape, b.Shape);
        }
        var (qtb, r) = Reduce(context, a, b);
        return SmallSystem(context, "solve", r, qtb, (rr, bb) =>
        {
            RequireNonsingular(context.Dispatcher, rr);
            return context.Invoke(ArrayFunctions.Solve, new PairArgs(rr, bb));
        }, TaskSpec.Call(ArrayFunctions.Solve, new PairArgs(TaskSpec.Slot(TaskSpec.Nonsingular(TaskSpec.Input(0))), TaskSpec.Slot(1))));
    }

    /// <summary>
    /// NumPy's <c>LinAlgError("Singular matrix")</c> for a numerically singular <c>a</c>: R of its QR then has a diagonal
    /// entry at or below <c>n · eps · max|r_jj|</c>, which LU on R alone would take for a tiny but valid pivot.
    /// </summary>
    /// <remarks>
    /// A host-resident R is read from its host buffer. R of a device backend (Gpu chunks) stays there: its diagonal (a
    /// strided slice of the flattened matrix) and that diagonal's extremes are computed through the dispatcher, and only
    /// the two extremes are read back, not the n × n matrix.
    /// </remarks>
    internal static void RequireNonsingular(IArrayDispatcher dispatcher, NDArray r)
    {
        int n = r.Shape.Dims[1];
        if (n == 0) return;
        double eps = r.DType is DType.Float32 or DType.Complex64 ? 1.1920929e-07 : 2.220446049250313e-16;
        double smallest, largest;
        if (r.IsHostResident)
        {
            // Read from the host buffer directly: no dispatcher call is needed for host memory.
            using HostBuffer host = r.ToHost();
            var diagonal = new double[n];
            for (int i = 0; i < n; i++)
            {
                long at = host.Offset + i * host.Strides[0] + i * host.Strides[1];
                diagonal[i] = host.DType switch
                {
                    DType.Float32 => Math.Abs(host.AsSpan<float>(at, 1)[0]),
                    DType.Complex64 => System.Numerics.Complex.Abs(host.AsSpan<Complex64>(at, 1)[0]),
                    DType.Complex128 => System.Numerics.Complex.Abs(host.AsSpan<System.Numerics.Complex>(at, 1)[0]),
                    _ => Math.Abs(host.AsSpan<double>(at, 1)[0]),
                };
            }
            largest = diagonal.Max();
            smallest = diagonal.Contains(double.NaN) ? double.NaN : diagonal.Min();
        }
        else
        {
            NDArray square = dispatcher.Invoke(ArrayFunctions.Copy, new ArrayArgs(r));   // C-contiguous, so the flat view is a reshape
            NDArray flat = dispatcher.Invoke(ArrayFunctions.Reshape, new ShapeArgs(square, [n * n]));
            NDArray diagonal = dispatcher.Invoke(ArrayFunctions.Abs, new UnaryArgs(dispatcher.Invoke(ArrayFunctions.GetItem, new IndexArgs(flat, [new Slice(0, n * n, n + 1)]))));
            largest = ReadScalar(dispatcher.Invoke(ArrayFunctions.Max, new ReductionArgs(diagonal)));   // NaN propagates
            smallest = ReadScalar(dispatcher.Invoke(ArrayFunctions.Min, new ReductionArgs(diagonal)));
        }
        if (double.IsNaN(largest) || double.IsNaN(smallest) || smallest <= n * eps * largest) throw new LinAlgException("Singular matrix");
    }

    internal static double ReadScalar(NDArray a)
    {
        using HostBuffer host = a.ToHost();
        return a.DType == DType.Float32 ? host.ToContiguous<float>()[0] : host.ToContiguous<double>()[0];
    }

    /// <summary>Least squares through the QR of tall <paramref name="a"/>: the small system <c>R x = Qᵀ b</c> is solved by the chunk backend's lstsq.</summary>
    public static LstsqResult Lstsq(ChunkedContext context, ChunkedArray a, ChunkedArray b, double? rcond)
    {
        if (a.Rank != 2) throw new LinAlgException($"{a.Rank}-dimensional array given. Array must be two-dimensional");
        if (b.Rank is < 1 or > 2 || b.Shape.Dims[0] != a.Shape.Dims[0])
        {
            throw new ShapeMismatchException($"Incompatible dimensions: a has shape {a.Shape}, b has shape {b.Shape}", a.Shape, b.Shape);
        }
        int m = a.Shape.Dims[0], n = a.Shape.Dims[1];
        if (m < n) throw new NotSupportedException($"chunked linalg.lstsq needs at least as many rows as columns (TSQR), not shape {a.Shape}");
        var (qtb, r) = Reduce(context, a, b);
        ChunkedArray x = SmallSystem(context, "lstsq", r, qtb, (rr, bb) => context.Invoke(ArrayFunctions.Lstsq, new ToleranceArgs(rr, bb, rcond)).Solution,
            TaskSpec.Call(ArrayFunctions.Lstsq, new ToleranceArgs(TaskSpec.Slot(0), TaskSpec.Slot(1), rcond)).Member("Solution"));
        // The rank and singular values are those of R; they are needed now, so R is computed.
        NDArray rValue = ChunkedCompute.Run([r]).Arrays[0];
        NDArray singular = context.Invoke(ArrayFunctions.Svd, new SvdArgs(rValue, false, false)).S;
        double[] sv = singular.ToArray<double>();
        // numpy.linalg's common dtype of a and b: rcond=None's eps and the residuals' (real) dtype are its
        DType common = LinalgRules.ResultType(a, b);
        double eps = common is DType.Float32 or DType.Complex64 ? Math.Pow(2, -23) : Math.Pow(2, -52);
        double cutoff = (rcond ?? Math.Max(m, n) * eps) * (sv.Length > 0 ? sv[0] : 0);
        int rank = sv.Count(v => v > cutoff);
        ChunkedArray residuals;
        ChunkedArray fitted = MatMul.Product(context, a, x);
        ChunkedArray diff = Elementwise.Binary(context, ArrayFunctions.Subtract, b, fitted);
        // |b - a x|² (NumPy sums abs(r)**2: real for complex systems)
        ChunkedArray sq = Elementwise.Unary(context, ArrayFunctions.Square, common.IsComplex() ? Elementwise.Unary(context, ArrayFunctions.Abs, diff) : diff);
        if (rank == n && m > n)
        {
            residuals = Reductions.Tree(context, ArrayFunctions.Sum, ArrayFunctions.Add, sq, [0], b.Rank == 1, null);
        }
        else
        {
            residuals = Creation.Full(context, new FullArgs(new Shape(0), common.RealPart(), Scalar.Float(0), default), false);
        }
        return new LstsqResult(x, residuals, rank, LayerBuilder.FromArray(context, singular));
    }

    /// <summary>Qᵀ b (one chunk) and R of a's TSQR (a's columns made one chunk first).</summary>
    private static (ChunkedArray Qtb, ChunkedArray R) Reduce(ChunkedContext context, ChunkedArray a, ChunkedArray b)
    {
        if (a.Chunks.BlockCounts[1] != 1) a = Rechunk.To(context, a, a.Chunks.WithAxis(1, [a.Shape.Dims[1]]));
        var (q, r) = Tsqr.Qr(context, a);
        // Qᴴ b: a complex Q is conjugated (Qᵀ b solves nothing then).
        ChunkedArray qt = Manipulation.Transpose(context, q, Axes.All);
        if (q.DType.IsComplex()) qt = Elementwise.Unary(context, ArrayFunctions.Conjugate, qt);
        ChunkedArray qtb = MatMul.Product(context, qt, b);
        qtb = Rechunk.To(context, qtb, Chunks.Single(qtb.Shape));
        return (qtb, r);
    }

    private static ChunkedArray SmallSystem(ChunkedContext context, string label, ChunkedArray r, ChunkedArray rhs, Func<NDArray, NDArray, NDArray> solve, TaskSpec spec)
    {
        int n = r.Shape.Dims[1];
        Shape shape = rhs.Rank == 1 ? new Shape(n) : new Shape(n, rhs.Shape.Dims[1]);
        NDArray meta = LayerBuilder.WithRank(context, LayerBuilder.WithDType(context, rhs.Meta, DTypes.Promote(r.DType, rhs.DType)), shape.Rank);
        string name = Names.Layer(label, r.Name, rhs.Name);
        string rKey = r.KeyOf(0, 0), bKey = rhs.KeyOf(new int[rhs.Rank]);
        return LayerBuilder.Build(context, name, label, shape, Chunks.Single(shape), meta, [r.Layer, rhs.Layer],
            _ => ([rKey, bKey], v => solve((NDArray)v[0], (NDArray)v[1])), spec: spec);
    }
}
