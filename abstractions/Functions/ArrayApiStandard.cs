namespace ArrayDispatch.Functions;

/// <summary>
/// The functions the <see cref="Np"/> facade composes from catalogue functions rather than dispatching one of its own
/// (<c>zeros_like</c> from <c>full_like</c>, <c>linalg.cross</c> from indexing and arithmetic, …): by NumPy's name, the
/// facade member and the catalogue functions each composition calls. A backend serves a composed name when it declares
/// every one of those functions; nothing else is asked of it.
/// </summary>
public static class ComposedFunctions
{
    private static readonly Lazy<Dictionary<string, ComposedFunction>> s_all = new(Build);

    /// <summary>Every composition, by NumPy name (<c>"diff"</c>, <c>"linalg.matrix_norm"</c>).</summary>
    public static IReadOnlyCollection<ComposedFunction> All => s_all.Value.Values;

    /// <summary>Finds a composition by NumPy name.</summary>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ComposedFunction? function) =>
        s_all.Value.TryGetValue(name, out function);

    private static Dictionary<string, ComposedFunction> Build()
    {
        var list = new ComposedFunction[]
        {
            new("zeros", "Np.Zeros", [ArrayFunctions.Full]),
            new("ones", "Np.Ones", [ArrayFunctions.Full]),
            new("identity", "Np.Identity", [ArrayFunctions.Eye]),
            new("zeros_like", "Np.ZerosLike", [ArrayFunctions.FullLike]),
            new("ones_like", "Np.OnesLike", [ArrayFunctions.FullLike]),
            new("empty_like", "Np.EmptyLike", [ArrayFunctions.FullLike]),
            new("round", "Np.Round", [ArrayFunctions.Rint, ArrayFunctions.Multiply, ArrayFunctions.Divide]),
            new("broadcast_arrays", "Np.BroadcastArrays", [ArrayFunctions.BroadcastTo]),
            new("unstack", "Np.Unstack", [ArrayFunctions.GetItem]),
            new("matrix_transpose", "Np.MatrixTranspose", [ArrayFunctions.SwapAxes]),
            new("cumulative_sum", "Np.CumulativeSum", [ArrayFunctions.Cumsum, ArrayFunctions.Full, ArrayFunctions.Concatenate]),
            new("diff", "Np.Diff", [ArrayFunctions.GetItem, ArrayFunctions.Subtract, ArrayFunctions.Concatenate]),
            new("take_along_axis", "Np.TakeAlongAxis", [ArrayFunctions.GetItem, ArrayFunctions.Arange, ArrayFunctions.Reshape]),
            new("unique_all", "Np.UniqueAll", [ArrayFunctions.Unique, ArrayFunctions.Reshape]),
            new("unique_counts", "Np.UniqueCounts", [ArrayFunctions.Unique]),
            new("unique_inverse", "Np.UniqueInverse", [ArrayFunctions.Unique, ArrayFunctions.Reshape]),
            new("unique_values", "Np.UniqueValues", [ArrayFunctions.Unique]),
            new("from_dlpack", "Np.FromDLPack", [ArrayFunctions.AsArray]),
            new("column_stack", "Np.ColumnStack", [ArrayFunctions.Reshape, ArrayFunctions.Concatenate]),
            new("nanvar", "Np.NanVar", [ArrayFunctions.IsNaN, ArrayFunctions.NanMean, ArrayFunctions.Subtract, ArrayFunctions.Where, ArrayFunctions.Square, ArrayFunctions.Sum, ArrayFunctions.LogicalNot, ArrayFunctions.Divide, ArrayFunctions.LessEqual]),
            new("nanstd", "Np.NanStd", [ArrayFunctions.IsNaN, ArrayFunctions.NanMean, ArrayFunctions.Subtract, ArrayFunctions.Where, ArrayFunctions.Square, ArrayFunctions.Sum, ArrayFunctions.LogicalNot, ArrayFunctions.Divide, ArrayFunctions.LessEqual, ArrayFunctions.Sqrt]),
            new("nan_to_num", "Np.NanToNum", [ArrayFunctions.IsNaN, ArrayFunctions.IsInf, ArrayFunctions.Where, ArrayFunctions.LogicalAnd, ArrayFunctions.Greater, ArrayFunctions.Less]),
            new("median", "Np.Median", [ArrayFunctions.Sort, ArrayFunctions.GetItem, ArrayFunctions.Mean, ArrayFunctions.IsNaN, ArrayFunctions.Where]),
            new("quantile", "Np.Quantile", [ArrayFunctions.Sort, ArrayFunctions.GetItem, ArrayFunctions.Subtract, ArrayFunctions.Multiply, ArrayFunctions.Add, ArrayFunctions.IsNaN, ArrayFunctions.Where]),
            new("percentile", "Np.Percentile", [ArrayFunctions.Sort, ArrayFunctions.GetItem, ArrayFunctions.Subtract, ArrayFunctions.Multiply, ArrayFunctions.Add, ArrayFunctions.IsNaN, ArrayFunctions.Where]),
            new("cov", "Np.Cov", [ArrayFunctions.Mean, ArrayFunctions.Subtract, ArrayFunctions.MatMul, ArrayFunctions.Transpose, ArrayFunctions.Divide, ArrayFunctions.Full]),
            new("histogram", "Np.Histogram", [ArrayFunctions.Ravel, ArrayFunctions.Min, ArrayFunctions.Max, ArrayFunctions.Linspace, ArrayFunctions.Sort, ArrayFunctions.Argsort, ArrayFunctions.Take, ArrayFunctions.Cumsum, ArrayFunctions.Full, ArrayFunctions.Concatenate, ArrayFunctions.SearchSorted, ArrayFunctions.GetItem, ArrayFunctions.Subtract, ArrayFunctions.AsType, ArrayFunctions.Divide, ArrayFunctions.Sum, ArrayFunctions.Any, ArrayFunctions.Greater]),
            new("corrcoef", "Np.Corrcoef", [ArrayFunctions.Mean, ArrayFunctions.Subtract, ArrayFunctions.MatMul, ArrayFunctions.Transpose, ArrayFunctions.Divide, ArrayFunctions.Diagonal, ArrayFunctions.Sqrt, ArrayFunctions.Clip]),
            new("linalg.matrix_transpose", "Np.Linalg.MatrixTranspose", [ArrayFunctions.SwapAxes]),
            new("linalg.diagonal", "Np.Linalg.Diagonal", [ArrayFunctions.MoveAxis, ArrayFunctions.Diagonal]),
            new("linalg.trace", "Np.Linalg.Trace", [ArrayFunctions.MoveAxis, ArrayFunctions.Diagonal, ArrayFunctions.Sum]),
            new("linalg.cross", "Np.Linalg.Cross", [ArrayFunctions.MoveAxis, ArrayFunctions.GetItem, ArrayFunctions.Multiply, ArrayFunctions.Subtract, ArrayFunctions.Stack]),
            new("linalg.matrix_norm", "Np.Linalg.MatrixNorm", [ArrayFunctions.Norm]),
            new("linalg.vector_norm", "Np.Linalg.VectorNorm", [ArrayFunctions.Norm, ArrayFunctions.Reshape, ArrayFunctions.MoveAxis]),
            new("linalg.svdvals", "Np.Linalg.SvdVals", [ArrayFunctions.Svd]),
            new("linalg.matrix_power", "Np.Linalg.MatrixPower", [ArrayFunctions.MatMul, ArrayFunctions.Inv, ArrayFunctions.Eye, ArrayFunctions.BroadcastTo, ArrayFunctions.Copy]),
            new("isclose", "Np.IsClose", [ArrayFunctions.AsType, ArrayFunctions.Subtract, ArrayFunctions.Abs, ArrayFunctions.Multiply, ArrayFunctions.Add, ArrayFunctions.LessEqual, ArrayFunctions.IsFinite, ArrayFunctions.LogicalAnd, ArrayFunctions.LogicalOr, ArrayFunctions.Equal, ArrayFunctions.IsNaN]),
            new("allclose", "Np.AllClose", [ArrayFunctions.AsType, ArrayFunctions.Subtract, ArrayFunctions.Abs, ArrayFunctions.Multiply, ArrayFunctions.Add, ArrayFunctions.LessEqual, ArrayFunctions.IsFinite, ArrayFunctions.LogicalAnd, ArrayFunctions.LogicalOr, ArrayFunctions.Equal, ArrayFunctions.IsNaN, ArrayFunctions.All]),
            new("array_equal", "Np.ArrayEqual", [ArrayFunctions.Equal, ArrayFunctions.All, ArrayFunctions.IsNaN, ArrayFunctions.LogicalOr]),
            new("array_equiv", "Np.ArrayEquiv", [ArrayFunctions.Equal, ArrayFunctions.All]),
            new("atleast_1d", "Np.AtLeast1d", [ArrayFunctions.Reshape]),
            new("atleast_2d", "Np.AtLeast2d", [ArrayFunctions.Reshape]),
            new("atleast_3d", "Np.AtLeast3d", [ArrayFunctions.Reshape]),
            new("fliplr", "Np.Fliplr", [ArrayFunctions.Flip]),
            new("flipud", "Np.Flipud", [ArrayFunctions.Flip]),
            new("rot90", "Np.Rot90", [ArrayFunctions.Flip, ArrayFunctions.Transpose, ArrayFunctions.GetItem]),
            new("diag", "Np.Diag", [ArrayFunctions.Diagonal, ArrayFunctions.Concatenate, ArrayFunctions.Full, ArrayFunctions.Reshape, ArrayFunctions.Where, ArrayFunctions.Eye]),
            new("diagflat", "Np.Diagflat", [ArrayFunctions.Ravel, ArrayFunctions.Diagonal, ArrayFunctions.Concatenate, ArrayFunctions.Full, ArrayFunctions.Reshape, ArrayFunctions.Where, ArrayFunctions.Eye]),
            new("tri", "Np.Tri", [ArrayFunctions.Arange, ArrayFunctions.Reshape, ArrayFunctions.GreaterEqual, ArrayFunctions.AsType]),
            new("tril_indices", "Np.TrilIndices", [ArrayFunctions.AsArray]),
            new("triu_indices", "Np.TriuIndices", [ArrayFunctions.AsArray]),
            new("tril_indices_from", "Np.TrilIndicesFrom", [ArrayFunctions.AsArray]),
            new("triu_indices_from", "Np.TriuIndicesFrom", [ArrayFunctions.AsArray]),
            new("diag_indices", "Np.DiagIndices", [ArrayFunctions.Arange]),
            new("diag_indices_from", "Np.DiagIndicesFrom", [ArrayFunctions.Arange]),
            new("indices", "Np.Indices", [ArrayFunctions.Arange, ArrayFunctions.Reshape, ArrayFunctions.BroadcastTo, ArrayFunctions.Stack, ArrayFunctions.Full]),
            new("ix_", "Np.Ix", [ArrayFunctions.Reshape, ArrayFunctions.Nonzero]),
            new("unravel_index", "Np.UnravelIndex", [ArrayFunctions.AsType, ArrayFunctions.LogicalOr, ArrayFunctions.Less, ArrayFunctions.GreaterEqual, ArrayFunctions.Any, ArrayFunctions.Ravel, ArrayFunctions.Argmax, ArrayFunctions.GetItem, ArrayFunctions.Remainder, ArrayFunctions.FloorDivide]),
            new("ravel_multi_index", "Np.RavelMultiIndex", [ArrayFunctions.AsType, ArrayFunctions.LogicalOr, ArrayFunctions.Less, ArrayFunctions.GreaterEqual, ArrayFunctions.Any, ArrayFunctions.Remainder, ArrayFunctions.Clip, ArrayFunctions.Multiply, ArrayFunctions.Add, ArrayFunctions.Full]),
            new("array_split", "Np.ArraySplit", [ArrayFunctions.GetItem]),
            new("hsplit", "Np.HSplit", [ArrayFunctions.Split]),
            new("vsplit", "Np.VSplit", [ArrayFunctions.Split]),
            new("dsplit", "Np.DSplit", [ArrayFunctions.Split]),
            new("dstack", "Np.DStack", [ArrayFunctions.Reshape, ArrayFunctions.Concatenate]),
            new("block", "Np.Block", [ArrayFunctions.Reshape, ArrayFunctions.Concatenate, ArrayFunctions.Copy]),
            new("append", "Np.Append", [ArrayFunctions.Ravel, ArrayFunctions.Concatenate, ArrayFunctions.Full]),
            new("insert", "Np.Insert", [ArrayFunctions.Ravel, ArrayFunctions.AsType, ArrayFunctions.Full, ArrayFunctions.Reshape, ArrayFunctions.MoveAxis, ArrayFunctions.GetItem, ArrayFunctions.BroadcastTo, ArrayFunctions.Concatenate, ArrayFunctions.AsArray, ArrayFunctions.Take]),
            new("delete", "Np.Delete", [ArrayFunctions.Ravel, ArrayFunctions.GetItem, ArrayFunctions.Concatenate, ArrayFunctions.Copy, ArrayFunctions.Take, ArrayFunctions.AsArray]),
            new("resize", "Np.Resize", [ArrayFunctions.Ravel, ArrayFunctions.Tile, ArrayFunctions.Copy, ArrayFunctions.GetItem, ArrayFunctions.Reshape, ArrayFunctions.Full]),
            new("trim_zeros", "Np.TrimZeros", [ArrayFunctions.NotEqual, ArrayFunctions.Any, ArrayFunctions.Argmax, ArrayFunctions.Flip, ArrayFunctions.GetItem]),
            new("pad", "Np.Pad", [ArrayFunctions.Full, ArrayFunctions.Concatenate, ArrayFunctions.Take, ArrayFunctions.AsArray, ArrayFunctions.Copy]),
            new("in1d", "Np.In1d", [ArrayFunctions.Ravel, ArrayFunctions.AsType, ArrayFunctions.Full, ArrayFunctions.Sort, ArrayFunctions.SearchSorted, ArrayFunctions.Minimum, ArrayFunctions.Take, ArrayFunctions.Equal, ArrayFunctions.LogicalNot]),
            new("isin", "Np.Isin", [ArrayFunctions.Ravel, ArrayFunctions.AsType, ArrayFunctions.Full, ArrayFunctions.Sort, ArrayFunctions.SearchSorted, ArrayFunctions.Minimum, ArrayFunctions.Take, ArrayFunctions.Equal, ArrayFunctions.LogicalNot, ArrayFunctions.Reshape]),
            new("intersect1d", "Np.Intersect1d", [ArrayFunctions.Ravel, ArrayFunctions.Unique, ArrayFunctions.Concatenate, ArrayFunctions.Full, ArrayFunctions.Argsort, ArrayFunctions.Take, ArrayFunctions.Sort, ArrayFunctions.GetItem, ArrayFunctions.Equal, ArrayFunctions.Subtract]),
            new("union1d", "Np.Union1d", [ArrayFunctions.Ravel, ArrayFunctions.Concatenate, ArrayFunctions.Unique]),
            new("setdiff1d", "Np.Setdiff1d", [ArrayFunctions.Unique, ArrayFunctions.GetItem, ArrayFunctions.Ravel, ArrayFunctions.AsType, ArrayFunctions.Full, ArrayFunctions.Sort, ArrayFunctions.SearchSorted, ArrayFunctions.Minimum, ArrayFunctions.Take, ArrayFunctions.Equal, ArrayFunctions.LogicalNot]),
            new("setxor1d", "Np.Setxor1d", [ArrayFunctions.Ravel, ArrayFunctions.Unique, ArrayFunctions.Concatenate, ArrayFunctions.Sort, ArrayFunctions.Full, ArrayFunctions.NotEqual, ArrayFunctions.GetItem, ArrayFunctions.LogicalAnd]),
            new("nanmax", "Np.NanMax", [ArrayFunctions.Max, ArrayFunctions.IsNaN, ArrayFunctions.Where, ArrayFunctions.All]),
            new("nanmin", "Np.NanMin", [ArrayFunctions.Min, ArrayFunctions.IsNaN, ArrayFunctions.Where, ArrayFunctions.All]),
            new("nanargmax", "Np.NanArgmax", [ArrayFunctions.Argmax, ArrayFunctions.IsNaN, ArrayFunctions.Where, ArrayFunctions.All, ArrayFunctions.Any]),
            new("nanargmin", "Np.NanArgmin", [ArrayFunctions.Argmin, ArrayFunctions.IsNaN, ArrayFunctions.Where, ArrayFunctions.All, ArrayFunctions.Any]),
            new("nanprod", "Np.NanProd", [ArrayFunctions.Prod, ArrayFunctions.IsNaN, ArrayFunctions.Where]),
            new("nancumsum", "Np.NanCumsum", [ArrayFunctions.Cumsum, ArrayFunctions.IsNaN, ArrayFunctions.Where]),
            new("nancumprod", "Np.NanCumprod", [ArrayFunctions.Cumprod, ArrayFunctions.IsNaN, ArrayFunctions.Where]),
            new("nanmedian", "Np.NanMedian", [ArrayFunctions.Ravel, ArrayFunctions.Sort, ArrayFunctions.IsNaN, ArrayFunctions.LogicalNot, ArrayFunctions.Sum, ArrayFunctions.Subtract, ArrayFunctions.AsType, ArrayFunctions.Multiply, ArrayFunctions.Floor, ArrayFunctions.Maximum, ArrayFunctions.Minimum, ArrayFunctions.Add, ArrayFunctions.GetItem, ArrayFunctions.Arange, ArrayFunctions.Reshape, ArrayFunctions.Where, ArrayFunctions.Equal, ArrayFunctions.Squeeze, ArrayFunctions.Mean, ArrayFunctions.Divide]),
            new("nanquantile", "Np.NanQuantile", [ArrayFunctions.Ravel, ArrayFunctions.Sort, ArrayFunctions.IsNaN, ArrayFunctions.LogicalNot, ArrayFunctions.Sum, ArrayFunctions.Subtract, ArrayFunctions.AsType, ArrayFunctions.Multiply, ArrayFunctions.Floor, ArrayFunctions.Maximum, ArrayFunctions.Minimum, ArrayFunctions.Add, ArrayFunctions.GetItem, ArrayFunctions.Arange, ArrayFunctions.Reshape, ArrayFunctions.Where, ArrayFunctions.Equal, ArrayFunctions.Squeeze, ArrayFunctions.Mean, ArrayFunctions.GreaterEqual]),
            new("nanpercentile", "Np.NanPercentile", [ArrayFunctions.Ravel, ArrayFunctions.Sort, ArrayFunctions.IsNaN, ArrayFunctions.LogicalNot, ArrayFunctions.Sum, ArrayFunctions.Subtract, ArrayFunctions.AsType, ArrayFunctions.Multiply, ArrayFunctions.Floor, ArrayFunctions.Maximum, ArrayFunctions.Minimum, ArrayFunctions.Add, ArrayFunctions.GetItem, ArrayFunctions.Arange, ArrayFunctions.Reshape, ArrayFunctions.Where, ArrayFunctions.Equal, ArrayFunctions.Squeeze, ArrayFunctions.Mean, ArrayFunctions.GreaterEqual]),
            new("amax", "Np.Amax", [ArrayFunctions.Max]),
            new("amin", "Np.Amin", [ArrayFunctions.Min]),
            new("ptp", "Np.Ptp", [ArrayFunctions.Max, ArrayFunctions.Min, ArrayFunctions.Subtract]),
            new("average", "Np.Average", [ArrayFunctions.Mean, ArrayFunctions.FullLike, ArrayFunctions.Sum, ArrayFunctions.Equal, ArrayFunctions.Any, ArrayFunctions.AsType, ArrayFunctions.Multiply, ArrayFunctions.Divide, ArrayFunctions.Reshape, ArrayFunctions.BroadcastTo, ArrayFunctions.Copy]),
            new("divmod", "Np.Divmod", [ArrayFunctions.FloorDivide, ArrayFunctions.Remainder]),
            new("modf", "Np.Modf", [ArrayFunctions.AsType, ArrayFunctions.Trunc, ArrayFunctions.Copysign, ArrayFunctions.Where, ArrayFunctions.IsInf, ArrayFunctions.Subtract]),
            new("frexp", "Np.Frexp", [ArrayFunctions.AsType, ArrayFunctions.LogicalAnd, ArrayFunctions.IsFinite, ArrayFunctions.NotEqual, ArrayFunctions.Where, ArrayFunctions.Abs, ArrayFunctions.Add, ArrayFunctions.Floor, ArrayFunctions.Log2, ArrayFunctions.Divide, ArrayFunctions.Exp2, ArrayFunctions.Subtract, ArrayFunctions.GreaterEqual, ArrayFunctions.Less, ArrayFunctions.Multiply, ArrayFunctions.Copysign]),
            new("ldexp", "Np.Ldexp", [ArrayFunctions.AsType, ArrayFunctions.Floor, ArrayFunctions.Divide, ArrayFunctions.Exp2, ArrayFunctions.Subtract, ArrayFunctions.Multiply]),
            new("sinc", "Np.Sinc", [ArrayFunctions.AsType, ArrayFunctions.Multiply, ArrayFunctions.Where, ArrayFunctions.Equal, ArrayFunctions.Sin, ArrayFunctions.Divide]),
            new("i0", "Np.I0", [ArrayFunctions.AsType, ArrayFunctions.Abs, ArrayFunctions.Multiply, ArrayFunctions.Exp, ArrayFunctions.FullLike, ArrayFunctions.Subtract, ArrayFunctions.Add, ArrayFunctions.Divide, ArrayFunctions.Sqrt, ArrayFunctions.Where, ArrayFunctions.LessEqual, ArrayFunctions.Stack, ArrayFunctions.Sum, ArrayFunctions.ExpandDims, ArrayFunctions.GetItem]),
            new("interp", "Np.Interp", [ArrayFunctions.AsType, ArrayFunctions.Ravel, ArrayFunctions.Remainder, ArrayFunctions.Argsort, ArrayFunctions.Take, ArrayFunctions.Concatenate, ArrayFunctions.Subtract, ArrayFunctions.GetItem, ArrayFunctions.Add, ArrayFunctions.Less, ArrayFunctions.Greater, ArrayFunctions.Where, ArrayFunctions.BroadcastTo, ArrayFunctions.Clip, ArrayFunctions.SearchSorted, ArrayFunctions.Divide, ArrayFunctions.Multiply, ArrayFunctions.IsNaN, ArrayFunctions.LogicalAnd, ArrayFunctions.Equal]),
            new("digitize", "Np.Digitize", [ArrayFunctions.GetItem, ArrayFunctions.All, ArrayFunctions.GreaterEqual, ArrayFunctions.LessEqual, ArrayFunctions.SearchSorted, ArrayFunctions.Subtract, ArrayFunctions.Flip]),
            new("bincount", "Np.Bincount", [ArrayFunctions.Full, ArrayFunctions.AsType, ArrayFunctions.Min, ArrayFunctions.Max, ArrayFunctions.Arange, ArrayFunctions.Sort, ArrayFunctions.SearchSorted, ArrayFunctions.Subtract, ArrayFunctions.Argsort, ArrayFunctions.Take, ArrayFunctions.Cumsum, ArrayFunctions.Ravel, ArrayFunctions.Concatenate]),
            new("convolve", "Np.Convolve", [ArrayFunctions.Reshape, ArrayFunctions.Flip, ArrayFunctions.GetItem, ArrayFunctions.Conjugate, ArrayFunctions.Full, ArrayFunctions.Concatenate, ArrayFunctions.Arange, ArrayFunctions.Take, ArrayFunctions.Add, ArrayFunctions.MatMul, ArrayFunctions.Multiply, ArrayFunctions.Where, ArrayFunctions.LogicalAnd, ArrayFunctions.GreaterEqual, ArrayFunctions.Less, ArrayFunctions.Clip]),
            new("correlate", "Np.Correlate", [ArrayFunctions.Reshape, ArrayFunctions.Flip, ArrayFunctions.GetItem, ArrayFunctions.Conjugate, ArrayFunctions.Full, ArrayFunctions.Concatenate, ArrayFunctions.Arange, ArrayFunctions.Take, ArrayFunctions.Add, ArrayFunctions.MatMul, ArrayFunctions.Multiply, ArrayFunctions.Where, ArrayFunctions.LogicalAnd, ArrayFunctions.GreaterEqual, ArrayFunctions.Less, ArrayFunctions.Clip]),
            new("geomspace", "Np.Geomspace", [ArrayFunctions.Linspace, ArrayFunctions.Power, ArrayFunctions.Full, ArrayFunctions.GetItem, ArrayFunctions.Concatenate, ArrayFunctions.Negative, ArrayFunctions.AsType]),
            new("logspace", "Np.Logspace", [ArrayFunctions.Linspace, ArrayFunctions.Power, ArrayFunctions.AsType]),
            new("gradient", "Np.Gradient", [ArrayFunctions.AsType, ArrayFunctions.GetItem, ArrayFunctions.Subtract, ArrayFunctions.Divide, ArrayFunctions.Multiply, ArrayFunctions.Add, ArrayFunctions.Concatenate]),
            new("ediff1d", "Np.Ediff1d", [ArrayFunctions.Ravel, ArrayFunctions.GetItem, ArrayFunctions.Subtract, ArrayFunctions.AsType, ArrayFunctions.Full, ArrayFunctions.Concatenate]),
            new("trapz", "Np.Trapz", [ArrayFunctions.GetItem, ArrayFunctions.Add, ArrayFunctions.Multiply, ArrayFunctions.Subtract, ArrayFunctions.Reshape, ArrayFunctions.Divide, ArrayFunctions.Sum]),
            new("unwrap", "Np.Unwrap", [ArrayFunctions.AsType, ArrayFunctions.GetItem, ArrayFunctions.Subtract, ArrayFunctions.Add, ArrayFunctions.Remainder, ArrayFunctions.Where, ArrayFunctions.LogicalAnd, ArrayFunctions.Equal, ArrayFunctions.Greater, ArrayFunctions.Less, ArrayFunctions.Abs, ArrayFunctions.Copy, ArrayFunctions.Cumsum, ArrayFunctions.Concatenate]),
            new("vander", "Np.Vander", [ArrayFunctions.Full, ArrayFunctions.AsType, ArrayFunctions.Reshape, ArrayFunctions.BroadcastTo, ArrayFunctions.Cumprod, ArrayFunctions.Concatenate, ArrayFunctions.Flip]),
            new("polyval", "Np.Polyval", [ArrayFunctions.FullLike, ArrayFunctions.Multiply, ArrayFunctions.Add, ArrayFunctions.GetItem]),
            new("polyfit", "Np.Polyfit", [ArrayFunctions.Full, ArrayFunctions.AsType, ArrayFunctions.Reshape, ArrayFunctions.BroadcastTo, ArrayFunctions.Cumprod, ArrayFunctions.Concatenate, ArrayFunctions.Flip, ArrayFunctions.Multiply, ArrayFunctions.Real, ArrayFunctions.Conjugate, ArrayFunctions.Sqrt, ArrayFunctions.Sum, ArrayFunctions.Divide, ArrayFunctions.Lstsq]),
            new("select", "Np.Select", [ArrayFunctions.Where]),
            new("lexsort", "Np.Lexsort", [ArrayFunctions.Argsort, ArrayFunctions.GetItem, ArrayFunctions.Arange, ArrayFunctions.Reshape, ArrayFunctions.Full]),
            new("sort_complex", "Np.SortComplex", [ArrayFunctions.Sort, ArrayFunctions.AsType]),
            new("hamming", "Np.Hamming", [ArrayFunctions.Full, ArrayFunctions.Arange, ArrayFunctions.Multiply, ArrayFunctions.Divide, ArrayFunctions.Cos, ArrayFunctions.Add]),
            new("hanning", "Np.Hanning", [ArrayFunctions.Full, ArrayFunctions.Arange, ArrayFunctions.Multiply, ArrayFunctions.Divide, ArrayFunctions.Cos, ArrayFunctions.Add]),
            new("blackman", "Np.Blackman", [ArrayFunctions.Full, ArrayFunctions.Arange, ArrayFunctions.Multiply, ArrayFunctions.Divide, ArrayFunctions.Cos, ArrayFunctions.Add]),
            new("bartlett", "Np.Bartlett", [ArrayFunctions.Full, ArrayFunctions.Arange, ArrayFunctions.Where, ArrayFunctions.LessEqual, ArrayFunctions.Add, ArrayFunctions.Divide, ArrayFunctions.Subtract]),
            new("kaiser", "Np.Kaiser", [ArrayFunctions.Full, ArrayFunctions.Arange, ArrayFunctions.Multiply, ArrayFunctions.Sqrt, ArrayFunctions.Subtract, ArrayFunctions.Square, ArrayFunctions.Divide, ArrayFunctions.AsType, ArrayFunctions.Abs, ArrayFunctions.Exp, ArrayFunctions.FullLike, ArrayFunctions.Add, ArrayFunctions.Where, ArrayFunctions.LessEqual, ArrayFunctions.Stack, ArrayFunctions.Sum, ArrayFunctions.ExpandDims, ArrayFunctions.GetItem]),
        };
        return list.ToDictionary(c => c.Name, StringComparer.Ordinal);
    }
}

