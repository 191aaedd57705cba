using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;
using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>Shape and layout functions: transpose, reshape, astype, copy, tril/triu, diagonal, trace, concatenate/stack, getitem.</summary>
internal sealed class SparseManipulation(SparseContext ctx)
{
    /// <summary>2-d CSR and CSC transpose into each other without copying; COO permutes its coordinates.</summary>
    [Implements("transpose")]
    public DispatchResult<NDArray> Transpose(in AxesArgs args, ReadOnlySpan<Type> types)
    {
        if (!Accepts(args.X, types)) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        int[] perm = args.Axes.IsAll ? Enumerable.Range(0, x.Rank).Reverse().ToArray() : NormalizePermutation(args.Axes, x.Rank);
        if (x.Rank == 2 && perm[0] == 1)
        {
            if (x is CsrArray csr) return csr.TransposeView();
            if (x is CscArray csc) return csc.TransposeView();
        }
        if (x is not CooArray && perm.SequenceEqual(Enumerable.Range(0, x.Rank))) return x;
        CooArray coo = x.ToCoo();
        var dims = new int[x.Rank];
        var coords = new SparseBuffer<int>[x.Rank];
        for (int a = 0; a < x.Rank; a++) { dims[a] = x.Shape.Dims[perm[a]]; coords[a] = coo.CoordBuffers[perm[a]]; }
        return new CooArray(coords, coo.ValueBuffer, new Shape(dims), false).SumDuplicates();
    }

    /// <summary>Reshapes through the row-major linear index (NumPy's C order); the result is COO, or the input's format when both are 2-d.</summary>
    [Implements("reshape")]
    public DispatchResult<NDArray> Reshape(in ShapeArgs args, ReadOnlySpan<Type> types)
    {
        if (!Accepts(args.X, types)) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        Shape shape = InferShape(args.Shape, x.Shape);
        CooArray coo = x.ToCoo().SumDuplicates();
        var result = Reindexed(coo, shape);
        coo.DisposeIfTemporary(x);
        if (shape.Rank != 2 || x.Rank != 2 || x.Format == SparseFormat.Coo) return result;
        using (result) return result.ToFormat(x.Format);
    }

    [Implements("astype")]
    public DispatchResult<NDArray> AsType(in AsTypeArgs args, ReadOnlySpan<Type> types)
    {
        if (!Accepts(args.X, types)) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        if (!DTypes.CanCast(x.DType, args.DType, args.Casting))
        {
            throw new DTypeMismatchException($"Cannot cast array data from dtype('{x.DType.Name()}') to dtype('{args.DType.Name()}') according to the rule '{CastingName(args.Casting)}'", "dtype");
        }
        if (x.DType == args.DType && !args.Copy) return x;
        Structure.Canonical(x);
        // A cast writes a new buffer from the allocator; the same dtype (copy=True) is a copy of the values.
        SparseBuffer values = x.DType == args.DType ? SparseBuffers.CopyOf(x.ValueBuffer) : ArrayOps.Cast(x.ValueBuffer, args.DType);
        return Structure.WithValues(x, values);
    }

    [Implements("copy")]
    public DispatchResult<NDArray> Copy(in ArrayArgs args, ReadOnlySpan<Type> types) =>
        Accepts(args.X, types) ? SparseCreation.Copy((SparseArray)args.X) : NotImplemented.Value;

    [Implements("tril")]
    public DispatchResult<NDArray> Tril(in DiagonalArgs args, ReadOnlySpan<Type> types) => Triangle(args, types, lower: true);

    [Implements("triu")]
    public DispatchResult<NDArray> Triu(in DiagonalArgs args, ReadOnlySpan<Type> types) => Triangle(args, types, lower: false);

    private DispatchResult<NDArray> Triangle(in DiagonalArgs args, ReadOnlySpan<Type> types, bool lower)
    {
        if (!Accepts(args.X, types) || args.X.Rank != 2) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        int k = args.Offset;
        CooArray coo = x.ToCoo().SumDuplicates();
        ReadOnlySpan<int> rows = coo.Coordinates(0), cols = coo.Coordinates(1);
        int count = 0;
        for (int t = 0; t < coo.Nnz; t++)
        {
            long d = (long)cols[t] - rows[t];
            if (lower ? d <= k : d >= k) count++;
        }
        using SparseBuffer<int> keep = SparseBuffers.Allocate<int>(count);
        Span<int> kept = keep.Span;
        for (int t = 0, w = 0; t < coo.Nnz; t++)
        {
            long d = (long)cols[t] - rows[t];
            if (lower ? d <= k : d >= k) kept[w++] = t;
        }
        var result = new CooArray([ArrayOps.Gather<int>(rows, kept), ArrayOps.Gather<int>(cols, kept)], ArrayOps.Gather(coo.ValueBuffer, kept), x.Shape, true);
        coo.DisposeIfTemporary(x);
        if (x.Format == SparseFormat.Coo) return result;
        using (result) return result.ToFormat(x.Format);
    }

