namespace ArrayDispatch.Gpu;

/// <summary>
/// The dtypes the Gpu backend stores: all of NumPy's core set (bool, int8 to int64, uint8 to uint64, float16, float32,
/// float64, complex64 and complex128, the complex ones as interleaved pairs of floats). The functions that have no
/// complex kernel yet are declared for the real dtypes (<see cref="DeclareRealOnly"/>), so the dispatcher refuses complex
/// input naming the dtype before a kernel runs: never a silent cast.
/// </summary>
internal static class GpuDTypes
{
    private static readonly Plugins.FunctionSupport s_real = new() { DTypes = DTypeSet.Real, Reason = "the Gpu has no complex kernel for it yet" };

    /// <summary>Declares the functions without a complex kernel: clip, and arange/linspace/random of a complex dtype.</summary>
    public static void DeclareRealOnly(Plugins.IBackendBuilder backend)
    {
        foreach (Functions.ArrayFunction f in (Functions.ArrayFunction[])[Functions.ArrayFunctions.Clip, Functions.ArrayFunctions.Arange, Functions.ArrayFunctions.Linspace, Functions.ArrayFunctions.Random])
        {
            backend.Declare(f, s_real);
        }
    }

    public static bool IsSupported(DType dtype) => dtype.IsKnown();

    /// <summary>"Gpu does not support dtype complex64 for sort".</summary>
    public static NotSupportedException Unsupported(DType dtype, string? function = null) =>
        new($"Gpu does not support dtype {dtype.Name()}{(function is null ? "" : $" for {function}")}"
            + (IsSupported(dtype) ? "" : "; it stores bool, int8 to int64, uint8 to uint64, float16, float32, float64, complex64 and complex128"));

    /// <summary>Throws <see cref="Unsupported"/> unless the dtype is one the Gpu stores.</summary>
    public static DType Require(DType dtype, string? function = null) => IsSupported(dtype) ? dtype : throw Unsupported(dtype, function);
}
