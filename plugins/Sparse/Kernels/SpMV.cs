using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ArrayDispatch.Sparse.Kernels;

/// <summary>Products of a CSR matrix with dense vectors and blocks, in parallel over row blocks (SciPy's loops are serial).</summary>
internal static class SpMV
{
    /// <summary><c>y = A @ x</c> for CSR A with <paramref name="rows"/> rows.</summary>
    public static T[] Multiply<T>(int rows, int[] indptr, int[] indices, T[] values, T[] x) where T : unmanaged, INumber<T>
    {
        T[] y = GC.AllocateUninitializedArray<T>(rows);
        Parallel.For(0, Blocks.Count(rows), Blocks.Options, b =>
        {
            (int start, int end) = Blocks.Range(b, rows);
            ref int ir = ref MemoryMarshal.GetArrayDataReference(indices);
            ref T vr = ref MemoryMarshal.GetArrayDataReference(values);
            ref T xr = ref MemoryMarshal.GetArrayDataReference(x);
            for (int i = start; i < end; i++)
            {
                T s0 = T.Zero, s1 = T.Zero;
                int k = indptr[i], e = indptr[i + 1];
                for (; k + 1 < e; k += 2)
                {
                    s0 += Unsafe.Add(ref vr, k) * Unsafe.Add(ref xr, Unsafe.Add(ref ir, k));
                    s1 += Unsafe.Add(ref vr, k + 1) * Unsafe.Add(ref xr, Unsafe.Add(ref ir, k + 1));
                }
                if (k < e) s0 += Unsafe.Add(ref vr, k) * Unsafe.Add(ref xr, Unsafe.Add(ref ir, k));
                y[i] = s0 + s1;
            }
        });
        return y;
    }

    /// <summary><c>Y = A @ B</c> for CSR A (rows × k) and a C-ordered dense block B (k × n).</summary>
    public static T[] MultiplyBlock<T>(int rows, int[] indptr, int[] indices, T[] values, T[] b, int n) where T : unmanaged, INumber<T>
    {
        var y = new T[(long)rows * n];
        Parallel.For(0, Blocks.Count(rows), Blocks.Options, blk =>
        {
            (int start, int end) = Blocks.Range(blk, rows);
            for (int i = start; i < end; i++)
            {
                Span<T> row = y.AsSpan((int)((long)i * n), n);
                for (int k = indptr[i]; k < indptr[i + 1]; k++)
                {
                    AddScaled(row, values[k], b.AsSpan((int)((long)indices[k] * n), n));
                }
            }
        });
        return y;
    }

    /// <summary><c>Y = D @ A</c> for a C-ordered dense block D (m × k) and CSR A (k × n): each row of D scatters rows of A.</summary>
    public static T[] DenseTimesCsr<T>(T[] d, int m, int k, int[] indptr, int[] indices, T[] values, int n) where T : unmanaged, INumber<T>
    {
        var y = new T[(long)m * n];
        Parallel.For(0, Blocks.Count(m), Blocks.Options, blk =>
        {
            (int start, int end) = Blocks.Range(blk, m);
            for (int i = start; i < end; i++)
            {
                long row = (long)i * n;
                for (int j = 0; j < k; j++)
                {
                    T dij = d[(long)i * k + j];
                    if (dij == T.Zero) continue;
                    for (int t = indptr[j]; t < indptr[j + 1]; t++) y[row + indices[t]] += dij * values[t];
                }
            }
        });
        return y;
    }

    private static void AddScaled<T>(Span<T> row, T a, ReadOnlySpan<T> b) where T : unmanaged, INumber<T>
    {
        int j = 0;
        if (Vector256.IsHardwareAccelerated && Vector256<T>.IsSupported)
        {
            ref T r = ref MemoryMarshal.GetReference(row);
            ref T s = ref MemoryMarshal.GetReference(b);
            var va = Vector256.Create(a);
            for (; j + Vector256<T>.Count <= row.Length; j += Vector256<T>.Count)
            {
                (Vector256.LoadUnsafe(ref r, (nuint)j) + va * Vector256.LoadUnsafe(ref s, (nuint)j)).StoreUnsafe(ref r, (nuint)j);
            }
        }
        if (Vector.IsHardwareAccelerated && Vector<T>.IsSupported)
        {
            var va = new Vector<T>(a);
            for (; j + Vector<T>.Count <= row.Length; j += Vector<T>.Count)
            {
                var r = new Vector<T>(row[j..]);
                (r + va * new Vector<T>(b[j..])).CopyTo(row[j..]);
            }
        }
        for (; j < row.Length; j++) row[j] += a * b[j];
    }
}
