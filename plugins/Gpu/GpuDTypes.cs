namespace ArrayDispatch.Gpu;

/// <summary>
/// The dtypes the Gpu backend stores (bool, int32, int64, float32, float64) and its refusal of the others: a decline
/// (<see cref="NotSupportedException"/>) that names the dtype, never a silent cast.
/// </summary>
internal static class GpuDTypes
{
    public static bool IsSupported(DType dtype) => dtype is DType.Bool or DType.Int32 or DType.Int64 or DType.Float32 or DType.Float64;

    /// <summary>"Gpu does not support dtype uint16 for add".</summary>
    public static NotSupportedException Unsupported(DType dtype, string? function = null) =>
        new($"Gpu does not support dtype {dtype.Name()}{(function is null ? "" : $" for {function}")}; it stores bool, int32, int64, float32 and float64");

    /// <summary>Throws <see cref="Unsupported"/> unless the dtype is one the Gpu stores.</summary>
    public static DType Require(DType dtype, string? function = null) => IsSupported(dtype) ? dtype : throw Unsupported(dtype, function);
}
