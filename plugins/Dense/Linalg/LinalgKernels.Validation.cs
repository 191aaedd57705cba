using System.Numerics;

namespace ArrayDispatch.Dense.Linalg;

internal static partial class LinalgKernels
{
    private static void CheckType<T>()
    {
        if (typeof(T) != typeof(double) && typeof(T) != typeof(float))
            throw new NotSupportedException($"linear algebra supports float32 and float64, not {typeof(T).Name}");
    }

    private static void NonNegative(int value, string name)
    {
        if (value < 0) throw new ArgumentOutOfRangeException(name, value, $"{name} must be non-negative, got {value}");
    }

    private static void Need(int length, long needed, string name, string what)
    {
        if (length < needed)
            throw new ArgumentException($"{name} has {length} elements but {what} needs {needed}", name);
    }

    /// <summary>Checks a rows×cols matrix with row stride <paramref name="ld"/> fits in a span of <paramref name="length"/>.</summary>
    private static void CheckMatrix(int length, int rows, int cols, int ld, string name, string ldName)
    {
        if (ld < Math.Max(1, cols))
            throw new ArgumentOutOfRangeException(ldName, ld, $"{ldName} must be at least max(1, {cols}) for {name} of shape ({rows}, {cols}), got {ld}");
        long needed = rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * ld + cols;
        Need(length, needed, name, $"a ({rows}, {cols}) matrix with row stride {ld}");
    }

    /// <summary>
    /// NumPy's SVD (LAPACK's gesdd) of a matrix with a NaN does not converge (LinAlgError); one with an infinity and no NaN
    /// is scaled by its largest magnitude, so every singular value comes out NaN (np.linalg.norm(a, 2) is nan). Then the
    /// singular values, U and Vh are filled with NaN (NumPy's U and Vh hold what the iteration left) and true is returned.
    /// </summary>
    private static bool SvdOfNonFinite<T>(ReadOnlySpan<T> a, Span<T> s, Span<T> u, Span<T> vt) where T : unmanaged, IFloatingPointIeee754<T>
    {
        bool infinite = false;
        foreach (T v in a)
        {
            if (T.IsNaN(v)) throw new LinAlgException("SVD did not converge");
            infinite |= T.IsInfinity(v);
        }
        if (!infinite) return false;
        s.Fill(T.NaN);
        u.Fill(T.NaN);
        vt.Fill(T.NaN);
        return true;
    }

    /// <summary>LAPACK routines loop or fail on NaN/∞ input; NumPy reports them as not converging.</summary>
    private static void CheckFinite<T>(ReadOnlySpan<T> a, string message) where T : unmanaged, IFloatingPointIeee754<T>
    {
        foreach (T v in a)
            if (!T.IsFinite(v)) throw new LinAlgException(message);
    }
}
