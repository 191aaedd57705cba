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

    // The dense data is read in place; the result's buffers come from the allocator (native when large).
    private static CooArray ToCoo(Array flat, Shape shape)
    {
        int n = flat.Length;
        int count = 0;
        for (int k = 0; k < n; k++) if (!ArrayOps.IsImplicitZero(flat, k)) count++;
        using SparseBuffer<long> keyBuffer = SparseBuffers.Allocate<long>(count);
        using SparseBuffer<int> permBuffer = SparseBuffers.Allocate<int>(count);
        Span<long> keys = keyBuffer.Span;
        Span<int> perm = permBuffer.Span;
        int w = 0;
        for (int k = 0; k < n; k++)
        {
            if (ArrayOps.IsImplicitZero(flat, k)) continue;
            keys[w] = k;
            perm[w++] = k;
        }
        return new CooArray(CooKernels.Unravel(keys, shape), ArrayOps.Gather(SparseBuffer.Wrap(flat), perm), shape, true);
    }

    private static CsrArray ToCsr(Array flat, int rows, int cols, Shape shape)
    {
        SparseBuffer<int> indptrBuffer = SparseBuffers.Allocate<int>(rows + 1, clear: true);
        Span<int> indptr = indptrBuffer.Span;
        for (int i = 0; i < rows; i++)
        {
            int c = 0;
            for (int j = 0; j < cols; j++) if (!ArrayOps.IsImplicitZero(flat, i * cols + j)) c++;
            indptr[i + 1] = indptr[i] + c;   // at most the dense size, a .NET array's length
        }
        SparseBuffer<int> indexBuffer = SparseBuffers.Allocate<int>(indptr[rows]);
        using SparseBuffer<int> permBuffer = SparseBuffers.Allocate<int>(indptr[rows]);
        Span<int> indices = indexBuffer.Span, perm = permBuffer.Span;
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
        return new CsrArray(indptrBuffer, indexBuffer, ArrayOps.Gather(SparseBuffer.Wrap(flat), perm), shape, true, true);
    }
}
