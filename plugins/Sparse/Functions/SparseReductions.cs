using System.Numerics;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;
using ArrayDispatch.Sparse.Kernels;
using ArrayDispatch.Sparse.Kernels.Ops;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>
/// Reductions of sparse arrays with <c>axis</c> and <c>keepdims</c>. Results are dense (a 0-d array for a full reduction),
/// as for SciPy's sparse arrays: a reduced sparse array is rarely sparse.
/// </summary>
internal sealed class SparseReductions(SparseContext ctx)
{
    [Implements("sum")]
    public DispatchResult<NDArray> Sum(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        if (!Accepts(args, types)) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        int[] axes = args.Axis.Normalize(x.Rank);
        DType dtype = args.DType ?? DTypes.SumAccumulator(x.DType);
        if (dtype == DType.Float64 && x.DType == DType.Float64 && x is CompressedArray c && !args.KeepDims)
        {
            if (axes.Length is 0) return Result(ArrayOps.Cast(c.ToHostManaged().Data, dtype), x.Shape, dtype);
            var values = (SparseBuffer<double>)c.ValueBuffer;
            if (axes.Length == 2) return ctx.Scalar(CsrReduce.SumAll(values, c.Nnz));
            bool alongMajor = (axes[0] == 1) == (c is CsrArray);
            double[] sums = alongMajor ? CsrReduce.SumLines(c.IndptrBuffer, values) : CsrReduce.SumMinor(c.IndicesBuffer, values, c.Nnz, c.Minor);
            return ctx.Dense(HostBuffer.FromContiguous(sums, new Shape(sums.Length)));
        }
        using GroupReduce g = Group(ref x, axes, args.KeepDims);
        // Integers add in 64 bits, wrapping (uint64 as its bits); floats in float64 and complex numbers in complex128,
        // rounded once to the result dtype.
        return Result(Accumulate(x, g, product: false), g.OutShape, dtype);
    }

    [Implements("nansum")]
    public DispatchResult<NDArray> NanSum(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        if (!Accepts(args, types)) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        using GroupReduce g = Group(ref x, args.Axis.Normalize(x.Rank), args.KeepDims);
        if (x.DType.IsComplex())
        {
            // NumPy's nansum replaces a complex value with either part NaN by 0.
            using SparseBuffer<Complex> c = Copy(Complexes(x));
            Span<Complex> cv = c.Span;
            for (int k = 0; k < cv.Length; k++) if (double.IsNaN(cv[k].Real) || double.IsNaN(cv[k].Imaginary)) cv[k] = Complex.Zero;
            return Result(g.Sum<Complex>(cv), g.OutShape, args.DType ?? x.DType);
        }
        if (!x.DType.IsFloat())
        {
            using SparseBuffer<long> longs = Longs(x);
            return Result(g.Sum<long>(longs.Span), g.OutShape, args.DType ?? DTypes.SumAccumulator(x.DType));
        }
        using SparseBuffer<double> values = Copy(Doubles(x));
        Span<double> v = values.Span;
        for (int k = 0; k < v.Length; k++) if (double.IsNaN(v[k])) v[k] = 0;
        return Result(g.Sum<double>(v), g.OutShape, args.DType ?? x.DType);
    }

    /// <summary>
    /// NumPy's <c>nanmean</c>: integers and bool are <c>mean</c>; otherwise the group's sum with NaNs (either part of a
    /// complex) as 0, over the group's length less its NaNs (implicit zeros count); a group of NaNs only is NaN (0/0).
    /// </summary>
    [Implements("nanmean")]
    public DispatchResult<NDArray> NanMean(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        if (!Accepts(args, types)) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        if (!x.DType.IsFloat() && !x.DType.IsComplex()) return Mean(args, types);
        using GroupReduce g = Group(ref x, args.Axis.Normalize(x.Rank), args.KeepDims);
        DType dtype = args.DType ?? x.DType;
        if (x.DType.IsComplex())
        {
            using SparseBuffer<Complex> cb = Copy(Complexes(x));
            using SparseBuffer<double> nanBuffer = SparseBuffers.Allocate<double>(cb.Length, clear: true);
            Span<Complex> c = cb.Span;
            Span<double> nan = nanBuffer.Span;
            for (int k = 0; k < c.Length; k++)
            {
                if (double.IsNaN(c[k].Real) || double.IsNaN(c[k].Imaginary)) (c[k], nan[k]) = (Complex.Zero, 1);
            }
            Complex[] sums = g.Sum<Complex>(c);
            double[] nans = g.Sum<double>(nan);
            for (int i = 0; i < sums.Length; i++) sums[i] /= g.GroupLength - nans[i];
            return Result(sums, g.OutShape, dtype);
        }
        using SparseBuffer<double> valueBuffer = Copy(Doubles(x));
        using SparseBuffer<double> flagBuffer = SparseBuffers.Allocate<double>(valueBuffer.Length, clear: true);
        Span<double> values = valueBuffer.Span, nanFlags = flagBuffer.Span;
        for (int k = 0; k < values.Length; k++)
        {
            if (double.IsNaN(values[k])) (values[k], nanFlags[k]) = (0, 1);
        }
        double[] totals = g.Sum<double>(values);
        double[] nanCounts = g.Sum<double>(nanFlags);
        for (int i = 0; i < totals.Length; i++) totals[i] /= g.GroupLength - nanCounts[i];
        return Result(totals, g.OutShape, dtype);
    }