/// <summary>A name the <see cref="Np"/> facade composes (<see cref="ComposedFunctions"/>).</summary>
/// <param name="Name">NumPy's name, <c>linalg.</c>-qualified in that namespace.</param>
/// <param name="Member">The facade member, e.g. <c>Np.Linalg.MatrixNorm</c>.</param>
/// <param name="Requires">The catalogue functions it calls.</param>
public sealed record ComposedFunction(string Name, string Member, IReadOnlyList<ArrayFunction> Requires);

/// <summary>The namespace of a name of the array API standard.</summary>
public enum ArrayApiNamespace
{
    /// <summary>The main namespace (<c>xp.add</c>).</summary>
    Main,
    /// <summary>The <c>linalg</c> extension (<c>xp.linalg.svd</c>).</summary>
    Linalg,
}

/// <summary>One name of the array API standard and the protocol member that serves it.</summary>
/// <param name="Name">The standard's name, <c>linalg.</c>-qualified in that extension.</param>
/// <param name="Namespace">The main namespace or <c>linalg</c>.</param>
/// <param name="ServedBy">
/// The protocol member: a catalogue function (<c>function 'add'</c>), a facade composition (<c>Np.Linalg.Cross</c>), a
/// dtype (<c>DType.Int8</c>) or a facade member that needs no backend (<c>Np.FInfo</c>); <see langword="null"/> when the
/// protocol lacks the name.
/// </param>
/// <param name="Requires">The catalogue functions a backend must declare to serve the name (none for dtypes and dtype functions).</param>
public sealed record ArrayApiName(string Name, ArrayApiNamespace Namespace, string? ServedBy, IReadOnlyList<ArrayFunction> Requires);

