using ArrayDispatch.Functions;

namespace ArrayDispatch.Gpu;

/// <summary>
/// <c>split</c> (views of the pieces), <c>concatenate</c> and <c>stack</c> (CuPy's): one device allocation for the result, each input copied into its slice of
/// it by the strided copy kernel (with the dtype conversion NumPy's promotion asks for). Chunked arrays whose chunks live
/// on the GPU assemble their result this way, as Dask does with CuPy chunks.
/// </summary>
internal static class Joining
{
    public static GpuArray Concatenate(IReadOnlyList<NDArray> arrays, int? axisArg)
    {
        if (axisArg is not null) return Into([.. arrays.Cast<GpuArray>()], axisArg.Value);
        // axis=None: the arrays are flattened first (views where contiguous), released once copied.
        GpuArray[] flat = [.. arrays.Cast<GpuArray>().Select(a => ManipulationHandlers.Reshape(a, [-1]))];
        try
        {
            return Into(flat, 0);
        }
        finally
        {
            foreach (GpuArray f in flat) f.Dispose();
        }
    }

    private static GpuArray Into(GpuArray[] xs, int axis)
    {
        Shape shape = Shape.Concatenated([.. xs.Select(a => a.Shape)], ref axis);
        DType dtype = DTypes.Promote(xs.Select(a => a.DType));
        GpuArray result = GpuOps.Empty(xs[0].Runtime, shape, dtype);
        int at = 0;
        foreach (GpuArray x in xs)
        {
            int length = x.Shape.Dims[axis];
            if (length == 0) continue;
            var index = new ArrayIndex[shape.Rank];
            for (int d = 0; d < index.Length; d++) index[d] = d == axis ? new Slice(at, at + length) : ArrayIndex.All;
            using GpuArray target = Indexing.Get(result, index);
            GpuOps.CopyInto(x, target);
            at += length;
        }
        return result;
    }

    public static GpuArray Stack(IReadOnlyList<NDArray> arrays, int? axisArg)
    {
        int axis = Shape.Stacked([.. arrays.Select(a => a.Shape)], axisArg ?? 0);
        var expanded = new List<GpuArray>(arrays.Count);
        try
        {
            foreach (NDArray a in arrays) expanded.Add(ManipulationHandlers.ExpandDims((GpuArray)a, Axes.Of(axis)));
            return Into([.. expanded], axis);
        }
        finally
        {
            foreach (GpuArray e in expanded) e.Dispose();
        }
    }

    /// <summary>NumPy's <c>split</c>: the pieces are views of <paramref name="x"/> along <paramref name="axisArg"/>.</summary>
    public static NDArray[] Split(GpuArray x, int? sections, int[]? indices, int axisArg)
    {
        int axis = Shape.NormalizeAxis(axisArg, x.Rank);
        int[] bounds = ManipulationRules.SplitBounds(x.Shape.Dims[axis], sections, indices);
        var parts = new NDArray[bounds.Length - 1];
        for (int i = 0; i < parts.Length; i++)
        {
            int start = bounds[i], stop = Math.Max(bounds[i], bounds[i + 1]);
            parts[i] = x.View(x.Layout.Slice(axis, start, 1, stop - start));
        }
        return parts;
    }

    /// <summary>NumPy's <c>meshgrid</c>: each input's values broadcast along its grid axis, copied (NumPy's default <c>copy=True</c>).</summary>
    public static NDArray[] Meshgrid(IReadOnlyList<NDArray> arrays, bool matrixIndexing)
    {
        (Shape grid, int[] along) = ManipulationRules.MeshgridPlan([.. arrays.Select(a => a.Size)], matrixIndexing);
        var result = new NDArray[arrays.Count];
        for (int i = 0; i < result.Length; i++)
        {
            var line = new int[arrays.Count];
            Array.Fill(line, 1);
            line[along[i]] = grid.Dims[along[i]];
            using GpuArray shaped = ManipulationHandlers.Reshape((GpuArray)arrays[i], line);
            using GpuArray stretched = shaped.View(shaped.Layout.BroadcastTo(grid));
            result[i] = GpuOps.Copy(stretched);
        }
        return result;
    }
}
