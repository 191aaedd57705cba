using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>
/// The plugin's constructors under <c>sparse.*</c> (SciPy's <c>scipy.sparse.random</c>, <c>eye</c>, <c>diags</c>,
/// <c>kron</c>, <c>bmat</c>): reachable with <c>Np.Call</c> by code that references only the abstractions. Array
/// arguments may be sparse or host-resident dense arrays; calls without arrays reach Sparse through a scope
/// (<c>Np.UseBackend("Sparse")</c>) or <c>DefaultBackend</c>, as every creation function.
/// </summary>
internal sealed class SparseConstruction
{
    /// <summary><c>sparse.random</c>: <see cref="SparseArrays.Random(Shape, double, int?, SparseFormat, DType)"/>.</summary>
    [Implements("sparse.random")]
    public DispatchResult<NDArray[]> Random(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Arrays.Length != 0) return NotImplemented.Value;
        CallOptions o = new CallOptions("sparse.random", args.Options).Only("shape", "density", "seed", "format", "dtype");
        Shape shape = o.Shape("shape", required: true)!.Value;
        double density = o.Double("density", 0.01);
        if (double.IsNaN(density) || density is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException("density", density, $"sparse.random: option 'density' must be in [0, 1], got {density}");
        }
        SparseFormat format = o.Format(SparseFormat.Coo);
        if (format != SparseFormat.Coo && shape.Rank != 2)
        {
            throw new ArgumentException($"sparse.random: option 'format' is '{format.Name()}', which holds 2-d arrays, but 'shape' is {shape}; use format 'coo'", "format");
        }
        if (Math.Round(density * shape.Size) > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException("density", density, $"sparse.random: density {density} of shape {shape} gives more than {int.MaxValue} entries, more than one sparse array holds");
        }
        return new NDArray[] { SparseArrays.Random(shape, density, o.IntOrNull("seed"), format, o.DType("dtype", DType.Float64)) };
    }

    /// <summary><c>sparse.eye</c>: SciPy's <c>eye(m, n=None, k=0, dtype=float, format=None)</c>, CSR by default.</summary>
    [Implements("sparse.eye")]
    public DispatchResult<NDArray[]> Eye(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Arrays.Length != 0) return NotImplemented.Value;
        CallOptions o = new CallOptions("sparse.eye", args.Options).Only("m", "n", "k", "dtype", "format");
        if (!o.Has("m")) throw new ArgumentException("sparse.eye needs the keyword argument 'm' (the number of rows)", "m");
        int m = o.Int("m", 0, min: 0);
        int n = o.Int("n", m, min: 0);
        return new NDArray[] { SparseArrays.Eye(m, n, o.Int("k", 0), o.DType("dtype", DType.Float64), o.Format(SparseFormat.Csr)) };
    }

    /// <summary><c>sparse.diags</c>: the arrays (or option <c>diagonals</c>) on the diagonals named by <c>offsets</c>.</summary>
    [Implements("sparse.diags")]
    public DispatchResult<NDArray[]> Diags(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (!HostInterop.AcceptsReadable(types, args.Arrays)) return NotImplemented.Value;
        CallOptions o = new CallOptions("sparse.diags", args.Options).Only("diagonals", "offsets", "shape", "dtype", "format");
        Array[] diagonals;
        if (args.Arrays.Length > 0)
        {
            if (o.Has("diagonals")) throw new ArgumentException("sparse.diags: give the diagonals either as arrays or as the option 'diagonals', not both", "diagonals");
            diagonals = new Array[args.Arrays.Length];
            for (int d = 0; d < diagonals.Length; d++)
            {
                NDArray a = args.Arrays[d] ?? throw new ArgumentException($"sparse.diags: diagonal {d} is null", "arrays");
                if (a.Rank > 1) throw new ShapeMismatchException($"sparse.diags: diagonal {d} has shape {a.Shape}; diagonals are 1-d", "diagonals", a.Shape);
                diagonals[d] = HostInterop.ReadUntyped(a is SparseArray s ? s.ToHostManaged() : a.ToHost());
            }
        }
        else
        {
            diagonals = args.Options?.GetValueOrDefault("diagonals") switch
            {
                double[][] many => Array.ConvertAll(many, d => (Array)d),
                double[] one => [one],
                null => throw new ArgumentException("sparse.diags needs the diagonals, as arrays or as the option 'diagonals' (double[][])", "diagonals"),
                object other => throw new ArgumentException($"sparse.diags: option 'diagonals' must be double[][] or double[], got {other.GetType().Name}", "diagonals"),
            };
        }
        int[] offsets = o.Ints("offsets") ?? (diagonals.Length == 1 ? [0] : throw new ArgumentException($"sparse.diags: {diagonals.Length} diagonals need the option 'offsets' (one offset each)", "offsets"));
        if (offsets.Length != diagonals.Length)
        {
            throw new ArgumentException($"sparse.diags: {diagonals.Length} diagonals but {offsets.Length} offsets in option 'offsets'; give one offset per diagonal", "offsets");
        }
        Shape? shape = o.Shape("shape", required: false);
        if (shape is { Rank: not 2 } bad) throw new ArgumentException($"sparse.diags: option 'shape' must be 2-d, got {bad}", "shape");
        DType? dtype = o.Has("dtype") ? o.DType("dtype", DType.Float64) : null;
        return new NDArray[] { SparseArrays.Diags(diagonals, offsets, shape, dtype, o.Format(SparseFormat.Csr)) };
    }

    /// <summary>
    /// <c>sparse.coo_array</c>: SciPy's <c>coo_array((data, (row, col)), shape)</c> from arrays <c>[data, row, col]</c>
    /// (more coordinate arrays for n-d, as pydata's <c>COO(coords, data)</c>), every index checked. Option <c>shape</c>
    /// defaults to one more than the largest index on each axis (SciPy's inference); <c>format</c> <c>"csr"</c> or
    /// <c>"csc"</c> converts, summing duplicates as SciPy's <c>tocsr</c>; <c>dtype</c> casts the values.
    /// </summary>
    [Implements("sparse.coo_array")]
    public DispatchResult<NDArray[]> CooArrayFromTriplets(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (!HostInterop.AcceptsReadable(types, args.Arrays)) return NotImplemented.Value;
        CallOptions o = new CallOptions("sparse.coo_array", args.Options).Only("shape", "format", "dtype");
        if (args.Arrays.Length < 2 || Array.IndexOf(args.Arrays, null) >= 0)
        {
            throw new ArgumentException($"sparse.coo_array takes the arrays [data, row, col] (one coordinate array per axis), got {args.Arrays.Length}", "arrays");
        }
        Array data = Values(args.Arrays[0], "sparse.coo_array", "data");
        string[] names = args.Arrays.Length == 3 ? ["row", "col"] : Enumerable.Range(0, args.Arrays.Length - 1).Select(a => $"coords[{a}]").ToArray();
        var coords = new int[args.Arrays.Length - 1][];
        for (int a = 0; a < coords.Length; a++) coords[a] = Indices(args.Arrays[a + 1], "sparse.coo_array", names[a], data.Length);
        Shape shape = o.Shape("shape", required: false) ?? new Shape(Array.ConvertAll(coords, c => c.Length == 0 ? 0 : c.Max() + 1));
        SparseFormat format = o.Format(SparseFormat.Coo);
        if (format != SparseFormat.Coo && shape.Rank != 2)
        {
            throw new ArgumentException($"sparse.coo_array: option 'format' is '{format.Name()}', which holds 2-d arrays, but the shape is {shape}; use format 'coo'", "format");
        }
        SparseArray result = CooArray.FromCoordinates(data, coords, shape);
        if (format != SparseFormat.Coo) result = result.ToFormat(format);
        return new NDArray[] { CastTo(result, o) };
    }

    /// <summary>
    /// <c>sparse.csr_array</c> / <c>sparse.csc_array</c>: SciPy's <c>csr_array((data, indices, indptr), shape)</c> from
    /// arrays <c>[data, indices, indptr]</c>, every entry checked. Option <c>shape</c> defaults to
    /// (len(indptr) - 1, max(indices) + 1) for CSR and its transpose for CSC, as SciPy; <c>dtype</c> casts the values.
    /// </summary>
    [Implements("sparse.csr_array")]
    public DispatchResult<NDArray[]> CsrArrayFromCompressed(in CallArgs args, ReadOnlySpan<Type> types) => FromCompressed(args, types, rowMajor: true);

    /// <inheritdoc cref="CsrArrayFromCompressed"/>
    [Implements("sparse.csc_array")]
    public DispatchResult<NDArray[]> CscArrayFromCompressed(in CallArgs args, ReadOnlySpan<Type> types) => FromCompressed(args, types, rowMajor: false);

    private static DispatchResult<NDArray[]> FromCompressed(in CallArgs args, ReadOnlySpan<Type> types, bool rowMajor)
    {
        if (!HostInterop.AcceptsReadable(types, args.Arrays)) return NotImplemented.Value;
        string function = rowMajor ? "sparse.csr_array" : "sparse.csc_array";
        CallOptions o = new CallOptions(function, args.Options).Only("shape", "dtype");
        if (args.Arrays.Length != 3 || Array.IndexOf(args.Arrays, null) >= 0)
        {
            throw new ArgumentException($"{function} takes the arrays [data, indices, indptr], got {args.Arrays.Length}", "arrays");
        }
        Array data = Values(args.Arrays[0], function, "data");
        int[] indices = Indices(args.Arrays[1], function, "indices", data.Length);
        int[] indptr = Indices(args.Arrays[2], function, "indptr", -1);
        if (indptr.Length == 0) throw new ArgumentException($"{function}: 'indptr' is empty; it has one entry more than the {(rowMajor ? "rows" : "columns")}", "indptr");
        int minor = indices.Length == 0 ? 0 : indices.Max() + 1;
        Shape shape = o.Shape("shape", required: false) ?? (rowMajor ? new Shape(indptr.Length - 1, minor) : new Shape(minor, indptr.Length - 1));
        SparseArray result = rowMajor ? CsrArray.FromCompressed(data, indices, indptr, shape) : CscArray.FromCompressed(data, indices, indptr, shape);
        return new NDArray[] { CastTo(result, o) };
    }

    private static SparseArray CastTo(SparseArray result, CallOptions o)
    {
        if (!o.Has("dtype")) return result;
        DType dtype = o.DType("dtype", result.DType);
        return dtype == result.DType ? result : Structure.WithValues(result, ArrayOps.Cast(result.ValueBuffer, dtype));
    }

    private static Array Values(NDArray a, string function, string name)
    {
        if (a.Rank != 1) throw new ShapeMismatchException($"{function}: '{name}' has shape {a.Shape}; it must be 1-d", name, a.Shape);
        return HostInterop.ReadUntyped(a is SparseArray s ? s.ToHostManaged() : a.ToHost());
    }

    /// <summary>An index array: 1-d, of an integer dtype (SciPy refuses floats), as long as the data unless <paramref name="length"/> is -1, each within int.</summary>
    private static int[] Indices(NDArray a, string function, string name, int length)
    {
        if (a.Rank != 1) throw new ShapeMismatchException($"{function}: '{name}' has shape {a.Shape}; it must be 1-d", name, a.Shape);
        if (!a.DType.IsInteger()) throw new ArgumentException($"{function}: '{name}' has dtype {a.DType.Name()}; index arrays must have an integer dtype", name);
        if (length >= 0 && a.Shape.Dims[0] != length)
        {
            throw new ShapeMismatchException($"{function}: '{name}' has {a.Shape.Dims[0]} entries but 'data' has {length}; give one index per value", name, a.Shape);
        }
        long[] wide = HostInterop.Read<long>(a is SparseArray s ? s.ToHostManaged() : a.ToHost());
        var result = new int[wide.Length];
        for (int k = 0; k < wide.Length; k++)
        {
            if (wide[k] is < 0 or > int.MaxValue)
            {
                throw new SparseIndexException(name, k, wide[k], $"{function}: index {wide[k]} at position {k} of '{name}' is {(wide[k] < 0 ? "negative" : $"above {int.MaxValue}, the largest a sparse array holds")}");
            }
            result[k] = (int)wide[k];
        }
        return result;
    }

    /// <summary><c>sparse.kron(A, B)</c>: the Kronecker product of two 2-d arrays, sparse or dense.</summary>
    [Implements("sparse.kron")]
    public DispatchResult<NDArray[]> Kron(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (!HostInterop.AcceptsReadable(types, args.Arrays)) return NotImplemented.Value;
        CallOptions o = new CallOptions("sparse.kron", args.Options).Only("format");
        if (args.Arrays.Length != 2 || args.Arrays[0] is null || args.Arrays[1] is null)
        {
            throw new ArgumentException($"sparse.kron takes two arrays, got {args.Arrays.Length}", "arrays");
        }
        NDArray a = args.Arrays[0], b = args.Arrays[1];
        foreach ((NDArray x, string name) in new[] { (a, "A"), (b, "B") })
        {
            if (x.Rank != 2) throw new ShapeMismatchException($"sparse.kron: '{name}' has shape {x.Shape}; both operands must be 2-d", name, x.Shape);
        }
        CsrArray product = Kronecker.Product(ToSparse(a).ToCsr(), ToSparse(b).ToCsr());
        return new NDArray[] { product.ToFormat(o.Format(SparseFormat.Csr)) };
    }

    /// <summary>
    /// <c>sparse.block</c>: SciPy's <c>bmat</c> over a grid filled row by row; <see langword="null"/> blocks are zero, and
    /// each block row and column needs at least one array to fix its size. Dense host blocks are converted.
    /// </summary>
    [Implements("sparse.block")]
    public DispatchResult<NDArray[]> Block(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Arrays.Length == 0 || !HostInterop.AcceptsReadable(types, args.Arrays)) return NotImplemented.Value;
        CallOptions o = new CallOptions("sparse.block", args.Options).Only("rows", "format", "dtype");
        int rows = o.Int("rows", 1, min: 1);
        if (args.Arrays.Length % rows != 0)
        {
            throw new ArgumentException($"sparse.block: {args.Arrays.Length} blocks cannot fill option 'rows' = {rows} block rows evenly", "rows");
        }
        int cols = args.Arrays.Length / rows;
        var heights = new int[rows];
        var widths = new int[cols];
        Array.Fill(heights, -1);
        Array.Fill(widths, -1);
        DType? dtype = null;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                if (args.Arrays[r * cols + c] is not { } a) continue;
                if (a.Rank != 2) throw new ShapeMismatchException($"sparse.block: block ({r}, {c}) has shape {a.Shape}; blocks must be 2-d", "arrays", a.Shape);
                Fit(heights, r, a.Shape.Dims[0], $"blocks[{r},:] has incompatible row dimensions: block ({r}, {c}) has {a.Shape.Dims[0]} rows, another block in that row has {heights[r]}", a.Shape);
                Fit(widths, c, a.Shape.Dims[1], $"blocks[:,{c}] has incompatible column dimensions: block ({r}, {c}) has {a.Shape.Dims[1]} columns, another block in that column has {widths[c]}", a.Shape);
                dtype = dtype is { } d ? DTypes.Promote(d, a.DType) : a.DType;
            }
        }
        for (int r = 0; r < rows; r++) if (heights[r] < 0) throw new ArgumentException($"sparse.block: blocks[{r},:] is all None, so its height is unknown", "arrays");
        for (int c = 0; c < cols; c++) if (widths[c] < 0) throw new ArgumentException($"sparse.block: blocks[:,{c}] is all None, so its width is unknown", "arrays");
        DType type = o.DType("dtype", dtype ?? DType.Float64);
        var blockRows = new CooArray[rows];
        for (int r = 0; r < rows; r++)
        {
            var parts = new CooArray[cols];
            for (int c = 0; c < cols; c++)
            {
                parts[c] = args.Arrays[r * cols + c] is { } a ? ToSparse(a).ToCoo().SumDuplicates() : Empty(heights[r], widths[c], type);
            }
            blockRows[r] = (CooArray)Joining.Concatenate(parts, 1, SparseFormat.Coo);
        }
        SparseArray result = Joining.Concatenate(blockRows, 0, o.Format(SparseFormat.Csr));
        if (result.DType != type) result = Structure.WithValues(result, ArrayOps.Cast(result.ValueBuffer, type));
        return new NDArray[] { result };
    }

    private static void Fit(int[] sizes, int at, int size, string message, Shape shape)
    {
        if (sizes[at] >= 0 && sizes[at] != size) throw new ShapeMismatchException($"sparse.block: {message}", "arrays", shape);
        sizes[at] = size;
    }

    private static CooArray Empty(int rows, int cols, DType dtype) => new([[], []], ArrayOps.Allocate(dtype, 0), new Shape(rows, cols), true);

    private static SparseArray ToSparse(NDArray a) =>
        a as SparseArray ?? DenseToSparse.Convert(a.ToHost(), a.Rank == 2 ? SparseFormat.Csr : SparseFormat.Coo);
}
