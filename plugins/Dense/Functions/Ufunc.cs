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
        if (operand.Array is { } a) return Copy.AsKeepingOrder((DenseArray)a, dtype);
        DTypes.CheckWeakInteger(operand.Scalar, dtype);
        return Copy.ScalarOf(operand.Scalar, dtype);
    }

    /// <summary>The broadcast shape of two operands, with NumPy's message when they do not fit.</summary>
    public static Shape Broadcast(Shape a, Shape b) =>
        Shape.TryBroadcast(a, b, out Shape result) ? result : throw Errors.Broadcast(a, b);

    /// <summary>
    /// The array to compute into: <paramref name="out"/> itself when it has <paramref name="dtype"/>, else a new array laid
    /// out in NumPy's <c>order='K'</c> of <paramref name="operands"/> (<see cref="Finish"/> then copies it into
    /// <paramref name="out"/>).
    /// </summary>
    public static DenseArray Destination(string function, NDArray? @out, Shape shape, DType dtype, params ReadOnlySpan<DenseArray> operands)
    {
        if (@out is null) return DenseArray.CreateUninitialized(dtype, shape, operands);
        var o = (DenseArray)@out;
        o.ThrowIfReadOnly("output array");
        if (!Shape.TryBroadcast(shape, o.Shape, out Shape joint) || joint != o.Shape)
        {
            throw new ShapeMismatchException($"non-broadcastable output operand with shape {o.Shape} doesn't match the broadcast shape {shape}", "out", o.Shape, shape);
        }
        if (o.DType == dtype) return o;
        if (!DTypes.CanCast(dtype, o.DType, Casting.SameKind)) throw Errors.OutputCast(function, dtype, o.DType);
        return DenseArray.CreateUninitialized(dtype, o.Shape, o);   // an out of more dimensions sets the loop's shape (NumPy broadcasts the inputs to it)
    }

    /// <summary>Copies <paramref name="result"/> into <paramref name="out"/> when they differ; returns what the ufunc returns.</summary>
    public static NDArray Finish(DenseArray result, NDArray? @out)
    {
        if (@out is null || ReferenceEquals(result, @out)) return result;
        Copy.Into(result, (DenseArray)@out);
        return @out;
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
