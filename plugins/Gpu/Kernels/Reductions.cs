using System.Collections.Concurrent;
using System.Reflection;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>Reductions over any set of axes: the reduced axes are moved last in a strided layout (no copy), then reduced in passes.</summary>
internal static class Reductions
{
    private static readonly ConcurrentDictionary<Type, Delegate> s_launchers = new();

    private delegate void ReduceLaunch(GpuArray source, Layout layout, GpuArray destination, long inner, long chunks, long threads);
    private delegate void ArgLaunch(GpuArray source, Layout layout, GpuArray result, long outer, long inner, long chunks);

    /// <summary>The shape of the result and the permuted layout of <paramref name="x"/> (kept axes first, reduced axes last).</summary>
    public static (Shape Result, Layout Layout, long Outer, long Inner) Plan(GpuArray x, Axes axis, bool keepDims)
    {
        int[] reduced = axis.Normalize(x.Rank);
        var isReduced = new bool[x.Rank];
        foreach (int a in reduced) isReduced[a] = true;
        var dims = new List<int>(x.Rank);
        var strides = new List<long>(x.Rank);
        var result = new List<int>(x.Rank);
        long outer = 1, inner = 1;
        for (int pass = 0; pass < 2; pass++)
        {
            for (int k = 0; k < x.Rank; k++)
            {
                if (isReduced[k] != (pass == 1)) continue;
                dims.Add(x.Shape.Dims[k]);
                strides.Add(x.StrideSpan[k]);
                if (pass == 0) outer *= x.Shape.Dims[k]; else inner *= x.Shape.Dims[k];
            }
        }
        for (int k = 0; k < x.Rank; k++)
        {
            if (!isReduced[k]) result.Add(x.Shape.Dims[k]);
            else if (keepDims) result.Add(1);
        }
        return (new Shape([.. result]), Layout.Create([.. dims], [.. strides], x.Offset), outer, inner);
    }

    /// <summary>Reduces <paramref name="x"/> (already in the accumulator dtype) with <paramref name="opFamily"/>; the reduced size must be positive.</summary>
    /// <remarks>
    /// float16 reduces in float32 and rounds the result once (the operators need <c>INumber</c>, which the device's float16
    /// is not): NumPy's float16 sum and prod accumulate in float32 the same way, and min/max pick an element exactly.
    /// </remarks>
    public static GpuArray Reduce(Type opFamily, GpuArray x, Axes axis, bool keepDims)
    {
        if (x.DType == DType.Float16)
        {
            using GpuArray wide = GpuOps.Convert(x, DType.Float32);
            using GpuArray reduced = Reduce(opFamily, wide, axis, keepDims);
            return GpuOps.Convert(reduced, DType.Float16);
        }
        (Shape shape, Layout layout, long outer, long inner) = Plan(x, axis, keepDims);
        Type op = opFamily.MakeGenericType(StorageTypes.Of(x.DType));
        var launch = (ReduceLaunch)s_launchers.GetOrAdd(op, static o => Close(nameof(RunReduce), o, typeof(IGpuReduceOp<>)).CreateDelegate<ReduceLaunch>());
        GpuArray result = GpuOps.Empty(x.Runtime, shape, x.DType);
        if (outer == 0) return result;
        GpuArray current = x;
        bool ownsCurrent = false;
        try
        {
            while (true)
            {
                long chunks = Chunks(x.Runtime, outer, inner, 32);
                GpuArray destination = chunks == 1 ? result : GpuOps.Empty(x.Runtime, new Shape(checked((int)(outer * chunks))), x.DType);
                launch(current, layout, destination, inner, chunks, outer * chunks);
                if (ownsCurrent) current.Dispose();
                if (chunks == 1) return result;
                current = destination;
                ownsCurrent = true;
                layout = Layout.Dense();
                inner = chunks;
            }
        }
        catch
        {
            if (ownsCurrent) current.Dispose();
            result.Dispose();
            throw;
        }
    }

