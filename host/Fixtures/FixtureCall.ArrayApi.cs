using System.Text.Json;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Fixtures;

// The array API standard's (NumPy 2's) names the facade composes (ComposedFunctions): NumPy's keywords onto Np's parameters.
internal sealed partial class FixtureCall
{
    private static NormOrder OrdOf(IReadOnlyDictionary<string, JsonElement> kw)
    {
        if (!kw.TryGetValue("ord", out JsonElement o)) return default;
        return o.ValueKind switch
        {
            JsonValueKind.String when o.GetString() == "inf" => double.PositiveInfinity,
            JsonValueKind.String when o.GetString() == "-inf" => double.NegativeInfinity,
            JsonValueKind.String => (NormOrder)o.GetString()!,
            JsonValueKind.Number => o.GetDouble(),
            _ => default,
        };
    }

    private Operand? OperandOpt(IReadOnlyDictionary<string, JsonElement> kw, string name) =>
        kw.TryGetValue(name, out JsonElement e) && e.ValueKind != JsonValueKind.Null ? (Operand?)Operand(e) : null;

    private bool TryInvokeArrayApi(FixtureCase c, out NDArray[] result)
    {
        IReadOnlyList<JsonElement> a = c.Args;
        IReadOnlyDictionary<string, JsonElement> kw = c.Kwargs;
        NDArray X() => Array(a[0]);
        NDArray Y() => Array(a[1]);
        result = c.Function switch
        {
            "broadcast_arrays" => Np.BroadcastArrays(a.Select(Array).ToArray()),
            "unstack" => Np.Unstack(X(), IntOpt(kw, "axis", 0) ?? 0),
            "matrix_transpose" => [Np.MatrixTranspose(X())],
            "linalg.matrix_transpose" => [Np.Linalg.MatrixTranspose(X())],
            "cumulative_sum" => [Np.CumulativeSum(X(), IntOpt(kw, "axis", null), DTypeOpt(kw), Bool(kw, "include_initial", false))],
            "diff" => [Np.Diff(X(), IntOpt(kw, "n", 1) ?? 1, IntOpt(kw, "axis", -1) ?? -1, OperandOpt(kw, "prepend"), OperandOpt(kw, "append"))],
            "take_along_axis" => [Np.TakeAlongAxis(X(), Y(), IntOpt(kw, "axis", null))],
            "unique_values" => [Np.UniqueValues(X())],
            "unique_counts" => Np.UniqueCounts(X()) is var (v, n) ? [v, n] : [],
            "unique_inverse" => Np.UniqueInverse(X()) is var (v, inv) ? [v, inv] : [],
            "unique_all" => Np.UniqueAll(X()) is var (v, i, inv, n) ? [v, i, inv, n] : [],
            "linalg.cross" => [Np.Linalg.Cross(X(), Y(), IntOpt(kw, "axis", -1) ?? -1)],
            "linalg.diagonal" => [Np.Linalg.Diagonal(X(), IntOpt(kw, "offset", 0) ?? 0)],
            "linalg.trace" => [Np.Linalg.Trace(X(), IntOpt(kw, "offset", 0) ?? 0, DTypeOpt(kw))],
            "linalg.matrix_norm" => [Np.Linalg.MatrixNorm(X(), Bool(kw, "keepdims", false), OrdOf(kw))],
            "linalg.vector_norm" => [Np.Linalg.VectorNorm(X(), AxesOf(kw), Bool(kw, "keepdims", false), OrdOf(kw))],
            "linalg.svdvals" => [Np.Linalg.SvdVals(X())],
            "linalg.matrix_power" => [Np.Linalg.MatrixPower(X(), kw["n"].GetInt32())],
            "linalg.vecdot" or "vecdot" when kw.ContainsKey("axis") => [Np.VecDot(X(), Y(), IntOpt(kw, "axis", -1) ?? -1)],
            "histogram" => Histogram(X(), kw),
            "isclose" => [Np.IsClose(X(), Y(), DoubleOpt(kw, "rtol") ?? 1e-05, DoubleOpt(kw, "atol") ?? 1e-08, Bool(kw, "equal_nan", false))],
            _ when InvokeSurface(c) is { } surface => surface,
            _ => null!,
        };
        return result is not null;
    }

    // numpy.histogram: bins an int (with range) or an edges file; weights a file; density.
    private NDArray[] Histogram(NDArray a, IReadOnlyDictionary<string, JsonElement> kw)
    {
        NDArray? weights = kw.TryGetValue("weights", out JsonElement w) && w.ValueKind == JsonValueKind.String ? Array(w) : null;
        bool density = Bool(kw, "density", false);
        (NDArray hist, NDArray edges) = kw.TryGetValue("bins", out JsonElement b) && b.ValueKind == JsonValueKind.String
            ? Np.Histogram(a, Array(b), density, weights)
            : Np.Histogram(a, IntOpt(kw, "bins", 10) ?? 10,
                kw.TryGetValue("range", out JsonElement r) && r.ValueKind == JsonValueKind.Array ? (r[0].GetDouble(), r[1].GetDouble()) : null, density, weights);
        return [hist, edges];
    }
}
