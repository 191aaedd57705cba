using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Chunked.Functions;

/// <summary>numpy.fft's one-dimensional transforms, lazily, along an axis held in one chunk (Dask's rule).</summary>
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

    private DispatchResult<NDArray> Along(ArrayFunction<FftArgs, NDArray> function, in FftArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        ChunkedArray x = args.X as ChunkedArray ?? LayerBuilder.FromArray(context, args.X);
        return FftAlongAxis.Build(context, function, x, args);
    }
}
