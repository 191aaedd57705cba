using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// NumPy's <c>sort</c> (values; NaN last, complex by real then imaginary part, <c>descending</c> reverses) and stable
/// <c>argsort</c> along one axis or the flattened array: bitonic networks over rows padded to a power of two.
/// </summary>
internal static class Sorting
{
    public static GpuArray Sort(GpuArray x, int? axis, bool descending)
    {
        if (x.Rank == 0)
        {
            // NumPy: an axis is out of bounds for a 0-d array (AxisError); axis None sorts the array flattened, shape (1,).
            if (axis is not null) Shape.NormalizeAxis(axis.Value, 0);
            return Reshape(GpuOps.Copy(x), new Shape(1));
        }
        if (x.DType == DType.Float16)
        {
            // Exact in float32: the same order, NaN last, then back to the same bits.
            using GpuArray wide = GpuOps.Convert(x, DType.Float32);
            using GpuArray sorted = Sort(wide, axis, descending);
            return GpuOps.Convert(sorted, DType.Float16);
        }
        (Layout layout, long outer, long inner, long padded) = Rows(x, axis);
        GpuArray work = GpuOps.Empty(x.Runtime, new Shape(checked((int)(outer * padded))), x.DType);
        try
        {
            if (work.Size > 0 && inner > 0)
            {
                var sort = new SortValues(x, layout, work, inner, padded);
                SortOrders.Run(x.DType, ref sort, "sort");
            }
            // The first `inner` of each padded row, reversed for descending, copied out in the planned order.
            var rowsShape = new Shape(checked((int)outer), checked((int)inner));
            using GpuArray sorted = descending
                ? work.View(rowsShape, [padded, -1], inner - 1)
                : work.View(rowsShape, [padded, 1], 0);
            return Restore(GpuOps.Copy(sorted), x, axis);
        }
        finally
        {
            work.Dispose();
        }
    }

    /// <summary>
    /// The indices that sort each row, stable (equal values keep their order; in descending order too, as Dense's), int64.
    /// A 0-d array answers as the flattened array, <c>[0]</c> (NumPy's argsort accepts an axis there).
    /// </summary>
    public static GpuArray Argsort(GpuArray x, int? axis, bool descending)
    {
        if (x.Rank == 0)
        {
            using GpuArray flat = Reshape(GpuOps.Copy(x), new Shape(1));
            return Argsort(flat, null, descending);
        }
        if (x.DType == DType.Float16)
        {
            using GpuArray wide = GpuOps.Convert(x, DType.Float32);
            return Argsort(wide, axis, descending);
        }
        (Layout layout, long outer, long inner, long padded) = Rows(x, axis);
        using GpuArray work = GpuOps.Empty(x.Runtime, new Shape(checked((int)(outer * padded))), x.DType);
        using GpuArray index = GpuOps.Empty(x.Runtime, new Shape(checked((int)(outer * padded))), DType.Int64);
        if (work.Size > 0 && inner > 0)
        {
            var sort = new SortPairs(x, layout, work, index, inner, padded, descending);
            SortOrders.Run(x.DType, ref sort, "argsort");
        }
        using GpuArray rows = index.View(new Shape(checked((int)outer), checked((int)inner)), [padded, 1], 0);
        return Restore(GpuOps.Copy(rows), x, axis);
    }

    /// <summary>The rows along <paramref name="axis"/> (the flattened array for None) and their length padded to a power of two.</summary>
    private static (Layout Layout, long Outer, long Inner, long Padded) Rows(GpuArray x, int? axis)
    {
        Axes axes = axis is null ? Axes.All : Axes.Of(Shape.NormalizeAxis(axis.Value, x.Rank));
        (_, Layout layout, long outer, long inner) = Reductions.Plan(x, axes, keepDims: false);
        long padded = 1;
        while (padded < inner) padded <<= 1;
        return (layout, outer, inner, padded);
    }

    private static GpuArray Restore(GpuArray rows, GpuArray x, int? axis) =>
        axis is null ? Reshape(rows, new Shape(checked((int)x.Size))) : Scans.Unplan(rows, x.Shape, Shape.NormalizeAxis(axis.Value, x.Rank));

    private static GpuArray Reshape(GpuArray rows, Shape shape)
    {
        using (rows) return rows.View(shape, shape.ContiguousStrides(), 0);
    }

