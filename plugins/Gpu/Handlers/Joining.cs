using ArrayDispatch.Functions;

namespace ArrayDispatch.Gpu;

/// <summary>
/// <c>concatenate</c> and <c>stack</c> (CuPy's): one device allocation for the result, each input copied into its slice of
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
}