/// <summary>How many of the standard's names are served (by the protocol, or by one backend), and which are not.</summary>
/// <param name="Served">Names served.</param>
/// <param name="Total">Names in the standard.</param>
/// <param name="MainServed">Names of the main namespace served.</param>
/// <param name="LinalgServed">Names of the <c>linalg</c> extension served.</param>
/// <param name="Missing">The names not served, in the standard's order.</param>
public sealed record ArrayApiCoverage(int Served, int Total, int MainServed, int LinalgServed, IReadOnlyList<string> Missing)
{
    /// <summary>The coverage line the CLI prints: <c>array API standard 2023.12: 164/164 names (main 141, linalg 23)</c>.</summary>
    public override string ToString() => $"array API standard {ArrayApiStandard.Version}: {Served}/{Total} names (main {MainServed}, linalg {LinalgServed})";
}

/// <summary>
/// The Python array API standard, version 2023.12: every function of the main namespace and of the <c>linalg</c>
/// extension, and the thirteen data types, each with the protocol member that serves it. <c>conformance</c> and
/// <c>backends --functions</c> print the coverage this gives, for the protocol and for each backend.
/// </summary>
public static class ArrayApiStandard
{
    /// <summary>The version of the standard listed.</summary>
    public const string Version = "2023.12";

