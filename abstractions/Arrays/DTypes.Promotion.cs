namespace ArrayDispatch;

// NumPy's promotion and casting tables. They are NumPy's own (np.promote_types and np.can_cast for every pair, checked
// against a fixture made with NumPy), indexed by the position of the dtype in NumPy's type-code order: no rule here
// depends on the order of DType's members.
public static partial class DTypes
{
    // Row a, column b: the code of np.promote_types(a, b); rows and columns in the order of Code ("?bhilBHILefdFD").
    private static readonly string[] s_promotion =
    [
        "?bhilBHILefdFD",   // bool
        "bbhilhildefdFD",   // int8
        "hhhilhildffdFD",   // int16
        "iiiiliilddddDD",   // int32
        "llllllllddddDD",   // int64
        "BhhilBHILefdFD",   // uint8
        "HiiilHHILffdFD",   // uint16
        "IllllIIILdddDD",   // uint32
        "LddddLLLLdddDD",   // uint64
        "eefddefddefdFD",   // float16
        "fffddffddffdFD",   // float32
        "ddddddddddddDD",   // float64
        "FFFDDFFDDFFDFD",   // complex64
        "DDDDDDDDDDDDDD",   // complex128
    ];

    /// <summary>NumPy's <c>result_type</c> of two array dtypes (<c>numpy.promote_types</c>).</summary>
    /// <remarks>
    /// From NumPy's table: int8 with uint8 gives int16, int64 with uint64 float64, float16 with int16 float32, int32
    /// with float32 float64, float64 with complex64 complex128, bool with any type that type.
    /// </remarks>
    public static DType Promote(DType a, DType b) => a == b && a.IsKnown() ? a : FromChar(s_promotion[Index(a)][Index(b)]);

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
    /// defines it: the scalar takes the array's dtype unless its kind is higher. An int scalar keeps every integer,
    /// float and complex dtype (uint8 + 1 is uint8) and turns bool into int64; a float scalar keeps float and complex
    /// dtypes and turns bool and integers into float64; a complex scalar keeps complex dtypes, turns float16 and float32
    /// into complex64 and everything else into complex128.
    /// </summary>
    public static DType PromoteWeak(DType array, ScalarKind scalar) => scalar switch
    {
        ScalarKind.Bool => array,
        ScalarKind.Integer => array == DType.Bool ? DType.Int64 : array,
        ScalarKind.Float => array.IsInexact() ? array : DType.Float64,
        ScalarKind.Complex => array.IsComplex() ? array : array is DType.Float16 or DType.Float32 ? DType.Complex64 : DType.Complex128,
        _ => throw new ArgumentOutOfRangeException(nameof(scalar), scalar, $"unknown scalar kind {(int)scalar}"),
    };

