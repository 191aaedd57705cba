namespace ArrayDispatch.Gpu;

/// <summary>
/// How each dtype is stored on the device and which conversion adapter it uses: bool as a byte 0/1 (as uint8, so an
/// operator's byte result is told apart by <see cref="IGpuBoolResult"/>), float16 as <see cref="HalfBits"/>, complex64 as
/// <see cref="Complex64"/> and complex128 as <see cref="System.Numerics.Complex"/> (interleaved float pairs), the others
/// as their .NET type.
/// </summary>
internal static class StorageTypes
{
    /// <summary>The protocol's .NET element type (<see cref="DTypes.ClrType"/>) but for bool and float16.</summary>
    public static Type Of(DType dtype) => dtype switch
    {
        DType.Bool => typeof(byte),
        DType.Float16 => typeof(HalfBits),
        _ => dtype.ClrType(),   // an undefined value throws there, naming the dtypes there are
    };

    public static Type ElementOf(DType dtype) => dtype switch
    {
        DType.Bool => typeof(BoolElement),
        DType.Int8 => typeof(Int8Element),
        DType.Int16 => typeof(Int16Element),
        DType.Int32 => typeof(Int32Element),
        DType.Int64 => typeof(Int64Element),
        DType.UInt8 => typeof(UInt8Element),
        DType.UInt16 => typeof(UInt16Element),
        DType.UInt32 => typeof(UInt32Element),
        DType.UInt64 => typeof(UInt64Element),
        DType.Float16 => typeof(Float16Element),
        DType.Float32 => typeof(Float32Element),
        DType.Float64 => typeof(Float64Element),
        DType.Complex64 => typeof(Complex64Element),
        DType.Complex128 => typeof(Complex128Element),
        _ => throw GpuDTypes.Unsupported(dtype),
    };

    /// <summary>The dtype stored as <paramref name="storage"/>; a byte is uint8 unless <paramref name="boolean"/>.</summary>
    public static DType DTypeOf(Type storage, bool boolean = false) =>
        storage == typeof(byte) ? (boolean ? DType.Bool : DType.UInt8) :
        storage == typeof(sbyte) ? DType.Int8 :
        storage == typeof(short) ? DType.Int16 :
        storage == typeof(int) ? DType.Int32 :
        storage == typeof(long) ? DType.Int64 :
        storage == typeof(ushort) ? DType.UInt16 :
        storage == typeof(uint) ? DType.UInt32 :
        storage == typeof(ulong) ? DType.UInt64 :
        storage == typeof(HalfBits) ? DType.Float16 :
        storage == typeof(float) ? DType.Float32 :
        storage == typeof(double) ? DType.Float64 :
        storage == typeof(Complex64) ? DType.Complex64 :
        storage == typeof(System.Numerics.Complex) ? DType.Complex128 :
        throw new ArgumentOutOfRangeException(nameof(storage), storage, "not a Gpu storage type");
}

/// <summary>Marks an operator whose byte result is a bool (comparisons, predicates, the bool loops), not a uint8.</summary>
internal interface IGpuBoolResult;
