using System.Numerics;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Gpu;

/// <summary>
/// numpy.linalg's LU family, Cholesky and the symmetric eigenproblem on Gpu arrays, with Dense's argument rules,
/// result dtypes and errors: solve, inv, det, slogdet (<see cref="LuFactorization"/>), cholesky
/// (<see cref="CholeskyFactorization"/>), eigh and eigvalsh (<see cref="EighSolver"/>). Stacks (..., n, n) are
/// factored all at once. float32 input computes in float32; bool, integers and float64 in float64; float16 is refused
/// with NumPy's message; complex input is declined by declaration (the dispatcher names the dtype).
/// </summary>
internal static class FactorizationHandlers
{
    private static readonly FunctionSupport s_real = new() { DTypes = DTypeSet.Real, Reason = "the Gpu has no complex linear algebra yet" };

    public static void Register(IBackendBuilder backend, GpuDevice device)
    {
        _ = device;     // the handlers run on their arguments' device
        backend.Implement(ArrayFunctions.Solve, (in PairArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "linalg.solve") ? Solve((GpuArray)args.A, (GpuArray)args.B) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Inv, (in ArrayArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "linalg.inv") ? Inverse((GpuArray)args.X) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Det, (in ArrayArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "linalg.det") ? Determinant((GpuArray)args.X) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Slogdet, (in ArrayArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "linalg.slogdet") ? Slogdet((GpuArray)args.X) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Cholesky, (in HermitianArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "linalg.cholesky") ? Cholesky((GpuArray)args.X, args.Upper) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Eigh, (in HermitianArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "linalg.eigh") ? Eigh((GpuArray)args.X, args.Upper) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.Eigvalsh, (in HermitianArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "linalg.eigvalsh") ? Eigvalsh((GpuArray)args.X, args.Upper) : NotImplemented.Value);
        foreach (ArrayFunction f in (ArrayFunction[])[ArrayFunctions.Solve, ArrayFunctions.Inv, ArrayFunctions.Det, ArrayFunctions.Slogdet,
                     ArrayFunctions.Cholesky, ArrayFunctions.Eigh, ArrayFunctions.Eigvalsh])
        {
            backend.Declare(f, s_real);
        }
    }

    // ---- argument rules (Dense's LinalgInput, NumPy's messages) ----


    /// <summary>A new C-contiguous array of <paramref name="shape"/> and <paramref name="dtype"/> holding <paramref name="x"/> broadcast and converted: the factorizations' workspace (the caller's array is never written).</summary>
    private static GpuArray Workspace(GpuArray x, DType dtype, Shape shape)
    {
        GpuArray z = GpuOps.Empty(x.Runtime, shape, dtype);
        if (z.Size > 0) GpuOps.CopyInto(x, z);
        return z;
    }

    /// <summary><paramref name="z"/> (contiguous, offset 0) seen with <paramref name="shape"/> of the same size; consumes <paramref name="z"/>.</summary>
    private static GpuArray Reshaped(GpuArray z, Shape shape)
    {
        using (z) return z.View(shape, shape.ContiguousStrides(), 0);
    }

    // ---- LU family ----

    /// <summary>
    /// <c>a @ x = b</c> for a (..., M, M), as Dense (NumPy 1.x's rule): b is a stack of vectors (..., M) when it has one
    /// dimension less than a, else of matrices (..., M, K); the batch dimensions broadcast.
    /// </summary>
    private static GpuArray Solve(GpuArray a, GpuArray b)
    {
        (int n, int nrhs, bool vector, Shape batchShape) = LinalgRules.Solve(a, b);
        int[] batch = batchShape.ToArray();
        DType t = QrSvdHandlers.ResultType(a, b);
        int count = checked((int)batchShape.Size);
        using GpuArray lu = Workspace(a, t, LinalgRules.Join(batch, n, n));
        GpuArray x = Workspace(b, t, vector ? LinalgRules.Join(batch, n) : LinalgRules.Join(batch, n, nrhs));
        try
        {
            if (t == DType.Float32) LuFactorization.Solve<float>(lu, x, count, n, nrhs);
            else LuFactorization.Solve<double>(lu, x, count, n, nrhs);
            return x;
        }
        catch
        {
            x.Dispose();
            throw;
        }
    }

