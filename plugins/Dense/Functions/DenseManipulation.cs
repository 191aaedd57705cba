using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

/// <summary>Shape manipulation. Reshape of contiguous arrays, transposes, squeeze, expand_dims, flip, swapaxes, moveaxis, broadcast_to, diagonal and split return views.</summary>
public static class DenseManipulation
{
    [Implements("reshape")]
    public static DispatchResult<NDArray> Reshape(in ShapeArgs args, ReadOnlySpan<Type> types) =>
        Views.Reshape((DenseArray)args.X, Views.ResolveShape(args.X.Size, args.Shape));

    [Implements("broadcast_to")]
    public static DispatchResult<NDArray> BroadcastTo(in ShapeArgs args, ReadOnlySpan<Type> types) =>
        Views.BroadcastTo((DenseArray)args.X, new Shape(args.Shape));

    [Implements("ravel")]
    public static DispatchResult<NDArray> Ravel(in ArrayArgs args, ReadOnlySpan<Type> types) =>
        Views.Reshape((DenseArray)args.X, new Shape((int)args.X.Size));

    [Implements("copy")]
    public static DispatchResult<NDArray> CopyOf(in ArrayArgs args, ReadOnlySpan<Type> types) =>
        ((DenseArray)args.X).Clone();

    [Implements("transpose")]
    public static DispatchResult<NDArray> Transpose(in AxesArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        return Views.Transpose(x, args.Axes.IsAll ? Views.Reversed(x.Rank) : args.Axes.Values);
    }

    [Implements("squeeze")]
    public static DispatchResult<NDArray> Squeeze(in AxesArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        return x.View(x.Layout.Squeeze(args.Axes));
    }

    [Implements("expand_dims")]
    public static DispatchResult<NDArray> ExpandDims(in AxesArgs args, ReadOnlySpan<Type> types) =>
        Views.ExpandDims((DenseArray)args.X, args.Axes.Values.ToArray());

    [Implements("flip")]
    public static DispatchResult<NDArray> Flip(in AxesArgs args, ReadOnlySpan<Type> types) =>
        Views.Flip((DenseArray)args.X, args.Axes);

    [Implements("swapaxes")]
    public static DispatchResult<NDArray> SwapAxes(in AxisPairArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        return x.View(x.Layout.SwapAxes(args.Axis1, args.Axis2));
    }

    [Implements("moveaxis")]
    public static DispatchResult<NDArray> MoveAxis(in MoveAxisArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        return x.View(x.Layout.MoveAxis(args.Source, args.Destination));
    }

    [Implements("roll")]
    public static DispatchResult<NDArray> Roll(in RollArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        long[] shifts = ManipulationRules.RollShifts(x.Shape, args.Shift, args.Axis);
        DenseArray source = args.Axis.IsAll ? Views.Reshape(x, x.Shape.Flattened()) : x;
        DenseArray result = source;
        for (int axis = 0; axis < shifts.Length; axis++)
        {
            if (ManipulationRules.NormalizeShift(shifts[axis], source.Shape.Dims[axis]) != 0) result = RollAxis(result, axis, shifts[axis]);
        }
        if (ReferenceEquals(result, source)) result = source.Clone();
        return args.Axis.IsAll ? Views.Reshape(result, x.Shape) : result;
    }

    private static DenseArray RollAxis(DenseArray x, int axis, long shift)
    {
        DenseArray result = DenseArray.Create(x.DType, x.Shape);
        int n = x.Shape.Dims[axis];
        if (n == 0 || x.Size == 0) return result;
        int s = ManipulationRules.NormalizeShift(shift, n);
        Copy.Into(Views.Slice(x, axis, 0, 1, n - s), Views.Slice(result, axis, s, 1, n - s));
        if (s > 0) Copy.Into(Views.Slice(x, axis, n - s, 1, s), Views.Slice(result, axis, 0, 1, s));
        return result;
    }

    [Implements("tile")]
    public static DispatchResult<NDArray> Tile(in TileArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        (Shape interleaved, Shape broadcast, Shape result) = ManipulationRules.TileShapes(x.Shape, args.Reps);
        DenseArray view = Views.BroadcastTo(Views.Reshape(x, interleaved), broadcast);
        return Views.Reshape(Copy.Contiguous(view), result);
    }

    [Implements("repeat")]
    public static DispatchResult<NDArray> Repeat(in RepeatArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        if (args.Axis.IsAll) x = Views.Reshape(x, x.Shape.Flattened());
        int axis = args.Axis.IsAll ? 0 : Shape.NormalizeAxis(args.Axis.Values[0], x.Rank);
        int n = x.Shape.Dims[axis];
        int[] counts = ManipulationRules.RepeatCounts(n, args.Repeats);
        var index = new List<long>();
        for (int i = 0; i < n; i++) for (int c = 0; c < counts[i]; c++) index.Add(i);
        return Gather.Take(x, DenseArray.Owned(index.ToArray()), axis);
    }

    [Implements("tril")]
    public static DispatchResult<NDArray> Tril(in DiagonalArgs args, ReadOnlySpan<Type> types) =>
        Triangle((DenseArray)args.X, args.Offset, lower: true);

