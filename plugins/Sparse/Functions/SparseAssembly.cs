using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;
using ArrayDispatch.Sparse.IO;
using ArrayDispatch.Sparse.Kernels;

namespace ArrayDispatch.Sparse.Functions;

/// <summary>The plugin's own construction and file functions under <c>sparse.*</c>.</summary>
internal sealed class SparseAssembly
{
    /// <summary><c>sparse.block</c>: SciPy's <c>bmat</c> over a grid filled row by row; dense host blocks are converted.</summary>
    [Implements("sparse.block")]
    public DispatchResult<NDArray[]> Block(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Arrays.Length == 0 || !HostInterop.AcceptsAll(types, args.Arrays)) return NotImplemented.Value;
        int rows = args.Option("rows", 1);
        if (rows < 1 || args.Arrays.Length % rows != 0)
        {
            throw new ArgumentException($"sparse.block: {args.Arrays.Length} blocks cannot fill {rows} block rows evenly", "rows");
        }
        int cols = args.Arrays.Length / rows;
        SparseFormat format = SparseFormats.Parse(args.Option<string?>("format", null), SparseFormat.Csr);
        var blockRows = new CooArray[rows];
        for (int r = 0; r < rows; r++)
        {
            var parts = new CooArray[cols];
            for (int c = 0; c < cols; c++)
            {
                NDArray a = args.Arrays[r * cols + c];
                if (a.Rank != 2) throw new ShapeMismatchException($"sparse.block: block ({r}, {c}) has shape {a.Shape}; blocks must be 2-d", "arrays", a.Shape);
                parts[c] = a is SparseArray s ? s.ToCoo().SumDuplicates() : (CooArray)DenseToSparse.Convert(a.ToHost(), SparseFormat.Coo);
            }
            blockRows[r] = (CooArray)Joining.Concatenate(parts, 1, SparseFormat.Coo);
        }
        return new NDArray[] { Joining.Concatenate(blockRows, 0, format) };
    }

    /// <summary><c>sparse.save_mtx</c>: writes the first array to <c>path</c> in Matrix Market format.</summary>
    [Implements("sparse.save_mtx")]
    public DispatchResult<NDArray[]> SaveMtx(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Arrays.Length != 1 || args.Arrays[0] is not SparseArray s || !HostInterop.AcceptsAll(types, args.Arrays)) return NotImplemented.Value;
        string path = args.Option<string?>("path", null) ?? throw new ArgumentException("sparse.save_mtx needs the keyword argument 'path'", "path");
        MatrixMarket.Save(path, s, args.Option("symmetric", false));
        return Array.Empty<NDArray>();
    }
}
