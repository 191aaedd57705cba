using ArrayDispatch.Functions;

namespace ArrayDispatch.Conformance;

/// <summary>The cases the kit knows, by function: shapes including empty and 0-d, every dtype (the narrow and unsigned ones, float16 and complex on fewer shapes), axes None/int/negative/tuple. Fixed seeds.</summary>
public static partial class ConformanceCases
{
    private static readonly Shape[] s_unaryShapes = [new(3, 4), new(5), Shape.Scalar, new(0, 3), new(2, 3, 4)];
    private static readonly (Shape, Shape)[] s_binaryShapes = [(new(3, 4), new(3, 4)), (new(3, 4), new(4)), (new(2, 1, 3), new(4, 1)), (Shape.Scalar, new(5)), (new(0, 3), new(3))];
    private static readonly DType[] s_numeric = [DType.Float64, DType.Float32, DType.Int64, DType.Int32];

    /// <summary>The rest of NumPy's real dtypes, run on fewer shapes (one broadcast pair) to keep the kit's time.</summary>
    private static readonly DType[] s_narrow = [DType.Int8, DType.Int16, DType.UInt8, DType.UInt16, DType.UInt32, DType.UInt64, DType.Float16];

    /// <summary>The complex dtypes, on the same few shapes as <see cref="s_narrow"/> (a backend without them declines).</summary>
    private static readonly DType[] s_complex = [DType.Complex128, DType.Complex64];

    /// <summary>Every case, in a fixed order.</summary>
    public static IEnumerable<ConformanceCase> All() =>
        Elementwise().Concat(Reductions()).Concat(Manipulation()).Concat(Indexing()).Concat(Sorting()).Concat(Products()).Concat(Creation()).Concat(Corners()).Concat(Complex());

    private static ConformanceCase Case(string f, string label, Func<ConformanceContext, NDArray> run) => new(f, label, c => [run(c)]);