    [Implements("triu")]
    public static DispatchResult<NDArray> Triu(in DiagonalArgs args, ReadOnlySpan<Type> types) =>
        Triangle((DenseArray)args.X, args.Offset, lower: false);

    private static DenseArray Triangle(DenseArray x, int k, bool lower)
    {
        // NumPy masks with tri(*x.shape[-2:]): a 1-d x of length n is broadcast against the n x n mask (an n x n result).
        if (x.Rank < 1) throw new ArgumentException($"{(lower ? "tril" : "triu")} needs an array of at least 1 dimension, got shape {x.Shape}", "x");
        int n = x.Shape.Dims[^1], m = x.Rank == 1 ? n : x.Shape.Dims[^2];
        var mask = new bool[(long)m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                mask[(long)i * n + j] = lower ? j - i <= k : j - i >= k;
        DenseArray zero = DenseArray.Create(x.DType, Shape.Scalar);
        return (DenseArray)DenseTernary.Where(new TernaryArgs(DenseArray.Owned(mask, m, n), x, zero), [typeof(DenseArray)]).Value;
    }

    // NumPy's diagonal is a read-only view (since 1.9): writing through it raises 'assignment destination is read-only'.
    [Implements("diagonal")]
    public static DispatchResult<NDArray> Diagonal(in DiagonalArgs args, ReadOnlySpan<Type> types) =>
        ((DenseArray)args.X).ReadOnlyView(((DenseArray)args.X).Layout.Diagonal(args.Offset));

    /// <summary>The diagonal of axes 0 and 1 at <paramref name="offset"/>, as the last axis of a view.</summary>
    internal static DenseArray DiagonalView(DenseArray x, int offset) => x.View(x.Layout.Diagonal(offset));

    [Implements("trace")]
    public static DispatchResult<NDArray> Trace(in DiagonalArgs args, ReadOnlySpan<Type> types)
    {
        DenseArray d = DiagonalView((DenseArray)args.X, args.Offset);
        return DenseReductions.Total(d, [d.Rank - 1], null, false, "add");
    }

    [Implements("split")]
    public static DispatchResult<NDArray[]> Split(in SplitArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        int axis = Shape.NormalizeAxis(args.Axis, x.Rank);
        int[] bounds = ManipulationRules.SplitBounds(x.Shape.Dims[axis], args.Sections, args.Indices);
        var parts = new NDArray[bounds.Length - 1];
        for (int i = 0; i < parts.Length; i++)
        {
            int start = bounds[i], stop = Math.Max(bounds[i], bounds[i + 1]);
            parts[i] = Views.Slice(x, axis, start, 1, stop - start);
        }
        return parts;
    }

    [Implements("concatenate")]
    public static DispatchResult<NDArray> Concatenate(in ArrayListArgs args, ReadOnlySpan<Type> types)
    {
        DenseArray[] xs = args.Arrays.Cast<DenseArray>().ToArray();
        if (args.Axis is null) xs = xs.Select(a => Views.Reshape(a, a.Shape.Flattened())).ToArray();
        int axis = args.Axis ?? 0;
        Shape shape = Shape.Concatenated([.. xs.Select(a => a.Shape)], ref axis);
        DType dtype = DTypes.Promote(xs.Select(a => a.DType));
        DenseArray result = DenseArray.Create(dtype, shape);
        int at = 0;
        foreach (DenseArray a in xs)
        {
            int len = a.Shape.Dims[axis];
            Copy.Into(a, Views.Slice(result, axis, at, 1, len));
            at += len;
        }
        return result;
    }

    [Implements("stack")]
    public static DispatchResult<NDArray> Stack(in ArrayListArgs args, ReadOnlySpan<Type> types)
    {
        DenseArray[] xs = args.Arrays.Cast<DenseArray>().ToArray();
        int axis = Shape.Stacked([.. xs.Select(a => a.Shape)], args.Axis ?? 0);
        NDArray[] expanded = xs.Select(a => (NDArray)Views.ExpandDims(a, [axis])).ToArray();
        return Concatenate(new ArrayListArgs(expanded, axis), types);
    }

    [Implements("astype")]
    public static DispatchResult<NDArray> AsType(in AsTypeArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        if (!DTypes.CanCast(x.DType, args.DType, args.Casting)) throw Errors.Cast(x.DType, args.DType, args.Casting);
        // NumPy's astype keeps the memory order ('K', PyArray_NewLikeArray): a Fortran-ordered array converts to a
        // Fortran-ordered one, a broadcast one with its broadcast axes innermost.
        return x.DType == args.DType && !args.Copy ? x : Copy.NewLike(x, args.DType);
    }

    [Implements("take")]
    public static DispatchResult<NDArray> Take(in TakeArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        if (args.Axis is null) return Gather.Take(Views.Reshape(x, x.Shape.Flattened()), (DenseArray)args.Indices, 0);
        return Gather.Take(x, (DenseArray)args.Indices, Shape.NormalizeAxis(args.Axis.Value, x.Rank));
    }
}
