using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Searching on the device: <c>searchsorted</c> (a binary search per needle, <see cref="SearchKernels"/>);
/// <c>nonzero</c>, <c>argwhere</c> and <c>unique</c> by stream compaction (the flags' running count, from the scan
/// kernels' cumsum, places each kept index: <see cref="CompactKernels"/>). The host reads one number, the count, to size
/// a result, as CuPy does.
/// </summary>
internal static class Searching
{
    public static void Register(IBackendBuilder backend)
    {
        backend.Implement(ArrayFunctions.Nonzero, (in ArrayArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "nonzero") ? Nonzero((GpuArray)args.X) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Argwhere, (in ArrayArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "argwhere") ? Argwhere((GpuArray)args.X) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Unique, (in UniqueArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "unique") ? Unique((GpuArray)args.X, args) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.SearchSorted, (in SearchSortedArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "searchsorted") ? SearchSorted((GpuArray)args.A, (GpuArray)args.V, args.Right) : NotImplemented.Value);
    }

    /// <summary>
    /// NumPy's <c>unique</c> of the flattened array: a stable argsort, the sorted values' run starts (a value unequal to
    /// the one before; NaNs, sorted last, one run with <c>equal_nan</c>) compacted to positions, and from those the values,
    /// first indices, counts (distances between starts) and inverse (each run's number scattered back through the sort).
    /// </summary>
    private static UniqueResult Unique(GpuArray x, in UniqueArgs args)
    {
        using GpuArray flat = ManipulationHandlers.Reshape(x, [-1]);
        long n = flat.Size;
        if (n == 0)
        {
            GpuArray Indices() => GpuOps.Empty(x.Runtime, new Shape(0), DType.Int64);
            return new UniqueResult(GpuOps.Empty(x.Runtime, new Shape(0), x.DType),
                args.ReturnIndex ? Indices() : null, args.ReturnInverse ? Indices() : null, args.ReturnCounts ? Indices() : null);
        }
        using GpuArray order = Sorting.Argsort(flat, 0, descending: false);
        using GpuArray sorted = Gathering.Take(flat, order, 0);
        using GpuArray starts = RunStarts(sorted, args.EqualNan);
        using GpuArray positions = FlatPositions(starts);
        GpuArray values = Gathering.Take(sorted, positions, 0);
        GpuArray? first = args.ReturnIndex ? Gathering.Take(order, positions, 0) : null;
        GpuArray? counts = null;
        if (args.ReturnCounts)
        {
            using GpuArray end = GpuOps.Scalar(x.Runtime, Scalar.Integer(n), DType.Int64);
            using GpuArray endLine = ManipulationHandlers.Reshape(end, [1]);
            using GpuArray next = positions.View(positions.Layout.Slice(0, 1, 1, checked((int)positions.Size - 1)));
            using GpuArray ends = Joining.Concatenate([next, endLine], 0);
            counts = ElementwiseHandlers.Apply(ArrayFunctions.Subtract, ends, positions);
        }
        GpuArray? inverse = null;
        if (args.ReturnInverse)
        {
            using GpuArray running = Scans.Cumsum(starts, Axes.All, DType.Int64);
            using GpuArray runs = ElementwiseHandlers.Apply(ArrayFunctions.Subtract, running, 1L);
            inverse = GpuOps.Empty(x.Runtime, new Shape(checked((int)n)), DType.Int64);
            GpuRuntime runtime = x.Runtime;
            Index1D threads = runtime.Threads(n);
            runtime.Kernels.Auto<ArrayView<long>, ArrayView<long>, ArrayView<long>, long, long>(PermuteKernels.Scatter)(
                threads, runs.Storage.View<long>().SubView(runs.Offset), order.Storage.View<long>().SubView(order.Offset), inverse.Storage.View<long>(), n, threads.X);
        }
        return new UniqueResult(values, first, inverse, counts);
    }

    /// <summary>True where a sorted value starts a run: the first, and each unequal to the one before (NaN after NaN repeats with <paramref name="equalNan"/>).</summary>
    private static GpuArray RunStarts(GpuArray sorted, bool equalNan)
    {
        int n = checked((int)sorted.Size);
        using GpuArray current = sorted.View(sorted.Layout.Slice(0, 1, 1, n - 1));
        using GpuArray previous = sorted.View(sorted.Layout.Slice(0, 0, 1, n - 1));
        using GpuArray equal = ElementwiseHandlers.Apply(ArrayFunctions.Equal, current, previous);
        using GpuArray currentNan = ElementwiseHandlers.Apply(ArrayFunctions.IsNaN, current);
        using GpuArray previousNan = ElementwiseHandlers.Apply(ArrayFunctions.IsNaN, previous);
        using GpuArray nanRepeat = ElementwiseHandlers.Apply(ArrayFunctions.LogicalAnd, previousNan, equalNan);
        using GpuArray repeat = ElementwiseHandlers.Where(currentNan, nanRepeat, equal);
        using GpuArray fresh = ElementwiseHandlers.Apply(ArrayFunctions.LogicalNot, repeat);
        using GpuArray one = GpuOps.Scalar(sorted.Runtime, Scalar.Bool(true), DType.Bool);
        using GpuArray firstLine = ManipulationHandlers.Reshape(one, [1]);
        return Joining.Concatenate([firstLine, fresh], 0);
    }

