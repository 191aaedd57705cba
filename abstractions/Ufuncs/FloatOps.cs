using System.Numerics;
using static ArrayDispatch.Ufuncs.ComplexFunctions;

namespace ArrayDispatch.Ufuncs;

#pragma warning disable CS1591 // each struct is the ufunc of the same name; the loops are the interface's

/// <summary><c>exp2</c>: 2**x; for complex <c>exp(z·ln 2)</c>, as NumPy's <c>nc_exp2</c>.</summary>
public readonly struct Exp2Op : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Exp2(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Exp2(Widen(x)));
}

/// <summary><c>cbrt</c>: the real cube root (negative for negative x).</summary>
public readonly struct CbrtOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Cbrt(x); }

/// <summary><c>fabs</c>: the absolute value as a float (no integer loop: integers compute in float, unlike <c>abs</c>).</summary>
public readonly struct FabsOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Abs(x); }

/// <summary>
/// <c>deg2rad</c> (<c>radians</c>): <c>x · (π/180)</c> with the constant rounded once, as NumPy's loop
/// (<c>DegreesToRadians(1)</c> is that constant; <c>DegreesToRadians(x)</c> computes <c>x·π/180</c>, which rounds twice).
/// </summary>
public readonly struct Deg2radOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => x * T.DegreesToRadians(T.One); }

/// <summary><c>rad2deg</c> (<c>degrees</c>): <c>x · (180/π)</c> with the constant rounded once, as NumPy's loop.</summary>
public readonly struct Rad2degOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => x * T.RadiansToDegrees(T.One); }

/// <summary><c>heaviside(x1, x2)</c>: 0 for negative x1, x2 where x1 is zero, 1 for positive x1, NaN for NaN.</summary>
public readonly struct HeavisideOp : IBinaryOp
{
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.IsNaN(x) ? x : x == T.Zero ? y : x < T.Zero ? T.Zero : T.One;
}

/// <summary>
/// <c>nextafter(x1, x2)</c>: the next representable value after x1 towards x2; x2 itself when they are equal (C's
/// <c>nextafter</c>), NaN when either is NaN. float16 steps by float16's own spacing on its bit pattern, as NumPy's
/// <c>npy_half_nextafter</c> (which answers x1 when they are equal).
/// </summary>
public readonly struct NextafterOp : IBinaryOp
{
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.IsNaN(x) || T.IsNaN(y) ? x + y : x == y ? y : FloatFunctions.Neighbour(x, x < y);

    public static bool HasFloat16Loop => true;

    public static ushort Float16(ushort x, ushort y)
    {
        if ((x & 0x7fff) > 0x7c00 || (y & 0x7fff) > 0x7c00) return 0x7e00;
        if (x == y || ((x | y) & 0x7fff) == 0) return x;
        if ((x & 0x7fff) == 0) return (ushort)((y & 0x8000) + 1);
        if ((x & 0x8000) == 0) return (short)x > (short)y ? (ushort)(x - 1) : (ushort)(x + 1);
        return (y & 0x8000) == 0 || (x & 0x7fff) > (y & 0x7fff) ? (ushort)(x - 1) : (ushort)(x + 1);
    }
}

/// <summary>
/// <c>spacing(x)</c>: the distance from x to the next representable value away from zero, negative for negative x (NaN
/// for infinities). float16 follows NumPy's <c>npy_half_spacing</c> on the bit pattern: always positive, and for a
/// negative power of two the spacing below it.
/// </summary>
public readonly struct SpacingOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.IsInfinity(x) ? T.NaN : FloatFunctions.Neighbour(x, !(x < T.Zero)) - x;

    public static bool HasFloat16Loop => true;

    public static ushort Float16(ushort h)
    {
        int exp = h & 0x7c00, sig = h & 0x03ff;
        if (exp == 0x7c00) return 0x7e00;
        if (h == 0x7bff) return 0x7c00;
        if ((h & 0x8000) != 0 && sig == 0)
        {
            if (exp > 0x2c00) return (ushort)(exp - 0x2c00);
            if (exp > 0x0400) return (ushort)(1 << ((exp >> 10) - 2));
            return 0x0001;
        }
        if (exp > 0x2800) return (ushort)(exp - 0x2800);
        if (exp > 0x0400) return (ushort)(1 << ((exp >> 10) - 1));
        return 0x0001;
    }
}

/// <summary>
/// <c>float_power(x1, x2)</c>: <c>x1 ** x2</c> computed in float64 (complex128 for complex input) whatever the input
/// dtypes: the ufunc is declared double-precision (<see cref="Ufunc.DoublePrecision"/>), so its loops run only on those.
/// </summary>
public readonly struct FloatPowerOp : IBinaryOp
{
    public static T Float<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T> => T.Pow(x, y);
    public static T Complex<T>(T x, T y) where T : unmanaged, INumberBase<T> => Narrow<T>(Power(Widen(x), Widen(y)));
}