    /// <summary>The diagonal of a 2-d array as a dense 1-d array.</summary>
    [Implements("diagonal")]
    public DispatchResult<NDArray> Diagonal(in DiagonalArgs args, ReadOnlySpan<Type> types)
    {
        if (!Accepts(args.X, types) || args.X.Rank != 2) return NotImplemented.Value;
        return ctx.Dense(DiagonalOf((SparseArray)args.X, args.Offset));
    }

    [Implements("trace")]
    public DispatchResult<NDArray> Trace(in DiagonalArgs args, ReadOnlySpan<Type> types)
    {
        if (!Accepts(args.X, types) || args.X.Rank != 2) return NotImplemented.Value;
        var x = (SparseArray)args.X;
        HostBuffer diag = DiagonalOf(x, args.Offset);
        if (x.DType.IsComplex())
        {
            System.Numerics.Complex c = 0;
            foreach (System.Numerics.Complex v in ArrayOps.As<System.Numerics.Complex>(diag.Data)) c += v;
            return ctx.Dense(ElementwiseEngine.Buffer(ArrayOps.Cast(new[] { c }, x.DType), Shape.Scalar));
        }
        if (x.DType.IsFloat())
        {
            double s = 0;
            foreach (double v in (double[])ArrayOps.Cast(diag.Data, DType.Float64)) s += v;
            return ctx.Dense(ElementwiseEngine.Buffer(ArrayOps.Cast(new[] { s }, x.DType), Shape.Scalar));
        }
        // NumPy's sum dtype: unsigned integers add in uint64, bool and signed ones in int64 (both wrap)
        if (x.DType.IsUnsignedInteger())
        {
            ulong sum = 0;
            foreach (ulong v in (ulong[])ArrayOps.Cast(diag.Data, DType.UInt64)) sum += v;
            return ctx.Dense(ElementwiseEngine.Buffer(new[] { sum }, Shape.Scalar));
        }
        long total = 0;
        foreach (long v in (long[])ArrayOps.Cast(diag.Data, DType.Int64)) total += v;
        return ctx.Scalar(total);
    }

    private static HostBuffer DiagonalOf(SparseArray x, int k)
    {
        int rows = x.Shape.Dims[0], cols = x.Shape.Dims[1];
        int start = Math.Max(0, -k), length = Math.Max(0, Math.Min(rows, cols - k) - start);
        CsrArray csr = x.ToCsr();
        csr.SumDuplicates();
        // The positions of the diagonal's stored entries, found in the buffers in place; then one typed gather.
        ReadOnlySpan<int> indices = csr.Indices, indptr = csr.Indptr;
        var at = new int[length];
        for (int t = 0; t < length; t++)
        {
            int i = start + t, j = i + k;
            int found = indices[indptr[i]..indptr[i + 1]].BinarySearch(j);
            at[t] = found >= 0 ? indptr[i] + found : -1;
        }
        Array result = csr.ValueBuffer.Visit<DiagonalGather, Array>(new(at));
        csr.DisposeIfTemporary(x);
        return ElementwiseEngine.Buffer(result, new Shape(length));
    }

    /// <summary>The values at positions <c>at</c> (zero where -1) in a dense .NET array (the result goes to the dense backend).</summary>
    private readonly struct DiagonalGather(int[] at) : IBufferFunction<Array>
    {
        public Array Visit<T>(SparseBuffer<T> values) where T : unmanaged
        {
            ReadOnlySpan<T> v = values.Span;
            var result = new T[at.Length];
            for (int t = 0; t < at.Length; t++) if (at[t] >= 0) result[t] = v[at[t]];
            return result;
        }
    }

