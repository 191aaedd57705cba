using ArrayDispatch.Dense.Storage;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>
/// Element-wise operations reading a deferred result (DenseStorage.Deferral.cs) without computing it into memory:
/// its values are computed block by block into a buffer that stays in L1, and the operation reads them from there. Taken
/// when the deferred operand is all of its values in C order and the result is C-contiguous of the same shape; the other
/// operand may be deferred too, C-contiguous of that shape, or one element (a scalar). Anything else computes the deferred
/// result first and takes the general path, so a result never depends on which path ran: the blocks go through the
/// same span kernels.
/// </summary>
internal static class Fused
{
    // Elements per block: two operands' buffers of the widest element (16-byte complex) fill 32 KB, an L1 data cache.
    private const int Block = 1024;

    public static bool TryUnary<T, TOut, K>(DenseArray x, DenseArray destination, Elements<TOut> ds)
        where T : unmanaged where TOut : unmanaged where K : IUnaryKernel<K, T, TOut>
    {
        if (x.DeferredWhole<T>() is not { } dx || x.Shape != destination.Shape || !destination.IsCContiguous) return false;
        long offset = destination.Offset;
        Elementwise.Flat(destination.Size, (start, end) =>
        {
            Span<T> xb = stackalloc T[Block];
            for (long i = start; i < end; i += Block)
            {
                int c = (int)Math.Min(Block, end - i);
                dx.Fill(i, xb[..c]);
                K.Apply(xb[..c], ds.AsSpan(offset + i, c));
            }
        });
        // The deferred array holds the reference on its inputs that keeps their memory valid (a disposed input's buffer
        // goes back to the pool when that reference goes): it must outlive the loop, not only its last use above.
        GC.KeepAlive(x);
        return true;
    }

    public static bool TryBinary<T, TOut, K>(DenseArray x, DenseArray y, DenseArray destination, Elements<TOut> ds)
        where T : unmanaged where TOut : unmanaged where K : IBinaryKernel<K, T, TOut>
    {
        DeferredElements<T>? dx = x.DeferredWhole<T>(), dy = y.DeferredWhole<T>();
        if (dx is null && dy is null) return false;
        Shape shape = destination.Shape;
        if (!destination.IsCContiguous || !Fits(x, dx, shape) || !Fits(y, dy, shape)) return false;
        var xo = new Operand<T>(x, dx, shape);
        var yo = new Operand<T>(y, dy, shape);
        long offset = destination.Offset;
        Elementwise.Flat(destination.Size, (start, end) =>
        {
            Span<T> xb = stackalloc T[Block], yb = stackalloc T[Block];
            for (long i = start; i < end; i += Block)
            {
                int c = (int)Math.Min(Block, end - i);
                Span<TOut> d = ds.AsSpan(offset + i, c);
                if (xo.IsOne) K.Apply(xo.One, yo.Read(i, yb[..c]), d);
                else if (yo.IsOne) K.Apply(xo.Read(i, xb[..c]), yo.One, d);
                else K.Apply(xo.Read(i, xb[..c]), yo.Read(i, yb[..c]), d);
            }
        });
        GC.KeepAlive(x);   // as in TryUnary
        GC.KeepAlive(y);
        return true;
    }

    // The shapes the fused loop reads: a deferred operand is all of the result's shape, another is that shape in C order
    // or a single element.
    private static bool Fits<T>(DenseArray a, DeferredElements<T>? deferred, Shape shape) where T : unmanaged =>
        deferred is not null ? a.Shape == shape : (a.Shape == shape && a.IsCContiguous) || a.Size == 1;

    /// <summary>One operand of the fused loop: deferred values, a C-contiguous array, or one element.</summary>
    private readonly struct Operand<T> where T : unmanaged
    {
        private readonly DeferredElements<T>? _deferred;
        private readonly Elements<T> _elements;
        private readonly long _offset;

        public Operand(DenseArray a, DeferredElements<T>? deferred, Shape shape)
        {
            _deferred = deferred;
            if (deferred is not null) return;
            _elements = a.ReadElements<T>();
            _offset = a.Offset;
            IsOne = a.Shape != shape || shape.Size == 1;
            if (IsOne) One = _elements[a.Offset];
        }

        public bool IsOne { get; }

        public T One { get; }

        public ReadOnlySpan<T> Read(long start, Span<T> buffer)
        {
            if (_deferred is null) return _elements.AsSpan(_offset + start, buffer.Length);
            _deferred.Fill(start, buffer);
            return buffer;
        }
    }
}
