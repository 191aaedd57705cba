using System.Buffers;

namespace ArrayDispatch.Dense.Linalg;

/// <summary>
/// A pooled scratch buffer for LAPACK calls (column-major copies, LU factors, work arrays), returned when disposed.
/// NumPy's temporaries come from malloc, which hands the same blocks back call after call; fresh managed arrays of
/// this size come from the large-object heap and, on VMs that return freed pages to the host, pay a page fault per
/// 4 KB on first touch (a 1000² QR spent more time faulting in its three 8 MB temporaries than in LAPACK). Contents
/// are not cleared: every caller writes what LAPACK reads.
/// </summary>
internal readonly struct Scratch<T> : IDisposable where T : unmanaged
{
    // Up to 2^27 elements (1 GiB of float64) per buffer, a few per size: the sizes of one decomposition's temporaries.
    private static readonly ArrayPool<T> Pool = ArrayPool<T>.Create(1 << 27, 8);

    private Scratch(int length) => Array = Pool.Rent(Math.Max(length, 1));

    /// <summary>The buffer; at least the length asked for, possibly longer.</summary>
    public T[] Array { get; }

    /// <summary>A buffer of at least <paramref name="length"/> elements, contents undefined.</summary>
    public static Scratch<T> Rent(int length) => new(length);

    /// <summary>A buffer holding a copy of <paramref name="source"/> in its first elements.</summary>
    public static Scratch<T> Copy(ReadOnlySpan<T> source)
    {
        var s = new Scratch<T>(source.Length);
        source.CopyTo(s.Array);
        return s;
    }

    /// <inheritdoc/>
    /// <remarks>A <see langword="default"/> scratch (none rented) returns nothing.</remarks>
    public void Dispose()
    {
        if (Array is not null) Pool.Return(Array);
    }
}
