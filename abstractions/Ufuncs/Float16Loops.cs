using System.Numerics;
using System.Runtime.CompilerServices;

namespace ArrayDispatch.Ufuncs;

/// <summary>
/// NumPy's float16 loops: each value is widened to float32, the float32 loop runs, and the result is rounded to float16
/// once (<c>npy_half_to_float</c> / <c>npy_float_to_half</c>). A backend runs its float16 element loops through these
/// rather than calling an op's <c>Float&lt;Half&gt;</c>, whose intermediate steps would each round to float16 and overflow
/// where NumPy's do not (<c>expm1(10)</c> is 22032 in NumPy; in float16 steps its <c>(e^x - 1)·x</c> is infinite).
/// An op whose answer depends on float16's own spacing (<c>nextafter</c>, <c>spacing</c>) has its own float16 loop on
/// the bit pattern instead (<see cref="IBinaryOp.HasFloat16Loop"/>).
/// </summary>
public static class Float16Loops
{
    /// <summary>The float16 loop of a binary op.</summary>
    public static Half Binary<TOp>(Half x, Half y) where TOp : IBinaryOp => TOp.HasFloat16Loop
        ? BitConverter.UInt16BitsToHalf(TOp.Float16(BitConverter.HalfToUInt16Bits(x), BitConverter.HalfToUInt16Bits(y)))
        : (Half)TOp.Float((float)x, (float)y);

    /// <summary>The float16 loop of a unary op.</summary>
    public static Half Unary<TOp>(Half x) where TOp : IUnaryOp => TOp.HasFloat16Loop
        ? BitConverter.UInt16BitsToHalf(TOp.Float16(BitConverter.HalfToUInt16Bits(x)))
        : (Half)TOp.Float((float)x);

    /// <summary>
    /// A binary op's float loop for any IEEE element type, float16 NumPy's way: what a backend's generic element loop
    /// calls (the type test folds away when the JIT specialises it per <typeparamref name="T"/>).
    /// </summary>
    public static T Float<TOp, T>(T x, T y) where TOp : IBinaryOp where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(Half)) return TOp.Float(x, y);
        Half h = Binary<TOp>(Unsafe.As<T, Half>(ref x), Unsafe.As<T, Half>(ref y));
        return Unsafe.As<Half, T>(ref h);
    }

    /// <summary>A unary op's float loop for any IEEE element type, float16 NumPy's way.</summary>
    public static T Float<TOp, T>(T x) where TOp : IUnaryOp where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (typeof(T) != typeof(Half)) return TOp.Float(x);
        Half h = Unary<TOp>(Unsafe.As<T, Half>(ref x));
        return Unsafe.As<Half, T>(ref h);
    }
}
