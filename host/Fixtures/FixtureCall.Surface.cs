using System.Text.Json;

namespace ArrayDispatch.Fixtures;

internal sealed partial class FixtureCall
{
    // NumPy's shape, indexing, editing, padding and set helpers (Np.Shape*, Np.Indexing, Np.Sets): null for other names.
    private NDArray[]? InvokeSurface(FixtureCase c)
    {
        IReadOnlyList<JsonElement> a = c.Args;
        IReadOnlyDictionary<string, JsonElement> kw = c.Kwargs;
        NDArray X() => Array(a[0]);
        int K() => IntOpt(kw, "k", 0) ?? 0;
        int? Axis() => IntOpt(kw, "axis", null);
        NDArray[] Arrays(JsonElement e) => e.EnumerateArray().Select(Array).ToArray();
        NDArray[] Split(Func<NDArray, int, NDArray[]> sections, Func<NDArray, int[], NDArray[]> indices) =>
            a[1].ValueKind == JsonValueKind.Array ? indices(X(), Ints(a[1])) : sections(X(), a[1].GetInt32());
        return c.Function switch
        {
            "atleast_1d" => a.Count == 1 ? [Np.AtLeast1d(X())] : Np.AtLeast1d(a.Select(Array).ToArray()),
            "atleast_2d" => a.Count == 1 ? [Np.AtLeast2d(X())] : Np.AtLeast2d(a.Select(Array).ToArray()),
            "atleast_3d" => a.Count == 1 ? [Np.AtLeast3d(X())] : Np.AtLeast3d(a.Select(Array).ToArray()),
            "fliplr" => [Np.Fliplr(X())],
            "flipud" => [Np.Flipud(X())],
            "rot90" => [Np.Rot90(X(), IntOpt(kw, "k", 1) ?? 1, kw.TryGetValue("axes", out JsonElement ra) ? (ra[0].GetInt32(), ra[1].GetInt32()) : null)],
            "diag" => [Np.Diag(X(), K())],
            "diagflat" => [Np.Diagflat(X(), K())],
            "tri" => [Np.Tri(a[0].GetInt32(), IntOpt(kw, "M", null), K(), DTypeOpt(kw) ?? DType.Float64, backend)],
            "tril_indices" => Pair(Np.TrilIndices(a[0].GetInt32(), K(), IntOpt(kw, "m", null), backend)),
            "triu_indices" => Pair(Np.TriuIndices(a[0].GetInt32(), K(), IntOpt(kw, "m", null), backend)),
            "tril_indices_from" => Pair(Np.TrilIndicesFrom(X(), K())),
            "triu_indices_from" => Pair(Np.TriuIndicesFrom(X(), K())),
            "diag_indices" => Np.DiagIndices(a[0].GetInt32(), IntOpt(kw, "ndim", 2) ?? 2, backend),
            "diag_indices_from" => Np.DiagIndicesFrom(X()),
            "indices" => Bool(kw, "sparse", false)
                ? Np.SparseIndices(Ints(a[0]), DTypeOpt(kw) ?? DType.Int64, backend)
                : [Np.Indices(Ints(a[0]), DTypeOpt(kw) ?? DType.Int64, backend)],
            "ix_" => Np.Ix(a.Select(Array).ToArray()),
            "unravel_index" => Np.UnravelIndex(X(), Ints(a[1]), kw.ContainsKey("order") ? Order(kw) : MemoryOrder.C),
            "ravel_multi_index" => [Np.RavelMultiIndex(Arrays(a[0]), Ints(a[1]), kw.TryGetValue("mode", out JsonElement rm) ? Enum.Parse<ClipMode>(rm.GetString()!, ignoreCase: true) : ClipMode.Raise,
                kw.ContainsKey("order") ? Order(kw) : MemoryOrder.C)],
            "array_split" => Split((x, n) => Np.ArraySplit(x, n, Axis() ?? 0), (x, i) => Np.ArraySplit(x, i, Axis() ?? 0)),
            "hsplit" => Split(Np.HSplit, Np.HSplit),
            "vsplit" => Split(Np.VSplit, Np.VSplit),
            "dsplit" => Split(Np.DSplit, Np.DSplit),
            "dstack" => [Np.DStack(Arrays(a[0]))],
            "block" => [Np.Block(Nested(a[0]))],
            "append" => [Np.Append(X(), Operand(a[1]), Axis())],
            "insert" => [a[1].ValueKind == JsonValueKind.Array
                ? Np.Insert(X(), Ints(a[1]), Operand(a[2]), Axis())
                : Np.Insert(X(), a[1].GetInt32(), Operand(a[2]), Axis())],
            "delete" => [a[1].ValueKind switch
            {
                JsonValueKind.Object => Np.Delete(X(), new Slice(NullableInt(a[1].GetProperty("slice")[0]), NullableInt(a[1].GetProperty("slice")[1]), NullableInt(a[1].GetProperty("slice")[2])), Axis()),
                JsonValueKind.Array when a[1].GetArrayLength() > 0 && a[1][0].ValueKind is JsonValueKind.True or JsonValueKind.False =>
                    Np.Delete(X(), a[1].EnumerateArray().Select(b => b.GetBoolean()).ToArray(), Axis()),
                JsonValueKind.Array => Np.Delete(X(), Ints(a[1]), Axis()),
                _ => Np.Delete(X(), a[1].GetInt32(), Axis()),
            }],
            "resize" => [Np.Resize(X(), Ints(a[1]))],
            "trim_zeros" => [Np.TrimZeros(X(), kw.TryGetValue("trim", out JsonElement tz) ? tz.GetString()! : "fb")],
            "pad" => [Pad(X(), a[1], kw)],
            "in1d" => [Np.In1d(X(), Array(a[1]), Bool(kw, "assume_unique", false), Bool(kw, "invert", false))],
            "isin" => [Np.Isin(X(), Array(a[1]), Bool(kw, "assume_unique", false), Bool(kw, "invert", false))],
            "intersect1d" => Bool(kw, "return_indices", false)
                ? Np.Intersect1dWithIndices(X(), Array(a[1]), Bool(kw, "assume_unique", false)) is var (v, i1, i2) ? [v, i1, i2] : []
                : [Np.Intersect1d(X(), Array(a[1]), Bool(kw, "assume_unique", false))],
            "union1d" => [Np.Union1d(X(), Array(a[1]))],
            "setdiff1d" => [Np.Setdiff1d(X(), Array(a[1]), Bool(kw, "assume_unique", false))],
            "setxor1d" => [Np.Setxor1d(X(), Array(a[1]), Bool(kw, "assume_unique", false))],
            _ => null,
        };
    }

