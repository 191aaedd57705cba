using System.Text.Json;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;
using ArrayDispatch.Interchange;

namespace ArrayDispatch.Fixtures;

/// <summary>Turns a manifest entry into the matching <see cref="Np"/> call on one backend.</summary>
internal sealed partial class FixtureCall(string directory, string backend)
{
    /// <summary>Loads an input file as a host buffer (a SciPy sparse <c>.npz</c> as its dense matrix).</summary>
    /// <exception cref="FixtureFileException">The file is missing, truncated, not an array file, or holds a dtype the protocol lacks.</exception>
    public HostBuffer LoadBuffer(string file)
    {
        string path = Path.Combine(directory, file);
        try
        {
            return file.EndsWith(".npz", StringComparison.Ordinal) ? NpyArchive.Read(path).ToDense() : NpyFormat.Read(path);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException or OverflowException or UnauthorizedAccessException)
        {
            throw new FixtureFileException(file, ex);
        }
    }

    // An argument loads as Np.Load loads it: a Fortran-ordered file (np.asfortranarray's) as a Fortran-ordered array.
    private NDArray Array(JsonElement e)
    {
        string file = e.GetString()!;
        if (file.EndsWith(".npz", StringComparison.Ordinal)) return Np.AsArray(LoadBuffer(file), backend);
        try
        {
            return Np.Load(Path.Combine(directory, file), backend);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or NotSupportedException or ArgumentException or OverflowException or UnauthorizedAccessException)
        {
            throw new FixtureFileException(file, ex);
        }
    }

    private Operand Operand(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Number when e.TryGetInt64(out long l) && !e.GetRawText().Contains('.') => Scalar.Integer(l),
        JsonValueKind.Number => Scalar.Float(e.GetDouble()),
        JsonValueKind.True => Scalar.Bool(true),
        JsonValueKind.False => Scalar.Bool(false),
        _ => Array(e),
    };

    private static Scalar ScalarOf(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out long l) && !e.GetRawText().Contains('.') ? Scalar.Integer(l) : Scalar.Float(e.GetDouble());

    private static int[] Ints(JsonElement e) => e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().Select(x => x.GetInt32()).ToArray() : [e.GetInt32()];

    private static Axes AxesOf(IReadOnlyDictionary<string, JsonElement> kw, string name = "axis") =>
        !kw.TryGetValue(name, out JsonElement e) || e.ValueKind == JsonValueKind.Null ? Axes.All
        : e.ValueKind == JsonValueKind.Array ? Axes.Of(Ints(e)) : Axes.Of(e.GetInt32());

    // The input of an order='A' or 'K' call, whose answer depends on the memory order NumPy saved it in: a backend whose
    // arrays have no strides (chunked, sparse) reads them in C order, so a Fortran-ordered input is declined there.
    private NDArray LaidOut(JsonElement e, MemoryOrder order)
    {
        NDArray x = Array(e);
        if (order is MemoryOrder.A or MemoryOrder.K && x.MemoryLayout is null && x.Rank >= 2)
        {
            HostBuffer file = LoadBuffer(e.GetString()!);
            if (!file.Strides.AsSpan().SequenceEqual(file.Shape.ContiguousStrides()))
            {
                throw new NotSupportedException($"order '{order}' reads the memory order of a Fortran-ordered input; arrays of backend '{x.Backend}' have none (they are read in C order)");
            }
        }
        return x;
    }

    // NumPy's order letter ('C', 'F', 'A', 'K').
    private static MemoryOrder Order(IReadOnlyDictionary<string, JsonElement> kw) => Enum.Parse<MemoryOrder>(kw["order"].GetString()!);

    private static int? IntOpt(IReadOnlyDictionary<string, JsonElement> kw, string name, int? fallback) =>
        !kw.TryGetValue(name, out JsonElement e) ? fallback : e.ValueKind == JsonValueKind.Null ? null : e.GetInt32();

    private static double? DoubleOpt(IReadOnlyDictionary<string, JsonElement> kw, string name) =>
        kw.TryGetValue(name, out JsonElement e) && e.ValueKind == JsonValueKind.Number ? e.GetDouble() : null;

    private static bool Bool(IReadOnlyDictionary<string, JsonElement> kw, string name, bool fallback) =>
        kw.TryGetValue(name, out JsonElement e) && e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : fallback;

    /// <summary>getitem/setitem's index: ints, <c>[start, stop, step]</c> slices, "newaxis", "ellipsis", array files.</summary>
    private ArrayIndex[] Index(JsonElement items) => items.EnumerateArray().Select(i => i.ValueKind switch
    {
        JsonValueKind.Number => (ArrayIndex)i.GetInt32(),
        JsonValueKind.Array => new Slice(NullableInt(i[0]), NullableInt(i[1]), NullableInt(i[2])),
        JsonValueKind.String when i.GetString() == "newaxis" => ArrayIndex.NewAxis,
        JsonValueKind.String when i.GetString() == "ellipsis" => ArrayIndex.Ellipsis,
        _ => (ArrayIndex)Array(i),
    }).ToArray();

