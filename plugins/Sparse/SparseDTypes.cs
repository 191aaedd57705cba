namespace ArrayDispatch.Sparse;

/// <summary>
/// The dtypes the Sparse backend stores: every dtype of the protocol (bool, int8 … int64, uint8 … uint64, float16,
/// float32, float64, complex64, complex128), as scipy.sparse. A function that does not compute a dtype (the solvers,
/// which work in float64, for complex values) declares so (<see cref="Plugins.FunctionSupport"/>), and the dispatcher
/// refuses it naming the dtype: never a silent cast.
/// </summary>
internal static class SparseDTypes
{
    public static bool IsSupported(DType dtype) => dtype.IsKnown();

    /// <summary>"Sparse does not support dtype complex64 for sparse.linalg.spsolve".</summary>
    public static NotSupportedException Unsupported(DType dtype, string? function = null) =>
        new($"Sparse does not support dtype {dtype.Name()}{(function is null ? "" : $" for {function}")}");

    /// <summary>Throws <see cref="Unsupported"/> unless the dtype is one Sparse stores.</summary>
    public static DType Require(DType dtype, string? function = null) => IsSupported(dtype) ? dtype : throw Unsupported(dtype, function);
}