    // The standard's lists, in its order (https://data-apis.org/array-api/2023.12/API_specification/).
    private static readonly string[] s_main =
    [
        // creation functions
        "arange", "asarray", "empty", "empty_like", "eye", "from_dlpack", "full", "full_like", "linspace", "meshgrid",
        "ones", "ones_like", "tril", "triu", "zeros", "zeros_like",
        // data type functions
        "astype", "can_cast", "finfo", "iinfo", "isdtype", "result_type",
        // data types
        "bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64",
        "complex64", "complex128",
        // element-wise functions
        "abs", "acos", "acosh", "add", "asin", "asinh", "atan", "atan2", "atanh", "bitwise_and", "bitwise_left_shift",
        "bitwise_invert", "bitwise_or", "bitwise_right_shift", "bitwise_xor", "ceil", "clip", "conj", "copysign", "cos",
        "cosh", "divide", "equal", "exp", "expm1", "floor", "floor_divide", "greater", "greater_equal", "hypot", "imag",
        "isfinite", "isinf", "isnan", "less", "less_equal", "log", "log1p", "log2", "log10", "logaddexp", "logical_and",
        "logical_not", "logical_or", "logical_xor", "maximum", "minimum", "multiply", "negative", "not_equal", "positive",
        "pow", "real", "remainder", "round", "sign", "signbit", "sin", "sinh", "square", "sqrt", "subtract", "tan", "tanh",
        "trunc",
        // indexing functions
        "take",
        // inspection
        "__array_namespace_info__",
        // linear algebra functions
        "matmul", "matrix_transpose", "tensordot", "vecdot",
        // manipulation functions
        "broadcast_arrays", "broadcast_to", "concat", "expand_dims", "flip", "moveaxis", "permute_dims", "repeat",
        "reshape", "roll", "squeeze", "stack", "tile", "unstack",
        // searching functions
        "argmax", "argmin", "nonzero", "searchsorted", "where",
        // set functions
        "unique_all", "unique_counts", "unique_inverse", "unique_values",
        // sorting functions
        "argsort", "sort",
        // statistical functions
        "cumulative_sum", "max", "mean", "min", "prod", "std", "sum", "var",
        // utility functions
        "all", "any",
    ];