    [Implements("prod")]
    public DispatchResult<NDArray> Prod(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        if (!Accepts(args, types)) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        using GroupReduce g = Group(ref x, args.Axis.Normalize(x.Rank), args.KeepDims);
        DType dtype = args.DType ?? DTypes.SumAccumulator(x.DType);
        return Result(Accumulate(x, g, product: true), g.OutShape, dtype);
    }

    [Implements("mean")]
    public DispatchResult<NDArray> Mean(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        if (!Accepts(args, types)) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        using GroupReduce g = Group(ref x, args.Axis.Normalize(x.Rank), args.KeepDims);
        DType dtype = args.DType ?? (x.DType.IsFloat() || x.DType.IsComplex() ? x.DType : DType.Float64);
        if (x.DType.IsComplex() || dtype.IsComplex())
        {
            using SparseBuffer<Complex> cv = Complexes(x);
            Complex[] c = g.Sum<Complex>(cv.Span);
            for (int i = 0; i < c.Length; i++) c[i] /= g.GroupLength;
            return Result(c, g.OutShape, dtype);
        }
        using SparseBuffer<double> dv = Doubles(x);
        double[] sums = g.Sum<double>(dv.Span);
        for (int i = 0; i < sums.Length; i++) sums[i] /= g.GroupLength;
        return Result(sums, g.OutShape, dtype);
    }

    [Implements("var")]
    public DispatchResult<NDArray> Var(in ReductionArgs args, ReadOnlySpan<Type> types) => Spread(args, types, sqrt: false);

    [Implements("std")]
    public DispatchResult<NDArray> Std(in ReductionArgs args, ReadOnlySpan<Type> types) => Spread(args, types, sqrt: true);

    private DispatchResult<NDArray> Spread(in ReductionArgs args, ReadOnlySpan<Type> types, bool sqrt)
    {
        if (!Accepts(args, types)) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        using GroupReduce g = Group(ref x, args.Axis.Normalize(x.Rank), args.KeepDims);
        // Complex values have a real variance: float32 for complex64, float64 for complex128.
        double[] v;
        if (x.DType.IsComplex())
        {
            using SparseBuffer<Complex> c = Complexes(x);
            v = g.Var<Complex>(c.Span, args.Ddof);
        }
        else
        {
            using SparseBuffer<double> d = Doubles(x);
            v = g.Var<double>(d.Span, args.Ddof);
        }
        if (sqrt) for (int i = 0; i < v.Length; i++) v[i] = Math.Sqrt(v[i]);
        return Result(v, g.OutShape, args.DType ?? (x.DType.IsFloat() ? x.DType : x.DType.IsComplex() ? x.DType.RealPart() : DType.Float64));
    }

    [Implements("max")]
    public DispatchResult<NDArray> Max(in ReductionArgs args, ReadOnlySpan<Type> types) => Extreme(args, types, max: true);

    [Implements("min")]
    public DispatchResult<NDArray> Min(in ReductionArgs args, ReadOnlySpan<Type> types) => Extreme(args, types, max: false);

