using ArrayDispatch.Dense.Storage;
using System.Numerics;
using System.Numerics.Tensors;

namespace ArrayDispatch.Dense.Kernels;

/// <summary>
/// Row-major matrix products C = A·B for any numeric element type: blocked over k and n so a panel of B stays in cache,
/// vectorized along rows of B (TensorPrimitives.MultiplyAdd), rows of C split over the cores. Used for the integer
/// dtypes and when no BLAS kernel is available.
/// </summary>
internal static class MatMul
{
    private const int KBlock = 128, NBlock = 256;

    /// <summary>C (m×n, overwritten) = A (m×k) · B (k×n), all contiguous.</summary>
    public static void Gemm<T>(int m, int n, int k, Elements<T> a, long aOffset, Elements<T> b, long bOffset, Elements<T> c, long cOffset) where T : unmanaged, INumber<T>
    {
        c.AsSpan((int)cOffset, m * n).Clear();
        if (k == 0 || m == 0 || n == 0) return;
        long work = (long)m * n * k;
        int parts = work >= 1 << 18 && m > 1 ? Math.Min(m, Environment.ProcessorCount * 4) : 1;
        Parallel.For(0, parts, part =>
        {
            int i0 = (int)((long)m * part / parts), i1 = (int)((long)m * (part + 1) / parts);
            for (int p0 = 0; p0 < k; p0 += KBlock)
            {
                int p1 = Math.Min(k, p0 + KBlock);
                for (int j0 = 0; j0 < n; j0 += NBlock)
                {
                    int len = Math.Min(n, j0 + NBlock) - j0;
                    for (int i = i0; i < i1; i++)
                    {
                        Span<T> crow = c.AsSpan((int)(cOffset + (long)i * n + j0), len);
                        long arow = aOffset + (long)i * k;
                        for (int p = p0; p < p1; p++)
                        {
                            TensorPrimitives.MultiplyAdd(b.AsSpan((int)(bOffset + (long)p * n + j0), len), a[arow + p], crow, crow);
                        }
                    }
                }
            }
        });
    }

    /// <summary>
    /// C (m×n, overwritten) = A (m×k) · B (k×n) for complex64 and complex128: the managed loop, in double precision per
    /// product term for complex128 (the parts multiplied and added directly), rows of C split over the cores.
    /// </summary>
    public static void ComplexGemm<T>(int m, int n, int k, Elements<T> a, long aOffset, Elements<T> b, long bOffset, Elements<T> c, long cOffset) where T : unmanaged, INumberBase<T>
    {
        c.AsSpan((int)cOffset, m * n).Clear();
        if (k == 0 || m == 0 || n == 0) return;
        long work = (long)m * n * k;
        int parts = work >= 1 << 16 && m > 1 ? Math.Min(m, Environment.ProcessorCount * 4) : 1;
        Parallel.For(0, parts, part =>
        {
            int i0 = (int)((long)m * part / parts), i1 = (int)((long)m * (part + 1) / parts);
            var acc = new System.Numerics.Complex[n];
            for (int i = i0; i < i1; i++)
            {
                Array.Clear(acc);
                long arow = aOffset + (long)i * k;
                for (int p = 0; p < k; p++)
                {
                    System.Numerics.Complex av = Ufuncs.ComplexFunctions.Widen(a[arow + p]);
                    double ar = av.Real, ai = av.Imaginary;
                    long brow = bOffset + (long)p * n;
                    for (int j = 0; j < n; j++)
                    {
                        System.Numerics.Complex bv = Ufuncs.ComplexFunctions.Widen(b[brow + j]);
                        acc[j] = new(acc[j].Real + (ar * bv.Real - ai * bv.Imaginary), acc[j].Imaginary + (ar * bv.Imaginary + ai * bv.Real));
                    }
                }
                long crow = cOffset + (long)i * n;
                for (int j = 0; j < n; j++) c[crow + j] = Ufuncs.ComplexFunctions.Narrow<T>(acc[j]);
            }
        });
    }
}