    /// <summary>Sorts the values of padded rows in place; padding holds a value that sorts at or after everything.</summary>
    private readonly struct SortValues(GpuArray x, Layout layout, GpuArray work, long inner, long padded) : ISortAction
    {
        public void Run<T, TOrder>(T pad) where T : unmanaged where TOrder : struct, IGpuOrder<T>
        {
            GpuRuntime runtime = work.Runtime;
            long total = work.Size;
            Index1D threads = runtime.Threads(total);
            ArrayView<T> view = work.Storage.View<T>();
            runtime.Kernels.Auto<ArrayView<T>, Layout, ArrayView<T>, long, long, T, long, long>(SortKernels.Fill)(
                threads, x.Storage.View<T>(), layout, view, inner, padded, pad, total, threads.X);
            var step = runtime.Kernels.Auto<ArrayView<T>, long, long, long, long, long>(SortKernels.Step<T, TOrder>);
            for (long k = 2; k <= padded; k <<= 1)
            {
                for (long j = k >> 1; j > 0; j >>= 1) step(threads, view, padded, j, k, total, threads.X);
            }
        }
    }

    /// <summary>Sorts (value, index) pairs of padded rows in place; the indices are the argsort.</summary>
    private readonly struct SortPairs(GpuArray x, Layout layout, GpuArray work, GpuArray index, long inner, long padded, bool descending) : ISortAction
    {
        public void Run<T, TOrder>(T pad) where T : unmanaged where TOrder : struct, IGpuOrder<T>
        {
            GpuRuntime runtime = work.Runtime;
            long total = work.Size;
            Index1D threads = runtime.Threads(total);
            ArrayView<T> view = work.Storage.View<T>();
            ArrayView<long> indices = index.Storage.View<long>();
            runtime.Kernels.Auto<ArrayView<T>, Layout, ArrayView<T>, ArrayView<long>, long, long, long, long>(SortKernels.FillPairs)(
                threads, x.Storage.View<T>(), layout, view, indices, inner, padded, total, threads.X);
            var step = runtime.Kernels.Auto<ArrayView<T>, ArrayView<long>, long, long, long, long, int, long, long>(SortKernels.StepPairs<T, TOrder>);
            for (long k = 2; k <= padded; k <<= 1)
            {
                for (long j = k >> 1; j > 0; j >>= 1) step(threads, view, indices, padded, j, k, inner, descending ? 1 : 0, total, threads.X);
            }
        }
    }
}

/// <summary>Work generic over a sortable storage type and its order.</summary>
internal interface ISortAction
{
    /// <param name="pad">A value that sorts at or after every value of the type (padding of value sorts).</param>
    void Run<T, TOrder>(T pad) where T : unmanaged where TOrder : struct, IGpuOrder<T>;
}

/// <summary>Each sortable dtype's storage type, order and padding value, in one place for every sort.</summary>
internal static class SortOrders
{
    public static void Run<TAction>(DType dtype, ref TAction action, string function) where TAction : struct, ISortAction
    {
        switch (dtype)
        {
            case DType.Bool: action.Run<byte, RealOrder<byte>>(byte.MaxValue); break;
            case DType.Int8: action.Run<sbyte, RealOrder<sbyte>>(sbyte.MaxValue); break;
            case DType.Int16: action.Run<short, RealOrder<short>>(short.MaxValue); break;
            case DType.Int32: action.Run<int, RealOrder<int>>(int.MaxValue); break;
            case DType.UInt8: action.Run<byte, RealOrder<byte>>(byte.MaxValue); break;
            case DType.UInt16: action.Run<ushort, RealOrder<ushort>>(ushort.MaxValue); break;
            case DType.UInt32: action.Run<uint, RealOrder<uint>>(uint.MaxValue); break;
            case DType.UInt64: action.Run<ulong, RealOrder<ulong>>(ulong.MaxValue); break;
            case DType.Int64: action.Run<long, RealOrder<long>>(long.MaxValue); break;
            case DType.Float32: action.Run<float, RealOrder<float>>(float.NaN); break;
            case DType.Float64: action.Run<double, RealOrder<double>>(double.NaN); break;
            // NaN + NaNj sorts after every value in NumPy's complex order
            case DType.Complex64: action.Run<Complex64, ComplexOrder<Complex64>>(new Complex64(float.NaN, float.NaN)); break;
            case DType.Complex128: action.Run<System.Numerics.Complex, ComplexOrder<System.Numerics.Complex>>(new System.Numerics.Complex(double.NaN, double.NaN)); break;
            default: throw GpuDTypes.Unsupported(dtype, function);
        }
    }
}