    private static IEnumerable<ConformanceCase> Elementwise()
    {
        _ = ArrayFunctions.Add; // makes sure the catalogue is populated
        foreach (ArrayFunction f in FunctionCatalog.All)
        {
            if (f is ArrayFunction<UnaryArgs, NDArray> unary)
            {
                foreach (DType dt in new[] { DType.Float64, DType.Float32, DType.Int64 })
                    foreach (Shape s in s_unaryShapes)
                        yield return Case(f.Name, $"{dt.Name()} {s}", c => Np.Dispatcher.Invoke(unary, new UnaryArgs(c.Array(s, dt, 11, 0.1, 2.5))));
                yield return Case(f.Name, "bool (4,)", c => Np.Dispatcher.Invoke(unary, new UnaryArgs(c.Array(new Shape(4), DType.Bool, 12))));
                foreach (DType dt in s_narrow)
                    yield return Case(f.Name, $"{dt.Name()} (3, 4)", c => Np.Dispatcher.Invoke(unary, new UnaryArgs(c.Array(new(3, 4), dt, 13, 0.1, 2.5))));
                foreach (DType dt in s_complex)
                    yield return Case(f.Name, $"{dt.Name()} (3, 4)", c => Np.Dispatcher.Invoke(unary, new UnaryArgs(c.Array(new(3, 4), dt, 14, -2, 2))));
            }
            else if (f is ArrayFunction<BinaryArgs, NDArray> binary)
            {
                foreach (DType dt in s_numeric)
                    foreach ((Shape s1, Shape s2) in s_binaryShapes)
                        yield return Case(f.Name, $"{dt.Name()} {s1} {s2}", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(s1, dt, 21, 0.5, 3), c.Array(s2, dt, 22, -3, 3))));
                yield return Case(f.Name, "int32 (3, 4) with float32 (4,)", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(3, 4), DType.Int32, 23, 1, 4), c.Array(new(4), DType.Float32, 24, 1, 4))));
                yield return Case(f.Name, "bool (2, 3) with bool (3,)", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(2, 3), DType.Bool, 25), c.Array(new(3), DType.Bool, 26))));
                yield return Case(f.Name, "float32 (3, 4) with a weak 2.5", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(3, 4), DType.Float32, 27, 1, 3), 2.5)));
                yield return Case(f.Name, "int32 (5,) with a weak 3", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(5), DType.Int32, 28, 1, 6), 3L)));
                yield return Case(f.Name, "weak 2.0 with float64 (5,)", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(2.0, c.Array(new(5), DType.Float64, 29, 1, 3))));
                foreach (DType dt in s_narrow)
                    yield return Case(f.Name, $"{dt.Name()} (3, 4) (4,)", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(3, 4), dt, 21, 0.5, 3), c.Array(new(4), dt, 22, -3, 3))));
                yield return Case(f.Name, "int8 (3, 4) with uint8 (4,)", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(3, 4), DType.Int8, 23, -3, 3), c.Array(new(4), DType.UInt8, 24, 1, 4))));
                yield return Case(f.Name, "float16 (3, 4) with int16 (4,)", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(3, 4), DType.Float16, 23, 1, 3), c.Array(new(4), DType.Int16, 24, 1, 4))));
                yield return Case(f.Name, "uint64 (3, 4) with int64 (4,)", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(3, 4), DType.UInt64, 23, 1, 5), c.Array(new(4), DType.Int64, 24, 1, 4))));
                yield return Case(f.Name, "uint8 (5,) with a weak 3", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(5), DType.UInt8, 28, 1, 6), 3L)));
                yield return Case(f.Name, "uint64 (5,) with a weak -1", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(5), DType.UInt64, 28, 1, 6), -1L)));
                yield return Case(f.Name, "float16 (5,) with a weak 2.5", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(5), DType.Float16, 27, 1, 3), 2.5)));
                foreach (DType dt in s_complex)
                    yield return Case(f.Name, $"{dt.Name()} (3, 4) (4,)", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(3, 4), dt, 21, -2, 2), c.Array(new(4), dt, 22, -2, 2))));
                yield return Case(f.Name, "float64 (3, 4) with complex64 (4,)", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(3, 4), DType.Float64, 23, -2, 2), c.Array(new(4), DType.Complex64, 24, -2, 2))));
                yield return Case(f.Name, "complex128 (5,) with a weak 2.5", c => Np.Dispatcher.Invoke(binary, new BinaryArgs(c.Array(new(5), DType.Complex128, 27, -2, 2), 2.5)));
            }
        }
        yield return Case("where", "bool (3, 4), float64 (3, 4), float64 (4,)", c => Np.Where(c.Array(new(3, 4), DType.Bool, 31), c.Array(new(3, 4), DType.Float64, 32), c.Array(new(4), DType.Float64, 33)));
        yield return Case("where", "scalar branches", c => Np.Where(c.Array(new(6), DType.Bool, 34), 1.0, 0.0));
        yield return Case("clip", "float64 (3, 4) to [-0.5, 0.5]", c => Np.Clip(c.Array(new(3, 4), DType.Float64, 35), -0.5, 0.5));
        yield return Case("clip", "int64 (7,) to [-1, 2]", c => Np.Clip(c.Array(new(7), DType.Int64, 36), -1L, 2L));
    }

    private static IEnumerable<ConformanceCase> Reductions()
    {
        string[] names = ["sum", "prod", "mean", "var", "std", "min", "max", "any", "all", "count_nonzero", "nansum", "nanmean"];
        Axes[] axes = [Axes.All, 0, -1, Axes.Of(0, 2)];
        foreach (string name in names)
        {
            var f = (ArrayFunction<ReductionArgs, NDArray>)Get(name);
            foreach (DType dt in new[] { DType.Float64, DType.Float32, DType.Int32, DType.Bool })
                foreach (Axes ax in axes)
                    yield return Case(name, $"{dt.Name()} (3, 4, 5) axis={ax}", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(3, 4, 5), dt, 41, -1, 2), ax)));
            foreach (DType dt in s_narrow)
                foreach (Axes ax in new[] { Axes.All, (Axes)1 })
                    yield return Case(name, $"{dt.Name()} (3, 4, 5) axis={ax}", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(3, 4, 5), dt, 41, -1, 2), ax)));
            foreach (DType dt in s_complex)
                foreach (Axes ax in new[] { Axes.All, (Axes)1 })
                    yield return Case(name, $"{dt.Name()} (3, 4, 5) axis={ax}", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(3, 4, 5), dt, 41, -1, 2), ax)));
            yield return Case(name, "keepdims axis=1", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(3, 4, 5), DType.Float64, 42), 1, true)));
            yield return Case(name, "0-d", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(Shape.Scalar, DType.Float64, 43))));
            yield return Case(name, "empty (0, 3) axis=0", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(0, 3), DType.Float64, 44), 0)));
            yield return Case(name, "axis out of range", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(3, 4), DType.Float64, 45), 2)));
        }
        yield return Case("sum", "int32 with dtype=float32", c => Np.Sum(c.Array(new(6, 4), DType.Int32, 46), 0, dtype: DType.Float32));
        yield return Case("var", "ddof=1 axis=0", c => Np.Var(c.Array(new(5, 3), DType.Float64, 47), 0, ddof: 1));
        foreach (string name in new[] { "argmin", "argmax" })
        {
            var f = (ArrayFunction<ReductionArgs, NDArray>)Get(name);
            foreach (int? ax in new int?[] { null, 0, -1 })
                foreach (DType dt in new[] { DType.Float64, DType.Int64 })
                    yield return Case(name, $"{dt.Name()} (4, 5) axis={ax?.ToString() ?? "None"}", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(4, 5), dt, 48, -9, 9), ax)));
        }
        foreach (string name in new[] { "cumsum", "cumprod" })
        {
            var f = (ArrayFunction<ReductionArgs, NDArray>)Get(name);
            foreach (int? ax in new int?[] { null, 0, -1 })
                foreach (DType dt in new[] { DType.Float64, DType.Int32, DType.Bool })
                    yield return Case(name, $"{dt.Name()} (3, 4) axis={ax?.ToString() ?? "None"}", c => Np.Dispatcher.Invoke(f, new ReductionArgs(c.Array(new(3, 4), dt, 49, -2, 2), ax)));
        }
    }

    private static IEnumerable<ConformanceCase> Manipulation()
    {
        Func<ConformanceContext, NDArray> m = c => c.Array(new(2, 3, 4), DType.Float64, 51);
        yield return Case("reshape", "(2, 3, 4) to (4, -1)", c => Np.Reshape(m(c), 4, -1));
        yield return Case("reshape", "to a wrong size", c => Np.Reshape(m(c), 5, 5));
        yield return Case("reshape", "of a transpose", c => Np.Reshape(Np.Transpose(m(c)), 6, 4));
        yield return Case("ravel", "(2, 3, 4)", c => Np.Ravel(m(c)));
        yield return Case("copy", "(2, 3, 4)", c => Np.Copy(m(c)));
        yield return Case("transpose", "reversed", c => Np.Transpose(m(c)));
        yield return Case("transpose", "(1, 0, 2)", c => Np.Transpose(m(c), 1, 0, 2));
        yield return Case("squeeze", "(1, 3, 1)", c => Np.Squeeze(c.Array(new(1, 3, 1), DType.Int64, 52)));
        yield return Case("expand_dims", "axis=1", c => Np.ExpandDims(m(c), 1));
        yield return Case("flip", "axis=0", c => Np.Flip(m(c), 0));
        yield return Case("flip", "all axes", c => Np.Flip(m(c)));
        yield return Case("swapaxes", "0, 2", c => Np.SwapAxes(m(c), 0, 2));
        yield return Case("moveaxis", "[0] to [-1]", c => Np.MoveAxis(m(c), [0], [-1]));
        yield return Case("roll", "2 along -1", c => Np.Roll(m(c), 2, -1));
        yield return Case("roll", "flattened", c => Np.Roll(m(c), -3));
        yield return Case("tile", "(2, 3)", c => Np.Tile(c.Array(new(3, 1), DType.Int32, 53), 2, 3));
        yield return Case("repeat", "3 along 0", c => Np.Repeat(c.Array(new(3, 2), DType.Float32, 54), 3, 0));
        yield return Case("tril", "k=-1", c => Np.Tril(c.Array(new(4, 5), DType.Float64, 55), -1));
        yield return Case("triu", "k=1", c => Np.Triu(c.Array(new(4, 5), DType.Float64, 56), 1));
        yield return Case("diagonal", "offset 1", c => Np.Diagonal(c.Array(new(4, 5), DType.Float64, 57), 1));
        yield return Case("trace", "(4, 4)", c => Np.Trace(c.Array(new(4, 4), DType.Int64, 58)));
        yield return new ConformanceCase("split", "3 sections along 1", c => Np.Split(c.Array(new(2, 6), DType.Float64, 59), 3, 1));
        yield return Case("concatenate", "axis 1", c => Np.Concatenate([m(c), c.Array(new(2, 2, 4), DType.Float64, 60)], 1));
        yield return Case("concatenate", "mismatched shapes", c => Np.Concatenate([m(c), c.Array(new(2, 2, 5), DType.Float64, 60)], 1));
        yield return Case("stack", "axis 1", c => Np.Stack([m(c), m(c)], 1));
        yield return Case("astype", "float64 to complex128", c => Np.AsType(c.Array(new(3, 4), DType.Float64, 61), DType.Complex128));
        yield return Case("astype", "complex128 to complex64", c => Np.AsType(c.Array(new(3, 4), DType.Complex128, 61), DType.Complex64));
        yield return Case("astype", "complex64 to float32 (the real part)", c => Np.AsType(c.Array(new(3, 4), DType.Complex64, 61), DType.Float32));
        yield return Case("astype", "int32 to complex64", c => Np.AsType(c.Array(new(3, 4), DType.Int32, 61), DType.Complex64));
        yield return Case("reshape", "complex128 (2, 3, 4) to (4, -1)", c => Np.Reshape(c.Array(new(2, 3, 4), DType.Complex128, 51), 4, -1));
        yield return Case("transpose", "complex64 reversed", c => Np.Transpose(c.Array(new(2, 3, 4), DType.Complex64, 51)));
        yield return Case("concatenate", "complex128 axis 1", c => Np.Concatenate([c.Array(new(2, 3, 4), DType.Complex128, 51), c.Array(new(2, 2, 4), DType.Complex128, 60)], 1));
        yield return Case("getitem", "complex128 [1:3, ::-2]", c => Np.GetItem(c.Array(new(4, 5), DType.Complex128, 71), 1..3, new Slice(null, null, -2)));
        yield return Case("astype", "float64 to int32", c => Np.AsType(c.Array(new(3, 4), DType.Float64, 61, -50, 50), DType.Int32));
        yield return Case("astype", "safe casting refuses float64 to int32", c => Np.AsType(c.Array(new(3), DType.Float64, 62), DType.Int32, Casting.Safe));
        yield return Case("take", "axis 1", c => Np.Take(c.Array(new(3, 4), DType.Float64, 63), c.From(new long[] { 3, 0, 2, 2 }), 1));
        yield return Case("broadcast_to", "(3, 1) to (2, 3, 4)", c => Np.BroadcastTo(c.Array(new(3, 1), DType.Float64, 64), 2, 3, 4));
        yield return Case("full_like", "7.5", c => Np.FullLike(c.Array(new(2, 3), DType.Float32, 65), 7.5));
        yield return new ConformanceCase("meshgrid", "xy", c => Np.Meshgrid([c.Array(new(3), DType.Float64, 66), c.Array(new(4), DType.Float64, 67)]));
    }

    private static IEnumerable<ConformanceCase> Indexing()
    {
        Func<ConformanceContext, NDArray> a = c => c.Array(new(4, 5), DType.Float64, 71);
        yield return Case("getitem", "[1:3, ::-2]", c => Np.GetItem(a(c), 1..3, new Slice(null, null, -2)));
        yield return Case("getitem", "[-1, newaxis, ...]", c => Np.GetItem(a(c), ^1, ArrayIndex.NewAxis, ArrayIndex.Ellipsis));
        yield return Case("getitem", "integer array [[3, 0, 3]]", c => Np.GetItem(a(c), c.From(new long[] { 3, 0, 3 })));
        yield return Case("getitem", "boolean mask", c => Np.GetItem(a(c), c.Array(new(4, 5), DType.Bool, 72)));
        yield return Case("getitem", "[:, [0, 2]]", c => Np.GetItem(a(c), ArrayIndex.All, c.From(new long[] { 0, 2 })));
        yield return Case("getitem", "out of bounds", c => Np.GetItem(a(c), 7));
        yield return Case("setitem", "slice = scalar", c => Np.SetItem(Np.Copy(a(c)), [1..3], 9.0));
        yield return Case("setitem", "mask = scalar", c =>
        {
            NDArray x = Np.Copy(a(c));
            return Np.SetItem(x, [c.Array(new(4, 5), DType.Bool, 73)], -1.0);
        });
        yield return Case("setitem", "integer array = row", c => Np.SetItem(Np.Copy(a(c)), [c.From(new long[] { 0, 2 })], c.Array(new(5), DType.Float64, 74)));
    }

    private static IEnumerable<ConformanceCase> Sorting()
    {
        Func<ConformanceContext, NDArray> s = c => c.Array(new(4, 9), DType.Int64, 81, 0, 9);
        yield return Case("sort", "axis -1", c => Np.Sort(s(c)));
        yield return Case("sort", "axis 0, float", c => Np.Sort(c.Array(new(4, 9), DType.Float64, 82), 0));
        yield return Case("sort", "flattened", c => Np.Sort(s(c), null));
        yield return Case("argsort", "stable, axis -1", c => Np.Argsort(s(c)));
        yield return new ConformanceCase("unique", "all outputs", c =>
        {
            UniqueResult u = Np.Unique(s(c), true, true, true);
            return [u.Values, u.Indices!, u.Inverse!, u.Counts!];
        });
        yield return new ConformanceCase("nonzero", "mask", c => Np.Nonzero(c.Array(new(3, 4), DType.Bool, 83)));
        yield return Case("argwhere", "mask", c => Np.Argwhere(c.Array(new(3, 4), DType.Bool, 84)));
        yield return Case("searchsorted", "left", c => Np.SearchSorted(c.From(new long[] { 0, 1, 1, 3, 5, 8 }), c.From(new long[] { 1, 4, 9, -1 })));
        yield return Case("searchsorted", "right", c => Np.SearchSorted(c.From(new long[] { 0, 1, 1, 3, 5, 8 }), c.From(new long[] { 1, 4, 9, -1 }), true));
    }

    private static IEnumerable<ConformanceCase> Products()
    {
        foreach ((int n, int k, int p) in new[] { (8, 8, 8), (17, 5, 9), (3, 1, 5), (0, 4, 3) })
            foreach (DType dt in new[] { DType.Float64, DType.Float32, DType.Int64 })
                yield return Case("matmul", $"{dt.Name()} {n}x{k} @ {k}x{p}", c => Np.MatMul(c.Array(new(n, k), dt, 91), c.Array(new(k, p), dt, 92)));
        foreach (DType dt in s_complex)
            foreach ((int n, int k, int p) in new[] { (8, 8, 8), (17, 5, 9) })
                yield return Case("matmul", $"{dt.Name()} {n}x{k} @ {k}x{p}", c => Np.MatMul(c.Array(new(n, k), dt, 91), c.Array(new(k, p), dt, 92)));
        yield return Case("matmul", "float64 4x6 @ complex128 6x3", c => Np.MatMul(c.Array(new(4, 6), DType.Float64, 91), c.Array(new(6, 3), DType.Complex128, 92)));
        yield return Case("matmul", "complex128 vector @ matrix", c => Np.MatMul(c.Array(new(3), DType.Complex128, 95), c.Array(new(3, 4), DType.Complex128, 96)));
        yield return Case("matmul", "batched broadcast (5, 4, 3) @ (3, 2)", c => Np.MatMul(c.Array(new(5, 4, 3), DType.Float64, 93), c.Array(new(3, 2), DType.Float64, 94)));
        yield return Case("matmul", "vector @ matrix", c => Np.MatMul(c.Array(new(3), DType.Float64, 95), c.Array(new(3, 4), DType.Float64, 96)));
        yield return Case("matmul", "mismatched core dimension", c => Np.MatMul(c.Array(new(3, 4), DType.Float64, 97), c.Array(new(5, 2), DType.Float64, 98)));
        yield return Case("dot", "vectors", c => Np.Dot(c.Array(new(6), DType.Float64, 101), c.Array(new(6), DType.Float64, 102)));
        yield return Case("dot", "3-d with 2-d", c => Np.Dot(c.Array(new(2, 3, 4), DType.Float64, 103), c.Array(new(4, 5), DType.Float64, 104)));
        yield return Case("vecdot", "(3, 4) with (4,)", c => Np.VecDot(c.Array(new(3, 4), DType.Float64, 105), c.Array(new(4), DType.Float64, 106)));
        yield return Case("outer", "(3,) (4,)", c => Np.Outer(c.Array(new(3), DType.Float64, 107), c.Array(new(4), DType.Float64, 108)));
        yield return Case("kron", "(2, 2) (3, 2)", c => Np.Kron(c.Array(new(2, 2), DType.Int64, 109), c.Array(new(3, 2), DType.Int64, 110)));
        yield return Case("tensordot", "axes=2", c => Np.Tensordot(c.Array(new(3, 4, 5), DType.Float64, 111), c.Array(new(4, 5, 2), DType.Float64, 112)));
        yield return Case("einsum", "ij,jk->ik", c => Np.Einsum("ij,jk->ik", c.Array(new(3, 4), DType.Float64, 113), c.Array(new(4, 2), DType.Float64, 114)));
        yield return Case("einsum", "ii->i", c => Np.Einsum("ii->i", c.Array(new(4, 4), DType.Float64, 115)));
        yield return Case("einsum", "bij,bjk->bik", c => Np.Einsum("bij,bjk->bik", c.Array(new(2, 3, 4), DType.Float64, 116), c.Array(new(2, 4, 5), DType.Float64, 117)));
        yield return Case("einsum", "ij->", c => Np.Einsum("ij->", c.Array(new(3, 4), DType.Float64, 118)));
    }

    private static IEnumerable<ConformanceCase> Creation()
    {
        yield return Case("full", "(2, 3) of 1.5", c => Np.Full((2, 3), 1.5, backend: c.Backend));
        yield return Case("full", "int32 zeros (0, 3)", c => Np.Zeros(new Shape(0, 3), DType.Int32, backend: c.Backend));
        yield return Case("arange", "0..10 by 3", c => Np.Arange(0L, 10L, 3L, backend: c.Backend));
        yield return Case("arange", "0.0..1.0 by 0.1", c => Np.Arange(0.0, 1.0, 0.1, backend: c.Backend));
        yield return Case("linspace", "0..1, 7", c => Np.Linspace(0, 1, 7, backend: c.Backend));
        yield return Case("eye", "4x5 k=1", c => Np.Eye(4, 5, 1, backend: c.Backend));
        yield return Case("asarray", "double[,]", c => Np.AsArray(new double[,] { { 1, 2 }, { 3, 4 } }, backend: c.Backend));
    }

    private static ArrayFunction Get(string name) => FunctionCatalog.TryGet(name, out ArrayFunction f) ? f : throw new InvalidOperationException(name);
}
