using System.Numerics;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

/// <summary>Sorting and searching: <c>sort</c>, <c>argsort</c> (stable), <c>unique</c>, <c>nonzero</c>, <c>argwhere</c>, <c>searchsorted</c>.</summary>
public static class DenseSorting
{
    [Implements("sort")]
    public static DispatchResult<NDArray> Sort(in SortArgs args, ReadOnlySpan<Type> types)
    {
        (DenseArray rows, int axis, DenseArray x) = AxisLast((DenseArray)args.X, args.Axis, zeroDHasAxis: false);
        DType dtype = rows.DType;
        DenseArray work = dtype == DType.Bool ? Copy.Cast(rows, DType.Int32) : rows;
        int length = work.Rank == 0 ? 1 : work.Shape.Dims[^1];
        switch (work.DType)
        {
            case DType.Int8: Search.SortRows(work.AsSpan<sbyte>(), length, args.Descending); break;
            case DType.Int16: Search.SortRows(work.AsSpan<short>(), length, args.Descending); break;
            case DType.Int32: Search.SortRows(work.AsSpan<int>(), length, args.Descending); break;
            case DType.Int64: Search.SortRows(work.AsSpan<long>(), length, args.Descending); break;
            case DType.UInt8: Search.SortRows(work.AsSpan<byte>(), length, args.Descending); break;
            case DType.UInt16: Search.SortRows(work.AsSpan<ushort>(), length, args.Descending); break;
            case DType.UInt32: Search.SortRows(work.AsSpan<uint>(), length, args.Descending); break;
            case DType.UInt64: Search.SortRows(work.AsSpan<ulong>(), length, args.Descending); break;
            case DType.Float16: Search.SortRows(work.AsSpan<Half>(), length, args.Descending); break;
            case DType.Float32: Search.SortRows(work.AsSpan<float>(), length, args.Descending); break;
            case DType.Float64: Search.SortRows(work.AsSpan<double>(), length, args.Descending); break;
            case DType.Complex64: Search.SortComplexRows(work.AsSpan<Complex64>(), length, args.Descending); break;
            case DType.Complex128: Search.SortComplexRows(work.AsSpan<Complex>(), length, args.Descending); break;
            default: throw Errors.Unsupported("sort", work.DType);
        }
        if (dtype == DType.Bool) work = Copy.Cast(work, DType.Bool);
        return Restore(work, axis, x);
    }

    [Implements("argsort")]
    public static DispatchResult<NDArray> Argsort(in SortArgs args, ReadOnlySpan<Type> types)
    {
        (DenseArray rows, int axis, DenseArray x) = AxisLast((DenseArray)args.X, args.Axis, zeroDHasAxis: true);
        if (rows.DType == DType.Bool) rows = Copy.Cast(rows, DType.Int32);
        int length = rows.Rank == 0 ? 1 : rows.Shape.Dims[^1];
        long[] order = rows.DType switch
        {
            DType.Int8 => Search.ArgsortRows(rows.ContiguousSpan<sbyte>(), length, args.Descending),
            DType.Int16 => Search.ArgsortRows(rows.ContiguousSpan<short>(), length, args.Descending),
            DType.Int32 => Search.ArgsortRows(rows.ContiguousSpan<int>(), length, args.Descending),
            DType.Int64 => Search.ArgsortRows(rows.ContiguousSpan<long>(), length, args.Descending),
            DType.UInt8 => Search.ArgsortRows(rows.ContiguousSpan<byte>(), length, args.Descending),
            DType.UInt16 => Search.ArgsortRows(rows.ContiguousSpan<ushort>(), length, args.Descending),
            DType.UInt32 => Search.ArgsortRows(rows.ContiguousSpan<uint>(), length, args.Descending),
            DType.UInt64 => Search.ArgsortRows(rows.ContiguousSpan<ulong>(), length, args.Descending),
            DType.Float16 => Search.ArgsortRows(rows.ContiguousSpan<Half>(), length, args.Descending),
            DType.Float32 => Search.ArgsortRows(rows.ContiguousSpan<float>(), length, args.Descending),
            DType.Float64 => Search.ArgsortRows(rows.ContiguousSpan<double>(), length, args.Descending),
            DType.Complex64 => Search.ArgsortComplexRows(rows.ContiguousSpan<Complex64>(), length, args.Descending),
            DType.Complex128 => Search.ArgsortComplexRows(rows.ContiguousSpan<Complex>(), length, args.Descending),
            _ => throw Errors.Unsupported("argsort", rows.DType),
        };
        return Restore(DenseArray.Wrap(order, rows.Shape), axis, x);
    }

