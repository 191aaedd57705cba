namespace ArrayDispatch;

// NumPy's dtype functions: result_type, can_cast, finfo, iinfo, isdtype. They need no backend.
public static partial class Np
{
    /// <summary>NumPy's <c>result_type</c> of dtypes (<c>numpy.promote_types</c> over all of them).</summary>
    /// <exception cref="ArgumentException">No dtype is given.</exception>
    public static DType ResultType(params DType[] dtypes)
    {
        ArgumentNullException.ThrowIfNull(dtypes);
        return DTypes.ResultType(dtypes, []);
    }

    /// <summary>
    /// NumPy's <c>result_type</c> of arrays, dtypes and Python-style scalars, under NEP 50: an <see cref="NDArray"/>
    /// counts by its dtype, a <see cref="DType"/> or dtype name (<c>"uint8"</c>) as that dtype, and a .NET
    /// <see cref="bool"/>, integer, <see cref="double"/>/<see cref="float"/>, <see cref="System.Numerics.Complex"/> or
    /// <see cref="Scalar"/> is weak: it takes the dtype of the arrays unless its kind is higher
    /// (<c>ResultType(uint8Array, 1)</c> is uint8, <c>ResultType(int32Array, 1.0)</c> float64,
    /// <c>ResultType(DType.Float32, Complex.ImaginaryOne)</c> complex64).
    /// </summary>
    /// <exception cref="ArgumentException">An argument is none of these, or there is none.</exception>
    public static DType ResultType(params object[] arraysAndDTypes)
    {
        ArgumentNullException.ThrowIfNull(arraysAndDTypes);
        var dtypes = new List<DType>();
        var scalars = new List<ScalarKind>();
        foreach (object item in arraysAndDTypes)
        {
            switch (item)
            {
                case NDArray a: dtypes.Add(a.DType); break;
                case DType d: dtypes.Add(d); break;
                case string name: dtypes.Add(DTypes.Parse(name)); break;
                case Operand { Array: { } oa }: dtypes.Add(oa.DType); break;
                case Operand o: scalars.Add(o.Scalar.Kind); break;
                case Scalar s: scalars.Add(s.Kind); break;
                case bool: scalars.Add(ScalarKind.Bool); break;
                case sbyte or byte or short or ushort or int or uint or long or ulong: scalars.Add(ScalarKind.Integer); break;
                case Half or float or double: scalars.Add(ScalarKind.Float); break;
                case System.Numerics.Complex or Complex64: scalars.Add(ScalarKind.Complex); break;
                default:
                    throw new ArgumentException($"result_type takes arrays, dtypes, dtype names and scalars, not {item?.GetType().Name ?? "null"}", nameof(arraysAndDTypes));
            }
        }
        return DTypes.ResultType(dtypes.ToArray(), scalars.ToArray());
    }

    /// <summary>NumPy's <c>can_cast(from_, to, casting)</c> for dtypes.</summary>
    public static bool CanCast(DType from, DType to, Casting casting = Casting.Safe) => DTypes.CanCast(from, to, casting);

    /// <summary>NumPy's <c>can_cast(from_, to, casting)</c> with the casting rule by NumPy's name (<c>"same_kind"</c>, …).</summary>
    /// <exception cref="ArgumentException"><paramref name="casting"/> is not one of NumPy's names (NumPy's message).</exception>
    public static bool CanCast(DType from, DType to, string casting) => DTypes.CanCast(from, to, DTypes.ParseCasting(casting));

    /// <summary>NumPy's <c>finfo</c>: the limits of a float dtype; for a complex dtype, those of its real part.</summary>
    /// <exception cref="ArgumentException"><paramref name="dtype"/> is not a float or complex dtype (NumPy's message).</exception>
    public static FInfo FInfo(DType dtype) => ArrayDispatch.FInfo.Of(dtype);

    /// <summary>NumPy's <c>iinfo</c>: the limits of an integer dtype.</summary>
    /// <exception cref="ArgumentException"><paramref name="dtype"/> is not an integer dtype (NumPy's message).</exception>
    public static IInfo IInfo(DType dtype) => ArrayDispatch.IInfo.Of(dtype);

    /// <summary>
    /// The array API's <c>isdtype(dtype, kind)</c>: whether <paramref name="dtype"/> is of <paramref name="kind"/>, one of
    /// <c>'bool'</c>, <c>'signed integer'</c>, <c>'unsigned integer'</c>, <c>'integral'</c>, <c>'real floating'</c>,
    /// <c>'complex floating'</c>, <c>'numeric'</c>, or a dtype name (then: the same dtype).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is neither a kind nor a dtype name.</exception>
    public static bool IsDType(DType dtype, string kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return kind switch
        {
            "bool" => dtype == DType.Bool,
            "signed integer" => dtype.IsSignedInteger(),
            "unsigned integer" => dtype.IsUnsignedInteger(),
            "integral" => dtype.IsInteger(),
            "real floating" => dtype.IsFloat(),
            "complex floating" => dtype.IsComplex(),
            "numeric" => dtype.IsNumeric(),
            _ when DTypes.TryParse(kind, out DType other) => dtype == other,
            _ => throw new ArgumentException($"kind argument is a string, but '{kind}' is not a known kind name.", nameof(kind)),
        };
    }

    /// <summary>The array API's <c>isdtype(dtype, (kind, …))</c>: whether <paramref name="dtype"/> is of any of <paramref name="kinds"/>.</summary>
    public static bool IsDType(DType dtype, params string[] kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return kinds.Any(k => IsDType(dtype, k));
    }
}
