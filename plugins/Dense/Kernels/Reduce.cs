using ArrayDispatch.Dense.Storage;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>
/// The reduction driver: reduces <c>x</c> over some axes into an array of the kept axes. Rows that are contiguous are
/// reduced in place; reductions over the leading axes of a C-contiguous array combine whole slabs (vectorized across
/// the kept elements); anything else is first copied so the reduced axes are innermost.
/// </summary>
internal static class Reduce
{
    public static DenseArray Run<T, TOp>(DenseArray x, int[] axes, string function) where T : unmanaged where TOp : IReductionOp<T>
    {
        int rank = x.Rank;
        if (axes.Length == rank && x.Size > 0 && x.Size < 4 * Elementwise.ParallelThreshold && x.IsCContiguous)
        {
            // Full reduction of one contiguous row small enough for one core: no views, layout or task setup. Same
            // kernel call on the same span as the general path below, so the same result.
            DenseArray total = DenseArray.Create<T>(Shape.Scalar);
            Elements<T> xe = x.ReadElements<T>();
            total.Elements<T>()[0] = TOp.Reduce(xe.AsSpan(x.Offset, (int)x.Size));
            xe.KeepAlive();
            return total;
        }
        DenseArray v = Views.Transpose(x, Views.MoveToEnd(rank, axes));
        try
        {
            return OverLastAxes<T, TOp>(x, axes, function, ref v);
        }
        finally
        {
            // The moved view and any contiguous copy are this call's own: drop them now (a copy's buffer goes straight
            // back to the pool, and the view no longer holds a reference on x's storage).
            v.DisposeTemporary(x);
        }
    }

    private static DenseArray OverLastAxes<T, TOp>(DenseArray x, int[] axes, string function, ref DenseArray v) where T : unmanaged where TOp : IReductionOp<T>
    {
        int rank = x.Rank;
        int kept = rank - axes.Length;
        var keptDims = v.Shape.Dims[..kept].ToArray();
        long inner = 1;
        for (int i = kept; i < rank; i++) inner *= v.Shape.Dims[i];
        var keptShape = new Shape(keptDims);
        DenseArray result = DenseArray.Create<T>(keptShape);
        Elements<T> r = result.Elements<T>();
        if (r.Length == 0) return result;
        if (inner == 0)
        {
            if (TOp.Identity is not { } identity)
            {
                throw NumPyErrors.EmptyReduction(function);
            }
            for (long i = 0; i < r.Length; i++) r[i] = identity;
            return result;
        }

        if (LeadingAxes(x, axes))
        {
            // out[j] = combine over slabs i of x[i, j]: each slab is contiguous and so is the result.
            Elements<T> data = x.ReadElements<T>();
            long slab = r.Length, slabs = inner;
            long start = x.Offset;
            int workers = x.Size >= Elementwise.ParallelThreshold && slab >= 1024 ? Environment.ProcessorCount : 1;
            long chunk = (slab + workers - 1) / workers;
            Action<int> combine = w =>
            {
                long j0 = w * chunk, j1 = Math.Min(slab, j0 + chunk);
                if (j0 >= j1) return;
                int len = (int)(j1 - j0);
                Span<T> acc = r.AsSpan(j0, len);
                if (TOp.Identity is { } identity)
                {
                    // NumPy reduces from the identity: sum(axis=0) of [[-0.0]] is 0.0, prod(axis=0) of [[inf+0j]] is
                    // (1+0j)(inf+0j) = inf+nanj (copying the first row gave -0.0 and inf+0j).
                    acc.Fill(identity);
                    LeadingRows.Combine<T, TOp>(acc, data, start + j0, slab, slabs);
                }
                else
                {
                    data.AsSpan(start + j0, len).CopyTo(acc);
                    LeadingRows.Combine<T, TOp>(acc, data, start + slab + j0, slab, slabs - 1);
                }
            };
            if (workers > 1) Parallel.For(0, workers, combine);
            else combine(0);
            return result;
        }

        if (!InnerContiguous(v, kept, inner))
        {
            DenseArray copy = Copy.Contiguous(v);
            v.DisposeTemporary(x);
            v = copy;
        }
        Elements<T> src = v.ReadElements<T>();
        var keptStrides = v.StrideArray[..kept];
        var layout = Layout.Create(keptShape, [keptStrides, keptShape.ContiguousStrides()], [v.Offset, 0]);
        long rows = r.Length;
        int innerLen = (int)inner;
        if (rows == 1 && inner >= 4 * Elementwise.ParallelThreshold && Environment.ProcessorCount > 1)
        {
            // One long row: reduce chunks on every core, then reduce the partial results. Eight chunks per core, so a
            // worker that starts late (a pool thread waking up, a busy vCPU) takes over the rest instead of the
            // caller doing a whole half alone (with one chunk per core the median of a 10M sum varied 2x).
            int workers = Environment.ProcessorCount;
            long chunk = Math.Max(((inner + 8 * workers - 1) / (8 * workers) + 1023) & ~1023L, 1L << 16);
            int count = (int)((inner + chunk - 1) / chunk);
            var partial = new T[count];
            long start = layout.Offsets[0];
            Parallel.For(0, count, p => partial[p] = TOp.Reduce(src.AsSpan(start + p * chunk, (int)Math.Min(chunk, inner - p * chunk))));
            r[0] = TOp.Reduce(partial);
            return result;
        }
        int parts = rows > 1 && x.Size >= Elementwise.ParallelThreshold ? Math.Min(Environment.ProcessorCount * 4, (int)Math.Min(rows, int.MaxValue)) : 1;
        // Rows of the kept layout are walked element by element: each kept element is one reduced row.
        Action<long, long> reduceRow = (position, outIndex) => r[outIndex] = TOp.Reduce(src.AsSpan(position, innerLen));
        if (parts > 1) Parallel.For(0, parts, p => ForEachKept(layout, rows * p / parts, rows * (p + 1) / parts, reduceRow));
        else ForEachKept(layout, 0, rows, reduceRow);
        return result;
    }

    /// <summary>Calls <paramref name="body"/>(source offset, result index) for kept elements [<paramref name="k0"/>, <paramref name="k1"/>).</summary>
    public static void ForEachKept(Layout layout, long k0, long k1, Action<long, long> body)
    {
        int rowLength = layout.RowLength;
        long s = layout.InnerStride(0), sd = layout.InnerStride(1);
        long row = k0 / rowLength;
        int col = (int)(k0 % rowLength);
        var w = new Layout.Walker(layout, row);
        for (long k = k0; k < k1;)
        {
            long src = w[0] + col * s, dst = w[1] + col * sd;
            for (; col < rowLength && k < k1; col++, k++, src += s, dst += sd) body(src, dst);
            col = 0;
            w.Next();
        }
    }

    private static bool LeadingAxes(DenseArray x, int[] axes)
    {
        if (!x.IsCContiguous || axes.Length == 0 || axes.Length == x.Rank) return false;
        for (int i = 0; i < axes.Length; i++) if (axes[i] != i) return false;
        return true;
    }

    private static bool InnerContiguous(DenseArray v, int kept, long inner)
    {
        long expected = 1;
        for (int i = v.Rank - 1; i >= kept; i--)
        {
            int d = v.Shape.Dims[i];
            if (d != 1 && v.Strides[i] != expected) return false;
            expected *= d;
        }
        return inner >= 0;
    }
}
