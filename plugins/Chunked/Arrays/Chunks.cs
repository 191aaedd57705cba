using System.Text;

namespace ArrayDispatch.Chunked.Arrays;

/// <summary>
/// How an array is cut into chunks: the chunk sizes along each axis (Dask's <c>chunks</c> tuple of tuples). Regular
/// chunks have equal sizes except a smaller last one; explicit chunks may have any sizes. Immutable.
/// </summary>
public sealed class Chunks : IEquatable<Chunks>, IReadOnlyList<IReadOnlyList<int>>
{
    /// <summary>The default largest chunk chosen when none is given (Dask's <c>array.chunk-size</c>).</summary>
    public const long AutoChunkBytes = 128L * 1024 * 1024;

    private readonly int[][] _sizes;

    private Chunks(int[][] sizes)
    {
        _sizes = sizes;
        BlockCounts = Array.ConvertAll(sizes, s => s.Length);
        long count = 1;
        foreach (int c in BlockCounts) count *= c;
        BlockCount = checked((int)count);
    }

    /// <summary>The number of axes.</summary>
    public int Rank => _sizes.Length;

    /// <summary>The number of chunks along each axis.</summary>
    public int[] BlockCounts { get; }

    /// <summary>The total number of chunks.</summary>
    public int BlockCount { get; }

    /// <summary>The chunk sizes along <paramref name="axis"/>.</summary>
    public IReadOnlyList<int> this[int axis] => _sizes[axis];

    /// <summary>The number of axes (<see cref="Rank"/>), as the protocol's <see cref="NDArray.Chunks"/> reads it.</summary>
    int IReadOnlyCollection<IReadOnlyList<int>>.Count => _sizes.Length;

    /// <inheritdoc/>
    public IEnumerator<IReadOnlyList<int>> GetEnumerator() => ((IEnumerable<IReadOnlyList<int>>)_sizes).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Regular chunks of <paramref name="chunkShape"/> (one size per axis, or one size for every axis; -1 or 0 means the whole axis).</summary>
    /// <exception cref="ArgumentException">The chunk shape has the wrong rank or a negative size.</exception>
    public static Chunks Regular(Shape shape, ReadOnlySpan<int> chunkShape)
    {
        if (chunkShape.Length != shape.Rank && chunkShape.Length != 1)
        {
            throw new ArgumentException($"chunks {Shape.Format(chunkShape)} do not match the rank of shape {shape}: give one size per axis", "chunks");
        }
        var sizes = new int[shape.Rank][];
        for (int axis = 0; axis < shape.Rank; axis++)
        {
            int c = chunkShape.Length == 1 ? chunkShape[0] : chunkShape[axis];
            if (c < -1) throw new ArgumentException($"chunk sizes must be positive, or -1 for the whole axis: got {Shape.Format(chunkShape)}", "chunks");
            sizes[axis] = Split(shape.Dims[axis], c <= 0 ? shape.Dims[axis] : c);
        }
        return new Chunks(sizes);
    }

    /// <summary>Explicit chunk sizes per axis, checked against <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentException">The sizes do not add up to the shape.</exception>
    public static Chunks Explicit(Shape shape, IReadOnlyList<IReadOnlyList<int>> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        if (sizes.Count != shape.Rank) throw new ArgumentException($"{sizes.Count} axes of chunks given for shape {shape}", "chunks");
        var copy = new int[sizes.Count][];
        for (int axis = 0; axis < sizes.Count; axis++)
        {
            copy[axis] = [.. sizes[axis]];
            long total = 0;
            foreach (int c in copy[axis])
            {
                if (c < 0) throw new ArgumentException($"chunk sizes must not be negative: axis {axis} has {Shape.Format(copy[axis])}", "chunks");
                total += c;
            }
            if (total != shape.Dims[axis] || copy[axis].Length == 0)
            {
                throw new ArgumentException($"chunks {Shape.Format(copy[axis])} along axis {axis} add up to {total}, not to the axis length {shape.Dims[axis]} of shape {shape}", "chunks");
            }
        }
        return new Chunks(copy);
    }

