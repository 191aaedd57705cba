using System.Globalization;
using ArrayDispatch.Functions;
using Xunit.Abstractions;

namespace ArrayDispatch.Host.Tests.Hardening;

/// <summary>
/// Seeded random API calls (functions, shapes incl. empty and 0-d, dtypes, axes incl. out of range, NaN/Inf, arrays of
/// mismatched backends) against every loaded backend. Only documented exceptions may come out, nothing may hang, and every
/// result must agree with Dense on the same inputs. A failure prints the seed and the call:
/// rerun one with ARRAYDISPATCH_FUZZ_SEED=&lt;seed&gt;.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Cases = 1500;
    private static readonly string[] s_backends = ["Dense", "Sparse", "Chunked", "Gpu"];
    private static readonly DType[] s_dtypes = [DType.Bool, DType.Int32, DType.Int64, DType.Float32, DType.Float64];
    private readonly PluginFolder _plugins = new("Dense", "Sparse", "Chunked", "Gpu");

    public void Dispose() => _plugins.Dispose();

    private sealed record Case(string Name, Func<NDArray[], NDArray> Call, int Arity);

    private static readonly Case[] s_functions =
    [
        new("exp", a => Np.Exp(a[0]), 1), new("sqrt", a => Np.Sqrt(a[0]), 1), new("abs", a => Np.Abs(a[0]), 1),
        new("negative", a => Np.Negative(a[0]), 1), new("floor", a => Np.Floor(a[0]), 1), new("isnan", a => Np.IsNaN(a[0]), 1),
        new("add", a => Np.Add(a[0], a[1]), 2), new("subtract", a => Np.Subtract(a[0], a[1]), 2),
        new("multiply", a => Np.Multiply(a[0], a[1]), 2), new("divide", a => Np.Divide(a[0], a[1]), 2),
        new("maximum", a => Np.Maximum(a[0], a[1]), 2), new("less", a => Np.Less(a[0], a[1]), 2),
        new("add scalar", a => Np.Add(a[0], 2.5), 1), new("multiply int scalar", a => Np.Multiply(a[0], 3L), 1),
        new("matmul", a => Np.MatMul(a[0], a[1]), 2),
        new("transpose", a => Np.Transpose(a[0]), 1), new("flip", a => Np.Flip(a[0]), 1),
        new("reshape -1", a => Np.Reshape(a[0], -1), 1), new("reshape (2,-1)", a => Np.Reshape(a[0], 2, -1), 1),
    ];

    private static readonly string[] s_reductions = ["sum", "mean", "max", "min", "prod", "any", "all", "count_nonzero", "std", "argmax"];

    [Fact]
    public void Random_calls_raise_only_documented_exceptions_and_agree_with_Dense()
    {
        using var host = _plugins.Host(("ArrayDispatch:DefaultBackend", "Dense"));
        host.LoadResults.Where(r => !r.Loaded).Select(r => $"{r.Name}: {r.Outcome}: {r.Reason}").ShouldBeEmpty();
        int seed = int.TryParse(Environment.GetEnvironmentVariable("ARRAYDISPATCH_FUZZ_SEED"), CultureInfo.InvariantCulture, out int s) ? s : 20261124;
        var random = new Random(seed);
        var failures = new List<string>();
        var tally = new Dictionary<string, int>();
        int ran = 0;
        for (int i = 0; i < Cases && failures.Count < 5; i++)
        {
            int caseSeed = random.Next();
            string? failure = RunCase(host.Dispatcher, caseSeed, out string kind);
            ran++;
            tally[kind] = tally.GetValueOrDefault(kind) + 1;
            if (failure is not null) failures.Add($"seed {caseSeed}: {failure}");
        }
        output.WriteLine($"{ran} fuzz cases (seed {seed}): {string.Join(", ", tally.OrderBy(kv => kv.Key).Select(kv => $"{kv.Value} {kv.Key}"))}");
        tally.GetValueOrDefault("agreed with Dense").ShouldBeGreaterThan(Cases / 4);
        failures.ShouldBeEmpty();
    }

    private static string? RunCase(ArrayDispatch.Dispatch.IArrayDispatcher dispatcher, int caseSeed, out string kind)
    {
        var random = new Random(caseSeed);
        string outcomeKind = "failed";
        bool reduction = random.Next(3) == 0;
        Case function = reduction ? ReductionCase(random) : s_functions[random.Next(s_functions.Length)];
        DType dtype = s_dtypes[random.Next(s_dtypes.Length)];
        int[] shape = RandomShape(random);
        var inputs = new List<double[]>();
        var shapes = new List<int[]>();
        for (int k = 0; k < function.Arity; k++)
        {
            int[] s = k == 0 || random.Next(4) > 0 ? shape : RandomShape(random);
            shapes.Add(s);
            inputs.Add(RandomValues(random, s, dtype));
        }
        string backend = s_backends[random.Next(s_backends.Length)];
        string otherBackend = random.Next(5) == 0 ? s_backends[random.Next(s_backends.Length)] : backend;
        string call = $"{function.Name}({string.Join(", ", shapes.Select((s, k) => $"{dtype.Name()}{Shape.Format(s)}@{(k == 0 ? backend : otherBackend)}"))})";

        var outcome = Task.Run(() =>
        {
            using var bound = Np.UseDispatcher(dispatcher);
            NDArray[] denseArgs = inputs.Select((v, k) => Np.AsArray(v, backend: "Dense").AsType(dtype).Reshape(shapes[k])).ToArray();
            (NDArray? expected, Exception? expectedError) = Try(() => function.Call(denseArgs));
            NDArray[] args;
            try
            {
                args = denseArgs.Select((a, k) =>
                {
                    string target = k == 0 ? backend : otherBackend;
                    return Np.AsArray(a, backend: target, chunks: target == "Chunked" ? Chunks(shapes[k]) : null);
                }).ToArray();
            }
            catch (Exception ex) when (IsDocumented(ex))
            {
                outcomeKind = $"conversion refused by {backend}/{otherBackend} ({ex.GetType().Name})";
                return (string?)null;
            }
            (NDArray? actual, Exception? actualError) = Try(() => Np.AsArray(function.Call(args).Compute(), backend: "Dense"));
            if (actualError is not null && !IsDocumented(actualError)) return $"{call} threw undocumented {actualError}";
            if (expectedError is not null && !IsDocumented(expectedError)) return $"{call} on Dense threw undocumented {expectedError}";
            if (actual is null)
            {
                outcomeKind = expected is null ? "refused by both" : $"refused by {backend} only ({actualError!.GetType().Name})";
                return null;
            }
            if (expected is null) return $"{call} returned {actual.Shape} {actual.DType.Name()} but Dense refused: {expectedError!.Message}";
            outcomeKind = "agreed with Dense";
            return Compare(call, expected, actual);
        });
        kind = "hang";
        if (!outcome.Wait(TimeSpan.FromSeconds(30))) return $"hang (> 30 s) in the call";
        kind = outcomeKind;
        return outcome.Result;
    }

    private static Case ReductionCase(Random random)
    {
        string name = s_reductions[random.Next(s_reductions.Length)];
        int? axis = random.Next(4) switch { 0 => null, 1 => 0, 2 => -1, _ => random.Next(-4, 4) };
        bool keep = random.Next(2) == 0 && name != "argmax";
        Func<NDArray, NDArray> f = name switch
        {
            "sum" => x => Np.Sum(x, axis, keep),
            "mean" => x => Np.Mean(x, axis, keep),
            "max" => x => Np.Max(x, axis, keep),
            "min" => x => Np.Min(x, axis, keep),
            "prod" => x => Np.Prod(x, axis, keep),
            "any" => x => Np.Any(x, axis, keep),
            "all" => x => Np.All(x, axis, keep),
            "count_nonzero" => x => Np.CountNonzero(x, axis, keep),
            "std" => x => Np.Std(x, axis, keepDims: keep),
            _ => x => Np.Argmax(x, axis),
        };
        return new($"{name}(axis={axis?.ToString(CultureInfo.InvariantCulture) ?? "None"}, keepdims={keep})", a => f(a[0]), 1);
    }

    private static int[] RandomShape(Random random)
    {
        int rank = random.Next(4);
        var dims = new int[rank];
        for (int i = 0; i < rank; i++) dims[i] = random.Next(5) == 0 ? 0 : random.Next(1, 5);
        return dims;
    }

    private static double[] RandomValues(Random random, int[] shape, DType dtype)
    {
        int size = shape.Aggregate(1, (a, b) => a * b);
        var values = new double[size];
        for (int i = 0; i < size; i++)
        {
            values[i] = random.Next(10) switch
            {
                0 when dtype.IsFloat() => double.NaN,
                1 when dtype.IsFloat() => random.Next(2) == 0 ? double.PositiveInfinity : double.NegativeInfinity,
                2 => 0,
                _ => Math.Round((random.NextDouble() - 0.5) * 20, dtype.IsFloat() ? 3 : 0),
            };
        }
        return values;
    }

    private static int[]? Chunks(int[] shape) => shape.Select(d => Math.Max(1, (d + 1) / 2)).ToArray();

    private static (NDArray?, Exception?) Try(Func<NDArray> call)
    {
        try { return (call(), null); }
        catch (Exception ex) { return (null, ex); }
    }

    /// <summary>The protocol's documented failures: argument errors (shapes, dtypes, axes), refusals, no implementation, linear algebra.</summary>
    private static bool IsDocumented(Exception ex)
    {
        for (Exception? e = ex; e is not null; e = e.InnerException)
        {
            if (e is ArgumentException or NoImplementationException or NotSupportedException or LinAlgException) return true;
            if (e is BackendCallException) return false;
        }
        return false;
    }

    private static string? Compare(string call, NDArray expected, NDArray actual)
    {
        if (!expected.Shape.Equals(actual.Shape)) return $"{call}: shape {actual.Shape}, Dense {expected.Shape}";
        if (expected.DType != actual.DType) return $"{call}: dtype {actual.DType.Name()}, Dense {expected.DType.Name()}";
        double[] e = expected.AsType(DType.Float64).ToArray<double>(), a = actual.AsType(DType.Float64).ToArray<double>();
        double tolerance = expected.DType == DType.Float32 ? 1e-4 : 1e-9;
        for (int i = 0; i < e.Length; i++)
        {
            if (double.IsNaN(e[i]) && double.IsNaN(a[i])) continue;
            if (e[i] == a[i]) continue;
            if (Math.Abs(e[i] - a[i]) <= tolerance * Math.Max(1, Math.Abs(e[i]))) continue;
            return $"{call}: element {i} is {a[i]}, Dense {e[i]}";
        }
        return null;
    }
}