    private static string Uplo(IReadOnlyDictionary<string, JsonElement> kw) => kw.TryGetValue("UPLO", out JsonElement e) ? e.GetString()! : "L";

    private static int? NullableInt(JsonElement e) => e.ValueKind == JsonValueKind.Null ? null : e.GetInt32();

    /// <summary>A plugin function's options (<see cref="Np.Call"/>): kwargs as .NET values, <c>path</c> resolved in the fixture folder.</summary>
    private Dictionary<string, object?> Options(IReadOnlyDictionary<string, JsonElement> kw) => kw.ToDictionary(
        p => p.Key,
        p => p.Key == "path" ? Path.Combine(directory, p.Value.GetString()!) : p.Value.ValueKind switch
        {
            JsonValueKind.String => p.Value.GetString(),
            JsonValueKind.True or JsonValueKind.False => p.Value.GetBoolean(),
            JsonValueKind.Number when p.Value.TryGetInt64(out long l) => l,
            JsonValueKind.Number => p.Value.GetDouble(),
            JsonValueKind.Null => null,
            _ => (object?)p.Value,
        });

    private static DType? DTypeOpt(IReadOnlyDictionary<string, JsonElement> kw) =>
        kw.TryGetValue("dtype", out JsonElement e) && e.ValueKind == JsonValueKind.String ? DTypes.Parse(e.GetString()!) : null;