    private DispatchResult<NDArray> Extreme(in ReductionArgs args, ReadOnlySpan<Type> types, bool max)
    {
        if (!Accepts(args, types)) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        using GroupReduce g = Group(ref x, args.Axis.Normalize(x.Rank), args.KeepDims);
        string op = max ? "maximum" : "minimum";
        // The protocol's maximum/minimum loop in the values' accumulator type: uint64 above long's range, complex lexicographic.
        Array result;
        if (x.DType == DType.UInt64)
        {
            ReadOnlySpan<ulong> u = ((SparseBuffer<ulong>)x.ValueBuffer).Span;
            result = max ? g.Extreme<ulong, IntegerLoop<MaximumOp, ulong>>(u, op) : g.Extreme<ulong, IntegerLoop<MinimumOp, ulong>>(u, op);
        }
        else if (x.DType.IsComplex())
        {
            using SparseBuffer<Complex> c = Complexes(x);
            result = max ? g.Extreme<Complex, ComplexLoop<MaximumOp, Complex>>(c.Span, op) : g.Extreme<Complex, ComplexLoop<MinimumOp, Complex>>(c.Span, op);
        }
        else if (x.DType.IsFloat())
        {
            using SparseBuffer<double> d = Doubles(x);
            result = max ? g.Extreme<double, FloatLoop<MaximumOp, double>>(d.Span, op) : g.Extreme<double, FloatLoop<MinimumOp, double>>(d.Span, op);
        }
        else
        {
            using SparseBuffer<long> l = Longs(x);
            result = max ? g.Extreme<long, IntegerLoop<MaximumOp, long>>(l.Span, op) : g.Extreme<long, IntegerLoop<MinimumOp, long>>(l.Span, op);
        }
        return Result(result, g.OutShape, x.DType);
    }

    [Implements("count_nonzero")]
    public DispatchResult<NDArray> CountNonzero(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        if (!Accepts(args, types)) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        using GroupReduce g = Group(ref x, args.Axis.Normalize(x.Rank), args.KeepDims);
        using SparseBuffer<bool> nonzero = ArrayOps.NonzeroMask(x.ValueBuffer);
        return Result(g.NonzeroCounts(nonzero.Span), g.OutShape, DType.Int64);
    }

    [Implements("any")]
    public DispatchResult<NDArray> Any(in ReductionArgs args, ReadOnlySpan<Type> types) => Logical(args, types, all: false);

    [Implements("all")]
    public DispatchResult<NDArray> All(in ReductionArgs args, ReadOnlySpan<Type> types) => Logical(args, types, all: true);

    private DispatchResult<NDArray> Logical(in ReductionArgs args, ReadOnlySpan<Type> types, bool all)
    {
        if (!Accepts(args, types)) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        using GroupReduce g = Group(ref x, args.Axis.Normalize(x.Rank), args.KeepDims);
        using SparseBuffer<bool> nonzero = ArrayOps.NonzeroMask(x.ValueBuffer);
        long[] counts = g.NonzeroCounts(nonzero.Span);
        var result = new bool[counts.Length];
        for (int i = 0; i < counts.Length; i++) result[i] = all ? counts[i] == g.GroupLength : counts[i] > 0;
        return ctx.Dense(HostBuffer.FromContiguous(result, g.OutShape));
    }

    [Implements("argmax")]
    public DispatchResult<NDArray> Argmax(in ReductionArgs args, ReadOnlySpan<Type> types) => ArgExtreme(args, types, max: true);

    [Implements("argmin")]
    public DispatchResult<NDArray> Argmin(in ReductionArgs args, ReadOnlySpan<Type> types) => ArgExtreme(args, types, max: false);

