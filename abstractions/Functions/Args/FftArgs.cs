using ArrayDispatch.Dispatch;

namespace ArrayDispatch.Functions;

/// <summary>The normalization of a discrete Fourier transform (NumPy's <c>norm=</c>).</summary>
public enum FftNorm
{
    /// <summary><c>"backward"</c> (NumPy's default): forward transforms unscaled, inverse ones scaled by 1/n.</summary>
    Backward,
    /// <summary><c>"ortho"</c>: both directions scaled by 1/√n, so the transforms are unitary.</summary>
    Ortho,
    /// <summary><c>"forward"</c>: forward transforms scaled by 1/n, inverse ones unscaled.</summary>
    Forward,
}

/// <summary>NumPy's spellings of <see cref="FftNorm"/>.</summary>
public static class FftNorms
{
    /// <summary>Reads <c>"backward"</c>, <c>"ortho"</c> or <c>"forward"</c>; <see langword="null"/> is NumPy's <c>None</c>, <c>"backward"</c>.</summary>
    /// <exception cref="ArgumentException">Any other value, with NumPy's <c>ValueError</c> text.</exception>
    public static FftNorm Parse(string? norm) => norm switch
    {
        null or "backward" => FftNorm.Backward,
        "ortho" => FftNorm.Ortho,
        "forward" => FftNorm.Forward,
        _ => throw new ArgumentException($"Invalid norm value {norm}; should be \"backward\",\"ortho\" or \"forward\".", nameof(norm)),
    };

    /// <summary>NumPy's name of <paramref name="norm"/>.</summary>
    public static string Name(this FftNorm norm) => norm switch
    {
        FftNorm.Ortho => "ortho",
        FftNorm.Forward => "forward",
        _ => "backward",
    };
}

/// <summary>Arguments of the one-dimensional transforms <c>fft.fft</c>, <c>fft.ifft</c>, <c>fft.rfft</c>, <c>fft.irfft</c>, <c>fft.hfft</c>, <c>fft.ihfft</c>.</summary>
/// <param name="X">The input array.</param>
/// <param name="N">The transform length along <paramref name="Axis"/>: the input is cropped or zero-padded to it; <see langword="null"/> for the input's length (for <c>irfft</c>/<c>hfft</c>, 2(m-1)).</param>
/// <param name="Axis">The axis transformed; negative counts from the end.</param>
/// <param name="Norm">The normalization.</param>
public readonly record struct FftArgs(NDArray X, int? N = null, int Axis = -1, FftNorm Norm = FftNorm.Backward) : IArrayArgs<FftArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public FftArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of the n-dimensional transforms <c>fft.fftn</c>, <c>fft.ifftn</c>, <c>fft.rfftn</c>, <c>fft.irfftn</c> (and the 2-d ones, with axes (-2, -1)).</summary>
/// <param name="X">The input array.</param>
/// <param name="S">The transform lengths, one per axis of <paramref name="Axes"/> (-1 keeps the input's length); <see langword="null"/> for the input's lengths.</param>
/// <param name="Axes">The axes transformed; <see langword="null"/> for the last <c>len(S)</c> axes, or all axes when <paramref name="S"/> is null too.</param>
/// <param name="Norm">The normalization.</param>
public readonly record struct FftnArgs(NDArray X, int[]? S = null, int[]? Axes = null, FftNorm Norm = FftNorm.Backward) : IArrayArgs<FftnArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public FftnArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of <c>fft.fftshift</c> and <c>fft.ifftshift</c>.</summary>
/// <param name="X">The array.</param>
/// <param name="Axes">The axes shifted; <see langword="null"/> for all.</param>
public readonly record struct FftShiftArgs(NDArray X, int[]? Axes = null) : IArrayArgs<FftShiftArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(X);

    /// <inheritdoc/>
    public FftShiftArgs MapRelevant(Func<NDArray, NDArray> map) => this with { X = map(X) };
}

/// <summary>Arguments of the creation functions <c>fft.fftfreq</c> and <c>fft.rfftfreq</c> (float64 sample frequencies).</summary>
/// <param name="N">The window length.</param>
/// <param name="D">The sample spacing (the inverse of the sampling rate).</param>
/// <param name="Placement">Where the array lives.</param>
public readonly record struct FftFreqArgs(int N, double D = 1.0, Placement Placement = default) : ICreationArgs<FftFreqArgs>
{
    /// <inheritdoc/>
    public void VisitRelevant<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IRelevantVisitor, allows ref struct => visitor.Visit(Placement.Like);

    /// <inheritdoc/>
    public FftFreqArgs MapRelevant(Func<NDArray, NDArray> map) => this with { Placement = Placement.MapLike(map) };
}
