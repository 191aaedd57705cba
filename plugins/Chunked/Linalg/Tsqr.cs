using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Linalg;

/// <summary>
/// QR and SVD of tall-and-skinny arrays (one column of chunks) by TSQR, as Dask does (Benson, Gleich and Demmel 2013):
/// a QR per row chunk, a QR of the stacked R factors, then each chunk's Q times its rows of the second Q. The SVD
/// takes the SVD of the small R and multiplies its U into Q.
/// </summary>
internal static class Tsqr
{
    public static (ChunkedArray Q, ChunkedArray R) Qr(ChunkedContext context, ChunkedArray x)
    {
        RequireTallSkinny(x, "linalg.qr");
        if (CholeskyQr.Applies(context, x)) return CholeskyQr.Qr(context, x);
        int n = x.Shape.Dims[1];
        int blocks = x.Chunks.BlockCounts[0];
        int[] rowSizes = [.. x.Chunks[0]];
        string token = Names.Token(x.Name);
        var k = new int[blocks];
        var rOffsets = new int[blocks + 1];
        for (int b = 0; b < blocks; b++)
        {
            k[b] = Math.Min(rowSizes[b], n);
            rOffsets[b + 1] = rOffsets[b] + k[b];
        }
        int stacked = rOffsets[blocks];
        int kk = Math.Min(stacked, n);

        // Stage 1: a reduced QR of each row chunk that it makes smaller. A chunk with no more rows than columns keeps all
        // its rows in R, so its QR would only be repeated by stage 2: it goes to the stack as it is (Q1 = I). For the seed's
        // square 1000x1000 chunks that turns TSQR into one QR of the stacked chunks, half the flops of Dask's two rounds.
        // The R path has its own R-only QRs (no Q formed: what S and V need), which culling replaces by the full QRs' R
        // when Q is computed too (U, Q), so nothing is factored twice.
        string qr1 = $"tsqr-qr-{token}";
        string r1 = $"tsqr-r1-{token}";
        var qr1Tasks = new List<ChunkTask>(blocks);
        var r1Tasks = new List<ChunkTask>(blocks);
        var stackInputs = new string[blocks];
        for (int b = 0; b < blocks; b++)
        {
            if (rowSizes[b] <= n)
            {
                stackInputs[b] = x.KeyOf(b, 0);
                continue;
            }
            string full = Names.Key(qr1, [b, 0]);
            qr1Tasks.Add(ChunkTask.FromSpec(full, "qr", [x.KeyOf(b, 0)], FullQr, context.Dispatcher, [b, 0]));
            r1Tasks.Add(new ChunkTask(Names.Key(r1, [b, 0]), "qr-r", [x.KeyOf(b, 0)], RQr.Bind(context.Dispatcher), [b, 0])
            {
                Spec = RQr,
                Alternative = new TaskAlternative(full, v => ((QrResult)v).R) { FromSpec = TaskSpec.Input(0).Member("R") },
            });
            stackInputs[b] = r1Tasks[^1].Key;
        }
        List<GraphLayer> qLayers = [];
        List<GraphLayer> stackLayers = [x.Layer];
        if (qr1Tasks.Count > 0)
        {
            var qr1Layer = new GraphLayer(qr1, qr1Tasks, [x.Layer]);
            qLayers.Add(qr1Layer);
            stackLayers.Add(new GraphLayer(r1, r1Tasks, [x.Layer, qr1Layer]));
        }

        // Stage 2: stack the R factors (and the chunks stage 1 left alone) and take their QR (R only for the R path, as in stage 1).
        string stackName = $"tsqr-r-stack-{token}";
        string qr2 = $"tsqr-qr2-{token}";
        string r2 = $"tsqr-r2-{token}";
        var stage2 = new GraphLayer(qr2,
        [
            ChunkTask.FromSpec(stackName, "concatenate", stackInputs, TaskSpec.Concatenate(0), context.Dispatcher),
            ChunkTask.FromSpec(qr2, "qr", [stackName], FullQr, context.Dispatcher),
            new ChunkTask(r2, "qr-r", [stackName], RQr.Bind(context.Dispatcher))
            {
                Spec = RQr,
                Alternative = new TaskAlternative(qr2, v => ((QrResult)v).R) { FromSpec = TaskSpec.Input(0).Member("R") },
            },
        ], stackLayers);
        qLayers.Add(stage2);

        QrResult metaQr = context.Invoke(ArrayFunctions.Qr, new QrArgs(x.Meta, QrMode.Reduced));

        // Q: each chunk's Q times its rows of the second Q.
        string qName = $"tsqr-q-{token}";
        var qChunks = Chunks.FromSizes([rowSizes, [kk]]);
        // Labelled by what its tasks do: rows of Q2 alone when no chunk was factored in stage 1 (not a BLAS kernel, so not
        // run alone by the scheduler), else products Q1 @ Q2 rows.
        string qFunction = qr1Tasks.Count == 0 ? "getitem" : "matmul";
        ChunkedArray q = LayerBuilder.BuildSpec(context, qName, qFunction, new Shape(x.Shape.Dims[0], kk), qChunks, metaQr.Q!, qLayers, index =>
        {
            int b = index[0];
            ArrayIndex[] rows = [new Slice(rOffsets[b], rOffsets[b + 1]), ArrayIndex.All];
            TaskSpec Rows(int input) => TaskSpec.Call(ArrayFunctions.GetItem, new IndexArgs(TaskSpec.Slot(TaskSpec.Input(input).Member("Q")), rows));
            if (rowSizes[b] <= n) return ([qr2], Rows(0));
            return ([Names.Key(qr1, [b, 0]), qr2],
                TaskSpec.Call(ArrayFunctions.MatMul, new PairArgs(TaskSpec.Slot(TaskSpec.Input(0).Member("Q")), TaskSpec.Slot(Rows(1)))));
        });
        string rName = $"tsqr-r-{token}";
        ChunkedArray r = LayerBuilder.BuildSpec(context, rName, "getitem", new Shape(kk, n), Chunks.Single(new Shape(kk, n)), metaQr.R, [stage2],
            _ => ([r2], TaskSpec.Input(0)));
        return (q, r);
    }

