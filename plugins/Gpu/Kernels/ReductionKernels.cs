using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Two-pass reductions over a view whose reduced axes come last (<c>outer</c> results of <c>inner</c> elements each).
/// Pass one: <c>chunks</c> threads per result, thread c combining elements c, c + chunks, … (neighbouring threads read
/// neighbouring elements, so loads coalesce). Pass two folds the partials with the same kernel.
/// </summary>
internal static class ReductionKernels
{
    public static void Partial<T, TOp>(Index1D t, ArrayView<T> x, Layout lx, ArrayView<T> partial, long inner, long chunks)
        where T : unmanaged where TOp : struct, IGpuReduceOp<T>
    {
        long o = t / chunks;
        long c = t - o * chunks;
        long first = o * inner;
        T acc = x[lx.Index(first + c)];
        for (long k = c + chunks; k < inner; k += chunks) acc = default(TOp).Combine(acc, x[lx.Index(first + k)]);
        partial[t] = acc;
    }

    public static void ArgPartial<T, TOp>(Index1D t, ArrayView<T> x, Layout lx, ArrayView<T> values, ArrayView<long> indices, long inner, long chunks)
        where T : unmanaged where TOp : struct, IGpuArgOp<T>
    {
        long o = t / chunks;
        long c = t - o * chunks;
        long first = o * inner;
        T best = x[lx.Index(first + c)];
        long bestIndex = c;
        for (long k = c + chunks; k < inner; k += chunks)
        {
            T v = x[lx.Index(first + k)];
            if (default(TOp).Better(v, best))
            {
                best = v;
                bestIndex = k;
            }
        }
        values[t] = best;
        indices[t] = bestIndex;
    }

    /// <summary>Folds the <paramref name="chunks"/> partials of each result; ties go to the smaller index, as NumPy's first occurrence.</summary>
    public static void ArgMerge<T, TOp>(Index1D o, ArrayView<T> values, ArrayView<long> indices, ArrayView<long> result, long chunks)
        where T : unmanaged where TOp : struct, IGpuArgOp<T>
    {
        long first = o * chunks;
        T best = values[first];
        long bestIndex = indices[first];
        for (long c = 1; c < chunks; c++)
        {
            T v = values[first + c];
            long index = indices[first + c];
            if (default(TOp).Better(v, best) || (!default(TOp).Better(best, v) && index < bestIndex))
            {
                best = v;
                bestIndex = index;
            }
        }
        result[o] = bestIndex;
    }
}
