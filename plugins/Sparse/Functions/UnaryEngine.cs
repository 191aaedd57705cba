using System.Numerics;
using ArrayDispatch.Interchange;
using ArrayDispatch.Scalars;
using ArrayDispatch.Sparse.Kernels;
using ArrayDispatch.Sparse.Kernels.Ops;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>
/// Unary functions: when f(0) = 0 (abs, sqrt, sin, expm1, log1p, negative, sign, isnan…) f is applied to the stored values
/// and the result stays sparse; otherwise (exp, cos, isfinite…) the result is dense, which is refused unless
/// <c>AllowDensify</c> is set (pydata/sparse's rule).
/// </summary>
internal static class UnaryEngine
{
    public static NDArray Apply<TOp>(SparseContext ctx, SparseArray x) where TOp : struct, IUnaryOp
    {
        if (x.DType == DType.Bool && typeof(TOp) == typeof(NegativeOp))
        {
            throw new DTypeMismatchException("the numpy boolean negative, the '-' operator, is not supported, use the '~' operator or the logical_not function instead", "x");
        }
        if (x.DType == DType.Bool && typeof(TOp) == typeof(SignOp))
        {
            throw new DTypeMismatchException(Scalars.ElementwiseRules.NoBoolLoopMessage("sign"), "x");
        }
        if (x.DType == DType.Bool && typeof(TOp) == typeof(ReciprocalOp))
        {
            // NumPy's bool loop is int8: 1/True = 1 and 1/False truncates to 0, so the values are the input's. ArrayDispatch
            // has no int8 and gives int64 (as for the other int8 results of bools), the same in every backend.
            return Structure.WithValues(x, ArrayOps.Cast(x.Values, DType.Int64));
        }
        DType result = TOp.FloatResult ? SparseDTypes.Require(ElementwiseRules.FloatFunctionLoop(x.DType), TOp.Name) : x.DType;
        DType compute = result == DType.Bool ? DType.Int32 : result;
        NDArray r = compute switch
        {
            DType.Int32 => Core<int, int, UnaryAsMerge<TOp, int>>(ctx, TOp.Name, x),
            DType.Int64 => Core<long, long, UnaryAsMerge<TOp, long>>(ctx, TOp.Name, x),
            DType.Float32 => Core<float, float, UnaryAsMerge<TOp, float>>(ctx, TOp.Name, x),
            DType.Float64 => Core<double, double, UnaryAsMerge<TOp, double>>(ctx, TOp.Name, x),
            _ => throw SparseDTypes.Unsupported(compute, TOp.Name),
        };
        if (result == compute) return r;
        return r is SparseArray s
            ? Structure.WithValues(s, ArrayOps.Cast(s.Values, result))
            : ctx.Dense(ElementwiseEngine.Buffer(ArrayOps.Cast(HostInterop.ReadUntyped(r.ToHost()), result), r.Shape));
    }

    public static NDArray Predicate<TOp>(SparseContext ctx, SparseArray x) where TOp : struct, IUnaryPredicate => x.DType switch
    {
        DType.Bool or DType.Int32 => Core<int, bool, PredicateAsMerge<TOp, int>>(ctx, TOp.Name, x),
        DType.Int64 => Core<long, bool, PredicateAsMerge<TOp, long>>(ctx, TOp.Name, x),
        DType.Float32 => Core<float, bool, PredicateAsMerge<TOp, float>>(ctx, TOp.Name, x),
        DType.Float64 => Core<double, bool, PredicateAsMerge<TOp, double>>(ctx, TOp.Name, x),
        _ => throw SparseDTypes.Unsupported(x.DType, TOp.Name),
    };

    private static NDArray Core<T, TOut, TM>(SparseContext ctx, string name, SparseArray x)
        where T : unmanaged, INumber<T> where TOut : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        TOut atZero = TM.Apply(T.Zero, T.Zero);
        if (!Zero.Is(atZero))
        {
            ctx.RequireDensify(name, $"{name}(0) = {Describe(atZero)}, so the zeros of the result are not 0");
            T[] dense = HostInterop.Read<T>(x);
            var all = new TOut[dense.Length];
            for (int k = 0; k < dense.Length; k++) all[k] = TM.Apply(dense[k], T.Zero);
            return ctx.Dense(HostBuffer.FromContiguous(all, x.Shape));
        }
        Structure.Canonical(x);
        T[] values = ArrayOps.As<T>(x.Values);
        var result = new TOut[values.Length];
        for (int k = 0; k < values.Length; k++) result[k] = TM.Apply(values[k], T.Zero);
        return Structure.WithValues(x, result);
    }

    private static string Describe<TOut>(TOut v) => v switch
    {
        bool b => b ? "True" : "False",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => $"{v}",
    };

    private readonly struct UnaryAsMerge<TOp, T> : IMergeOp<T, T> where TOp : struct, IUnaryOp where T : unmanaged, INumber<T>
    {
        public static T Apply(T a, T b) => TOp.Apply(a);
    }

    private readonly struct PredicateAsMerge<TOp, T> : IMergeOp<T, bool> where TOp : struct, IUnaryPredicate where T : unmanaged, INumber<T>
    {
        public static bool Apply(T a, T b) => TOp.Apply(a);
    }
}
