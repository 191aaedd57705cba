using System.Numerics;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Gpu;

// Adapters from the protocol's ufunc ops (ArrayDispatch.Ufuncs: the scalar meaning, one static method per loop) to the
// kernels' operator shape. ILGPU compiles the op's method into the kernel like the struct's own body (it is written with
// operators and static interface members only, and never throws); bools are bytes 0/1 on the device.

internal struct IntegerLoop<TOp, T> : IGpuBinaryOp<T, T> where TOp : struct, IBinaryOp where T : unmanaged, IBinaryInteger<T>
{
    public readonly T Apply(T x, T y) => TOp.Integer(x, y);
}

internal struct FloatLoop<TOp, T> : IGpuBinaryOp<T, T> where TOp : struct, IBinaryOp where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly T Apply(T x, T y) => TOp.Float(x, y);
}

internal struct BoolLoop<TOp> : IGpuBinaryOp<byte, byte>, IGpuBoolResult where TOp : struct, IBinaryOp
{
    public readonly byte Apply(byte x, byte y) => TOp.Bool(x != 0, y != 0) ? (byte)1 : (byte)0;
}

internal struct CompareLoop<TOp, T> : IGpuBinaryOp<T, byte>, IGpuBoolResult where TOp : struct, IComparisonOp where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x, T y) => TOp.Compare(x, y) ? (byte)1 : (byte)0;
}

internal struct UnaryIntegerLoop<TOp, T> : IGpuUnaryOp<T, T> where TOp : struct, IUnaryOp where T : unmanaged, IBinaryInteger<T>
{
    public readonly T Apply(T x) => TOp.Integer(x);
}

internal struct UnaryFloatLoop<TOp, T> : IGpuUnaryOp<T, T> where TOp : struct, IUnaryOp where T : unmanaged, IFloatingPointIeee754<T>
{
    public readonly T Apply(T x) => TOp.Float(x);
}

internal struct UnaryBoolLoop<TOp> : IGpuUnaryOp<byte, byte>, IGpuBoolResult where TOp : struct, IUnaryOp
{
    public readonly byte Apply(byte x) => TOp.Bool(x != 0) ? (byte)1 : (byte)0;
}

internal struct PredicateLoop<TOp, T> : IGpuUnaryOp<T, byte>, IGpuBoolResult where TOp : struct, IPredicateOp where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x) => TOp.Test(x) ? (byte)1 : (byte)0;
}

// float16: ILGPU cannot compile System.Half's operators (see HalfBits), so the float16 loops widen each operand to float32
// exactly, run the op's float32 loop and round the result once to float16. That is how NumPy's float16 loops compute
// (they convert to float and back), and it is what System.Half's own operators do on the host.

internal struct HalfLoop<TOp> : IGpuBinaryOp<HalfBits, HalfBits> where TOp : struct, IBinaryOp
{
    public readonly HalfBits Apply(HalfBits x, HalfBits y) => TOp.HasFloat16Loop
        ? new HalfBits { Bits = TOp.Float16(x.Bits, y.Bits) }
        : HalfBits.FromDouble(TOp.Float(HalfBits.ToSingle(x), HalfBits.ToSingle(y)));
}

internal struct HalfCompareLoop<TOp> : IGpuBinaryOp<HalfBits, byte>, IGpuBoolResult where TOp : struct, IComparisonOp
{
    public readonly byte Apply(HalfBits x, HalfBits y) => TOp.Compare(HalfBits.ToSingle(x), HalfBits.ToSingle(y)) ? (byte)1 : (byte)0;
}

internal struct UnaryHalfLoop<TOp> : IGpuUnaryOp<HalfBits, HalfBits> where TOp : struct, IUnaryOp
{
    public readonly HalfBits Apply(HalfBits x) => TOp.HasFloat16Loop
        ? new HalfBits { Bits = TOp.Float16(x.Bits) }
        : HalfBits.FromDouble(TOp.Float(HalfBits.ToSingle(x)));
}

internal struct HalfPredicateLoop<TOp> : IGpuUnaryOp<HalfBits, byte>, IGpuBoolResult where TOp : struct, IPredicateOp
{
    public readonly byte Apply(HalfBits x) => TOp.Test(HalfBits.ToSingle(x)) ? (byte)1 : (byte)0;
}

// complex64 (Complex64) and complex128 (System.Numerics.Complex): the op's Complex loop, which is the protocol's
// ComplexFunctions (NumPy's formulas and branch cuts), compiled into the kernel as it is: ComplexFunctions reads the parts
// through Unsafe.As and a constant element kind, not typeof and boxes, so ILGPU compiles it for the device.

internal struct ComplexLoop<TOp, T> : IGpuBinaryOp<T, T> where TOp : struct, IBinaryOp where T : unmanaged, INumberBase<T>
{
    public readonly T Apply(T x, T y) => TOp.Complex(x, y);
}

internal struct ComplexCompareLoop<TOp, T> : IGpuBinaryOp<T, byte>, IGpuBoolResult where TOp : struct, IComparisonOp where T : unmanaged, INumberBase<T>
{
    public readonly byte Apply(T x, T y) => TOp.Complex(x, y) ? (byte)1 : (byte)0;
}

internal struct UnaryComplexLoop<TOp, T> : IGpuUnaryOp<T, T> where TOp : struct, IUnaryOp where T : unmanaged, INumberBase<T>
{
    public readonly T Apply(T x) => TOp.Complex(x);
}

/// <summary>The ufuncs with a real result on complex input (<c>abs</c>, <c>real</c>, <c>imag</c>, <c>angle</c>): the real part of the op's value, in the real dtype of the parts.</summary>
internal struct UnaryComplexToRealLoop<TOp, T, TReal, EReal> : IGpuUnaryOp<T, TReal>
    where TOp : struct, IUnaryOp where T : unmanaged, INumberBase<T> where TReal : unmanaged where EReal : struct, IGpuElement<TReal>
{
    public readonly TReal Apply(T x) => default(EReal).FromDouble(Ufuncs.ComplexFunctions.Re(TOp.Complex(x)));
}

internal struct ComplexPredicateLoop<TOp, T> : IGpuUnaryOp<T, byte>, IGpuBoolResult where TOp : struct, IPredicateOp where T : unmanaged, INumberBase<T>
{
    public readonly byte Apply(T x) => TOp.Complex(x) ? (byte)1 : (byte)0;
}
