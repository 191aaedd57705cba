using System.Numerics.Tensors;
using System.Runtime.Intrinsics.X86;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Fast sums of compressed float64 arrays (the benchmarked paths); other reductions go through <see cref="GroupReduce"/>.</summary>
internal static class CsrReduce
{
    /// <summary>The sum of all stored values: vectorised sums of blocks, in parallel.</summary>
    public static double SumAll(SparseBuffer<double> values, int count)
    {
        const int block = 1 << 20;
        int blocks = (count + block - 1) / block;
        if (blocks <= 1) return TensorPrimitives.Sum(values.Slice(0, count));
        var partial = new double[blocks];
        Parallel.For(0, blocks, Blocks.Options, b =>
        {
            int start = b * block;
            partial[b] = TensorPrimitives.Sum(values.Slice(start, Math.Min(block, count - start)));
        });
        return TensorPrimitives.Sum(partial);
    }

    /// <summary>The sum of each major line (row sums of CSR), in parallel over row blocks.</summary>
    public static double[] SumLines(SparseBuffer<int> indptrBuffer, SparseBuffer<double> valuesBuffer)
    {
        int lines = (int)indptrBuffer.Length - 1;
        var result = new double[lines];
        Parallel.For(0, Blocks.Count(lines), Blocks.Options, b =>
        {
            (int start, int end) = Blocks.Range(b, lines);
            ReadOnlySpan<int> indptr = indptrBuffer.Span;
            ReadOnlySpan<double> values = valuesBuffer.Span;
            for (int i = start; i < end; i++) result[i] = TensorPrimitives.Sum(values.Slice(indptr[i], indptr[i + 1] - indptr[i]));
        });
        return result;
    }

    /// <summary>
    /// The sum over major lines for each minor position (column sums of CSR): two workers each scatter half of the
    /// entries into their own accumulator, then the accumulators are added.
    /// </summary>
    /// <remarks>
    /// A million-column accumulator (8 MB) does not stay in this machine's 8 MB L3 beside the streamed entries, so the
    /// scatter waits on memory; the accumulator line of the entry 64 ahead is prefetched, as in <see cref="SpMV"/>.
    /// At most two workers: each needs an output-sized accumulator, and the issue bounds a function's memory to one
    /// temporary of output size beyond the result (the first accumulator becomes the result).
    /// </remarks>
    public static unsafe double[] SumMinor(SparseBuffer<int> indicesBuffer, SparseBuffer<double> valuesBuffer, int count, int minor)
    {
        const int ahead = 64;
        int workers = Math.Min(Math.Min(Environment.ProcessorCount, 2), Math.Max(1, count / (1 << 18)));
        var partial = new double[workers][];
        Parallel.For(0, workers, Blocks.Options, w =>
        {
            var acc = new double[minor];
            ReadOnlySpan<int> indices = indicesBuffer.Span;
            ReadOnlySpan<double> values = valuesBuffer.Span;
            int start = (int)((long)count * w / workers), end = (int)((long)count * (w + 1) / workers);
            int prefetchEnd = Sse.IsSupported ? Math.Min(end, indices.Length - ahead) : start;
            fixed (double* a = acc)
            {
                int k = start;
                for (; k < prefetchEnd; k++)
                {
                    Sse.Prefetch0(a + indices[k + ahead]);
                    acc[indices[k]] += values[k];
                }
                for (; k < end; k++) acc[indices[k]] += values[k];
            }
            partial[w] = acc;
        });
        double[] result = partial[0];
        for (int w = 1; w < workers; w++) TensorPrimitives.Add(result, partial[w], result);
        return result;
    }
}
