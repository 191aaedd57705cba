using System.Numerics;

namespace ArrayDispatch.Scalars;

/// <summary>
/// NumPy's meaning of the integer ufuncs that can overflow or divide by zero, for one pair of elements. Every backend's
/// integer loops call these, so a host loop, a sparse merge and a device kernel give the same answer for every input.
/// </summary>
/// <remarks>
/// <para>
/// None of these methods throws, on any input: NumPy answers every one of them (with at most a <c>RuntimeWarning</c>), and
/// a kernel running on a device thread cannot raise (on ILGPU's CPU accelerator an exception in a kernel thread ends the
/// process). .NET's <c>/</c> and <c>%</c> throw for a zero divisor and for <c>MinValue / -1</c>, so those two divisors are
/// answered before dividing. Addition, subtraction, multiplication and negation wrap, as NumPy's do: C# integer arithmetic
/// is unchecked unless a project turns <c>CheckForOverflowUnderflow</c> on, which no project here does.
/// </para>
/// <para>
/// The methods use only operators and static members that ILGPU 1.5 compiles into kernels (no exceptions, no
/// <c>CreateTruncating</c>, no <c>Math</c> calls), so device kernels call them directly.
/// </para>
/// </remarks>
public static class IntegerArithmetic
{
    /// <summary>NumPy's <c>floor_divide</c> of integers: the quotient rounded towards negative infinity.</summary>
    /// <returns>
    /// <c>floor(x / y)</c>; 0 when <paramref name="y"/> is 0 (NumPy warns "divide by zero" and gives 0); and for
    /// <c>MinValue // -1</c>, whose true value does not fit, the wrapped value <c>MinValue</c> (NumPy warns "overflow").
    /// </returns>
    public static T FloorDivide<T>(T x, T y) where T : IBinaryInteger<T>
    {
        if (y == T.Zero) return T.Zero;
        if (IsMinusOne(y)) return -x;                       // wraps at MinValue; x / -1 would throw there
        T quotient = x / y;                                 // truncates towards zero
        return x % y != T.Zero && T.IsNegative(x) != T.IsNegative(y) ? quotient - T.One : quotient;
    }

    /// <summary>NumPy's <c>remainder</c> (Python's <c>%</c>) of integers: the remainder takes the sign of the divisor.</summary>
    /// <returns><c>x - floor_divide(x, y) * y</c>; 0 when <paramref name="y"/> is 0 or -1 (NumPy gives 0 for both).</returns>
    public static T Remainder<T>(T x, T y) where T : IBinaryInteger<T>
    {
        if (y == T.Zero || IsMinusOne(y)) return T.Zero;
        T r = x % y;                                        // takes the sign of x
        return r != T.Zero && T.IsNegative(r) != T.IsNegative(y) ? r + y : r;
    }

    /// <summary>NumPy's <c>fmod</c> of integers (C's <c>%</c>): the remainder takes the sign of the dividend.</summary>
    /// <returns><c>x - trunc(x / y) * y</c>; 0 when <paramref name="y"/> is 0 or -1.</returns>
    public static T Fmod<T>(T x, T y) where T : IBinaryInteger<T> =>
        y == T.Zero || IsMinusOne(y) ? T.Zero : x % y;

    /// <summary>NumPy's <c>power</c> of integers, by repeated squaring; overflow wraps, as NumPy's does.</summary>
    /// <returns>
    /// <c>x ** y</c> modulo the type's range. NumPy refuses a negative exponent ("Integers to negative integer powers are
    /// not allowed."), and a caller that can raise checks <see cref="RefusesExponent{T}"/> first; for a kernel that
    /// cannot, the answer to a negative exponent is the truncated real power: 1 for <c>x = 1</c>, ±1 for <c>x = -1</c>,
    /// and 0 otherwise.
    /// </returns>
    public static T Power<T>(T x, T y) where T : IBinaryInteger<T>
    {
        if (T.IsNegative(y))
        {
            if (x == T.One) return T.One;
            if (IsMinusOne(x)) return (y & T.One) == T.Zero ? T.One : x;
            return T.Zero;
        }
        T result = T.One;
        T square = x;
        T e = y;
        while (e != T.Zero)
        {
            if ((e & T.One) != T.Zero) result *= square;
            e >>= 1;
            if (e != T.Zero) square *= square;
        }
        return result;
    }

    /// <summary>Whether NumPy refuses <c>power</c> with this integer exponent: it is negative.</summary>
    public static bool RefusesExponent<T>(T exponent) where T : IBinaryInteger<T> => T.IsNegative(exponent);

    /// <summary>NumPy's <c>reciprocal</c> of an integer: <c>1 / x</c> truncated, so 0 for every <c>|x| &gt; 1</c>.</summary>
    /// <returns>
    /// <c>1 / x</c>; for 0, what NumPy returns on x86-64, so every backend agrees with NumPy: NumPy computes
    /// <c>1.0 / x</c> in double and converts the infinity with the CPU's truncating conversion, which gives the "integer
    /// indefinite" 0x80000000 (32-bit) or 0x8000000000000000 (64-bit) and keeps the low bits: the minimum value for
    /// int32 and int64, 0 for int8, int16 and every unsigned type.
    /// </returns>
    public static T Reciprocal<T>(T x) where T : IBinaryInteger<T> =>
        x != T.Zero ? T.One / x                             // 1 / -1 is -1: no MinValue / -1 case
        : T.IsNegative(MinValue<T>()) && AtLeast32Bits<T>() ? MinValue<T>() : T.Zero;

    // Shifts of 4 only: a shift of a byte or short by 8 or more is masked to its width and would not shift at all.
    private static bool AtLeast32Bits<T>() where T : IBinaryInteger<T>
    {
        T v = T.AllBitsSet;
        for (int i = 0; i < 7; i++) v >>>= 4;
        return v != T.Zero;
    }

    /// <summary>The smallest value of a signed <typeparamref name="T"/> (its sign bit alone), without <c>IMinMaxValue</c>.</summary>
    private static T MinValue<T>() where T : IBinaryInteger<T> => ~(T.AllBitsSet >>> 1);

    /// <summary>Whether <paramref name="y"/> is -1 of a signed type (the all-ones pattern that is negative).</summary>
    private static bool IsMinusOne<T>(T y) where T : IBinaryInteger<T> => y == T.AllBitsSet && T.IsNegative(y);
}