    private static readonly string[] s_linalg =
    [
        "cholesky", "cross", "det", "diagonal", "eigh", "eigvalsh", "inv", "matmul", "matrix_norm", "matrix_power",
        "matrix_rank", "matrix_transpose", "outer", "pinv", "qr", "slogdet", "solve", "svd", "svdvals", "tensordot",
        "trace", "vecdot", "vector_norm",
    ];

    // Names served by the protocol itself, with no backend: the dtypes and the dtype functions over them.
    private static readonly Dictionary<string, string> s_protocolOnly = new(StringComparer.Ordinal)
    {
        ["can_cast"] = "Np.CanCast", ["finfo"] = "Np.FInfo", ["iinfo"] = "Np.IInfo", ["isdtype"] = "Np.IsDType",
        ["result_type"] = "Np.ResultType", ["__array_namespace_info__"] = "Np.ArrayNamespaceInfo",
        ["bool"] = "DType.Bool", ["int8"] = "DType.Int8", ["int16"] = "DType.Int16", ["int32"] = "DType.Int32",
        ["int64"] = "DType.Int64", ["uint8"] = "DType.UInt8", ["uint16"] = "DType.UInt16", ["uint32"] = "DType.UInt32",
        ["uint64"] = "DType.UInt64", ["float32"] = "DType.Float32", ["float64"] = "DType.Float64",
        ["complex64"] = "DType.Complex64", ["complex128"] = "DType.Complex128",
    };

