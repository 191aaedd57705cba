using System.Runtime.CompilerServices;
using ArrayDispatch.Dense.Storage;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>
/// The element-wise drivers: one per arity. Each takes operands already in the compute dtype and a destination of the
/// result shape (operands broadcast to it). Contiguous rows go to the kernel's span form (vectorized), a scalar
/// operand to its span-scalar form, anything else element by element; large loops are split over the cores.
/// </summary>
internal static class Elementwise
{
    /// <summary>Loops with at least this many elements run in parallel.</summary>
    public const long ParallelThreshold = 1 << 16;

    /// <summary><paramref name="destination"/>[i] = K(<paramref name="x"/>[i]).</summary>
    public static void Unary<T, TOut, K>(DenseArray x, DenseArray destination) where T : unmanaged where TOut : unmanaged where K : IUnaryKernel<K, T, TOut>
    {
        Shape shape = destination.Shape;
        long n = shape.Size;
        if (n == 0) return;
        DenseArray original = x;
        x = Unalias(x, destination);
        try
        {
            UnaryCore<T, TOut, K>(x, destination);
        }
        finally
        {
            x.DisposeTemporary(original);
        }
    }

    private static void UnaryCore<T, TOut, K>(DenseArray x, DenseArray destination) where T : unmanaged where TOut : unmanaged where K : IUnaryKernel<K, T, TOut>
    {
        Shape shape = destination.Shape;
        long n = shape.Size;
        // The destination first: a write computes the deferred results that read it (DenseStorage.Deferral.cs).
        Elements<TOut> ds = destination.Elements<TOut>();
        if (Fused.TryUnary<T, TOut, K>(x, destination, ds)) return;
        Elements<T> xs = x.ReadElements<T>();
        if (n < ParallelThreshold && x.Shape == shape && x.IsCContiguous && destination.IsCContiguous)
        {
            // Small and contiguous: one span call, without the layout, closure and split.
            K.Apply(xs.AsSpan(x.Offset, (int)n), ds.AsSpan(destination.Offset, (int)n));
            xs.KeepAlive();
            ds.KeepAlive();
            return;
        }
        UnaryStrided<T, TOut, K>(x, destination);
    }

    // The general path, in its own method: the closure it passes to Split captures this method's locals, and C# allocates
    // the closure object when the method starts, so sharing a method with the fast path above cost every small call 144 B.
    private static void UnaryStrided<T, TOut, K>(DenseArray x, DenseArray destination) where T : unmanaged where TOut : unmanaged where K : IUnaryKernel<K, T, TOut>
    {
        Shape shape = destination.Shape;
        long n = shape.Size;
        Elements<TOut> ds = destination.Elements<TOut>();
        Elements<T> xs = x.ReadElements<T>();
        var layout = Layout.Create(shape, [Layout.BroadcastStrides(x, shape), destination.StrideArray], [x.Offset, destination.Offset]);
        long sx = layout.InnerStride(0), sd = layout.InnerStride(1);
        // A copy of a transposed or axis-permuted view: blocked transpose in registers (Transpose's remarks).
        if (typeof(K) == typeof(Identity<T>) && sd == 1 && sx != 1 && Transpose.TryCopy(xs, Unsafe.As<Elements<TOut>, Elements<T>>(ref ds), layout)) return;
        Split(layout, n, (r0, r1, e0, e1) =>
        {
            var w = new Layout.Walker(layout, r0);
            Span<T> xb = stackalloc T[Chunk];
            Span<TOut> db = stackalloc TOut[Chunk];
            for (long r = r0; r < r1; r++, w.Next())
            {
                long ox = w[0] + e0 * sx, od = w[1] + e0 * sd;
                int len = (int)(e1 - e0);
                if (sd == 1 && sx == 1)
                {
                    K.Apply(xs.AsSpan(ox, len), ds.AsSpan(od, len));
                    continue;
                }
                // Strided rows go through the same span kernel via small gather/scatter buffers, so a result never
                // depends on the layout of the inputs.
                for (int i0 = 0; i0 < len; i0 += Chunk)
                {
                    int c = Math.Min(Chunk, len - i0);
                    ReadOnlySpan<T> xin = sx == 1 ? xs.AsSpan((ox + i0), c) : Gather(xs, ox + i0 * sx, sx, xb[..c]);
                    if (sd == 1) K.Apply(xin, ds.AsSpan((od + i0), c));
                    else
                    {
                        K.Apply(xin, db[..c]);
                        Scatter(db[..c], ds, od + i0 * sd, sd);
                    }
                }
            }
        });
    }

