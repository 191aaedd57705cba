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
        var coords = new int[rank][];
        for (int a = 0; a < rank; a++) coords[a] = new int[nnz];
        Array values = ArrayOps.Allocate(dtype, nnz);
        int w = 0, offset = 0;
        foreach (CooArray x in parts)
        {
            for (int a = 0; a < rank; a++)
            {
                Array.Copy(x.Coords[a], 0, coords[a], w, x.Nnz);
                if (a == axis) for (int k = w; k < w + x.Nnz; k++) coords[a][k] += offset;
            }
            Array.Copy(ArrayOps.Cast(x.ValuesArray, dtype), 0, values, w, x.Nnz);
            w += x.Nnz;
            offset += x.Shape.Dims[axis];
        }
        var result = new CooArray(coords, values, shape, axis == 0).SumDuplicates();
        return rank == 2 ? result.ToFormat(format) : result;
    }

    /// <summary><paramref name="x"/> with a new axis of length 1 at <paramref name="axis"/>.</summary>
    public static CooArray InsertAxis(CooArray x, int axis)
    {
        var dims = new List<int>(x.Shape.ToArray());
        dims.Insert(axis, 1);
        var coords = new List<int[]>(x.Coords);
        coords.Insert(axis, new int[x.Nnz]);
        return new CooArray([.. coords], x.ValuesArray, new Shape([.. dims]), x.IsCanonical);
    }
}
