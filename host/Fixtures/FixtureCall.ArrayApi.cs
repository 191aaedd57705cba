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
            "nanmax" => [Np.NanMax(X(), AxesOf(kw), Bool(kw, "keepdims", false))],
            "nanmin" => [Np.NanMin(X(), AxesOf(kw), Bool(kw, "keepdims", false))],
            "nanargmax" => [Np.NanArgmax(X(), IntOpt(kw, "axis", null), Bool(kw, "keepdims", false))],
            "nanargmin" => [Np.NanArgmin(X(), IntOpt(kw, "axis", null), Bool(kw, "keepdims", false))],
            "nanprod" => [Np.NanProd(X(), AxesOf(kw), Bool(kw, "keepdims", false), DTypeOpt(kw))],
            "nancumsum" => [Np.NanCumsum(X(), IntOpt(kw, "axis", null), DTypeOpt(kw))],
            "nancumprod" => [Np.NanCumprod(X(), IntOpt(kw, "axis", null), DTypeOpt(kw))],
            "nanmedian" => [Np.NanMedian(X(), IntOpt(kw, "axis", null), Bool(kw, "keepdims", false))],
            "nanquantile" => [Np.NanQuantile(X(), a[1].GetDouble(), IntOpt(kw, "axis", null), Bool(kw, "keepdims", false))],
            "nanpercentile" => [Np.NanPercentile(X(), a[1].GetDouble(), IntOpt(kw, "axis", null), Bool(kw, "keepdims", false))],
            "amax" => [Np.Amax(X(), AxesOf(kw), Bool(kw, "keepdims", false))],
            "amin" => [Np.Amin(X(), AxesOf(kw), Bool(kw, "keepdims", false))],
            "ptp" => [Np.Ptp(X(), AxesOf(kw), Bool(kw, "keepdims", false))],
            "average" => Average(X(), kw),
            "divmod" => Np.Divmod(Operand(a[0]), Operand(a[1])) is var (q, r) ? [q, r] : [],
            "modf" => Np.Modf(X()) is var (frac, whole) ? [frac, whole] : [],
            "frexp" => Np.Frexp(X()) is var (m, e) ? [m, e] : [],
            "ldexp" => [Np.Ldexp(Operand(a[0]), Operand(a[1]))],
            "sinc" => [Np.Sinc(X())],
            "i0" => [Np.I0(X())],
            "interp" => [Np.Interp(X(), Y(), Array(a[2]), OperandOpt(kw, "left"), OperandOpt(kw, "right"), DoubleOpt(kw, "period"))],
            "digitize" => [Np.Digitize(X(), Y(), Bool(kw, "right", false))],
            "bincount" => [Np.Bincount(X(), kw.TryGetValue("weights", out JsonElement bw) && bw.ValueKind == JsonValueKind.String ? Array(bw) : null, IntOpt(kw, "minlength", 0) ?? 0)],
            "convolve" => [Np.Convolve(X(), Y(), kw.TryGetValue("mode", out JsonElement cm) ? cm.GetString()! : "full")],
            "correlate" => [Np.Correlate(X(), Y(), kw.TryGetValue("mode", out JsonElement rm) ? rm.GetString()! : "valid")],
            "geomspace" => [Np.Geomspace(a[0].GetDouble(), a[1].GetDouble(), IntOpt(kw, "num", 50) ?? 50, Bool(kw, "endpoint", true), DTypeOpt(kw), backend)],
            "logspace" => [Np.Logspace(a[0].GetDouble(), a[1].GetDouble(), IntOpt(kw, "num", 50) ?? 50, Bool(kw, "endpoint", true), DoubleOpt(kw, "base") ?? 10.0, DTypeOpt(kw), backend)],
            "gradient" => Np.Gradient(X(), a.Count > 1 ? a[1].GetDouble() : 1.0, IntOpt(kw, "edge_order", 1) ?? 1, AxesOf(kw)),
            "ediff1d" => [Np.Ediff1d(X(), OperandOpt(kw, "to_end"), OperandOpt(kw, "to_begin"))],
            "trapz" => [Np.Trapz(X(), kw.TryGetValue("x", out JsonElement tx) && tx.ValueKind == JsonValueKind.String ? Array(tx) : null, DoubleOpt(kw, "dx") ?? 1.0, IntOpt(kw, "axis", -1) ?? -1)],
            "unwrap" => [Np.Unwrap(X(), DoubleOpt(kw, "discont"), IntOpt(kw, "axis", -1) ?? -1, DoubleOpt(kw, "period") ?? 2 * Math.PI)],
            "vander" => [Np.Vander(X(), IntOpt(kw, "N", null), Bool(kw, "increasing", false))],
            "polyval" => [Np.Polyval(X(), Y())],
            "polyfit" => [Np.Polyfit(X(), Y(), a[2].GetInt32())],
            "select" => [Np.Select(a[0].EnumerateArray().Select(Array).ToArray(), a[1].EnumerateArray().Select(Array).ToArray(), OperandOpt(kw, "default"))],
            "lexsort" => [a[0].ValueKind == JsonValueKind.Array ? Np.Lexsort(a[0].EnumerateArray().Select(Array).ToArray(), IntOpt(kw, "axis", -1) ?? -1) : Np.Lexsort(X(), IntOpt(kw, "axis", -1) ?? -1)],
            "sort_complex" => [Np.SortComplex(X())],
            "hamming" => [Np.Hamming(a[0].GetInt32(), backend)],
            "hanning" => [Np.Hanning(a[0].GetInt32(), backend)],
            "blackman" => [Np.Blackman(a[0].GetInt32(), backend)],
            "bartlett" => [Np.Bartlett(a[0].GetInt32(), backend)],
            "kaiser" => [Np.Kaiser(a[0].GetInt32(), a[1].GetDouble(), backend)],
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

    // numpy.average: weights a file; returned=True gives the sum of the weights as a second result.
    private NDArray[] Average(NDArray a, IReadOnlyDictionary<string, JsonElement> kw)
    {
        NDArray? weights = kw.TryGetValue("weights", out JsonElement w) && w.ValueKind == JsonValueKind.String ? Array(w) : null;
        (NDArray average, NDArray sumOfWeights) = Np.AverageReturned(a, AxesOf(kw), weights, Bool(kw, "keepdims", false));
        return Bool(kw, "returned", false) ? [average, sumOfWeights] : [average];
    }
}
