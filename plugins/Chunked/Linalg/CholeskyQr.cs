using ArrayDispatch.Chunked.Arrays;
using ArrayDispatch.Chunked.Building;
using ArrayDispatch.Chunked.Graph;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Chunked.Linalg;

/// <summary>
/// QR and SVD of tall-and-skinny float64 arrays by CholeskyQR2 (Fukaya, Nakatsukasa, Yanagisawa and Yamamoto 2014;
/// error analysis: Yamamoto, Nakatsukasa, Yanagisawa and Fukaya 2015): R₁ = chol(Σ Aᵢᵀ Aᵢ), Q₁ᵢ = Aᵢ R₁⁻¹, then the same
/// once more on Q₁. Every chunk-sized step is a matrix product (the Gram matrices by syrk), so it runs at BLAS-3 speed and
/// chunk by chunk, where TSQR's Householder QR of the stacked chunks runs at about half that and as one task: on the seed's
/// 5000×1000 SVD the factorization takes about half of TSQR's time. The SVD never forms Q: U = Q₁ (R₂⁻¹ U_R).
/// </summary>
/// <remarks>
/// CholeskyQR2's Q is orthonormal to working accuracy and R backward stable when 8 κ₂(A) √(m n u + n (n + 1) u) ≤ 1
/// (u the unit roundoff; the 2015 paper's condition). The first step checks it on the data with ‖R₁‖_F ‖R₁⁻¹‖_F ≥ κ₂(R₁),
/// and takes the Householder QR of the stacked chunks instead (TSQR's answer) where it does not hold, where Cholesky fails
/// (rank deficiency) or the data hold NaN or infinity: an ill-conditioned input costs the Gram matrices in addition, never accuracy.
/// </remarks>
internal static class CholeskyQr
{
    private const double UnitRoundoff = 1.1102230246251565e-16;   // 2^-53: float64

    /// <summary>
    /// Whether <paramref name="x"/> is factored by CholeskyQR2: float64 with a single column of chunks and at least as many
    /// rows as columns, the bound leaves room for a condition number above 2, the setting is on, and the chunk backend
    /// serves every function the steps call.
    /// </summary>
    public static bool Applies(ChunkedContext context, ChunkedArray x)
    {
        if (!context.Options.CholeskyQr || x.Rank != 2 || x.DType != DType.Float64 || x.Chunks.BlockCounts[1] != 1) return false;
        int m = x.Shape.Dims[0], n = x.Shape.Dims[1];
        if (n == 0 || m < n || KappaLimit(m, n) < 2) return false;
        IReadOnlyCollection<string> served = context.Dispatcher.FunctionsOf(context.BackendOf(x.Meta));
        return Required.All(served.Contains);
    }

    private static readonly string[] Required =
    [
        ArrayFunctions.Cholesky.Name, ArrayFunctions.Inv.Name, ArrayFunctions.Norm.Name, ArrayFunctions.MatMul.Name, ArrayFunctions.Transpose.Name,
        ArrayFunctions.Add.Name, ArrayFunctions.Qr.Name, ArrayFunctions.Concatenate.Name, ArrayFunctions.GetItem.Name, ArrayFunctions.Svd.Name,
    ];

    /// <summary>The largest κ₂ for which CholeskyQR2 is stable on an m × n float64 matrix (the 2015 paper's condition).</summary>
    internal static double KappaLimit(long m, long n) => 1 / (8 * Math.Sqrt((m * n + n * (n + 1)) * UnitRoundoff));

    public static (ChunkedArray Q, ChunkedArray R) Qr(ChunkedContext context, ChunkedArray x)
    {
        Factors f = Factor(context, x);
        int m = x.Shape.Dims[0], n = x.Shape.Dims[1];
        QrResult meta = context.Invoke(ArrayFunctions.Qr, new QrArgs(x.Meta, QrMode.Reduced));
        ChunkedArray q = LayerBuilder.BuildSpec(context, $"cholqr-q-{f.Token}", "matmul", new Shape(m, n), f.Rows.Chunks, meta.Q!, [f.Rows.Layer, f.Step], index =>
            ([f.Rows.KeyOf(index[0], 0), f.StepKey], new FactorApplySpec(TaskSpec.Input(0), 1, 0, 0, left: false)));
        ChunkedArray r = LayerBuilder.BuildSpec(context, $"cholqr-r-{f.Token}", "getitem", new Shape(n, n), Chunks.Single(new Shape(n, n)), meta.R, [f.Step],
            _ => ([f.StepKey], TaskSpec.Input(0).Member("R")));
        return (q, r);
    }

