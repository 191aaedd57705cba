namespace ArrayDispatch.Gpu;

/// <summary>
/// The dtypes the Gpu backend stores: all of NumPy's core set (bool, int8 to int64, uint8 to uint64, float16, float32,
/// float64, complex64 and complex128, the complex ones as interleaved pairs of floats). The functions that have no
/// complex kernel yet decline complex input (<see cref="NotSupportedException"/> naming the dtype), never a silent cast.
/// </summary>
internal static class GpuDTypes
{
    /// <summary>The functions that decline complex64/complex128 arrays (no complex kernel yet).</summary>
    private static readonly HashSet<string> s_realOnly =
        ["clip", "arange", "linspace", "random"];

    public static bool IsSupported(DType dtype) => dtype.IsKnown();

    /// <summary>Whether <paramref name="function"/> takes complex arrays on the Gpu.</summary>
    public static bool TakesComplex(string function) => !s_realOnly.Contains(function);

    /// <summary>"Gpu does not support dtype complex64 for sort".</summary>
    public static NotSupportedException Unsupported(DType dtype, string? function = null) =>
        new($"Gpu does not support dtype {dtype.Name()}{(function is null ? "" : $" for {function}")}"
            + (IsSupported(dtype) ? "" : "; it stores bool, int8 to int64, uint8 to uint64, float16, float32, float64, complex64 and complex128"));

    /// <summary>Throws <see cref="Unsupported"/> unless the dtype is one the Gpu stores (and, for a complex dtype, <paramref name="function"/> takes it).</summary>
    public static DType Require(DType dtype, string? function = null) =>
        IsSupported(dtype) && !(dtype.IsComplex() && function is not null && !TakesComplex(function)) ? dtype : throw Unsupported(dtype, function);
}