    /// <summary>NumPy's <c>searchsorted(a, v, side)</c>: int64 insertion points of every needle, in <c>v</c>'s shape.</summary>
    private static GpuArray SearchSorted(GpuArray a, GpuArray v, bool right)
    {
        ManipulationRules.RequireSortedVector(a.Shape);
        DType dtype = DTypes.Promote(a.DType, v.DType);
        if (dtype == DType.Float16) dtype = DType.Float32;   // exact, and the order is the same
        using GpuArray cast = GpuOps.Cast(a, dtype);
        using GpuArray sorted = GpuOps.Contiguous(cast);
        using GpuArray needles = GpuOps.Cast(v, dtype);
        GpuArray result = GpuOps.Empty(v.Runtime, v.Shape, DType.Int64);
        if (result.Size == 0) return result;
        var search = new Search(sorted, needles, result, right);
        SortOrders.Run(dtype, ref search, "searchsorted");
        return result;
    }

    private readonly struct Search(GpuArray sorted, GpuArray needles, GpuArray result, bool right) : ISortAction
    {
        public void Run<T, TOrder>(T pad) where T : unmanaged where TOrder : struct, IGpuOrder<T>
        {
            GpuRuntime runtime = result.Runtime;
            long count = result.Size;
            Index1D threads = runtime.Threads(count);
            runtime.Kernels.Auto<ArrayView<T>, ArrayView<T>, Layout, ArrayView<long>, long, int, long, long>(SearchKernels.Search<T, TOrder>)(
                threads, sorted.Storage.View<T>().SubView(sorted.Offset), needles.Storage.View<T>(), needles.LayoutFor(needles.Shape),
                result.Storage.View<long>(), sorted.Size, right ? 1 : 0, count, threads.X);
        }
    }

    /// <summary>NumPy's <c>nonzero</c>: one int64 array of coordinates per axis (a 0-d input counts as 1-d, as NumPy 1.24).</summary>
    private static NDArray[] Nonzero(GpuArray x)
    {
        using GpuArray source = x.Rank == 0 ? ManipulationHandlers.Reshape(x, [1]) : x.View(x.Layout);
        using GpuArray coordinates = Coordinates(source);
        var rows = new NDArray[source.Rank];
        for (int k = 0; k < rows.Length; k++) rows[k] = coordinates.View(coordinates.Layout.Slice(0, k, 1, 1).Squeeze(0));
        return rows;
    }

    /// <summary>NumPy's <c>argwhere</c>: the coordinates of the non-zero elements as rows, shape (count, rank).</summary>
    private static GpuArray Argwhere(GpuArray x)
    {
        if (x.Rank == 0)
        {
            using GpuArray one = ManipulationHandlers.Reshape(x, [1]);
            using GpuArray flags = FlatPositions(one);
            return GpuOps.Empty(x.Runtime, new Shape(checked((int)flags.Size), 0), DType.Int64);
        }
        using GpuArray coordinates = Coordinates(x);
        using GpuArray rows = coordinates.View(coordinates.Layout.Transpose());
        return GpuOps.Copy(rows);
    }

    /// <summary>The (rank, count) coordinates of the non-zero elements of <paramref name="x"/>, in C order.</summary>
    private static GpuArray Coordinates(GpuArray x)
    {
        using GpuArray flat = FlatPositions(x);
        long count = flat.Size;
        GpuArray coordinates = GpuOps.Empty(x.Runtime, new Shape(x.Rank, checked((int)count)), DType.Int64);
        if (count == 0) return coordinates;
        var inner = new long[x.Rank];
        var dims = new long[x.Rank];
        long stride = 1;
        for (int k = x.Rank - 1; k >= 0; k--)
        {
            inner[k] = stride;
            dims[k] = x.Shape.Dims[k];
            stride *= x.Shape.Dims[k];
        }
        using GpuArray innerOnDevice = Upload(x.Runtime, inner);
        using GpuArray dimsOnDevice = Upload(x.Runtime, dims);
        GpuRuntime runtime = x.Runtime;
        long total = count * x.Rank;
        Index1D threads = runtime.Threads(total);
        runtime.Kernels.Auto<ArrayView<long>, ArrayView<long>, ArrayView<long>, ArrayView<long>, long, long, long>(CompactKernels.Unravel)(
            threads, flat.Storage.View<long>(), innerOnDevice.Storage.View<long>(), dimsOnDevice.Storage.View<long>(),
            coordinates.Storage.View<long>(), count, total, threads.X);
        return coordinates;
    }

    /// <summary>The C-order flat indices of the non-zero elements (int64, ascending); one 8-byte download reads their count.</summary>
    internal static GpuArray FlatPositions(GpuArray x)
    {
        using GpuArray flags = GpuOps.Map(typeof(NotZeroOp<>), x, x.DType);
        long n = flags.Size;
        if (n == 0) return GpuOps.Empty(x.Runtime, new Shape(0), DType.Int64);
        using GpuArray line = ManipulationHandlers.Reshape(flags, [-1]);
        using GpuArray ends = Scans.Cumsum(line, Axes.All, DType.Int64);
        using GpuArray last = ends.View(ends.Layout.Slice(0, n - 1, 1, 1));
        long count = last.ToArray<long>()[0];
        GpuArray kept = GpuOps.Empty(x.Runtime, new Shape(checked((int)count)), DType.Int64);
        if (count == 0) return kept;
        GpuRuntime runtime = x.Runtime;
        Index1D threads = runtime.Threads(n);
        runtime.Kernels.Auto<ArrayView<byte>, ArrayView<long>, ArrayView<long>, long, long>(CompactKernels.Scatter)(
            threads, line.Storage.View<byte>().SubView(line.Offset), ends.Storage.View<long>().SubView(ends.Offset), kept.Storage.View<long>(), n, threads.X);
        return kept;
    }

    private static GpuArray Upload(GpuRuntime runtime, long[] values) =>
        Transfers.Upload(runtime, Interchange.HostBuffer.FromContiguous(values, new Shape(values.Length)));
}
