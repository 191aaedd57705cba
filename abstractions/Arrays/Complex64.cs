using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace ArrayDispatch;

/// <summary>
/// NumPy's <c>complex64</c>: a complex number of two <see cref="float"/>s (8 bytes, real part first, as NumPy lays it
/// out). .NET has only <see cref="Complex"/>, NumPy's <c>complex128</c>; arithmetic here is done in <see cref="Complex"/>
/// (double precision) and rounded once to float32 per part.
/// </summary>
/// <remarks>
/// The name counts bits as NumPy does (64 bits in all), where some .NET libraries count the bits of one part
/// (MathNet's <c>Complex32</c>): <c>DType.Complex64</c> stores <see cref="Complex64"/>, <c>DType.Complex128</c> stores
/// <see cref="Complex"/>.
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public readonly struct Complex64 : INumberBase<Complex64>
{
    /// <summary>Creates <c>real + imaginary·j</c>.</summary>
    public Complex64(float real, float imaginary) { Real = real; Imaginary = imaginary; }

    /// <summary>The real part.</summary>
    public float Real { get; }

    /// <summary>The imaginary part.</summary>
    public float Imaginary { get; }

    /// <summary>0 + 0j.</summary>
    public static Complex64 Zero => default;

    /// <summary>1 + 0j.</summary>
    public static Complex64 One => new(1, 0);

    /// <summary>The imaginary unit, 0 + 1j.</summary>
    public static Complex64 ImaginaryOne => new(0, 1);

    /// <summary>Widens to <see cref="Complex"/> exactly.</summary>
    public static implicit operator Complex(Complex64 value) => new(value.Real, value.Imaginary);

    /// <summary>Rounds each part of <paramref name="value"/> to float32 (NumPy's complex128 to complex64 cast).</summary>
    public static explicit operator Complex64(Complex value) => new((float)value.Real, (float)value.Imaginary);

    /// <summary>A real value, <c>value + 0j</c>.</summary>
    public static implicit operator Complex64(float value) => new(value, 0);

    /// <summary>The sum.</summary>
    public static Complex64 operator +(Complex64 left, Complex64 right) => new(left.Real + right.Real, left.Imaginary + right.Imaginary);

    /// <summary>The difference.</summary>
    public static Complex64 operator -(Complex64 left, Complex64 right) => new(left.Real - right.Real, left.Imaginary - right.Imaginary);

    /// <summary>The product, computed in double precision and rounded once per part.</summary>
    public static Complex64 operator *(Complex64 left, Complex64 right) => (Complex64)((Complex)left * right);

    /// <summary>The quotient, computed in double precision (<see cref="Complex"/>'s scaled division) and rounded once per part.</summary>
    public static Complex64 operator /(Complex64 left, Complex64 right) => (Complex64)((Complex)left / right);

    /// <summary>The negation of both parts.</summary>
    public static Complex64 operator -(Complex64 value) => new(-value.Real, -value.Imaginary);

    /// <summary>The value itself.</summary>
    public static Complex64 operator +(Complex64 value) => value;

    /// <summary>Adds one to the real part.</summary>
    public static Complex64 operator ++(Complex64 value) => new(value.Real + 1, value.Imaginary);

    /// <summary>Subtracts one from the real part.</summary>
    public static Complex64 operator --(Complex64 value) => new(value.Real - 1, value.Imaginary);

    /// <summary>Whether both parts are equal (NaN parts are never equal, as in NumPy).</summary>
    public static bool operator ==(Complex64 left, Complex64 right) => left.Real == right.Real && left.Imaginary == right.Imaginary;

    /// <summary>Whether a part differs.</summary>
    public static bool operator !=(Complex64 left, Complex64 right) => !(left == right);

    /// <summary>The complex conjugate.</summary>
    public static Complex64 Conjugate(Complex64 value) => new(value.Real, -value.Imaginary);

    /// <summary>The magnitude, <c>|z|</c>, as float32.</summary>
    public static float Abs(Complex64 value) => (float)Complex.Abs(value);

    /// <inheritdoc/>
    public bool Equals(Complex64 other) => Real.Equals(other.Real) && Imaginary.Equals(other.Imaginary);

    /// <inheritdoc/>
    public override bool Equals([NotNullWhen(true)] object? obj) => obj is Complex64 other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Real, Imaginary);

    /// <summary><c>&lt;re; im&gt;</c>, as <see cref="Complex"/> writes itself.</summary>
    public override string ToString() => ((Complex)this).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public string ToString(string? format, IFormatProvider? formatProvider) => ((Complex)this).ToString(format, formatProvider);

    bool ISpanFormattable.TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        ((Complex)this).TryFormat(destination, out charsWritten, format, provider);

    bool IUtf8SpanFormattable.TryFormat(Span<byte> utf8Destination, out int bytesWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        ((Complex)this).TryFormat(utf8Destination, out bytesWritten, format, provider);

    static int INumberBase<Complex64>.Radix => 2;
    static Complex64 IAdditiveIdentity<Complex64, Complex64>.AdditiveIdentity => Zero;
    static Complex64 IMultiplicativeIdentity<Complex64, Complex64>.MultiplicativeIdentity => One;
    static Complex64 INumberBase<Complex64>.Abs(Complex64 value) => new(Abs(value), 0);
    static bool INumberBase<Complex64>.IsCanonical(Complex64 value) => true;
    static bool INumberBase<Complex64>.IsComplexNumber(Complex64 value) => value.Real != 0 && value.Imaginary != 0;
    static bool INumberBase<Complex64>.IsEvenInteger(Complex64 value) => value.Imaginary == 0 && float.IsEvenInteger(value.Real);
    static bool INumberBase<Complex64>.IsFinite(Complex64 value) => float.IsFinite(value.Real) && float.IsFinite(value.Imaginary);
    static bool INumberBase<Complex64>.IsImaginaryNumber(Complex64 value) => value.Real == 0 && float.IsRealNumber(value.Imaginary);
    static bool INumberBase<Complex64>.IsInfinity(Complex64 value) => float.IsInfinity(value.Real) || float.IsInfinity(value.Imaginary);
    static bool INumberBase<Complex64>.IsInteger(Complex64 value) => value.Imaginary == 0 && float.IsInteger(value.Real);
    static bool INumberBase<Complex64>.IsNaN(Complex64 value) => !Complex.IsInfinity(value) && !Complex.IsFinite(value);
    static bool INumberBase<Complex64>.IsNegative(Complex64 value) => value.Imaginary == 0 && float.IsNegative(value.Real);
    static bool INumberBase<Complex64>.IsNegativeInfinity(Complex64 value) => value.Imaginary == 0 && float.IsNegativeInfinity(value.Real);
    static bool INumberBase<Complex64>.IsNormal(Complex64 value) => Complex.IsNormal(value);
    static bool INumberBase<Complex64>.IsOddInteger(Complex64 value) => value.Imaginary == 0 && float.IsOddInteger(value.Real);
    static bool INumberBase<Complex64>.IsPositive(Complex64 value) => value.Imaginary == 0 && float.IsPositive(value.Real);
    static bool INumberBase<Complex64>.IsPositiveInfinity(Complex64 value) => value.Imaginary == 0 && float.IsPositiveInfinity(value.Real);
    static bool INumberBase<Complex64>.IsRealNumber(Complex64 value) => value.Imaginary == 0 && float.IsRealNumber(value.Real);
    static bool INumberBase<Complex64>.IsSubnormal(Complex64 value) => Complex.IsSubnormal(value);
    static bool INumberBase<Complex64>.IsZero(Complex64 value) => value.Real == 0 && value.Imaginary == 0;
    static Complex64 INumberBase<Complex64>.MaxMagnitude(Complex64 x, Complex64 y) => (Complex64)Complex.MaxMagnitude(x, y);
    static Complex64 INumberBase<Complex64>.MaxMagnitudeNumber(Complex64 x, Complex64 y) => (Complex64)Complex.MaxMagnitude(x, y);
    static Complex64 INumberBase<Complex64>.MinMagnitude(Complex64 x, Complex64 y) => (Complex64)Complex.MinMagnitude(x, y);
    static Complex64 INumberBase<Complex64>.MinMagnitudeNumber(Complex64 x, Complex64 y) => (Complex64)Complex.MinMagnitude(x, y);

    static Complex64 INumberBase<Complex64>.Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) => (Complex64)Complex.Parse(s, style, provider);
    static Complex64 INumberBase<Complex64>.Parse(string s, NumberStyles style, IFormatProvider? provider) => (Complex64)Complex.Parse(s, style, provider);
    static Complex64 ISpanParsable<Complex64>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => (Complex64)Complex.Parse(s, provider);
    static Complex64 IParsable<Complex64>.Parse(string s, IFormatProvider? provider) => (Complex64)Complex.Parse(s, provider);

    static bool INumberBase<Complex64>.TryParse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out Complex64 result) =>
        Narrow(Complex.TryParse(s, style, provider, out Complex c), c, out result);
    static bool INumberBase<Complex64>.TryParse([NotNullWhen(true)] string? s, NumberStyles style, IFormatProvider? provider, out Complex64 result) =>
        Narrow(Complex.TryParse(s, style, provider, out Complex c), c, out result);
    static bool ISpanParsable<Complex64>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Complex64 result) =>
        Narrow(Complex.TryParse(s, provider, out Complex c), c, out result);
    static bool IParsable<Complex64>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Complex64 result) =>
        Narrow(Complex.TryParse(s, provider, out Complex c), c, out result);

    // Conversions from other numbers: a real value rounds to float32 once (int64 → float32 directly, as NumPy casts).
    static bool INumberBase<Complex64>.TryConvertFromChecked<TOther>(TOther value, out Complex64 result) => TryFrom(value, out result);
    static bool INumberBase<Complex64>.TryConvertFromSaturating<TOther>(TOther value, out Complex64 result) => TryFrom(value, out result);
    static bool INumberBase<Complex64>.TryConvertFromTruncating<TOther>(TOther value, out Complex64 result) => TryFrom(value, out result);

    // Conversions to other numbers: the real part, as NumPy's complex-to-real cast (which warns that it drops the
    // imaginary part); a checked conversion refuses a non-zero imaginary part, as Complex's does.
    static bool INumberBase<Complex64>.TryConvertToChecked<TOther>(Complex64 value, [MaybeNullWhen(false)] out TOther result)
    {
        if (value.Imaginary != 0 && typeof(TOther) != typeof(Complex)) throw new OverflowException("a complex value with a non-zero imaginary part has no real counterpart");
        return TryTo(value, out result);
    }

    static bool INumberBase<Complex64>.TryConvertToSaturating<TOther>(Complex64 value, [MaybeNullWhen(false)] out TOther result) => TryTo(value, out result);
    static bool INumberBase<Complex64>.TryConvertToTruncating<TOther>(Complex64 value, [MaybeNullWhen(false)] out TOther result) => TryTo(value, out result);

    private static bool TryFrom<TOther>(TOther value, out Complex64 result) where TOther : INumberBase<TOther>
    {
        if (typeof(TOther) == typeof(Complex)) { result = (Complex64)(Complex)(object)value; return true; }
        if (typeof(TOther) == typeof(Complex64)) { result = (Complex64)(object)value; return true; }
        if (TOther.IsComplexNumber(value) || TOther.IsImaginaryNumber(value)) { result = default; return false; }
        if (!IsRealPrimitive<TOther>()) { result = default; return false; }
        result = new Complex64(float.CreateTruncating(value), 0);
        return true;
    }

    private static bool TryTo<TOther>(Complex64 value, [MaybeNullWhen(false)] out TOther result) where TOther : INumberBase<TOther>
    {
        if (typeof(TOther) == typeof(Complex)) { result = (TOther)(object)(Complex)value; return true; }
        result = TOther.CreateTruncating(value.Real);
        return true;
    }

    private static bool IsRealPrimitive<T>() =>
        typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(Half) || typeof(T) == typeof(long)
        || typeof(T) == typeof(int) || typeof(T) == typeof(short) || typeof(T) == typeof(sbyte) || typeof(T) == typeof(ulong)
        || typeof(T) == typeof(uint) || typeof(T) == typeof(ushort) || typeof(T) == typeof(byte) || typeof(T) == typeof(decimal)
        || typeof(T) == typeof(Int128) || typeof(T) == typeof(UInt128) || typeof(T) == typeof(nint) || typeof(T) == typeof(nuint);

    private static bool Narrow(bool ok, Complex value, out Complex64 result)
    {
        result = ok ? (Complex64)value : default;
        return ok;
    }
}
