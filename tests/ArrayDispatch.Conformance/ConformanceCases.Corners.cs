using ArrayDispatch.Functions;

namespace ArrayDispatch.Conformance;

/// <summary>
/// The error-prone corners: inputs where NumPy refuses (negative integer exponents, empty reductions without identity,
/// out-of-range and repeated axes, singular matrices, shape mismatches, indices out of bounds) and inputs where it
/// answers although a .NET loop would throw (integer division by zero, <c>MinValue // -1</c>) or a naive check would
/// refuse (empty results, a singular determinant, a clip whose bounds cross). Where Dense raises, the
/// backend must raise the same category (<see cref="ErrorParity"/>).
/// </summary>
public static partial class ConformanceCases
{
    /// <summary>The corner cases alone (also part of <see cref="All"/>).</summary>
    public static IEnumerable<ConformanceCase> Corners() =>
        ElementwiseCorners().Concat(ReductionCorners()).Concat(ManipulationCorners()).Concat(ProductCorners()).Concat(LinalgCorners());

    private static IEnumerable<ConformanceCase> ElementwiseCorners()
    {
        foreach (ArrayFunction f in FunctionCatalog.All)
        {
            if (f is not ArrayFunction<BinaryArgs, NDArray> binary) continue;
            yield return Case(f.Name, "corner: shapes (3, 4) (5,) do not broadcast", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(3, 4), DType.Float64, 201), c.Array(new(5), DType.Float64, 202))));
            if (f.Name is not ("divide" or "true_divide" or "floor_divide" or "remainder" or "mod" or "fmod")) continue;
            foreach (DType dt in new[] { DType.Int64, DType.Int32 })
            {
                // Divisors 0 and -1 against MinValue, 0 and ±7: NumPy answers all of them (0, wrapped MinValue, inf/nan for divide).
                yield return Case(f.Name, $"corner: {dt.Name()} by zero and -1", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(
                    IntArray(c, dt, [long.MinValue, int.MinValue, 7, -7, 0, 0]), IntArray(c, dt, [-1, -1, 0, 0, 0, -1]))));
            }
        }
        foreach (string name in new[] { "floor_divide", "remainder", "divide" })
        {
            var f = (ArrayFunction<BinaryArgs, NDArray>)Get(name);
            yield return Case(name, "corner: int64 by a weak 0 answers", c => Np.Dispatcher.Invoke(f, new BinaryArgs(c.Array(new(2, 3), DType.Int64, 209, -3, 3), 0L)));
        }
        yield return Case("where", "corner: condition (3, 4) with (5,) branches", c => Np.Where(c.Array(new(3, 4), DType.Bool, 210), c.Array(new(5), DType.Float64, 216), 0.0));
        yield return Case("clip", "corner: min above max answers", c => Np.Clip(c.Array(new(6), DType.Int64, 217, -5, 5), 2L, -1L));
        yield return Case("clip", "corner: bounds (5,) against (3, 4)", c => Np.Clip(c.Array(new(3, 4), DType.Float64, 218), c.Array(new(5), DType.Float64, 219), 1.0));
        yield return Case("power", "corner: int64 to negative int64 exponents", c => Np.Power(c.Array(new(2, 3), DType.Int64, 203, -3, 3), c.Array(new(3), DType.Int64, 204, -3, -1)));
        yield return Case("power", "corner: int32 to a weak -2", c => Np.Power(c.Array(new(4), DType.Int32, 205, 1, 4), -2L));
        yield return Case("power", "corner: int64 with one negative exponent among positives", c => Np.Power(c.From(new long[] { 2, 3, 4, 5 }), c.From(new long[] { 3, 0, -1, 2 })));
        yield return Case("power", "corner: empty int64 (0, 3) to a weak -1 answers", c => Np.Power(c.Array(new(0, 3), DType.Int64, 208), -1L));
        yield return Case("power", "corner: float64 to negative exponents answers", c => Np.Power(c.Array(new(5), DType.Float64, 206, 0.5, 2), c.Array(new(5), DType.Float64, 207, -3, -1)));
    }

    private static IEnumerable<ConformanceCase> ReductionCorners()
    {
        string[] names = ["sum", "prod", "mean", "min", "max", "any", "all", "argmin", "argmax", "cumsum", "cumprod", "nansum", "nanmean", "count_nonzero"];
        foreach (string name in names)
        {
            var f = (ArrayFunction<ReductionArgs, NDArray>)Get(name);
            bool single = name is "argmin" or "argmax" or "cumsum" or "cumprod";
            yield return Case(name, "corner: empty (0,) axis=None", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(0), DType.Float64, 211))));
            yield return Case(name, "corner: empty int64 (2, 0) axis=1", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(2, 0), DType.Int64, 212), 1)));
            yield return Case(name, "corner: axis -4 of (3, 4, 5)", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(3, 4, 5), DType.Float64, 213), -4)));
            if (name is "argmin" or "argmax" or "min" or "max")
            {
                yield return Case(name, "corner: empty (3, 0) axis=0 answers", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(3, 0), DType.Float64, 216), 0)));
            }
            if (single) continue;
            yield return Case(name, "corner: repeated axes (0, -3)", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(3, 4, 5), DType.Float64, 214), Axes.Of(0, -3))));
            yield return Case(name, "corner: axes (1, 3) of (3, 4, 5)", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(3, 4, 5), DType.Float64, 215), Axes.Of(1, 3))));
        }
    }

    private static IEnumerable<ConformanceCase> ManipulationCorners()
    {
        Func<ConformanceContext, NDArray> m = c => c.Array(new(2, 3, 4), DType.Float64, 221);
        yield return Case("flip", "corner: axis 3", c => Np.Flip(m(c), 3));
        yield return Case("expand_dims", "corner: axis 4", c => Np.ExpandDims(m(c), 4));
        yield return Case("expand_dims", "corner: repeated axes (0, 0)", c => Np.ExpandDims(m(c), Axes.Of(0, 0)));
        yield return Case("squeeze", "corner: an axis of length 3", c => Np.Squeeze(c.Array(new(1, 3, 1), DType.Int64, 222), 1));
        yield return Case("squeeze", "corner: axis 3", c => Np.Squeeze(c.Array(new(1, 3, 1), DType.Int64, 222), 3));
        yield return Case("swapaxes", "corner: 0, 3", c => Np.SwapAxes(m(c), 0, 3));
        yield return Case("moveaxis", "corner: repeated source", c => Np.MoveAxis(m(c), [0, 0], [1, 2]));
        yield return Case("moveaxis", "corner: destination -4", c => Np.MoveAxis(m(c), [0], [-4]));
        yield return Case("transpose", "corner: repeated axes", c => Np.Transpose(m(c), 0, 0, 1));
        yield return Case("transpose", "corner: too few axes", c => Np.Transpose(m(c), 1, 0));
        yield return Case("roll", "corner: axis 3", c => Np.Roll(m(c), 1, 3));
        yield return Case("expand_dims", "corner: axis -5", c => Np.ExpandDims(m(c), -5));
        yield return Case("flip", "corner: repeated axes (0, -3)", c => Np.Flip(m(c), Axes.Of(0, -3)));
        yield return Case("moveaxis", "corner: 2 sources, 1 destination", c => Np.MoveAxis(m(c), [0, 1], [0]));
        yield return Case("repeat", "corner: negative count", c => Np.Repeat(c.Array(new(3, 2), DType.Float32, 232), -1, 0));
        yield return Case("repeat", "corner: axis 2", c => Np.Repeat(c.Array(new(3, 2), DType.Float32, 232), 2, 2));
        // An axis longer than a dimension holds: "array is too big" before any backend allocates (Dense's index list for
        // 4 * (2^31 - 1) elements took the process down).
        yield return Case("repeat", "corner: 2^31 - 1 repeats of 4 elements", c => Np.Repeat(c.Array(new(4), DType.Float32, 232), int.MaxValue));
        yield return Case("tile", "corner: reps (2^31 - 1, 3) of (3, 1)", c => Np.Tile(c.Array(new(3, 1), DType.Int32, 53), int.MaxValue, 3));
        yield return Case("diagonal", "corner: of a 1-d array", c => Np.Diagonal(c.Array(new(5), DType.Float64, 233)));
        yield return Case("diagonal", "corner: offset past the edge answers", c => Np.Diagonal(c.Array(new(3, 4), DType.Float64, 233), 7));
        yield return Case("trace", "corner: of a 1-d array", c => Np.Trace(c.Array(new(5), DType.Float64, 234)));
        yield return new ConformanceCase("split", "corner: axis 2 of (2, 6)", c => Np.Split(c.Array(new(2, 6), DType.Float64, 235), 2, 2));
        yield return Case("concatenate", "corner: 0-d arrays", c => Np.Concatenate([c.Array(Shape.Scalar, DType.Float64, 236), c.Array(Shape.Scalar, DType.Float64, 237)], 0));
        yield return Case("broadcast_to", "corner: (3, 1) to the lower rank (3,)", c => Np.BroadcastTo(c.Array(new(3, 1), DType.Float64, 238), 3));
        yield return Case("take", "corner: index -5 along an axis of 4", c => Np.Take(c.Array(new(3, 4), DType.Float64, 239), c.From(new long[] { -5 }), 1));
        yield return Case("take", "corner: from an empty axis", c => Np.Take(c.Array(new(3, 0), DType.Float64, 239), c.From(new long[] { 0 }), 1));
        yield return Case("sort", "corner: axis 2 of (4, 9)", c => Np.Sort(c.Array(new(4, 9), DType.Int64, 223), 2));
        yield return Case("argsort", "corner: axis -3 of (4, 9)", c => Np.Argsort(c.Array(new(4, 9), DType.Int64, 223), -3));
        yield return Case("concatenate", "corner: axis 3", c => Np.Concatenate([m(c), m(c)], 3));
        yield return Case("concatenate", "corner: ranks 3 and 2", c => Np.Concatenate([m(c), c.Array(new(3, 4), DType.Float64, 224)], 0));
        yield return Case("stack", "corner: shapes differ", c => Np.Stack([m(c), c.Array(new(2, 3, 5), DType.Float64, 225)], 0));
        yield return Case("stack", "corner: axis 4", c => Np.Stack([m(c), m(c)], 4));
        yield return new ConformanceCase("split", "corner: 4 sections of 6", c => Np.Split(c.Array(new(2, 6), DType.Float64, 226), 4, 1));
        yield return Case("broadcast_to", "corner: (3, 1) to (2, 4)", c => Np.BroadcastTo(c.Array(new(3, 1), DType.Float64, 227), 2, 4));
        yield return Case("reshape", "corner: two unknown dimensions", c => Np.Reshape(m(c), -1, -1));
        yield return Case("take", "corner: index 5 along an axis of 4", c => Np.Take(c.Array(new(3, 4), DType.Float64, 228), c.From(new long[] { 0, 5 }), 1));
        yield return Case("take", "corner: axis 2", c => Np.Take(c.Array(new(3, 4), DType.Float64, 228), c.From(new long[] { 0 }), 2));
        yield return Case("getitem", "corner: too many indices", c => Np.GetItem(c.Array(new(3, 4), DType.Float64, 229), 0, 0, 0));
        yield return Case("getitem", "corner: -5 along an axis of 4", c => Np.GetItem(c.Array(new(4, 5), DType.Float64, 229), -5));
        yield return Case("setitem", "corner: out of bounds", c => Np.SetItem(Np.Copy(c.Array(new(4, 5), DType.Float64, 230)), [ArrayIndex.All, 5], 1.0));
        yield return Case("setitem", "corner: value of a wrong shape", c => Np.SetItem(Np.Copy(c.Array(new(4, 5), DType.Float64, 230)), [1..3], c.Array(new(3), DType.Float64, 231)));
    }

    private static IEnumerable<ConformanceCase> ProductCorners()
    {
        yield return Case("matmul", "corner: 0-d operand", c => Np.MatMul(c.Array(Shape.Scalar, DType.Float64, 241), c.Array(new(3, 2), DType.Float64, 242)));
        yield return Case("matmul", "corner: batch shapes (2, 3, 4) (5, 4, 2)", c => Np.MatMul(c.Array(new(2, 3, 4), DType.Float64, 243), c.Array(new(5, 4, 2), DType.Float64, 244)));
        yield return Case("matmul", "corner: int64 (0, 3) @ (4, 2)", c => Np.MatMul(c.Array(new(0, 3), DType.Int64, 245), c.Array(new(4, 2), DType.Int64, 246)));
        yield return Case("dot", "corner: vectors of 6 and 5", c => Np.Dot(c.Array(new(6), DType.Float64, 247), c.Array(new(5), DType.Float64, 248)));
        yield return Case("dot", "corner: (3, 4) with (3, 4)", c => Np.Dot(c.Array(new(3, 4), DType.Float64, 249), c.Array(new(3, 4), DType.Float64, 250)));
        yield return Case("vecdot", "corner: (3, 4) with (5,)", c => Np.VecDot(c.Array(new(3, 4), DType.Float64, 251), c.Array(new(5), DType.Float64, 252)));
        yield return Case("outer", "corner: empty (0,) with (3,)", c => Np.Outer(c.Array(new(0), DType.Float64, 253), c.Array(new(3), DType.Float64, 254)));
        yield return Case("tensordot", "corner: contracted lengths differ", c => Np.Tensordot(c.Array(new(3, 4), DType.Float64, 255), c.Array(new(5, 2), DType.Float64, 256), 1));
        yield return Case("einsum", "corner: output label not among the inputs", c => Np.Einsum("ij,jk->il", c.Array(new(3, 4), DType.Float64, 259), c.Array(new(4, 2), DType.Float64, 260)));
        yield return Case("einsum", "corner: ii of a (3, 4) operand", c => Np.Einsum("ii->i", c.Array(new(3, 4), DType.Float64, 262)));
        yield return Case("einsum", "corner: ij,jk with j of 4 and 5", c => Np.Einsum("ij,jk->ik", c.Array(new(3, 4), DType.Float64, 257), c.Array(new(5, 2), DType.Float64, 258)));
    }

    private static IEnumerable<ConformanceCase> LinalgCorners()
    {
        // Rank 2: row 2 = 2 × row 1. Partial pivoting meets an exactly zero pivot in every dtype and any rounding (all
        // intermediate values are small integers and halves). (Rows 1, 2 and their sum, [[1,2,3],[4,5,6],[5,7,9]], leave
        // a rounding residue of ~1e-15 as the last pivot: NumPy 1.24 inverts it; only some LAPACK builds reach 0.)
        Func<ConformanceContext, NDArray> singular = c => c.From(new double[] { 1, 2, 3, 2, 4, 6, 1, 1, 1 }, 3, 3);
        Func<ConformanceContext, NDArray> square = c => c.From(new double[] { 4, 1, 0, 1, 3, 1, 0, 1, 2 }, 3, 3);
        yield return Case("linalg.solve", "corner: singular (3, 3)", c => Np.Linalg.Solve(singular(c), c.From(new double[] { 1, 2, 3 })));
        yield return Case("linalg.solve", "corner: (3, 3) with b of 4", c => Np.Linalg.Solve(square(c), c.From(new double[] { 1, 2, 3, 4 })));
        yield return Case("linalg.solve", "corner: (2, 3) is not square", c => Np.Linalg.Solve(c.Array(new(2, 3), DType.Float64, 261), c.From(new double[] { 1, 2 })));
        yield return Case("linalg.solve", "corner: well posed", c => Np.Linalg.Solve(square(c), c.From(new double[] { 1, 2, 3 })));
        yield return Case("linalg.inv", "corner: singular (3, 3)", c => Np.Linalg.Inv(singular(c)));
        yield return Case("linalg.cholesky", "corner: not positive definite", c => Np.Linalg.Cholesky(c.From(new double[] { 1, 2, 2, 1 }, 2, 2)));
        yield return Case("linalg.det", "corner: singular (3, 3) answers", c => Np.Linalg.Det(singular(c)));
        yield return Case("linalg.inv", "corner: (2, 3) is not square", c => Np.Linalg.Inv(c.Array(new(2, 3), DType.Float64, 263)));
        yield return Case("linalg.det", "corner: 1-d input", c => Np.Linalg.Det(c.Array(new(3), DType.Float64, 264)));
        yield return Case("linalg.solve", "corner: singular int64 system", c => Np.Linalg.Solve(c.From(new long[] { 1, 2, 2, 4 }, 2, 2), c.From(new long[] { 1, 2 })));
        yield return Case("linspace", "corner: -1 samples", c => Np.Linspace(0, 1, -1, backend: c.Backend));
        yield return Case("linspace", "corner: 0 samples answers", c => Np.Linspace(0, 1, 0, backend: c.Backend));
        yield return Case("arange", "corner: step 0", c => Np.Arange(0L, 10L, 0L, backend: c.Backend));
        yield return Case("arange", "corner: empty range answers", c => Np.Arange(5L, 1L, 1L, backend: c.Backend));
        // The protocol's CreationRules: Chunked and Gpu computed the length in double and cast it (a NaN step gave an
        // empty array, 1e18 elements a lazy (2147483647,) array) and wrapped Python ints above int64 to negatives.
        yield return Case("arange", "corner: NaN step", c => Np.Arange(0.0, 10.0, double.NaN, backend: c.Backend));
        yield return Case("arange", "corner: 1e18 elements", c => Np.Arange(0.0, 1e18, 1.0, backend: c.Backend));
        yield return Case("arange", "corner: int64 extremes beyond a dimension", c => Np.Arange(long.MinValue, long.MaxValue, 1L, backend: c.Backend));
        yield return Case("arange", "corner: above int64 answers uint64", c => Np.Arange(Scalar.Integer(ulong.MaxValue - 2), Scalar.Integer(ulong.MaxValue), 1L, backend: c.Backend));
    }

    private static NDArray IntArray(ConformanceContext c, DType dtype, long[] values) => dtype == DType.Int32
        ? c.From(Array.ConvertAll(values, v => unchecked((int)v)))
        : c.From(values);
}
