using System.Numerics;
using ArrayDispatch.Interchange;
using ArrayDispatch.Scalars;
using ArrayDispatch.Sparse.Kernels;
using ArrayDispatch.Sparse.Kernels.Ops;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>
/// The result-type rules of element-wise functions with sparse operands (see the README's table):
/// sparse∘sparse is sparse when f(0, 0) = 0; sparse∘dense is sparse for zero-annihilating f (multiply, logical_and) and
/// dense otherwise; sparse∘scalar is sparse when f(0, c) = 0; anything else densifies only when allowed.
/// </summary>
internal static class ElementwiseEngine
{
    /// <summary>A ufunc whose result has its compute dtype, with the loop NumPy's resolver picks (<see cref="Ufunc.Resolve(DType)"/>).</summary>
    public static NDArray Arithmetic<TOp>(SparseContext ctx, BinaryUfunc ufunc, Operand x1, Operand x2, bool annihilates) where TOp : struct, IBinaryOp
    {
        UfuncLoop loop = ufunc.Resolve(x1, x2);
        CheckWeakIntegers(x1, x2, loop.Compute);
        if (ufunc.RefusesNegativeIntegerOperand && loop.Kind == UfuncLoopKind.Integer && Shape.Broadcast(x1.Shape, x2.Shape).Size > 0)
        {
            RefuseNegativeIntegerExponent(x2);
        }
        string name = ufunc.Name;
        (NDArray r, DType computed) = (loop.Kind, loop.Compute) switch
        {
            (UfuncLoopKind.Bool, _) => (Core<int, int, BoolLoop<TOp>>(ctx, name, x1, x2, annihilates), DType.Int32),
            (_, DType.Int8) => (Core<sbyte, sbyte, IntegerLoop<TOp, sbyte>>(ctx, name, x1, x2, annihilates), DType.Int8),
            (_, DType.Int16) => (Core<short, short, IntegerLoop<TOp, short>>(ctx, name, x1, x2, annihilates), DType.Int16),
            (_, DType.Int32) => (Core<int, int, IntegerLoop<TOp, int>>(ctx, name, x1, x2, annihilates), DType.Int32),
            (_, DType.Int64) => (Core<long, long, IntegerLoop<TOp, long>>(ctx, name, x1, x2, annihilates), DType.Int64),
            (_, DType.UInt8) => (Core<byte, byte, IntegerLoop<TOp, byte>>(ctx, name, x1, x2, annihilates), DType.UInt8),
            (_, DType.UInt16) => (Core<ushort, ushort, IntegerLoop<TOp, ushort>>(ctx, name, x1, x2, annihilates), DType.UInt16),
            (_, DType.UInt32) => (Core<uint, uint, IntegerLoop<TOp, uint>>(ctx, name, x1, x2, annihilates), DType.UInt32),
            (_, DType.UInt64) => (Core<ulong, ulong, IntegerLoop<TOp, ulong>>(ctx, name, x1, x2, annihilates), DType.UInt64),
            (_, DType.Float16) => (Core<Half, Half, FloatLoop<TOp, Half>>(ctx, name, x1, x2, annihilates), DType.Float16),
            (_, DType.Float32) => (Core<float, float, FloatLoop<TOp, float>>(ctx, name, x1, x2, annihilates), DType.Float32),
            (_, DType.Float64) => (Core<double, double, FloatLoop<TOp, double>>(ctx, name, x1, x2, annihilates), DType.Float64),
            (_, DType.Complex64) => (Core<Complex64, Complex64, ComplexLoop<TOp, Complex64>>(ctx, name, x1, x2, annihilates), DType.Complex64),
            (_, DType.Complex128) => (Core<Complex, Complex, ComplexLoop<TOp, Complex>>(ctx, name, x1, x2, annihilates), DType.Complex128),
            _ => throw SparseDTypes.Unsupported(loop.Compute, name),
        };
        return loop.Result == computed ? r : CastResult(ctx, r, loop.Result);
    }

