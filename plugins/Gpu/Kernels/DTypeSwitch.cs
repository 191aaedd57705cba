namespace ArrayDispatch.Gpu;

/// <summary>Work that is generic over the storage type and its conversion adapter.</summary>
internal interface IStorageAction
{
    void Run<T, E>() where T : unmanaged where E : struct, IGpuElement<T>;
}

/// <summary>Calls an <see cref="IStorageAction"/> with the storage type of a runtime dtype (no reflection).</summary>
internal static class DTypeSwitch
{
    public static void Run<TAction>(DType dtype, ref TAction action) where TAction : struct, IStorageAction
    {
        switch (dtype)
        {
            case DType.Bool: action.Run<byte, BoolElement>(); break;
            case DType.Int8: action.Run<sbyte, Int8Element>(); break;
            case DType.Int16: action.Run<short, Int16Element>(); break;
            case DType.Int32: action.Run<int, Int32Element>(); break;
            case DType.Int64: action.Run<long, Int64Element>(); break;
            case DType.UInt8: action.Run<byte, UInt8Element>(); break;
            case DType.UInt16: action.Run<ushort, UInt16Element>(); break;
            case DType.UInt32: action.Run<uint, UInt32Element>(); break;
            case DType.UInt64: action.Run<ulong, UInt64Element>(); break;
            case DType.Float16: action.Run<HalfBits, Float16Element>(); break;
            case DType.Float32: action.Run<float, Float32Element>(); break;
            case DType.Float64: action.Run<double, Float64Element>(); break;
            case DType.Complex64: action.Run<Complex64, Complex64Element>(); break;
            case DType.Complex128: action.Run<System.Numerics.Complex, Complex128Element>(); break;
            default: throw GpuDTypes.Unsupported(dtype);
        }
    }
}
