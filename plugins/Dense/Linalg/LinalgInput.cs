using ArrayDispatch.Dense.Kernels;

namespace ArrayDispatch.Dense.Linalg;

/// <summary>Turns dense arrays into what the kernels take: NumPy's linalg types (float32 stays, everything else is float64), C-contiguous, with shape checks and NumPy's messages.</summary>
internal static class LinalgInput
{
    /// <summary>float32 when every input is float32, else float64 (bool and integers compute in float64, as NumPy).</summary>
    /// <exception cref="DTypeMismatchException">An input is float16 (NumPy's message).</exception>
    /// <exception cref="NotSupportedException">An input is complex: those take the complex kernels (DenseLinalg.Complex.cs, ComplexLinalg), never this real path.</exception>
    public static DType ResultType(params ReadOnlySpan<NDArray?> arrays)
    {
        DType t = ArrayDispatch.Functions.LinalgRules.ResultType(arrays);
        ThrowIfUnsupported(t);
        return t;
    }

    /// <summary>The array converted to <paramref name="dtype"/>, C-contiguous (itself when it already is both).</summary>
    public static DenseArray Prepare(NDArray x, DType dtype)
    {
        ThrowIfUnsupported(x.DType);
        return Copy.As((DenseArray)x, dtype).EnsureContiguous();
    }

    private static void ThrowIfUnsupported(DType? dtype)
    {
        if (dtype == DType.Float16) throw new DTypeMismatchException("array type float16 is unsupported in linalg");
        if (dtype is { } d && d.IsComplex()) throw new NotSupportedException($"Dense does not support dtype {d.Name()} for linalg yet");
    }

    /// <summary>The array converted to <paramref name="dtype"/> and broadcast to <paramref name="shape"/>, as a C-contiguous array.</summary>
    public static DenseArray Prepare(NDArray x, DType dtype, Shape shape)
    {
        ThrowIfUnsupported(x.DType);
        if (x.Shape == shape) return Prepare(x, dtype);
        DenseArray result = DenseArray.Create(dtype, shape);
        Copy.Into((DenseArray)x, result);
        return result;
    }

    /// <summary>Wraps a result buffer as a dense array of the given shape.</summary>
    public static DenseArray Wrap<T>(T[] data, Shape shape) where T : unmanaged => DenseArray.Wrap(data, shape);

    /// <summary>Machine epsilon of the linalg type.</summary>
    public static double Eps(DType dtype) => dtype == DType.Float32 ? 1.1920928955078125e-7 : 2.220446049250313e-16;
}
