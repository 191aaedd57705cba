using System.Text.Json;
using ArrayDispatch.Interchange;
using ArrayDispatch.Sparse.Tests.Infrastructure;

namespace ArrayDispatch.Sparse.Tests.Fixtures;

/// <summary>
/// Runs NumPy/SciPy fixture cases with every array input converted to a sparse array (what the conformance command does
/// for the Sparse backend): passed, skipped (declined by design: no implementation, or a refusal to densify), or failed.
/// </summary>
public static class FixtureRunner
{
    public enum Outcome { Passed, Skipped, Failed }

    public sealed record Result(string Id, Outcome Outcome, string Detail);

    public static IReadOnlyList<JsonElement> Cases()
    {
        string path = Path.Combine(Npy.FixtureDirectory, "manifest.json");
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone()).ToList();
    }

    public static Result Run(JsonElement c)
    {
        string id = c.GetProperty("id").GetString()!;
        string function = c.GetProperty("function").GetString()!;
        string check = c.GetProperty("check").GetString()!;
        object?[] args = c.GetProperty("args").EnumerateArray().Select(Load).ToArray();
        if (!args.Any(a => a is NDArray || a is NDArray[])) return new(id, Outcome.Skipped, "no array input");
        JsonElement kwargs = c.GetProperty("kwargs");
        object result;
        try
        {
            result = Call(function, args, kwargs) ?? throw new NotSupportedException($"the test runner does not map '{function}'");
        }
        catch (Exception ex) when (ex is NoImplementationException or NotSupportedException)
        {
            return new(id, Outcome.Skipped, ex.Message.Split('\n')[0]);
        }
        catch (Exception ex) when (check == "error")
        {
            string expected = c.GetProperty("error").GetString()!;
            bool ok = expected switch
            {
                "AxisError" => ex is AxisOutOfRangeException,
                "LinAlgError" => ex is LinAlgException,
                _ => ex is ArgumentException,
            };
            return new(id, ok ? Outcome.Passed : Outcome.Failed, $"{ex.GetType().Name}: {ex.Message}");
        }
        catch (Exception ex)
        {
            return new(id, Outcome.Failed, $"{ex.GetType().Name}: {ex.Message}");
        }
        if (check == "error") return new(id, Outcome.Failed, "expected an error");
        if (check is "svd" or "qr" or "eigh") return new(id, Outcome.Skipped, $"check '{check}' not run for sparse");
        NDArray[] actual = result is NDArray[] many ? many : [(NDArray)result];
        JsonElement expectedElement = c.GetProperty("expected");
        string[] expectedFiles = expectedElement.ValueKind == JsonValueKind.Array ? expectedElement.EnumerateArray().Select(e => e.GetString()!).ToArray() : [expectedElement.GetString()!];
        if (actual.Length != expectedFiles.Length) return new(id, Outcome.Failed, $"{actual.Length} results, expected {expectedFiles.Length}");
        double rtol = check == "exact" ? 0 : c.TryGetProperty("rtol", out JsonElement r) ? r.GetDouble() : 1e-12;
        double atol = check == "exact" ? 0 : c.TryGetProperty("atol", out JsonElement a) ? a.GetDouble() : 1e-12;
        for (int i = 0; i < actual.Length; i++)
        {
            HostBuffer expected = expectedFiles[i].EndsWith(".npz", StringComparison.Ordinal)
                ? Npy.ReadNpz(Path.Combine(Npy.FixtureDirectory, expectedFiles[i])).ToHost()
                : Npy.Read(Path.Combine(Npy.FixtureDirectory, expectedFiles[i]));
            if (actual[i].Shape != expected.Shape) return new(id, Outcome.Failed, $"shape {actual[i].Shape}, expected {expected.Shape}");
            double[] av = Values.Of(actual[i]), ev = Values.Of(expected);
            for (int k = 0; k < av.Length; k++)
            {
                if (double.IsNaN(ev[k]) && double.IsNaN(av[k])) continue;
                if (av[k] == ev[k]) continue;
                if (!(Math.Abs(av[k] - ev[k]) <= atol + rtol * Math.Abs(ev[k]))) return new(id, Outcome.Failed, $"element {k}: {av[k]}, expected {ev[k]}");
            }
        }
        return new(id, Outcome.Passed, "");
    }

    private static object? Load(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.String:
                string name = e.GetString()!;
                if (name.EndsWith(".npz", StringComparison.Ordinal)) return Npy.ReadNpz(Path.Combine(Npy.FixtureDirectory, name));
                if (name.EndsWith(".npy", StringComparison.Ordinal)) return ToSparse(Npy.Read(Path.Combine(Npy.FixtureDirectory, name)));
                return name;
            case JsonValueKind.Array:
                var items = e.EnumerateArray().Select(Load).ToArray();
                if (items.All(i => i is NDArray)) return items.Cast<NDArray>().ToArray();
                return items.Select(i => Convert.ToInt32(i, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            case JsonValueKind.Number:
                return e.TryGetInt64(out long l) && !e.GetRawText().Contains('.') ? l : e.GetDouble();
            case JsonValueKind.True:
            case JsonValueKind.False:
                return e.GetBoolean();
            default:
                return null;
        }
    }

    private static NDArray ToSparse(HostBuffer b) => Np.AsArray(new HostArray(b), backend: "Sparse");

    private static Operand Op(object? x) => x switch
    {
        NDArray a => a,
        long l => l,
        double d => d,
        bool b => b,
        _ => throw new NotSupportedException($"operand {x}"),
    };

    private static Axes Axis(JsonElement kwargs)
    {
        if (!kwargs.TryGetProperty("axis", out JsonElement a) || a.ValueKind == JsonValueKind.Null) return Axes.All;
        return a.ValueKind == JsonValueKind.Array ? Axes.Of(a.EnumerateArray().Select(x => x.GetInt32()).ToArray()) : Axes.Of(a.GetInt32());
    }

    private static bool Flag(JsonElement kwargs, string name) => kwargs.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.True;

    private static int Int(JsonElement kwargs, string name, int fallback) => kwargs.TryGetProperty(name, out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : fallback;

    private static object? Call(string f, object?[] args, JsonElement kw)
    {
        NDArray X() => (NDArray)args[0]!;
        int? OneAxis() => Axis(kw) is { IsAll: false } ax ? ax.Values[0] : null;
        return f switch
        {
            "add" => Np.Add(Op(args[0]), Op(args[1])),
            "subtract" => Np.Subtract(Op(args[0]), Op(args[1])),
            "multiply" => Np.Multiply(Op(args[0]), Op(args[1])),
            "divide" => Np.Divide(Op(args[0]), Op(args[1])),
            "maximum" => Np.Maximum(Op(args[0]), Op(args[1])),
            "minimum" => Np.Minimum(Op(args[0]), Op(args[1])),
            "power" => Np.Power(Op(args[0]), Op(args[1])),
            "equal" => Np.Equal(Op(args[0]), Op(args[1])),
            "less" => Np.Less(Op(args[0]), Op(args[1])),
            "greater_equal" => Np.GreaterEqual(Op(args[0]), Op(args[1])),
            "negative" => Np.Negative(X()), "abs" => Np.Abs(X()), "sqrt" => Np.Sqrt(X()), "exp" => Np.Exp(X()),
            "expm1" => Np.Expm1(X()), "log" => Np.Log(X()), "log1p" => Np.Log1p(X()), "log2" => Np.Log2(X()),
            "log10" => Np.Log10(X()), "sin" => Np.Sin(X()), "cos" => Np.Cos(X()), "tan" => Np.Tan(X()),
            "arcsin" => Np.Arcsin(X()), "arctan" => Np.Arctan(X()), "sinh" => Np.Sinh(X()), "cosh" => Np.Cosh(X()),
            "tanh" => Np.Tanh(X()), "floor" => Np.Floor(X()), "ceil" => Np.Ceil(X()), "trunc" => Np.Trunc(X()),
            "rint" => Np.Rint(X()), "sign" => Np.Sign(X()), "square" => Np.Square(X()), "isnan" => Np.IsNaN(X()),
            "isfinite" => Np.IsFinite(X()),
            "sum" => Np.Sum(X(), Axis(kw), Flag(kw, "keepdims")),
            "prod" => Np.Prod(X(), Axis(kw), Flag(kw, "keepdims")),
            "mean" => Np.Mean(X(), Axis(kw), Flag(kw, "keepdims")),
            "var" => Np.Var(X(), Axis(kw), Int(kw, "ddof", 0), Flag(kw, "keepdims")),
            "std" => Np.Std(X(), Axis(kw), Int(kw, "ddof", 0), Flag(kw, "keepdims")),
            "min" => Np.Min(X(), Axis(kw), Flag(kw, "keepdims")),
            "max" => Np.Max(X(), Axis(kw), Flag(kw, "keepdims")),
            "any" => Np.Any(X(), Axis(kw), Flag(kw, "keepdims")),
            "all" => Np.All(X(), Axis(kw), Flag(kw, "keepdims")),
            "count_nonzero" => Np.CountNonzero(X(), Axis(kw), Flag(kw, "keepdims")),
            "argmax" => Np.Argmax(X(), OneAxis()),
            "argmin" => Np.Argmin(X(), OneAxis()),
            "nansum" => Np.NanSum(X(), Axis(kw)),
            "matmul" => Np.MatMul(X(), (NDArray)args[1]!),
            "dot" => Np.Dot(X(), (NDArray)args[1]!),
            "transpose" => kw.TryGetProperty("axes", out JsonElement axes) ? Np.Transpose(X(), axes.EnumerateArray().Select(a => a.GetInt32()).ToArray()) : Np.Transpose(X()),
            "reshape" => Np.Reshape(X(), (int[])args[1]!),
            "concatenate" => Np.Concatenate((NDArray[])args[0]!, OneAxis()),
            "stack" => Np.Stack((NDArray[])args[0]!, OneAxis() ?? 0),
            "tril" => Np.Tril(X(), Int(kw, "k", 0)),
            "astype" => Np.AsType(X(), DTypes.Parse((string)args[1]!)),
            "todense" => new HostArray(X().ToHost()),
            "linalg.svd" => Np.Linalg.Svd(X(), Flag(kw, "full_matrices"), !kw.TryGetProperty("compute_uv", out JsonElement cu) || cu.ValueKind != JsonValueKind.False).S,
            _ => null,
        };
    }
}
