using System.Numerics;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Dense.Functions;

/// <summary>The shared steps of every ufunc: operands in the compute dtype, the result shape, the destination and <c>out=</c>.</summary>
internal static class Ufunc
{
    /// <summary>The operand as a dense array of <paramref name="dtype"/> (a weak scalar becomes a 0-d array).</summary>
    /// <exception cref="OverflowException">A Python-style int does not fit an integer <paramref name="dtype"/> (NEP 50).</exception>
    public static DenseArray Operand(in Operand operand, DType dtype)
    {
        if (operand.Array is { } a) return Copy.As((DenseArray)a, dtype);
        DTypes.CheckWeakInteger(operand.Scalar, dtype);
        return Copy.ScalarOf(operand.Scalar, dtype);
    }

    /// <summary>The broadcast shape of two operands, with NumPy's message when they do not fit.</summary>
    public static Shape Broadcast(Shape a, Shape b) =>
        Shape.TryBroadcast(a, b, out Shape result) ? result : throw Errors.Broadcast(a, b);

    /// <summary>
    /// The array to compute into: <paramref name="out"/> itself when it has <paramref name="dtype"/>, else a new array
    /// (<see cref="Finish"/> then copies it into <paramref name="out"/>).
    /// </summary>
    public static DenseArray Destination(string function, NDArray? @out, Shape shape, DType dtype)
    {
        if (@out is null) return DenseArray.CreateUninitialized(dtype, shape);
        var o = (DenseArray)@out;
        if (!Shape.TryBroadcast(shape, o.Shape, out Shape joint) || joint != o.Shape)
        {
            throw new ShapeMismatchException($"non-broadcastable output operand with shape {o.Shape} doesn't match the broadcast shape {shape}", "out", o.Shape, shape);
        }
        if (o.DType == dtype) return o;
        if (!DTypes.CanCast(dtype, o.DType, Casting.SameKind)) throw Errors.OutputCast(function, dtype, o.DType);
        return DenseArray.CreateUninitialized(dtype, shape);
    }

    /// <summary>Copies <paramref name="result"/> into <paramref name="out"/> when they differ; returns what the ufunc returns.</summary>
    public static NDArray Finish(DenseArray result, NDArray? @out)
    {
        if (@out is null || ReferenceEquals(result, @out)) return result;
        Copy.Into(result, (DenseArray)@out);
        return @out;
    }

    /// <summary>Runs a float unary op: integers and bools compute in float64, as NumPy's loops do.</summary>
    public static NDArray Float<TOp>(string function, UnaryInput args) where TOp : IFloatUnaryOp
    {
        DType ct = FloatLoop(function, args.X.DType);
        DenseArray x = Copy.As(args.X, ct);
        DenseArray d = Destination(function, args.Out, x.Shape, ct);
        switch (ct)
        {
            case DType.Float16: Elementwise.Unary<Half, Half, FloatUnary<Half, TOp>>(x, d); break;
            case DType.Float32: Elementwise.Unary<float, float, FloatUnary<float, TOp>>(x, d); break;
            default: Elementwise.Unary<double, double, FloatUnary<double, TOp>>(x, d); break;
        }
        return Finish(d, args.Out);
    }

    /// <summary>
    /// The float loop NumPy picks for a float-only ufunc (<c>sqrt</c>, <c>exp</c>, <c>arctan2</c>, …): the first of float16,
    /// float32, float64 that <paramref name="dtype"/> casts to safely, so bool, int8 and uint8 compute in float16 and
    /// int16 and uint16 in float32. Complex inputs are refused naming the dtype (no complex loops here yet).
    /// </summary>
    public static DType FloatLoop(string function, DType dtype)
    {
        if (dtype.IsComplex()) throw Errors.Unsupported(function, dtype);
        return ArrayDispatch.Scalars.ElementwiseRules.FloatFunctionLoop(dtype);
    }

