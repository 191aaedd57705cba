using System.Numerics;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

/// <summary>Scans (<c>cumsum</c>, <c>cumprod</c>) and arg-reductions (<c>argmin</c>, <c>argmax</c>) along one axis or the flattened array.</summary>
public static class DenseScans
{
    [Implements("cumsum")]
    public static DispatchResult<NDArray> Cumsum(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        Scan((DenseArray)args.X, args.Axis, args.DType, false);

    [Implements("cumprod")]
    public static DispatchResult<NDArray> Cumprod(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        Scan((DenseArray)args.X, args.Axis, args.DType, true);

    [Implements("argmax")]
    public static DispatchResult<NDArray> Argmax(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        ArgExtreme((DenseArray)args.X, args.Axis, args.KeepDims, true);

    [Implements("argmin")]
    public static DispatchResult<NDArray> Argmin(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        ArgExtreme((DenseArray)args.X, args.Axis, args.KeepDims, false);

    /// <summary>The array with <paramref name="axis"/> moved last, C-contiguous; a flattened copy when the axis is None.</summary>
    private static (DenseArray Rows, int Axis) AxisLast(DenseArray x, Axes axis, string function)
    {
        if (axis.IsAll) return (Views.Reshape(x, x.Shape.Flattened()), -1);
        if (axis.Values.Length != 1) throw new ArgumentException($"{function} takes one axis or None, not {axis}", "axis");
        int a = Shape.NormalizeAxis(axis.Values[0], x.Rank);
        return (Copy.Contiguous(Views.Transpose(x, Views.MoveToEnd(x.Rank, [a]))), a);
    }

    private static NDArray Scan(DenseArray x, Axes axis, DType? dtype, bool product)
    {
        string function = product ? "cumprod" : "cumsum";
        DType acc = dtype ?? DTypes.SumAccumulator(x.DType);
        if (x.Rank == 0) x = Views.Reshape(x, new Shape(1));
        (DenseArray rows, int a) = AxisLast(Copy.As(x, acc == DType.Bool ? DType.Int64 : acc), axis, product ? "cumprod" : "cumsum");
        rows = rows.SharesStorage(x) ? rows.Clone() : rows;      // a view of x: scan a private copy
        int length = rows.Rank == 0 ? 1 : rows.Shape.Dims[^1];
        switch (rows.DType)
        {
            case DType.Int8: ScanRows<sbyte>(rows, length, product); break;
            case DType.Int16: ScanRows<short>(rows, length, product); break;
            case DType.Int32: ScanRows<int>(rows, length, product); break;
            case DType.Int64: ScanRows<long>(rows, length, product); break;
            case DType.UInt8: ScanRows<byte>(rows, length, product); break;
            case DType.UInt16: ScanRows<ushort>(rows, length, product); break;
            case DType.UInt32: ScanRows<uint>(rows, length, product); break;
            case DType.UInt64: ScanRows<ulong>(rows, length, product); break;
            // float16: Half's + and * compute in float32 and round, so every running value is rounded as NumPy's loop does
            // (np.cumsum(np.ones(3000, np.float16))[-1] is 2048).
            case DType.Float16: ScanRows<Half>(rows, length, product); break;
            case DType.Float32: ScanRows<float>(rows, length, product); break;
            case DType.Float64: ScanRows<double>(rows, length, product); break;
            case DType.Complex64: ScanComplexRows<Complex64>(rows, length, product); break;
            case DType.Complex128: ScanComplexRows<Complex>(rows, length, product); break;
            default: throw Errors.Unsupported(function, rows.DType);
        }
        DenseArray result = a < 0 ? rows : Copy.Contiguous(Views.Transpose(rows, Views.Inverse(Views.MoveToEnd(x.Rank, [a]))));
        return acc == DType.Bool ? Copy.Cast(result, DType.Bool) : result;
    }

    private static void ScanRows<T>(DenseArray rows, int length, bool product) where T : unmanaged, INumber<T>
    {
        Span<T> data = rows.AsSpan<T>();
        if (length == 0) return;
        for (int start = 0; start < data.Length; start += length)
        {
            Span<T> row = data.Slice(start, length);
            T running = row[0];
            for (int i = 1; i < row.Length; i++) row[i] = running = product ? running * row[i] : running + row[i];
        }
    }

    // The running sum or product with the protocol's complex add and multiply loops.
    private static void ScanComplexRows<T>(DenseArray rows, int length, bool product) where T : unmanaged, INumberBase<T>
    {
        Span<T> data = rows.AsSpan<T>();
        if (length == 0) return;
        for (int start = 0; start < data.Length; start += length)
        {
            Span<T> row = data.Slice(start, length);
            T running = row[0];
            for (int i = 1; i < row.Length; i++) row[i] = running = product ? Ufuncs.MultiplyOp.Complex(running, row[i]) : Ufuncs.AddOp.Complex(running, row[i]);
        }
    }

    private static NDArray ArgExtreme(DenseArray x, Axes axis, bool keepDims, bool max)
    {
        string name = max ? "argmax" : "argmin";
        (DenseArray rows, int a) = AxisLast(x, axis, name);
        if (rows.DType == DType.Bool) rows = Copy.Cast(rows, DType.Int32);
        int length = rows.Shape.Dims[^1];
        if (length == 0) throw new ArgumentException($"attempt to get {name} of an empty sequence", "x");
        long count = rows.Size / length;
        var result = new long[count];
        switch (rows.DType)
        {
            case DType.Int8: ArgRows<sbyte>(rows.ContiguousSpan<sbyte>(), length, result, max); break;
            case DType.Int16: ArgRows<short>(rows.ContiguousSpan<short>(), length, result, max); break;
            case DType.Int32: ArgRows<int>(rows.ContiguousSpan<int>(), length, result, max); break;
            case DType.Int64: ArgRows<long>(rows.ContiguousSpan<long>(), length, result, max); break;
            case DType.UInt8: ArgRows<byte>(rows.ContiguousSpan<byte>(), length, result, max); break;
            case DType.UInt16: ArgRows<ushort>(rows.ContiguousSpan<ushort>(), length, result, max); break;
            case DType.UInt32: ArgRows<uint>(rows.ContiguousSpan<uint>(), length, result, max); break;
            case DType.UInt64: ArgRows<ulong>(rows.ContiguousSpan<ulong>(), length, result, max); break;
            case DType.Float16: ArgRows<Half>(rows.ContiguousSpan<Half>(), length, result, max); break;
            case DType.Float32: ArgRows<float>(rows.ContiguousSpan<float>(), length, result, max); break;
            case DType.Float64: ArgRows<double>(rows.ContiguousSpan<double>(), length, result, max); break;
            case DType.Complex64: ArgComplexRows<Complex64>(rows.ContiguousSpan<Complex64>(), length, result, max); break;
            case DType.Complex128: ArgComplexRows<Complex>(rows.ContiguousSpan<Complex>(), length, result, max); break;
            default: throw Errors.Unsupported(name, rows.DType);
        }
        Shape shape;
        if (a < 0) shape = keepDims ? new Shape(Enumerable.Repeat(1, x.Rank).ToArray()) : Shape.Scalar;
        else shape = x.Shape.RemoveAxis(a, keepDims);
        return DenseArray.Wrap(result, shape);
    }

    // The first extreme wins; a NaN is the extreme (NumPy's rule).
    private static void ArgRows<T>(ReadOnlySpan<T> data, int length, long[] result, bool max) where T : unmanaged, INumber<T>
    {
        for (int r = 0; r < result.Length; r++)
        {
            ReadOnlySpan<T> row = data.Slice(r * length, length);
            int best = 0;
            T value = row[0];
            if (!T.IsNaN(value))
            {
                for (int i = 1; i < row.Length; i++)
                {
                    T v = row[i];
                    if (T.IsNaN(v)) { best = i; break; }
                    if (max ? v > value : v < value) { best = i; value = v; }
                }
            }
            result[r] = best;
        }
    }

    // NumPy's complex argmax/argmin: the lexicographic order (real part, then imaginary part), the first extreme wins,
    // and the first value with a NaN part is the extreme.
    private static void ArgComplexRows<T>(ReadOnlySpan<T> data, int length, long[] result, bool max) where T : unmanaged, INumberBase<T>
    {
        for (int r = 0; r < result.Length; r++)
        {
            ReadOnlySpan<T> row = data.Slice(r * length, length);
            int best = 0;
            Complex value = Ufuncs.ComplexFunctions.Widen(row[0]);
            if (!Ufuncs.ComplexFunctions.IsNaN(value))
            {
                for (int i = 1; i < row.Length; i++)
                {
                    Complex v = Ufuncs.ComplexFunctions.Widen(row[i]);
                    if (Ufuncs.ComplexFunctions.IsNaN(v)) { best = i; break; }
                    if (max ? Ufuncs.ComplexFunctions.Less(value, v) : Ufuncs.ComplexFunctions.Less(v, value)) { best = i; value = v; }
                }
            }
            result[r] = best;
        }
    }
}
