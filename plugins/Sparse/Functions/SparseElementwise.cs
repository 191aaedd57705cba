using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>
/// Element-wise functions (NumPy's ufuncs) on sparse arrays, mixed with host-resident dense arrays and scalars: every
/// ufunc the protocol declares, registered from its declaration with one handler per ufunc shape
/// (<see cref="IUfuncVisitor{TResult}"/>), so a new ufunc reaches this backend without a change here. Whether a result
/// stays sparse follows from the op's values at zero (the engines' f(0) probes).
/// </summary>
/// <remarks>Every ufunc is declared without <c>out=</c> (<see cref="NoOut"/>): sparse results are new arrays.</remarks>
internal sealed class SparseElementwise(SparseContext ctx) : IUfuncVisitor<Action<IBackendBuilder>>
{
    /// <summary>
    /// SciPy's sparse-times-dense rule: f(0, d) = 0 for every d keeps sparse ∘ dense sparse (the stored zeros are not
    /// multiplied out, so 0 · inf is 0 as in SciPy). A fact of SciPy's semantics, not of the scalar op.
    /// </summary>
    private static readonly HashSet<ArrayFunction> s_annihilating = [ArrayFunctions.Multiply, ArrayFunctions.LogicalAnd];

    private static readonly FunctionSupport NoOut = new() { TakesOut = false, Reason = "sparse results are new arrays, with their own patterns" };

    /// <summary>Registers every element-wise handler with <paramref name="builder"/>.</summary>
    public void Register(IBackendBuilder builder)
    {
        foreach (Ufunc ufunc in Ufunc.All)
        {
            ufunc.Accept(this)(builder);
            builder.Declare(ufunc.Function, NoOut);
        }
    }

    public Action<IBackendBuilder> Binary<TOp>(BinaryUfunc ufunc) where TOp : struct, IBinaryOp
    {
        bool annihilates = s_annihilating.Contains(ufunc.Function);
        return builder => builder.Implement(ufunc.Function, (in BinaryArgs args, ReadOnlySpan<Type> types) =>
            Accepts(args, types) ? ElementwiseEngine.Arithmetic<TOp>(ctx, ufunc, args.X1, args.X2, annihilates) : NotImplemented.Value);
    }

    public Action<IBackendBuilder> Comparison<TOp>(BinaryUfunc ufunc) where TOp : struct, IComparisonOp
    {
        bool annihilates = s_annihilating.Contains(ufunc.Function);
        return builder => builder.Implement(ufunc.Function, (in BinaryArgs args, ReadOnlySpan<Type> types) =>
            Accepts(args, types) ? ElementwiseEngine.Comparison<TOp>(ctx, ufunc, args.X1, args.X2, annihilates) : NotImplemented.Value);
    }

    public Action<IBackendBuilder> Unary<TOp>(UnaryUfunc ufunc) where TOp : struct, IUnaryOp =>
        builder => builder.Implement(ufunc.Function, (in UnaryArgs args, ReadOnlySpan<Type> types) =>
            Accepts(args, types) ? UnaryEngine.Apply<TOp>(ctx, ufunc, (SparseArray)args.X) : NotImplemented.Value);

    public Action<IBackendBuilder> Predicate<TOp>(UnaryUfunc ufunc) where TOp : struct, IPredicateOp =>
        builder => builder.Implement(ufunc.Function, (in UnaryArgs args, ReadOnlySpan<Type> types) =>
            Accepts(args, types) ? UnaryEngine.Predicate<TOp>(ctx, ufunc, (SparseArray)args.X) : NotImplemented.Value);

    private static bool Accepts(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        HostInterop.Accepts(types, args.X1.Array, args.X2.Array);

    private static bool Accepts(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        args.X is SparseArray && HostInterop.Accepts(types, args.X);
}
