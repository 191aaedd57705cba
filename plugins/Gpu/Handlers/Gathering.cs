using System.Collections.Concurrent;
using System.Reflection;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Integer-array selection on the device: <c>take</c>, and <c>repeat</c> with a count per element (its index, known on
/// the host from the counts, is uploaded and gathered). One kernel per element storage type (<see cref="GatherKernels"/>).
/// </summary>
internal static class Gathering
{
    public static void Register(IBackendBuilder backend)
    {
        backend.Implement(ArrayFunctions.Take, (in TakeArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "take") ? Take((GpuArray)args.X, (GpuArray)args.Indices, args.Axis) : NotImplemented.Value);
    }

    /// <summary>
    /// NumPy's <c>take(x, indices, axis)</c>: <c>x.shape[:axis] + indices.shape + x.shape[axis+1:]</c>; axis None takes
    /// from the flattened array. An index out of range is reported along <paramref name="reportedAxis"/> (default: the axis).
    /// </summary>
    public static GpuArray Take(GpuArray x, GpuArray indices, int? axis, int? reportedAxis = null)
    {
        if (!indices.DType.IsInteger())
        {
            throw new ArgumentException("arrays used as indices must be of integer (or boolean) type", "indices");
        }
        using GpuArray source = axis is null ? ManipulationHandlers.Reshape(x, [-1]) : x.View(x.Layout);
        int a = axis is null ? 0 : Shape.NormalizeAxis(axis.Value, x.Rank);
        using GpuArray wide = GpuOps.Cast(indices, DType.Int64);
        using GpuArray flat = GpuOps.Contiguous(wide);
        return Along(source, flat, indices.Shape, a, reportedAxis ?? a);
    }

    /// <summary><paramref name="x"/> with each element along <paramref name="axis"/> repeated <c>counts[i]</c> times (the index uploaded once).</summary>
    public static GpuArray RepeatEach(GpuArray x, int[] counts, int axis)
    {
        long total = 0;
        foreach (int c in counts) total += c;
        var index = new long[total];
        long at = 0;
        for (int i = 0; i < counts.Length; i++) for (int c = 0; c < counts[i]; c++) index[at++] = i;
        using var uploaded = (GpuArray)Transfers.Upload(x.Runtime, Interchange.HostBuffer.FromContiguous(index, new Shape(checked((int)total))));
        return Along(x, uploaded, uploaded.Shape, axis, axis);
    }

    private static GpuArray Along(GpuArray source, GpuArray indices, Shape indexShape, int axis, int reportedAxis)
    {
        int length = source.Shape.Dims[axis];
        long outer = 1, inner = 1;
        for (int k = 0; k < axis; k++) outer *= source.Shape.Dims[k];
        for (int k = axis + 1; k < source.Rank; k++) inner *= source.Shape.Dims[k];
        int[] dims = [.. source.Shape.Dims[..axis], .. indexShape.Dims, .. source.Shape.Dims[(axis + 1)..]];
        GpuArray result = GpuOps.Empty(source.Runtime, new Shape(dims), source.DType);
        try
        {
            using GpuArray firstBad = Creation.Full(source.Runtime, Shape.Scalar, DType.Int64, long.MaxValue);
            s_launchers.GetOrAdd(StorageTypes.Of(source.DType), Close)(source, indices, result, firstBad, new GatherShape(indices.Size, length, inner), outer);
            long bad = firstBad.Item<long>();
            if (bad != long.MaxValue)
            {
                using GpuArray offending = indices.View(indices.Layout.Slice(0, bad, 1, 1));
                long value = offending.ToArray<long>()[0];
                throw NumPyErrors.IndexOutOfBounds(value, reportedAxis, length);
            }
            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    private delegate void Launch(GpuArray source, GpuArray indices, GpuArray result, GpuArray firstBad, GatherShape shape, long outer);

    private static readonly ConcurrentDictionary<Type, Launch> s_launchers = new();

    private static Launch Close(Type storage) => typeof(Gathering).GetMethod(nameof(Run), BindingFlags.NonPublic | BindingFlags.Static)!
        .MakeGenericMethod(storage).CreateDelegate<Launch>();

    private static void Run<T>(GpuArray source, GpuArray indices, GpuArray result, GpuArray firstBad, GatherShape shape, long outer) where T : unmanaged
    {
        long total = outer * shape.Count * shape.Inner;
        if (total == 0) return;
        GpuRuntime runtime = result.Runtime;
        Index1D threads = runtime.Threads(total);
        runtime.Kernels.Auto<ArrayView<T>, Layout, ArrayView<long>, ArrayView<T>, ArrayView<long>, GatherShape, long, long>(GatherKernels.Take)(
            threads, source.Storage.View<T>(), source.LayoutFor(source.Shape), indices.Storage.View<long>().SubView(indices.Offset),
            result.Storage.View<T>(), firstBad.Storage.View<long>(), shape, total, threads.X);
    }
}
