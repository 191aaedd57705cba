using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dense.Kernels.Ops;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

/// <summary>The unary ufuncs. Float functions of integer arrays return float64, as NumPy's do.</summary>
public static class DenseUnary
{
    [Implements("negative")]
    public static DispatchResult<NDArray> Negative(in UnaryArgs args, ReadOnlySpan<Type> types)
    {
        if (args.X.DType == DType.Bool)
        {
            throw new DTypeMismatchException("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.");
        }
        return Ufunc.Numeric<NegativeOp>("negative", args);
    }

    [Implements("positive")]
    public static DispatchResult<NDArray> Positive(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Numeric<PositiveOp>("positive", args);

    [Implements("abs")]
    public static DispatchResult<NDArray> Abs(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Numeric<AbsOp>("abs", args);

    [Implements("sign")]
    public static DispatchResult<NDArray> Sign(in UnaryArgs args, ReadOnlySpan<Type> types)
    {
        if (args.X.DType == DType.Bool) throw new DTypeMismatchException(Scalars.ElementwiseRules.NoBoolLoopMessage("sign"));
        return Ufunc.Numeric<SignOp>("sign", args);
    }

    [Implements("square")]
    public static DispatchResult<NDArray> Square(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Numeric<SquareOp>("square", args);

    [Implements("sqrt")]
    public static DispatchResult<NDArray> Sqrt(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<SqrtOp>("sqrt", args);

    [Implements("reciprocal")]
    public static DispatchResult<NDArray> Reciprocal(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        args.X.DType is DType.Bool ? BoolReciprocal(args)
        : args.X.DType.IsInteger() ? Ufunc.Numeric<IntegerReciprocalOp>("reciprocal", args)
        : Ufunc.Float<ReciprocalOp>("reciprocal", args);

    /// <summary>
    /// NumPy's bool <c>reciprocal</c> runs its int8 loop: 1/True = 1 and 1/False truncates to 0, so the values are the
    /// input's. ArrayDispatch has no int8 and gives int64 (as for the other int8 results of bools; Sparse does the same).
    /// </summary>
    private static NDArray BoolReciprocal(in UnaryArgs args)
    {
        DenseArray d = Ufunc.Destination("reciprocal", args.Out, args.X.Shape, DType.Int64);
        Copy.Into((DenseArray)args.X, d);
        return Ufunc.Finish(d, args.Out);
    }

    [Implements("exp")]
    public static DispatchResult<NDArray> Exp(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<ExpOp>("exp", args);

    [Implements("expm1")]
    public static DispatchResult<NDArray> Expm1(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<Expm1Op>("expm1", args);

    [Implements("log")]
    public static DispatchResult<NDArray> Log(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<LogOp>("log", args);

    [Implements("log1p")]
    public static DispatchResult<NDArray> Log1p(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<Log1pOp>("log1p", args);

    [Implements("log2")]
    public static DispatchResult<NDArray> Log2(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<Log2Op>("log2", args);

    [Implements("log10")]
    public static DispatchResult<NDArray> Log10(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<Log10Op>("log10", args);

    [Implements("sin")]
    public static DispatchResult<NDArray> Sin(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<SinOp>("sin", args);

    [Implements("cos")]
    public static DispatchResult<NDArray> Cos(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<CosOp>("cos", args);

    [Implements("tan")]
    public static DispatchResult<NDArray> Tan(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<TanOp>("tan", args);

    [Implements("arcsin")]
    public static DispatchResult<NDArray> Arcsin(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<ArcsinOp>("arcsin", args);

    [Implements("arccos")]
    public static DispatchResult<NDArray> Arccos(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<ArccosOp>("arccos", args);

    [Implements("arctan")]
    public static DispatchResult<NDArray> Arctan(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<ArctanOp>("arctan", args);

    [Implements("sinh")]
    public static DispatchResult<NDArray> Sinh(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<SinhOp>("sinh", args);

    [Implements("cosh")]
    public static DispatchResult<NDArray> Cosh(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<CoshOp>("cosh", args);

    [Implements("tanh")]
    public static DispatchResult<NDArray> Tanh(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<TanhOp>("tanh", args);

    [Implements("arcsinh")]
    public static DispatchResult<NDArray> Arcsinh(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<ArcsinhOp>("arcsinh", args);

    [Implements("arccosh")]
    public static DispatchResult<NDArray> Arccosh(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<ArccoshOp>("arccosh", args);

    [Implements("arctanh")]
    public static DispatchResult<NDArray> Arctanh(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<ArctanhOp>("arctanh", args);

    [Implements("floor")]
    public static DispatchResult<NDArray> Floor(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<FloorOp>("floor", args);

    [Implements("ceil")]
    public static DispatchResult<NDArray> Ceil(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<CeilOp>("ceil", args);

    [Implements("trunc")]
    public static DispatchResult<NDArray> Trunc(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<TruncOp>("trunc", args);

    [Implements("rint")]
    public static DispatchResult<NDArray> Rint(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<RintOp>("rint", args);

    [Implements("isnan")]
    public static DispatchResult<NDArray> IsNaN(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Predicate<IsNaNOp>("isnan", args);

    [Implements("isinf")]
    public static DispatchResult<NDArray> IsInf(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Predicate<IsInfOp>("isinf", args);

    [Implements("isfinite")]
    public static DispatchResult<NDArray> IsFinite(in UnaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Predicate<IsFiniteOp>("isfinite", args);

    [Implements("logical_not")]
    public static DispatchResult<NDArray> LogicalNot(in UnaryArgs args, ReadOnlySpan<Type> types)
    {
        DenseArray x = Kernels.Copy.As((DenseArray)args.X, DType.Bool);
        DenseArray d = Ufunc.Destination("logical_not", args.Out, x.Shape, DType.Bool);
        Kernels.Elementwise.Binary<bool, bool, Kernels.Logical<BitwiseXorOp>>(x, DenseArray.Scalar(true), d);
        return Ufunc.Finish(d, args.Out);
    }

    [Implements("invert")]
    public static DispatchResult<NDArray> Invert(in UnaryArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        if (x.DType.IsFloat()) throw Errors.Unsupported("invert", x.DType);
        // ~x is x ^ -1 for integers and not x for bools.
        Operand allOnes = x.DType == DType.Bool ? true : Kernels.Copy.ScalarOf(-1L, x.DType);
        return Ufunc.Bitwise<BitwiseXorOp>("invert", new BinaryArgs(x, allOnes, args.Out));
    }
}