    /// <summary>The dtype NumPy gives a Python scalar of <paramref name="kind"/> on its own (bool, int64, float64, complex128).</summary>
    public static DType DefaultOf(ScalarKind kind) => kind switch
    {
        ScalarKind.Bool => DType.Bool,
        ScalarKind.Integer => DType.Int64,
        ScalarKind.Float => DType.Float64,
        ScalarKind.Complex => DType.Complex128,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"unknown scalar kind {(int)kind}"),
    };

    /// <summary>
    /// NumPy's default accumulator of <c>sum</c>, <c>prod</c>, <c>cumsum</c> and <c>cumprod</c> on 64-bit Linux: bool and
    /// the signed integers in int64 (the platform integer), the unsigned integers in uint64, floats and complex in their
    /// own type. Every backend reads it here.
    /// </summary>
    public static DType SumAccumulator(DType dtype) =>
        dtype == DType.Bool || dtype.IsSignedInteger() ? DType.Int64 : dtype.IsUnsignedInteger() ? DType.UInt64 : dtype;

    /// <summary>
    /// NumPy's <c>result_type</c> of array dtypes and weak scalars together (NEP 50): the arrays promote by the table; the
    /// scalars then join by kind. With no arrays, the scalars promote as their default dtypes.
    /// </summary>
    public static DType ResultType(ReadOnlySpan<DType> arrays, ReadOnlySpan<ScalarKind> scalars)
    {
        if (arrays.IsEmpty)
        {
            if (scalars.IsEmpty) throw new ArgumentException("at least one array, dtype or scalar is needed", nameof(arrays));
            DType d = DefaultOf(scalars[0]);
            foreach (ScalarKind k in scalars[1..]) d = Promote(d, DefaultOf(k));
            return d;
        }
        DType result = arrays[0];
        foreach (DType a in arrays[1..]) result = Promote(result, a);
        foreach (ScalarKind k in scalars) result = PromoteWeak(result, k);
        return result;
    }

    /// <summary>
    /// NEP 50's check of a Python int meeting an integer array: the value must fit <paramref name="dtype"/>, or NumPy 2
    /// raises <c>OverflowError: Python integer 300 out of bounds for uint8</c> (where wrapping would give a wrong answer
    /// silently). Scalars of other kinds, and other dtypes, always pass.
    /// </summary>
    /// <exception cref="OverflowException">The integer does not fit (NumPy's message).</exception>
    public static void CheckWeakInteger(Scalar value, DType dtype)
    {
        if (value.Kind != ScalarKind.Integer || !dtype.IsInteger()) return;
        if (value.ExceedsInt64)
        {
            if (dtype != DType.UInt64) throw new OverflowException($"Python integer {value} out of bounds for {dtype.Name()}");
            return;
        }
        long v = value.AsInt64;
        bool fits = dtype switch
        {
            DType.Int8 => v is >= sbyte.MinValue and <= sbyte.MaxValue,
            DType.Int16 => v is >= short.MinValue and <= short.MaxValue,
            DType.Int32 => v is >= int.MinValue and <= int.MaxValue,
            DType.UInt8 => v is >= 0 and <= byte.MaxValue,
            DType.UInt16 => v is >= 0 and <= ushort.MaxValue,
            DType.UInt32 => v is >= 0 and <= uint.MaxValue,
            DType.UInt64 => v >= 0,
            _ => true,
        };
        if (!fits) throw new OverflowException(FormattableString.Invariant($"Python integer {v} out of bounds for {dtype.Name()}"));
    }

    /// <summary>
    /// NumPy's check of a Python scalar assigned into an array of <paramref name="dtype"/> (<c>a[i] = v</c>, every index
    /// kind): a complex into an integer or floating array raises the <c>TypeError</c> of Python's <c>int()</c> or
    /// <c>float()</c> (NumPy converts the scalar with them; a bool array takes its truth); then
    /// <see cref="CheckWeakInteger"/>. An array value is cast unsafely instead (the real part, with a ComplexWarning).
    /// </summary>
    /// <exception cref="DTypeMismatchException">A complex into an integer or floating dtype.</exception>
    /// <exception cref="OverflowException">An integer <paramref name="dtype"/> does not hold it.</exception>
    public static void CheckAssignedScalar(Scalar value, DType dtype)
    {
        if (value.Kind == ScalarKind.Complex && (dtype.IsInteger() || dtype.IsFloat()))
        {
            throw new DTypeMismatchException(dtype.IsInteger()
                ? "int() argument must be a string, a bytes-like object or a real number, not 'complex'"
                : "float() argument must be a string or a real number, not 'complex'");
        }
        CheckWeakInteger(value, dtype);
    }

    /// <summary>Whether NumPy's <c>can_cast(from, to, casting)</c> allows the cast.</summary>
    /// <remarks>
    /// <c>no</c> and <c>equiv</c> allow only the same dtype (byte order is not part of a <see cref="DType"/>); <c>safe</c>
    /// allows a cast when the promotion of the two is the target; <c>same_kind</c> also allows casts to a kind at least as
    /// high in NumPy's order bool &lt; unsigned &lt; signed &lt; float &lt; complex (int8 to uint8 is not same_kind,
    /// uint8 to int8 is); <c>unsafe</c> allows every cast.
    /// </remarks>
    public static bool CanCast(DType from, DType to, Casting casting)
    {
        _ = Index(from);
        _ = Index(to);
        if (from == to || casting == Casting.Unsafe) return true;
        if (casting is Casting.No or Casting.Equiv) return false;
        if (Promote(from, to) == to) return true;
        return casting == Casting.SameKind && KindOrder(from) <= KindOrder(to);
    }

    /// <summary>NumPy's name of a casting rule (<c>"same_kind"</c>, …).</summary>
    public static string Name(this Casting casting) => casting switch
    {
        Casting.No => "no",
        Casting.Equiv => "equiv",
        Casting.Safe => "safe",
        Casting.SameKind => "same_kind",
        Casting.Unsafe => "unsafe",
        _ => $"casting({(int)casting})",
    };

    /// <summary>Parses NumPy's name of a casting rule: <c>no</c>, <c>equiv</c>, <c>safe</c>, <c>same_kind</c>, <c>unsafe</c>.</summary>
    /// <exception cref="ArgumentException">The name is not one of them (NumPy's message).</exception>
    public static Casting ParseCasting(string casting)
    {
        ArgumentNullException.ThrowIfNull(casting);
        return casting switch
        {
            "no" => Casting.No,
            "equiv" => Casting.Equiv,
            "safe" => Casting.Safe,
            "same_kind" => Casting.SameKind,
            "unsafe" => Casting.Unsafe,
            _ => throw new ArgumentException($"casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe' (got '{casting}')", nameof(casting)),
        };
    }

    /// <summary>NumPy's message when a cast is refused by the casting rule (as <c>astype</c> raises it).</summary>
    public static string CastErrorMessage(DType from, DType to, Casting casting) =>
        $"Cannot cast array data from dtype('{from.Name()}') to dtype('{to.Name()}') according to the rule '{casting.Name()}'";

    private static int KindOrder(DType d) =>
        d == DType.Bool ? 0 : d.IsUnsignedInteger() ? 1 : d.IsSignedInteger() ? 2 : d.IsFloat() ? 3 : 4;
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
