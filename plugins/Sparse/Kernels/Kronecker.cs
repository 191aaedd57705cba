namespace ArrayDispatch.Sparse.Kernels;

/// <summary>The Kronecker product of two CSR matrices, built row by row in canonical order.</summary>
internal static class Kronecker
{
    /// <summary>
    /// The product, computed in float64 (complex128 when either operand is complex; int64, wrapping, when the promoted
    /// dtype is an integer or bool, as NumPy's integer multiply: a double product saturated or lost the low bits) and cast
    /// once to the promoted dtype.
    /// </summary>
    public static CsrArray Product(CsrArray a, CsrArray b)
    {
        a.SumDuplicates();
        b.SumDuplicates();
        DType dtype = DTypes.Promote(a.DType, b.DType);
        return dtype.IsComplex() ? Product<System.Numerics.Complex>(a, b, dtype)
            : dtype.IsFloat() ? Product<double>(a, b, dtype)
            : Product<long>(a, b, dtype);
    }

    private static CsrArray Product<T>(CsrArray a, CsrArray b, DType dtype) where T : unmanaged, System.Numerics.INumberBase<T>
    {
        using SparseBuffer<T> aBuffer = ArrayOps.As<T>(a.ValueBuffer), bBuffer = ArrayOps.As<T>(b.ValueBuffer);
        ReadOnlySpan<T> av = aBuffer.Span, bv = bBuffer.Span;
        int am = a.Shape.Dims[0], an = a.Shape.Dims[1], bm = b.Shape.Dims[0], bn = b.Shape.Dims[1];
        string what = $"kron of shapes {a.Shape} and {b.Shape}";
        var shape = new Shape(Shape.Dimension((long)am * bm, what), Shape.Dimension((long)an * bn, what));
        int nnz = SparseValidation.EntryCount((long)a.Nnz * b.Nnz, $"{what} with {a.Nnz} and {b.Nnz} stored entries");
        SparseBuffer<int> indptrBuffer = SparseBuffers.Allocate<int>(am * bm + 1, clear: true), indexBuffer = SparseBuffers.Allocate<int>(nnz);
        SparseBuffer<T> valueBuffer = SparseBuffers.Allocate<T>(nnz);
        Span<int> indptr = indptrBuffer.Span, indices = indexBuffer.Span;
        Span<T> values = valueBuffer.Span;
        int w = 0;
        ReadOnlySpan<int> ap = a.Indptr, ai = a.Indices, bp = b.Indptr, bi = b.Indices;
        for (int i = 0; i < am; i++)
        {
            for (int p = 0; p < bm; p++)
            {
                for (int ka = ap[i]; ka < ap[i + 1]; ka++)
                {
                    for (int kb = bp[p]; kb < bp[p + 1]; kb++)
                    {
                        indices[w] = ai[ka] * bn + bi[kb];
                        values[w++] = av[ka] * bv[kb];
                    }
                }
                indptr[i * bm + p + 1] = w;
            }
        }
        SparseBuffer result = ArrayOps.Cast(valueBuffer, dtype);
        if (!ReferenceEquals(result, valueBuffer)) valueBuffer.Dispose();
        return new CsrArray(indptrBuffer, indexBuffer, result, shape, true, true);
    }
}
