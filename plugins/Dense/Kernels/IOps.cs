using System.Numerics;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>A unary operation on any numeric element type (<c>negative</c>, <c>abs</c>, <c>square</c>, <c>sign</c>).</summary>
public interface INumericUnaryOp
{
    /// <summary>The operation on one element.</summary>
    static abstract T Apply<T>(T x) where T : unmanaged, INumber<T>;

    /// <summary>The vectorized form over a span, when there is one; returns false to fall back to <see cref="Apply{T}"/>.</summary>
    static virtual bool TryApply<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, INumber<T> => false;
}

/// <summary>A unary operation on floating-point elements (<c>exp</c>, <c>sin</c>, <c>floor</c>, ...).</summary>
public interface IFloatUnaryOp
{
    /// <summary>The operation on one element.</summary>
    static abstract T Apply<T>(T x) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>The vectorized form over a span, when there is one.</summary>
    static virtual bool TryApply<T>(ReadOnlySpan<T> x, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T> => false;
}

/// <summary>A test of one element (<c>isnan</c>, <c>isinf</c>, <c>isfinite</c>).</summary>
public interface IPredicateOp
{
    /// <summary>The test.</summary>
    static abstract bool Apply<T>(T x) where T : unmanaged, INumber<T>;
}

/// <summary>A binary operation on any numeric element type (<c>add</c>, <c>maximum</c>, <c>floor_divide</c>, ...).</summary>
public interface INumericBinaryOp
{
    /// <summary>The operation on one pair.</summary>
    static abstract T Apply<T>(T x, T y) where T : unmanaged, INumber<T>;

    /// <summary>The vectorized form over two spans, when there is one.</summary>
    static virtual bool TryApply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) where T : unmanaged, INumber<T> => false;

    /// <summary>The vectorized form of span op scalar, when there is one.</summary>
    static virtual bool TryApply<T>(ReadOnlySpan<T> x, T y, Span<T> destination) where T : unmanaged, INumber<T> => false;

    /// <summary>The vectorized form of scalar op span, when there is one.</summary>
    static virtual bool TryApply<T>(T x, ReadOnlySpan<T> y, Span<T> destination) where T : unmanaged, INumber<T> => false;
}

/// <summary>A binary operation on floating-point elements (<c>divide</c>, <c>arctan2</c>, <c>hypot</c>).</summary>
public interface IFloatBinaryOp
{
    /// <summary>The operation on one pair.</summary>
    static abstract T Apply<T>(T x, T y) where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>The vectorized form over two spans, when there is one.</summary>
    static virtual bool TryApply<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T> => false;

    /// <summary>The vectorized form of span op scalar, when there is one.</summary>
    static virtual bool TryApply<T>(ReadOnlySpan<T> x, T y, Span<T> destination) where T : unmanaged, IFloatingPointIeee754<T> => false;
}

/// <summary>A comparison (<c>equal</c>, <c>less</c>, ...).</summary>
public interface ICompareOp
{
    /// <summary>The comparison of one pair.</summary>
    static abstract bool Apply<T>(T x, T y) where T : unmanaged, INumber<T>;
}

/// <summary>A bitwise operation on integers (<c>bitwise_and</c>, ...).</summary>
public interface IIntegerBinaryOp
{
    /// <summary>The operation on one pair.</summary>
    static abstract T Apply<T>(T x, T y) where T : unmanaged, IBinaryInteger<T>;
}

/// <summary>A logical operation on booleans (<c>logical_and</c>, ...).</summary>
public interface ILogicalOp
{
    /// <summary>The operation on one pair.</summary>
    static abstract bool Apply(bool x, bool y);
}
