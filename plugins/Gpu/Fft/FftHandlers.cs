using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Gpu;

/// <summary>numpy.fft on Gpu arrays (<see cref="GpuFft"/>): the catalogue's transforms, frequencies and shifts, with Dense's argument rules and errors.</summary>
internal static class FftHandlers
{
    public static void Register(IBackendBuilder backend, GpuDevice device)
    {
        One(backend, ArrayFunctions.Fft, (x, a) => Complex1(x, a, inverse: false));
        One(backend, ArrayFunctions.Ifft, (x, a) => Complex1(x, a, inverse: true));
        One(backend, ArrayFunctions.Rfft, (x, a) => RealForward(x, a, "rfft", a.Norm, conjugate: false));
        One(backend, ArrayFunctions.Ihfft, (x, a) => RealForward(x, a, "ihfft", FftRules.Swap(a.Norm), conjugate: true));
        One(backend, ArrayFunctions.Irfft, (x, a) => RealInverse(x, a, a.Norm, conjugate: false));
        One(backend, ArrayFunctions.Hfft, (x, a) => RealInverse(x, a, FftRules.Swap(a.Norm), conjugate: true));
        N(backend, ArrayFunctions.Fftn, (x, a) => ComplexN(x, a, inverse: false));
        N(backend, ArrayFunctions.Ifftn, (x, a) => ComplexN(x, a, inverse: true));
        N(backend, ArrayFunctions.Rfftn, Rfftn);
        N(backend, ArrayFunctions.Irfftn, Irfftn);
        backend.Implement(ArrayFunctions.FftShift, (in FftShiftArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "fft.fftshift") ? GpuFft.Shift((GpuArray)args.X, args.Axes, inverse: false) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.IfftShift, (in FftShiftArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, "fft.ifftshift") ? GpuFft.Shift((GpuArray)args.X, args.Axes, inverse: true) : NotImplemented.Value);
        backend.Implement(ArrayFunctions.FftFreq, (in FftFreqArgs args, ReadOnlySpan<Type> types) => Frequencies(device, args, real: false));
        backend.Implement(ArrayFunctions.RfftFreq, (in FftFreqArgs args, ReadOnlySpan<Type> types) => Frequencies(device, args, real: true));
    }

    private static void One(IBackendBuilder backend, ArrayFunction<FftArgs, NDArray> function, Func<GpuArray, FftArgs, GpuArray> body) =>
        backend.Implement(function, (in FftArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, function.Name) ? body((GpuArray)args.X, args) : NotImplemented.Value);

    private static void N(IBackendBuilder backend, ArrayFunction<FftnArgs, NDArray> function, Func<GpuArray, FftnArgs, GpuArray> body) =>
        backend.Implement(function, (in FftnArgs args, ReadOnlySpan<Type> types) =>
            GpuGuard.Accept(args, types, function.Name) ? body((GpuArray)args.X, args) : NotImplemented.Value);

    private static GpuArray Complex1(GpuArray x, FftArgs args, bool inverse)
    {
        int axis = Shape.NormalizeAxis(args.Axis, x.Rank);
        int n = args.N ?? x.Shape.Dims[axis];
        FftRules.RequireLength(n);
        using GpuArray c = GpuFft.AsComplex(x);
        return GpuFft.Finish(GpuFft.Along(c, axis, n, inverse, FftRules.Scale(args.Norm, n, inverse)), x.DType);
    }

    private static GpuArray ComplexN(GpuArray x, FftnArgs args, bool inverse)
    {
        var (s, axes) = FftRules.Cook(x.Shape, args.S, args.Axes, inverseReal: false);
        if (axes.Length == 0) return GpuOps.Copy(x);   // NumPy's loop over the axes never runs: the input, in its dtype
        GpuArray c = GpuFft.AsComplex(x);
        for (int i = axes.Length - 1; i >= 0; i--)     // NumPy's order, which matters only for repeated axes
        {
            using GpuArray previous = c;
            c = GpuFft.Along(previous, axes[i], s[i], inverse, FftRules.Scale(args.Norm, s[i], inverse));
        }
        return GpuFft.Finish(c, x.DType);
    }

