namespace ArrayDispatch.Dense.Linalg;

/// <summary>
/// How a 2-d view goes to BLAS as it lies, without a contiguous copy (NumPy's <c>cblas_matrixproduct</c> does the same):
/// rows contiguous (C order, or a slice of rows with a longer row stride) is the plain operand with that stride as the
/// leading dimension; columns contiguous (a transposed view, F order) is the transposed operand. Anything else (a
/// broadcast, a stepped column slice, a reversed axis) is copied by the caller first.
/// </summary>
internal readonly record struct BlasOperand(bool Transposed, int LeadingDimension, long Offset, long Span)
{
    /// <summary>The layout of <paramref name="x"/> (rows × cols) as a BLAS operand, or false when BLAS cannot read it in place.</summary>
    public static bool TryOf(DenseArray x, out BlasOperand operand)
    {
        operand = default;
        if (x.Rank != 2) return false;
        int rows = x.Shape.Dims[0], cols = x.Shape.Dims[1];
        if (rows == 0 || cols == 0) return false;
        // A length-1 axis may carry any stride: it is never stepped along, so it reads as the contiguous one.
        long rowStride = rows == 1 ? cols : x.Strides[0], colStride = cols == 1 ? 1 : x.Strides[1];
        if (colStride == 1 && rowStride >= cols && rowStride <= int.MaxValue)
        {
            operand = new BlasOperand(false, (int)rowStride, x.Offset, (rows - 1) * rowStride + cols);
            return true;
        }
        colStride = cols == 1 ? rows : x.Strides[1];
        rowStride = rows == 1 ? 1 : x.Strides[0];
        if (rowStride == 1 && colStride >= rows && colStride <= int.MaxValue)
        {
            operand = new BlasOperand(true, (int)colStride, x.Offset, (cols - 1) * colStride + rows);
            return true;
        }
        return false;
    }

    /// <summary>
    /// Whether <paramref name="a"/> @ <paramref name="b"/> is Xᵀ X or X Xᵀ of one buffer (the same storage, offset and
    /// leading dimension, one side transposed): the product is then symmetric and syrk computes half of it, as NumPy does.
    /// </summary>
    public static bool IsGram(DenseArray a, BlasOperand oa, DenseArray b, BlasOperand ob) =>
        a.SharesStorage(b) && oa.Offset == ob.Offset && oa.Transposed != ob.Transposed && oa.LeadingDimension == ob.LeadingDimension
        && a.Shape.Dims[0] == b.Shape.Dims[1] && a.Shape.Dims[1] == b.Shape.Dims[0];
}
