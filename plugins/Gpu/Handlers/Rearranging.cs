using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Gpu;

/// <summary>
/// CuPy's rearranging functions on Gpu arrays. <c>flip</c>, <c>swapaxes</c>, <c>moveaxis</c> and <c>diagonal</c> are views
/// (the protocol's <see cref="StridedLayout"/> arithmetic over the same device buffer); <c>roll</c>, <c>tile</c> and
/// <c>repeat</c> are copies made of views by the strided copy kernel (a repeat with a count per element, a gather);
/// <c>trace</c> and <c>tril</c>/<c>triu</c> are sums and selections of such views. Nothing leaves the device.
/// </summary>
internal static class Rearranging
{
    public static void Register(IBackendBuilder backend)
    {
        backend.Implement(ArrayFunctions.Flip, (in AxesArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "flip") ? View((GpuArray)args.X, ((GpuArray)args.X).Layout.Flip(args.Axes)) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.SwapAxes, (in AxisPairArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "swapaxes") ? View((GpuArray)args.X, ((GpuArray)args.X).Layout.SwapAxes(args.Axis1, args.Axis2)) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.MoveAxis, (in MoveAxisArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "moveaxis") ? View((GpuArray)args.X, ((GpuArray)args.X).Layout.MoveAxis(args.Source, args.Destination)) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Diagonal, (in DiagonalArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "diagonal") ? ((GpuArray)args.X).ReadOnlyView(((GpuArray)args.X).Layout.Diagonal(args.Offset)) : NotImplemented.Value);   // read-only, as NumPy's
        backend.Implement(ArrayFunctions.Trace, (in DiagonalArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "trace") ? Trace((GpuArray)args.X, args.Offset) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Tril, (in DiagonalArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "tril") ? Triangle((GpuArray)args.X, args.Offset, lower: true) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Triu, (in DiagonalArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "triu") ? Triangle((GpuArray)args.X, args.Offset, lower: false) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Roll, (in RollArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "roll") ? Roll((GpuArray)args.X, args.Shift, args.Axis) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Tile, (in TileArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "tile") ? Tile((GpuArray)args.X, args.Reps) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Repeat, (in RepeatArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "repeat") ? Repeat((GpuArray)args.X, args.Repeats, args.Axis) : NotImplemented.Value);
    }

    private static GpuArray View(GpuArray x, StridedLayout layout) => x.View(layout);

    private static GpuArray Trace(GpuArray x, int offset)
    {
        using GpuArray diagonal = x.View(x.Layout.Diagonal(offset));
        return ReductionHandlers.Sum(diagonal, new ReductionArgs(diagonal, Axes.Of(-1)));
    }

    /// <summary>
    /// NumPy's <c>tril</c>/<c>triu</c>: <c>where(mask, x, 0)</c> with the mask <c>j - i &lt;= k</c> (or <c>&gt;= k</c>) made on the
    /// device from two ranges; a 1-d <paramref name="x"/> of length n is broadcast against the n x n mask, as NumPy's is.
    /// </summary>
    private static GpuArray Triangle(GpuArray x, int k, bool lower)
    {
        if (x.Rank < 1) throw new ArgumentException($"{(lower ? "tril" : "triu")} needs an array of at least 1 dimension, got shape {x.Shape}", "x");
        int n = x.Shape.Dims[^1], m = x.Rank == 1 ? n : x.Shape.Dims[^2];
        using GpuArray rows = Creation.Arange(x.Runtime, Scalar.Integer(0), Scalar.Integer(m), Scalar.Integer(1), DType.Int64);
        using GpuArray columns = Creation.Arange(x.Runtime, Scalar.Integer(-(long)k), Scalar.Integer(n - (long)k), Scalar.Integer(1), DType.Int64);
        using GpuArray column = columns.View(columns.Layout.ExpandDims([0]));
        using GpuArray row = rows.View(rows.Layout.ExpandDims([1]));
        // j - k against i: lower keeps j - k <= i, upper keeps j - k >= i.
        using GpuArray mask = ElementwiseComparison(column, row, lower);
        using GpuArray zero = GpuOps.Scalar(x.Runtime, Scalar.Integer(0), x.DType);   // x's dtype: a Python 0 would promote bools
        return ElementwiseHandlers.Where(mask, x, zero);
    }

