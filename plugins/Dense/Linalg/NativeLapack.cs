using System.Numerics;

namespace ArrayDispatch.Dense.Linalg;

/// <summary>Native BLAS/LAPACK bound at run time (placeholder: none yet).</summary>
internal sealed class NativeLapack
{
    public static NativeLapack? Instance => null;
    public string Description => "none";
    public bool HasGemm => false;
    public void Gemm<T>(bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T> => throw new NotSupportedException();
    public void Svd<T>(int m, int n, ReadOnlySpan<T> a, Span<T> s, Span<T> u, Span<T> vt, bool full, bool uv) where T : unmanaged, IFloatingPointIeee754<T> => throw new NotSupportedException();
    public void Qr<T>(int m, int n, ReadOnlySpan<T> a, Span<T> q, int qc, Span<T> r, int rr) where T : unmanaged, IFloatingPointIeee754<T> => throw new NotSupportedException();
    public bool Cholesky<T>(int n, ReadOnlySpan<T> a, Span<T> l) where T : unmanaged, IFloatingPointIeee754<T> => throw new NotSupportedException();
    public bool Solve<T>(int n, int nrhs, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x) where T : unmanaged, IFloatingPointIeee754<T> => throw new NotSupportedException();
    public bool Inverse<T>(int n, ReadOnlySpan<T> a, Span<T> inv) where T : unmanaged, IFloatingPointIeee754<T> => throw new NotSupportedException();
    public bool Getrf<T>(int n, Span<T> a, Span<int> piv) where T : unmanaged, IFloatingPointIeee754<T> => throw new NotSupportedException();
    public void Eigh<T>(int n, ReadOnlySpan<T> a, Span<T> w, Span<T> v, bool computeV) where T : unmanaged, IFloatingPointIeee754<T> => throw new NotSupportedException();
    public int Lstsq<T>(int m, int n, int nrhs, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> x, Span<T> s, T rcond) where T : unmanaged, IFloatingPointIeee754<T> => throw new NotSupportedException();
}