    private static readonly Lazy<ArrayApiName[]> s_names = new(Build);

    /// <summary>Every name of the standard (main namespace first, then <c>linalg</c>), with the member that serves it.</summary>
    public static IReadOnlyList<ArrayApiName> Names => s_names.Value;

    /// <summary>How much of the standard the protocol serves: the names with a member, whatever the backends.</summary>
    public static ArrayApiCoverage Protocol => Coverage(n => n.ServedBy is not null);

    /// <summary>
    /// How much of the standard a backend serves, given the functions it declares (<c>IArrayDispatcher.FunctionsOf</c>):
    /// a name is served when the protocol has it and the backend declares every catalogue function it needs.
    /// </summary>
    public static ArrayApiCoverage CoverageOf(IReadOnlyCollection<string> declaredFunctions)
    {
        ArgumentNullException.ThrowIfNull(declaredFunctions);
        var declared = declaredFunctions as IReadOnlySet<string> ?? new HashSet<string>(declaredFunctions, StringComparer.Ordinal);
        return Coverage(n => n.ServedBy is not null && n.Requires.All(f => declared.Contains(f.Name)));
    }

    /// <summary>
    /// Whether a backend declaring <paramref name="declaredFunctions"/> serves <paramref name="name"/>: a catalogue
    /// function (or alias) it declares, or a composition (<see cref="ComposedFunctions"/>) whose functions it declares all.
    /// </summary>
    public static bool Serves(IReadOnlyCollection<string> declaredFunctions, string name)
    {
        ArgumentNullException.ThrowIfNull(declaredFunctions);
        if (ComposedFunctions.TryGet(name, out ComposedFunction? composed)) return composed.Requires.All(f => declaredFunctions.Contains(f.Name));
        return FunctionCatalog.TryGet(name, out ArrayFunction function) && declaredFunctions.Contains(function.Name);
    }