    /// <summary>Joins along an existing axis; dense host arrays among the inputs are converted. 2-d results keep the first array's format.</summary>
    [Implements("concatenate")]
    public DispatchResult<NDArray> Concatenate(in ArrayListArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Arrays.Length == 0 || !HostInterop.AcceptsAll(types, args.Arrays)) return NotImplemented.Value;
        bool flatten = args.Axis is null;
        CooArray[] parts = Array.ConvertAll(args.Arrays, a => ToCoo(a, flatten));
        return Joining.Concatenate(parts, args.Axis ?? 0, FirstFormat(args.Arrays));
    }

    [Implements("stack")]
    public DispatchResult<NDArray> Stack(in ArrayListArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Arrays.Length == 0 || !HostInterop.AcceptsAll(types, args.Arrays)) return NotImplemented.Value;
        CooArray[] parts = Array.ConvertAll(args.Arrays, a => ToCoo(a, flatten: false));
        int axis = Shape.Stacked([.. parts.Select(p => p.Shape)], args.Axis ?? 0);
        CooArray[] expanded = Array.ConvertAll(parts, p => Joining.InsertAxis(p, axis));
        return Joining.Concatenate(expanded, axis, FirstFormat(args.Arrays));
    }

    /// <summary>Integers, slices, <c>newaxis</c>, <c>...</c>, and one integer array or boolean mask (row or column selection). Several index arrays are declined.</summary>
    [Implements("getitem")]
    public DispatchResult<NDArray> GetItem(in IndexArgs args, ReadOnlySpan<Type> types)
    {
        if (args.X is not SparseArray x) return NotImplemented.Value;
        foreach (Type t in types)
        {
            if (!typeof(SparseArray).IsAssignableFrom(t) && !IsIndexArrayType(args.Index, t)) return NotImplemented.Value;
        }
        if (!Indexing.TryParse(x.Shape, args.Index, out Selection.AxisPick[] picks, out int[] newAxes)) return NotImplemented.Value;
        CooArray result = Selection.Apply(x.ToCoo(), picks, newAxes);
        if (result.Rank == 0)
        {
            return ctx.Dense(result.Densify());
        }
        return result.Rank == 2 && x.Rank == 2 ? result.ToFormat(x.Format) : result;
    }

    private static bool IsIndexArrayType(ArrayIndex[] index, Type t)
    {
        foreach (ArrayIndex i in index) if (i.Array is { } a && a.GetType() == t && (a.IsHostResident || a is SparseArray)) return true;
        return false;
    }

    private static CooArray ToCoo(NDArray a, bool flatten)
    {
        CooArray coo = a is SparseArray s ? s.ToCoo().SumDuplicates() : (CooArray)DenseToSparse.Convert(a.ToHost(), SparseFormat.Coo);
        if (!flatten || coo.Rank == 1) return coo;
        return Reindexed(coo, coo.Shape.Flattened());
    }

    /// <summary>A canonical COO array's entries in <paramref name="shape"/> through their row-major linear index (sharing its values).</summary>
    private static CooArray Reindexed(CooArray coo, Shape shape)
    {
        using SparseBuffer<long> keys = CooKernels.LinearKeys(coo.CoordBuffers, coo.Nnz, coo.Shape);
        return new CooArray(CooKernels.Unravel(keys.Span, shape), coo.ValueBuffer, shape, true);
    }

    private static SparseFormat FirstFormat(NDArray[] arrays)
    {
        foreach (NDArray a in arrays) if (a is SparseArray s) return s.Format;
        return SparseFormat.Coo;
    }

    private static bool Accepts(NDArray x, ReadOnlySpan<Type> types) => x is SparseArray && HostInterop.Accepts(types, x);

    private static int[] NormalizePermutation(Axes axes, int rank)
    {
        ReadOnlySpan<int> given = axes.Values;
        if (given.Length != rank) throw new ArgumentException($"axes don't match array: {given.Length} axes given for an array of dimension {rank}", "axes");
        var perm = new int[rank];
        var seen = new bool[rank];
        for (int a = 0; a < rank; a++)
        {
            perm[a] = Shape.NormalizeAxis(given[a], rank);
            if (seen[perm[a]]) throw new ArgumentException($"repeated axis in transpose: {given[a]}", "axes");
            seen[perm[a]] = true;
        }
        return perm;
    }

    internal static Shape InferShape(int[] requested, Shape from) => ManipulationRules.ReshapeTarget(from.Size, requested);

    private static string CastingName(Casting c) => c switch
    {
        Casting.No => "no",
        Casting.Equiv => "equiv",
        Casting.Safe => "safe",
        Casting.SameKind => "same_kind",
        _ => "unsafe",
    };
}
