using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace ArrayDispatch.Gpu;

/// <summary>
/// NVIDIA's cuBLAS for float32/float64 matrix products where the accelerator is a CUDA device and libcublas loads, as
/// CuPy uses it; otherwise the plugin's own ILGPU kernels. Reached through ILGPU.Algorithms' <see cref="CuBlas"/> wrapper
/// (the library made for this: it binds the handle to ILGPU's context and stream), probed once when the accelerator
/// starts, as Dense probes for a BLAS.
/// </summary>
internal sealed class VendorBlas : IDisposable
{
    private readonly CuBlas? _blas;

    private VendorBlas(CuBlas? blas, string status)
    {
        _blas = blas;
        Status = status;
    }

    /// <summary>Which path matrix products take and why, for <c>backends</c>: <c>cuBLAS 12.4</c> or <c>own ILGPU kernels (…)</c>.</summary>
    public string Status { get; }

    /// <summary>Whether cuBLAS serves float32/float64 products.</summary>
    public bool IsActive => _blas is not null;

    /// <summary>
    /// The <see cref="Status"/> that <see cref="Probe"/> will give, as far as it is known before the accelerator exists:
    /// exact except on a CUDA device, where loading cuBLAS needs the device's context.
    /// </summary>
    public static string StatusBeforeStart(GpuAcceleratorKind kind, bool allowed) =>
        !allowed ? OffStatus
        : kind != GpuAcceleratorKind.Cuda ? NotCudaStatus
        : "cuBLAS where libcublas loads (probed when the device starts, at the first Gpu call)";

    private const string OffStatus = "own ILGPU kernels (VendorLibraries=Off)";
    private const string NotCudaStatus = "own ILGPU kernels (cuBLAS needs a CUDA device)";

    /// <summary>Loads cuBLAS for <paramref name="accelerator"/> when it is a CUDA device and <paramref name="allowed"/>.</summary>
    public static VendorBlas Probe(Accelerator accelerator, bool allowed)
    {
        if (!allowed) return new(null, OffStatus);
        if (accelerator is not CudaAccelerator cuda) return new(null, NotCudaStatus);
        try
        {
            var blas = new CuBlas(cuda);
            // Every kernel of the plugin is queued on the accelerator's default stream; cuBLAS must queue behind them.
            blas.Stream = (CudaStream)cuda.DefaultStream;
            return new(blas, $"cuBLAS {blas.Version}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A missing or mismatched library shows up as any of several exceptions (DllNotFound, EntryPointNotFound,
            // CuBlasException, TypeInitialization…); each means the same here: the own kernels serve.
            return new(null, $"own ILGPU kernels (cuBLAS not usable: {ex.GetBaseException().Message})");
        }
    }

    /// <summary>
    /// <c>c = a · b</c> for C-ordered m×k and k×n float32/float64 matrices through cuBLAS; false when cuBLAS is not active
    /// or <typeparamref name="T"/> is another type (the caller runs its own kernel). cuBLAS is column-major: a C-ordered
    /// matrix is its transpose there, so the call computes cᵀ = bᵀ · aᵀ with the operands swapped, without a copy.
    /// </summary>
    public bool TryGemm<T>(ArrayView<T> a, ArrayView<T> b, ArrayView<T> c, int m, int n, int k) where T : unmanaged
    {
        if (_blas is null) return false;
        if (typeof(T) == typeof(double))
        {
            _blas.Gemm(CuBlasOperation.NonTranspose, CuBlasOperation.NonTranspose, n, m, k,
                1.0, b.Cast<double>(), n, a.Cast<double>(), k, 0.0, c.Cast<double>(), n);
            return true;
        }
        if (typeof(T) == typeof(float))
        {
            _blas.Gemm(CuBlasOperation.NonTranspose, CuBlasOperation.NonTranspose, n, m, k,
                1f, b.Cast<float>(), n, a.Cast<float>(), k, 0f, c.Cast<float>(), n);
            return true;
        }
        return false;
    }

    public void Dispose() => _blas?.Dispose();
}
