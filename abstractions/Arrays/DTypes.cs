using System.Numerics;

namespace ArrayDispatch;

/// <summary>Facts about <see cref="DType"/> values and NumPy's type promotion rules, shared by every backend.</summary>
public static partial class DTypes
{
    /// <summary>Every dtype, in NumPy's order of type numbers (bool, int8, …, complex128).</summary>
    public static IReadOnlyList<DType> All { get; } =
    [
        DType.Bool, DType.Int8, DType.Int16, DType.Int32, DType.Int64, DType.UInt8, DType.UInt16, DType.UInt32, DType.UInt64,
        DType.Float16, DType.Float32, DType.Float64, DType.Complex64, DType.Complex128,
    ];

    /// <summary>The size of one element in bytes.</summary>
    public static int ItemSize(this DType dtype) => dtype switch
    {
        DType.Bool or DType.Int8 or DType.UInt8 => 1,
        DType.Int16 or DType.UInt16 or DType.Float16 => 2,
        DType.Int32 or DType.UInt32 or DType.Float32 => 4,
        DType.Int64 or DType.UInt64 or DType.Float64 or DType.Complex64 => 8,
        DType.Complex128 => 16,
        _ => throw Unknown(dtype),
    };

    /// <summary>NumPy's name of the dtype, e.g. <c>"float64"</c>.</summary>
    public static string Name(this DType dtype) => dtype switch
    {
        DType.Bool => "bool",
        DType.Int8 => "int8",
        DType.Int16 => "int16",
        DType.Int32 => "int32",
        DType.Int64 => "int64",
        DType.UInt8 => "uint8",
        DType.UInt16 => "uint16",
        DType.UInt32 => "uint32",
        DType.UInt64 => "uint64",
        DType.Float16 => "float16",
        DType.Float32 => "float32",
        DType.Float64 => "float64",
        DType.Complex64 => "complex64",
        DType.Complex128 => "complex128",
        _ => $"dtype({(int)dtype})",
    };

    /// <summary>NumPy's one-letter type code (<c>numpy.dtype(...).char</c>): <c>?bhilBHILefdFD</c>.</summary>
    public static char Char(this DType dtype) => Code[Index(dtype)];

    /// <summary>Whether the dtype is a real floating-point type (float16, float32, float64).</summary>
    public static bool IsFloat(this DType dtype) => dtype is DType.Float16 or DType.Float32 or DType.Float64;

    /// <summary>Whether the dtype is an integer type, signed or unsigned (not bool).</summary>
    public static bool IsInteger(this DType dtype) => dtype.IsSignedInteger() || dtype.IsUnsignedInteger();

    /// <summary>Whether the dtype is a signed integer type (int8 … int64).</summary>
    public static bool IsSignedInteger(this DType dtype) => dtype is DType.Int8 or DType.Int16 or DType.Int32 or DType.Int64;

    /// <summary>Whether the dtype is an unsigned integer type (uint8 … uint64).</summary>
    public static bool IsUnsignedInteger(this DType dtype) => dtype is DType.UInt8 or DType.UInt16 or DType.UInt32 or DType.UInt64;

    /// <summary>Whether the dtype is a complex type (complex64, complex128).</summary>
    public static bool IsComplex(this DType dtype) => dtype is DType.Complex64 or DType.Complex128;

    /// <summary>Whether the dtype is floating or complex (NumPy's <c>inexact</c>).</summary>
    public static bool IsInexact(this DType dtype) => dtype.IsFloat() || dtype.IsComplex();

    /// <summary>Whether the dtype is numeric: every dtype but bool.</summary>
    public static bool IsNumeric(this DType dtype) => dtype != DType.Bool && IsKnown(dtype);

    /// <summary>Whether <paramref name="dtype"/> is one of the members of <see cref="DType"/>.</summary>
    public static bool IsKnown(this DType dtype) => (byte)dtype <= (byte)DType.Complex128;

    /// <summary>The real dtype of a complex dtype's parts (complex64 → float32, complex128 → float64); other dtypes unchanged.</summary>
    public static DType RealPart(this DType dtype) => dtype switch
    {
        DType.Complex64 => DType.Float32,
        DType.Complex128 => DType.Float64,
        _ => dtype,
    };

    /// <summary>The dtype that stores the .NET type <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no dtype.</exception>
    public static DType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(double)) return DType.Float64;
        if (typeof(T) == typeof(float)) return DType.Float32;
        if (typeof(T) == typeof(long)) return DType.Int64;
        if (typeof(T) == typeof(int)) return DType.Int32;
        if (typeof(T) == typeof(bool)) return DType.Bool;
        if (typeof(T) == typeof(sbyte)) return DType.Int8;
        if (typeof(T) == typeof(short)) return DType.Int16;
        if (typeof(T) == typeof(byte)) return DType.UInt8;
        if (typeof(T) == typeof(ushort)) return DType.UInt16;
        if (typeof(T) == typeof(uint)) return DType.UInt32;
        if (typeof(T) == typeof(ulong)) return DType.UInt64;
        if (typeof(T) == typeof(Half)) return DType.Float16;
        if (typeof(T) == typeof(Complex64)) return DType.Complex64;
        if (typeof(T) == typeof(Complex)) return DType.Complex128;
        throw new NotSupportedException($"no dtype stores the .NET type '{typeof(T).Name}'; supported: {ClrNames}");
    }

    /// <summary>The .NET element type that stores <paramref name="dtype"/>.</summary>
    public static Type ClrType(this DType dtype) => dtype switch
    {
        DType.Bool => typeof(bool),
        DType.Int8 => typeof(sbyte),
        DType.Int16 => typeof(short),
        DType.Int32 => typeof(int),
        DType.Int64 => typeof(long),
        DType.UInt8 => typeof(byte),
        DType.UInt16 => typeof(ushort),
        DType.UInt32 => typeof(uint),
        DType.UInt64 => typeof(ulong),
        DType.Float16 => typeof(Half),
        DType.Float32 => typeof(float),
        DType.Float64 => typeof(double),
        DType.Complex64 => typeof(Complex64),
        DType.Complex128 => typeof(Complex),
        _ => throw Unknown(dtype),
    };

    /// <summary>The names of every dtype, for messages: <c>bool, int8, …, complex128</c>.</summary>
    public static string AllNames => string.Join(", ", All.Select(d => d.Name()));

    private const string ClrNames = "bool, sbyte, short, int, long, byte, ushort, uint, ulong, Half, float, double, Complex64, Complex";

    // NumPy's type codes in the order of its type numbers; the promotion and casting tables are indexed by position here.
    private const string Code = "?bhilBHILefdFD";

    private static int Index(DType dtype) => dtype switch
    {
        DType.Bool => 0,
        DType.Int8 => 1,
        DType.Int16 => 2,
        DType.Int32 => 3,
        DType.Int64 => 4,
        DType.UInt8 => 5,
        DType.UInt16 => 6,
        DType.UInt32 => 7,
        DType.UInt64 => 8,
        DType.Float16 => 9,
        DType.Float32 => 10,
        DType.Float64 => 11,
        DType.Complex64 => 12,
        DType.Complex128 => 13,
        _ => throw Unknown(dtype),
    };

    private static DType FromChar(char c) => All[Code.IndexOf(c, StringComparison.Ordinal)];

    private static ArgumentOutOfRangeException Unknown(DType dtype) =>
        new(nameof(dtype), dtype, $"unknown dtype {(int)dtype}; supported: {AllNames}");
}
