namespace ArrayDispatch.Gpu;

/// <summary>How each dtype is stored on the device (bool as a byte) and which conversion adapter it uses.</summary>
internal static class StorageTypes
{
    public static Type Of(DType dtype) => dtype switch
    {
        DType.Bool => typeof(byte),
        DType.Int32 => typeof(int),
        DType.Int64 => typeof(long),
        DType.Float32 => typeof(float),
        DType.Float64 => typeof(double),
        _ => throw GpuDTypes.Unsupported(dtype),
    };

    public static Type ElementOf(DType dtype) => dtype switch
    {
        DType.Bool => typeof(BoolElement),
        DType.Int32 => typeof(Int32Element),
        DType.Int64 => typeof(Int64Element),
        DType.Float32 => typeof(Float32Element),
        DType.Float64 => typeof(Float64Element),
        _ => throw GpuDTypes.Unsupported(dtype),
    };

    public static DType DTypeOf(Type storage) =>
        storage == typeof(byte) ? DType.Bool :
        storage == typeof(int) ? DType.Int32 :
        storage == typeof(long) ? DType.Int64 :
        storage == typeof(float) ? DType.Float32 :
        storage == typeof(double) ? DType.Float64 :
        throw new ArgumentOutOfRangeException(nameof(storage), storage, "not a Gpu storage type");
}