    /// <summary>Runs a numeric unary op in the input's dtype (bools compute as int32 and convert back).</summary>
    public static NDArray Numeric<TOp>(string function, UnaryInput args) where TOp : INumericUnaryOp
    {
        DType dt = args.X.DType;
        if (dt.IsComplex()) throw Errors.Unsupported(function, dt);
        DenseArray x = dt == DType.Bool ? Copy.Cast(args.X, DType.Int32) : args.X;
        DenseArray d = Destination(function, args.Out, x.Shape, dt == DType.Bool ? DType.Int32 : dt);
        switch (x.DType)
        {
            case DType.Int8: Elementwise.Unary<sbyte, sbyte, NumericUnary<sbyte, TOp>>(x, d); break;
            case DType.Int16: Elementwise.Unary<short, short, NumericUnary<short, TOp>>(x, d); break;
            case DType.Int32: Elementwise.Unary<int, int, NumericUnary<int, TOp>>(x, d); break;
            case DType.Int64: Elementwise.Unary<long, long, NumericUnary<long, TOp>>(x, d); break;
            case DType.UInt8: Elementwise.Unary<byte, byte, NumericUnary<byte, TOp>>(x, d); break;
            case DType.UInt16: Elementwise.Unary<ushort, ushort, NumericUnary<ushort, TOp>>(x, d); break;
            case DType.UInt32: Elementwise.Unary<uint, uint, NumericUnary<uint, TOp>>(x, d); break;
            case DType.UInt64: Elementwise.Unary<ulong, ulong, NumericUnary<ulong, TOp>>(x, d); break;
            case DType.Float16: Elementwise.Unary<Half, Half, NumericUnary<Half, TOp>>(x, d); break;
            case DType.Float32: Elementwise.Unary<float, float, NumericUnary<float, TOp>>(x, d); break;
            case DType.Float64: Elementwise.Unary<double, double, NumericUnary<double, TOp>>(x, d); break;
            default: throw Errors.Unsupported(function, x.DType);
        }
        if (dt == DType.Bool && args.Out is null) return Copy.Cast(d, DType.Bool);
        return Finish(d, args.Out);
    }

    /// <summary>Runs a test of each element; the result is bool.</summary>
    public static NDArray Predicate<TOp>(string function, UnaryInput args) where TOp : IPredicateOp
    {
        DenseArray x = args.X.DType == DType.Bool ? Copy.Cast(args.X, DType.Int32) : args.X;
        DenseArray d = Destination(function, args.Out, x.Shape, DType.Bool);
        switch (x.DType)
        {
            case DType.Int8: Elementwise.Unary<sbyte, bool, Predicate<sbyte, TOp>>(x, d); break;
            case DType.Int16: Elementwise.Unary<short, bool, Predicate<short, TOp>>(x, d); break;
            case DType.Int32: Elementwise.Unary<int, bool, Predicate<int, TOp>>(x, d); break;
            case DType.Int64: Elementwise.Unary<long, bool, Predicate<long, TOp>>(x, d); break;
            case DType.UInt8: Elementwise.Unary<byte, bool, Predicate<byte, TOp>>(x, d); break;
            case DType.UInt16: Elementwise.Unary<ushort, bool, Predicate<ushort, TOp>>(x, d); break;
            case DType.UInt32: Elementwise.Unary<uint, bool, Predicate<uint, TOp>>(x, d); break;
            case DType.UInt64: Elementwise.Unary<ulong, bool, Predicate<ulong, TOp>>(x, d); break;
            case DType.Float16: Elementwise.Unary<Half, bool, Predicate<Half, TOp>>(x, d); break;
            case DType.Float32: Elementwise.Unary<float, bool, Predicate<float, TOp>>(x, d); break;
            case DType.Float64: Elementwise.Unary<double, bool, Predicate<double, TOp>>(x, d); break;
            default: throw Errors.Unsupported(function, x.DType);
        }
        return Finish(d, args.Out);
    }

    /// <summary>Runs a numeric binary op in the promoted dtype.</summary>
    public static NDArray Numeric<TOp>(string function, in BinaryArgs args, DType dtype) where TOp : INumericBinaryOp
    {
        if (dtype.IsComplex() || dtype == DType.Bool) throw Errors.Unsupported(function, dtype);
        Shape shape = Broadcast(args.X1.Shape, args.X2.Shape);
        DenseArray x = Operand(args.X1, dtype), y = Operand(args.X2, dtype);
        DenseArray d = Destination(function, args.Out, shape, dtype);
        switch (dtype)
        {
            case DType.Int8: Elementwise.Binary<sbyte, sbyte, NumericBinary<sbyte, TOp>>(x, y, d); break;
            case DType.Int16: Elementwise.Binary<short, short, NumericBinary<short, TOp>>(x, y, d); break;
            case DType.Int32: Elementwise.Binary<int, int, NumericBinary<int, TOp>>(x, y, d); break;
            case DType.Int64: Elementwise.Binary<long, long, NumericBinary<long, TOp>>(x, y, d); break;
            case DType.UInt8: Elementwise.Binary<byte, byte, NumericBinary<byte, TOp>>(x, y, d); break;
            case DType.UInt16: Elementwise.Binary<ushort, ushort, NumericBinary<ushort, TOp>>(x, y, d); break;
            case DType.UInt32: Elementwise.Binary<uint, uint, NumericBinary<uint, TOp>>(x, y, d); break;
            case DType.UInt64: Elementwise.Binary<ulong, ulong, NumericBinary<ulong, TOp>>(x, y, d); break;
            case DType.Float16: Elementwise.Binary<Half, Half, NumericBinary<Half, TOp>>(x, y, d); break;
            case DType.Float32: Elementwise.Binary<float, float, NumericBinary<float, TOp>>(x, y, d); break;
            case DType.Float64: Elementwise.Binary<double, double, NumericBinary<double, TOp>>(x, y, d); break;
            default: throw Errors.Unsupported(function, dtype);
        }
        return Finish(d, args.Out);
    }

