using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>NumPy's <c>sort</c> (values; NaN last, complex by real then imaginary part, <c>descending</c> reverses) along one axis or the flattened array.</summary>
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
        Axes axes = axis is null ? Axes.All : Axes.Of(Shape.NormalizeAxis(axis.Value, x.Rank));
        (_, Layout layout, long outer, long inner) = Reductions.Plan(x, axes, keepDims: false);
        long padded = 1;
        while (padded < inner) padded <<= 1;
        GpuArray work = GpuOps.Empty(x.Runtime, new Shape(checked((int)(outer * padded))), x.DType);
        try
        {
            if (work.Size > 0 && inner > 0)
            {
                switch (x.DType)
                {
                    case DType.Bool: Run<byte>(x, layout, work, inner, padded, byte.MaxValue); break;
                    case DType.Int8: Run(x, layout, work, inner, padded, sbyte.MaxValue); break;
                    case DType.Int16: Run(x, layout, work, inner, padded, short.MaxValue); break;
                    case DType.Int32: Run(x, layout, work, inner, padded, int.MaxValue); break;
                    case DType.UInt8: Run(x, layout, work, inner, padded, byte.MaxValue); break;
                    case DType.UInt16: Run(x, layout, work, inner, padded, ushort.MaxValue); break;
                    case DType.UInt32: Run(x, layout, work, inner, padded, uint.MaxValue); break;
                    case DType.UInt64: Run(x, layout, work, inner, padded, ulong.MaxValue); break;
                    case DType.Int64: Run(x, layout, work, inner, padded, long.MaxValue); break;
                    case DType.Float32: Run(x, layout, work, inner, padded, float.NaN); break;
                    case DType.Float64: Run(x, layout, work, inner, padded, double.NaN); break;
                    // NaN + NaNj sorts after every value in NumPy's complex order
                    case DType.Complex64: Run<Complex64, ComplexOrder<Complex64>>(x, layout, work, inner, padded, new Complex64(float.NaN, float.NaN)); break;
                    case DType.Complex128: Run<System.Numerics.Complex, ComplexOrder<System.Numerics.Complex>>(x, layout, work, inner, padded, new System.Numerics.Complex(double.NaN, double.NaN)); break;
                    default: throw GpuDTypes.Unsupported(x.DType, "sort");
                }
            }
            // The first `inner` of each padded row, reversed for descending, copied out in the planned order.
            var rowsShape = new Shape(checked((int)outer), checked((int)inner));
            using GpuArray sorted = descending
                ? work.View(rowsShape, [padded, -1], inner - 1)
                : work.View(rowsShape, [padded, 1], 0);
            GpuArray rows = GpuOps.Copy(sorted);
            if (axis is null) return Reshape(rows, new Shape(checked((int)x.Size)));
            return Scans.Unplan(rows, x.Shape, Shape.NormalizeAxis(axis.Value, x.Rank));
        }
        finally
        {
            work.Dispose();
        }
    }

    private static GpuArray Reshape(GpuArray rows, Shape shape)
    {
        using (rows) return rows.View(shape, shape.ContiguousStrides(), 0);
    }

    private static void Run<T>(GpuArray x, Layout layout, GpuArray work, long inner, long padded, T pad) where T : unmanaged, System.Numerics.INumber<T> =>
        Run<T, RealOrder<T>>(x, layout, work, inner, padded, pad);

    private static void Run<T, TOrder>(GpuArray x, Layout layout, GpuArray work, long inner, long padded, T pad)
        where T : unmanaged where TOrder : struct, IGpuOrder<T>
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