    /// <summary>Calls the case's function; tuple results come back as several arrays.</summary>
    /// <exception cref="NotSupportedException">The runner does not know how to call the function.</exception>
    public NDArray[] Invoke(FixtureCase c)
    {
        IReadOnlyList<JsonElement> a = c.Args;
        IReadOnlyDictionary<string, JsonElement> kw = c.Kwargs;
        NDArray X() => Array(a[0]);
        if (TryInvokeArrayApi(c, out NDArray[] composed)) return composed;
        switch (c.Function)
        {
            case "sum" or "prod" or "mean" or "var" or "std" or "min" or "max" or "any" or "all" or "count_nonzero" or "nansum" or "nanmean":
            {
                var f = (ArrayFunction<ReductionArgs, NDArray>)Get(c.Function);
                return [Np.Dispatcher.Invoke(f, new ReductionArgs(X(), AxesOf(kw), Bool(kw, "keepdims", false), DTypeOpt(kw), IntOpt(kw, "ddof", 0) ?? 0))];
            }
            case "argmin": return [Np.Argmin(X(), IntOpt(kw, "axis", null), Bool(kw, "keepdims", false))];
            case "argmax": return [Np.Argmax(X(), IntOpt(kw, "axis", null), Bool(kw, "keepdims", false))];
            case "cumsum": return [Np.Cumsum(X(), IntOpt(kw, "axis", null), DTypeOpt(kw))];
            case "cumprod": return [Np.Cumprod(X(), IntOpt(kw, "axis", null), DTypeOpt(kw))];
            case "trace": return [Np.Trace(X(), IntOpt(kw, "offset", 0) ?? 0)];
            case "diagonal": return [Np.Diagonal(X(), IntOpt(kw, "offset", 0) ?? 0)];
            case "swapaxes": return [Np.SwapAxes(X(), a[1].GetInt32(), a[2].GetInt32())];
            case "moveaxis": return [Np.MoveAxis(X(), Ints(a[1]), Ints(a[2]))];
            case "split":
                return a[1].ValueKind == JsonValueKind.Array ? Np.Split(X(), Ints(a[1]), IntOpt(kw, "axis", 0) ?? 0) : Np.Split(X(), a[1].GetInt32(), IntOpt(kw, "axis", 0) ?? 0);
            case "getitem": return [Np.GetItem(X(), Index(kw["index"]))];
            case "setitem":
            {
                NDArray x = X();
                Np.SetItem(x, Index(kw["index"]), Operand(kw["value"]));
                return [x];
            }
            case "asarray": return [X()];
            case "full": return [Np.Full(Ints(a[0]), ScalarOf(a[1]), DTypeOpt(kw), backend)];
            case "full_like": return [Np.FullLike(X(), ScalarOf(a[1]), DTypeOpt(kw))];
            case "meshgrid":
                return Np.Meshgrid(a[0].EnumerateArray().Select(Array).ToArray(), kw.TryGetValue("indexing", out JsonElement ix) && ix.GetString() == "ij");
            case "linalg.eig":
            {
                EigResult r = Np.Linalg.Eig(X());
                return [r.Eigenvalues, r.Eigenvectors];
            }
            case "reshape": return [kw.ContainsKey("order") ? Np.Reshape(LaidOut(a[0], Order(kw)), Ints(a[1]), Order(kw)) : Np.Reshape(X(), Ints(a[1]))];
            case "ravel": return [kw.ContainsKey("order") ? Np.Ravel(LaidOut(a[0], Order(kw)), Order(kw)) : Np.Ravel(X())];
            case "broadcast_to": return [Np.BroadcastTo(X(), Ints(a[1]))];
            case "transpose": return [kw.TryGetValue("axes", out JsonElement ax) && ax.ValueKind == JsonValueKind.Array ? Np.Transpose(X(), Ints(ax)) : Np.Transpose(X())];
            case "concatenate": return [Np.Concatenate(a[0].EnumerateArray().Select(Array).ToArray(), IntOpt(kw, "axis", 0))];
            case "stack": return [Np.Stack(a[0].EnumerateArray().Select(Array).ToArray(), IntOpt(kw, "axis", 0) ?? 0)];
            case "squeeze": return [Np.Squeeze(X(), AxesOf(kw))];
            case "expand_dims": return [Np.ExpandDims(X(), AxesOf(kw))];
            case "flip": return [Np.Flip(X(), AxesOf(kw))];
            case "roll": return [Np.Roll(X(), a[1].GetInt32(), AxesOf(kw))];
            case "where": return [Np.Where(Operand(a[0]), Operand(a[1]), Operand(a[2]))];
            case "clip": return [Np.Clip(X(), Operand(a[1]), Operand(a[2]))];
            case "astype":
                Casting casting = kw.TryGetValue("casting", out JsonElement rule) ? DTypes.ParseCasting(rule.GetString()!) : Casting.Unsafe;
                return [Np.AsType(X(), DTypes.Parse(a[1].GetString()!), casting)];
            case "take": return [Np.Take(X(), Array(a[1]), IntOpt(kw, "axis", null))];
            case "tile": return [Np.Tile(X(), Ints(a[1]))];
            case "repeat": return [Np.Repeat(X(), a[1].GetInt32(), IntOpt(kw, "axis", null))];
            case "tril": return [Np.Tril(X(), IntOpt(kw, "k", 0) ?? 0)];
            case "triu": return [Np.Triu(X(), IntOpt(kw, "k", 0) ?? 0)];
            case "arange": return [a.Count == 1 ? Np.Arange(0L, ScalarOf(a[0]), 1L, DTypeOpt(kw), backend) : Np.Arange(ScalarOf(a[0]), ScalarOf(a[1]), a.Count > 2 ? ScalarOf(a[2]) : 1L, DTypeOpt(kw), backend)];
            case "linspace": return [Np.Linspace(a[0].GetDouble(), a[1].GetDouble(), a.Count > 2 ? a[2].GetInt32() : IntOpt(kw, "num", 50) ?? 50, Bool(kw, "endpoint", true), DTypeOpt(kw), backend)];
            case "eye": return [Np.Eye(a[0].GetInt32(), a.Count > 1 ? a[1].GetInt32() : null, IntOpt(kw, "k", 0) ?? 0, DTypeOpt(kw) ?? DType.Float64, backend)];
            case "sort": return [Np.Sort(X(), IntOpt(kw, "axis", -1))];
            case "argsort": return [Np.Argsort(X(), IntOpt(kw, "axis", -1))];
            case "unique":
            {
                UniqueResult u = Np.Unique(X(), Bool(kw, "return_index", false), Bool(kw, "return_inverse", false), Bool(kw, "return_counts", false), Bool(kw, "equal_nan", true));
                return new[] { u.Values, u.Indices, u.Inverse, u.Counts }.Where(x => x is not null).ToArray()!;
            }
            case "nonzero": return Np.Nonzero(X());
            case "argwhere": return [Np.Argwhere(X())];
            case "searchsorted":
                return [Np.SearchSorted(X(), Array(a[1]), kw.TryGetValue("side", out JsonElement side) && side.GetString() == "right")];
            case "matmul" or "linalg.matmul": return [Np.MatMul(X(), Array(a[1]))];
            case "dot": return [Np.Dot(X(), Array(a[1]))];
            case "vecdot" or "linalg.vecdot": return [Np.VecDot(X(), Array(a[1]))];
            case "vdot": return [Np.Vdot(X(), Array(a[1]))];
            case "outer" or "linalg.outer": return [Np.Outer(X(), Array(a[1]))];
            case "kron": return [Np.Kron(X(), Array(a[1]))];
            case "tensordot" or "linalg.tensordot":
                return [Np.Tensordot(X(), Array(a[1]), kw.TryGetValue("axes", out JsonElement tx) ? tx.GetInt32() : 2)];
            case "einsum": return [Np.Einsum(a[0].GetString()!, a.Skip(1).Select(Array).ToArray())];
            case "linalg.svd":
            {
                bool uv = Bool(kw, "compute_uv", true);
                SvdResult r = Np.Linalg.Svd(X(), Bool(kw, "full_matrices", true), uv);
                return uv ? [r.U!, r.S, r.Vh!] : [r.S];
            }
            case "linalg.qr":
            {
                QrMode mode = kw.TryGetValue("mode", out JsonElement qm) ? qm.GetString() switch
                {
                    "complete" => QrMode.Complete,
                    "r" => QrMode.R,
                    _ => QrMode.Reduced,
                } : QrMode.Reduced;
                QrResult r = Np.Linalg.Qr(X(), mode);
                return mode == QrMode.R ? [r.R] : [r.Q!, r.R];
            }
            case "linalg.cholesky": return [Np.Linalg.Cholesky(X(), Bool(kw, "upper", false))];
            case "linalg.solve": return [Np.Linalg.Solve(X(), Array(a[1]))];
            case "linalg.inv": return [Np.Linalg.Inv(X())];
            case "linalg.det": return [Np.Linalg.Det(X())];
            case "linalg.slogdet":
            {
                SlogdetResult r = Np.Linalg.Slogdet(X());
                return [r.Sign, r.LogAbsDet];
            }
            case "linalg.eigh":
            {
                EighResult r = Np.Linalg.Eigh(X(), Uplo(kw));
                return [r.Eigenvalues, r.Eigenvectors];
            }
            case "linalg.eigvalsh": return [Np.Linalg.Eigvalsh(X(), Uplo(kw))];
            case "linalg.lstsq":
            {
                double? rcond = kw.TryGetValue("rcond", out JsonElement rc) && rc.ValueKind == JsonValueKind.Number ? rc.GetDouble() : null;
                LstsqResult r = Np.Linalg.Lstsq(X(), Array(a[1]), rcond);
                // NumPy's four results when the case expects them (the rank as a 0-d int64), else the solution alone.
                return c.Expected.Count == 4
                    ? [r.Solution, r.Residuals, Np.AsArray(HostBuffer.FromContiguous(new long[] { r.Rank }, new Shape()), backend), r.SingularValues]
                    : [r.Solution];
            }
            case "linalg.pinv": return [Np.Linalg.Pinv(X(), DoubleOpt(kw, "rcond"))];
            case "linalg.matrix_rank": return [Np.Linalg.MatrixRank(X(), DoubleOpt(kw, "tol"))];
            case "linalg.norm":
            {
                NormOrder ord = default;
                if (kw.TryGetValue("ord", out JsonElement o))
                {
                    ord = o.ValueKind switch
                    {
                        JsonValueKind.String => o.GetString() switch
                        {
                            "inf" => double.PositiveInfinity,   // JSON has no infinity: the generator writes these two as strings
                            "-inf" => double.NegativeInfinity,
                            var name => (NormOrder)name!,
                        },
                        JsonValueKind.Number => o.GetDouble(),
                        _ => default,
                    };
                }
                return [Np.Linalg.Norm(X(), ord, AxesOf(kw), Bool(kw, "keepdims", false))];
            }
        }
        if (c.Function.StartsWith("fft.", StringComparison.Ordinal)) return [InvokeFft(c)];
        ArrayFunction f0 = Get(c.Function);
        if (f0 is ArrayFunction<UnaryArgs, NDArray> unary) return [Np.Dispatcher.Invoke(unary, new UnaryArgs(X()))];
        if (f0 is ArrayFunction<BinaryArgs, NDArray> binary) return [Np.Dispatcher.Invoke(binary, new BinaryArgs(Operand(a[0]), Operand(a[1])))];
        if (f0 is ArrayFunction<ArrayArgs, NDArray> single) return [Np.Dispatcher.Invoke(single, new ArrayArgs(X()))];
        if (f0 is ArrayFunction<CallArgs, NDArray[]>)
        {
            // A plugin's own function (sparse.mmread, ...): creation functions go to the backend under test.
            using (Np.UseBackend(backend)) return Np.Call(c.Function, a.Select(Array).ToArray(), Options(kw));
        }
        throw new NotSupportedException($"the fixture runner does not know how to call '{c.Function}'");
    }

    private static ArrayFunction Get(string name) =>
        FunctionCatalog.TryGet(name, out ArrayFunction f) ? f : throw new NotSupportedException($"'{name}' is not a protocol function");
}
