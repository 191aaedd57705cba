using ArrayDispatch.Functions;
using ArrayDispatch.Ufuncs;

namespace ArrayDispatch.Conformance;

public static partial class ConformanceCases
{
    private static readonly DType[] s_complex = [DType.Complex64, DType.Complex128];

    /// <summary>
    /// complex64 and complex128: every element-wise function (those NumPy has no complex loop for must raise Dense's
    /// TypeError), mixed real/complex operands and weak complex scalars, the reductions, matmul/dot and astype.
    /// </summary>
    private static IEnumerable<ConformanceCase> Complex()
    {
        foreach (ArrayFunction f in FunctionCatalog.All)
        {
            if (f is ArrayFunction<UnaryArgs, NDArray> unary)
            {
                foreach (DType dt in s_complex)
                    yield return Case(f.Name, $"{dt.Name()} (3, 4)", c => Np.Dispatcher.Invoke(unary, new UnaryArgs(c.Array(new(3, 4), dt, 13, -2, 2))));
            }
            else if (f is ArrayFunction<BinaryArgs, NDArray> binary)
            {
                foreach (DType dt in s_complex)
                    yield return Case(f.Name, $"{dt.Name()} (3, 4) (4,)", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(3, 4), dt, 21, -2, 2), c.Array(new(4), dt, 22, -2, 2))));
                yield return Case(f.Name, "float32 (3, 4) with complex64 (4,)", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(3, 4), DType.Float32, 23, 1, 3), c.Array(new(4), DType.Complex64, 24, -2, 2))));
                yield return Case(f.Name, "complex128 (5,) with a weak 0.5-1.5j", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(5), DType.Complex128, 27, -2, 2), new System.Numerics.Complex(0.5, -1.5))));
            }
        }
        foreach (string name in new[] { "sum", "prod", "mean", "var", "std", "min", "max", "any", "all", "count_nonzero", "cumsum", "argmax" })
        {
            var f = (ArrayFunction<ReductionArgs, NDArray>)Get(name);
            foreach (DType dt in s_complex)
                foreach (Axes ax in new[] { Axes.All, (Axes)1 })
                    yield return Case(name, $"{dt.Name()} (3, 4, 5) axis={ax}", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(3, 4, 5), dt, 41, -1, 1), ax)));
        }
        foreach (DType dt in s_complex)
        {
            yield return Case("matmul", $"{dt.Name()} 17x5 @ 5x9", c => Np.MatMul(c.Array(new(17, 5), dt, 91), c.Array(new(5, 9), dt, 92)));
            yield return Case("dot", $"{dt.Name()} vectors", c => Np.Dot(c.Array(new(6), dt, 101), c.Array(new(6), dt, 102)));
            yield return Case("astype", $"{dt.Name()} to float64 (the real part)", c => Np.AsType(c.Array(new(3, 4), dt, 61, -5, 5), DType.Float64));
            yield return Case("astype", $"{dt.Name()} to int32", c => Np.AsType(c.Array(new(3, 4), dt, 61, -50, 50), DType.Int32));
            yield return Case("astype", $"int32 to {dt.Name()}", c => Np.AsType(c.Array(new(3, 4), DType.Int32, 61, -50, 50), dt));
            yield return Case("transpose", $"{dt.Name()} reversed", c => Np.Transpose(c.Array(new(2, 3, 4), dt, 51)));
            yield return Case("where", $"{dt.Name()} branches", c => Np.Where(c.Array(new(3, 4), DType.Bool, 31), c.Array(new(3, 4), dt, 32), c.Array(new(4), dt, 33)));
        }
    }
}
