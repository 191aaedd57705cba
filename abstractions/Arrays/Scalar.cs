using System.Globalization;

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
}

/// <summary>
/// A .NET scalar operand (<c>a + 1</c>, <c>a * 2.5</c>). Like a Python scalar under NEP 50 it is "weak": it takes the
/// dtype of the array it meets unless its kind is higher.
/// </summary>
public readonly record struct Scalar
{
    private readonly double _float;
    private readonly long _integer;

    private Scalar(ScalarKind kind, double f, long i) { Kind = kind; _float = f; _integer = i; }

    /// <summary>The kind of the value.</summary>
    public ScalarKind Kind { get; }

    /// <summary>The value as a double (exact for floats and for integers up to 2^53).</summary>
    public double AsDouble => Kind == ScalarKind.Float ? _float : _integer;

    /// <summary>The value as a long; floats are truncated toward zero.</summary>
    public long AsInt64 => Kind == ScalarKind.Float ? (long)_float : _integer;

    /// <summary>Whether the value is non-zero.</summary>
    public bool AsBool => Kind == ScalarKind.Float ? _float != 0 : _integer != 0;

    /// <summary>Whether the value is zero (the fill value of sparse arrays).</summary>
    public bool IsZero => Kind == ScalarKind.Float ? _float == 0 : _integer == 0;

    /// <summary>A float scalar.</summary>
    public static Scalar Float(double value) => new(ScalarKind.Float, value, 0);

    /// <summary>An integer scalar.</summary>
    public static Scalar Integer(long value) => new(ScalarKind.Integer, 0, value);

    /// <summary>A boolean scalar.</summary>
    public static Scalar Bool(bool value) => new(ScalarKind.Bool, 0, value ? 1 : 0);

    /// <summary>Converts the value to <typeparamref name="T"/> with C#'s (NumPy's unsafe) conversion rules.</summary>
    public T As<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(double)) { double v = AsDouble; return System.Runtime.CompilerServices.Unsafe.As<double, T>(ref v); }
        if (typeof(T) == typeof(float)) { float v = (float)AsDouble; return System.Runtime.CompilerServices.Unsafe.As<float, T>(ref v); }
        if (typeof(T) == typeof(long)) { long v = AsInt64; return System.Runtime.CompilerServices.Unsafe.As<long, T>(ref v); }
        if (typeof(T) == typeof(int)) { int v = (int)AsInt64; return System.Runtime.CompilerServices.Unsafe.As<int, T>(ref v); }
        if (typeof(T) == typeof(bool)) { bool v = AsBool; return System.Runtime.CompilerServices.Unsafe.As<bool, T>(ref v); }
        throw new NotSupportedException($"no dtype stores the .NET type '{typeof(T).Name}'");
    }

    /// <summary>Converts a <see cref="double"/>.</summary>
    public static implicit operator Scalar(double value) => Float(value);
    /// <summary>Converts a <see cref="long"/>.</summary>
    public static implicit operator Scalar(long value) => Integer(value);
    /// <summary>Converts a <see cref="bool"/>.</summary>
    public static implicit operator Scalar(bool value) => Bool(value);

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        ScalarKind.Float => _float.ToString("R", CultureInfo.InvariantCulture),
        ScalarKind.Bool => _integer != 0 ? "True" : "False",
        _ => _integer.ToString(CultureInfo.InvariantCulture),
    };
}
