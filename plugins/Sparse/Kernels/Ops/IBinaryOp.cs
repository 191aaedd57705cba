using System.Numerics;

namespace ArrayDispatch.Sparse.Kernels.Ops;

/// <summary>An element-wise binary function whose result has the operands' (promoted) dtype.</summary>
internal interface IBinaryOp
{
    /// <summary>NumPy's name.</summary>
    static abstract string Name { get; }

    /// <summary>Whether integer (and bool) operands give a float64 result (true division, arctan2, hypot).</summary>
    static abstract bool FloatResult { get; }

    /// <summary><c>f(a, b)</c>.</summary>
    static abstract T Apply<T>(T a, T b) where T : unmanaged, INumber<T>;
}

/// <summary>An element-wise binary function with a bool result (comparisons, logical functions).</summary>
internal interface IPredicateOp
{
    /// <summary>NumPy's name.</summary>
    static abstract string Name { get; }

    /// <summary><c>f(a, b)</c>.</summary>
    static abstract bool Apply<T>(T a, T b) where T : unmanaged, INumber<T>;
}

/// <summary>An element-wise unary function.</summary>
internal interface IUnaryOp
{
    /// <summary>NumPy's name.</summary>
    static abstract string Name { get; }

    /// <summary>Whether integer (and bool) inputs give a float64 result (sqrt, sin, …).</summary>
    static abstract bool FloatResult { get; }

    /// <summary><c>f(x)</c>.</summary>
    static abstract T Apply<T>(T x) where T : unmanaged, INumber<T>;
}

/// <summary>An element-wise unary function with a bool result (<c>isnan</c>, <c>isfinite</c>, …).</summary>
internal interface IUnaryPredicate
{
    /// <summary>NumPy's name.</summary>
    static abstract string Name { get; }

    /// <summary><c>f(x)</c>.</summary>
    static abstract bool Apply<T>(T x) where T : unmanaged, INumber<T>;
}

/// <summary>Conversions used by operators that compute through <see cref="double"/>.</summary>
internal static class OpMath
{
    public static double D<T>(T x) where T : INumber<T> => double.CreateTruncating(x);

    public static T F<T>(double x) where T : INumber<T> => T.CreateTruncating(x);

    public static bool IsFloat<T>() => typeof(T) == typeof(double) || typeof(T) == typeof(float);
}
