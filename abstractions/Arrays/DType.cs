namespace ArrayDispatch;

/// <summary>The element type of an array, named as NumPy names it.</summary>
/// <remarks>The order of the members is the order of NumPy's promotion lattice for these types.</remarks>
public enum DType : byte
{
    /// <summary>Boolean, <c>numpy.bool_</c>; stored as one byte per element.</summary>
    Bool,
    /// <summary>32-bit signed integer, <c>numpy.int32</c>.</summary>
    Int32,
    /// <summary>64-bit signed integer, <c>numpy.int64</c>.</summary>
    Int64,
    /// <summary>32-bit IEEE float, <c>numpy.float32</c>.</summary>
    Float32,
    /// <summary>64-bit IEEE float, <c>numpy.float64</c>.</summary>
    Float64,
}

/// <summary>Facts about <see cref="DType"/> values and NumPy's type promotion rules, shared by every backend.</summary>
public static class DTypes
{
    /// <summary>The size of one element in bytes.</summary>
    public static int ItemSize(this DType dtype) => dtype switch
    {
        DType.Bool => 1,
        DType.Int32 or DType.Float32 => 4,
        DType.Int64 or DType.Float64 => 8,
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, $"unknown dtype {(int)dtype}"),
    };

    /// <summary>NumPy's name of the dtype, e.g. <c>"float64"</c>.</summary>
    public static string Name(this DType dtype) => dtype switch
    {
        DType.Bool => "bool",
        DType.Int32 => "int32",
        DType.Int64 => "int64",
        DType.Float32 => "float32",
        DType.Float64 => "float64",
        _ => $"dtype({(int)dtype})",
    };

    /// <summary>Whether the dtype is a floating-point type.</summary>
    public static bool IsFloat(this DType dtype) => dtype is DType.Float32 or DType.Float64;

    /// <summary>Whether the dtype is a signed integer type.</summary>
    public static bool IsInteger(this DType dtype) => dtype is DType.Int32 or DType.Int64;

    /// <summary>Parses a NumPy dtype name (<c>"float64"</c>, <c>"f8"</c>, <c>"int"</c>, <c>"bool"</c>, …).</summary>
    /// <remarks>
    /// NumPy's abstract names mean what <c>numpy.dtype(name)</c> gives on 64-bit Linux: <c>"float"</c> (Python's float)
    /// and <c>"double"</c> are float64, <c>"int"</c>, <c>"long"</c> and <c>"intp"</c> are int64, <c>"intc"</c> is int32.
    /// </remarks>
    /// <exception cref="ArgumentException">The name is not a supported dtype.</exception>
    public static DType Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (TryParse(name, out DType dtype)) return dtype;
        string unsupported = name.Trim().ToLowerInvariant() is var n && (n.StartsWith("complex", StringComparison.Ordinal) || n is "c8" or "c16" or "<c8" or "<c16" or "cfloat" or "cdouble" or "csingle")
            ? "; ArrayDispatch has no complex dtype"
            : "";
        throw new ArgumentException($"data type '{name}' not understood{unsupported}; supported: bool, int32, int64, float32, float64", nameof(name));
    }

    /// <summary>Parses a NumPy dtype name; returns <see langword="false"/> when it is not supported.</summary>
    public static bool TryParse(string? name, out DType dtype)
    {
        switch (name?.Trim())
        {
            // Single-character codes are case-sensitive in NumPy ('l' is int64, 'L' uint64; 'f' float32, 'F' complex64).
            case "?" or "i" or "l" or "q" or "p" or "f" or "d":
                dtype = name.Trim() switch { "?" => DType.Bool, "i" => DType.Int32, "f" => DType.Float32, "d" => DType.Float64, _ => DType.Int64 };
                return true;
        }
        switch (name?.Trim().ToLowerInvariant())
        {
            case "bool" or "bool_" or "b1" or "|b1" or "boolean": dtype = DType.Bool; return true;
            case "int32" or "i4" or "<i4" or "intc": dtype = DType.Int32; return true;
            case "int64" or "i8" or "<i8" or "int" or "int_" or "intp" or "long" or "longlong": dtype = DType.Int64; return true;
            case "float32" or "f4" or "<f4" or "single": dtype = DType.Float32; return true;
            case "float64" or "f8" or "<f8" or "float" or "float_" or "double": dtype = DType.Float64; return true;
            default: dtype = default; return false;
        }
    }

    /// <summary>The dtype that stores the .NET type <typeparamref name="T"/>.</summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> has no dtype.</exception>
    public static DType Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(double)) return DType.Float64;
        if (typeof(T) == typeof(float)) return DType.Float32;
        if (typeof(T) == typeof(long)) return DType.Int64;
        if (typeof(T) == typeof(int)) return DType.Int32;
        if (typeof(T) == typeof(bool)) return DType.Bool;
        throw new NotSupportedException($"no dtype stores the .NET type '{typeof(T).Name}'; supported: bool, int, long, float, double");
    }

    /// <summary>The .NET element type that stores <paramref name="dtype"/>.</summary>
    public static Type ClrType(this DType dtype) => dtype switch
    {
        DType.Bool => typeof(bool),
        DType.Int32 => typeof(int),
        DType.Int64 => typeof(long),
        DType.Float32 => typeof(float),
        DType.Float64 => typeof(double),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype), dtype, $"unknown dtype {(int)dtype}"),
    };

    /// <summary>NumPy's <c>result_type</c> of two array dtypes (<c>numpy.promote_types</c>).</summary>
    /// <remarks>int32 with float32 gives float64, and int64 with float32 gives float64, as in NumPy.</remarks>
    public static DType Promote(DType a, DType b)
    {
        if (a == b) return a;
        if (a > b) (a, b) = (b, a);
        // a < b in the lattice order; the only pairs that do not simply take the larger are integer with float32.
        if (b == DType.Float32 && a.IsInteger()) return DType.Float64;
        return b;
    }

    /// <summary>NumPy's <c>result_type</c> of several array dtypes (e.g. the inputs of <c>concatenate</c>); at least one.</summary>
    public static DType Promote(IEnumerable<DType> dtypes)
    {
        ArgumentNullException.ThrowIfNull(dtypes);
        using IEnumerator<DType> e = dtypes.GetEnumerator();
        if (!e.MoveNext()) throw new ArgumentException("at least one dtype is needed", nameof(dtypes));
        DType result = e.Current;
        while (e.MoveNext()) result = Promote(result, e.Current);
        return result;
    }

    /// <summary>
    /// The result dtype of an array of <paramref name="array"/> dtype combined with a Python-style (weak) scalar, as NEP 50
    /// defines it: the scalar takes the array's dtype unless its kind is higher (an int array with a float scalar gives float64).
    /// </summary>
    public static DType PromoteWeak(DType array, ScalarKind scalar) => scalar switch
    {
        ScalarKind.Bool => array,
        ScalarKind.Integer => array == DType.Bool ? DType.Int64 : array,
        ScalarKind.Float => array.IsFloat() ? array : DType.Float64,
        _ => array,
    };

    /// <summary>Whether NumPy's <c>can_cast(from, to, casting)</c> allows the cast.</summary>
    public static bool CanCast(DType from, DType to, Casting casting)
    {
        if (from == to || casting == Casting.Unsafe) return true;
        if (casting == Casting.No || casting == Casting.Equiv) return false;
        bool safe = Promote(from, to) == to;
        if (safe) return true;
        return casting == Casting.SameKind && Kind(from) <= Kind(to);
    }

    private static int Kind(DType d) => d switch { DType.Bool => 0, DType.Int32 or DType.Int64 => 1, _ => 2 };
}

/// <summary>NumPy's casting rules (<c>casting=</c> in <c>astype</c> and ufuncs).</summary>
public enum Casting
{
    /// <summary>Only identical types.</summary>
    No,
    /// <summary>Identical types up to byte order.</summary>
    Equiv,
    /// <summary>Only casts that keep every value (e.g. int32 to float64).</summary>
    Safe,
    /// <summary>Safe casts, or casts within a kind (float64 to float32).</summary>
    SameKind,
    /// <summary>Any cast; values may change.</summary>
    Unsafe,
}
