using ArrayDispatch.Functions;

namespace ArrayDispatch;

public static partial class Np
{
    /// <summary>
    /// numpy.fft. The class is spelled <c>FFT</c> because C# forbids a member named as its class, and NumPy's
    /// <c>fft.fft</c> keeps its name here: <c>Np.FFT.Fft(x)</c>.
    /// </summary>
    /// <remarks>
    /// dtypes follow NumPy 2: float16, float32 and complex64 input give complex64 (float32 for the real-output
    /// transforms); every other dtype (float64, complex128, integers, bool) gives complex128 (float64). NumPy 1.x gave
    /// double precision for all. <c>norm</c> is <c>"backward"</c> (default), <c>"ortho"</c> or <c>"forward"</c>.
    /// </remarks>
    public static class FFT
    {
        /// <summary>The one-dimensional discrete Fourier transform along <paramref name="axis"/>, cropped or zero-padded to <paramref name="n"/>.</summary>
        public static NDArray Fft(NDArray x, int? n = null, int axis = -1, string norm = "backward") => ArrayFunctions.Fft.Invoke(Dispatcher, new FftArgs(x, n, axis, FftNorms.Parse(norm)));

        /// <summary>The inverse of <see cref="Fft"/>.</summary>
        public static NDArray Ifft(NDArray x, int? n = null, int axis = -1, string norm = "backward") => ArrayFunctions.Ifft.Invoke(Dispatcher, new FftArgs(x, n, axis, FftNorms.Parse(norm)));

        /// <summary>The transform of real input: the <c>n/2 + 1</c> non-negative frequency terms.</summary>
        public static NDArray Rfft(NDArray x, int? n = null, int axis = -1, string norm = "backward") => ArrayFunctions.Rfft.Invoke(Dispatcher, new FftArgs(x, n, axis, FftNorms.Parse(norm)));

        /// <summary>The inverse of <see cref="Rfft"/>: real output of length <paramref name="n"/>, by default <c>2(m - 1)</c> for <c>m</c> input terms.</summary>
        public static NDArray Irfft(NDArray x, int? n = null, int axis = -1, string norm = "backward") => ArrayFunctions.Irfft.Invoke(Dispatcher, new FftArgs(x, n, axis, FftNorms.Parse(norm)));

        /// <summary>The transform of a signal with Hermitian symmetry (given by its first half): real output.</summary>
        public static NDArray Hfft(NDArray x, int? n = null, int axis = -1, string norm = "backward") => ArrayFunctions.Hfft.Invoke(Dispatcher, new FftArgs(x, n, axis, FftNorms.Parse(norm)));

        /// <summary>The inverse of <see cref="Hfft"/>.</summary>
        public static NDArray Ihfft(NDArray x, int? n = null, int axis = -1, string norm = "backward") => ArrayFunctions.Ihfft.Invoke(Dispatcher, new FftArgs(x, n, axis, FftNorms.Parse(norm)));

        /// <summary>The n-dimensional transform over <paramref name="axes"/> (all axes by default) with lengths <paramref name="s"/>.</summary>
        public static NDArray Fftn(NDArray x, int[]? s = null, int[]? axes = null, string norm = "backward") => ArrayFunctions.Fftn.Invoke(Dispatcher, new FftnArgs(x, s, axes, FftNorms.Parse(norm)));

        /// <summary>The inverse of <see cref="Fftn"/>.</summary>
        public static NDArray Ifftn(NDArray x, int[]? s = null, int[]? axes = null, string norm = "backward") => ArrayFunctions.Ifftn.Invoke(Dispatcher, new FftnArgs(x, s, axes, FftNorms.Parse(norm)));

        /// <summary>The n-dimensional transform of real input (the last axis of <paramref name="axes"/> halved).</summary>
        public static NDArray Rfftn(NDArray x, int[]? s = null, int[]? axes = null, string norm = "backward") => ArrayFunctions.Rfftn.Invoke(Dispatcher, new FftnArgs(x, s, axes, FftNorms.Parse(norm)));

        /// <summary>The inverse of <see cref="Rfftn"/>: real output.</summary>
        public static NDArray Irfftn(NDArray x, int[]? s = null, int[]? axes = null, string norm = "backward") => ArrayFunctions.Irfftn.Invoke(Dispatcher, new FftnArgs(x, s, axes, FftNorms.Parse(norm)));

        /// <summary>The two-dimensional transform over <paramref name="axes"/> (the last two by default).</summary>
        public static NDArray Fft2(NDArray x, int[]? s = null, int[]? axes = null, string norm = "backward") => Fftn(x, s, axes ?? [-2, -1], norm);

        /// <summary>The inverse of <see cref="Fft2"/>.</summary>
        public static NDArray Ifft2(NDArray x, int[]? s = null, int[]? axes = null, string norm = "backward") => Ifftn(x, s, axes ?? [-2, -1], norm);

        /// <summary>The two-dimensional transform of real input.</summary>
        public static NDArray Rfft2(NDArray x, int[]? s = null, int[]? axes = null, string norm = "backward") => Rfftn(x, s, axes ?? [-2, -1], norm);

        /// <summary>The inverse of <see cref="Rfft2"/>.</summary>
        public static NDArray Irfft2(NDArray x, int[]? s = null, int[]? axes = null, string norm = "backward") => Irfftn(x, s, axes ?? [-2, -1], norm);

        /// <summary>The sample frequencies of <see cref="Fft"/> for window length <paramref name="n"/> and sample spacing <paramref name="d"/> (float64).</summary>
        public static NDArray FftFreq(int n, double d = 1.0, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
            Dispatcher.Create(ArrayFunctions.FftFreq, new FftFreqArgs(n, d, Place(backend, like, chunks)));

        /// <summary>The sample frequencies of <see cref="Rfft"/> (the non-negative ones).</summary>
        public static NDArray RfftFreq(int n, double d = 1.0, string? backend = null, int[]? chunks = null, NDArray? like = null) =>
            Dispatcher.Create(ArrayFunctions.RfftFreq, new FftFreqArgs(n, d, Place(backend, like, chunks)));

        /// <summary>Moves the zero-frequency term to the centre of <paramref name="axes"/> (all by default).</summary>
        public static NDArray FftShift(NDArray x, int[]? axes = null) => ArrayFunctions.FftShift.Invoke(Dispatcher, new FftShiftArgs(x, axes));

        /// <summary>The inverse of <see cref="FftShift"/>.</summary>
        public static NDArray IfftShift(NDArray x, int[]? axes = null) => ArrayFunctions.IfftShift.Invoke(Dispatcher, new FftShiftArgs(x, axes));
    }
}
