namespace ArrayDispatch.Functions;

/// <summary>
/// NumPy's argument rules for numpy.fft, once for every backend: the length check, the scale of each norm, the norm
/// swap of the Hermitian transforms, <c>_cook_nd_args</c> and NumPy 2's precision rule. Dense, Gpu and Chunked read
/// them here, so an error or a scale is the same on each.
/// </summary>
public static class FftRules
{
    /// <summary>NumPy 2's rule: float16, float32 and complex64 input transform in single precision (complex64/float32 results); every other dtype in double.</summary>
    public static bool IsSinglePrecision(DType dtype) => dtype is DType.Float16 or DType.Float32 or DType.Complex64;

    /// <summary>NumPy's check of a transform length.</summary>
    /// <exception cref="ArgumentException"><paramref name="n"/> &lt; 1, with NumPy's <c>ValueError</c> text.</exception>
    public static void RequireLength(int n)
    {
        if (n < 1) throw new ArgumentException($"Invalid number of FFT data points ({n}) specified.", "n");
    }

    /// <summary>The factor a transform of length <paramref name="n"/> is multiplied by under <paramref name="norm"/>.</summary>
    public static double Scale(FftNorm norm, int n, bool inverse) => norm switch
    {
        FftNorm.Ortho => 1.0 / Math.Sqrt(n),
        FftNorm.Forward => inverse ? 1.0 : 1.0 / n,
        _ => inverse ? 1.0 / n : 1.0,
    };

    /// <summary>hfft and ihfft run the other direction's transform with the norm swapped, as NumPy defines them.</summary>
    public static FftNorm Swap(FftNorm norm) => norm switch
    {
        FftNorm.Backward => FftNorm.Forward,
        FftNorm.Forward => FftNorm.Backward,
        _ => norm,
    };

    /// <summary>
    /// NumPy's <c>_cook_nd_args</c>: the lengths and normalized axes of an n-d transform of an array of
    /// <paramref name="shape"/>. Without <paramref name="axes"/> the last <c>len(s)</c> axes (all without
    /// <paramref name="s"/>); without <paramref name="s"/> the axes' lengths, the last one <c>2(m - 1)</c> for the
    /// inverse real transforms; -1 in <paramref name="s"/> keeps that axis's length.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="s"/> and the axes differ in length, or a length is below 1.</exception>
    /// <exception cref="ShapeMismatchException">An axis is out of range.</exception>
    public static (int[] S, int[] Axes) Cook(Shape shape, int[]? s, int[]? axes, bool inverseReal)
    {
        if (axes is null && s is not null && s.Length > shape.Rank) throw new ArgumentException("Shape and axes have different lengths.", nameof(s));
        int[] ax = axes is null
            ? Enumerable.Range(shape.Rank - (s?.Length ?? shape.Rank), s?.Length ?? shape.Rank).ToArray()
            : axes.Select(a => Shape.NormalizeAxis(a, shape.Rank)).ToArray();
        int[] lengths = s is null ? ax.Select(a => shape.Dims[a]).ToArray() : (int[])s.Clone();
        if (lengths.Length != ax.Length) throw new ArgumentException("Shape and axes have different lengths.", nameof(s));
        if (inverseReal && s is null && ax.Length > 0) lengths[^1] = (shape.Dims[ax[^1]] - 1) * 2;
        for (int i = 0; i < lengths.Length; i++)
        {
            if (lengths[i] == -1) lengths[i] = shape.Dims[ax[i]];
            RequireLength(lengths[i]);
        }
        return (lengths, ax);
    }
}
