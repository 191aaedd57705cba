using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Sparse.Kernels.Ops;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>Element-wise functions (NumPy's ufuncs) on sparse arrays, mixed with host-resident dense arrays and scalars.</summary>
/// <remarks>Calls with <c>out=</c> are declined: sparse results are new arrays.</remarks>
internal sealed class SparseElementwise(SparseContext ctx)
{
    [Implements("add")]
    public DispatchResult<NDArray> Add(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Arithmetic<AddOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("subtract")]
    public DispatchResult<NDArray> Subtract(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Arithmetic<SubtractOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("multiply")]
    public DispatchResult<NDArray> Multiply(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Arithmetic<MultiplyOp>(ctx, args.X1, args.X2, true) : NotImplemented.Value;

    [Implements("divide")]
    public DispatchResult<NDArray> Divide(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Arithmetic<DivideOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("floor_divide")]
    public DispatchResult<NDArray> FloorDivide(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Arithmetic<FloorDivideOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("remainder")]
    public DispatchResult<NDArray> Remainder(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Arithmetic<RemainderOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("power")]
    public DispatchResult<NDArray> Power(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Arithmetic<PowerOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("maximum")]
    public DispatchResult<NDArray> Maximum(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Arithmetic<MaximumOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("minimum")]
    public DispatchResult<NDArray> Minimum(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Arithmetic<MinimumOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("arctan2")]
    public DispatchResult<NDArray> Arctan2(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Arithmetic<Arctan2Op>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("hypot")]
    public DispatchResult<NDArray> Hypot(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Arithmetic<HypotOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("equal")]
    public DispatchResult<NDArray> Equal(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Predicate<EqualOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("not_equal")]
    public DispatchResult<NDArray> NotEqual(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Predicate<NotEqualOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("less")]
    public DispatchResult<NDArray> Less(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Predicate<LessOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("less_equal")]
    public DispatchResult<NDArray> LessEqual(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Predicate<LessEqualOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("greater")]
    public DispatchResult<NDArray> Greater(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Predicate<GreaterOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("greater_equal")]
    public DispatchResult<NDArray> GreaterEqual(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Predicate<GreaterEqualOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("logical_and")]
    public DispatchResult<NDArray> LogicalAnd(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Predicate<LogicalAndOp>(ctx, args.X1, args.X2, true) : NotImplemented.Value;

    [Implements("logical_or")]
    public DispatchResult<NDArray> LogicalOr(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Predicate<LogicalOrOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("logical_xor")]
    public DispatchResult<NDArray> LogicalXor(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? ElementwiseEngine.Predicate<LogicalXorOp>(ctx, args.X1, args.X2, false) : NotImplemented.Value;

    [Implements("negative")]
    public DispatchResult<NDArray> Negative(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<NegativeOp>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("positive")]
    public DispatchResult<NDArray> Positive(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<PositiveOp>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("abs")]
    public DispatchResult<NDArray> Abs(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<AbsOp>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("sign")]
    public DispatchResult<NDArray> Sign(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<SignOp>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("square")]
    public DispatchResult<NDArray> Square(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<SquareOp>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("reciprocal")]
    public DispatchResult<NDArray> Reciprocal(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<ReciprocalOp>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("sqrt")]
    public DispatchResult<NDArray> Sqrt(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<SqrtF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("exp")]
    public DispatchResult<NDArray> Exp(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<ExpF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("expm1")]
    public DispatchResult<NDArray> Expm1(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<Expm1F>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("log")]
    public DispatchResult<NDArray> Log(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<LogF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("log1p")]
    public DispatchResult<NDArray> Log1p(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<Log1pF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("log2")]
    public DispatchResult<NDArray> Log2(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<Log2F>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("log10")]
    public DispatchResult<NDArray> Log10(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<Log10F>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("sin")]
    public DispatchResult<NDArray> Sin(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<SinF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("cos")]
    public DispatchResult<NDArray> Cos(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<CosF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("tan")]
    public DispatchResult<NDArray> Tan(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<TanF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("arcsin")]
    public DispatchResult<NDArray> Arcsin(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<ArcsinF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("arccos")]
    public DispatchResult<NDArray> Arccos(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<ArccosF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("arctan")]
    public DispatchResult<NDArray> Arctan(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<ArctanF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("sinh")]
    public DispatchResult<NDArray> Sinh(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<SinhF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("cosh")]
    public DispatchResult<NDArray> Cosh(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<CoshF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("tanh")]
    public DispatchResult<NDArray> Tanh(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<TanhF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("arcsinh")]
    public DispatchResult<NDArray> Arcsinh(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<ArcsinhF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("arccosh")]
    public DispatchResult<NDArray> Arccosh(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<ArccoshF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("arctanh")]
    public DispatchResult<NDArray> Arctanh(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<ArctanhF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("floor")]
    public DispatchResult<NDArray> Floor(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<FloorF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("ceil")]
    public DispatchResult<NDArray> Ceil(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<CeilF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("trunc")]
    public DispatchResult<NDArray> Trunc(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<TruncF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("rint")]
    public DispatchResult<NDArray> Rint(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Apply<FloatUnaryOp<RintF>>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("isnan")]
    public DispatchResult<NDArray> IsNaN(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Predicate<IsNaNOp>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("isinf")]
    public DispatchResult<NDArray> IsInf(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Predicate<IsInfOp>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("isfinite")]
    public DispatchResult<NDArray> IsFinite(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Predicate<IsFiniteOp>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    [Implements("logical_not")]
    public DispatchResult<NDArray> LogicalNot(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args, types) ? UnaryEngine.Predicate<LogicalNotOp>(ctx, (SparseArray)args.X) : NotImplemented.Value;

    private static bool Accepts(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        args.Out is null && HostInterop.Accepts(types, args.X1.Array, args.X2.Array);

    private static bool Accepts(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        args.Out is null && args.X is SparseArray && HostInterop.Accepts(types, args.X);
}
