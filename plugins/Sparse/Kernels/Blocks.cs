namespace ArrayDispatch.Sparse.Kernels;

/// <summary>How row loops are split for <see cref="Parallel.For(int, int, ParallelOptions, Action{int})"/>.</summary>
internal static class Blocks
{
    /// <summary>Rows per block: below this a block is not worth a task (about 5 µs of work at 10 entries per row).</summary>
    private const int MinRows = 1024;

    /// <summary>The default options (all cores).</summary>
    public static ParallelOptions Options { get; } = new();

    /// <summary>
    /// The number of blocks: 16 per core, none smaller than <see cref="MinRows"/>. Many small blocks let a running worker
    /// take over the blocks of one the OS has descheduled; on the shared 2-core bench machine 4 per core left SpMV waiting
    /// on the slowest block (2.7x SciPy's time under load).
    /// </summary>
    public static int Count(int rows) => Math.Max(1, Math.Min(Environment.ProcessorCount * 16, rows / MinRows));

    /// <summary>The rows of block <paramref name="block"/>.</summary>
    public static (int Start, int End) Range(int block, int rows)
    {
        int count = Count(rows);
        return ((int)((long)rows * block / count), (int)((long)rows * (block + 1) / count));
    }
}
