using System.Numerics;
using ArrayDispatch.Interchange;
using ArrayDispatch.Scalars;
using ArrayDispatch.Sparse.Kernels;
using ArrayDispatch.Sparse.Kernels.Ops;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>
/// Unary functions: when f(0) = 0 (abs, sqrt, sin, expm1, log1p, negative, sign, isnan…) f is applied to the stored values
/// and the result stays sparse; otherwise (exp, cos, isfinite…) the result is dense, which is refused unless
/// <c>AllowDensify</c> is set (pydata/sparse's rule).
/// </summary>
internal static class UnaryEngine
{
    /// <summary>A unary ufunc, with the loop NumPy's resolver picks (<see cref="Ufunc.Resolve(DType)"/>).</summary>
    public static NDArray Apply<TOp>(SparseContext ctx, UnaryUfunc ufunc, SparseArray x) where TOp : struct, IUnaryOp
    {
        UfuncLoop loop = ufunc.Resolve(x.DType);
        string name = ufunc.Name;
        (NDArray r, DType computed) = (loop.Kind, loop.Compute) switch
        {
            (UfuncLoopKind.Bool, _) => (Core<int, int, UnaryBoolLoop<TOp>>(ctx, name, x), DType.Int32),
            (_, DType.Int8) => (Core<sbyte, sbyte, UnaryIntegerLoop<TOp, sbyte>>(ctx, name, x), DType.Int8),
            (_, DType.Int16) => (Core<short, short, UnaryIntegerLoop<TOp, short>>(ctx, name, x), DType.Int16),
            (_, DType.Int32) => (Core<int, int, UnaryIntegerLoop<TOp, int>>(ctx, name, x), DType.Int32),
            (_, DType.Int64) => (Core<long, long, UnaryIntegerLoop<TOp, long>>(ctx, name, x), DType.Int64),
            (_, DType.UInt8) => (Core<byte, byte, UnaryIntegerLoop<TOp, byte>>(ctx, name, x), DType.UInt8),
            (_, DType.UInt16) => (Core<ushort, ushort, UnaryIntegerLoop<TOp, ushort>>(ctx, name, x), DType.UInt16),
            (_, DType.UInt32) => (Core<uint, uint, UnaryIntegerLoop<TOp, uint>>(ctx, name, x), DType.UInt32),
            (_, DType.UInt64) => (Core<ulong, ulong, UnaryIntegerLoop<TOp, ulong>>(ctx, name, x), DType.UInt64),
            (_, DType.Float16) => (Core<Half, Half, UnaryFloatLoop<TOp, Half>>(ctx, name, x), DType.Float16),
            (_, DType.Float32) => (Core<float, float, UnaryFloatLoop<TOp, float>>(ctx, name, x), DType.Float32),
            (_, DType.Float64) => (Core<double, double, UnaryFloatLoop<TOp, double>>(ctx, name, x), DType.Float64),
            (_, DType.Complex64) => (Core<Complex64, Complex64, UnaryComplexLoop<TOp, Complex64>>(ctx, name, x), DType.Complex64),
            (_, DType.Complex128) => (Core<Complex, Complex, UnaryComplexLoop<TOp, Complex>>(ctx, name, x), DType.Complex128),
            _ => throw SparseDTypes.Unsupported(loop.Compute, name),
        };
        return loop.Result == computed ? r : ElementwiseEngine.CastResult(ctx, r, loop.Result);
    }

    /// <summary>A unary ufunc with a bool result.</summary>
    public static NDArray Predicate<TOp>(SparseContext ctx, UnaryUfunc ufunc, SparseArray x) where TOp : struct, IPredicateOp => ufunc.Resolve(x.DType).Compute switch
    {
        DType.Bool or DType.Int32 => Core<int, bool, PredicateLoop<TOp, int>>(ctx, ufunc.Name, x),
        DType.Int8 => Core<sbyte, bool, PredicateLoop<TOp, sbyte>>(ctx, ufunc.Name, x),
        DType.Int16 => Core<short, bool, PredicateLoop<TOp, short>>(ctx, ufunc.Name, x),
        DType.Int64 => Core<long, bool, PredicateLoop<TOp, long>>(ctx, ufunc.Name, x),
        DType.UInt8 => Core<byte, bool, PredicateLoop<TOp, byte>>(ctx, ufunc.Name, x),
        DType.UInt16 => Core<ushort, bool, PredicateLoop<TOp, ushort>>(ctx, ufunc.Name, x),
        DType.UInt32 => Core<uint, bool, PredicateLoop<TOp, uint>>(ctx, ufunc.Name, x),
        DType.UInt64 => Core<ulong, bool, PredicateLoop<TOp, ulong>>(ctx, ufunc.Name, x),
        DType.Float16 => Core<Half, bool, PredicateLoop<TOp, Half>>(ctx, ufunc.Name, x),
        DType.Float32 => Core<float, bool, PredicateLoop<TOp, float>>(ctx, ufunc.Name, x),
        DType.Float64 => Core<double, bool, PredicateLoop<TOp, double>>(ctx, ufunc.Name, x),
        DType.Complex64 => Core<Complex64, bool, PredicateComplexLoop<TOp, Complex64>>(ctx, ufunc.Name, x),
        DType.Complex128 => Core<Complex, bool, PredicateComplexLoop<TOp, Complex>>(ctx, ufunc.Name, x),
        DType other => throw SparseDTypes.Unsupported(other, ufunc.Name),
    };

    private static NDArray Core<T, TOut, TM>(SparseContext ctx, string name, SparseArray x)
        where T : unmanaged, INumberBase<T> where TOut : unmanaged where TM : struct, IMergeOp<T, TOut>
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
        ReadOnlySpan<T> values = ArrayOps.As<T>(x.ValueBuffer).Span;
        SparseBuffer<TOut> resultBuffer = SparseBuffers.Allocate<TOut>(values.Length);
        Span<TOut> result = resultBuffer.Span;
        for (int k = 0; k < values.Length; k++) result[k] = TM.Apply(values[k], T.Zero);
        return Structure.WithValues(x, resultBuffer);
    }

    private static string Describe<TOut>(TOut v) => v switch
    {
        bool b => b ? "True" : "False",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        Complex c => ArrayDispatch.Scalar.Complex(c.Real, c.Imaginary).ToString(),
        Complex64 c => ArrayDispatch.Scalar.Complex(c.Real, c.Imaginary).ToString(),
        _ => $"{v}",
    };
}