    /// <summary><paramref name="destination"/>[i] = K(<paramref name="x"/>[i], <paramref name="y"/>[i]).</summary>
    public static void Binary<T, TOut, K>(DenseArray x, DenseArray y, DenseArray destination) where T : unmanaged where TOut : unmanaged where K : IBinaryKernel<K, T, TOut>
    {
        Shape shape = destination.Shape;
        long n = shape.Size;
        if (n == 0) return;
        DenseArray x0 = x, y0 = y;
        x = Unalias(x, destination);
        y = Unalias(y, destination);
        try
        {
            BinaryCore<T, TOut, K>(x, y, destination);
        }
        finally
        {
            x.DisposeTemporary(x0);
            y.DisposeTemporary(y0);
        }
    }

    private static void BinaryCore<T, TOut, K>(DenseArray x, DenseArray y, DenseArray destination) where T : unmanaged where TOut : unmanaged where K : IBinaryKernel<K, T, TOut>
    {
        Shape shape = destination.Shape;
        long n = shape.Size;
        // The destination first: a write computes the deferred results that read it (DenseStorage.Deferral.cs).
        Elements<TOut> ds = destination.Elements<TOut>();
        if (Fused.TryBinary<T, TOut, K>(x, y, destination, ds)) return;
        Elements<T> xs = x.ReadElements<T>(), ys = y.ReadElements<T>();
        if (n < ParallelThreshold && destination.IsCContiguous)
        {
            // Small and contiguous: one span call, without the layout, closure and split. A one-element operand (a weak
            // scalar's 0-d array, say) goes to the span-scalar form, as the general path sends a stride-0 operand.
            bool xFull = x.Shape == shape && x.IsCContiguous, yFull = y.Shape == shape && y.IsCContiguous;
            if (xFull && yFull)
            {
                K.Apply(xs.AsSpan(x.Offset, (int)n), ys.AsSpan(y.Offset, (int)n), ds.AsSpan(destination.Offset, (int)n));
            }
            else if (xFull && y.Size == 1 && y.Rank <= shape.Rank)
            {
                K.Apply(xs.AsSpan(x.Offset, (int)n), ys[y.Offset], ds.AsSpan(destination.Offset, (int)n));
            }
            else if (yFull && x.Size == 1 && x.Rank <= shape.Rank)
            {
                K.Apply(xs[x.Offset], ys.AsSpan(y.Offset, (int)n), ds.AsSpan(destination.Offset, (int)n));
            }
            else
            {
                BinaryStrided<T, TOut, K>(x, y, destination);
                return;
            }
            xs.KeepAlive();
            ys.KeepAlive();
            ds.KeepAlive();
            return;
        }
        BinaryStrided<T, TOut, K>(x, y, destination);
    }

    // The general path, in its own method (see UnaryStrided).
    private static void BinaryStrided<T, TOut, K>(DenseArray x, DenseArray y, DenseArray destination) where T : unmanaged where TOut : unmanaged where K : IBinaryKernel<K, T, TOut>
    {
        Shape shape = destination.Shape;
        long n = shape.Size;
        Elements<TOut> ds = destination.Elements<TOut>();
        Elements<T> xs = x.ReadElements<T>(), ys = y.ReadElements<T>();
        var layout = Layout.Create(shape,
            [Layout.BroadcastStrides(x, shape), Layout.BroadcastStrides(y, shape), destination.StrideArray],
            [x.Offset, y.Offset, destination.Offset]);
        long sx = layout.InnerStride(0), sy = layout.InnerStride(1), sd = layout.InnerStride(2);
        Split(layout, n, (r0, r1, e0, e1) =>
        {
            var w = new Layout.Walker(layout, r0);
            Span<T> xb = stackalloc T[Chunk], yb = stackalloc T[Chunk];
            Span<TOut> db = stackalloc TOut[Chunk];
            for (long r = r0; r < r1; r++, w.Next())
            {
                long ox = w[0] + e0 * sx, oy = w[1] + e0 * sy, od = w[2] + e0 * sd;
                int len = (int)(e1 - e0);
                if (sd == 1 && sx == 1 && sy == 1)
                {
                    K.Apply(xs.AsSpan(ox, len), ys.AsSpan(oy, len), ds.AsSpan(od, len));
                    continue;
                }
                for (int i0 = 0; i0 < len; i0 += Chunk)
                {
                    int c = Math.Min(Chunk, len - i0);
                    Span<TOut> dout = sd == 1 ? ds.AsSpan((od + i0), c) : db[..c];
                    if (sy == 0 && sx != 0)
                    {
                        K.Apply(sx == 1 ? xs.AsSpan((ox + i0), c) : Gather(xs, ox + i0 * sx, sx, xb[..c]), ys[oy], dout);
                    }
                    else if (sx == 0 && sy != 0)
                    {
                        K.Apply(xs[ox], sy == 1 ? ys.AsSpan((oy + i0), c) : Gather(ys, oy + i0 * sy, sy, yb[..c]), dout);
                    }
                    else
                    {
                        ReadOnlySpan<T> xin = sx == 1 ? xs.AsSpan((ox + i0), c) : Gather(xs, ox + i0 * sx, sx, xb[..c]);
                        ReadOnlySpan<T> yin = sy == 1 ? ys.AsSpan((oy + i0), c) : Gather(ys, oy + i0 * sy, sy, yb[..c]);
                        K.Apply(xin, yin, dout);
                    }
                    if (sd != 1) Scatter(db[..c], ds, od + i0 * sd, sd);
                }
            }
        });
    }

