using System.Numerics;
using ArrayDispatch.Scalars;

namespace ArrayDispatch.Sparse.Kernels.Ops;

// NumPy's unary ufuncs. Float functions compute through double and round to the dtype.
internal readonly struct NegativeOp : IUnaryOp
{
    public static string Name => "negative";
    public static bool FloatResult => false;
    public static T Apply<T>(T x) where T : unmanaged, INumber<T> => -x;
}

internal readonly struct PositiveOp : IUnaryOp
{
    public static string Name => "positive";
    public static bool FloatResult => false;
    public static T Apply<T>(T x) where T : unmanaged, INumber<T> => x;
}

internal readonly struct AbsOp : IUnaryOp
{
    public static string Name => "abs";
    public static bool FloatResult => false;
    public static T Apply<T>(T x) where T : unmanaged, INumber<T> => ElementwiseRules.Absolute(x);  // wraps at MinValue, as NumPy
}

internal readonly struct SignOp : IUnaryOp
{
    public static string Name => "sign";
    public static bool FloatResult => false;
    public static T Apply<T>(T x) where T : unmanaged, INumber<T> => T.IsNaN(x) ? x : x > T.Zero ? T.One : x < T.Zero ? -T.One : T.Zero;
}

internal readonly struct SquareOp : IUnaryOp
{
    public static string Name => "square";
    public static bool FloatResult => false;
    public static T Apply<T>(T x) where T : unmanaged, INumber<T> => x * x;
}

internal readonly struct ReciprocalOp : IUnaryOp
{
    public static string Name => "reciprocal";
    public static bool FloatResult => false;
    // NumPy's integer reciprocal of 0 is the dtype's minimum (iinfo.min), so f(0) != 0 and the rule refuses it.
    public static T Apply<T>(T x) where T : unmanaged, INumber<T> => ElementwiseRules.Reciprocal(x);
}

/// <summary>A float function of one argument, computed in double: <typeparamref name="TF"/> names it.</summary>
internal readonly struct FloatUnaryOp<TF> : IUnaryOp where TF : struct, IFloatFunction
{
    public static string Name => TF.Name;
    public static bool FloatResult => TF.FloatResult;
    public static T Apply<T>(T x) where T : unmanaged, INumber<T> => OpMath.F<T>(TF.Apply(OpMath.D(x)));
}

/// <summary>One double function (Math.Sin, …).</summary>
internal interface IFloatFunction
{
    static abstract string Name { get; }
    static virtual bool FloatResult => true;
    static abstract double Apply(double x);
}

internal readonly struct SqrtF : IFloatFunction { public static string Name => "sqrt"; public static double Apply(double x) => Math.Sqrt(x); }
internal readonly struct ExpF : IFloatFunction { public static string Name => "exp"; public static double Apply(double x) => Math.Exp(x); }
internal readonly struct Expm1F : IFloatFunction { public static string Name => "expm1"; public static double Apply(double x) => Math.Abs(x) < 1e-5 ? x + x * x / 2 + x * x * x / 6 : Math.Exp(x) - 1; }
internal readonly struct LogF : IFloatFunction { public static string Name => "log"; public static double Apply(double x) => Math.Log(x); }
internal readonly struct Log1pF : IFloatFunction { public static string Name => "log1p"; public static double Apply(double x) => Math.Abs(x) < 1e-4 ? x - x * x / 2 + x * x * x / 3 - x * x * x * x / 4 : Math.Log(1 + x); }
internal readonly struct Log2F : IFloatFunction { public static string Name => "log2"; public static double Apply(double x) => Math.Log2(x); }
internal readonly struct Log10F : IFloatFunction { public static string Name => "log10"; public static double Apply(double x) => Math.Log10(x); }
internal readonly struct SinF : IFloatFunction { public static string Name => "sin"; public static double Apply(double x) => Math.Sin(x); }
internal readonly struct CosF : IFloatFunction { public static string Name => "cos"; public static double Apply(double x) => Math.Cos(x); }
internal readonly struct TanF : IFloatFunction { public static string Name => "tan"; public static double Apply(double x) => Math.Tan(x); }
internal readonly struct ArcsinF : IFloatFunction { public static string Name => "arcsin"; public static double Apply(double x) => Math.Asin(x); }
internal readonly struct ArccosF : IFloatFunction { public static string Name => "arccos"; public static double Apply(double x) => Math.Acos(x); }
internal readonly struct ArctanF : IFloatFunction { public static string Name => "arctan"; public static double Apply(double x) => Math.Atan(x); }
internal readonly struct SinhF : IFloatFunction { public static string Name => "sinh"; public static double Apply(double x) => Math.Sinh(x); }
internal readonly struct CoshF : IFloatFunction { public static string Name => "cosh"; public static double Apply(double x) => Math.Cosh(x); }
internal readonly struct TanhF : IFloatFunction { public static string Name => "tanh"; public static double Apply(double x) => Math.Tanh(x); }
internal readonly struct ArcsinhF : IFloatFunction { public static string Name => "arcsinh"; public static double Apply(double x) => Math.Asinh(x); }
internal readonly struct ArccoshF : IFloatFunction { public static string Name => "arccosh"; public static double Apply(double x) => Math.Acosh(x); }
internal readonly struct ArctanhF : IFloatFunction { public static string Name => "arctanh"; public static double Apply(double x) => Math.Atanh(x); }
internal readonly struct FloorF : IFloatFunction { public static string Name => "floor"; public static double Apply(double x) => Math.Floor(x); }
internal readonly struct CeilF : IFloatFunction { public static string Name => "ceil"; public static double Apply(double x) => Math.Ceiling(x); }
internal readonly struct TruncF : IFloatFunction { public static string Name => "trunc"; public static double Apply(double x) => Math.Truncate(x); }
internal readonly struct RintF : IFloatFunction { public static string Name => "rint"; public static double Apply(double x) => Math.Round(x, MidpointRounding.ToEven); }

internal readonly struct IsNaNOp : IUnaryPredicate
{
    public static string Name => "isnan";
    public static bool Apply<T>(T x) where T : unmanaged, INumber<T> => T.IsNaN(x);
}

internal readonly struct IsInfOp : IUnaryPredicate
{
    public static string Name => "isinf";
    public static bool Apply<T>(T x) where T : unmanaged, INumber<T> => T.IsInfinity(x);
}

internal readonly struct IsFiniteOp : IUnaryPredicate
{
    public static string Name => "isfinite";
    public static bool Apply<T>(T x) where T : unmanaged, INumber<T> => T.IsFinite(x);
}

internal readonly struct LogicalNotOp : IUnaryPredicate
{
    public static string Name => "logical_not";
    public static bool Apply<T>(T x) where T : unmanaged, INumber<T> => x == T.Zero;
}