    /// <summary>Chunks of at most <paramref name="limitBytes"/>, cutting the leading axes first (Dask's <c>chunks="auto"</c>, roughly).</summary>
    public static Chunks Auto(Shape shape, DType dtype, long limitBytes = AutoChunkBytes)
    {
        var chunk = shape.ToArray();
        long bytes = Math.Max(1, shape.Size) * dtype.ItemSize();
        for (int axis = 0; axis < chunk.Length && bytes > limitBytes; axis++)
        {
            long rest = bytes / Math.Max(1, chunk[axis]);
            int fit = (int)Math.Max(1, limitBytes / Math.Max(1, rest));
            chunk[axis] = Math.Min(chunk[axis], fit);
            bytes = rest * chunk[axis];
        }
        return Regular(shape, chunk);
    }

    /// <summary>One chunk holding the whole array.</summary>
    public static Chunks Single(Shape shape) => new(Array.ConvertAll(shape.ToArray(), d => new[] { d }));

    /// <summary>These chunks with <paramref name="axis"/> replaced by <paramref name="sizes"/>.</summary>
    public Chunks WithAxis(int axis, int[] sizes)
    {
        var copy = (int[][])_sizes.Clone();
        copy[axis] = sizes;
        return new Chunks(copy);
    }

    /// <summary>Builds chunks from per-axis sizes without checking them against a shape.</summary>
    internal static Chunks FromSizes(int[][] sizes) => new(sizes);

    /// <summary>The per-axis sizes as arrays.</summary>
    internal int[][] Sizes => _sizes;

    /// <summary>The start of each chunk along <paramref name="axis"/>, plus the axis length at the end.</summary>
    public int[] Offsets(int axis)
    {
        int[] s = _sizes[axis];
        var offsets = new int[s.Length + 1];
        for (int i = 0; i < s.Length; i++) offsets[i + 1] = offsets[i] + s[i];
        return offsets;
    }

    /// <summary>The shape of the chunk at <paramref name="index"/>.</summary>
    public int[] BlockShape(ReadOnlySpan<int> index)
    {
        var shape = new int[Rank];
        for (int axis = 0; axis < Rank; axis++) shape[axis] = _sizes[axis][index[axis]];
        return shape;
    }

    /// <summary>Every chunk index, in C order.</summary>
    public IEnumerable<int[]> Indices()
    {
        var index = new int[Rank];
        for (int n = 0; n < BlockCount; n++)
        {
            yield return (int[])index.Clone();
            for (int axis = Rank - 1; axis >= 0; axis--)
            {
                if (++index[axis] < BlockCounts[axis]) break;
                index[axis] = 0;
            }
        }
    }

    /// <summary>The largest chunk along each axis (Dask's <c>chunksize</c>).</summary>
    public int[] ChunkSize() => Array.ConvertAll(_sizes, s => s.Length == 0 ? 0 : s.Max());

    /// <summary>Sizes of <paramref name="chunk"/> covering <paramref name="length"/>, the last one ragged.</summary>
    public static int[] Split(int length, int chunk)
    {
        if (length == 0) return [0];
        chunk = Math.Max(1, chunk);
        int n = (int)(((long)length + chunk - 1) / chunk);   // length + chunk - 1 overflowed int near 2^31 (a bare OverflowException)
        var sizes = new int[n];
        for (int i = 0; i < n; i++) sizes[i] = Math.Min(chunk, length - i * chunk);
        return sizes;
    }

    /// <inheritdoc/>
    public bool Equals(Chunks? other)
    {
        if (other is null || other.Rank != Rank) return false;
        for (int axis = 0; axis < Rank; axis++)
        {
            if (!_sizes[axis].AsSpan().SequenceEqual(other._sizes[axis])) return false;
        }
        return true;
    }

    /// <summary>Whether the sizes along <paramref name="axis"/> equal <paramref name="other"/>'s along <paramref name="otherAxis"/>.</summary>
    public bool AxisEquals(int axis, Chunks other, int otherAxis) => _sizes[axis].AsSpan().SequenceEqual(other._sizes[otherAxis]);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Chunks);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Rank, BlockCount);

    /// <summary>Dask's notation: <c>((1000, 1000, 500), (1000,))</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("(");
        for (int axis = 0; axis < Rank; axis++)
        {
            if (axis > 0) sb.Append(", ");
            sb.Append(Shape.Format(_sizes[axis]));
        }
        if (Rank == 1) sb.Append(',');
        return sb.Append(')').ToString();
    }
}