    /// <summary><paramref name="destination"/>[i] = <paramref name="condition"/>[i] ? <paramref name="x"/>[i] : <paramref name="y"/>[i].</summary>
    public static void Where<T>(DenseArray condition, DenseArray x, DenseArray y, DenseArray destination) where T : unmanaged
    {
        Shape shape = destination.Shape;
        long n = shape.Size;
        if (n == 0) return;
        Elements<T> ds = destination.Elements<T>();
        Elements<bool> cs = condition.ReadElements<bool>();
        Elements<T> xs = x.ReadElements<T>(), ys = y.ReadElements<T>();
        var layout = Layout.Create(shape,
            [Layout.BroadcastStrides(condition, shape), Layout.BroadcastStrides(x, shape), Layout.BroadcastStrides(y, shape), destination.StrideArray],
            [condition.Offset, x.Offset, y.Offset, destination.Offset]);
        long sc = layout.InnerStride(0), sx = layout.InnerStride(1), sy = layout.InnerStride(2), sd = layout.InnerStride(3);
        Split(layout, n, (r0, r1, e0, e1) =>
        {
            var w = new Layout.Walker(layout, r0);
            for (long r = r0; r < r1; r++, w.Next())
            {
                long oc = w[0] + e0 * sc, ox = w[1] + e0 * sx, oy = w[2] + e0 * sy, od = w[3] + e0 * sd;
                for (long i = e0; i < e1; i++, oc += sc, ox += sx, oy += sy, od += sd) ds[od] = cs[oc] ? xs[ox] : ys[oy];
            }
        });
    }

    private const int Chunk = 256;

    private static ReadOnlySpan<T> Gather<T>(Elements<T> source, long start, long stride, Span<T> buffer) where T : unmanaged
    {
        for (int j = 0; j < buffer.Length; j++, start += stride) buffer[j] = source[start];
        return buffer;
    }

    private static void Scatter<T>(ReadOnlySpan<T> buffer, Elements<T> destination, long start, long stride) where T : unmanaged
    {
        for (int j = 0; j < buffer.Length; j++, start += stride) destination[start] = buffer[j];
    }

    /// <summary>Runs <paramref name="body"/>(rowStart, rowEnd, elementStart, elementEnd) over the layout, in parallel when large.</summary>
    private static void Split(Layout layout, long n, Action<long, long, long, long> body)
    {
        int workers = n >= ParallelThreshold ? Environment.ProcessorCount : 1;
        int rowLength = layout.RowLength;
        if (workers <= 1)
        {
            body(0, layout.Rows, 0, rowLength);
            return;
        }
        if (layout.Rows == 1)
        {
            Flat(rowLength, (e0, e1) => body(0, 1, e0, e1));
            return;
        }
        long rows = layout.Rows;
        int count = (int)Math.Min(rows, workers * 4L);
        Parallel.For(0, count, p => body(rows * p / count, rows * (p + 1) / count, 0, rowLength));
    }

    /// <summary>Runs <paramref name="body"/>(start, end) over <c>[0, n)</c>, in parallel when large.</summary>
    public static void Flat(long n, Action<long, long> body)
    {
        int workers = n >= ParallelThreshold ? Environment.ProcessorCount : 1;
        if (workers <= 1)
        {
            body(0, n);
            return;
        }
        // Chunk edges on 64-element boundaries. Eight chunks per core (at least 16K elements each), as the full reduction
        // does: a pool thread that wakes late on a shared 2-vCPU VM then takes over part of the rest instead of the
        // caller running a whole half alone (exp of 10M float64 measured 5 ms or 14 ms per call, bimodal, with one chunk
        // per core).
        long chunk = Math.Max(((n + 8L * workers - 1) / (8L * workers) + 63) & ~63L, 1L << 14);
        int parts = (int)((n + chunk - 1) / chunk);
        Parallel.For(0, parts, p => body(p * chunk, Math.Min(n, (p + 1) * chunk)));
    }

    // An input sharing storage with the destination under a different layout is copied first (NumPy's overlap rule).
    private static DenseArray Unalias(DenseArray input, DenseArray destination)
    {
        if (!input.SharesStorage(destination)) return input;
        if (input.Offset == destination.Offset && input.Shape == destination.Shape && input.Strides.SequenceEqual(destination.Strides)) return input;
        return Copy.Contiguous(input);
    }
}
