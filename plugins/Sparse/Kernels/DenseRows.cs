using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>
/// Where a product kernel writes its C-ordered <c>rows × n</c> dense result, row block by row block: a .NET array (the
/// solvers' vectors, the kernel tests), or the host bytes of an array the dense backend made with <c>empty</c> (the
/// product a user gets: written in place, so a large result lives in that backend's pooled memory and no second copy
/// is made by <c>asarray</c>). Parallel kernels capture this, not a span, and take each block's span inside.
/// </summary>
internal readonly struct DenseRows<T> where T : unmanaged
{
    private readonly T[]? _array;
    private readonly IHostContiguousBytes? _bytes;
    private readonly int _n;

    public DenseRows(T[] array, int n)
    {
        _array = array;
        _n = n;
    }

    public DenseRows(IHostContiguousBytes bytes, int n)
    {
        _bytes = bytes;
        _n = n;
    }

    /// <summary>Rows [<paramref name="start"/>, <paramref name="end"/>): element <c>(i - start) * n + j</c> is row i, column j.</summary>
    public Span<T> Rows(int start, int end)
    {
        long offset = (long)start * _n, count = (long)(end - start) * _n;
        if (_array is not null) return _array.AsSpan(checked((int)offset), checked((int)count));
        int size = Unsafe.SizeOf<T>();
        return MemoryMarshal.Cast<byte, T>(_bytes!.HostBytes(offset * size, checked((int)(count * size))));
    }
}