    /// <summary><c>argmax</c>/<c>argmin</c> (int64 indices into the flattened reduced axes).</summary>
    public static GpuArray ArgReduce(Type opFamily, GpuArray x, Axes axis, bool keepDims)
    {
        if (x.DType == DType.Float16)
        {
            using GpuArray wide = GpuOps.Convert(x, DType.Float32);    // exact: the same order, the same NaNs
            return ArgReduce(opFamily, wide, axis, keepDims);
        }
        (Shape shape, Layout layout, long outer, long inner) = Plan(x, axis, keepDims);
        Type op = opFamily.MakeGenericType(StorageTypes.Of(x.DType));
        var launch = (ArgLaunch)s_launchers.GetOrAdd(op, static o => Close(nameof(RunArg), o, typeof(IGpuArgOp<>)).CreateDelegate<ArgLaunch>());
        GpuArray result = GpuOps.Empty(x.Runtime, shape, DType.Int64);
        if (outer > 0) launch(x, layout, result, outer, inner, Chunks(x.Runtime, outer, inner, 32));
        return result;
    }

    /// <summary>Threads per result: enough to fill the device, each combining at least <paramref name="perThread"/> elements.</summary>
    private static long Chunks(GpuRuntime runtime, long outer, long inner, long perThread)
    {
        long target = runtime.ReductionParallelism / Math.Max(1, outer);
        return Math.Max(1, Math.Min(target, inner / perThread));
    }

    private static MethodInfo Close(string name, Type op, Type shape)
    {
        Type element = op.GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == shape).GetGenericArguments()[0];
        return typeof(Reductions).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(element, op);
    }

    private static void RunReduce<T, TOp>(GpuArray source, Layout layout, GpuArray destination, long inner, long chunks, long threads)
        where T : unmanaged where TOp : struct, IGpuReduceOp<T>
    {
        var kernel = source.Runtime.Kernels.Auto<ArrayView<T>, Layout, ArrayView<T>, long, long>(ReductionKernels.Partial<T, TOp>);
        kernel(Launchers.Checked(threads), source.Storage.View<T>(), layout, destination.Storage.View<T>(), inner, chunks);
    }

    private static void RunArg<T, TOp>(GpuArray source, Layout layout, GpuArray result, long outer, long inner, long chunks)
        where T : unmanaged where TOp : struct, IGpuArgOp<T>
    {
        GpuRuntime runtime = source.Runtime;
        DType valueType = source.DType;
        GpuArray values = GpuOps.Empty(runtime, new Shape(checked((int)(outer * chunks))), valueType);
        GpuArray indices = GpuOps.Empty(runtime, new Shape(checked((int)(outer * chunks))), DType.Int64);
        try
        {
            var partial = runtime.Kernels.Auto<ArrayView<T>, Layout, ArrayView<T>, ArrayView<long>, long, long>(ReductionKernels.ArgPartial<T, TOp>);
            partial(Launchers.Checked(outer * chunks), source.Storage.View<T>(), layout, values.Storage.View<T>(), indices.Storage.View<long>(), inner, chunks);
            var combine = runtime.Kernels.Auto<ArrayView<T>, ArrayView<long>, ArrayView<T>, ArrayView<long>, long, long>(ReductionKernels.ArgCombine<T, TOp>);
            long remaining = chunks;
            while (true)
            {
                // Fold the candidates in passes of at most ~32 per thread until one per result is left (into the result).
                long next = Chunks(runtime, outer, remaining, 32);
                GpuArray nextValues = GpuOps.Empty(runtime, new Shape(checked((int)(outer * next))), valueType);
                GpuArray? nextIndices = next == 1 ? null : GpuOps.Empty(runtime, new Shape(checked((int)(outer * next))), DType.Int64);
                ArrayView<long> target = nextIndices is null ? result.Storage.View<long>().SubView(result.Offset) : nextIndices.Storage.View<long>();
                combine(Launchers.Checked(outer * next), values.Storage.View<T>(), indices.Storage.View<long>(), nextValues.Storage.View<T>(), target, remaining, next);
                values.Dispose();
                indices.Dispose();
                values = nextValues;
                if (nextIndices is null)
                {
                    indices = values;       // nothing left to release twice
                    return;
                }
                indices = nextIndices;
                remaining = next;
            }
        }
        finally
        {
            values.Dispose();
            indices.Dispose();
        }
    }
}
