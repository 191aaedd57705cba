using System.Numerics;
using ArrayDispatch.Dense.Fft;
using ArrayDispatch.Dense.Kernels;
using ArrayDispatch.Dense.Storage;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Dense.Functions;

/// <summary>
/// numpy.fft for dense arrays on the managed FFT of <see cref="ComplexFftPlan"/> and <see cref="RealFftPlan"/>. dtypes
/// follow NumPy 2: float16, float32 and complex64 give single-precision results, every other dtype double (the
/// transforms compute in double and round once).
/// </summary>
public static class DenseFft
{
    [Implements("fft.fft")]
    public static DispatchResult<NDArray> Fft(in FftArgs args, ReadOnlySpan<Type> types) => ComplexTransform(args, inverse: false);

    [Implements("fft.ifft")]
    public static DispatchResult<NDArray> Ifft(in FftArgs args, ReadOnlySpan<Type> types) => ComplexTransform(args, inverse: true);

    [Implements("fft.rfft")]
    public static DispatchResult<NDArray> Rfft(in FftArgs args, ReadOnlySpan<Type> types) => RealForward(args, "rfft", args.Norm, conjugate: false);

    [Implements("fft.ihfft")]
    public static DispatchResult<NDArray> Ihfft(in FftArgs args, ReadOnlySpan<Type> types) => RealForward(args, "ihfft", FftRules.Swap(args.Norm), conjugate: true);

    [Implements("fft.irfft")]
    public static DispatchResult<NDArray> Irfft(in FftArgs args, ReadOnlySpan<Type> types) => RealInverse(args, args.Norm, conjugate: false);

    [Implements("fft.hfft")]
    public static DispatchResult<NDArray> Hfft(in FftArgs args, ReadOnlySpan<Type> types) => RealInverse(args, FftRules.Swap(args.Norm), conjugate: true);

    [Implements("fft.fftn")]
    public static DispatchResult<NDArray> Fftn(in FftnArgs args, ReadOnlySpan<Type> types) => ComplexN(args, inverse: false);

    [Implements("fft.ifftn")]
    public static DispatchResult<NDArray> Ifftn(in FftnArgs args, ReadOnlySpan<Type> types) => ComplexN(args, inverse: true);

    [Implements("fft.rfftn")]
    public static DispatchResult<NDArray> Rfftn(in FftnArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        var (s, axes) = FftRules.Cook(x.Shape, args.S, args.Axes, inverseReal: false);
        if (axes.Length == 0) throw new ArgumentException("rfftn needs at least one axis", nameof(args));
        int last = axes[^1];
        var (outer, len, inner) = FftInput.Split(x.Shape, last);
        int n = s[^1];
        var spectrum = new Complex[(long)outer * (n / 2 + 1) * inner];
        FftLines.RealForward(FftInput.AsReal(x, "rfftn"), outer, len, inner, spectrum, n, FftRules.Scale(args.Norm, n, false), conjugate: false);
        DenseArray result = DenseArray.Wrap(spectrum, FftInput.WithLength(x.Shape, last, n / 2 + 1));
        for (int i = 0; i < axes.Length - 1; i++) result = Along(result, axes[i], s[i], false, args.Norm);
        return Finish(result, x.DType);
    }

    [Implements("fft.irfftn")]
    public static DispatchResult<NDArray> Irfftn(in FftnArgs args, ReadOnlySpan<Type> types)
    {
        var x = (DenseArray)args.X;
        var (s, axes) = FftRules.Cook(x.Shape, args.S, args.Axes, inverseReal: true);
        if (axes.Length == 0) throw new ArgumentException("irfftn needs at least one axis", nameof(args));
        DenseArray c = DenseArray.Wrap(FftInput.AsComplex(x), x.Shape);
        for (int i = 0; i < axes.Length - 1; i++) c = Along(c, axes[i], s[i], true, args.Norm);
        int last = axes[^1], n = s[^1];
        var (outer, len, inner) = FftInput.Split(c.Shape, last);
        var output = new double[(long)outer * n * inner];
        FftLines.RealInverse(c.Storage<Complex>(), outer, len, inner, output, n, FftRules.Scale(args.Norm, n, true), conjugate: false);
        return Finish(DenseArray.Wrap(output, FftInput.WithLength(c.Shape, last, n)), x.DType);
    }

    [Implements("fft.fftshift")]
    public static DispatchResult<NDArray> FftShift(in FftShiftArgs args, ReadOnlySpan<Type> types) => Shift(args, types, inverse: false);

    [Implements("fft.ifftshift")]
    public static DispatchResult<NDArray> IfftShift(in FftShiftArgs args, ReadOnlySpan<Type> types) => Shift(args, types, inverse: true);

    [Implements("fft.fftfreq")]
    public static DispatchResult<NDArray> FftFreq(in FftFreqArgs args, ReadOnlySpan<Type> types)
    {
        double val = FreqStep(args, "fftfreq");
        int n = args.N, positive = (n - 1) / 2 + 1;
        var f = new double[n];
        // NumPy multiplies the integer frequency by 1/(n·d) rather than dividing, and so does this, to the last bit.
        for (int k = 0; k < positive; k++) f[k] = k * val;
        for (int k = positive; k < n; k++) f[k] = (k - n) * val;
        return DenseArray.Owned(f, n);
    }

