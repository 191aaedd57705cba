namespace ArrayDispatch;

// Parsing NumPy's dtype spellings.
public static partial class DTypes
{
    /// <summary>
    /// Parses a NumPy dtype spelling: a name (<c>"uint8"</c>, <c>"float64"</c>, <c>"complex"</c>), an array-protocol string
    /// with or without a byte order (<c>"u1"</c>, <c>"&lt;u2"</c>, <c>"&gt;i4"</c>, <c>"|b1"</c>) or a one-letter code
    /// (<c>"B"</c>, <c>"e"</c>, <c>"F"</c>, <c>"D"</c>).
    /// </summary>
    /// <remarks>
    /// NumPy's abstract names mean what <c>numpy.dtype(name)</c> gives on 64-bit Linux: <c>"float"</c> (Python's float)
    /// and <c>"double"</c> are float64, <c>"int"</c>, <c>"long"</c> and <c>"intp"</c> are int64, <c>"intc"</c> is int32,
    /// <c>"uint"</c> and <c>"L"</c> are uint64, <c>"complex"</c> and <c>"cfloat"</c> are complex128. One-letter codes are
    /// case-sensitive as in NumPy (<c>"b"</c> is int8, <c>"B"</c> uint8); longer names are not. The byte order only says
    /// how the bytes lie in a file or buffer, so <c>"&gt;i4"</c> is int32 (see <see cref="TryParse(string?, out DType, out bool)"/>).
    /// </remarks>
    /// <exception cref="ArgumentException">The spelling is not a dtype ArrayDispatch supports.</exception>
    public static DType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryParse(name, out DType dtype)) return dtype;
        throw new ArgumentException($"data type '{name}' not understood; supported: {AllNames}", nameof(name));
    }

    /// <summary>Parses a NumPy dtype spelling; returns <see langword="false"/> when it is not supported.</summary>
    public static bool TryParse(string? name, out DType dtype) => TryParse(name, out dtype, out _);

    /// <summary>
    /// Parses a NumPy dtype spelling and its byte order: <paramref name="bigEndian"/> is <see langword="true"/> for a
    /// leading <c>&gt;</c> (or <c>!</c>) on a type wider than one byte; <c>&lt;</c>, <c>=</c> and <c>|</c> mean little-endian
    /// (this machine's order).
    /// </summary>
    public static bool TryParse(string? name, out DType dtype, out bool bigEndian)
    {
        dtype = default;
        bigEndian = false;
        string? s = name?.Trim();
        if (string.IsNullOrEmpty(s)) return false;
        char order = s[0];
        if (order is '<' or '>' or '=' or '|' or '!')
        {
            s = s[1..];
            if (s.Length == 0) return false;
        }
        if (!TryParseBare(s, out dtype)) return false;
        bigEndian = order is '>' or '!' && dtype.ItemSize() > 1;
        return true;
    }

    private static bool TryParseBare(string s, out DType dtype)
    {
        // One-letter codes are case-sensitive in NumPy ('b' int8, 'B' uint8; 'f' float32, 'F' complex64; 'l' int64, 'L' uint64).
        if (s.Length == 1)
        {
            int i = Code.IndexOf(s[0], StringComparison.Ordinal);
            if (i >= 0) { dtype = All[i]; return true; }
            dtype = s[0] switch { 'q' or 'p' => DType.Int64, 'Q' or 'P' => DType.UInt64, _ => (DType)255 };
            return dtype.IsKnown();
        }
        dtype = s.ToLowerInvariant() switch
        {
            "bool" or "bool_" or "bool8" or "b1" or "boolean" => DType.Bool,
            "int8" or "i1" or "byte" => DType.Int8,
            "int16" or "i2" or "short" => DType.Int16,
            "int32" or "i4" or "intc" => DType.Int32,
            "int64" or "i8" or "int" or "int_" or "intp" or "long" or "longlong" => DType.Int64,
            "uint8" or "u1" or "ubyte" => DType.UInt8,
            "uint16" or "u2" or "ushort" => DType.UInt16,
            "uint32" or "u4" or "uintc" => DType.UInt32,
            "uint64" or "u8" or "uint" or "uintp" or "ulong" or "ulonglong" => DType.UInt64,
            "float16" or "f2" or "half" => DType.Float16,
            "float32" or "f4" or "single" => DType.Float32,
            "float64" or "f8" or "float" or "float_" or "double" => DType.Float64,
            "complex64" or "c8" or "csingle" or "singlecomplex" => DType.Complex64,
            "complex128" or "c16" or "complex" or "complex_" or "cdouble" or "cfloat" => DType.Complex128,
            _ => (DType)255,
        };
        return dtype.IsKnown();
    }
}
