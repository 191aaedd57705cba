using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Gpu;

/// <summary>
/// The kernel operator for a protocol ufunc op in a compute dtype (the loop family the dtype selects), for this
/// backend's own composite functions (mean, var, dot of scalars, …) that run a ufunc's loop directly.
/// </summary>
internal static class UfuncKernels
{
    public static Type Binary<TOp>(DType compute) where TOp : struct, IBinaryOp => compute switch
    {
        DType.Bool => typeof(BoolLoop<TOp>),
        _ when compute.IsInteger() => typeof(IntegerLoop<,>).MakeGenericType(typeof(TOp), StorageTypes.Of(compute)),
        _ => typeof(FloatLoop<,>).MakeGenericType(typeof(TOp), StorageTypes.Of(compute)),
    };

    public static Type Comparison<TOp>(DType compute) where TOp : struct, IComparisonOp =>
        typeof(CompareLoop<,>).MakeGenericType(typeof(TOp), StorageTypes.Of(compute));

    public static Type Unary<TOp>(DType compute) where TOp : struct, IUnaryOp => compute switch
    {
        DType.Bool => typeof(UnaryBoolLoop<TOp>),
        _ when compute.IsInteger() => typeof(UnaryIntegerLoop<,>).MakeGenericType(typeof(TOp), StorageTypes.Of(compute)),
        _ => typeof(UnaryFloatLoop<,>).MakeGenericType(typeof(TOp), StorageTypes.Of(compute)),
    };
}
