namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Concatenation of COO arrays along an axis (SciPy's <c>hstack</c>/<c>vstack</c>, pydata's <c>concatenate</c>/<c>stack</c>).</summary>
internal static class Joining
{
    public static SparseArray Concatenate(CooArray[] parts, int axis, SparseFormat format)
    {
        Shape shape = Shape.Concatenated([.. parts.Select(p => p.Shape)], ref axis);
        int rank = shape.Rank;
        int nnz = SparseValidation.EntryCount(parts.Sum(x => (long)x.Nnz), $"concatenating {parts.Length} sparse arrays into shape {shape}");
        DType dtype = DTypes.Promote(parts.Select(x => x.DType));
        // The parts' buffers read in place, the result's from the allocator (native when large).
        var coords = new SparseBuffer<int>[rank];
        for (int a = 0; a < rank; a++) coords[a] = SparseBuffers.Allocate<int>(nnz);
        SparseBuffer values = SparseBuffers.Allocate(dtype, nnz);
        int w = 0, offset = 0;
        foreach (CooArray x in parts)
        {
            int n = x.Nnz;
            for (int a = 0; a < rank; a++)
            {
                Span<int> target = coords[a].Span.Slice(w, n);
                x.CoordBuffers[a].Span.CopyTo(target);
                if (a == axis) for (int k = 0; k < n; k++) target[k] += offset;
            }
            using (SparseBuffer cast = ArrayOps.Cast(x.ValueBuffer, dtype)) ArrayOps.CopyInto(cast, values, w);
            w += n;
            offset += x.Shape.Dims[axis];
        }
        var result = new CooArray(coords, values, shape, axis == 0).SumDuplicates();
        if (rank != 2 || format == SparseFormat.Coo) return result;
        using (result) return result.ToFormat(format);
    }

    /// <summary><paramref name="x"/> with a new axis of length 1 at <paramref name="axis"/>.</summary>
    public static CooArray InsertAxis(CooArray x, int axis)
    {
        var dims = new List<int>(x.Shape.ToArray());
        dims.Insert(axis, 1);
        var coords = new List<SparseBuffer<int>>(x.CoordBuffers);
        coords.Insert(axis, SparseBuffers.Allocate<int>(x.Nnz, clear: true));
        return new CooArray([.. coords], x.ValueBuffer, new Shape([.. dims]), x.IsCanonical);
    }
}
