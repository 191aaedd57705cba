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

internal struct BoolLoop<TOp> : IGpuBinaryOp<byte, byte> where TOp : struct, IBinaryOp
{
    public readonly byte Apply(byte x, byte y) => TOp.Bool(x != 0, y != 0) ? (byte)1 : (byte)0;
}

internal struct CompareLoop<TOp, T> : IGpuBinaryOp<T, byte> where TOp : struct, IComparisonOp where T : unmanaged, INumber<T>
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

internal struct UnaryBoolLoop<TOp> : IGpuUnaryOp<byte, byte> where TOp : struct, IUnaryOp
{
    public readonly byte Apply(byte x) => TOp.Bool(x != 0) ? (byte)1 : (byte)0;
}

internal struct PredicateLoop<TOp, T> : IGpuUnaryOp<T, byte> where TOp : struct, IPredicateOp where T : unmanaged, INumber<T>
{
    public readonly byte Apply(T x) => TOp.Test(x) ? (byte)1 : (byte)0;
}