    private static ArrayApiCoverage Coverage(Func<ArrayApiName, bool> served)
    {
        ArrayApiName[] names = s_names.Value;
        var missing = names.Where(n => !served(n)).Select(n => n.Name).ToArray();
        int main = names.Count(n => n.Namespace == ArrayApiNamespace.Main && served(n));
        int linalg = names.Count(n => n.Namespace == ArrayApiNamespace.Linalg && served(n));
        return new ArrayApiCoverage(main + linalg, names.Length, main, linalg, missing);
    }

    private static ArrayApiName[] Build() =>
    [
        .. s_main.Select(n => Resolve(n, ArrayApiNamespace.Main)),
        .. s_linalg.Select(n => Resolve("linalg." + n, ArrayApiNamespace.Linalg)),
    ];

    private static ArrayApiName Resolve(string name, ArrayApiNamespace ns)
    {
        if (s_protocolOnly.TryGetValue(name, out string? member)) return new(name, ns, member, []);
        if (ComposedFunctions.TryGet(name, out ComposedFunction? composed)) return new(name, ns, composed.Member, composed.Requires);
        if (FunctionCatalog.TryGet(name, out ArrayFunction function)) return new(name, ns, $"function '{function.Name}'", [function]);
        return new(name, ns, null, []);
    }
}