    public static (ChunkedArray? U, ChunkedArray S, ChunkedArray? Vh) Svd(ChunkedContext context, ChunkedArray x, bool fullMatrices, bool computeUV)
    {
        if (x.Rank != 2) throw new NotSupportedException($"chunked linalg.svd takes a 2-d array, not shape {x.Shape}");
        int m = x.Shape.Dims[0], n = x.Shape.Dims[1];
        if (fullMatrices && computeUV && m != n)
        {
            // NumPy's default: the full factors. Dask has no full_matrices (np.linalg.svd on a Dask array gives the reduced
            // ones); one chunk is factored whole by the chunk backend, so its full factors are served
            if (x.Chunks.BlockCounts[0] == 1 && x.Chunks.BlockCounts[1] == 1) return OneChunkFullSvd(context, x);
            throw new NotSupportedException(
                $"chunked linalg.svd gives the full factors (fullMatrices: true, NumPy's default) only for a matrix in one chunk, but shape {x.Shape} "
                + $"has chunks {x.Chunks}: pass fullMatrices: false for the reduced factors (TSQR, as Dask's svd), or rechunk it into one chunk");
        }
        if (x.Chunks.BlockCounts[1] > 1 && x.Chunks.BlockCounts[0] == 1)
        {
            // Short and fat: the SVD of the transpose, with the factors swapped.
            var (ut, st, vt) = Svd(context, Manipulation.Transpose(context, x, Axes.All), false, computeUV);
            return computeUV ? (Manipulation.Transpose(context, vt!, Axes.All), st, Manipulation.Transpose(context, ut!, Axes.All)) : (null, st, null);
        }
        RequireTallSkinny(x, "linalg.svd");
        if (CholeskyQr.Applies(context, x)) return CholeskyQr.Svd(context, x, computeUV);
        var (q, r) = Qr(context, x);
        int kk = r.Shape.Dims[0];
        int kmin = Math.Min(kk, n);
        string token = Names.Token(x.Name, "svd");
        string svdName = $"svd-tsqr-{token}";
        var svdLayer = new GraphLayer(svdName,
            [ChunkTask.FromSpec(svdName, "svd", [r.KeyOf(0, 0)], TaskSpec.Call(ArrayFunctions.Svd, new SvdArgs(TaskSpec.Slot(0), false, computeUV)), context.Dispatcher)],
            [r.Layer]);
        SvdResult meta = context.Invoke(ArrayFunctions.Svd, new SvdArgs(LayerBuilder.WithDType(context, x.Meta, r.DType), false, true));
        ChunkedArray s = LayerBuilder.BuildSpec(context, $"svd-s-{token}", "getitem", new Shape(kmin), Chunks.Single(new Shape(kmin)), meta.S, [svdLayer],
            _ => ([svdName], TaskSpec.Input(0).Member("S")));
        if (!computeUV) return (null, s, null);
        ChunkedArray vh = LayerBuilder.BuildSpec(context, $"svd-v-{token}", "getitem", new Shape(kmin, n), Chunks.Single(new Shape(kmin, n)), meta.Vh!, [svdLayer],
            _ => ([svdName], TaskSpec.Input(0).Member("Vh")));
        var uChunks = Chunks.FromSizes([[.. x.Chunks[0]], [kmin]]);
        ChunkedArray u = LayerBuilder.BuildSpec(context, $"svd-u-{token}", "matmul", new Shape(m, kmin), uChunks, meta.U!, [q.Layer, svdLayer], index =>
            ([q.KeyOf(index[0], 0), svdName], TaskSpec.Call(ArrayFunctions.MatMul, new PairArgs(TaskSpec.Slot(0), TaskSpec.Slot(TaskSpec.Input(1).Member("U"))))));
        return (u, s, vh);
    }