    public static (ChunkedArray? U, ChunkedArray S, ChunkedArray? Vh) Svd(ChunkedContext context, ChunkedArray x, bool computeUV)
    {
        Factors f = Factor(context, x);
        int m = x.Shape.Dims[0], n = x.Shape.Dims[1];
        string svdName = $"svd-cholqr-{f.Token}";
        var svdLayer = new GraphLayer(svdName,
            [ChunkTask.FromSpec(svdName, "svd", [f.StepKey], TaskSpec.Call(ArrayFunctions.Svd, new SvdArgs(TaskSpec.Slot(TaskSpec.Input(0).Member("R")), false, computeUV)), context.Dispatcher)],
            [f.Step]);
        SvdResult meta = context.Invoke(ArrayFunctions.Svd, new SvdArgs(x.Meta, false, true));
        ChunkedArray s = LayerBuilder.BuildSpec(context, $"svd-s-{f.Token}", "getitem", new Shape(n), Chunks.Single(new Shape(n)), meta.S, [svdLayer],
            _ => ([svdName], TaskSpec.Input(0).Member("S")));
        if (!computeUV) return (null, s, null);
        ChunkedArray vh = LayerBuilder.BuildSpec(context, $"svd-v-{f.Token}", "getitem", new Shape(n, n), Chunks.Single(new Shape(n, n)), meta.Vh!, [svdLayer],
            _ => ([svdName], TaskSpec.Input(0).Member("Vh")));
        // U = Q₁ R₂⁻¹ U_R: R₂⁻¹ U_R once (n × n), then one product per row chunk; Q itself is never formed.
        string wName = $"svd-w-{f.Token}";
        var wLayer = new GraphLayer(wName,
            [ChunkTask.FromSpec(wName, "matmul", [svdName, f.StepKey], new FactorApplySpec(TaskSpec.Input(0).Member("U"), 1, 0, 0, left: true), context.Dispatcher)],
            [svdLayer, f.Step]);
        ChunkedArray u = LayerBuilder.BuildSpec(context, $"svd-u-{f.Token}", "matmul", new Shape(m, n), f.Rows.Chunks, meta.U!, [f.Rows.Layer, wLayer], index =>
            ([f.Rows.KeyOf(index[0], 0), wName], TaskSpec.Call(ArrayFunctions.MatMul, new PairArgs(TaskSpec.Slot(0), TaskSpec.Slot(1)))));
        return (u, s, vh);
    }

    /// <summary>Q₁'s row chunks and the second step (R, R₂⁻¹) they are finished with.</summary>
    private readonly record struct Factors(string Token, ChunkedArray Rows, GraphLayer Step, string StepKey);

    private static Factors Factor(ChunkedContext context, ChunkedArray x)
    {
        int m = x.Shape.Dims[0], n = x.Shape.Dims[1];
        int blocks = x.Chunks.BlockCounts[0];
        int[] rowSizes = [.. x.Chunks[0]];
        string token = Names.Token(x.Name, "cholqr");

        // Step 1 reads the chunks themselves: it sums their Gram matrices, and stacks them for a Householder QR where CholeskyQR would lose accuracy.
        string r1 = $"cholqr-r1-{token}";
        var step1 = new GraphLayer(r1,
            [ChunkTask.FromSpec(r1, "cholesky-qr", [.. Enumerable.Range(0, blocks).Select(b => x.KeyOf(b, 0))], new CholeskyStepSpec(blocks, first: true, KappaLimit(m, n)), context.Dispatcher)],
            [x.Layer]);

        var rowStarts = new int[blocks + 1];
        for (int b = 0; b < blocks; b++) rowStarts[b + 1] = rowStarts[b] + rowSizes[b];
        ChunkedArray q1 = LayerBuilder.BuildSpec(context, $"cholqr-q1-{token}", "matmul", x.Shape, x.Chunks, x.Meta, [x.Layer, step1], index =>
            ([x.KeyOf(index[0], 0), r1], new FactorApplySpec(TaskSpec.Input(0), 1, rowStarts[index[0]], rowStarts[index[0] + 1], left: false)));

        GraphLayer gram2 = Grams(context, $"cholqr-gram2-{token}", q1);
        string r2 = $"cholqr-r2-{token}";
        var step2 = new GraphLayer(r2,
            [ChunkTask.FromSpec(r2, "cholesky-qr", [.. gram2.Tasks.Select(t => t.Key), r1], new CholeskyStepSpec(blocks, first: false, double.PositiveInfinity), context.Dispatcher)],
            [gram2, step1]);
        return new Factors(token, q1, step2, r2);
    }

    /// <summary>Aᵢᵀ Aᵢ of each row chunk, one task each (<see cref="CholeskyStepSpec.Gram"/>).</summary>
    private static GraphLayer Grams(ChunkedContext context, string name, ChunkedArray a)
    {
        TaskSpec gram = TaskSpec.Call(ArrayFunctions.MatMul, new PairArgs(TaskSpec.Slot(TaskSpec.Call(ArrayFunctions.Transpose, new AxesArgs(TaskSpec.Slot(0)))), TaskSpec.Slot(0)));
        int blocks = a.Chunks.BlockCounts[0];
        var tasks = new ChunkTask[blocks];
        for (int b = 0; b < blocks; b++) tasks[b] = ChunkTask.FromSpec(Names.Key(name, [b, 0]), "matmul", [a.KeyOf(b, 0)], gram, context.Dispatcher, [b, 0]);
        return new GraphLayer(name, tasks, [a.Layer]);
    }
}
