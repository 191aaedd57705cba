using System.Numerics;

namespace ArrayDispatch.Scalars;

/// <summary>
/// NumPy's meaning of the floating-point ufuncs whose answer is not one IEEE operation, for one pair of elements:
/// <c>floor_divide</c> and <c>remainder</c> as NumPy's <c>npy_divmod</c> computes them, and <c>fmod</c>.
/// Computed in <c>T</c> itself (float32 in float32, as NumPy's <c>npy_divmodf</c>), never through double.
/// </summary>
/// <remarks>
/// <para>
/// NumPy does not compute <c>floor(x / y)</c>: <c>x / y</c> rounds first, so <c>floor(1.0 / 0.1)</c> is 10 although
/// 0.1 (0.1000000000000000055…) goes into 1.0 only 9 times. It starts from the exact <c>fmod</c> instead:
/// <c>mod = fmod(x, y); div = (x - mod) / y</c>, moves both to Python's sign convention, and snaps <c>div</c> to the
/// nearest integer. These methods follow that algorithm step for step, including the signs of zero results.
/// </para>
/// <para>
/// They use only comparisons, arithmetic, <c>T.Floor</c> and <c>%</c> (C's <c>fmod</c> for floats), which ILGPU 1.5
/// compiles into kernels; signs of zeros are taken with a division instead of <c>CopySign</c>.
/// </para>
/// </remarks>
public static class FloatArithmetic
{
    /// <summary>NumPy's <c>floor_divide</c> of floats (<c>npy_floor_divide</c>).</summary>
    /// <returns>
    /// The largest integer <c>q</c> with <c>q * y</c> not above <paramref name="x"/> as the exact values go (so
    /// <c>1.0 // 0.1</c> is 9.0); <c>x / y</c> when <paramref name="y"/> is ±0 (±inf, or NaN for <c>0 // 0</c>); NaN when
    /// either is NaN or <paramref name="x"/> is infinite; a zero quotient carries the sign of <c>x / y</c>.
    /// </returns>
    public static T FloorDivide<T>(T x, T y) where T : IFloatingPointIeee754<T>
    {
        if (y == T.Zero) return x / y;
        T mod = x % y;
        T div = (x - mod) / y;                              // very nearly an integer multiple
        if (mod != T.Zero && (y < T.Zero) != (mod < T.Zero)) div -= T.One;   // Python's convention (NaN mod included)
        if (div == T.Zero) return ZeroWithSignOf(x / y);
        T floor = T.Floor(div);
        return div - floor > Half<T>() ? floor + T.One : floor;
    }

    /// <summary>NumPy's <c>remainder</c> of floats (Python's <c>%</c>, <c>npy_remainder</c>): the sign of the divisor.</summary>
    /// <returns>
    /// <c>x - floor_divide(x, y) * y</c> computed from <c>fmod</c> (so <c>1.0 % 0.1</c> is 0.09999999999999995); NaN when
    /// <paramref name="y"/> is ±0 or either is NaN or <paramref name="x"/> is infinite; a zero remainder is +0 for a
    /// positive divisor and -0 for a negative one; <c>x % ±inf</c> is <paramref name="x"/> or ±inf by sign.
    /// </returns>
    public static T Remainder<T>(T x, T y) where T : IFloatingPointIeee754<T>
    {
        T mod = x % y;                                      // NaN for y == 0
        if (y == T.Zero) return mod;
        if (mod != T.Zero) return (y < T.Zero) != (mod < T.Zero) ? mod + y : mod;
        return y < T.Zero ? -T.Zero : T.Zero;               // y is neither 0 nor NaN here
    }

    /// <summary>NumPy's <c>fmod</c> of floats, C's <c>fmod</c>: the remainder takes the sign of the dividend.</summary>
    /// <returns><c>x - trunc(x / y) * y</c>, exactly; NaN when <paramref name="y"/> is 0 or <paramref name="x"/> is infinite.</returns>
    public static T Fmod<T>(T x, T y) where T : IFloatingPointIeee754<T> => x % y;

    /// <summary>NumPy's <c>reciprocal</c> of a float: <c>1 / x</c> (±inf for ±0).</summary>
    public static T Reciprocal<T>(T x) where T : IFloatingPointIeee754<T> => T.One / x;

    /// <summary>+0, or -0 when <paramref name="like"/> is a negative number or -0 (C's <c>copysign(0, like)</c> for non-NaN).</summary>
    private static T ZeroWithSignOf<T>(T like) where T : IFloatingPointIeee754<T> =>
        like < T.Zero || (like == T.Zero && T.One / like < T.Zero) ? -T.Zero : T.Zero;

    private static T Half<T>() where T : IFloatingPointIeee754<T> => T.One / (T.One + T.One);
}