    // The full SVD of a one-chunk matrix: one task of the chunk backend's svd, U (m, m), S and Vh (n, n) each one chunk.
    private static (ChunkedArray? U, ChunkedArray S, ChunkedArray? Vh) OneChunkFullSvd(ChunkedContext context, ChunkedArray x)
    {
        int m = x.Shape.Dims[0], n = x.Shape.Dims[1], k = Math.Min(m, n);
        string token = Names.Token(x.Name, "svd-full");
        string svdName = $"svd-full-{token}";
        var svdLayer = new GraphLayer(svdName,
            [ChunkTask.FromSpec(svdName, "svd", [x.KeyOf(0, 0)], TaskSpec.Call(ArrayFunctions.Svd, new SvdArgs(TaskSpec.Slot(0), true, true)), context.Dispatcher)],
            [x.Layer]);
        SvdResult meta = context.Invoke(ArrayFunctions.Svd, new SvdArgs(x.Meta, true, true));
        ChunkedArray Part(string name, Shape shape, NDArray partMeta) =>
            LayerBuilder.BuildSpec(context, $"svd-{name.ToLowerInvariant()}-{token}", "getitem", shape, Chunks.Single(shape), partMeta, [svdLayer],
                _ => ([svdName], TaskSpec.Input(0).Member(name)));
        return (Part("U", new Shape(m, m), meta.U!), Part("S", new Shape(k), meta.S), Part("Vh", new Shape(n, n), meta.Vh!));
    }

    /// <summary>The reduced QR of input 0, and its R-only form (no Q formed).</summary>
    private static readonly TaskSpec FullQr = TaskSpec.Call(ArrayFunctions.Qr, new QrArgs(TaskSpec.Slot(0), QrMode.Reduced));
    private static readonly TaskSpec RQr = TaskSpec.Call(ArrayFunctions.Qr, new QrArgs(TaskSpec.Slot(0), QrMode.R)).Member("R");

    private static void RequireTallSkinny(ChunkedArray x, string function)
    {
        if (x.Rank != 2) throw new NotSupportedException($"chunked {function} takes a 2-d array, not shape {x.Shape}");
        if (x.Chunks.BlockCounts[1] != 1)
        {
            throw new NotSupportedException(
                $"chunked {function} needs a tall-and-skinny array with a single column of chunks (TSQR), but shape {x.Shape} has chunks {x.Chunks}: "
                + $"rechunk it first, e.g. Np.Call(\"chunked.rechunk\", [x], new Dictionary<string, object?> {{ [\"chunks\"] = new[] {{ {x.Chunks.ChunkSize()[0]}, -1 }} }}), "
                + "or use chunked.linalg.svd_compressed for an approximation with k components");
        }
    }
}