    /// <summary>Runs a float binary op: integer and bool operands compute in float64.</summary>
    public static NDArray Float<TOp>(string function, in BinaryArgs args) where TOp : IFloatBinaryOp
    {
        DType rt = args.X1.ResultType(args.X2);
        // True division has its own type resolver in NumPy: integers and bools divide in float64.
        DType ct = function == "divide" && !rt.IsComplex() ? ArrayDispatch.Scalars.ElementwiseRules.FloatLoop(rt) : FloatLoop(function, rt);
        Shape shape = Broadcast(args.X1.Shape, args.X2.Shape);
        DenseArray x = Operand(args.X1, ct), y = Operand(args.X2, ct);
        DenseArray d = Destination(function, args.Out, shape, ct);
        switch (ct)
        {
            case DType.Float16: Elementwise.Binary<Half, Half, FloatBinary<Half, TOp>>(x, y, d); break;
            case DType.Float32: Elementwise.Binary<float, float, FloatBinary<float, TOp>>(x, y, d); break;
            default: Elementwise.Binary<double, double, FloatBinary<double, TOp>>(x, y, d); break;
        }
        return Finish(d, args.Out);
    }

    /// <summary>Runs a comparison in the promoted dtype; the result is bool.</summary>
    public static NDArray Compare<TOp>(string function, in BinaryArgs args) where TOp : ICompareOp
    {
        DType ct = args.X1.ResultType(args.X2);
        if (ct == DType.Bool) ct = DType.Int32;
        if (ct.IsComplex()) throw Errors.Unsupported(function, ct);
        Shape shape = Broadcast(args.X1.Shape, args.X2.Shape);
        DenseArray x = Operand(args.X1, ct), y = Operand(args.X2, ct);
        DenseArray d = Destination(function, args.Out, shape, DType.Bool);
        switch (ct)
        {
            case DType.Int8: Elementwise.Binary<sbyte, bool, Compare<sbyte, TOp>>(x, y, d); break;
            case DType.Int16: Elementwise.Binary<short, bool, Compare<short, TOp>>(x, y, d); break;
            case DType.Int32: Elementwise.Binary<int, bool, Compare<int, TOp>>(x, y, d); break;
            case DType.Int64: Elementwise.Binary<long, bool, Compare<long, TOp>>(x, y, d); break;
            case DType.UInt8: Elementwise.Binary<byte, bool, Compare<byte, TOp>>(x, y, d); break;
            case DType.UInt16: Elementwise.Binary<ushort, bool, Compare<ushort, TOp>>(x, y, d); break;
            case DType.UInt32: Elementwise.Binary<uint, bool, Compare<uint, TOp>>(x, y, d); break;
            case DType.UInt64: Elementwise.Binary<ulong, bool, Compare<ulong, TOp>>(x, y, d); break;
            case DType.Float16: Elementwise.Binary<Half, bool, Compare<Half, TOp>>(x, y, d); break;
            case DType.Float32: Elementwise.Binary<float, bool, Compare<float, TOp>>(x, y, d); break;
            case DType.Float64: Elementwise.Binary<double, bool, Compare<double, TOp>>(x, y, d); break;
            default: throw Errors.Unsupported(function, ct);
        }
        return Finish(d, args.Out);
    }

