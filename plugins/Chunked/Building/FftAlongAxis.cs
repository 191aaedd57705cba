using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Building;

/// <summary>
/// numpy.fft's transforms as Dask builds them: a blockwise map of the chunk backend's transform, which needs every
/// transformed axis in one chunk. An axis split over several chunks is refused with Dask's advice to rechunk
/// (<see cref="RequireSingleChunk"/>), rather than rechunked silently (that would gather the axis, possibly the whole
/// array, into single chunks). The other axes keep their chunks, and each chunk is transformed by its own task.
/// </summary>
internal static class FftAlongAxis
{
    /// <summary>A one-dimensional transform (<c>fft</c>, <c>ifft</c>, <c>rfft</c>, <c>irfft</c>, <c>hfft</c>, <c>ihfft</c>) along <c>args.Axis</c>.</summary>
    public static ChunkedArray Build(ChunkedContext context, ArrayFunction<FftArgs, NDArray> function, ChunkedArray x, in FftArgs args)
    {
        int a = Shape.NormalizeAxis(args.Axis, x.Rank);
        RequireSingleChunk(x, a);
        int length = x.Shape.Dims[a];
        bool halfInput = function == ArrayFunctions.Irfft || function == ArrayFunctions.Hfft;
        bool halfOutput = function == ArrayFunctions.Rfft || function == ArrayFunctions.Ihfft;
        int n = args.N ?? (halfInput ? (length - 1) * 2 : length);
        FftRules.RequireLength(n);
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

    /// <summary>
    /// An n-dimensional transform (<c>fftn</c>, <c>ifftn</c>, <c>rfftn</c>, <c>irfftn</c>; <c>fft2</c> and the other 2-d
    /// ones are these over axes (-2, -1)) over <c>args.Axes</c>, each of which must be one chunk. <c>s</c> and the axes
    /// are read as NumPy's <c>_cook_nd_args</c> reads them; each chunk's task gets them explicitly (normalized axes,
    /// one length per axis), so every chunk is transformed to the same lengths.
    /// </summary>
    public static ChunkedArray BuildN(ChunkedContext context, ArrayFunction<FftnArgs, NDArray> function, ChunkedArray x, in FftnArgs args)
    {
        bool realOutput = function == ArrayFunctions.Irfftn, realInput = function == ArrayFunctions.Rfftn;
        (int[] s, int[] axes) = FftRules.Cook(x.Shape, args.S, args.Axes, inverseReal: realOutput);
        foreach (int a in axes) RequireSingleChunk(x, a);
        FftNorm norm = args.Norm;
        // The result dtype from the meta, transformed to length 1 along every axis (cheap whatever s is); an rfftn or
        // irfftn without axes is refused here as the chunk backend refuses it.
        NDArray meta = context.Invoke(function, new FftnArgs(x.Meta, [.. axes.Select(_ => 1)], axes, norm));
        int[] dims = x.Shape.Dims.ToArray();
        // The lengths in the order the chunk backend's transforms run (NumPy's), so a repeated axis ends at the length of
        // its last transform: fftn/ifftn from the last axis to the first; rfftn halves the last axis first, irfftn last.
        if (realInput) dims[axes[^1]] = s[^1] / 2 + 1;
        if (realInput || realOutput) for (int i = 0; i < axes.Length - 1; i++) dims[axes[i]] = s[i];
        else for (int i = axes.Length - 1; i >= 0; i--) dims[axes[i]] = s[i];
        if (realOutput) dims[axes[^1]] = s[^1];
        Chunks chunks = x.Chunks;
        foreach (int a in axes.Distinct()) chunks = chunks.WithAxis(a, [dims[a]]);
        string name = Names.Layer(function.Name.Replace('.', '-'), x.Name, string.Join(",", axes), string.Join(",", s), norm.Name());
        return LayerBuilder.Build(context, name, function.Name, new Shape(dims), chunks, meta, [x.Layer], index =>
            ([x.KeyOf(index)], v => context.Invoke(function, new FftnArgs((NDArray)v[0], s, axes, norm))));
    }

    /// <summary>
    /// Dask's rule: a transform needs the whole of <paramref name="axis"/> in one chunk. The message is Dask's (it names
    /// the axis, its chunks and <c>rechunk</c>), the same for every transform.
    /// </summary>
    /// <exception cref="ArgumentException">The axis is split over several chunks.</exception>
    public static void RequireSingleChunk(ChunkedArray x, int axis)
    {
        if (x.Chunks.BlockCounts[axis] > 1)
        {
            throw new ArgumentException(
                $"Dask array only supports taking an FFT along an axis that has a single chunk. An FFT operation was tried on axis {axis} " +
                $"which has chunks ({string.Join(", ", x.Chunks[axis])}). To change the array's chunks use rechunk.", "x");
        }
    }
}
