namespace ArrayDispatch;

/// <summary>
/// The array API standard's inspection object, <c>__array_namespace_info__()</c> (<see cref="Np.ArrayNamespaceInfo"/>).
/// The standard's "devices" are this protocol's backends: an array lives on the backend that owns its type.
/// </summary>
public sealed class ArrayNamespaceInfo
{
    internal ArrayNamespaceInfo() { }

    /// <summary>
    /// The standard's <c>capabilities()</c>: boolean-mask indexing and data-dependent output shapes (<c>unique_*</c>,
    /// <c>nonzero</c>) are part of the protocol; ranks are not limited, so
    /// <c>"max dimensions"</c> is <see langword="null"/> (no limit), as the standard spells it.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Capabilities() => new Dictionary<string, object?>(StringComparer.Ordinal)
    {
        ["boolean indexing"] = true,
        ["data-dependent shapes"] = true,
        ["max dimensions"] = null,
    };

    /// <summary>The standard's <c>default_device()</c>: the backend a creation call with no backend, scope or <c>like=</c> reaches.</summary>
    public string DefaultDevice() => Np.Empty(new Shape(0)).Backend;

    /// <summary>The standard's <c>devices()</c>: the backends loaded now.</summary>
    public IReadOnlyList<string> Devices() => Np.Dispatcher.Backends;

    /// <summary>The standard's <c>default_dtypes()</c>: NumPy's defaults on a 64-bit platform.</summary>
    public IReadOnlyDictionary<string, DType> DefaultDTypes() => new Dictionary<string, DType>(StringComparer.Ordinal)
    {
        ["real floating"] = DType.Float64,
        ["complex floating"] = DType.Complex128,
        ["integral"] = DType.Int64,
        ["indexing"] = DType.Int64,
    };

    /// <summary>
    /// The standard's <c>dtypes(kind=…)</c>: the protocol's dtypes by NumPy name, all of them or those of
    /// <paramref name="kind"/> (a kind of <see cref="Np.IsDType(DType, string)"/>).
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not a kind.</exception>
    public IReadOnlyDictionary<string, DType> DTypes(string? kind = null) =>
        ArrayDispatch.DTypes.All.Where(d => kind is null || Np.IsDType(d, kind)).ToDictionary(d => d.Name(), d => d, StringComparer.Ordinal);
}
