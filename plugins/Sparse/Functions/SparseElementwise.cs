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
internal sealed class SparseElementwise(SparseContext ctx) : IUfuncVisitor<Delegate>
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
        builder.ImplementUfuncs(this);   // each handler made at its first use (start-up, issue #18)
        foreach (Ufunc ufunc in Ufunc.All) builder.Declare(ufunc.Function, NoOut);
    }

    // Handlers are delegates to generic methods of an object bound to the ufunc, compiled at their first call: a lambda
    // would be a closure class generic over the op whose constructor the JIT compiles for every ufunc at start-up.
    public Delegate Binary<TOp>(BinaryUfunc ufunc) where TOp : struct, IBinaryOp =>
        new ArrayHandler<BinaryArgs, NDArray>(new BinaryBound(ctx, ufunc).Arithmetic<TOp>);

    public Delegate Comparison<TOp>(BinaryUfunc ufunc) where TOp : struct, IComparisonOp =>
        new ArrayHandler<BinaryArgs, NDArray>(new BinaryBound(ctx, ufunc).Comparison<TOp>);

    public Delegate Unary<TOp>(UnaryUfunc ufunc) where TOp : struct, IUnaryOp =>
        new ArrayHandler<UnaryArgs, NDArray>(new UnaryBound(ctx, ufunc).Apply<TOp>);

    public Delegate Predicate<TOp>(UnaryUfunc ufunc) where TOp : struct, IPredicateOp =>
        new ArrayHandler<UnaryArgs, NDArray>(new UnaryBound(ctx, ufunc).Predicate<TOp>);

    private sealed class BinaryBound(SparseContext ctx, BinaryUfunc ufunc)
    {
        private readonly bool _annihilates = s_annihilating.Contains(ufunc.Function);

        public DispatchResult<NDArray> Arithmetic<TOp>(in BinaryArgs args, ReadOnlySpan<Type> types) where TOp : struct, IBinaryOp =>
            Accepts(args, types) ? ElementwiseEngine.Arithmetic<TOp>(ctx, ufunc, args.X1, args.X2, _annihilates) : NotImplemented.Value;

        public DispatchResult<NDArray> Comparison<TOp>(in BinaryArgs args, ReadOnlySpan<Type> types) where TOp : struct, IComparisonOp =>
            Accepts(args, types) ? ElementwiseEngine.Comparison<TOp>(ctx, ufunc, args.X1, args.X2, _annihilates) : NotImplemented.Value;
    }

    private sealed class UnaryBound(SparseContext ctx, UnaryUfunc ufunc)
    {
        public DispatchResult<NDArray> Apply<TOp>(in UnaryArgs args, ReadOnlySpan<Type> types) where TOp : struct, IUnaryOp =>
            Accepts(args, types) ? UnaryEngine.Apply<TOp>(ctx, ufunc, (SparseArray)args.X) : NotImplemented.Value;

        public DispatchResult<NDArray> Predicate<TOp>(in UnaryArgs args, ReadOnlySpan<Type> types) where TOp : struct, IPredicateOp =>
            Accepts(args, types) ? UnaryEngine.Predicate<TOp>(ctx, ufunc, (SparseArray)args.X) : NotImplemented.Value;
    }

    private static bool Accepts(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        HostInterop.Accepts(types, args.X1.Array, args.X2.Array);

    private static bool Accepts(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        args.X is SparseArray && HostInterop.Accepts(types, args.X);
}
