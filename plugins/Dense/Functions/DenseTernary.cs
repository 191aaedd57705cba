using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

/// <summary>
/// The ternary element-wise functions (<c>where</c>, <c>clip</c>); the ufuncs themselves are the protocol's declarations,
/// run by <see cref="DenseUfuncs"/>.
/// </summary>
public static class DenseTernary
{
    [Implements("where")]
    public static DispatchResult<NDArray> Where(in TernaryArgs args, ReadOnlySpan<Type> types)
    {
        DType dtype = args.B.ResultType(args.C);
        if (!Shape.TryBroadcast(args.A.Shape, args.B.Shape, out Shape ab) || !Shape.TryBroadcast(ab, args.C.Shape, out Shape shape))
        {
            throw NumPyErrors.CannotBroadcast(args.A.Shape, args.B.Shape, args.C.Shape);   // all three, as NumPy names them
        }
        DenseArray condition = Ufunc.Operand(args.A, DType.Bool);
        DenseArray x = Ufunc.Operand(args.B, dtype), y = Ufunc.Operand(args.C, dtype);
        DenseArray result = DenseArray.CreateUninitialized(dtype, shape, condition, x, y);
        Ufunc.Where(condition, x, y, result);
        return result;
    }

    [Implements("clip")]
    public static DispatchResult<NDArray> Clip(in TernaryArgs args, ReadOnlySpan<Type> types)
    {
        // NumPy: minimum(maximum(a, min), max), in the dtype of all three (scalars weak).
        DType dtype = args.A.ResultType(args.B);
        dtype = ((Operand)DenseArray.Create(dtype, Shape.Scalar)).ResultType(args.C);
        NDArray low = DenseUfuncs.Call(ArrayFunctions.Maximum, new BinaryArgs(Ufunc.Operand(args.A, dtype), Ufunc.Operand(args.B, dtype)));
        return DenseUfuncs.Call(ArrayFunctions.Minimum, new BinaryArgs(low, Ufunc.Operand(args.C, dtype)));
    }
}
