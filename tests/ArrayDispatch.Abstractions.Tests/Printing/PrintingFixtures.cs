using System.Globalization;
using System.Text.Json;
using ArrayDispatch.Interchange;
using ArrayDispatch.Printing;
using Xunit;

namespace ArrayDispatch.Abstractions.Tests.Printing;

/// <summary>
/// NumPy's printed output, recorded in <c>tests/fixtures/printing/cases.json</c>. Regenerate it (Debian's python3-numpy,
/// NumPy 1.24) with <c>/usr/bin/python3 tests/fixtures/printing/generate.py</c> from the checkout's root; the script's
/// doc comment describes each field. The folder is found by walking up from the test binaries to the folder holding
/// <c>Plugins.sln</c>.
/// </summary>
public static class PrintingFixtures
{
    private static readonly Lazy<IReadOnlyList<PrintingCase>> s_cases = new(Load);

    /// <summary>Every recorded case.</summary>
    public static IReadOnlyList<PrintingCase> Cases => s_cases.Value;

    /// <summary>The case ids, as xunit theory data.</summary>
    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (PrintingCase c in Cases) data.Add(c.Id);
        return data;
    }

    /// <summary>The case named <paramref name="id"/>.</summary>
    public static PrintingCase Get(string id) => Cases.Single(c => c.Id == id);

    /// <summary>The folder with the fixtures, below the checkout's root.</summary>
    public static string Folder()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "Plugins.sln"))) return Path.Combine(d.FullName, "tests", "fixtures", "printing");
        }
        throw new DirectoryNotFoundException($"no Plugins.sln above {AppContext.BaseDirectory}");
    }

    private static IReadOnlyList<PrintingCase> Load()
    {
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder(), "cases.json")));
        var cases = new List<PrintingCase>();
        foreach (JsonElement c in doc.RootElement.GetProperty("cases").EnumerateArray())
        {
            DType dtype = DTypes.Parse(c.GetProperty("dtype").GetString()!);
            int[] dims = [.. c.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32())];
            string[] values = [.. c.GetProperty("values").EnumerateArray().Select(e => e.GetString()!)];
            cases.Add(new PrintingCase(
                c.GetProperty("id").GetString()!,
                Buffer(dtype, new Shape(dims), values),
                Options(c.GetProperty("options")),
                c.GetProperty("str").GetString()!,
                c.GetProperty("repr").GetString()!));
        }
        return cases;
    }

    private static HostBuffer Buffer(DType dtype, Shape shape, string[] values) => dtype switch
    {
        DType.Bool => HostBuffer.FromContiguous(Array.ConvertAll(values, v => v == "True"), shape),
        DType.Int8 => Ints<sbyte>(values, shape),
        DType.Int16 => Ints<short>(values, shape),
        DType.Int32 => Ints<int>(values, shape),
        DType.Int64 => Ints<long>(values, shape),
        DType.UInt8 => Ints<byte>(values, shape),
        DType.UInt16 => Ints<ushort>(values, shape),
        DType.UInt32 => Ints<uint>(values, shape),
        DType.UInt64 => Ints<ulong>(values, shape),
        DType.Float16 => HostBuffer.FromContiguous(Array.ConvertAll(values, v => (Half)ParseDouble(v)), shape),
        DType.Float32 => HostBuffer.FromContiguous(Array.ConvertAll(values, v => (float)ParseDouble(v)), shape),
        DType.Float64 => HostBuffer.FromContiguous(Array.ConvertAll(values, ParseDouble), shape),
        DType.Complex64 => HostBuffer.FromContiguous(Array.ConvertAll(values, v => (Complex64)ParseComplex(v)), shape),
        _ => HostBuffer.FromContiguous(Array.ConvertAll(values, ParseComplex), shape),
    };

    private static HostBuffer Ints<T>(string[] values, Shape shape) where T : unmanaged, System.Numerics.IBinaryInteger<T> =>
        HostBuffer.FromContiguous(Array.ConvertAll(values, v => T.Parse(v, CultureInfo.InvariantCulture)), shape);

    private static System.Numerics.Complex ParseComplex(string v)
    {
        string[] parts = v.Split('|');
        return new System.Numerics.Complex(ParseDouble(parts[0]), ParseDouble(parts[1]));
    }

    private static double ParseDouble(string v) => v switch
    {
        "nan" => double.NaN,
        "inf" => double.PositiveInfinity,
        "-inf" => double.NegativeInfinity,
        _ => double.Parse(v, CultureInfo.InvariantCulture),
    };

    private static PrintOptions Options(JsonElement o)
    {
        var options = new PrintOptions();
        foreach (JsonProperty p in o.EnumerateObject())
        {
            options = p.Name switch
            {
                "precision" => options with { Precision = p.Value.GetInt32() },
                "threshold" => options with { Threshold = p.Value.GetInt64() },
                "edgeitems" => options with { EdgeItems = p.Value.GetInt32() },
                "linewidth" => options with { LineWidth = p.Value.GetInt32() },
                "suppress" => options with { Suppress = p.Value.GetBoolean() },
                "sign" => options with { Sign = p.Value.GetString() switch { "+" => SignMode.Plus, " " => SignMode.Space, _ => SignMode.Minus } },
                "floatmode" => options with
                {
                    FloatMode = p.Value.GetString() switch
                    {
                        "fixed" => FloatMode.Fixed,
                        "unique" => FloatMode.Unique,
                        "maxprec_equal" => FloatMode.MaxPrecEqual,
                        _ => FloatMode.MaxPrec,
                    },
                },
                _ => throw new InvalidDataException($"unknown print option '{p.Name}' in cases.json"),
            };
        }
        return options;
    }
}

/// <summary>One recorded array with the options it printed under and NumPy's str and repr of it.</summary>
public sealed record PrintingCase(string Id, HostBuffer Buffer, PrintOptions Options, string Str, string Repr)
{
    /// <inheritdoc/>
    public override string ToString() => Id;
}
