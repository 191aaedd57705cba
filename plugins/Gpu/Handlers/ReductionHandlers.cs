using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Gpu;

/// <summary>Reductions with <c>axis</c> (none, one or a tuple) and <c>keepdims</c>, with NumPy's accumulator dtypes.</summary>
internal static class ReductionHandlers
{
    public static void Register(IBackendBuilder backend)
    {
        Add(backend, ArrayFunctions.Sum, (x, a) => SumOrProd(x, a, typeof(SumOp<>), 0L));
        Add(backend, ArrayFunctions.Prod, (x, a) => SumOrProd(x, a, typeof(ProdOp<>), 1L));
        Add(backend, ArrayFunctions.Mean, Mean);
        Add(backend, ArrayFunctions.Min, (x, a) => Extreme(x, a, typeof(MinimumOp<>), "minimum"));
        Add(backend, ArrayFunctions.Max, (x, a) => Extreme(x, a, typeof(MaximumOp<>), "maximum"));
        Add(backend, ArrayFunctions.Any, (x, a) => Logical(x, a, typeof(MaximumOp<>), false));
        Add(backend, ArrayFunctions.All, (x, a) => Logical(x, a, typeof(MinimumOp<>), true));
        Add(backend, ArrayFunctions.Argmax, (x, a) => Arg(x, a, typeof(ArgMaxOp<>), "argmax"));
        Add(backend, ArrayFunctions.Argmin, (x, a) => Arg(x, a, typeof(ArgMinOp<>), "argmin"));
        Add(backend, ArrayFunctions.CountNonzero, CountNonzero);
        Add(backend, ArrayFunctions.Var, (x, a) => Variance(x, a, sqrt: false));
        Add(backend, ArrayFunctions.Std, (x, a) => Variance(x, a, sqrt: true));
        Add(backend, ArrayFunctions.Cumsum, (x, a) => Scans.Cumsum(x, a.Axis, a.DType));
        Add(backend, ArrayFunctions.Cumprod, (x, a) => Scans.Cumprod(x, a.Axis, a.DType));
        Add(backend, ArrayFunctions.NanSum, NanSum);
        Add(backend, ArrayFunctions.NanMean, NanMean);
    }

    private static void Add(IBackendBuilder backend, ArrayFunction<ReductionArgs, NDArray> function, Func<GpuArray, ReductionArgs, GpuArray> body) =>
        backend.Implement(function, (in ReductionArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, function.Name) ? body((GpuArray)args.X, args) : NotImplemented.Value);

    private static long ReducedCount(GpuArray x, Axes axis)
    {
        long count = 1;
        foreach (int a in axis.Normalize(x.Rank)) count *= x.Shape.Dims[a];
        return count;
    }


    /// <summary><c>sum</c> with NumPy's accumulator dtype (for functions built on it: trace).</summary>
    internal static GpuArray Sum(GpuArray x, ReductionArgs args) => SumOrProd(x, args, typeof(SumOp<>), 0L);

    /// <summary><c>any</c> (for functions built on it: a sum of bool products is their logical or).</summary>
    internal static GpuArray Any(GpuArray x, ReductionArgs args) => Logical(x, args, typeof(MaximumOp<>), false);

    private static GpuArray SumOrProd(GpuArray x, ReductionArgs args, Type op, long identity)
    {
        DType acc = args.DType ?? DTypes.SumAccumulator(x.DType);
        if (ReducedCount(x, args.Axis) == 0)
        {
            return Creation.Full(x.Runtime, Reductions.Plan(x, args.Axis, args.KeepDims).Result, acc, identity);
        }
        if (acc == DType.Float16)
        {
            // NumPy adds and multiplies float16 in float32 and rounds the result once (the input goes to float32 directly).
            using GpuArray wide = GpuOps.Cast(x, DType.Float32);
            using GpuArray total = Reductions.Reduce(op, wide, args.Axis, args.KeepDims);
            return GpuOps.Convert(total, DType.Float16);
        }
        using GpuArray input = GpuOps.Cast(x, acc);
        return Reductions.Reduce(op, input, args.Axis, args.KeepDims);
    }

