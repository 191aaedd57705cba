using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Chunked.Functions;

/// <summary>Shape manipulation and indexing.</summary>
internal sealed class ManipulationHandlers(ChunkedContext context)
{
    [Implements("reshape")]
    public DispatchResult<NDArray> Reshape(in ShapeArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Manipulation.Reshape(context, (ChunkedArray)args.X, args.Shape);
    }

    [Implements("broadcast_to")]
    public DispatchResult<NDArray> BroadcastTo(in ShapeArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Manipulation.BroadcastTo(context, (ChunkedArray)args.X, args.Shape);
    }

    [Implements("transpose")]

    public DispatchResult<NDArray> Transpose(in AxesArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Manipulation.Transpose(context, (ChunkedArray)args.X, args.Axes);
    }

    [Implements("squeeze")]

    public DispatchResult<NDArray> Squeeze(in AxesArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Manipulation.Squeeze(context, (ChunkedArray)args.X, args.Axes);
    }

    [Implements("expand_dims")]

    public DispatchResult<NDArray> ExpandDims(in AxesArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        var x = (ChunkedArray)args.X;
        if (args.Axes.IsAll) throw new ArgumentException("expand_dims needs an axis", "axis");
        int rank = x.Rank + args.Axes.Values.Length;
        int[] axes = args.Axes.Normalize(rank);
        foreach (int axis in axes) x = Manipulation.ExpandDims(context, x, axis);
        return x;
    }

    [Implements("concatenate")]

    public DispatchResult<NDArray> Concatenate(in ArrayListArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray[] arrays = Wrap(args.Arrays);
        if (args.Axis is not { } axis)
        {
            arrays = [.. arrays.Select(a => Manipulation.Reshape(context, a, [-1]))];
            axis = 0;
        }
        return Manipulation.Concatenate(context, arrays, axis);
    }

    [Implements("stack")]

    public DispatchResult<NDArray> Stack(in ArrayListArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Manipulation.Stack(context, Wrap(args.Arrays), args.Axis ?? 0);
    }

    [Implements("roll")]
    public DispatchResult<NDArray> Roll(in RollArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Building.Roll.Build(context, (ChunkedArray)args.X, args.Shift, args.Axis);
    }

    [Implements("swapaxes")]
    public DispatchResult<NDArray> SwapAxes(in AxisPairArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        var x = (ChunkedArray)args.X;
        return Manipulation.Transpose(context, x, Axes.Of(ManipulationRules.SwapAxesOrder(x.Rank, args.Axis1, args.Axis2)));
    }

    [Implements("moveaxis")]
    public DispatchResult<NDArray> MoveAxis(in MoveAxisArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        var x = (ChunkedArray)args.X;
        return Manipulation.Transpose(context, x, Axes.Of(ManipulationRules.MoveAxisOrder(x.Rank, args.Source, args.Destination)));
    }

    /// <summary>dask's <c>flip</c>: a reversed slice of every flipped axis (each output chunk a reversed input chunk).</summary>
    [Implements("flip")]
    public DispatchResult<NDArray> Flip(in AxesArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        var x = (ChunkedArray)args.X;
        int[] axes = args.Axes.Normalize(x.Rank);
        var index = new ArrayIndex[x.Rank];
        for (int k = 0; k < index.Length; k++) index[k] = axes.Contains(k) ? new Slice(null, null, -1) : ArrayIndex.All;
        return Slicing.GetItem(context, x, index);
    }

    [Implements("ravel")]
    public DispatchResult<NDArray> Ravel(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Manipulation.Reshape(context, (ChunkedArray)args.X, [-1]);
    }

    /// <summary>NumPy's <c>split</c>: lazy slices of the array along the axis.</summary>
    [Implements("split")]
    public DispatchResult<NDArray[]> Split(in SplitArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        var x = (ChunkedArray)args.X;
        int axis = Shape.NormalizeAxis(args.Axis, x.Rank);
        int[] bounds = ManipulationRules.SplitBounds(x.Shape.Dims[axis], args.Sections, args.Indices);
        var parts = new NDArray[bounds.Length - 1];
        for (int i = 0; i < parts.Length; i++)
        {
            var index = new ArrayIndex[x.Rank];
            for (int k = 0; k < index.Length; k++) index[k] = k == axis ? new Slice(bounds[i], Math.Max(bounds[i], bounds[i + 1])) : ArrayIndex.All;
            parts[i] = Slicing.GetItem(context, x, index);
        }
        return parts;
    }

    [Implements("getitem")]

    public DispatchResult<NDArray> GetItem(in IndexArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Slicing.GetItem(context, (ChunkedArray)args.X, args.Index);
    }

    private ChunkedArray[] Wrap(NDArray[] arrays)
    {
        var result = new ChunkedArray[arrays.Length];
        for (int i = 0; i < arrays.Length; i++) result[i] = arrays[i] as ChunkedArray ?? LayerBuilder.FromArray(context, arrays[i]);
        return result;
    }
}