    /// <summary>Runs a bitwise op on integers, or the logical op on bools.</summary>
    public static NDArray Bitwise<TOp>(string function, in BinaryArgs args) where TOp : IIntegerBinaryOp, ILogicalOp
    {
        DType ct = args.X1.ResultType(args.X2);
        if (ct.IsInexact()) throw new DTypeMismatchException($"ufunc '{function}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
        Shape shape = Broadcast(args.X1.Shape, args.X2.Shape);
        DenseArray x = Operand(args.X1, ct), y = Operand(args.X2, ct);
        DenseArray d = Destination(function, args.Out, shape, ct);
        switch (ct)
        {
            case DType.Bool: Elementwise.Binary<bool, bool, Logical<TOp>>(x, y, d); break;
            case DType.Int8: Elementwise.Binary<sbyte, sbyte, IntegerBinary<sbyte, TOp>>(x, y, d); break;
            case DType.Int16: Elementwise.Binary<short, short, IntegerBinary<short, TOp>>(x, y, d); break;
            case DType.Int32: Elementwise.Binary<int, int, IntegerBinary<int, TOp>>(x, y, d); break;
            case DType.Int64: Elementwise.Binary<long, long, IntegerBinary<long, TOp>>(x, y, d); break;
            case DType.UInt8: Elementwise.Binary<byte, byte, IntegerBinary<byte, TOp>>(x, y, d); break;
            case DType.UInt16: Elementwise.Binary<ushort, ushort, IntegerBinary<ushort, TOp>>(x, y, d); break;
            case DType.UInt32: Elementwise.Binary<uint, uint, IntegerBinary<uint, TOp>>(x, y, d); break;
            case DType.UInt64: Elementwise.Binary<ulong, ulong, IntegerBinary<ulong, TOp>>(x, y, d); break;
            default: throw Errors.Unsupported(function, ct);
        }
        return Finish(d, args.Out);
    }

    /// <summary>Runs a logical op: both operands are taken as truth values.</summary>
    public static NDArray Logical<TOp>(string function, in BinaryArgs args) where TOp : ILogicalOp
    {
        Shape shape = Broadcast(args.X1.Shape, args.X2.Shape);
        DenseArray x = Operand(args.X1, DType.Bool), y = Operand(args.X2, DType.Bool);
        DenseArray d = Destination(function, args.Out, shape, DType.Bool);
        Elementwise.Binary<bool, bool, Logical<TOp>>(x, y, d);
        return Finish(d, args.Out);
    }

    /// <summary><c>where</c>'s selection, for every dtype (it only moves elements).</summary>
    public static void Where(DenseArray condition, DenseArray x, DenseArray y, DenseArray result)
    {
        switch (result.DType)
        {
            case DType.Bool: Elementwise.Where<bool>(condition, x, y, result); break;
            case DType.Int8: Elementwise.Where<sbyte>(condition, x, y, result); break;
            case DType.Int16: Elementwise.Where<short>(condition, x, y, result); break;
            case DType.Int32: Elementwise.Where<int>(condition, x, y, result); break;
            case DType.Int64: Elementwise.Where<long>(condition, x, y, result); break;
            case DType.UInt8: Elementwise.Where<byte>(condition, x, y, result); break;
            case DType.UInt16: Elementwise.Where<ushort>(condition, x, y, result); break;
            case DType.UInt32: Elementwise.Where<uint>(condition, x, y, result); break;
            case DType.UInt64: Elementwise.Where<ulong>(condition, x, y, result); break;
            case DType.Float16: Elementwise.Where<Half>(condition, x, y, result); break;
            case DType.Float32: Elementwise.Where<float>(condition, x, y, result); break;
            case DType.Float64: Elementwise.Where<double>(condition, x, y, result); break;
            case DType.Complex64: Elementwise.Where<Complex64>(condition, x, y, result); break;
            case DType.Complex128: Elementwise.Where<Complex>(condition, x, y, result); break;
            default: throw Errors.Unsupported("where", result.DType);
        }
    }

    /// <summary>Whether <typeparamref name="T"/> is one of the integer element types.</summary>
    public static bool IsInteger<T>() where T : INumber<T> =>
        typeof(T) == typeof(int) || typeof(T) == typeof(long) || typeof(T) == typeof(sbyte) || typeof(T) == typeof(short)
        || typeof(T) == typeof(byte) || typeof(T) == typeof(ushort) || typeof(T) == typeof(uint) || typeof(T) == typeof(ulong);
}

/// <summary>The input and <c>out=</c> of a unary ufunc.</summary>
internal readonly record struct UnaryInput(DenseArray X, NDArray? Out)
{
    public static implicit operator UnaryInput(in UnaryArgs args) => new((DenseArray)args.X, args.Out);
}
