using System.Globalization;
using System.Numerics;
using ArrayDispatch.Scalars;

namespace ArrayDispatch;

/// <summary>The kind of a .NET scalar used as an operand; NEP 50 treats such scalars as "weak".</summary>
public enum ScalarKind : byte
{
    /// <summary>A <see cref="bool"/>.</summary>
    Bool,
    /// <summary>An integer (<see cref="int"/> or <see cref="long"/>).</summary>
    Integer,
    /// <summary>A floating-point number (<see cref="float"/> or <see cref="double"/>).</summary>
    Float,
    /// <summary>A complex number (<see cref="System.Numerics.Complex"/>), Python's <c>complex</c>.</summary>
    Complex,
}

/// <summary>
/// A .NET scalar operand (<c>a + 1</c>, <c>a * 2.5</c>). Like a Python scalar under NEP 50 it is "weak": it takes the
/// dtype of the array it meets unless its kind is higher.
/// </summary>
public readonly record struct Scalar
{
    private readonly double _float;
    private readonly long _integer;
    private readonly double _imaginary;
    private readonly bool _aboveInt64;   // an integer in (long.MaxValue, ulong.MaxValue]: _integer holds its bits

    private Scalar(ScalarKind kind, double f, long i, double imaginary = 0, bool aboveInt64 = false)
    {
        Kind = kind; _float = f; _integer = i; _imaginary = imaginary; _aboveInt64 = aboveInt64;
    }

    /// <summary>The kind of the value.</summary>
    public ScalarKind Kind { get; }

    /// <summary>The value as a double (exact for floats and for integers up to 2^53; the real part of a complex value).</summary>
    public double AsDouble => Kind is ScalarKind.Float or ScalarKind.Complex ? _float : _aboveInt64 ? (ulong)_integer : _integer;

    /// <summary>
    /// The value as a long; floats are truncated toward zero (a complex value's real part), an integer above
    /// <see cref="long.MaxValue"/> wraps (its 64 bits, as NumPy's unsafe cast of a uint64 to int64).
    /// </summary>
    public long AsInt64 => Kind is ScalarKind.Float or ScalarKind.Complex ? (long)_float : _integer;

    /// <summary>
    /// Whether the value is an integer above <see cref="long.MaxValue"/> (a <see cref="ulong"/>, Python's
    /// <c>2**64 - 1</c>): under NEP 50 it fits only uint64 arrays and is refused by the others.
    /// </summary>
    public bool ExceedsInt64 => _aboveInt64;

    /// <summary>The value as a complex number (imaginary part 0 unless the scalar is complex).</summary>
    public System.Numerics.Complex AsComplex => new(AsDouble, Kind == ScalarKind.Complex ? _imaginary : 0);

    /// <summary>Whether the value is non-zero.</summary>
    public bool AsBool => !IsZero;

    /// <summary>Whether the value is zero (the fill value of sparse arrays).</summary>
    public bool IsZero => Kind switch
    {
        ScalarKind.Float => _float == 0,
        ScalarKind.Complex => _float == 0 && _imaginary == 0,
        _ => _integer == 0,
    };

    /// <summary>A float scalar.</summary>
    public static Scalar Float(double value) => new(ScalarKind.Float, value, 0);

    /// <summary>An integer scalar.</summary>
    public static Scalar Integer(long value) => new(ScalarKind.Integer, 0, value);

    /// <summary>An integer scalar from an unsigned 64-bit value, kept exact above <see cref="long.MaxValue"/>.</summary>
    public static Scalar Integer(ulong value) => value <= long.MaxValue ? Integer((long)value) : new(ScalarKind.Integer, 0, unchecked((long)value), 0, aboveInt64: true);

    /// <summary>A boolean scalar.</summary>
    public static Scalar Bool(bool value) => new(ScalarKind.Bool, 0, value ? 1 : 0);

    /// <summary>A complex scalar, Python's <c>complex(real, imaginary)</c>.</summary>
    public static Scalar Complex(double real, double imaginary) => new(ScalarKind.Complex, real, 0, imaginary);

    /// <summary>Converts the value to <typeparamref name="T"/> by NumPy's unsafe cast (<see cref="Casts"/>): integers wrap,
    /// floats truncate, a complex value gives its real part to a real type.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not the element type of a dtype.</exception>
    public T As<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(bool)) return (T)(object)AsBool;
        if (typeof(T) == typeof(double)) return (T)(object)To<double>();
        if (typeof(T) == typeof(float)) return (T)(object)To<float>();
        if (typeof(T) == typeof(long)) return (T)(object)To<long>();
        if (typeof(T) == typeof(int)) return (T)(object)To<int>();
        if (typeof(T) == typeof(sbyte)) return (T)(object)To<sbyte>();
        if (typeof(T) == typeof(short)) return (T)(object)To<short>();
        if (typeof(T) == typeof(byte)) return (T)(object)To<byte>();
        if (typeof(T) == typeof(ushort)) return (T)(object)To<ushort>();
        if (typeof(T) == typeof(uint)) return (T)(object)To<uint>();
        if (typeof(T) == typeof(ulong)) return (T)(object)To<ulong>();
        if (typeof(T) == typeof(Half)) return (T)(object)To<Half>();
        if (typeof(T) == typeof(Complex64)) return (T)(object)To<Complex64>();
        if (typeof(T) == typeof(System.Numerics.Complex)) return (T)(object)To<System.Numerics.Complex>();
        throw new NotSupportedException($"no dtype stores the .NET type '{typeof(T).Name}'");
    }

    private T To<T>() where T : INumberBase<T> => Kind switch
    {
        ScalarKind.Float => Casts.Convert<double, T>(_float),
        ScalarKind.Complex => Casts.Convert<System.Numerics.Complex, T>(AsComplex),
        _ => _aboveInt64 ? Casts.Convert<ulong, T>(unchecked((ulong)_integer)) : Casts.Convert<long, T>(_integer),
    };

    /// <summary>Converts a <see cref="double"/>.</summary>
    public static implicit operator Scalar(double value) => Float(value);
    /// <summary>Converts a <see cref="long"/>.</summary>
    public static implicit operator Scalar(long value) => Integer(value);
    /// <summary>Converts a <see cref="ulong"/>, exactly (not through <see cref="double"/>, which C# would pick otherwise).</summary>
    public static implicit operator Scalar(ulong value) => Integer(value);
    // The narrower integers convert exactly too: with both long and ulong conversions a C# int would otherwise have no
    // single best conversion (neither long nor ulong encompasses the other) and `Full(shape, 0)` would not compile.
    /// <summary>Converts an <see cref="int"/>.</summary>
    public static implicit operator Scalar(int value) => Integer(value);
    /// <summary>Converts a <see cref="uint"/>.</summary>
    public static implicit operator Scalar(uint value) => Integer(value);
    /// <summary>Converts a <see cref="short"/>.</summary>
    public static implicit operator Scalar(short value) => Integer(value);
    /// <summary>Converts a <see cref="ushort"/>.</summary>
    public static implicit operator Scalar(ushort value) => Integer(value);
    /// <summary>Converts an <see cref="sbyte"/>.</summary>
    public static implicit operator Scalar(sbyte value) => Integer(value);
    /// <summary>Converts a <see cref="byte"/>.</summary>
    public static implicit operator Scalar(byte value) => Integer(value);
    /// <summary>Converts a <see cref="bool"/>.</summary>
    public static implicit operator Scalar(bool value) => Bool(value);
    /// <summary>Converts a <see cref="System.Numerics.Complex"/>.</summary>
    public static implicit operator Scalar(System.Numerics.Complex value) => Complex(value.Real, value.Imaginary);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ScalarKind.Float => _float.ToString("R", CultureInfo.InvariantCulture),
        ScalarKind.Bool => _integer != 0 ? "True" : "False",
        ScalarKind.Complex => $"({_float.ToString("R", CultureInfo.InvariantCulture)}{(_imaginary >= 0 || double.IsNaN(_imaginary) ? "+" : "")}{_imaginary.ToString("R", CultureInfo.InvariantCulture)}j)",
        _ => _aboveInt64 ? unchecked((ulong)_integer).ToString(CultureInfo.InvariantCulture) : _integer.ToString(CultureInfo.InvariantCulture),
    };
}
