using System.Text;
using ArrayDispatch.Functions;
using ArrayDispatch.Host.Tests.Readme;
using ArrayDispatch.Runtime.Diagnostics;

namespace ArrayDispatch.Host.Tests.Docs;

/// <summary>
/// The build-time analyzer (analyzers/ArrayDispatch.Analyzers) checks <c>[Implements]</c> against the catalogue; its copy
/// of the catalogue (KnownFunctions.g.cs) is generated from the real one and committed. This test fails when it is out
/// of date; <c>ARRAYDISPATCH_UPDATE_DOCS=1 dotnet test --filter AnalyzerCatalogueTests</c> rewrites it.
/// </summary>
public sealed class AnalyzerCatalogueTests
{
    private static readonly string s_file = Path.Combine(ReadmeBlocks.RepositoryRoot, "analyzers", "ArrayDispatch.Analyzers", "KnownFunctions.g.cs");

    /// <summary>The C# spelling the analyzer reads from Roslyn: namespaces, '.' for nested types, generic arguments in brackets.</summary>
    internal static string Spell(Type t) =>
        t.IsArray ? Spell(t.GetElementType()!) + "[]"
        : t.IsGenericType ? $"{t.Namespace}.{t.Name[..t.Name.IndexOf('`')]}<{string.Join(", ", t.GetGenericArguments().Select(Spell))}>"
        : t.FullName!.Replace('+', '.');

    private static string Generate()
    {
        var sb = new StringBuilder();
        sb.Append("namespace ArrayDispatch.Analyzers;\n\n");
        sb.Append("/// <summary>Generated from the catalogue by tests/ArrayDispatch.Host.Tests (AnalyzerCatalogueTests); do not edit.</summary>\n");
        sb.Append("internal static class KnownFunctions\n{\n");
        sb.Append("    public static readonly (string Name, string Args, string Result)[] All =\n    {\n");
        // Aliases (absolute, acos, concat) are names [Implements] may use too, with the signature of the function they name.
        var names = FunctionReference.Catalogue().Select(c => (c.Function.Name, c.Function))
            .Concat(FunctionCatalog.Aliases.Select(a => (Name: a.Key, Function: a.Value)));
        foreach ((string name, ArrayFunction f) in names.OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            sb.Append($"        (\"{name}\", \"{Spell(f.ArgsType)}\", \"{Spell(f.ResultType)}\"),\n");
        }
        sb.Append("    };\n}\n");
        return sb.ToString();
    }

    [Fact]
    public void The_analyzers_copy_of_the_catalogue_is_current()
    {
        string generated = Generate();
        if (Environment.GetEnvironmentVariable("ARRAYDISPATCH_UPDATE_DOCS") == "1") File.WriteAllText(s_file, generated);

        File.ReadAllText(s_file).ReplaceLineEndings("\n").ShouldBe(generated,
            "KnownFunctions.g.cs is out of date with the catalogue; run ARRAYDISPATCH_UPDATE_DOCS=1 dotnet test --filter AnalyzerCatalogueTests and commit it");
    }
}