    private static GpuArray Inverse(GpuArray a)
    {
        LinalgRules.RequireSquareStack(a);
        DType t = QrSvdHandlers.ResultType(a);
        int n = a.Shape[-1];
        int count = LinalgRules.Split(a.Shape).Count;
        using GpuArray lu = Workspace(a, t, a.Shape);
        GpuArray x = t == DType.Float32 ? FactorizationBlocks.Identity<float>(a.Runtime, t, count, n) : FactorizationBlocks.Identity<double>(a.Runtime, t, count, n);
        try
        {
            if (t == DType.Float32) LuFactorization.Solve<float>(lu, x, count, n, n);
            else LuFactorization.Solve<double>(lu, x, count, n, n);
            return Reshaped(x, a.Shape);
        }
        catch
        {
            x.Dispose();
            throw;
        }
    }

    private static (GpuArray Sign, GpuArray Log, GpuArray Det) Factors(GpuArray a)
    {
        LinalgRules.RequireSquareStack(a);
        DType t = QrSvdHandlers.ResultType(a);
        int n = a.Shape[-1];
        (int[] batch, int count, _, _) = LinalgRules.Split(a.Shape);
        using GpuArray lu = Workspace(a, t, a.Shape);
        var (sign, log, det) = t == DType.Float32 ? LuFactorization.Slogdet<float>(lu, count, n) : LuFactorization.Slogdet<double>(lu, count, n);
        var shape = new Shape(batch);
        return (Reshaped(sign, shape), Reshaped(log, shape), Reshaped(det, shape));
    }

    /// <summary>sign·exp(log|det|) from the LU factors, as Dense computes it (a singular matrix gives 0).</summary>
    private static GpuArray Determinant(GpuArray a)
    {
        var (sign, log, det) = Factors(a);
        sign.Dispose();
        log.Dispose();
        return det;
    }

    private static SlogdetResult Slogdet(GpuArray a)
    {
        var (sign, log, det) = Factors(a);
        det.Dispose();
        return new SlogdetResult(sign, log);
    }

    // ---- Cholesky and eigh ----

    /// <summary>
    /// The matrices to factor as a (count, n, n) workspace holding the triangle to read in its lower half: for
    /// <paramref name="upper"/> (cholesky's upper=True, eigh's UPLO='U') the transpose, whose lower triangle is the
    /// input's upper one, as Dense does.
    /// </summary>
    private static (GpuArray Work, DType DType, int Count, int N) Symmetric(GpuArray x, bool upper)
    {
        LinalgRules.RequireSquareStack(x);
        DType t = QrSvdHandlers.ResultType(x);
        int n = x.Shape[-1];
        int count = LinalgRules.Split(x.Shape).Count;
        if (!upper) return (Workspace(x, t, x.Shape), t, count, n);
        using GpuArray transposed = FactorizationBlocks.TransposedView(x);
        return (Workspace(transposed, t, x.Shape), t, count, n);
    }

    /// <summary>The lower factor L (A = L·Lᵀ), or with <paramref name="upper"/> U = Lᵀ of the transpose's factor (A = Uᵀ·U), as Dense.</summary>
    private static GpuArray Cholesky(GpuArray x, bool upper)
    {
        var (work, t, count, n) = Symmetric(x, upper);
        try
        {
            if (t == DType.Float32) CholeskyFactorization.Factor<float>(work, count, n);
            else CholeskyFactorization.Factor<double>(work, count, n);
            if (!upper) return work;
            using (work)
            {
                using GpuArray transposed = FactorizationBlocks.TransposedView(work);
                return GpuOps.Copy(transposed);
            }
        }
        catch
        {
            work.Dispose();
            throw;
        }
    }

    private static (GpuArray W, GpuArray? V) Eigen(GpuArray x, bool upper, bool vectors)
    {
        var (work, t, count, n) = Symmetric(x, upper);
        using (work)
        {
            var (w, v) = t == DType.Float32 ? EighSolver.Run<float>(work, count, n, vectors) : EighSolver.Run<double>(work, count, n, vectors);
            int[] batch = LinalgRules.Split(x.Shape).Batch;
            return (Reshaped(w, LinalgRules.Join(batch, n)), v is null ? null : Reshaped(v, x.Shape));
        }
    }

    private static EighResult Eigh(GpuArray x, bool upper)
    {
        var (w, v) = Eigen(x, upper, vectors: true);
        return new EighResult(w, v!);
    }

    private static GpuArray Eigvalsh(GpuArray x, bool upper) => Eigen(x, upper, vectors: false).W;
}