    /// <summary>
    /// NumPy refuses a negative integer exponent whatever the other operand, so the refusal comes before the sparsity
    /// rules (which would otherwise decline <c>0 ** -1</c> as densifying): a scalar is checked directly, a sparse exponent
    /// by its stored values (its implicit zeros are not negative), a dense one by its values.
    /// </summary>
    private static void RefuseNegativeIntegerExponent(in Operand exponent)
    {
        if (exponent.Array is not { } e)
        {
            if (exponent.Scalar.Kind == ScalarKind.Integer) ElementwiseRules.ThrowIfNegativeIntegerExponent(exponent.Scalar.As<long>());
            return;
        }
        if (!e.DType.IsSignedInteger()) return;
        if (e is SparseArray s)
        {
            using SparseBuffer<long> stored = ArrayOps.As<long>(s.ValueBuffer);
            foreach (long v in stored.Span) ElementwiseRules.ThrowIfNegativeIntegerExponent(v);
            return;
        }
        foreach (long v in (long[])ArrayOps.Cast(HostInterop.ReadUntyped(e.ToHost()), DType.Int64)) ElementwiseRules.ThrowIfNegativeIntegerExponent(v);
    }

    /// <summary>A comparison or logical function: bool result, compared in the promoted dtype (bools as 0/1).</summary>
    public static NDArray Comparison<TOp>(SparseContext ctx, BinaryUfunc ufunc, Operand x1, Operand x2, bool annihilates) where TOp : struct, IComparisonOp
    {
        string name = ufunc.Name;
        DType compute = ufunc.Resolve(x1, x2).Compute;
        CheckWeakIntegers(x1, x2, compute);
        return compute switch
        {
            DType.Bool or DType.Int32 => Core<int, bool, CompareLoop<TOp, int>>(ctx, name, x1, x2, annihilates),
            DType.Int8 => Core<sbyte, bool, CompareLoop<TOp, sbyte>>(ctx, name, x1, x2, annihilates),
            DType.Int16 => Core<short, bool, CompareLoop<TOp, short>>(ctx, name, x1, x2, annihilates),
            DType.Int64 => Core<long, bool, CompareLoop<TOp, long>>(ctx, name, x1, x2, annihilates),
            DType.UInt8 => Core<byte, bool, CompareLoop<TOp, byte>>(ctx, name, x1, x2, annihilates),
            DType.UInt16 => Core<ushort, bool, CompareLoop<TOp, ushort>>(ctx, name, x1, x2, annihilates),
            DType.UInt32 => Core<uint, bool, CompareLoop<TOp, uint>>(ctx, name, x1, x2, annihilates),
            DType.UInt64 => Core<ulong, bool, CompareLoop<TOp, ulong>>(ctx, name, x1, x2, annihilates),
            DType.Float16 => Core<Half, bool, CompareLoop<TOp, Half>>(ctx, name, x1, x2, annihilates),
            DType.Float32 => Core<float, bool, CompareLoop<TOp, float>>(ctx, name, x1, x2, annihilates),
            DType.Float64 => Core<double, bool, CompareLoop<TOp, double>>(ctx, name, x1, x2, annihilates),
            DType.Complex64 => Core<Complex64, bool, CompareComplexLoop<TOp, Complex64>>(ctx, name, x1, x2, annihilates),
            DType.Complex128 => Core<Complex, bool, CompareComplexLoop<TOp, Complex>>(ctx, name, x1, x2, annihilates),
            DType other => throw SparseDTypes.Unsupported(other, name),
        };
    }

    /// <summary>NEP 50: a Python int that does not fit the integer compute dtype is NumPy 2's OverflowError, not a wrapped value (as Dense).</summary>
    private static void CheckWeakIntegers(in Operand x1, in Operand x2, DType compute)
    {
        if (x1.Array is null) DTypes.CheckWeakInteger(x1.Scalar, compute);
        if (x2.Array is null) DTypes.CheckWeakInteger(x2.Scalar, compute);
    }

    internal static NDArray CastResult(SparseContext ctx, NDArray r, DType dtype) => r switch
    {
        SparseArray s => Structure.WithValues(s, ArrayOps.Cast(s.ValueBuffer, dtype)),
        _ => ctx.Dense(Buffer(ArrayOps.Cast(HostInterop.ReadUntyped(r.ToHost()), dtype), r.Shape)),
    };

