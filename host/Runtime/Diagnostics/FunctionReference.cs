using System.Reflection;
using System.Text;
using System.Xml.Linq;
using ArrayDispatch.Dispatch;
using ArrayDispatch.Functions;

namespace ArrayDispatch.Runtime.Diagnostics;

/// <summary>
/// The typed signature of a catalogue function, read from its identity: the argument struct with its fields (which take
/// part in dispatch), the result type and the handler a backend writes. Feeds <c>explain --signature</c> and the
/// generated reference page <c>docs/functions.md</c>. Descriptions come from the protocol's XML documentation.
/// </summary>
public static class FunctionReference
{
    private static readonly NullabilityInfoContext s_nullability = new();
    private static readonly Lazy<Dictionary<string, XElement>> s_docs = new(LoadDocs);

    /// <summary>The functions of the protocol's own catalogue (<see cref="ArrayFunctions"/>), in declaration order.</summary>
    public static IReadOnlyList<(string Member, ArrayFunction Function)> Catalogue() =>
        typeof(ArrayFunctions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => typeof(ArrayFunction).IsAssignableFrom(f.FieldType))
            .Select(f => (f.Name, (ArrayFunction)f.GetValue(null)!))
            // An alias field (Absolute = Alias("absolute", Abs)) holds a function already listed under its own field, declared first.
            .DistinctBy(p => p.Item2)
            .OrderBy(p => p.Item2.Id).ToArray();

    /// <summary>The signature of <paramref name="function"/> as plain text (one line per field).</summary>
    public static string Describe(ArrayFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var sb = new StringBuilder();
        sb.Append(function.Name).Append(": ").Append(TypeName(function.ResultType)).Append(' ')
          .Append(function.Kind == FunctionKind.Creation ? "created by" : "dispatched on").Append(' ')
          .Append(function.Kind == FunctionKind.Creation ? "backend:, the scope, like: or DefaultBackend (NEP 35)" : "the runtime types of its relevant arguments (NEP 18)").Append('\n');
        if (Catalogue().FirstOrDefault(c => c.Function == function).Member is { } member && Summary($"F:{typeof(ArrayFunctions).FullName}.{member}") is { } summary)
        {
            sb.Append("  ").Append(summary).Append('\n');
        }
        sb.Append("arguments: ").Append(function.ArgsType.Name).Append('\n');
        foreach (Field f in Fields(function.ArgsType))
        {
            sb.Append("  ").Append(f.Type).Append(' ').Append(f.Name).Append(f.Relevant ? "  [relevant]" : "")
              .Append(f.Description is null ? "" : "  — " + f.Description).Append('\n');
        }
        sb.Append("result: ").Append(TypeName(function.ResultType)).Append('\n');
        sb.Append("handler: DispatchResult<").Append(TypeName(function.ResultType)).Append("> (in ").Append(function.ArgsType.Name)
          .Append(" args, ReadOnlySpan<Type> types)");
        return sb.ToString();
    }

