using System.Numerics;

namespace ArrayDispatch.Ufuncs;

#pragma warning disable CS1591 // each struct is the ufunc of the same name; the loops are the interface's

/// <summary>
/// <c>gcd</c>: NumPy's <c>npy_gcd</c>, Euclid's algorithm on the magnitudes, so the result is never negative except
/// that the magnitude of the minimum value wraps to itself (<c>gcd(int8(-128), 0)</c> is -128, as in NumPy).
/// </summary>
/// <remarks>
/// Signed values run on their negated magnitudes (every magnitude, the minimum's included, is a negative number) so no
/// step overflows, and C's truncating remainder keeps them in (a, 0].
/// </remarks>
public readonly struct GcdOp : IBinaryOp
{
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T>
    {
        if (!IntegerBits.IsSigned<T>()) return Euclid(x, y);
        T g = Euclid(x > T.Zero ? T.Zero - x : x, y > T.Zero ? T.Zero - y : y);
        return T.Zero - g;
    }

    internal static T Euclid<T>(T a, T b) where T : unmanaged, IBinaryInteger<T>
    {
        while (a != T.Zero)
        {
            T c = a;
            a = IntegerBits.IsSigned<T>() && a == T.AllBitsSet ? T.Zero : b % a;   // x % -1 is 0; the minimum % -1 would trap
            b = c;
        }
        return b;
    }
}

/// <summary>
/// <c>lcm</c>: NumPy's <c>npy_lcm</c>, <c>|x| / gcd · |y|</c> in the unsigned type of the same width, wrapping, and 0
/// when both are 0.
/// </summary>
public readonly struct LcmOp : IBinaryOp
{
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T>
    {
        if (!IntegerBits.IsSigned<T>())
        {
            T gu = GcdOp.Euclid(x, y);
            return gu == T.Zero ? T.Zero : x / gu * y;
        }
        // Negated magnitudes again: |x| / gcd is (-|x|) / (-gcd); the one quotient that overflows (the minimum by -1)
        // is the minimum's magnitude, which wraps to the minimum, as the unsigned quotient reinterpreted does.
        T nx = x > T.Zero ? T.Zero - x : x, ny = y > T.Zero ? T.Zero - y : y;
        T ng = GcdOp.Euclid(nx, ny);
        if (ng == T.Zero) return T.Zero;
        T quotient = ng == T.AllBitsSet && nx == IntegerBits.MinValue<T>() ? nx : nx / ng;
        return quotient * (T.Zero - ny);
    }
}

/// <summary>
/// <c>left_shift</c> (<c>bitwise_left_shift</c>): <c>x &lt;&lt; y</c>, 0 once the shift reaches the type's width or is
/// negative (NumPy's <c>npy_lshift</c> compares the count as an unsigned number), bits shifted past the top are lost.
/// </summary>
public readonly struct LeftShiftOp : IBinaryOp
{
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> =>
        IntegerBits.InRange(y) ? x << IntegerBits.Count(y) : T.Zero;
}

/// <summary>
/// <c>right_shift</c> (<c>bitwise_right_shift</c>): arithmetic <c>x &gt;&gt; y</c>; once the count reaches the width or is
/// negative, -1 for a negative <c>x</c> and 0 otherwise (NumPy's <c>npy_rshift</c>).
/// </summary>
public readonly struct RightShiftOp : IBinaryOp
{
    public static T Integer<T>(T x, T y) where T : unmanaged, IBinaryInteger<T> =>
        IntegerBits.InRange(y) ? x >> IntegerBits.Count(y) : T.IsNegative(x) ? T.AllBitsSet : T.Zero;
}

/// <summary>Facts about an integer type written with operators only (device kernels cannot compile conversions).</summary>
internal static class IntegerBits
{
    public static bool IsSigned<T>() where T : IBinaryInteger<T> => T.IsNegative(T.AllBitsSet);

    public static T MinValue<T>() where T : IBinaryInteger<T> => IsSigned<T>() ? ~(T.AllBitsSet >>> 1) : T.Zero;

    /// <summary>Whether a shift count is in [0, width).</summary>
    public static bool InRange<T>(T count) where T : IBinaryInteger<T> => !T.IsNegative(count) && count < T.PopCount(T.AllBitsSet);

    /// <summary>
    /// A count below the width (at most 63) as an int, read bit by bit (six fixed steps, shifts below 8 so no type masks
    /// them): no conversion a device kernel cannot compile, and no work that grows with the count.
    /// </summary>
    public static int Count<T>(T count) where T : IBinaryInteger<T>
    {
        int n = 0;
        for (int bit = 0; bit < 6; bit++)
        {
            if (((count >>> bit) & T.One) != T.Zero) n |= 1 << bit;
        }
        return n;
    }
}
