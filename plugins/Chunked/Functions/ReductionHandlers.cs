using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Chunked.Functions;

/// <summary>Reductions as tree reductions over chunks.</summary>
internal sealed class ReductionHandlers(ChunkedContext context)
{
    public ArrayHandler<ReductionArgs, NDArray> Tree(ArrayFunction<ReductionArgs, NDArray> function)
    {
        ArrayFunction<BinaryArgs, NDArray> combine = Reductions.CombinerOf(function)
            ?? throw new ArgumentException($"'{function.Name}' has no combining function", nameof(function));
        return (in ReductionArgs args, ReadOnlySpan<Type> types) =>
        {
            if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
            ChunkedArray x = Wrap(args.X);
            return Reductions.Tree(context, function, combine, x, args.Axis.Normalize(x.Rank), args.KeepDims, args.DType);
        };
    }

    [Implements("mean")]

    public DispatchResult<NDArray> Mean(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = Wrap(args.X);
        return Reductions.Mean(context, x, args.Axis.Normalize(x.Rank), args.KeepDims, args.DType);
    }

    [Implements("nanmean")]

    public DispatchResult<NDArray> NanMean(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = Wrap(args.X);
        return Reductions.NanMean(context, x, args.Axis.Normalize(x.Rank), args.KeepDims, args.DType);
    }

    [Implements("var")]

    public DispatchResult<NDArray> Var(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = Wrap(args.X);
        return Reductions.Variance(context, x, args.Axis.Normalize(x.Rank), args.KeepDims, args.DType, args.Ddof, sqrt: false);
    }

    [Implements("std")]

    public DispatchResult<NDArray> Std(in ReductionArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = Wrap(args.X);
        return Reductions.Variance(context, x, args.Axis.Normalize(x.Rank), args.KeepDims, args.DType, args.Ddof, sqrt: true);
    }

    /// <summary><c>argmax</c>: a tree reduction of (value, index) pairs.</summary>
    [Implements("argmax")]
    public DispatchResult<NDArray> Argmax(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? ArgReductions.Build(context, true, Wrap(args.X), args.Axis, args.KeepDims) : NotImplemented.Value;

    /// <summary><c>argmin</c>: a tree reduction of (value, index) pairs.</summary>
    [Implements("argmin")]
    public DispatchResult<NDArray> Argmin(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? ArgReductions.Build(context, false, Wrap(args.X), args.Axis, args.KeepDims) : NotImplemented.Value;

    /// <summary><c>cumsum</c>: chunk scans plus the running totals of earlier chunks.</summary>
    [Implements("cumsum")]
    public DispatchResult<NDArray> Cumsum(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Scans.Build(context, false, Wrap(args.X), args.Axis, args.DType) : NotImplemented.Value;

    /// <summary><c>cumprod</c>: chunk scans times the running products of earlier chunks.</summary>
    [Implements("cumprod")]
    public DispatchResult<NDArray> Cumprod(in ReductionArgs args, ReadOnlySpan<Type> types) =>
        ChunkedArgs.Accepts(args, types) ? Scans.Build(context, true, Wrap(args.X), args.Axis, args.DType) : NotImplemented.Value;

    private ChunkedArray Wrap(NDArray a) => a as ChunkedArray ?? LayerBuilder.FromArray(context, a);
}
