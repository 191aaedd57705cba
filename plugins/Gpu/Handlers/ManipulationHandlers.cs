using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Gpu;

/// <summary>Views and copies: <c>reshape</c>, <c>transpose</c>, <c>astype</c>, <c>copy</c>, basic indexing and friends, plus <c>matmul</c>.</summary>
internal static class ManipulationHandlers
{
    public static void Register(IBackendBuilder backend)
    {
        // Gpu arrays are eager: compute returns them as they are (what dask.compute does with NumPy or CuPy arrays).
        backend.Implement(ArrayFunctions.Compute, (in ArrayListArgs args, ReadOnlySpan<Type> types) =>
            types.AllAre<GpuArray>() ? args.Arrays : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Reshape, (in ShapeArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "reshape") ? Reshape((GpuArray)args.X, args.Shape) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Ravel, (in ArrayArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "ravel") ? Reshape((GpuArray)args.X, [-1]) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.BroadcastTo, (in ShapeArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "broadcast_to") ? BroadcastTo((GpuArray)args.X, new Shape(args.Shape)) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Transpose, (in AxesArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "transpose") ? Transpose((GpuArray)args.X, args.Axes) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Squeeze, (in AxesArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "squeeze") ? Squeeze((GpuArray)args.X, args.Axes) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.ExpandDims, (in AxesArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "expand_dims") ? ExpandDims((GpuArray)args.X, args.Axes) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.AsType, (in AsTypeArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "astype") ? AsType((GpuArray)args.X, args) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Copy, (in ArrayArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "copy") ? GpuOps.Copy((GpuArray)args.X) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.GetItem, (in IndexArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "getitem") ? Indexing.Get((GpuArray)args.X, args.Index) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.MatMul, (in PairArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "matmul") ? MatMul.Compute((GpuArray)args.A, (GpuArray)args.B) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Dot, (in PairArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "dot") ? Dot.Compute((GpuArray)args.A, (GpuArray)args.B) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Concatenate, (in ArrayListArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "concatenate") ? Joining.Concatenate(args.Arrays, args.Axis) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Split, (in SplitArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "split") ? Joining.Split((GpuArray)args.X, args.Sections, args.Indices, args.Axis) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Meshgrid, (in MeshgridArgs args, ReadOnlySpan<Type> types) =>
            args.Arrays.Length > 0 && GpuGuard.Accept(args, types, "meshgrid") ? Joining.Meshgrid(args.Arrays, args.MatrixIndexing) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.SetItem, (in IndexArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "setitem") ? Indexing.Set((GpuArray)args.X, args.Index, args.Value) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Stack, (in ArrayListArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "stack") ? Joining.Stack(args.Arrays, args.Axis) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Sort, (in SortArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "sort") ? Sorting.Sort((GpuArray)args.X, args.Axis, args.Descending) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Argsort, (in SortArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "argsort") ? Sorting.Argsort((GpuArray)args.X, args.Axis, args.Descending) : NotImplemented.Value);
    }

    public static GpuArray Reshape(GpuArray x, int[] shape)
    {
        Shape target = ManipulationRules.ReshapeTarget(x.Size, shape);
        if (x.IsContiguous) return x.View(target, target.ContiguousStrides(), x.Offset);
        using GpuArray copy = GpuOps.Copy(x);
        return copy.View(target, target.ContiguousStrides(), 0);
    }

    /// <summary>A read-only view, as NumPy's: its elements alias one another.</summary>
    private static GpuArray BroadcastTo(GpuArray x, Shape shape) => x.ReadOnlyView(x.Layout.BroadcastTo(shape));

    private static GpuArray Transpose(GpuArray x, Axes axes) => x.View(x.Layout.Transpose(axes));

    private static GpuArray Squeeze(GpuArray x, Axes axes) => x.View(x.Layout.Squeeze(axes));

    internal static GpuArray ExpandDims(GpuArray x, Axes axes) => x.View(x.Layout.ExpandDims(axes.Values));

    private static GpuArray AsType(GpuArray x, in AsTypeArgs args)
    {
        if (!DTypes.CanCast(x.DType, args.DType, args.Casting))
        {
            throw new DTypeMismatchException(
                $"Cannot cast array data from dtype('{x.DType.Name()}') to dtype('{args.DType.Name()}') according to the rule '{CastingName(args.Casting)}'", "dtype");
        }
        if (x.DType == args.DType && !args.Copy) return x;
        return GpuOps.Convert(x, args.DType);
    }

    private static string CastingName(Casting casting) => casting switch
    {
        Casting.SameKind => "same_kind",
        _ => casting.ToString().ToLowerInvariant(),
    };
}
