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
