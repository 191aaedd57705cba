using System.Numerics;
using ArrayDispatch.Scalars;

namespace ArrayDispatch.Ufuncs;

#pragma warning disable CS1591 // each struct is the ufunc of the same name; the loops are the interface's

public readonly struct NegativeOp : IUnaryOp
{
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => T.Zero - x;   // wraps: -MinValue is MinValue; unsigned wraps too
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => -x;
}

public readonly struct PositiveOp : IUnaryOp
{
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => x;
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => x;
}

/// <summary><c>absolute</c> (<c>abs</c>): <see cref="ElementwiseRules.Absolute{T}"/>; on bools the identity.</summary>
public readonly struct AbsOp : IUnaryOp
{
    public static bool Bool(bool x) => x;
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => ElementwiseRules.Absolute(x);
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => ElementwiseRules.Absolute(x);
}

/// <summary><c>sign</c>: -1, 0 or 1; NaN for NaN (<c>T.Sign</c> throws on NaN).</summary>
public readonly struct SignOp : IUnaryOp
{
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => x > T.Zero ? T.One : x < T.Zero ? T.Zero - T.One : T.Zero;
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => x > T.Zero ? T.One : x < T.Zero ? -T.One : x;
}

public readonly struct SquareOp : IUnaryOp
{
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => x * x;
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => x * x;
}

/// <summary>
/// <c>reciprocal</c>: integers truncate (<see cref="IntegerArithmetic.Reciprocal{T}"/>). NumPy's bool reciprocal is its
/// int8 loop, whose values are the input's (1/True = 1, 1/False truncates to 0): the bool loop is the identity and the
/// declaration gives its result an integer dtype.
/// </summary>
public readonly struct ReciprocalOp : IUnaryOp
{
    public static bool Bool(bool x) => x;
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => IntegerArithmetic.Reciprocal(x);
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => FloatArithmetic.Reciprocal(x);
}

/// <summary><c>invert</c> (<c>~</c>): bitwise not; on bools logical not.</summary>
public readonly struct InvertOp : IUnaryOp
{
    public static bool Bool(bool x) => !x;
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => ~x;
}

public readonly struct SqrtOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Sqrt(x); }

public readonly struct ExpOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Exp(x); }

public readonly struct Expm1Op : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => FloatFunctions.Expm1(x); }

public readonly struct LogOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Log(x); }

public readonly struct Log1pOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => FloatFunctions.Log1p(x); }

public readonly struct Log2Op : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Log2(x); }

public readonly struct Log10Op : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Log10(x); }

public readonly struct SinOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Sin(x); }

public readonly struct CosOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Cos(x); }

public readonly struct TanOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Tan(x); }

public readonly struct ArcsinOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Asin(x); }

public readonly struct ArccosOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Acos(x); }

public readonly struct ArctanOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Atan(x); }

public readonly struct SinhOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Sinh(x); }

public readonly struct CoshOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Cosh(x); }

public readonly struct TanhOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Tanh(x); }

public readonly struct ArcsinhOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Asinh(x); }

public readonly struct ArccoshOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Acosh(x); }

public readonly struct ArctanhOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Atanh(x); }

public readonly struct FloorOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Floor(x); }

public readonly struct CeilOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Ceiling(x); }

public readonly struct TruncOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Truncate(x); }

/// <summary><c>rint</c>: round half to even.</summary>
public readonly struct RintOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Round(x); }   // IFloatingPoint.Round rounds half to even

public readonly struct IsNaNOp : IPredicateOp
{
    public static bool Bool(bool x) => false;
    public static bool Test<T>(T x) where T : unmanaged, INumber<T> => T.IsNaN(x);
}

public readonly struct IsInfOp : IPredicateOp
{
    public static bool Bool(bool x) => false;
    public static bool Test<T>(T x) where T : unmanaged, INumber<T> => T.IsInfinity(x);
}

public readonly struct IsFiniteOp : IPredicateOp
{
    public static bool Bool(bool x) => true;
    public static bool Test<T>(T x) where T : unmanaged, INumber<T> => T.IsFinite(x);
}

/// <summary><c>signbit</c>: whether the sign bit is set, so <c>-0.0</c> and negative NaNs count.</summary>
public readonly struct SignbitOp : IPredicateOp
{
    public static bool Bool(bool x) => false;
    public static bool Test<T>(T x) where T : unmanaged, INumber<T> => T.IsNegative(x);
}

/// <summary><c>logical_not</c>: the input as a truth value, negated.</summary>
public readonly struct LogicalNotOp : IPredicateOp
{
    public static bool Bool(bool x) => !x;
    public static bool Test<T>(T x) where T : unmanaged, INumber<T> => x == T.Zero;
}