    // The rows to sort: the flattened array (axis None), or the array with the axis moved last, as a private copy.
    // A 0-d array with an axis: NumPy's sort raises AxisError, its argsort answers as for the array flattened ([0]).
    private static (DenseArray Rows, int Axis, DenseArray X) AxisLast(DenseArray x, int? axis, bool zeroDHasAxis)
    {
        if (axis is null) return (Copy.Contiguous(Views.Reshape(x, x.Shape.Flattened())), -1, x);
        if (x.Rank == 0)
        {
            if (!zeroDHasAxis) Shape.NormalizeAxis(axis.Value, 0);   // throws NumPy's 'axis -1 is out of bounds for array of dimension 0'
            return (Copy.Contiguous(Views.Reshape(x, new Shape(1))), -1, x);
        }
        int a = Shape.NormalizeAxis(axis.Value, x.Rank);
        return (Copy.Contiguous(Views.Transpose(x, Views.MoveToEnd(x.Rank, [a]))), a, x);
    }

    private static DenseArray Restore(DenseArray rows, int axis, DenseArray x) =>
        axis < 0 ? rows : Copy.Contiguous(Views.Transpose(rows, Views.Inverse(Views.MoveToEnd(x.Rank, [axis]))));

    [Implements("unique")]
    public static DispatchResult<UniqueResult> Unique(in UniqueArgs args, ReadOnlySpan<Type> types)
    {
        var x = Copy.Contiguous(Views.Reshape((DenseArray)args.X, new Shape((int)args.X.Size)));
        return x.DType switch
        {
            DType.Bool => UniqueOf<int>(Copy.Cast(x, DType.Int32), args, DType.Bool),
            DType.Int8 => UniqueOf<sbyte>(x, args, DType.Int8),
            DType.Int16 => UniqueOf<short>(x, args, DType.Int16),
            DType.Int32 => UniqueOf<int>(x, args, DType.Int32),
            DType.Int64 => UniqueOf<long>(x, args, DType.Int64),
            DType.UInt8 => UniqueOf<byte>(x, args, DType.UInt8),
            DType.UInt16 => UniqueOf<ushort>(x, args, DType.UInt16),
            DType.UInt32 => UniqueOf<uint>(x, args, DType.UInt32),
            DType.UInt64 => UniqueOf<ulong>(x, args, DType.UInt64),
            DType.Float16 => UniqueOf<Half>(x, args, DType.Float16),
            DType.Float32 => UniqueOf<float>(x, args, DType.Float32),
            DType.Float64 => UniqueOf<double>(x, args, DType.Float64),
            DType.Complex64 => UniqueOf(x.AsSpan<Complex64>(), args, DType.Complex64, Search.CompareComplex),
            DType.Complex128 => UniqueOf(x.AsSpan<Complex>(), args, DType.Complex128, Search.CompareComplex),
            _ => throw Errors.Unsupported("unique", x.DType),
        };
    }

    private static UniqueResult UniqueOf<T>(DenseArray x, in UniqueArgs args, DType dtype) where T : unmanaged, INumber<T> =>
        UniqueOf(x.AsSpan<T>(), args, dtype, Search.CompareNaNLast);

    // A complex value is NaN when either part is (NumPy's isnan); System.Numerics.Complex.IsNaN answers false for inf+nanj.
    private static bool IsNaN<T>(T v) where T : INumberBase<T>
    {
        if (typeof(T) == typeof(Complex)) { var c = (Complex)(object)v; return double.IsNaN(c.Real) || double.IsNaN(c.Imaginary); }
        if (typeof(T) == typeof(Complex64)) { var c = (Complex64)(object)v; return float.IsNaN(c.Real) || float.IsNaN(c.Imaginary); }
        return T.IsNaN(v);
    }

