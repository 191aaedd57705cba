using ArrayDispatch.Functions;

namespace ArrayDispatch.Conformance;

public static partial class ConformanceCases
{
    /// <summary>
    /// Complex cases beyond those drawn with the other dtypes (element-wise, reductions, products and layout take
    /// <see cref="s_complex"/> beside the real dtypes): weak complex scalars and float32 meeting complex64 in every binary
    /// ufunc (those NumPy has no complex loop for must raise Dense's TypeError), dot, casts to integers, where.
    /// </summary>
    private static IEnumerable<ConformanceCase> Complex()
    {
        foreach (ArrayFunction f in FunctionCatalog.All)
        {
            if (f is not ArrayFunction<BinaryArgs, NDArray> binary) continue;
            yield return Case(f.Name, "float32 (3, 4) with complex64 (4,)", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(3, 4), DType.Float32, 23, 1, 3), c.Array(new(4), DType.Complex64, 24, -2, 2))));
            yield return Case(f.Name, "complex128 (5,) with a weak 0.5-1.5j", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(5), DType.Complex128, 27, -2, 2), new System.Numerics.Complex(0.5, -1.5))));
        }
        foreach (DType dt in s_complex)
        {
            yield return Case("dot", $"{dt.Name()} vectors", c => Np.Dot(c.Array(new(6), dt, 101), c.Array(new(6), dt, 102)));
            yield return Case("astype", $"{dt.Name()} to int32", c => Np.AsType(c.Array(new(3, 4), dt, 61, -50, 50), DType.Int32));
            yield return Case("where", $"{dt.Name()} branches", c => Np.Where(c.Array(new(3, 4), DType.Bool, 31), c.Array(new(3, 4), dt, 32), c.Array(new(4), dt, 33)));
        }
    }
}
