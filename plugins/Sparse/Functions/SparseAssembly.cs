using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Sparse.IO;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>The plugin's file functions under <c>sparse.*</c>: SciPy's <c>load_npz</c>/<c>save_npz</c> and <c>mmread</c>/<c>mmwrite</c>.</summary>
internal sealed class SparseAssembly
{
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
