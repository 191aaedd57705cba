using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Sparse.Kernels.Ops;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>
/// Element-wise functions (NumPy's ufuncs) on sparse arrays, mixed with host-resident dense arrays and scalars. Every
/// handler has the same shape (NEP 18 check, then the engine with the function's operation), so they are registered from
/// a table rather than written out one method each.
/// </summary>
/// <remarks>Calls with <c>out=</c> are declined: sparse results are new arrays.</remarks>
internal sealed class SparseElementwise(SparseContext ctx)
{
    /// <summary>Registers every element-wise handler with <paramref name="builder"/>.</summary>
    public void Register(IBackendBuilder builder)
    {
        // Binary: f(0, 0) decides sparse or refused; 'annihilates' (f(0, d) = 0 for every d) keeps sparse ∘ dense sparse.
        Arithmetic<AddOp>(builder, "add");
        Arithmetic<SubtractOp>(builder, "subtract");
        Arithmetic<MultiplyOp>(builder, "multiply", annihilates: true);
        Arithmetic<DivideOp>(builder, "divide");
        Arithmetic<FloorDivideOp>(builder, "floor_divide");
        Arithmetic<RemainderOp>(builder, "remainder");
        Arithmetic<PowerOp>(builder, "power");
        Arithmetic<MaximumOp>(builder, "maximum");
        Arithmetic<MinimumOp>(builder, "minimum");
        Arithmetic<Arctan2Op>(builder, "arctan2");
        Arithmetic<HypotOp>(builder, "hypot");
        Comparison<EqualOp>(builder, "equal");
        Comparison<NotEqualOp>(builder, "not_equal");
        Comparison<LessOp>(builder, "less");
        Comparison<LessEqualOp>(builder, "less_equal");
        Comparison<GreaterOp>(builder, "greater");
        Comparison<GreaterEqualOp>(builder, "greater_equal");
        Comparison<LogicalAndOp>(builder, "logical_and", annihilates: true);
        Comparison<LogicalOrOp>(builder, "logical_or");
        Comparison<LogicalXorOp>(builder, "logical_xor");

        // Unary: f(0) decides sparse or refused.
        Unary<NegativeOp>(builder, "negative");
        Unary<PositiveOp>(builder, "positive");
        Unary<AbsOp>(builder, "abs");
        Unary<SignOp>(builder, "sign");
        Unary<SquareOp>(builder, "square");
        Unary<ReciprocalOp>(builder, "reciprocal");
        Unary<FloatUnaryOp<SqrtF>>(builder, "sqrt");
        Unary<FloatUnaryOp<ExpF>>(builder, "exp");
        Unary<FloatUnaryOp<Expm1F>>(builder, "expm1");
        Unary<FloatUnaryOp<LogF>>(builder, "log");
        Unary<FloatUnaryOp<Log1pF>>(builder, "log1p");
        Unary<FloatUnaryOp<Log2F>>(builder, "log2");
        Unary<FloatUnaryOp<Log10F>>(builder, "log10");
        Unary<FloatUnaryOp<SinF>>(builder, "sin");
        Unary<FloatUnaryOp<CosF>>(builder, "cos");
        Unary<FloatUnaryOp<TanF>>(builder, "tan");
        Unary<FloatUnaryOp<ArcsinF>>(builder, "arcsin");
        Unary<FloatUnaryOp<ArccosF>>(builder, "arccos");
        Unary<FloatUnaryOp<ArctanF>>(builder, "arctan");
        Unary<FloatUnaryOp<SinhF>>(builder, "sinh");
        Unary<FloatUnaryOp<CoshF>>(builder, "cosh");
        Unary<FloatUnaryOp<TanhF>>(builder, "tanh");
        Unary<FloatUnaryOp<ArcsinhF>>(builder, "arcsinh");
        Unary<FloatUnaryOp<ArccoshF>>(builder, "arccosh");
        Unary<FloatUnaryOp<ArctanhF>>(builder, "arctanh");
        Unary<FloatUnaryOp<FloorF>>(builder, "floor");
        Unary<FloatUnaryOp<CeilF>>(builder, "ceil");
        Unary<FloatUnaryOp<TruncF>>(builder, "trunc");
        Unary<FloatUnaryOp<RintF>>(builder, "rint");
        UnaryPredicate<IsNaNOp>(builder, "isnan");
        UnaryPredicate<IsInfOp>(builder, "isinf");
        UnaryPredicate<IsFiniteOp>(builder, "isfinite");
        UnaryPredicate<LogicalNotOp>(builder, "logical_not");
    }

    private void Arithmetic<TOp>(IBackendBuilder builder, string name, bool annihilates = false) where TOp : struct, IBinaryOp =>
        builder.Implement(Function<BinaryArgs>(name), (in BinaryArgs args, ReadOnlySpan<Type> types) =>
            Accepts(args, types) ? ElementwiseEngine.Arithmetic<TOp>(ctx, args.X1, args.X2, annihilates) : NotImplemented.Value);

    private void Comparison<TOp>(IBackendBuilder builder, string name, bool annihilates = false) where TOp : struct, IPredicateOp =>
        builder.Implement(Function<BinaryArgs>(name), (in BinaryArgs args, ReadOnlySpan<Type> types) =>
            Accepts(args, types) ? ElementwiseEngine.Predicate<TOp>(ctx, args.X1, args.X2, annihilates) : NotImplemented.Value);

    private void Unary<TOp>(IBackendBuilder builder, string name) where TOp : struct, IUnaryOp =>
        builder.Implement(Function<UnaryArgs>(name), (in UnaryArgs args, ReadOnlySpan<Type> types) =>
            Accepts(args, types) ? UnaryEngine.Apply<TOp>(ctx, (SparseArray)args.X) : NotImplemented.Value);

    private void UnaryPredicate<TOp>(IBackendBuilder builder, string name) where TOp : struct, IUnaryPredicate =>
        builder.Implement(Function<UnaryArgs>(name), (in UnaryArgs args, ReadOnlySpan<Type> types) =>
            Accepts(args, types) ? UnaryEngine.Predicate<TOp>(ctx, (SparseArray)args.X) : NotImplemented.Value);

    private static ArrayFunction<TArgs, NDArray> Function<TArgs>(string name) where TArgs : struct, IArrayArgs<TArgs> =>
        FunctionCatalog.TryGet(name, out ArrayFunction f) && f is ArrayFunction<TArgs, NDArray> typed
            ? typed
            : throw new InvalidOperationException($"the catalogue has no element-wise function '{name}' taking {typeof(TArgs).Name}. This is a bug in ArrayDispatch; please report it.");

    private static bool Accepts(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        args.Out is null && HostInterop.Accepts(types, args.X1.Array, args.X2.Array);

    private static bool Accepts(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        args.Out is null && args.X is SparseArray && HostInterop.Accepts(types, args.X);
}
