using System.Numerics;

namespace ArrayDispatch;

/// <summary>
/// Work that is generic over a dtype's .NET element type, for <see cref="DTypes.Apply{TFunction, TResult}(DType, TFunction)"/>:
/// the one place that turns a run-time dtype into a type argument, so a backend writes its generic code once instead of a
/// switch over the fourteen dtypes per operation.
/// </summary>
/// <typeparam name="TResult">What the work returns.</typeparam>
public interface IDTypeFunction<out TResult>
{
    /// <summary>The work for a numeric dtype stored as <typeparamref name="T"/> (every dtype but bool).</summary>
    TResult Number<T>() where T : unmanaged, INumberBase<T>;

    /// <summary>The work for bool (stored as <see cref="bool"/>, which is not a .NET number).</summary>
    TResult Bool();
}

public static partial class DTypes
{
    /// <summary>
    /// Calls <paramref name="function"/> with <paramref name="dtype"/>'s element type (<see cref="ClrType(DType)"/>) as the
    /// type argument. A struct <typeparamref name="TFunction"/> is called without boxing or reflection.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dtype"/> is not a dtype.</exception>
    public static TResult Apply<TFunction, TResult>(this DType dtype, TFunction function) where TFunction : IDTypeFunction<TResult> => dtype switch
    {
        DType.Bool => function.Bool(),
        DType.Int8 => function.Number<sbyte>(),
        DType.Int16 => function.Number<short>(),
        DType.Int32 => function.Number<int>(),
        DType.Int64 => function.Number<long>(),
        DType.UInt8 => function.Number<byte>(),
        DType.UInt16 => function.Number<ushort>(),
        DType.UInt32 => function.Number<uint>(),
        DType.UInt64 => function.Number<ulong>(),
        DType.Float16 => function.Number<Half>(),
        DType.Float32 => function.Number<float>(),
        DType.Float64 => function.Number<double>(),
        DType.Complex64 => function.Number<Complex64>(),
        DType.Complex128 => function.Number<Complex>(),
        _ => throw Unknown(dtype),
    };
}
