using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dense.Kernels.Ops;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

/// <summary>
/// The binary ufuncs, with NumPy's promotion (NEP 50 for .NET scalars) and broadcasting. Integer floor_divide and
/// remainder by zero give 0, as NumPy's do; true division of integers gives float64.
/// </summary>
public static class DenseBinary
{
    [Implements("add")]
    public static DispatchResult<NDArray> Add(in BinaryArgs args, ReadOnlySpan<Type> types)
    {
        DType dtype = args.X1.ResultType(args.X2);
        if (dtype == DType.Bool) return Ufunc.Bitwise<BitwiseOrOp>("add", args);
        return Ufunc.Numeric<AddOp>("add", args, dtype);
    }

    [Implements("subtract")]
    public static DispatchResult<NDArray> Subtract(in BinaryArgs args, ReadOnlySpan<Type> types)
    {
        DType dtype = args.X1.ResultType(args.X2);
        if (dtype == DType.Bool) throw new DTypeMismatchException("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
        return Ufunc.Numeric<SubtractOp>("subtract", args, dtype);
    }

    [Implements("multiply")]
    public static DispatchResult<NDArray> Multiply(in BinaryArgs args, ReadOnlySpan<Type> types)
    {
        DType dtype = args.X1.ResultType(args.X2);
        if (dtype == DType.Bool) return Ufunc.Bitwise<BitwiseAndOp>("multiply", args);
        return Ufunc.Numeric<MultiplyOp>("multiply", args, dtype);
    }

    [Implements("maximum")]
    public static DispatchResult<NDArray> Maximum(in BinaryArgs args, ReadOnlySpan<Type> types)
    {
        DType dtype = args.X1.ResultType(args.X2);
        if (dtype == DType.Bool) return Ufunc.Bitwise<BitwiseOrOp>("maximum", args);
        return Ufunc.Numeric<MaximumOp>("maximum", args, dtype);
    }

    [Implements("minimum")]
    public static DispatchResult<NDArray> Minimum(in BinaryArgs args, ReadOnlySpan<Type> types)
    {
        DType dtype = args.X1.ResultType(args.X2);
        if (dtype == DType.Bool) return Ufunc.Bitwise<BitwiseAndOp>("minimum", args);
        return Ufunc.Numeric<MinimumOp>("minimum", args, dtype);
    }

    [Implements("floor_divide")]
    public static DispatchResult<NDArray> FloorDivide(in BinaryArgs args, ReadOnlySpan<Type> types)
    {
        DType dtype = args.X1.ResultType(args.X2);
        if (dtype == DType.Bool) dtype = DType.Int64;
        return Ufunc.Numeric<FloorDivideOp>("floor_divide", args, dtype);
    }

    [Implements("remainder")]
    public static DispatchResult<NDArray> Remainder(in BinaryArgs args, ReadOnlySpan<Type> types)
    {
        DType dtype = args.X1.ResultType(args.X2);
        if (dtype == DType.Bool) dtype = DType.Int64;
        return Ufunc.Numeric<RemainderOp>("remainder", args, dtype);
    }

    [Implements("power")]
    public static DispatchResult<NDArray> Power(in BinaryArgs args, ReadOnlySpan<Type> types)
    {
        DType dtype = args.X1.ResultType(args.X2);
        if (dtype == DType.Bool) dtype = DType.Int64;
        return Ufunc.Numeric<PowerOp>("power", args, dtype);
    }

    [Implements("divide")]
    public static DispatchResult<NDArray> Divide(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<DivideOp>("divide", args);

    [Implements("arctan2")]
    public static DispatchResult<NDArray> Arctan2(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<Arctan2Op>("arctan2", args);

    [Implements("hypot")]
    public static DispatchResult<NDArray> Hypot(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Float<HypotOp>("hypot", args);

    [Implements("equal")]
    public static DispatchResult<NDArray> Equal(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Compare<EqualOp>("equal", args);

    [Implements("not_equal")]
    public static DispatchResult<NDArray> NotEqual(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Compare<NotEqualOp>("not_equal", args);

    [Implements("less")]
    public static DispatchResult<NDArray> Less(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Compare<LessOp>("less", args);

    [Implements("less_equal")]
    public static DispatchResult<NDArray> LessEqual(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Compare<LessEqualOp>("less_equal", args);

    [Implements("greater")]
    public static DispatchResult<NDArray> Greater(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Compare<GreaterOp>("greater", args);

    [Implements("greater_equal")]
    public static DispatchResult<NDArray> GreaterEqual(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Compare<GreaterEqualOp>("greater_equal", args);

    [Implements("bitwise_and")]
    public static DispatchResult<NDArray> BitwiseAnd(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Bitwise<BitwiseAndOp>("bitwise_and", args);

    [Implements("bitwise_or")]
    public static DispatchResult<NDArray> BitwiseOr(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Bitwise<BitwiseOrOp>("bitwise_or", args);

    [Implements("bitwise_xor")]
    public static DispatchResult<NDArray> BitwiseXor(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Bitwise<BitwiseXorOp>("bitwise_xor", args);

    [Implements("logical_and")]
    public static DispatchResult<NDArray> LogicalAnd(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Logical<BitwiseAndOp>("logical_and", args);

    [Implements("logical_or")]
    public static DispatchResult<NDArray> LogicalOr(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Logical<BitwiseOrOp>("logical_or", args);

    [Implements("logical_xor")]
    public static DispatchResult<NDArray> LogicalXor(in BinaryArgs args, ReadOnlySpan<Type> types) =>
        Ufunc.Logical<BitwiseXorOp>("logical_xor", args);

    [Implements("where")]
    public static DispatchResult<NDArray> Where(in TernaryArgs args, ReadOnlySpan<Type> types)
    {
        DType dtype = args.B.ResultType(args.C);
        Shape shape = Ufunc.Broadcast(Ufunc.Broadcast(args.A.Shape, args.B.Shape), args.C.Shape);
        DenseArray condition = Ufunc.Operand(args.A, DType.Bool);
        DenseArray x = Ufunc.Operand(args.B, dtype), y = Ufunc.Operand(args.C, dtype);
        DenseArray result = DenseArray.CreateUninitialized(dtype, shape);
        Ufunc.Where(condition, x, y, result);
        return result;
    }

    [Implements("clip")]
    public static DispatchResult<NDArray> Clip(in TernaryArgs args, ReadOnlySpan<Type> types)
    {
        // NumPy: minimum(maximum(a, min), max), in the dtype of all three (scalars weak).
        DType dtype = args.A.ResultType(args.B);
        dtype = ((Operand)DenseArray.Create(dtype, Shape.Scalar)).ResultType(args.C);
        if (dtype == DType.Bool) dtype = DType.Int64;
        NDArray low = Ufunc.Numeric<MaximumOp>("clip", new BinaryArgs(Ufunc.Operand(args.A, dtype), args.B), dtype);
        return Ufunc.Numeric<MinimumOp>("clip", new BinaryArgs(low, args.C), dtype);
    }
}
