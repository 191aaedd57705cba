using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>NumPy's <c>cumsum</c> and <c>cumprod</c> over one axis or the flattened array, with NumPy's accumulator dtypes.</summary>
internal static class Scans
{
    public static GpuArray Cumsum(GpuArray x, Axes axis, DType? dtype) => Accumulate(x, axis, dtype, product: false);

    public static GpuArray Cumprod(GpuArray x, Axes axis, DType? dtype) => Accumulate(x, axis, dtype, product: true);

    private static GpuArray Accumulate(GpuArray x, Axes axis, DType? dtype, bool product)
    {
        string function = product ? "cumprod" : "cumsum";
        // cumprod accumulates in the same dtype as cumsum (NumPy: bool and small integers in int64, unsigned in uint64).
        DType acc = dtype ?? DTypes.SumAccumulator(x.DType);
        DType compute = acc == DType.Bool ? DType.Int64 : acc;
        if (!axis.IsAll && axis.Values.Length != 1) throw new ArgumentException($"{function} takes one axis or None, not {axis}", "axis");
        using GpuArray input = GpuOps.Cast(x.Rank == 0 ? x.View(new Shape(1), [0], x.Offset) : x, compute);
        (_, Layout layout, long outer, long inner) = Reductions.Plan(input, axis, keepDims: false);
        // Rows come out dense in the planned order (kept axes, then the scanned one).
        GpuArray rows = GpuOps.Empty(x.Runtime, new Shape(checked((int)(outer * inner))), compute);
        if (rows.Size > 0)
        {
            switch (compute)
            {
                case DType.Int8: Scan<sbyte>(input, layout, rows, outer, inner, product); break;
                case DType.Int16: Scan<short>(input, layout, rows, outer, inner, product); break;
                case DType.Int32: Scan<int>(input, layout, rows, outer, inner, product); break;
                case DType.UInt8: Scan<byte>(input, layout, rows, outer, inner, product); break;
                case DType.UInt16: Scan<ushort>(input, layout, rows, outer, inner, product); break;
                case DType.UInt32: Scan<uint>(input, layout, rows, outer, inner, product); break;
                case DType.UInt64: Scan<ulong>(input, layout, rows, outer, inner, product); break;
                case DType.Float16:
                    x.Runtime.Kernels.Auto<ArrayView<HalfBits>, Layout, ArrayView<HalfBits>, long, int>(ScanKernels.RowScanHalf)(
                        Launchers.Checked(outer), input.Storage.View<HalfBits>(), layout, rows.Storage.View<HalfBits>(), inner, product ? 1 : 0);
                    break;
                case DType.Int64: Scan<long>(input, layout, rows, outer, inner, product); break;
                case DType.Float32: Scan<float>(input, layout, rows, outer, inner, product); break;
                case DType.Float64: Scan<double>(input, layout, rows, outer, inner, product); break;
                case DType.Complex64: Scan<Complex64>(input, layout, rows, outer, inner, product); break;
                case DType.Complex128: Scan<System.Numerics.Complex>(input, layout, rows, outer, inner, product); break;
                default: throw GpuDTypes.Unsupported(compute, function);
            }
        }
        GpuArray result = axis.IsAll ? rows : Unplan(rows, input.Shape, Shape.NormalizeAxis(axis.Values[0], input.Rank));
        if (acc != DType.Bool) return result;
        using (result) return GpuOps.Convert(result, DType.Bool);
    }

    /// <summary>The rows (kept axes in order, then <paramref name="axis"/>) seen in the original axis order: a strided view.</summary>
    public static GpuArray Unplan(GpuArray rows, Shape shape, int axis)
    {
        var strides = new long[shape.Rank];
        long step = shape.Dims[axis];
        strides[axis] = 1;
        for (int k = shape.Rank - 1; k >= 0; k--)
        {
            if (k == axis) continue;
            strides[k] = step;
            step *= shape.Dims[k];
        }
        using (rows) return rows.View(shape, strides, 0);
    }

    private static void Scan<T>(GpuArray source, Layout layout, GpuArray rows, long outer, long inner, bool product) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        GpuRuntime runtime = rows.Runtime;
        if (product) ScanInto<T, ProdOp<T>>(runtime, source.Storage.View<T>(), layout, rows.Storage.View<T>(), outer, inner);
        else ScanInto<T, SumOp<T>>(runtime, source.Storage.View<T>(), layout, rows.Storage.View<T>(), outer, inner);
    }

    private static void ScanInto<T, TOp>(GpuRuntime runtime, ArrayView<T> x, Layout layout, ArrayView<T> z, long outer, long inner)
        where T : unmanaged where TOp : struct, IGpuReduceOp<T>
    {
        // Runs of at least 32 elements, about a device-full of them in all.
        long segments = Math.Max(1, Math.Min(runtime.ReductionParallelism / Math.Max(1, outer), inner / 32));
        long length = (inner + segments - 1) / segments;
        segments = (inner + length - 1) / length;
        var scan = runtime.Kernels.Auto<ArrayView<T>, Layout, ArrayView<T>, ArrayView<T>, int, long, long, long>(ScanKernels.SegmentScan<T, TOp>);
        if (segments == 1)
        {
            scan(Launchers.Checked(outer), x, layout, z, z, 0, inner, 1, inner);
            return;
        }
        DType dtype = StorageTypes.DTypeOf(typeof(T));
        using GpuArray sums = GpuOps.Empty(runtime, new Shape(checked((int)(outer * segments))), dtype);
        using GpuArray prefix = GpuOps.Empty(runtime, new Shape(checked((int)(outer * segments))), dtype);
        var sum = runtime.Kernels.Auto<ArrayView<T>, Layout, ArrayView<T>, long, long, long>(ScanKernels.SegmentSum<T, TOp>);
        sum(Launchers.Checked(outer * segments), x, layout, sums.Storage.View<T>(), inner, segments, length);
        ScanInto<T, TOp>(runtime, sums.Storage.View<T>(), Layout.Dense(), prefix.Storage.View<T>(), outer, segments);
        scan(Launchers.Checked(outer * segments), x, layout, z, prefix.Storage.View<T>(), 1, inner, segments, length);
    }
}