    [Implements("fft.rfftfreq")]
    public static DispatchResult<NDArray> RfftFreq(in FftFreqArgs args, ReadOnlySpan<Type> types)
    {
        double val = FreqStep(args, "rfftfreq");
        var f = new double[args.N / 2 + 1];
        for (int k = 0; k < f.Length; k++) f[k] = k * val;
        return DenseArray.Owned(f, f.Length);
    }

    private static double FreqStep(in FftFreqArgs args, string function)
    {
        if (args.N < 1) throw new ArgumentException($"{function}: the window length n must be positive, got {args.N}", "n");
        if (args.D == 0 || !double.IsFinite(args.D)) throw new ArgumentException($"{function}: the sample spacing d must be finite and non-zero, got {args.D}", "d");
        return 1.0 / (args.N * args.D);
    }

    private static NDArray Shift(in FftShiftArgs args, ReadOnlySpan<Type> types, bool inverse)
    {
        NDArray x = args.X;
        int[] axes = args.Axes is null ? Enumerable.Range(0, x.Rank).ToArray() : args.Axes.Select(a => Shape.NormalizeAxis(a, x.Rank)).ToArray();
        if (axes.Length == 0) return ((DenseArray)x).Clone();
        int[] shifts = axes.Select(a => inverse ? -(x.Shape.Dims[a] / 2) : x.Shape.Dims[a] / 2).ToArray();
        return DenseManipulation.Roll(new RollArgs(x, shifts, Axes.Of(axes)), types).Value;
    }

    private static NDArray ComplexTransform(in FftArgs args, bool inverse)
    {
        var x = (DenseArray)args.X;
        int axis = Shape.NormalizeAxis(args.Axis, x.Rank);
        int n = args.N ?? x.Shape.Dims[axis];
        FftRules.RequireLength(n);
        DenseArray c = DenseArray.Wrap(FftInput.AsComplex(x), x.Shape);
        return Finish(Along(c, axis, n, inverse, args.Norm), x.DType);
    }

    private static NDArray ComplexN(in FftnArgs args, bool inverse)
    {
        var x = (DenseArray)args.X;
        var (s, axes) = FftRules.Cook(x.Shape, args.S, args.Axes, inverseReal: false);
        if (axes.Length == 0) return x.Clone();   // NumPy's loop over the axes never runs: the input, in its dtype
        DenseArray c = DenseArray.Wrap(FftInput.AsComplex(x), x.Shape);
        for (int i = axes.Length - 1; i >= 0; i--) c = Along(c, axes[i], s[i], inverse, args.Norm);   // NumPy's order, which matters only for repeated axes
        return Finish(c, x.DType);
    }

    // A complex128 C-contiguous array (offset 0) transformed along one axis into a new one.
    private static DenseArray Along(DenseArray c, int axis, int n, bool inverse, FftNorm norm)
    {
        var (outer, len, inner) = FftInput.Split(c.Shape, axis);
        var output = new Complex[(long)outer * n * inner];
        FftLines.Complex(c.Storage<Complex>(), outer, len, inner, output, n, inverse, FftRules.Scale(norm, n, inverse));
        return DenseArray.Wrap(output, FftInput.WithLength(c.Shape, axis, n));
    }

    private static NDArray RealForward(in FftArgs args, string function, FftNorm norm, bool conjugate)
    {
        var x = (DenseArray)args.X;
        int axis = Shape.NormalizeAxis(args.Axis, x.Rank);
        int n = args.N ?? x.Shape.Dims[axis];
        FftRules.RequireLength(n);
        Elements<double> real = FftInput.RealElements(x, function);
        var (outer, len, inner) = FftInput.Split(x.Shape, axis);
        // The spectrum is written straight into the result (pooled native storage when large): no managed copy to wrap.
        DenseArray result = DenseArray.CreateUninitialized(DType.Complex128, FftInput.WithLength(x.Shape, axis, n / 2 + 1));
        FftLines.RealForward(real, outer, len, inner, result.Elements<Complex>(), n, FftRules.Scale(norm, n, false), conjugate);
        return Finish(result, x.DType);
    }

    private static NDArray RealInverse(in FftArgs args, FftNorm norm, bool conjugate)
    {
        var x = (DenseArray)args.X;
        int axis = Shape.NormalizeAxis(args.Axis, x.Rank);
        int n = args.N ?? (x.Shape.Dims[axis] - 1) * 2;
        FftRules.RequireLength(n);
        var (outer, len, inner) = FftInput.Split(x.Shape, axis);
        var output = new double[(long)outer * n * inner];
        FftLines.RealInverse(FftInput.AsComplex(x), outer, len, inner, output, n, FftRules.Scale(norm, n, true), conjugate);
        return Finish(DenseArray.Wrap(output, FftInput.WithLength(x.Shape, axis, n)), x.DType);
    }

    // Rounds a double-precision result to NumPy 2's single-precision dtype when the input was single precision.
    private static DenseArray Finish(DenseArray result, DType input) =>
        !FftRules.IsSinglePrecision(input) ? result : Copy.As(result, result.DType == DType.Complex128 ? DType.Complex64 : DType.Float32);
}
