using ArrayDispatch.Interchange;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Builds sparse storage from dense host data: the nonzero elements (NaN and -0.0 count as nonzero) in C order.</summary>
internal static class DenseToSparse
{
    /// <summary>The array in <paramref name="format"/> (CSR/CSC need 2-d).</summary>
    public static SparseArray Convert(HostBuffer buffer, SparseFormat format)
    {
        Array flat = HostInterop.ReadUntyped(buffer);
        Shape shape = buffer.Shape;
        if (format != SparseFormat.Coo && shape.Rank != 2)
        {
            throw new ShapeMismatchException($"format '{format.Name()}' needs a 2-d array, but shape {shape} has {shape.Rank} dimensions; use format 'coo'", "format", shape);
        }
        if (format == SparseFormat.Coo) return ToCoo(flat, shape);
        if (format == SparseFormat.Csr) return ToCsr(flat, shape.Dims[0], shape.Dims[1], shape);
        // CSC of A is the CSR of A's transpose: build that from the row-major data read column by column.
        return ToCsr(flat, shape.Dims[0], shape.Dims[1], shape).ToCsc();
    }

    private static CooArray ToCoo(Array flat, Shape shape)
    {
        int n = flat.Length;
        int count = 0;
        for (int k = 0; k < n; k++) if (!ArrayOps.IsImplicitZero(flat, k)) count++;
        var keys = new long[count];
        var perm = new int[count];
        int w = 0;
        for (int k = 0; k < n; k++)
        {
            if (ArrayOps.IsImplicitZero(flat, k)) continue;
            keys[w] = k;
            perm[w++] = k;
        }
        return new CooArray(CooKernels.Unravel(keys, count, shape), ArrayOps.Gather(flat, perm), shape, true);
    }

    private static CsrArray ToCsr(Array flat, int rows, int cols, Shape shape)
    {
        var indptr = new int[rows + 1];
        for (int i = 0; i < rows; i++)
        {
            int c = 0;
            for (int j = 0; j < cols; j++) if (!ArrayOps.IsImplicitZero(flat, i * cols + j)) c++;
            indptr[i + 1] = indptr[i] + c;
        }
        var indices = new int[indptr[rows]];
        var perm = new int[indptr[rows]];
        int w = 0;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < cols; j++)
            {
                if (ArrayOps.IsImplicitZero(flat, i * cols + j)) continue;
                indices[w] = j;
                perm[w++] = i * cols + j;
            }
        }
        return new CsrArray(indptr, indices, ArrayOps.Gather(flat, perm), shape, true, true);
    }
}
