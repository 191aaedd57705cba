using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// A one-dimensional numpy.fft transform as Dask builds it: a blockwise map of the chunk backend's transform, which
/// needs the whole axis in one chunk. An axis split over several chunks is refused with Dask's advice to rechunk,
/// rather than rechunked silently (that would gather the axis, possibly the whole array, into single chunks).
/// </summary>
internal static class FftAlongAxis
{
    public static ChunkedArray Build(ChunkedContext context, ArrayFunction<FftArgs, NDArray> function, ChunkedArray x, in FftArgs args)
    {
        int a = Shape.NormalizeAxis(args.Axis, x.Rank);
        if (x.Chunks.BlockCounts[a] > 1)
        {
            throw new ArgumentException(
                $"Dask array only supports taking an FFT along an axis that has a single chunk. An FFT operation was tried on axis {a} " +
                $"which has chunks ({string.Join(", ", x.Chunks[a])}). To change the array's chunks use rechunk.", "x");
        }
        int length = x.Shape.Dims[a];
        bool halfInput = function == ArrayFunctions.Irfft || function == ArrayFunctions.Hfft;
        bool halfOutput = function == ArrayFunctions.Rfft || function == ArrayFunctions.Ihfft;
        int n = args.N ?? (halfInput ? (length - 1) * 2 : length);
        if (n < 1) throw new ArgumentException($"Invalid number of FFT data points ({n}) specified.", "n");
        int outLength = halfOutput ? n / 2 + 1 : n;
        FftNorm norm = args.Norm;
        // The chunk backend's answer for the one-element meta gives the result dtype (NumPy 2's rule, as the backend follows it).
        NDArray meta = context.Invoke(function, new FftArgs(x.Meta, 1, a, norm));
        Chunks chunks = x.Chunks.WithAxis(a, [outLength]);
        int[] dims = x.Shape.Dims.ToArray();
        dims[a] = outLength;
        string name = Names.Layer(function.Name.Replace('.', '-'), x.Name, a, n, norm.Name());
        return LayerBuilder.Build(context, name, function.Name, new Shape(dims), chunks, meta, [x.Layer], index =>
            ([x.KeyOf(index)], v => context.Invoke(function, new FftArgs((NDArray)v[0], n, a, norm))));
    }
}
