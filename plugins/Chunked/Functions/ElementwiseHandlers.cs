using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Chunked.Functions;

/// <summary>Element-wise functions: lazy, with broadcasting and blockwise fusion.</summary>
internal sealed class ElementwiseHandlers(ChunkedContext context)
{
    public ArrayHandler<UnaryArgs, NDArray> Unary(ArrayFunction<UnaryArgs, NDArray> function) =>
        (in UnaryArgs args, ReadOnlySpan<Type> types) =>
        {
            if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
            RefuseOut(args.Out, function.Name);
            return Elementwise.Unary(context, function, args.X);
        };

    public ArrayHandler<BinaryArgs, NDArray> Binary(ArrayFunction<BinaryArgs, NDArray> function) =>
        (in BinaryArgs args, ReadOnlySpan<Type> types) =>
        {
            if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
            RefuseOut(args.Out, function.Name);
            return Elementwise.Binary(context, function, args.X1, args.X2);
        };

    public ArrayHandler<TernaryArgs, NDArray> Ternary(ArrayFunction<TernaryArgs, NDArray> function) =>
        (in TernaryArgs args, ReadOnlySpan<Type> types) =>
        {
            if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
            return Elementwise.Ternary(context, function, args.A, args.B, args.C);
        };

    [Implements("astype")]

    public DispatchResult<NDArray> AsType(in AsTypeArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        var x = (ChunkedArray)args.X;
        if (!DTypes.CanCast(x.DType, args.DType, args.Casting))
        {
            throw new DTypeMismatchException($"Cannot cast array data from dtype('{x.DType.Name()}') to dtype('{args.DType.Name()}') according to the rule '{args.Casting.ToString().ToLowerInvariant()}'", "dtype");
        }
        if (x.DType == args.DType && !args.Copy) return x;
        return Elementwise.AsType(context, x, args.DType, args.Casting);
    }

    [Implements("copy")]

    public DispatchResult<NDArray> Copy(in ArrayArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        return Blockwise.Map(context, (ChunkedArray)args.X, "copy", "", chunk => context.Invoke(ArrayFunctions.Copy, new ArrayArgs(chunk)),
            TaskSpec.Call(ArrayFunctions.Copy, new ArrayArgs(TaskSpec.Slot(0))));
    }

    [Implements("full_like")]

    public DispatchResult<NDArray> FullLike(in FullLikeArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        var x = (ChunkedArray)args.X;
        return Creation.Full(context, new FullArgs(x.Shape, args.DType ?? x.DType, args.Fill), empty: false, x.Chunks);
    }

    private static void RefuseOut(NDArray? @out, string function)
    {
        if (@out is not null) throw new NotSupportedException($"{function}: out= is not supported for chunked arrays, which are immutable; use the returned array");
    }
}