    // The distinct values in the order of `compare` (NaN last for real numbers; NumPy's (real, imag) order, values with a
    // NaN part last, for complex ones), with the first index, inverse and counts. The NaNs, sorted last, collapse into
    // the first of them with equal_nan (NumPy's unique), or each stays a value of its own (the array API's unique_*).
    private static UniqueResult UniqueOf<T>(ReadOnlySpan<T> data, in UniqueArgs args, DType dtype, Comparison<T> compare) where T : unmanaged, INumberBase<T>
    {
        long[] order = Search.ArgsortRows(data, data.Length, false, compare);
        var values = new List<T>();
        var first = new List<long>();
        var counts = new List<long>();
        var inverse = new long[data.Length];
        bool previousNaN = false;
        for (int i = 0; i < order.Length; i++)
        {
            T v = data[(int)order[i]];
            bool nan = IsNaN(v);
            bool repeat = i > 0 && (nan ? args.EqualNan && previousNaN : !previousNaN && compare(v, values[^1]) == 0);
            previousNaN = nan;
            if (!repeat)
            {
                values.Add(v);
                first.Add(order[i]);
                counts.Add(0);
            }
            counts[^1]++;
            inverse[order[i]] = values.Count - 1;
        }
        NDArray u = Copy.As(DenseArray.Owned(values.ToArray()), dtype);
        return new UniqueResult(
            u,
            args.ReturnIndex ? DenseArray.Owned(first.ToArray()) : null,
            args.ReturnInverse ? DenseArray.Owned(inverse) : null,
            args.ReturnCounts ? DenseArray.Owned(counts.ToArray()) : null);
    }

    [Implements("nonzero")]
    public static DispatchResult<NDArray[]> Nonzero(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        if (x.Rank == 0) x = Views.Reshape(x, new Shape(1));
        return Search.Nonzero(x).Select(i => (NDArray)DenseArray.Owned(i)).ToArray();
    }

    [Implements("argwhere")]
    public static DispatchResult<NDArray> Argwhere(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        long[][] nz = Search.Nonzero(x);
        int rank = x.Rank, count = rank == 0 ? (x.ToArray<bool>()[0] ? 1 : 0) : nz[0].Length;
        var result = new long[count * rank];
        for (int i = 0; i < count; i++) for (int k = 0; k < rank; k++) result[i * rank + k] = nz[k][i];
        return DenseArray.Owned(result, count, rank);
    }

    [Implements("searchsorted")]
    public static DispatchResult<NDArray> SearchSorted(in SearchSortedArgs args, ReadOnlySpan<Type> types)
    {
        var a = (DenseArray)args.A;
        var v = (DenseArray)args.V;
        ManipulationRules.RequireSortedVector(a.Shape);
        DType dtype = DTypes.Promote(a.DType, v.DType);
        if (dtype == DType.Bool) dtype = DType.Int32;
        DenseArray sa = Copy.As(a, dtype).EnsureContiguous(), sv = Copy.As(v, dtype).EnsureContiguous();
        long[] r = dtype switch
        {
            DType.Int8 => Search.SearchSorted(sa.AsSpan<sbyte>(), sv.AsSpan<sbyte>(), args.Right),
            DType.Int16 => Search.SearchSorted(sa.AsSpan<short>(), sv.AsSpan<short>(), args.Right),
            DType.Int32 => Search.SearchSorted(sa.AsSpan<int>(), sv.AsSpan<int>(), args.Right),
            DType.Int64 => Search.SearchSorted(sa.AsSpan<long>(), sv.AsSpan<long>(), args.Right),
            DType.UInt8 => Search.SearchSorted(sa.AsSpan<byte>(), sv.AsSpan<byte>(), args.Right),
            DType.UInt16 => Search.SearchSorted(sa.AsSpan<ushort>(), sv.AsSpan<ushort>(), args.Right),
            DType.UInt32 => Search.SearchSorted(sa.AsSpan<uint>(), sv.AsSpan<uint>(), args.Right),
            DType.UInt64 => Search.SearchSorted(sa.AsSpan<ulong>(), sv.AsSpan<ulong>(), args.Right),
            DType.Float16 => Search.SearchSorted(sa.AsSpan<Half>(), sv.AsSpan<Half>(), args.Right),
            DType.Float32 => Search.SearchSorted(sa.AsSpan<float>(), sv.AsSpan<float>(), args.Right),
            DType.Float64 => Search.SearchSorted(sa.AsSpan<double>(), sv.AsSpan<double>(), args.Right),
            DType.Complex64 => Search.SearchSorted(sa.AsSpan<Complex64>(), sv.AsSpan<Complex64>(), args.Right, Search.CompareComplex),
            DType.Complex128 => Search.SearchSorted(sa.AsSpan<Complex>(), sv.AsSpan<Complex>(), args.Right, Search.CompareComplex),
            _ => throw Errors.Unsupported("searchsorted", dtype),
        };
        return DenseArray.Wrap(r, v.Shape);
    }
}