    /// <summary>argmax/argmin of the flattened array (any rank) or along an axis of a 2-d array; n-d with an axis is declined.</summary>
    private DispatchResult<NDArray> ArgExtreme(in ReductionArgs args, ReadOnlySpan<Type> types, bool max)
    {
        if (!Accepts(args, types)) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        if (!args.Axis.IsAll) Shape.NormalizeAxis(args.Axis.Values[0], x.Rank);   // AxisError as NumPy, before any work or decline (found by the fuzz test and the kit)
        if (!args.Axis.IsAll && x.Rank > 2) return NotImplemented.Value;
        // NumPy refuses an empty reduced axis (or an empty array without an axis); empty lanes elsewhere give an empty result.
        bool emptyLine = args.Axis.IsAll ? x.Size == 0 : x.Shape.Dims[Shape.NormalizeAxis(args.Axis.Values[0], x.Rank)] == 0;
        if (emptyLine) throw new ArgumentException($"attempt to get {(max ? "argmax" : "argmin")} of an empty sequence", "x");
        long[] result;
        Shape shape;
        if (args.Axis.IsAll || x.Rank == 1)
        {
            CooArray coo = x.ToCoo().SumDuplicates();
            using SparseBuffer<long> keyBuffer = CooKernels.LinearKeys(coo.CoordBuffers, coo.Nnz, coo.Shape);
            ReadOnlySpan<long> keys = keyBuffer.Span;
            using SparseBuffer values = coo.DType is DType.UInt64 or DType.Int64 ? coo.ValueBuffer : coo.DType.IsComplex() ? Complexes(coo) : Doubles(coo);
            result = [values switch
            {
                SparseBuffer<ulong> u => ArgReduce.Line<ulong, RealOrder<ulong>>(keys, u.Span, x.Size, max),
                SparseBuffer<long> l => ArgReduce.Line<long, RealOrder<long>>(keys, l.Span, x.Size, max),
                SparseBuffer<Complex> c => ArgReduce.Line<Complex, ComplexOrder<Complex>>(keys, c.Span, x.Size, max),
                _ => ArgReduce.Line<double, RealOrder<double>>(keys, ((SparseBuffer<double>)values).Span, x.Size, max),
            }];
            coo.DisposeIfTemporary(x);
            shape = args.KeepDims ? new Shape(Enumerable.Repeat(1, x.Rank).ToArray()) : Shape.Scalar;
        }
        else
        {
            int axis = Shape.NormalizeAxis(args.Axis.Values[0], 2);
            CompressedArray c = axis == 1 ? x.ToCsr() : x.ToCsc();
            c.SumDuplicates();
            ReadOnlySpan<int> indptr = c.Indptr, indices = c.Indices;
            // 64-bit integers compare in their own type: beyond 2^53 doubles would tie.
            using SparseBuffer values = c.DType is DType.UInt64 or DType.Int64 ? c.ValueBuffer : c.DType.IsComplex() ? Complexes(c) : Doubles(c);
            result = values switch
            {
                SparseBuffer<ulong> u => ArgReduce.Lines<ulong, RealOrder<ulong>>(indptr, indices, u.Span, c.Minor, max),
                SparseBuffer<long> l => ArgReduce.Lines<long, RealOrder<long>>(indptr, indices, l.Span, c.Minor, max),
                SparseBuffer<Complex> z => ArgReduce.Lines<Complex, ComplexOrder<Complex>>(indptr, indices, z.Span, c.Minor, max),
                _ => ArgReduce.Lines<double, RealOrder<double>>(indptr, indices, ((SparseBuffer<double>)values).Span, c.Minor, max),
            };
            c.DisposeIfTemporary(x);
            shape = args.KeepDims ? (axis == 1 ? new Shape(result.Length, 1) : new Shape(1, result.Length)) : new Shape(result.Length);
        }
        return ctx.Dense(HostBuffer.FromContiguous(result, shape));
    }

    /// <summary>NumPy's accumulator of sum and prod on 64-bit Linux: bool and signed integers in int64, unsigned in uint64, floats in their own type.</summary>

    private static bool Accepts(in ReductionArgs args, ReadOnlySpan<Type> types) => args.X is SparseArray && HostInterop.Accepts(types, args.X);

    private static GroupReduce Group(ref SparseArray x, int[] axes, bool keepDims)
    {
        CooArray coo = x.ToCoo().SumDuplicates();
        GroupReduce g = GroupReduce.Create(coo, axes, keepDims, ReferenceEquals(coo, x) ? null : coo);
        x = coo;
        return g;
    }

    // The values in an accumulator's type, read in place: the array's own buffer when it holds that type, else a cast
    // copy from the allocator. Callers dispose them with `using`, which gives a copy back and leaves the array's buffer.
    private static SparseBuffer<double> Doubles(SparseArray x) => ArrayOps.As<double>(x.ValueBuffer);

    private static SparseBuffer<Complex> Complexes(SparseArray x) => ArrayOps.As<Complex>(x.ValueBuffer);

    private static SparseBuffer<long> Longs(SparseArray x) => ArrayOps.As<long>(x.ValueBuffer);

    /// <summary>A copy to modify: <paramref name="values"/> itself when it is already a copy, else a new buffer.</summary>
    private static SparseBuffer<T> Copy<T>(SparseBuffer<T> values) where T : unmanaged =>
        values.IsHeld ? SparseBuffers.CopyOf<T>(values.Span) : values;

    /// <summary>A sum or product of the stored values in the accumulator of their family: long, double or Complex.</summary>
    private static Array Accumulate(SparseArray x, GroupReduce g, bool product)
    {
        if (x.DType.IsComplex())
        {
            using SparseBuffer<Complex> c = Complexes(x);
            return product ? g.Prod<Complex>(c.Span) : g.Sum<Complex>(c.Span);
        }
        if (x.DType.IsFloat())
        {
            using SparseBuffer<double> d = Doubles(x);
            return product ? g.Prod<double>(d.Span) : g.Sum<double>(d.Span);
        }
        using SparseBuffer<long> l = Longs(x);
        return product ? g.Prod<long>(l.Span) : g.Sum<long>(l.Span);
    }

    private NDArray Result(Array values, Shape shape, DType dtype) =>
        ctx.Dense(ElementwiseEngine.Buffer(ArrayOps.Cast(values, dtype), shape));
}
