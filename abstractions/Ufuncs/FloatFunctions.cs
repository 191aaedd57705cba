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

    /// <summary>
    /// The neighbour of <paramref name="x"/> towards +∞ (<paramref name="up"/>) or -∞: C's <c>nextafter(x, ±inf)</c>.
    /// Written with arithmetic only, without reading the bits (<c>T.BitIncrement</c> goes through <c>BitConverter</c>,
    /// which ILGPU's PTX front end rejects): x moves by c = |x|·1.25·2^-p, which lies strictly between half the spacing
    /// above |x| and one and a half times it (and below three quarters of the spacing under a power of two), so the
    /// rounded sum is the neighbour. Where c would be subnormal and lose its digits, x is scaled by 2^(2p-2) first
    /// (exact) and back; subnormals and the smallest normal move by the smallest subnormal. The format's constants come
    /// from arithmetic too: 2^(1-p) is |3·(4/3 - 1) - 1| in any IEEE binary format.
    /// </summary>
    public static T Neighbour<T>(T x, bool up) where T : IFloatingPointIeee754<T>
    {
        T one = T.One, three = one + one + one, four = three + one;
        T eps = T.Abs((four / three - one) * three - one);    // 2^(1-p)
        T minNormal = T.Epsilon / eps;                        // T.Epsilon is the smallest subnormal
        if (T.IsNaN(x)) return x;
        if (T.IsInfinity(x))
        {
            T max = one / minNormal * (four - (eps + eps));   // (2 - 2^(1-p))·2^emax
            return x > T.Zero ? (up ? x : max) : (up ? -max : x);
        }
        T a = T.Abs(x);
        if (a <= minNormal) return up ? x + T.Epsilon : x - T.Epsilon;
        T k = eps * (four + one) / (four + four);              // 1.25·2^-p
        T eps2 = eps * eps;
        if (a < minNormal / eps2)
        {
            T xs = x / eps2, cs = T.Abs(xs) * k;
            return (up ? xs + cs : xs - cs) * eps2;
        }
        T c = a * k;
        return up ? x + c : x - c;
    }
}
