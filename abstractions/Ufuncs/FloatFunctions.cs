using System.Numerics;

namespace ArrayDispatch.Ufuncs;

/// <summary>
/// Float functions that .NET's generic math computes without the care NumPy's C library takes: <c>T.ExpM1</c> and
/// <c>T.LogP1</c> are <c>exp(x) - 1</c> and <c>log(1 + x)</c>, which lose every digit for tiny <c>x</c>. Written with
/// operators and <c>T.Exp</c>/<c>T.Log</c> only, so device kernels compile them too.
/// </summary>
public static class FloatFunctions
{
    /// <summary><c>exp(x) - 1</c> accurate near 0 (Kahan's correction).</summary>
    public static T Expm1<T>(T x) where T : IFloatingPointIeee754<T>
    {
        T u = T.Exp(x);
        if (u == T.One) return x;
        T um1 = u - T.One;
        if (um1 == -T.One || T.IsInfinity(u)) return um1;
        return um1 * x / T.Log(u);
    }

    /// <summary><c>log(1 + x)</c> accurate near 0 (Goldberg's correction).</summary>
    public static T Log1p<T>(T x) where T : IFloatingPointIeee754<T>
    {
        T u = T.One + x;
        if (u == T.One) return x;
        if (T.IsInfinity(u)) return T.Log(u);
        return T.Log(u) * x / (u - T.One);
    }
}
