using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;
using ArrayDispatch.Sparse.IO;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>The plugin's file functions under <c>sparse.*</c>: SciPy's <c>load_npz</c>/<c>save_npz</c> and <c>mmread</c>/<c>mmwrite</c>.</summary>
internal sealed class SparseAssembly(SparseContext ctx)
{
    /// <summary>
    /// <c>sparse.components</c>: the storage arrays SciPy exposes as attributes, copied into dense 1-d arrays, for code
    /// that cannot cast to the plugin's types: CSR/CSC <c>[data, indices, indptr]</c>, COO <c>[data, row, col]</c>
    /// (one coordinate array per axis, pydata's <c>coords</c> rows). Indices are int32, as SciPy's for these sizes.
    /// </summary>
    [Implements("sparse.components")]
    public DispatchResult<NDArray[]> Components(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Arrays.Length != 1 || args.Arrays[0] is not SparseArray s || !HostInterop.AcceptsAll(types, args.Arrays)) return NotImplemented.Value;
        new CallOptions("sparse.components", args.Options).Only();
        // One copy of the values into a .NET array the dense backend takes over (these are copies, as SciPy's attributes
        // read from another language would be).
        Array values = s.ValueBuffer.Visit<ManagedCopy, Array>(default);
        var data = ctx.Dense(new HostBuffer(values, s.DType, new Shape(values.Length), [1]));
        NDArray Ints(ReadOnlySpan<int> v) => ctx.Dense(HostBuffer.FromContiguous(v.ToArray(), new Shape(v.Length)));
        return s switch
        {
            CompressedArray c => new[] { data, Ints(c.Indices), Ints(c.Indptr) },
            CooArray coo => new[] { data }.Concat(Enumerable.Range(0, coo.Rank).Select(axis => Ints(coo.Coordinates(axis)))).ToArray(),
            _ => NotImplemented.Value,
        };
    }

    private readonly struct ManagedCopy : IBufferFunction<Array>
    {
        public Array Visit<T>(SparseBuffer<T> buffer) where T : unmanaged => buffer.Span.ToArray();
    }

    /// <summary><c>sparse.load_npz</c>: a SciPy <c>save_npz</c> file (csr, csc, coo) or a pydata COO file, in its stored format.</summary>
    [Implements("sparse.load_npz")]
    public DispatchResult<NDArray[]> LoadNpz(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Arrays.Length != 0) return NotImplemented.Value;
        CallOptions o = new CallOptions("sparse.load_npz", args.Options).Only("path", "format");
        SparseArray s = ScipyNpz.Load(o.String("path", required: true)!);
        return new NDArray[] { s.ToFormat(o.Format(s.Format)) };
    }

    /// <summary><c>sparse.save_npz</c>: writes a 2-d sparse array in SciPy's <c>save_npz</c> format.</summary>
    [Implements("sparse.save_npz")]
    public DispatchResult<NDArray[]> SaveNpz(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Arrays.Length != 1 || args.Arrays[0] is not SparseArray s || !HostInterop.AcceptsAll(types, args.Arrays)) return NotImplemented.Value;
        CallOptions o = new CallOptions("sparse.save_npz", args.Options).Only("path");
        ScipyNpz.Save(o.String("path", required: true)!, s);
        return Array.Empty<NDArray>();
    }

    /// <summary><c>sparse.mmread</c>: a Matrix Market coordinate file, COO unless <c>format</c> says otherwise.</summary>
    [Implements("sparse.mmread")]
    public DispatchResult<NDArray[]> MmRead(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Arrays.Length != 0) return NotImplemented.Value;
        CallOptions o = new CallOptions("sparse.mmread", args.Options).Only("path", "format");
        CooArray coo = MatrixMarket.Load(o.String("path", required: true)!);
        return new NDArray[] { coo.ToFormat(o.Format(SparseFormat.Coo)) };
    }

    /// <summary><c>sparse.mmwrite</c>: writes the array to <c>path</c> in Matrix Market format.</summary>
    [Implements("sparse.mmwrite")]
    public DispatchResult<NDArray[]> MmWrite(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Arrays.Length != 1 || args.Arrays[0] is not SparseArray s || !HostInterop.AcceptsAll(types, args.Arrays)) return NotImplemented.Value;
        CallOptions o = new CallOptions("sparse.mmwrite", args.Options).Only("path", "symmetric");
        MatrixMarket.Save(o.String("path", required: true)!, s, o.Bool("symmetric", false));
        return Array.Empty<NDArray>();
    }
}
