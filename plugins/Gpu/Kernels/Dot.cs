namespace ArrayDispatch.Gpu;

/// <summary>
/// NumPy's <c>dot</c>, through the matmul kernels: 0-d operands multiply; up to a 2-d second operand it is
/// <see cref="MatMul"/> (the same result shape); an N-d second operand sums over the last axis of <c>a</c> and the
/// second-to-last of <c>b</c>, done as one (M, K) @ (K, B·N) product after moving b's contracted axis first.
/// </summary>
internal static class Dot
{
    public static GpuArray Compute(GpuArray a, GpuArray b)
    {
        if (a.Rank == 0 || b.Rank == 0)
        {
            DType dtype = DTypes.Promote(a.DType, b.DType);
            return GpuOps.ZipWith(UfuncKernels.Binary<Ufuncs.MultiplyOp>(dtype), a, b, dtype);   // on bools multiply is and, as NumPy's
        }
        int k = a.Shape[-1];
        int bAxis = b.Rank == 1 ? 0 : b.Rank - 2;
        if (b.Shape.Dims[bAxis] != k)
        {
            throw new ShapeMismatchException(
                $"shapes {a.Shape} and {b.Shape} not aligned: {k} (dim {a.Rank - 1}) != {b.Shape.Dims[bAxis]} (dim {bAxis})", a.Shape, b.Shape);
        }
        if (b.Rank <= 2) return MatMul.Compute(a, b);

        // (..., K) . (B..., K, N): move K first in b, flatten both to matrices, one product, then the NumPy shape.
        int rank = b.Rank;
        var order = new int[rank];
        order[0] = rank - 2;
        for (int i = 0; i < rank - 2; i++) order[i + 1] = i;
        order[rank - 1] = rank - 1;
        int[] dims = [.. order.Select(i => b.Shape.Dims[i])];
        long[] strides = [.. order.Select(i => b.StrideSpan[i])];
        long columns = 1, rows = 1;
        for (int i = 0; i < rank; i++) columns *= i == rank - 2 ? 1 : b.Shape.Dims[i];
        for (int i = 0; i < a.Rank - 1; i++) rows *= a.Shape.Dims[i];
        using GpuArray moved = b.View(new Shape(dims), strides, b.Offset);
        using GpuArray bContiguous = GpuOps.Copy(moved);
        using GpuArray bMatrix = bContiguous.View(new Shape(k, checked((int)columns)), new Shape(k, (int)columns).ContiguousStrides(), 0);
        using GpuArray aContiguous = GpuOps.Contiguous(a);
        using GpuArray aMatrix = aContiguous.View(new Shape(checked((int)rows), k), new Shape((int)rows, k).ContiguousStrides(), aContiguous.Offset);
        using GpuArray product = MatMul.Compute(aMatrix, bMatrix);
        var shape = new Shape([.. a.Shape.Dims[..^1].ToArray(), .. b.Shape.Dims[..^2].ToArray(), b.Shape[-1]]);
        return product.View(shape, shape.ContiguousStrides(), product.Offset);
    }
}