    private static NDArray Core<T, TOut, TM>(SparseContext ctx, string name, Operand x1, Operand x2, bool annihilates)
        where T : unmanaged, INumberBase<T> where TOut : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        Shape shape = Shape.Broadcast(x1.Shape, x2.Shape);
        var s1 = x1.Array as SparseArray;
        var s2 = x2.Array as SparseArray;
        if (s1 is not null && s2 is not null)
        {
            TOut zero = TM.Apply(T.Zero, T.Zero);
            if (!Zero.Is(zero))
            {
                ctx.RequireDensify(name, $"{name}(0, 0) = {Format(zero)}, so the zeros of the result are not 0");
                return DenseResult<T, TOut, TM>(ctx, x1, x2, shape);
            }
            return SparseSparse<T, TOut, TM>(s1, s2, shape, annihilates);
        }
        if (s1 is not null && x2.Array is { } d2) return annihilates ? SparseDense<T, TOut, TM>(s1, d2, shape, true) : DenseResult<T, TOut, TM>(ctx, x1, x2, shape);
        if (s2 is not null && x1.Array is { } d1) return annihilates ? SparseDense<T, TOut, TM>(s2, d1, shape, false) : DenseResult<T, TOut, TM>(ctx, x1, x2, shape);
        SparseArray s = s1 ?? s2!;
        bool left = s1 is not null;
        T c = (left ? x2 : x1).Scalar.As<T>();
        TOut atZero = left ? TM.Apply(T.Zero, c) : TM.Apply(c, T.Zero);
        if (!Zero.Is(atZero))
        {
            string call = left ? $"{name}(0, {(left ? x2 : x1).Scalar})" : $"{name}({x1.Scalar}, 0)";
            ctx.RequireDensify(name, $"{call} = {Format(atZero)}, so the zeros of the result are not 0");
            return DenseResult<T, TOut, TM>(ctx, x1, x2, shape);
        }
        Structure.Canonical(s);
        SparseBuffer<T> valueBuffer = ArrayOps.As<T>(s.ValueBuffer);
        ReadOnlySpan<T> values = valueBuffer.Span;
        SparseBuffer<TOut> resultBuffer = SparseBuffers.Allocate<TOut>(values.Length);
        Span<TOut> result = resultBuffer.Span;
        if (left) for (int k = 0; k < values.Length; k++) result[k] = TM.Apply(values[k], c);
        else for (int k = 0; k < values.Length; k++) result[k] = TM.Apply(c, values[k]);
        return Structure.WithValues(s, resultBuffer);
    }

    private static SparseArray SparseSparse<T, TOut, TM>(SparseArray a, SparseArray b, Shape shape, bool annihilates)
        where T : unmanaged, INumberBase<T> where TOut : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        if (a.Rank == 2 && a.Shape == b.Shape)
        {
            bool csc = a is CscArray && b is CscArray;
            CompressedArray ca = csc ? a.ToCsc() : a.ToCsr(), cb = csc ? b.ToCsc() : b.ToCsr();
            ca.SumDuplicates();
            cb.SumDuplicates();
            (SparseBuffer<int> p, SparseBuffer<int> i, SparseBuffer<TOut> v) = CsrMerge.Merge<T, TOut, TM>(ca.Major, ca.IndptrBuffer, ca.IndicesBuffer, ArrayOps.As<T>(ca.ValueBuffer), cb.IndptrBuffer, cb.IndicesBuffer, ArrayOps.As<T>(cb.ValueBuffer), annihilates);
            ca.DisposeIfTemporary(a);
            cb.DisposeIfTemporary(b);
            SparseArray r = csc ? new CscArray(p, i, v, shape, true, true) : new CsrArray(p, i, v, shape, true, true);
            if (a is not CooArray) return r;
            using (r) return r.ToCoo();
        }
        CooArray ac = a.ToCoo(), bc = b.ToCoo();
        (SparseBuffer<long> ak, SparseBuffer<T> av) = CooMerge.Broadcast<T>(ac, shape);
        (SparseBuffer<long> bk, SparseBuffer<T> bv) = CooMerge.Broadcast<T>(bc, shape);
        (SparseBuffer<long> keys, SparseBuffer<TOut> values) = CooMerge.Merge<T, TOut, TM>(ak.Span, av.Span, bk.Span, bv.Span);
        ak.Dispose();
        av.Dispose();
        bk.Dispose();
        bv.Dispose();
        ac.DisposeIfTemporary(a);
        bc.DisposeIfTemporary(b);
        return FromKeys(keys, values, shape, a.Format);
    }

    private static SparseArray SparseDense<T, TOut, TM>(SparseArray s, NDArray d, Shape shape, bool sparseLeft)
        where T : unmanaged, INumberBase<T> where TOut : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        T[] dense = DenseBinary.BroadcastTo(HostInterop.Read<T>(d), d.Shape, shape);
        if (s.Rank == 2 && s.Shape == shape && s is not CooArray)
        {
            CsrArray csr = s.ToCsr();
            csr.SumDuplicates();
            SparseBuffer<T> values = ArrayOps.As<T>(csr.ValueBuffer);
            (SparseBuffer<int> p, SparseBuffer<int> i, SparseBuffer<TOut> v) = sparseLeft
                ? CsrMerge.WithDense<T, TOut, TM>(shape.Dims[0], shape.Dims[1], csr.IndptrBuffer, csr.IndicesBuffer, values, dense)
                : CsrMerge.WithDense<T, TOut, Swapped<TM, T, TOut>>(shape.Dims[0], shape.Dims[1], csr.IndptrBuffer, csr.IndicesBuffer, values, dense);
            csr.DisposeIfTemporary(s);
            var r = new CsrArray(p, i, v, shape, true, true);
            if (s is not CscArray) return r;
            using (r) return r.ToCsc();
        }
        CooArray coo = s.ToCoo();
        (SparseBuffer<long> keys, SparseBuffer<T> sv) = CooMerge.Broadcast<T>(coo, shape);
        (SparseBuffer<long> outKeys, SparseBuffer<TOut> outValues) = CooMerge.WithDense<T, TOut, TM>(keys.Span, sv.Span, dense, sparseLeft);
        keys.Dispose();
        sv.Dispose();
        coo.DisposeIfTemporary(s);
        return FromKeys(outKeys, outValues, shape, s.Format);
    }

    private static NDArray DenseResult<T, TOut, TM>(SparseContext ctx, Operand x1, Operand x2, Shape shape)
        where T : unmanaged, INumberBase<T> where TOut : unmanaged where TM : struct, IMergeOp<T, TOut>
    {
        (T[] a, Shape sa) = DenseOperand<T>(x1);
        (T[] b, Shape sb) = DenseOperand<T>(x2);
        TOut[] result = DenseBinary.Apply<T, TOut, TM>(a, sa, b, sb, shape);
        return ctx.Dense(HostBuffer.FromContiguous(result, shape));
    }

    private static (T[] Values, Shape Shape) DenseOperand<T>(Operand x) where T : unmanaged, INumberBase<T> =>
        x.Array is { } a ? (HostInterop.Read<T>(a), a.Shape) : ([x.Scalar.As<T>()], Shape.Scalar);

    /// <summary>An array of <paramref name="format"/> from sorted unique keys (given back here) and values (adopted).</summary>
    internal static SparseArray FromKeys<TOut>(SparseBuffer<long> keys, SparseBuffer<TOut> values, Shape shape, SparseFormat format) where TOut : unmanaged
    {
        var coo = new CooArray(CooKernels.Unravel(keys.Span, shape), values, shape, true);
        keys.Dispose();
        if (shape.Rank != 2 || format == SparseFormat.Coo) return coo;
        using (coo) return coo.ToFormat(format);
    }

    internal static HostBuffer Buffer(Array values, Shape shape) =>
        new(values, CooArray.DTypeOf(values), shape, shape.ContiguousStrides());

    private static string Format<TOut>(TOut value) => value switch
    {
        bool b => b ? "True" : "False",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        Complex c => ArrayDispatch.Scalar.Complex(c.Real, c.Imaginary).ToString(),
        Complex64 c => ArrayDispatch.Scalar.Complex(c.Real, c.Imaginary).ToString(),
        _ => $"{value}",
    };
}
