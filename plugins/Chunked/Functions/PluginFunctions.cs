using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Chunked.Linalg;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Plugins;

namespace ArrayDispatch.Chunked.Functions;

/// <summary>Functions of the <c>chunked.</c> namespace, called with <c>Np.Call</c>.</summary>
internal sealed class PluginFunctions(ChunkedContext context)
{
    // The identities live in the ArrayDispatch.Chunked.Api assembly (ChunkedArrays), which apps reference for typed calls.

    /// <summary>Defines the functions in the catalogue (the API assembly's static fields) before their handlers are registered by name.</summary>
    public static void EnsureDefined() => _ = (RechunkFunction, SvdCompressedFunction, FromNpyFunction);

    /// <summary><c>chunked.rechunk</c>: <c>ChunkedArrays.Rechunk(x, 1000, -1)</c>, or <c>Np.Call("chunked.rechunk", [x], { ["chunks"] = new[] { 1000, -1 } })</c>; chunks may also be explicit sizes per axis (<c>int[][]</c>).</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> RechunkFunction = ChunkedArrays.RechunkFunction;

    /// <summary><c>chunked.linalg.svd_compressed</c>: options <c>k</c> (required), <c>n_power_iter</c> (0), <c>n_oversamples</c> (10), <c>seed</c>; returns [u, s, v].</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> SvdCompressedFunction = ChunkedArrays.SvdCompressedFunction;

    /// <summary><c>chunked.from_npy</c>: options <c>path</c> (required) and <c>chunks</c>; no array arguments.</summary>
    public static readonly ArrayFunction<CallArgs, NDArray[]> FromNpyFunction = ChunkedArrays.FromNpyFunction;

    [Implements("chunked.rechunk")]

    public DispatchResult<NDArray[]> Rechunk(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types) && !(args.Arrays.Length == 1 && args.Arrays[0].IsHostResident)) return NotImplemented.Value;
        if (args.Arrays.Length != 1) throw new ArgumentException($"chunked.rechunk takes one array, got {args.Arrays.Length}", "arrays");
        ChunkedArray x = args.Arrays[0] as ChunkedArray ?? LayerBuilder.FromArray(context, args.Arrays[0]);
        object? spec = args.Options?.GetValueOrDefault("chunks") ?? throw new ArgumentException("chunked.rechunk needs the option 'chunks'", "chunks");
        Chunks target = spec switch
        {
            int[][] sizes => Chunks.Explicit(x.Shape, sizes),
            int[] shape => Chunks.Regular(x.Shape, shape),
            int one => Chunks.Regular(x.Shape, [one]),
            _ => throw new ArgumentException($"option 'chunks' must be int, int[] or int[][], got {spec.GetType().Name}", "chunks"),
        };
        return new NDArray[] { Building.Rechunk.To(context, x, target) };
    }

    [Implements("chunked.linalg.svd_compressed")]

    public DispatchResult<NDArray[]> SvdCompressed(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (!ChunkedArgs.Accepts(args, types)) return NotImplemented.Value;
        if (args.Arrays.Length != 1) throw new ArgumentException($"chunked.linalg.svd_compressed takes one array, got {args.Arrays.Length}", "arrays");
        int k = args.Option("k", -1);
        if (k < 1) throw new ArgumentException("chunked.linalg.svd_compressed needs the option 'k' (the number of components), at least 1", "k");
        var x = (ChunkedArray)args.Arrays[0];
        ulong seed = args.Option<ulong>("seed", 0x5EED5EEDUL);
        var (u, s, v) = ChunkedLinalg.SvdCompressed(context, x, k, args.Option("n_power_iter", 0), args.Option("n_oversamples", 10), seed);
        return new NDArray[] { u, s, v };
    }

    [Implements("chunked.from_npy")]

    public DispatchResult<NDArray[]> FromNpy(in CallArgs args, ReadOnlySpan<Type> types)
    {
        if (args.Arrays.Length != 0) return NotImplemented.Value;
        string path = args.Option<string?>("path", null) ?? throw new ArgumentException("chunked.from_npy needs the option 'path'", "path");
        int[]? chunks = args.Options?.GetValueOrDefault("chunks") switch
        {
            int[] c => c,
            int one => [one],
            null => null,
            object other => throw new ArgumentException($"option 'chunks' must be int or int[], got {other.GetType().Name}", "chunks"),
        };
        return new NDArray[] { NpyReader.Open(context, path, chunks) };
    }
}