    private static GpuArray RealForward(GpuArray x, FftArgs args, string function, FftNorm norm, bool conjugate)
    {
        int axis = Shape.NormalizeAxis(args.Axis, x.Rank);
        int n = args.N ?? x.Shape.Dims[axis];
        FftRules.RequireLength(n);
        using GpuArray c = GpuFft.RealAsComplex(x, function);
        return GpuFft.Finish(GpuFft.RealForward(c, axis, n, FftRules.Scale(norm, n, false), conjugate), x.DType);
    }

    private static GpuArray RealInverse(GpuArray x, FftArgs args, FftNorm norm, bool conjugate)
    {
        int axis = Shape.NormalizeAxis(args.Axis, x.Rank);
        int n = args.N ?? (x.Shape.Dims[axis] - 1) * 2;
        FftRules.RequireLength(n);
        using GpuArray c = GpuFft.AsComplex(x);
        return GpuFft.Finish(GpuFft.RealInverse(c, axis, n, FftRules.Scale(norm, n, true), conjugate), x.DType);
    }

    private static GpuArray Rfftn(GpuArray x, FftnArgs args)
    {
        var (s, axes) = FftRules.Cook(x.Shape, args.S, args.Axes, inverseReal: false);
        if (axes.Length == 0) throw new ArgumentException("rfftn needs at least one axis", nameof(args));
        using GpuArray input = GpuFft.RealAsComplex(x, "rfftn");
        GpuArray c = GpuFft.RealForward(input, axes[^1], s[^1], FftRules.Scale(args.Norm, s[^1], false), conjugate: false);
        for (int i = 0; i < axes.Length - 1; i++)
        {
            using GpuArray previous = c;
            c = GpuFft.Along(previous, axes[i], s[i], false, FftRules.Scale(args.Norm, s[i], false));
        }
        return GpuFft.Finish(c, x.DType);
    }

    private static GpuArray Irfftn(GpuArray x, FftnArgs args)
    {
        var (s, axes) = FftRules.Cook(x.Shape, args.S, args.Axes, inverseReal: true);
        if (axes.Length == 0) throw new ArgumentException("irfftn needs at least one axis", nameof(args));
        GpuArray c = GpuFft.AsComplex(x);
        for (int i = 0; i < axes.Length - 1; i++)
        {
            using GpuArray previous = c;
            c = GpuFft.Along(previous, axes[i], s[i], true, FftRules.Scale(args.Norm, s[i], true));
        }
        using (c) return GpuFft.Finish(GpuFft.RealInverse(c, axes[^1], s[^1], FftRules.Scale(args.Norm, s[^1], true), conjugate: false), x.DType);
    }

    /// <summary>fftfreq/rfftfreq: NumPy's values (the integer frequency times 1/(n·d), as Dense), uploaded to the device.</summary>
    private static DispatchResult<NDArray> Frequencies(GpuDevice device, in FftFreqArgs args, bool real)
    {
        string function = real ? "rfftfreq" : "fftfreq";
        if (args.N < 1) throw new ArgumentException($"{function}: the window length n must be positive, got {args.N}", "n");
        if (args.D == 0 || !double.IsFinite(args.D)) throw new ArgumentException($"{function}: the sample spacing d must be finite and non-zero, got {args.D}", "d");
        double val = 1.0 / (args.N * args.D);
        int n = args.N;
        double[] f;
        if (real)
        {
            f = new double[n / 2 + 1];
            for (int k = 0; k < f.Length; k++) f[k] = k * val;
        }
        else
        {
            f = new double[n];
            int positive = (n - 1) / 2 + 1;
            for (int k = 0; k < positive; k++) f[k] = k * val;
            for (int k = positive; k < n; k++) f[k] = (k - n) * val;
        }
        return Transfers.Upload(device.Runtime, HostBuffer.FromContiguous(f, new Shape(f.Length)));
    }
}