    private static GpuArray Mean(GpuArray x, ReductionArgs args)
    {
        if (args.DType is null && x.DType == DType.Float16)
        {
            // NumPy's mean of float16 sums and divides in float32 and rounds the result once.
            using GpuArray wide = Mean(x, args with { DType = DType.Float32 });
            return GpuOps.Convert(wide, DType.Float16);
        }
        DType acc = args.DType ?? (x.DType.IsFloat() || x.DType.IsComplex() ? x.DType : DType.Float64);
        long count = ReducedCount(x, args.Axis);
        if (count == 0)
        {
            return Creation.Full(x.Runtime, Reductions.Plan(x, args.Axis, args.KeepDims).Result, acc, double.NaN);
        }
        using GpuArray sum = SumOrProd(x, args with { DType = acc }, typeof(SumOp<>), 0L);
        using GpuArray n = GpuOps.Scalar(x.Runtime, (double)count, acc);
        return acc.IsFloat() || acc.IsComplex()
            ? GpuOps.ZipWith(UfuncKernels.Binary<Ufuncs.DivideOp>(acc), sum, n, acc)
            : GpuOps.ZipWith(UfuncKernels.Binary<Ufuncs.FloorDivideOp>(acc), sum, n, acc);
    }

    /// <summary>NumPy's <c>nansum</c>: the sum with NaNs (a NaN in either part of a complex) replaced by 0; integers and bool have none.</summary>
    private static GpuArray NanSum(GpuArray x, ReductionArgs args)
    {
        if (!x.DType.IsInexact()) return SumOrProd(x, args, typeof(SumOp<>), 0L);
        using GpuArray zeroed = WithoutNaN(x, out GpuArray nan);
        nan.Dispose();
        return SumOrProd(zeroed, args, typeof(SumOp<>), 0L);
    }

    /// <summary>
    /// NumPy's <c>nanmean</c>: integers and bool are <c>mean</c>; otherwise the <c>nansum</c> in the dtype (float16 rounded
    /// once, as its sum) divided by the count of non-NaN values in float64 (complex128), as NumPy's <c>true_divide</c> of
    /// the total by an integer count, then cast back; a slice of NaNs only (or no elements) is NaN.
    /// </summary>
    private static GpuArray NanMean(GpuArray x, ReductionArgs args)
    {
        if (!x.DType.IsInexact()) return Mean(x, args);
        DType dtype = args.DType ?? x.DType;
        DType wide = dtype.IsComplex() ? DType.Complex128 : DType.Float64;
        using GpuArray zeroed = WithoutNaN(x, out GpuArray nan);
        using GpuArray total = SumOrProd(zeroed, args with { DType = dtype }, typeof(SumOp<>), 0L);
        GpuArray counted;
        using (nan)
        {
            using GpuArray present = GpuOps.MapWith(typeof(LogicalNotOp<byte>), nan, DType.Bool);
            counted = SumOrProd(present, args with { DType = DType.Int64 }, typeof(SumOp<>), 0L);
        }
        using GpuArray count = counted;
        using GpuArray totalWide = GpuOps.Cast(total, wide);
        using GpuArray countWide = GpuOps.Cast(count, wide);
        using GpuArray mean = GpuOps.ZipWith(UfuncKernels.Binary<Ufuncs.DivideOp>(wide), totalWide, countWide, wide);
        return GpuOps.Convert(mean, dtype);
    }

    /// <summary><paramref name="x"/> with its NaNs replaced by 0, and the NaN mask (<c>isnan</c>, the caller disposes it).</summary>
    private static GpuArray WithoutNaN(GpuArray x, out GpuArray nan)
    {
        nan = GpuOps.MapWith(UfuncKernels.Predicate<Ufuncs.IsNaNOp>(x.DType), x, x.DType);
        using GpuArray zero = GpuOps.Scalar(x.Runtime, 0.0, x.DType);
        return GpuOps.Ternary(typeof(WhereOp<>).MakeGenericType(StorageTypes.Of(x.DType)), nan, zero, x, x.DType, DType.Bool);
    }

    private static GpuArray Extreme(GpuArray x, ReductionArgs args, Type op, string name)
    {
        if (ReducedCount(x, args.Axis) == 0)
        {
            throw NumPyErrors.EmptyReduction(name);
        }
        if (x.DType.IsComplex()) op = op == typeof(MaximumOp<>) ? typeof(ComplexMaximumOp<>) : typeof(ComplexMinimumOp<>);
        return Reductions.Reduce(op, x, args.Axis, args.KeepDims);
    }

