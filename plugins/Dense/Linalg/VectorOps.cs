using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ArrayDispatch.Dense.Linalg;

/// <summary>Vectorised level-1 helpers (axpy, dot, scale, rotations) over contiguous spans, generic over float/double.</summary>
internal static class VectorOps
{
    /// <summary>Machine epsilon (2^-52 for double, 2^-23 for float); <c>T.Epsilon</c> is the smallest subnormal instead.</summary>
    public static T Eps<T>() where T : unmanaged, IFloatingPointIeee754<T>
        => typeof(T) == typeof(float) ? T.CreateTruncating(1.1920928955078125e-7) : T.CreateTruncating(2.220446049250313e-16);

    /// <summary>The smallest positive normal number.</summary>
    public static T SafeMin<T>() where T : unmanaged, IFloatingPointIeee754<T>
        => typeof(T) == typeof(float) ? T.CreateTruncating(1.1754943508222875e-38) : T.CreateTruncating(2.2250738585072014e-308);

    /// <summary><c>a * b + c</c>, fused where the hardware has FMA.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (System.Runtime.Intrinsics.X86.Fma.IsSupported)
        {
            if (typeof(T) == typeof(double)) return Vector256.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
            if (typeof(T) == typeof(float)) return Vector256.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }
        return a * b + c;
    }

    /// <summary><c>y += alpha * x</c>.</summary>
    public static void Axpy<T>(T alpha, ReadOnlySpan<T> x, Span<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Length, i = 0;
        if (y.Length < n) throw new ArgumentException("y is shorter than x", nameof(y));
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T ry = ref MemoryMarshal.GetReference(y);
        if (Vector256.IsHardwareAccelerated)
        {
            int w = Vector256<T>.Count;
            var va = Vector256.Create(alpha);
            for (; i <= n - w; i += w)
                Fma(va, Vector256.LoadUnsafe(ref rx, (nuint)i), Vector256.LoadUnsafe(ref ry, (nuint)i)).StoreUnsafe(ref ry, (nuint)i);
        }
        for (; i < n; i++) Unsafe.Add(ref ry, i) += alpha * Unsafe.Add(ref rx, i);
    }

    /// <summary>The dot product of two equally long spans.</summary>
    public static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Length, i = 0;
        if (y.Length < n) throw new ArgumentException("y is shorter than x", nameof(y));
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T ry = ref MemoryMarshal.GetReference(y);
        T sum = T.Zero;
        if (Vector256.IsHardwareAccelerated && n >= 2 * Vector256<T>.Count)
        {
            int w = Vector256<T>.Count;
            Vector256<T> s0 = Vector256<T>.Zero, s1 = Vector256<T>.Zero;
            for (; i <= n - 2 * w; i += 2 * w)
            {
                s0 = Fma(Vector256.LoadUnsafe(ref rx, (nuint)i), Vector256.LoadUnsafe(ref ry, (nuint)i), s0);
                s1 = Fma(Vector256.LoadUnsafe(ref rx, (nuint)(i + w)), Vector256.LoadUnsafe(ref ry, (nuint)(i + w)), s1);
            }
            sum = Vector256.Sum(s0 + s1);
        }
        for (; i < n; i++) sum += Unsafe.Add(ref rx, i) * Unsafe.Add(ref ry, i);
        return sum;
    }

    /// <summary><c>x *= alpha</c>.</summary>
    public static void Scale<T>(T alpha, Span<T> x) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Length, i = 0;
        ref T rx = ref MemoryMarshal.GetReference(x);
        if (Vector256.IsHardwareAccelerated)
        {
            int w = Vector256<T>.Count;
            var va = Vector256.Create(alpha);
            for (; i <= n - w; i += w) (Vector256.LoadUnsafe(ref rx, (nuint)i) * va).StoreUnsafe(ref rx, (nuint)i);
        }
        for (; i < n; i++) Unsafe.Add(ref rx, i) *= alpha;
    }

    /// <summary>Plane rotation of two rows: <c>x' = c x - s y</c>, <c>y' = s x + c y</c>.</summary>
    public static void Rotate<T>(Span<T> x, Span<T> y, T c, T s) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Length, i = 0;
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T ry = ref MemoryMarshal.GetReference(y);
        if (Vector256.IsHardwareAccelerated)
        {
            int w = Vector256<T>.Count;
            var vc = Vector256.Create(c);
            var vs = Vector256.Create(s);
            for (; i <= n - w; i += w)
            {
                var a = Vector256.LoadUnsafe(ref rx, (nuint)i);
                var b = Vector256.LoadUnsafe(ref ry, (nuint)i);
                (vc * a - vs * b).StoreUnsafe(ref rx, (nuint)i);
                (vs * a + vc * b).StoreUnsafe(ref ry, (nuint)i);
            }
        }
        for (; i < n; i++)
        {
            T a = Unsafe.Add(ref rx, i), b = Unsafe.Add(ref ry, i);
            Unsafe.Add(ref rx, i) = c * a - s * b;
            Unsafe.Add(ref ry, i) = s * a + c * b;
        }
    }

    /// <summary>The three inner products <c>x·x</c>, <c>y·y</c>, <c>x·y</c> in one pass.</summary>
    public static (T Xx, T Yy, T Xy) Dot3<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : unmanaged, IFloatingPointIeee754<T>
    {
        int n = x.Length, i = 0;
        ref T rx = ref MemoryMarshal.GetReference(x);
        ref T ry = ref MemoryMarshal.GetReference(y);
        T xx = T.Zero, yy = T.Zero, xy = T.Zero;
        if (Vector256.IsHardwareAccelerated && n >= Vector256<T>.Count)
        {
            int w = Vector256<T>.Count;
            Vector256<T> sxx = Vector256<T>.Zero, syy = Vector256<T>.Zero, sxy = Vector256<T>.Zero;
            for (; i <= n - w; i += w)
            {
                var a = Vector256.LoadUnsafe(ref rx, (nuint)i);
                var b = Vector256.LoadUnsafe(ref ry, (nuint)i);
                sxx = Fma(a, a, sxx);
                syy = Fma(b, b, syy);
                sxy = Fma(a, b, sxy);
            }
            xx = Vector256.Sum(sxx); yy = Vector256.Sum(syy); xy = Vector256.Sum(sxy);
        }
        for (; i < n; i++)
        {
            T a = Unsafe.Add(ref rx, i), b = Unsafe.Add(ref ry, i);
            xx += a * a; yy += b * b; xy += a * b;
        }
        return (xx, yy, xy);
    }

    /// <summary>Writes the transpose of the row-major <paramref name="rows"/>×<paramref name="cols"/> matrix <paramref name="src"/> into <paramref name="dst"/>.</summary>
    public static unsafe void Transpose<T>(int rows, int cols, ReadOnlySpan<T> src, Span<T> dst) where T : unmanaged
    {
        long n = (long)rows * cols;
        if (rows > 1 && cols > 1 && n >= LargeTranspose)
        {
            // The copy kernel of transposed views (cache tiles, 4 x 4 blocks transposed in registers, tile rows on every
            // core): the row-major <-> column-major conversions around LAPACK calls moved ~6 GB/s in the loop below
            // (13 ms each way for the 5000 x 1000 QR of the seed's chunked SVD).
            fixed (T* ps = src, pd = dst)
            {
                var layout = Kernels.Layout.Create(new Shape(cols, rows), [[1, cols], [rows, 1]], [0, 0]);
                if (Kernels.Transpose.TryCopy(new Storage.Elements<T>(ps, n), new Storage.Elements<T>(pd, n), layout)) return;
            }
        }
        const int B = 32;
        for (int i0 = 0; i0 < rows; i0 += B)
            for (int j0 = 0; j0 < cols; j0 += B)
            {
                int i1 = Math.Min(rows, i0 + B), j1 = Math.Min(cols, j0 + B);
                for (int i = i0; i < i1; i++)
                    for (int j = j0; j < j1; j++)
                        dst[j * rows + i] = src[i * cols + j];
            }
    }

    /// <summary>Matrices of this many elements or more are transposed by the copy kernel (smaller ones stay in L1 either way).</summary>
    private const long LargeTranspose = 64 * 64;

    /// <summary>Sets the row-major <paramref name="rows"/>×<paramref name="cols"/> matrix to the (rectangular) identity.</summary>
    public static void Identity<T>(int rows, int cols, Span<T> dst) where T : unmanaged, IFloatingPointIeee754<T>
    {
        dst[..(rows * cols)].Clear();
        for (int i = 0; i < Math.Min(rows, cols); i++) dst[i * cols + i] = T.One;
    }

    /// <summary>Swaps the contents of two equally long, non-overlapping spans.</summary>
    public static void Swap<T>(Span<T> x, Span<T> y)
    {
        for (int i = 0; i < x.Length; i++) (x[i], y[i]) = (y[i], x[i]);
    }
}