    /// <summary>The reference page of the whole catalogue, in Markdown.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("# Function reference\n\n")
          .Append("Generated from the protocol's catalogue (`abstractions/Functions/ArrayFunctions.cs` and `Args/`) by\n")
          .Append("`FunctionReferencePageTests`; do not edit by hand (run the test with `ARRAYDISPATCH_UPDATE_DOCS=1` to rewrite it).\n")
          .Append("`dotnet run --project host -- explain --signature <function>` prints one entry. Fields marked *relevant* take part\n")
          .Append("in dispatch (NEP 18); creation functions go to `backend:`, the scope, `like:` or `DefaultBackend` (NEP 35).\n\n")
          .Append("| function | kind | arguments | result | description |\n|---|---|---|---|---|\n");
        IReadOnlyList<(string Member, ArrayFunction Function)> all = Catalogue();
        foreach ((string member, ArrayFunction f) in all)
        {
            string summary = Summary($"F:{typeof(ArrayFunctions).FullName}.{member}") ?? "";
            sb.Append("| `").Append(f.Name).Append("` | ").Append(f.Kind == FunctionKind.Creation ? "creation" : "array").Append(" | [`")
              .Append(f.ArgsType.Name).Append("`](#").Append(f.ArgsType.Name.ToLowerInvariant()).Append(") | `").Append(Cell(TypeName(f.ResultType)))
              .Append("` | ").Append(Cell(summary)).Append(" |\n");
        }
        foreach (Type args in all.Select(p => p.Function.ArgsType).Distinct().OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            sb.Append("\n## ").Append(args.Name).Append("\n\n");
            if (Summary($"T:{args.FullName}") is { } summary) sb.Append(summary).Append("\n\n");
            sb.Append("Used by: ").AppendJoin(", ", all.Where(p => p.Function.ArgsType == args).Select(p => $"`{p.Function.Name}`")).Append(".\n\n")
              .Append("| field | type | relevant | description |\n|---|---|---|---|\n");
            foreach (Field f in Fields(args))
            {
                sb.Append("| `").Append(f.Name).Append("` | `").Append(Cell(f.Type)).Append("` | ").Append(f.Relevant ? "yes" : "")
                  .Append(" | ").Append(Cell(f.Description ?? "")).Append(" |\n");
            }
        }
        return sb.ToString();
    }

    private sealed record Field(string Name, string Type, bool Relevant, string? Description);

    /// <summary>The struct's primary-constructor parameters (its positional record fields) and its other settable properties, else its public properties.</summary>
    private static IEnumerable<Field> Fields(Type args)
    {
        ConstructorInfo? primary = args.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        XElement? typeDoc = Doc($"T:{args.FullName}");
        if (primary is not null && primary.GetParameters().Length > 0)
        {
            foreach (ParameterInfo p in primary.GetParameters())
            {
                PropertyInfo? property = args.GetProperty(p.Name!);
                string type = property is null ? TypeName(p.ParameterType, s_nullability.Create(p)) : TypeName(property.PropertyType, s_nullability.Create(property));
                string? description = typeDoc?.Elements("param").FirstOrDefault(e => (string?)e.Attribute("name") == p.Name) is { } param ? Text(param) : null;
                yield return new(p.Name!, type, IsRelevant(p.ParameterType), description);
            }
            // init-only fields beside the positional ones (UniqueArgs.EqualNan): a backend must see them to honour them
            var positional = primary.GetParameters().Select(p => p.Name).ToHashSet();
            foreach (PropertyInfo property in args.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (positional.Contains(property.Name) || property.SetMethod is not { IsPublic: true }) continue;
                yield return new(property.Name, TypeName(property.PropertyType, s_nullability.Create(property)), IsRelevant(property.PropertyType),
                    Summary($"P:{args.FullName}.{property.Name}"));
            }
            yield break;
        }
        foreach (PropertyInfo property in args.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            yield return new(property.Name, TypeName(property.PropertyType, s_nullability.Create(property)), IsRelevant(property.PropertyType),
                Summary($"P:{args.FullName}.{property.Name}"));
        }
    }

    private static bool IsRelevant(Type t) => typeof(NDArray).IsAssignableFrom(t) || (t.IsArray && typeof(NDArray).IsAssignableFrom(t.GetElementType()));

    // One spelling of C# type names for the reference and the protocol's error messages.
    private static string TypeName(Type t, NullabilityInfo? nullability = null) => TypeNames.Of(t, nullability);

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string? Summary(string member) => Doc(member)?.Element("summary") is { } summary ? Text(summary) : null;

    private static XElement? Doc(string member) => s_docs.Value.GetValueOrDefault(member);

    /// <summary>Flattens a doc element: <c>&lt;c&gt;x&lt;/c&gt;</c> → <c>`x`</c>, <c>&lt;see cref="T:A.B"/&gt;</c> → <c>B</c>, whitespace collapsed.</summary>
    private static string Text(XElement element)
    {
        var sb = new StringBuilder();
        foreach (XNode node in element.Nodes())
        {
            sb.Append(node switch
            {
                XText text => text.Value,
                XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
                XElement { Name.LocalName: "see" or "seealso" } see => (string?)see.Attribute("langword") ?? ((string?)see.Attribute("cref"))?.Split(':', 2)[^1].Split('(')[0].Split('.')[^1] ?? see.Value,
                XElement { Name.LocalName: "paramref" or "typeparamref" } r => (string?)r.Attribute("name") ?? "",
                XElement other => Text(other),
                _ => "",
            });
        }
        return string.Join(' ', sb.ToString().Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
    }

    private static Dictionary<string, XElement> LoadDocs()
    {
        string xml = Path.ChangeExtension(typeof(ArrayFunctions).Assembly.Location, ".xml");
        if (!File.Exists(xml)) return [];
        return XDocument.Load(xml).Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .GroupBy(m => (string)m.Attribute("name")!)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }
}
