using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Gpu;

/// <summary>
/// NumPy's tensor products on Gpu arrays, reduced as the protocol's <see cref="ProductRules"/> says: <c>outer</c> and
/// <c>kron</c> to one broadcast multiply of reshaped views, <c>tensordot</c> to one matrix product of transposed views,
/// <c>vdot</c> to the dot of the flattened operands (the first conjugated). Multiply's and matmul's own dtype rules
/// apply (bools stay bool).
/// </summary>
internal static class Products
{
    public static void Register(IBackendBuilder backend)
    {
        backend.Implement(ArrayFunctions.Outer, (in PairArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "outer") ? Outer((GpuArray)args.A, (GpuArray)args.B) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Kron, (in PairArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "kron") ? Kron((GpuArray)args.A, (GpuArray)args.B) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Tensordot, (in TensordotArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "tensordot") ? Tensordot((GpuArray)args.A, (GpuArray)args.B, args.AxesA, args.AxesB) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.VecDot, (in PairArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "vecdot") ? VecDot((GpuArray)args.A, (GpuArray)args.B) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Vdot, (in PairArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "vdot") ? Vdot((GpuArray)args.A, (GpuArray)args.B) : NotImplemented.Value);
    }

    /// <summary>NumPy's <c>outer(a, b)</c>: <c>ravel(a)[:, None] * ravel(b)[None, :]</c>.</summary>
    private static GpuArray Outer(GpuArray a, GpuArray b)
    {
        using GpuArray column = ManipulationHandlers.Reshape(a, [-1, 1]);
        using GpuArray row = ManipulationHandlers.Reshape(b, [1, -1]);
        return ElementwiseHandlers.Multiply(column, row);
    }

    private static GpuArray Kron(GpuArray a, GpuArray b)
    {
        (Shape spreadA, Shape spreadB, Shape result) = ProductRules.KronShapes(a.Shape, b.Shape);
        using GpuArray x = ManipulationHandlers.Reshape(a, spreadA.ToArray());
        using GpuArray y = ManipulationHandlers.Reshape(b, spreadB.ToArray());
        using GpuArray product = ElementwiseHandlers.Multiply(x, y);
        return ManipulationHandlers.Reshape(product, result.ToArray());
    }

    private static GpuArray Tensordot(GpuArray a, GpuArray b, int[] axesA, int[] axesB)
    {
        TensordotPlan plan = ProductRules.Tensordot(a.Shape, b.Shape, axesA, axesB);
        using GpuArray ta = a.View(a.Layout.Transpose(plan.PermA));
        using GpuArray tb = b.View(b.Layout.Transpose(plan.PermB));
        using GpuArray am = ManipulationHandlers.Reshape(ta, [plan.M, plan.K]);
        using GpuArray bm = ManipulationHandlers.Reshape(tb, [plan.K, plan.N]);
        using GpuArray product = MatMul.Compute(am, bm);
        return ManipulationHandlers.Reshape(product, plan.Result.ToArray());
    }

    /// <summary>NumPy's <c>vdot(a, b)</c>: the flattened operands' dot, <c>a</c> conjugated when complex; their sizes must agree.</summary>
    private static GpuArray Vdot(GpuArray a, GpuArray b)
    {
        if (a.Size != b.Size)
        {
            throw ManipulationRules.CannotReshape(b.Size, [checked((int)a.Size)]);
        }
        using GpuArray x = ManipulationHandlers.Reshape(a, [-1]);
        using GpuArray y = ManipulationHandlers.Reshape(b, [-1]);
        if (!x.DType.IsComplex()) return Dot.Compute(x, y);
        using GpuArray conjugate = ElementwiseHandlers.Conjugate(x);
        return Dot.Compute(conjugate, y);
    }

    /// <summary>The Array API's <c>vecdot(a, b)</c>: <c>sum(conj(a) * b, axis=-1)</c> with broadcasting over the other axes.</summary>
    private static GpuArray VecDot(GpuArray a, GpuArray b)
    {
        if (a.Rank == 0 || b.Rank == 0 || a.Shape.Dims[^1] != b.Shape.Dims[^1])
        {
            throw new ShapeMismatchException($"vecdot: the last axes of shapes {a.Shape} and {b.Shape} must have the same length", a.Shape, b.Shape);
        }
        using GpuArray x = a.DType.IsComplex() || b.DType.IsComplex() ? ElementwiseHandlers.Conjugate(a) : a.View(a.Layout);
        using GpuArray product = ElementwiseHandlers.Multiply(x, b);
        // The products' own dtype, as NumPy's vecdot loop (no int64 accumulator for small integers; bools or-ed).
        var over = new ReductionArgs(product, Axes.Of(-1), DType: product.DType);
        return product.DType == DType.Bool ? ReductionHandlers.Any(product, over) : ReductionHandlers.Sum(product, over);
    }
}
