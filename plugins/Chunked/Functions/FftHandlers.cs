using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Chunked.Functions;

/// <summary>
/// numpy.fft, lazily: the transforms along axes each held in one chunk (Dask's rule; a chunked axis is refused with
/// the advice to rechunk), the sample frequencies as chunked creation, and the shifts as rolls.
/// </summary>
internal sealed class FftHandlers(ChunkedContext context)
{
    [Implements("fft.fft")]
    public DispatchResult<NDArray> Fft(in FftArgs args, ReadOnlySpan<Type> types) => Along(ArrayFunctions.Fft, args, types);

    [Implements("fft.ifft")]
    public DispatchResult<NDArray> Ifft(in FftArgs args, ReadOnlySpan<Type> types) => Along(ArrayFunctions.Ifft, args, types);

    [Implements("fft.rfft")]
    public DispatchResult<NDArray> Rfft(in FftArgs args, ReadOnlySpan<Type> types) => Along(ArrayFunctions.Rfft, args, types);

    [Implements("fft.irfft")]
    public DispatchResult<NDArray> Irfft(in FftArgs args, ReadOnlySpan<Type> types) => Along(ArrayFunctions.Irfft, args, types);

    [Implements("fft.hfft")]
    public DispatchResult<NDArray> Hfft(in FftArgs args, ReadOnlySpan<Type> types) => Along(ArrayFunctions.Hfft, args, types);

    [Implements("fft.ihfft")]
    public DispatchResult<NDArray> Ihfft(in FftArgs args, ReadOnlySpan<Type> types) => Along(ArrayFunctions.Ihfft, args, types);

    [Implements("fft.fftn")]
    public DispatchResult<NDArray> Fftn(in FftnArgs args, ReadOnlySpan<Type> types) => AlongN(ArrayFunctions.Fftn, args, types);

    [Implements("fft.ifftn")]
    public DispatchResult<NDArray> Ifftn(in FftnArgs args, ReadOnlySpan<Type> types) => AlongN(ArrayFunctions.Ifftn, args, types);

    [Implements("fft.rfftn")]
    public DispatchResult<NDArray> Rfftn(in FftnArgs args, ReadOnlySpan<Type> types) => AlongN(ArrayFunctions.Rfftn, args, types);

    [Implements("fft.irfftn")]
    public DispatchResult<NDArray> Irfftn(in FftnArgs args, ReadOnlySpan<Type> types) => AlongN(ArrayFunctions.Irfftn, args, types);

    [Implements("fft.fftfreq")]
    public DispatchResult<NDArray> FftFreq(in FftFreqArgs args, ReadOnlySpan<Type> types) => Creation.FftFreq(context, args, rfft: false);

    [Implements("fft.rfftfreq")]
    public DispatchResult<NDArray> RfftFreq(in FftFreqArgs args, ReadOnlySpan<Type> types) => Creation.FftFreq(context, args, rfft: true);

    [Implements("fft.fftshift")]
    public DispatchResult<NDArray> FftShift(in FftShiftArgs args, ReadOnlySpan<Type> types) => Shift(args, types, inverse: false);

    [Implements("fft.ifftshift")]
    public DispatchResult<NDArray> IfftShift(in FftShiftArgs args, ReadOnlySpan<Type> types) => Shift(args, types, inverse: true);

    private DispatchResult<NDArray> Along(ArrayFunction<FftArgs, NDArray> function, in FftArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = args.X as ChunkedArray ?? LayerBuilder.FromArray(context, args.X);
        return FftAlongAxis.Build(context, function, x, args);
    }

    private DispatchResult<NDArray> AlongN(ArrayFunction<FftnArgs, NDArray> function, in FftnArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = args.X as ChunkedArray ?? LayerBuilder.FromArray(context, args.X);
        return FftAlongAxis.BuildN(context, function, x, args);
    }

    // NumPy's fftshift is roll(x, n // 2) along each axis (all by default); ifftshift rolls by -(n // 2).
    private DispatchResult<NDArray> Shift(in FftShiftArgs args, ReadOnlySpan<Type> types, bool inverse)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = args.X as ChunkedArray ?? LayerBuilder.FromArray(context, args.X);
        int[] axes = args.Axes is null ? Enumerable.Range(0, x.Rank).ToArray() : args.Axes.Select(a => Shape.NormalizeAxis(a, x.Rank)).ToArray();
        if (axes.Length == 0) return x;
        int[] shifts = axes.Select(a => inverse ? -(x.Shape.Dims[a] / 2) : x.Shape.Dims[a] / 2).ToArray();
        return Roll.Build(context, x, shifts, Axes.Of(axes));
    }
}
