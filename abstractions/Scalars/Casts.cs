using System.Numerics;

namespace ArrayDispatch.Scalars;

/// <summary>
/// NumPy's unsafe cast of one value (<c>astype(dtype, casting="unsafe")</c>) between numeric element types, for every
/// backend's conversion loops: integers wrap (300 to uint8 is 44), floats truncate towards zero, a complex value gives
/// its real part (NumPy warns that it drops the imaginary part), a real value becomes <c>x + 0j</c>.
/// </summary>
/// <remarks>
/// A float outside the target integer's range (or NaN, or ±inf) has no defined answer in NumPy (it warns "invalid value
/// encountered in cast"); the answers here are NumPy's on x86-64 where they are stable: to 8- and 16-bit integers the
/// value goes through int32 as C's conversion does (out of int32's range gives int32's minimum, whose low bits are 0, so
/// NaN to uint8 is 0 and 300.0 to int8 is 44), and a negative value wraps into an unsigned type (-1.0 to uint32 is
/// 4294967295). Wider targets take .NET's saturating conversion for values beyond their range.
/// </remarks>
public static class Casts
{
    /// <summary>The value of <paramref name="x"/> as <typeparamref name="TTo"/>, by NumPy's unsafe cast.</summary>
    public static TTo Convert<TFrom, TTo>(TFrom x) where TFrom : INumberBase<TFrom> where TTo : INumberBase<TTo>
    {
        if (typeof(TFrom) == typeof(TTo)) return (TTo)(object)x;
        if (IsComplex<TFrom>() && !IsComplex<TTo>()) return Convert<double, TTo>(double.CreateTruncating(x));
        if (IsFloat<TFrom>() && IsInteger<TTo>())
        {
            double v = double.CreateTruncating(x);
            if (IsNarrowInteger<TTo>()) return TTo.CreateTruncating(ToInt32(v));
            if (IsUnsigned<TTo>() && v < 0 && v >= -9.2233720368547758E18) return TTo.CreateTruncating((long)v);
            if (double.IsNaN(v)) return TTo.Zero;
        }
        return TTo.CreateTruncating(x);
    }

    /// <summary>
    /// Whether <see cref="Convert{TFrom, TTo}"/> is .NET's <c>CreateTruncating</c> for every value, so a backend may use a
    /// vectorized truncating conversion (<c>TensorPrimitives.ConvertTruncating</c>): every cast but float to a narrow or
    /// unsigned integer and complex to real.
    /// </summary>
    public static bool IsPlainTruncation<TFrom, TTo>() =>
        !(IsFloat<TFrom>() && (IsNarrowInteger<TTo>() || IsUnsigned<TTo>())) && !(IsComplex<TFrom>() && !IsComplex<TTo>());

    /// <summary>C's conversion of a double to int32 on x86-64 (<c>cvttsd2si</c>): truncation, and int32's minimum when out of range or NaN.</summary>
    public static int ToInt32(double value) => value > -2147483649.0 && value < 2147483648.0 ? (int)value : int.MinValue;

    private static bool IsComplex<T>() => typeof(T) == typeof(Complex) || typeof(T) == typeof(Complex64);

    private static bool IsFloat<T>() => typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half);

    private static bool IsNarrowInteger<T>() =>
        typeof(T) == typeof(sbyte) || typeof(T) == typeof(byte) || typeof(T) == typeof(short) || typeof(T) == typeof(ushort);

    private static bool IsUnsigned<T>() => typeof(T) == typeof(uint) || typeof(T) == typeof(ulong);

    private static bool IsInteger<T>() =>
        IsNarrowInteger<T>() || IsUnsigned<T>() || typeof(T) == typeof(int) || typeof(T) == typeof(long);
}