    private static NDArray[] Pair((NDArray, NDArray) p) => [p.Item1, p.Item2];

    // numpy.block's nested lists: file names are arrays, JSON lists are lists.
    private object Nested(JsonElement e) => e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(Nested).ToArray() : Array(e);

    // numpy.pad: pad_width an int, [before, after] or one pair per axis; mode a name; constant_values a number.
    private NDArray Pad(NDArray x, JsonElement width, IReadOnlyDictionary<string, JsonElement> kw)
    {
        PadMode mode = kw.TryGetValue("mode", out JsonElement m) ? Enum.Parse<PadMode>(m.GetString()!, ignoreCase: true) : PadMode.Constant;
        kw.TryGetValue("constant_values", out JsonElement v);
        if (v.ValueKind == JsonValueKind.Array)
        {
            // (before, after) for every axis, or one pair per axis
            (Scalar, Scalar)[] values = v[0].ValueKind == JsonValueKind.Array
                ? v.EnumerateArray().Select(p => (ScalarOf(p[0]), ScalarOf(p[1]))).ToArray()
                : Enumerable.Repeat((ScalarOf(v[0]), ScalarOf(v[1])), x.Rank).ToArray();
            return Np.Pad(x, Widths(x, width), values);
        }
        Scalar? value = v.ValueKind == JsonValueKind.Number ? ScalarOf(v) : null;
        if (width.ValueKind == JsonValueKind.Number) return Np.Pad(x, width.GetInt32(), mode, value);
        if (width[0].ValueKind == JsonValueKind.Number) return Np.Pad(x, (width[0].GetInt32(), width[1].GetInt32()), mode, value);
        return Np.Pad(x, width.EnumerateArray().Select(p => (p[0].GetInt32(), p[1].GetInt32())).ToArray(), mode, value);
    }

    private static (int, int)[] Widths(NDArray x, JsonElement width) => width.ValueKind == JsonValueKind.Number
        ? Enumerable.Repeat((width.GetInt32(), width.GetInt32()), x.Rank).ToArray()
        : width[0].ValueKind == JsonValueKind.Number
            ? Enumerable.Repeat((width[0].GetInt32(), width[1].GetInt32()), x.Rank).ToArray()
            : width.EnumerateArray().Select(p => (p[0].GetInt32(), p[1].GetInt32())).ToArray();
}
