using System.Collections.Concurrent;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Gpu;

/// <summary>
/// The kernel operator that runs a protocol ufunc op in a compute dtype (the loop family the dtype selects): for the
/// element-wise handlers and for this backend's own composite functions (mean, var, dot of scalars, …). float16 runs
/// the op's float32 loop between exact widening and one rounding (<see cref="HalfLoop{TOp}"/>). The closed
/// generic types are made once per (op, dtype) and cached, so a call does no reflection after its first.
/// </summary>
internal static class UfuncKernels
{
    private static readonly ConcurrentDictionary<(Type Op, DType DType, int Shape), Type> s_types = new();

    public static Type Binary<TOp>(DType compute) where TOp : struct, IBinaryOp =>
        s_types.GetOrAdd((typeof(TOp), compute, 0), static key => key.DType switch
        {
            DType.Bool => typeof(BoolLoop<>).MakeGenericType(key.Op),
            DType.Float16 => typeof(HalfLoop<>).MakeGenericType(key.Op),
            _ when key.DType.IsComplex() => typeof(ComplexLoop<,>).MakeGenericType(key.Op, StorageTypes.Of(key.DType)),
            _ when key.DType.IsInteger() => typeof(IntegerLoop<,>).MakeGenericType(key.Op, StorageTypes.Of(key.DType)),
            _ => typeof(FloatLoop<,>).MakeGenericType(key.Op, StorageTypes.Of(key.DType)),
        });

    public static Type Comparison<TOp>(DType compute) where TOp : struct, IComparisonOp =>
        s_types.GetOrAdd((typeof(TOp), compute, 1), static key => key.DType == DType.Float16
            ? typeof(HalfCompareLoop<>).MakeGenericType(key.Op)
            : key.DType.IsComplex() ? typeof(ComplexCompareLoop<,>).MakeGenericType(key.Op, StorageTypes.Of(key.DType))
            : typeof(CompareLoop<,>).MakeGenericType(key.Op, StorageTypes.Of(key.DType)));

    public static Type Unary<TOp>(DType compute) where TOp : struct, IUnaryOp =>
        s_types.GetOrAdd((typeof(TOp), compute, 2), static key => key.DType switch
        {
            DType.Bool => typeof(UnaryBoolLoop<>).MakeGenericType(key.Op),
            DType.Float16 => typeof(UnaryHalfLoop<>).MakeGenericType(key.Op),
            _ when key.DType.IsComplex() => typeof(UnaryComplexLoop<,>).MakeGenericType(key.Op, StorageTypes.Of(key.DType)),
            _ when key.DType.IsInteger() => typeof(UnaryIntegerLoop<,>).MakeGenericType(key.Op, StorageTypes.Of(key.DType)),
            // The device has no fast double exp (ILGPU 1.5 without libdevice): this backend's own loop for it.
            DType.Float64 when key.Op == typeof(ExpOp) => typeof(ExpFloat64Op),
            _ => typeof(UnaryFloatLoop<,>).MakeGenericType(key.Op, StorageTypes.Of(key.DType)),
        });

    public static Type Predicate<TOp>(DType compute) where TOp : struct, IPredicateOp =>
        s_types.GetOrAdd((typeof(TOp), compute, 3), static key => key.DType == DType.Float16
            ? typeof(HalfPredicateLoop<>).MakeGenericType(key.Op)
            : key.DType.IsComplex() ? typeof(ComplexPredicateLoop<,>).MakeGenericType(key.Op, StorageTypes.Of(key.DType))
            : typeof(PredicateLoop<,>).MakeGenericType(key.Op, StorageTypes.Of(key.DType)));

    /// <summary>A unary op's complex loop keeping the real part of each value, in the real dtype of the parts (<c>abs</c>, <c>real</c>, <c>imag</c>, <c>angle</c>).</summary>
    public static Type UnaryRealPart<TOp>(DType compute) where TOp : struct, IUnaryOp =>
        s_types.GetOrAdd((typeof(TOp), compute, 4), static key => typeof(UnaryComplexToRealLoop<,,,>).MakeGenericType(
            key.Op, StorageTypes.Of(key.DType), StorageTypes.Of(key.DType.RealPart()), StorageTypes.ElementOf(key.DType.RealPart())));
}
