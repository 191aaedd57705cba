namespace ArrayDispatch.Gpu;

/// <summary>
/// The dtypes the Gpu backend stores (bool, int8 to int64, uint8 to uint64, float16, float32, float64) and its refusal
/// of the others (complex64, complex128): a decline (<see cref="NotSupportedException"/>) that names the dtype, never a
/// silent cast.
/// </summary>
internal static class GpuDTypes
{
    public static bool IsSupported(DType dtype) => dtype.IsKnown() && !dtype.IsComplex();

    /// <summary>"Gpu does not support dtype complex64 for add; it stores bool, the integer dtypes and float16/float32/float64".</summary>
    public static NotSupportedException Unsupported(DType dtype, string? function = null) =>
        new($"Gpu does not support dtype {dtype.Name()}{(function is null ? "" : $" for {function}")}"
            + (IsSupported(dtype) ? "" : "; it stores bool, int8 to int64, uint8 to uint64, float16, float32 and float64"));

    /// <summary>Throws <see cref="Unsupported"/> unless the dtype is one the Gpu stores.</summary>
    public static DType Require(DType dtype, string? function = null) => IsSupported(dtype) ? dtype : throw Unsupported(dtype, function);
}
