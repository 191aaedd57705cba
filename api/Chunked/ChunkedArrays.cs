using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked;

/// <summary>
/// Dask's functions that NumPy lacks, typed: rechunking, reading a <c>.npy</c> file chunk by chunk, and the randomized
/// SVD. Each call dispatches on its arrays like any protocol function (a host-resident array is rechunked by whichever
/// backend implements <c>chunked.rechunk</c> for it).
/// </summary>
public static class ChunkedArrays
{
    /// <summary><c>chunked.rechunk</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> RechunkFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("chunked.rechunk");

    /// <summary><c>chunked.linalg.svd_compressed</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> SvdCompressedFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("chunked.linalg.svd_compressed");

    /// <summary><c>chunked.from_npy</c>.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> FromNpyFunction = FunctionCatalog.Define<CallArgs, NDArray[]>("chunked.from_npy", FunctionKind.Creation);

    /// <summary>The same values in chunks of <paramref name="chunks"/> (one size per axis; -1 is the whole axis), as Dask's <c>rechunk</c>.</summary>
    public static NDArray Rechunk(NDArray x, params int[] chunks) => Call(RechunkFunction, [x], ("chunks", chunks))[0];

    /// <summary>The same values in explicit chunk sizes per axis (each list sums to the axis length).</summary>
    public static NDArray Rechunk(NDArray x, int[][] chunkSizes) => Call(RechunkFunction, [x], ("chunks", chunkSizes))[0];

    /// <summary>A lazy array over a <c>.npy</c> file, read chunk by chunk at compute time.</summary>
    public static NDArray FromNpy(string path, int[]? chunks = null)
    {
        using (Np.UseBackend("Chunked")) return Call(FromNpyFunction, [], ("path", path), ("chunks", chunks))[0];
    }

    /// <summary>
    /// The <paramref name="k"/> leading singular triplets by randomized projection, as Dask's
    /// <c>linalg.svd_compressed(x, k, n_power_iter, n_oversamples, seed)</c>: <c>(u, s, v)</c>.
    /// </summary>
    public static (NDArray U, NDArray S, NDArray V) SvdCompressed(NDArray x, int k, int nPowerIter = 0, int nOversamples = 10, ulong? seed = null)
    {
        NDArray[] r = Call(SvdCompressedFunction, [x], ("k", k), ("n_power_iter", nPowerIter), ("n_oversamples", nOversamples), ("seed", seed));
        return (r[0], r[1], r[2]);
    }

    /// <summary>Makes sure the identities are in the catalogue (the plugin calls this before registering its handlers).</summary>
    public static void EnsureDefined() => _ = RechunkFunction;

    private static NDArray[] Call(ArrayFunction<CallArgs, NDArray[]> function, NDArray[] arrays, params (string Key, object? Value)[] options) =>
        function.Invoke(Np.Dispatcher, CallArgs.Of(arrays, options));
}
