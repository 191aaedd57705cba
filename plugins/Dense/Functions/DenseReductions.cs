using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

/// <summary>
/// Reductions over axis None, one axis, negative axes or a tuple, with keepdims and dtype. Float sums are pairwise as
/// in NumPy; bool and int32 sums accumulate in int64 (NumPy on Linux).
/// </summary>
public static class DenseReductions
{
    [Implements("sum")]
    public static DispatchResult<NDArray> Sum(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        Finish(Total((DenseArray)args.X, AxesOf(args), args.DType, false, "add"), args);

    [Implements("prod")]
    public static DispatchResult<NDArray> Prod(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        Finish(Total((DenseArray)args.X, AxesOf(args), args.DType, true, "multiply"), args);

    // axis=None's axes [0, rank) for ranks 0-8, made once: Total and the reduction driver only read them, and a full
    // sum of a small array was allocating this array on every call.
    private static readonly int[][] s_allAxes = [.. Enumerable.Range(0, 9).Select(r => Enumerable.Range(0, r).ToArray())];

    private static int[] AxesOf(in ReductionArgs args) =>
        args.Axis.IsAll && args.X.Rank < s_allAxes.Length ? s_allAxes[args.X.Rank] : args.Axis.Normalize(args.X.Rank);

    [Implements("max")]
    public static DispatchResult<NDArray> Max(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        Finish(Extreme((DenseArray)args.X, args.Axis.Normalize(args.X.Rank), true), args);

    [Implements("min")]
    public static DispatchResult<NDArray> Min(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        Finish(Extreme((DenseArray)args.X, args.Axis.Normalize(args.X.Rank), false), args);

    [Implements("any")]
    public static DispatchResult<NDArray> Any(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        Finish(Reduce.Run<bool, AnyReduction>(Copy.As((DenseArray)args.X, DType.Bool), args.Axis.Normalize(args.X.Rank), "logical_or"), args);

    [Implements("all")]
    public static DispatchResult<NDArray> All(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        Finish(Reduce.Run<bool, AllReduction>(Copy.As((DenseArray)args.X, DType.Bool), args.Axis.Normalize(args.X.Rank), "logical_and"), args);

    [Implements("count_nonzero")]
    public static DispatchResult<NDArray> CountNonzero(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        DenseArray flags = Copy.Cast(Copy.As((DenseArray)args.X, DType.Bool), DType.Int64);
        return Finish(Reduce.Run<long, SumReduction<long>>(flags, args.Axis.Normalize(args.X.Rank), "add"), args);
    }

    [Implements("mean")]
    public static DispatchResult<NDArray> Mean(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        Finish(MeanOf((DenseArray)args.X, args.Axis.Normalize(args.X.Rank), args.DType), args);

    [Implements("var")]
    public static DispatchResult<NDArray> Var(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        Finish(Variance((DenseArray)args.X, args.Axis.Normalize(args.X.Rank), args.DType, args.Ddof), args);

    [Implements("std")]
    public static DispatchResult<NDArray> Std(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        DenseArray v = Variance((DenseArray)args.X, args.Axis.Normalize(args.X.Rank), args.DType, args.Ddof);
        return Finish((DenseArray)DenseUfuncs.Call(ArrayFunctions.Sqrt, new UnaryArgs(v, v)), args);
    }

    [Implements("nansum")]
    public static DispatchResult<NDArray> NanSum(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        DenseArray x = ZeroNaN((DenseArray)args.X);
        return Finish(Total(x, args.Axis.Normalize(args.X.Rank), args.DType, false, "add"), args);
    }

    [Implements("nanmean")]
    public static DispatchResult<NDArray> NanMean(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        int[] axes = args.Axis.Normalize(x.Rank);
        if (!x.DType.IsInexact()) return Finish(MeanOf(x, axes, args.DType), args);
        DType dtype = args.DType ?? x.DType;
        DenseArray total = Total(ZeroNaN(x), axes, dtype, false, "add");
        var notNaN = (DenseArray)DenseUfuncs.Call(ArrayFunctions.LogicalNot, new UnaryArgs(DenseUfuncs.Call(ArrayFunctions.IsNaN, new UnaryArgs(x))));
        DenseArray count = Reduce.Run<long, SumReduction<long>>(Copy.Cast(notNaN, DType.Int64), axes, "add");
        return Finish((DenseArray)DenseUfuncs.Call(ArrayFunctions.Divide, new BinaryArgs(total, Copy.Cast(count, dtype))), args);
    }

    /// <summary>Sum or product in NumPy's accumulator dtype.</summary>
    /// <summary>
    /// The sum that ends a product (einsum, vdot, vecdot): in the products' own dtype, as NumPy's sum-of-products loops
    /// (int32 stays int32 and wraps, where np.sum would widen it); bools are counted as integers and the count is their
    /// logical or (a dot product of bools is bool).
    /// </summary>
    internal static DenseArray SumOfProducts(DenseArray products, int[] axes) => products.DType == DType.Bool
        ? Copy.Cast(Total(products, axes, DType.Int64, false, "add"), DType.Bool)
        : Total(products, axes, products.DType, false, "add");

    internal static DenseArray Total(DenseArray x, int[] axes, DType? dtype, bool product, string function)
    {
        DType acc = dtype ?? DTypes.SumAccumulator(x.DType);
        if (acc == DType.Bool) return Copy.Cast(Total(x, axes, DType.Int64, product, function), DType.Bool);
        // NumPy adds and multiplies float16 in float32 and rounds the result once.
        if (acc == DType.Float16) return Copy.Cast(Total(x, axes, DType.Float32, product, function), DType.Float16);
        DenseArray converted = Copy.As(x, acc);
        try
        {
            return Typed(converted, axes, acc, product, function);
        }
        finally
        {
            converted.DisposeTemporary(x);      // a converted copy is this call's own
        }
    }

    private static DenseArray Typed(DenseArray x, int[] axes, DType acc, bool product, string function) =>
        acc switch
        {
            DType.Int8 => Run<sbyte>(x, axes, product, function),
            DType.Int16 => Run<short>(x, axes, product, function),
            DType.Int32 => Run<int>(x, axes, product, function),
            DType.Int64 => Run<long>(x, axes, product, function),
            DType.UInt8 => Run<byte>(x, axes, product, function),
            DType.UInt16 => Run<ushort>(x, axes, product, function),
            DType.UInt32 => Run<uint>(x, axes, product, function),
            DType.UInt64 => Run<ulong>(x, axes, product, function),
            DType.Float32 => Run<float>(x, axes, product, function),
            DType.Float64 => Run<double>(x, axes, product, function),
            DType.Complex64 => product ? Reduce.Run<Complex64, ComplexProdReduction<Complex64>>(x, axes, function) : Reduce.Run<Complex64, ComplexSumReduction<Complex64>>(x, axes, function),
            DType.Complex128 => product ? Reduce.Run<System.Numerics.Complex, ComplexProdReduction<System.Numerics.Complex>>(x, axes, function) : Reduce.Run<System.Numerics.Complex, ComplexSumReduction<System.Numerics.Complex>>(x, axes, function),
            _ => throw Errors.Unsupported(function, acc),
        };


    private static DenseArray Run<T>(DenseArray x, int[] axes, bool product, string function) where T : unmanaged, System.Numerics.INumber<T> =>
        product ? Reduce.Run<T, ProdReduction<T>>(x, axes, function) : Reduce.Run<T, SumReduction<T>>(x, axes, function);

    private static DenseArray Extreme(DenseArray x, int[] axes, bool max)
    {
        string name = max ? "maximum" : "minimum";
        if (x.DType == DType.Bool && x.Size == 0 && KeptSize(x, axes) != 0)
        {
            // any/all have identities, maximum/minimum do not (np.max(np.zeros(0, bool)) raises as for every dtype)
            throw NumPyErrors.EmptyReduction(name);
        }
        return x.DType switch
        {
            DType.Bool => max ? Reduce.Run<bool, AnyReduction>(x, axes, name) : Reduce.Run<bool, AllReduction>(x, axes, name),
            DType.Int8 => Extreme<sbyte>(x, axes, max, name),
            DType.Int16 => Extreme<short>(x, axes, max, name),
            DType.Int32 => Extreme<int>(x, axes, max, name),
            DType.Int64 => Extreme<long>(x, axes, max, name),
            DType.UInt8 => Extreme<byte>(x, axes, max, name),
            DType.UInt16 => Extreme<ushort>(x, axes, max, name),
            DType.UInt32 => Extreme<uint>(x, axes, max, name),
            DType.UInt64 => Extreme<ulong>(x, axes, max, name),
            DType.Float16 => Extreme<Half>(x, axes, max, name),
            DType.Float32 => Extreme<float>(x, axes, max, name),
            DType.Float64 => Extreme<double>(x, axes, max, name),
            DType.Complex64 => max ? Reduce.Run<Complex64, ComplexExtremeReduction<Complex64, Ufuncs.MaximumOp>>(x, axes, name) : Reduce.Run<Complex64, ComplexExtremeReduction<Complex64, Ufuncs.MinimumOp>>(x, axes, name),
            DType.Complex128 => max ? Reduce.Run<System.Numerics.Complex, ComplexExtremeReduction<System.Numerics.Complex, Ufuncs.MaximumOp>>(x, axes, name) : Reduce.Run<System.Numerics.Complex, ComplexExtremeReduction<System.Numerics.Complex, Ufuncs.MinimumOp>>(x, axes, name),
            _ => throw Errors.Unsupported(name, x.DType),
        };
    }

    private static long KeptSize(DenseArray x, int[] axes)
    {
        long size = 1;
        for (int i = 0; i < x.Rank; i++) if (Array.IndexOf(axes, i) < 0) size *= x.Shape.Dims[i];
        return size;
    }

    private static DenseArray Extreme<T>(DenseArray x, int[] axes, bool max, string name) where T : unmanaged, System.Numerics.INumber<T> =>
        max ? Reduce.Run<T, MaxReduction<T>>(x, axes, name) : Reduce.Run<T, MinReduction<T>>(x, axes, name);

    internal static DenseArray MeanOf(DenseArray x, int[] axes, DType? dtype)
    {
        // NumPy's mean of float16 sums and divides in float32 and rounds the result once.
        if (dtype is null && x.DType == DType.Float16) return Copy.Cast(MeanOf(x, axes, DType.Float32), DType.Float16);
        DType ct = dtype ?? (x.DType.IsInexact() ? x.DType : DType.Float64);
        if (!ct.IsInexact()) ct = DType.Float64;
        DenseArray total = Total(x, axes, ct, false, "add");
        long count = Count(x, axes);
        var mean = (DenseArray)DenseUfuncs.Call(ArrayFunctions.Divide, new BinaryArgs(total, (double)count));
        return dtype is { } d && d != mean.DType ? Copy.Cast(mean, d) : mean;
    }

    private static DenseArray Variance(DenseArray x, int[] axes, DType? dtype, int ddof)
    {
        if (x.DType.IsComplex() || dtype is { } d && d.IsComplex())
        {
            // NumPy sums the squared magnitudes in dtype=: a complex dtype= gives a complex variance (zero imaginary parts)
            DenseArray v = ComplexVariance(x, axes, dtype ?? x.DType, ddof);
            return dtype is { } c && c.IsComplex() ? Copy.Cast(v, c) : v;
        }
        DType ct = dtype ?? (x.DType.IsFloat() ? x.DType : DType.Float64);
        if (!ct.IsFloat()) ct = DType.Float64;
        x = Copy.As(x, ct);
        // The mean in the variance's own dtype: NumPy's var of float16 stays in float16 throughout (and overflows there),
        // unlike its mean, which works in float32.
        DenseArray mean = MeanOf(x, axes, ct);
        DenseArray meanKept = Views.Reshape(mean, KeptShape(x.Shape, axes));
        var centered = DenseUfuncs.Call(ArrayFunctions.Subtract, x, meanKept, ct);
        var squared = DenseUfuncs.Call(ArrayFunctions.Multiply, centered, centered, ct);
        DenseArray total = Total(squared, axes, ct, false, "add");
        double divisor = Math.Max(Count(x, axes) - ddof, 0);
        return (DenseArray)DenseUfuncs.Call(ArrayFunctions.Divide, new BinaryArgs(total, divisor));
    }

    // NumPy's var of complex values: the mean of |x - mean|², computed as real((x - mean) · conj(x - mean)), in the real
    // dtype of the parts (float64 for complex128, float32 for complex64).
    private static DenseArray ComplexVariance(DenseArray x, int[] axes, DType ct, int ddof)
    {
        x = Copy.As(x, ct);
        DenseArray mean = MeanOf(x, axes, ct);
        DenseArray meanKept = Views.Reshape(mean, KeptShape(x.Shape, axes));
        var centered = DenseUfuncs.Call(ArrayFunctions.Subtract, x, meanKept, ct);
        var conj = (DenseArray)DenseUfuncs.Call(ArrayFunctions.Conjugate, new UnaryArgs(centered));
        var squared = (DenseArray)DenseUfuncs.Call(ArrayFunctions.Real, new UnaryArgs(DenseUfuncs.Call(ArrayFunctions.Multiply, centered, conj, ct)));
        DenseArray total = Total(squared, axes, squared.DType, false, "add");
        double divisor = Math.Max(Count(x, axes) - ddof, 0);
        return (DenseArray)DenseUfuncs.Call(ArrayFunctions.Divide, new BinaryArgs(total, divisor));
    }

    private static DenseArray ZeroNaN(DenseArray x)
    {
        if (!x.DType.IsInexact()) return x;   // a complex value is NaN when a part is (NumPy's isnan)
        DenseArray isNaN = (DenseArray)DenseUfuncs.Call(ArrayFunctions.IsNaN, new UnaryArgs(x));
        return (DenseArray)DenseTernary.Where(new TernaryArgs(isNaN, 0.0, x), [typeof(DenseArray)]).Value;
    }

    internal static long Count(DenseArray x, int[] axes)
    {
        long n = 1;
        foreach (int a in axes) n *= x.Shape.Dims[a];
        return n;
    }

    /// <summary>The input shape with the reduced axes set to 1 (keepdims).</summary>
    internal static Shape KeptShape(Shape shape, int[] axes)
    {
        int[] dims = shape.ToArray();
        foreach (int a in axes) dims[a] = 1;
        return new Shape(dims);
    }

    private static NDArray Finish(DenseArray result, in ReductionArgs args)
    {
        if (args.KeepDims) result = Views.Reshape(result, KeptShape(args.X.Shape, args.Axis.Normalize(args.X.Rank)));
        return result;
    }
}
