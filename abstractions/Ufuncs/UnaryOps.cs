using System.Numerics;
using ArrayDispatch.Scalars;
using static ArrayDispatch.Ufuncs.ComplexFunctions;

namespace ArrayDispatch.Ufuncs;

#pragma warning disable CS1591 // each struct is the ufunc of the same name; the loops are the interface's

public readonly struct NegativeOp : IUnaryOp
{
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => T.Zero - x;   // wraps: -MinValue is MinValue; unsigned wraps too
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => -x;
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => -x;
}

public readonly struct PositiveOp : IUnaryOp
{
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => x;
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => x;
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => x;
}

/// <summary><c>absolute</c> (<c>abs</c>): <see cref="ElementwiseRules.Absolute{T}"/>; on bools the identity.</summary>
public readonly struct AbsOp : IUnaryOp
{
    public static bool Bool(bool x) => x;
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => ElementwiseRules.Absolute(x);
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => ElementwiseRules.Absolute(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Create<T>(Abs(Widen(x)), 0);
}

/// <summary><c>sign</c>: -1, 0 or 1; NaN for NaN (<c>T.Sign</c> throws on NaN).</summary>
public readonly struct SignOp : IUnaryOp
{
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => x > T.Zero ? T.One : x < T.Zero ? T.Zero - T.One : T.Zero;
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => x > T.Zero ? T.One : x < T.Zero ? -T.One : x;
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Sign(Widen(x)));
}

public readonly struct SquareOp : IUnaryOp
{
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => x * x;
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => x * x;
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Multiply(Widen(x), Widen(x)));
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
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Reciprocal(Widen(x)));
}

/// <summary><c>invert</c> (<c>~</c>): bitwise not; on bools logical not.</summary>
public readonly struct InvertOp : IUnaryOp
{
    public static bool Bool(bool x) => !x;
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => ~x;
}

public readonly struct SqrtOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Sqrt(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Sqrt(Widen(x)));
}

public readonly struct ExpOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Exp(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Exp(Widen(x)));
}

public readonly struct Expm1Op : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => FloatFunctions.Expm1(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Expm1(Widen(x)));
}

public readonly struct LogOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Log(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Log(Widen(x)));
}

public readonly struct Log1pOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => FloatFunctions.Log1p(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Log1p(Widen(x)));
}

public readonly struct Log2Op : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Log2(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Log2(Widen(x)));
}

public readonly struct Log10Op : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Log10(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Log10(Widen(x)));
}

public readonly struct SinOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Sin(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Sin(Widen(x)));
}

public readonly struct CosOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Cos(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Cos(Widen(x)));
}

public readonly struct TanOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Tan(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Tan(Widen(x)));
}

public readonly struct ArcsinOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Asin(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Asin(Widen(x)));
}

public readonly struct ArccosOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Acos(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Acos(Widen(x)));
}

public readonly struct ArctanOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Atan(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Atan(Widen(x)));
}

public readonly struct SinhOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Sinh(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Sinh(Widen(x)));
}

public readonly struct CoshOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Cosh(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Cosh(Widen(x)));
}

public readonly struct TanhOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Tanh(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Tanh(Widen(x)));
}

public readonly struct ArcsinhOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Asinh(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Asinh(Widen(x)));
}

public readonly struct ArccoshOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Acosh(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Acosh(Widen(x)));
}

public readonly struct ArctanhOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Atanh(x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Atanh(Widen(x)));
}

public readonly struct FloorOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Floor(x); }

public readonly struct CeilOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Ceiling(x); }

public readonly struct TruncOp : IUnaryOp { public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Truncate(x); }

/// <summary><c>rint</c>: round half to even.</summary>
public readonly struct RintOp : IUnaryOp
{
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Round(x);   // IFloatingPoint.Round rounds half to even
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Narrow<T>(Rint(Widen(x)));   // each part
}

public readonly struct IsNaNOp : IPredicateOp
{
    public static bool Bool(bool x) => false;
    public static bool Test<T>(T x) where T : unmanaged, INumber<T> => T.IsNaN(x);
    public static bool Complex<T>(T x) where T : unmanaged, INumberBase<T> => double.IsNaN(Re(x)) || double.IsNaN(Im(x));
}

public readonly struct IsInfOp : IPredicateOp
{
    public static bool Bool(bool x) => false;
    public static bool Test<T>(T x) where T : unmanaged, INumber<T> => T.IsInfinity(x);
    public static bool Complex<T>(T x) where T : unmanaged, INumberBase<T> => double.IsInfinity(Re(x)) || double.IsInfinity(Im(x));
}

public readonly struct IsFiniteOp : IPredicateOp
{
    public static bool Bool(bool x) => true;
    public static bool Test<T>(T x) where T : unmanaged, INumber<T> => T.IsFinite(x);
    public static bool Complex<T>(T x) where T : unmanaged, INumberBase<T> => double.IsFinite(Re(x)) && double.IsFinite(Im(x));
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
    public static bool Complex<T>(T x) where T : unmanaged, INumberBase<T> => T.IsZero(x);
}

/// <summary><c>conjugate</c> (<c>conj</c>): the complex conjugate; the identity on real numbers (bools go to int8, as NumPy's loops).</summary>
public readonly struct ConjugateOp : IUnaryOp
{
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => x;
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => x;
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Create<T>(Re(x), -Im(x));
}

/// <summary><c>real</c>: the real part (float32 for complex64, float64 for complex128); a real array's values as they are.</summary>
public readonly struct RealOp : IUnaryOp
{
    public static bool Bool(bool x) => x;
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => x;
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => x;
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Create<T>(Re(x), 0);
}

/// <summary><c>imag</c>: the imaginary part (real dtype for complex input); zeros of the input's dtype for a real array.</summary>
public readonly struct ImagOp : IUnaryOp
{
    public static bool Bool(bool x) => false;
    public static T Integer<T>(T x) where T : unmanaged, IBinaryInteger<T> => T.Zero;
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Zero;
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Create<T>(Im(x), 0);
}

/// <summary>
/// <c>angle</c>: <c>atan2(imag, real)</c> in radians, real dtype for complex input. NumPy computes <c>arctan2(0, x)</c>
/// for real input, so integers answer in their float loop's dtype, and bools in float64 (<c>0</c> is a Python int
/// there): the bool loop is all zeros and the declaration gives its result float64.
/// </summary>
public readonly struct AngleOp : IUnaryOp
{
    public static bool Bool(bool x) => false;
    public static T Float<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> => T.Atan2(T.Zero, x);
    public static T Complex<T>(T x) where T : unmanaged, INumberBase<T> => Create<T>(Angle(Widen(x)), 0);
}