    private static GpuArray ElementwiseComparison(GpuArray columnMinusK, GpuArray row, bool lower) =>
        GpuOps.ZipWith(UfuncKernels.Comparison<Ufuncs.LessEqualOp>(DType.Int64), lower ? columnMinusK : row, lower ? row : columnMinusK, DType.Int64);

    /// <summary>NumPy's <c>roll</c>: along each shifted axis the tail slice joined before the head slice; always a new array.</summary>
    private static GpuArray Roll(GpuArray x, int[] shift, Axes axis)
    {
        long[] shifts = ManipulationRules.RollShifts(x.Shape, shift, axis);
        GpuArray current = axis.IsAll ? ManipulationHandlers.Reshape(x, [-1]) : x.View(x.Layout);
        try
        {
            bool fresh = false;
            for (int a = 0; a < shifts.Length; a++)
            {
                int n = current.Shape.Dims[a];
                int s = ManipulationRules.NormalizeShift(shifts[a], n);
                if (s == 0) continue;
                using GpuArray tail = current.View(current.Layout.Slice(a, n - s, 1, s));
                using GpuArray head = current.View(current.Layout.Slice(a, 0, 1, n - s));
                GpuArray rolled = Joining.Concatenate([tail, head], a);
                current.Dispose();
                (current, fresh) = (rolled, true);
            }
            if (!fresh)
            {
                GpuArray copy = GpuOps.Copy(current);
                current.Dispose();
                current = copy;
            }
            return axis.IsAll ? ManipulationHandlers.Reshape(current, x.Shape.ToArray()) : current.View(current.Layout);
        }
        finally
        {
            current.Dispose();
        }
    }

    private static GpuArray Tile(GpuArray x, int[] reps)
    {
        (Shape interleaved, Shape broadcast, Shape result) = ManipulationRules.TileShapes(x.Shape, reps);
        using GpuArray spread = ManipulationHandlers.Reshape(x, interleaved.ToArray());
        using GpuArray stretched = spread.View(spread.Layout.BroadcastTo(broadcast));
        using GpuArray copy = GpuOps.Copy(stretched);
        return ManipulationHandlers.Reshape(copy, result.ToArray());
    }

    /// <summary>
    /// <c>repeat</c> with one count: each element followed by its copies is a broadcast along a new axis after
    /// <paramref name="axis"/>, copied and merged. A count per element is a gather of the uploaded index.
    /// </summary>
    private static GpuArray Repeat(GpuArray x, int[] repeats, Axes axis)
    {
        using GpuArray source = axis.IsAll ? ManipulationHandlers.Reshape(x, [-1]) : x.View(x.Layout);
        int a = axis.IsAll ? 0 : Shape.NormalizeAxis(axis.Values[0], source.Rank);
        int n = source.Shape.Dims[a];
        int[] counts = ManipulationRules.RepeatCounts(n, repeats);
        if (counts.Length > 0 && counts.Any(c => c != counts[0])) return Gathering.RepeatEach(source, counts, a);
        int count = repeats.Length == 1 ? repeats[0] : counts.Length > 0 ? counts[0] : 0;
        int[] expanded = [.. source.Shape.Dims[..(a + 1)], count, .. source.Shape.Dims[(a + 1)..]];
        int[] merged = [.. source.Shape.Dims[..a], checked(n * count), .. source.Shape.Dims[(a + 1)..]];
        using GpuArray spread = source.View(source.Layout.ExpandDims([a + 1]));
        using GpuArray stretched = spread.View(spread.Layout.BroadcastTo(new Shape(expanded)));
        using GpuArray copy = GpuOps.Copy(stretched);
        return ManipulationHandlers.Reshape(copy, merged);
    }
}
