namespace ArrayDispatch.Sparse.Kernels;

/// <summary>How row loops are split for <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>.</summary>
internal static class Blocks
{
    /// <summary>Rows per block: below this a block is not worth a task (about 20 µs of work at 10 entries per row).</summary>
    private const int MinRows = 4096;

    /// <summary>The default options (all cores).</summary>
    public static ParallelOptions Options { get; } = new();

    /// <summary>The number of blocks: a few per core so uneven rows balance, none smaller than <see cref="MinRows"/>.</summary>
    public static int Count(int rows) => Math.Max(1, Math.Min(Environment.ProcessorCount * 4, rows / MinRows));

    /// <summary>The rows of block <paramref name="block"/>.</summary>
    public static (int Start, int End) Range(int block, int rows)
    {
        int count = Count(rows);
        return ((int)((long)rows * block / count), (int)((long)rows * (block + 1) / count));
    }
}