    private static GpuArray Logical(GpuArray x, ReductionArgs args, Type op, bool identity)
    {
        if (ReducedCount(x, args.Axis) == 0)
        {
            return Creation.Full(x.Runtime, Reductions.Plan(x, args.Axis, args.KeepDims).Result, DType.Bool, identity);
        }
        using GpuArray flags = GpuOps.Map(typeof(NotZeroOp<>), x, x.DType);
        return Reductions.Reduce(op, flags, args.Axis, args.KeepDims);
    }

    private static GpuArray Arg(GpuArray x, ReductionArgs args, Type op, string name)
    {
        if (args.Axis.Values.Length > 1) throw new ArgumentException($"{name} takes one axis or none, not {args.Axis}", "axis");
        if (ReducedCount(x, args.Axis) == 0) throw new ArgumentException($"attempt to get {name} of an empty sequence", "x");
        if (x.DType.IsComplex()) op = op == typeof(ArgMaxOp<>) ? typeof(ComplexArgMaxOp<>) : typeof(ComplexArgMinOp<>);
        return Reductions.ArgReduce(op, x, args.Axis, args.KeepDims);
    }

    private static GpuArray CountNonzero(GpuArray x, ReductionArgs args)
    {
        using GpuArray flags = GpuOps.Map(typeof(NotZeroOp<>), x, x.DType);
        return SumOrProd(flags, args with { DType = DType.Int64 }, typeof(SumOp<>), 0L);
    }

    /// <summary>
    /// Two passes, as NumPy: the mean, then the mean squared deviation over <c>n - ddof</c>; for complex input the squared
    /// deviation is NumPy's <c>(d · conj(d)).real</c>, so the result is real (float32 for complex64, float64 for complex128),
    /// unless a complex <c>dtype=</c> is asked for: NumPy then sums those squares in it, so the answer is complex (zero
    /// imaginary part).
    /// </summary>
    private static GpuArray Variance(GpuArray x, ReductionArgs args, bool sqrt)
    {
        DType input0 = args.DType ?? (x.DType.IsFloat() || x.DType.IsComplex() ? x.DType : DType.Float64);
        long count = ReducedCount(x, args.Axis);
        using GpuArray input = GpuOps.Cast(x, input0);
        using GpuArray mean = Mean(input, args with { KeepDims = true, DType = input0 });
        using GpuArray deviation = GpuOps.ZipWith(UfuncKernels.Binary<Ufuncs.SubtractOp>(input0), input, mean, input0);
        DType acc = input0.IsComplex() ? input0.RealPart() : input0;
        using GpuArray squared = input0.IsComplex() ? SquaredMagnitude(deviation) : GpuOps.MapWith(UfuncKernels.Unary<Ufuncs.SquareOp>(acc), deviation, acc);
        GpuArray total = count == 0
            ? Creation.Full(x.Runtime, Reductions.Plan(x, args.Axis, args.KeepDims).Result, acc, 0.0)
            : Reductions.Reduce(typeof(SumOp<>), squared, args.Axis, args.KeepDims);
        using (total)
        {
            using GpuArray n = GpuOps.Scalar(x.Runtime, Math.Max(0, count - args.Ddof), acc);
            GpuArray variance = GpuOps.ZipWith(UfuncKernels.Binary<Ufuncs.DivideOp>(acc), total, n, acc);
            if (sqrt)
            {
                GpuArray root = GpuOps.MapWith(UfuncKernels.Unary<Ufuncs.SqrtOp>(acc), variance, acc);
                variance.Dispose();
                variance = root;
            }
            if (args.DType is not { } asked || !asked.IsComplex()) return variance;
            using (variance) return GpuOps.Cast(variance, asked);
        }
    }

    /// <summary><c>(d · conj(d)).real</c>, NumPy's squared magnitude in <c>var</c> (not <c>|d|²</c>, whose hypot rounds differently).</summary>
    private static GpuArray SquaredMagnitude(GpuArray d)
    {
        using GpuArray conj = GpuOps.MapWith(UfuncKernels.Unary<Ufuncs.ConjugateOp>(d.DType), d, d.DType);
        using GpuArray product = GpuOps.ZipWith(UfuncKernels.Binary<Ufuncs.MultiplyOp>(d.DType), d, conj, d.DType);
        return GpuOps.MapWith(UfuncKernels.UnaryRealPart<Ufuncs.RealOp>(d.DType), product, d.DType);
    }
}
