using ILGPU;
using ILGPU.Runtime;

namespace ArrayDispatch.Gpu;

/// <summary>
/// Two-pass reductions over a view whose reduced axes come last (<c>outer</c> results of <c>inner</c> elements each).
/// Pass one: <c>chunks</c> threads per result, thread c combining elements c, c + chunks, … (neighbouring threads read
/// neighbouring elements, so loads coalesce); the loop issues four independent loads before combining them, so each
/// thread keeps several loads in flight (memory-level parallelism is what a bandwidth-bound GPU kernel needs). Later
/// passes fold the partials with the same kernels until one value per result is left.
/// </summary>
internal static class ReductionKernels
{
    public static void Partial<T, TOp>(Index1D t, ArrayView<T> x, Layout lx, ArrayView<T> partial, long inner, long chunks)
        where T : unmanaged where TOp : struct, IGpuReduceOp<T>
    {
        long o = t / chunks;
        long c = t - o * chunks;
        long first = o * inner;
        T acc = default(TOp).Seed(x[lx.Index(first + c)]);
        long k = c + chunks;
        for (; k + 3 * chunks < inner; k += 4 * chunks)
        {
            T v0 = x[lx.Index(first + k)], v1 = x[lx.Index(first + k + chunks)], v2 = x[lx.Index(first + k + 2 * chunks)], v3 = x[lx.Index(first + k + 3 * chunks)];
            acc = default(TOp).Combine(acc, default(TOp).Combine(default(TOp).Combine(v0, v1), default(TOp).Combine(v2, v3)));
        }
        for (; k < inner; k += chunks) acc = default(TOp).Combine(acc, x[lx.Index(first + k)]);
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
        long k = c + chunks;
        for (; k + 3 * chunks < inner; k += 4 * chunks)
        {
            // Four loads in flight, then the comparisons in index order (a strictly better value replaces: first occurrence wins).
            T v0 = x[lx.Index(first + k)], v1 = x[lx.Index(first + k + chunks)], v2 = x[lx.Index(first + k + 2 * chunks)], v3 = x[lx.Index(first + k + 3 * chunks)];
            if (default(TOp).Better(v0, best)) { best = v0; bestIndex = k; }
            if (default(TOp).Better(v1, best)) { best = v1; bestIndex = k + chunks; }
            if (default(TOp).Better(v2, best)) { best = v2; bestIndex = k + 2 * chunks; }
            if (default(TOp).Better(v3, best)) { best = v3; bestIndex = k + 3 * chunks; }
        }
        for (; k < inner; k += chunks)
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

    /// <summary>
    /// Folds (value, index) candidates: <paramref name="inner"/> per result in, <paramref name="chunks"/> per result out,
    /// strided like <see cref="Partial"/>. Ties go to the smaller index, as NumPy's first occurrence.
    /// </summary>
    public static void ArgCombine<T, TOp>(Index1D t, ArrayView<T> values, ArrayView<long> indices, ArrayView<T> outValues, ArrayView<long> outIndices, long inner, long chunks)
        where T : unmanaged where TOp : struct, IGpuArgOp<T>
    {
        long o = t / chunks;
        long c = t - o * chunks;
        long first = o * inner;
        T best = values[first + c];
        long bestIndex = indices[first + c];
        for (long k = c + chunks; k < inner; k += chunks)
        {
            T v = values[first + k];
            long index = indices[first + k];
            if (default(TOp).Better(v, best) || (!default(TOp).Better(best, v) && index < bestIndex))
            {
                best = v;
                bestIndex = index;
            }
        }
        outValues[t] = best;
        outIndices[t] = bestIndex;
    }
}
