using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ArrayDispatch.Analyzers;

/// <summary>
/// Checks <c>[Implements("name")]</c> at build time, where the host would otherwise refuse the plugin only when it loads
/// it: the name must be a catalogue function (or one this compilation defines with <c>FunctionCatalog.Define</c>), and
/// the method must have the handler signature that function takes.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ImplementsAnalyzer : DiagnosticAnalyzer
{
    /// <summary>ArrayDispatch001: the function name is unknown.</summary>
    public static readonly DiagnosticDescriptor UnknownFunction = new(
        "ArrayDispatch001", "Unknown protocol function", "[Implements(\"{0}\")]: no function named '{0}' is defined{1}",
        "ArrayDispatch", DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "The host refuses a plugin whose handler names a function the catalogue does not define.", customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>ArrayDispatch002: the handler's signature does not fit the function.</summary>
    public static readonly DiagnosticDescriptor WrongSignature = new(
        "ArrayDispatch002", "Handler signature does not fit the function", "[Implements(\"{0}\")] handler '{1}' must be '{2}'",
        "ArrayDispatch", DiagnosticSeverity.Error, isEnabledByDefault: true,
        description: "A handler receives the function's argument struct by 'in' and the call's distinct types, and returns DispatchResult of the function's result.", customTags: WellKnownDiagnosticTags.CompilationEnd);

    /// <summary>Property keys the code fixes read.</summary>
    public const string SuggestionKey = "Suggestion", ArgsKey = "Args", ResultKey = "Result";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(UnknownFunction, WrongSignature);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            INamedTypeSymbol? implements = start.Compilation.GetTypeByMetadataName("ArrayDispatch.Plugins.ImplementsAttribute");
            if (implements is null) return;   // not a plugin: nothing to check
            // Handlers are checked at the end, once every FunctionCatalog.Define of this compilation has been seen.
            var defined = new ConcurrentDictionary<string, (string Args, string Result)>(StringComparer.Ordinal);
            var handlers = new ConcurrentBag<IMethodSymbol>();
            start.RegisterOperationAction(c => CollectDefine((IInvocationOperation)c.Operation, defined), OperationKind.Invocation);
            start.RegisterSymbolAction(c =>
            {
                var method = (IMethodSymbol)c.Symbol;
                if (method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, implements))) handlers.Add(method);
            }, SymbolKind.Method);
            start.RegisterCompilationEndAction(end =>
            {
                Dictionary<string, (string Args, string Result)> functions = KnownFunctions.All.ToDictionary(f => f.Name, f => (f.Args, f.Result), StringComparer.Ordinal);
                foreach (var pair in defined) functions[pair.Key] = pair.Value;
                foreach (IMethodSymbol method in handlers) Check(end, method, implements, functions);
            });
        });
    }

    private static void CollectDefine(IInvocationOperation call, ConcurrentDictionary<string, (string Args, string Result)> defined)
    {
        IMethodSymbol m = call.TargetMethod;
        if (m.Name != "Define" || m.ContainingType?.ToDisplayString() != "ArrayDispatch.Functions.FunctionCatalog" || m.TypeArguments.Length != 2) return;
        if (call.Arguments.Length == 0 || call.Arguments[0].Value.ConstantValue is not { HasValue: true, Value: string name }) return;
        defined[name] = (FullName(m.TypeArguments[0]), FullName(m.TypeArguments[1]));
    }

    private static void Check(CompilationAnalysisContext context, IMethodSymbol method, INamedTypeSymbol implements, Dictionary<string, (string Args, string Result)> functions)
    {
        foreach (AttributeData attribute in method.GetAttributes())
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, implements)) continue;
            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string name) continue;
            Location where = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? method.Locations[0];
            if (!functions.TryGetValue(name, out var signature))
            {
                // A dotted name outside linalg belongs to a plugin's namespace, possibly defined in another assembly.
                int dot = name.IndexOf('.');
                if (dot > 0 && name.Substring(0, dot) != "linalg") continue;
                string? near = Nearest(name, functions.Keys);
                var properties = ImmutableDictionary<string, string?>.Empty.Add(SuggestionKey, near);
                context.ReportDiagnostic(Diagnostic.Create(UnknownFunction, where, properties, name, near is null ? "" : $". Did you mean '{near}'?"));
                continue;
            }
            if (!Fits(method, signature.Args, signature.Result))
            {
                string expected = $"DispatchResult<{Short(signature.Result)}> {method.Name}(in {Short(signature.Args)} args, ReadOnlySpan<Type> types)";
                var properties = ImmutableDictionary<string, string?>.Empty.Add(ArgsKey, signature.Args).Add(ResultKey, signature.Result);
                context.ReportDiagnostic(Diagnostic.Create(WrongSignature, method.Locations[0], properties, name, method.Name, expected));
            }
        }
    }

    private static bool Fits(IMethodSymbol method, string args, string result)
    {
        if (method.Parameters.Length != 2) return false;
        IParameterSymbol first = method.Parameters[0], second = method.Parameters[1];
        if (first.RefKind is not (RefKind.In or RefKind.RefReadOnlyParameter) || FullName(first.Type) != args) return false;
        if (second.RefKind != RefKind.None || FullName(second.Type) != "System.ReadOnlySpan<System.Type>") return false;
        return FullName(method.ReturnType) == $"ArrayDispatch.Dispatch.DispatchResult<{result}>";
    }

    /// <summary>The type as <see cref="KnownFunctions"/> spells it: namespace-qualified, generic arguments in brackets.</summary>
    public static string FullName(ITypeSymbol type) =>
        type.ToDisplayString(new SymbolDisplayFormat(
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
            miscellaneousOptions: SymbolDisplayMiscellaneousOptions.ExpandNullable));

    /// <summary>A full name without namespaces, as it reads in code with the usual usings.</summary>
    public static string Short(string fullName) =>
        string.Join("", fullName.Split('<', '>', ',', '[', ']').Length == 0 ? new[] { fullName } : Tokens(fullName));

    private static IEnumerable<string> Tokens(string fullName)
    {
        int start = 0;
        for (int i = 0; i <= fullName.Length; i++)
        {
            if (i == fullName.Length || fullName[i] is '<' or '>' or ',' or '[' or ']' or ' ')
            {
                string part = fullName.Substring(start, i - start);
                int dot = part.LastIndexOf('.');
                yield return dot >= 0 ? part.Substring(dot + 1) : part;
                if (i < fullName.Length) yield return fullName[i].ToString();
                start = i + 1;
            }
        }
    }

    /// <summary>The nearest name by edit distance, when it is close enough to be a typo.</summary>
    public static string? Nearest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (string c in candidates)
        {
            int d = Distance(name, c);
            if (d < bestDistance) (best, bestDistance) = (c, d);
        }
        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var row = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) row[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            int diagonal = row[0];
            row[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] == b[j - 1] ? 0 : 1));
                diagonal = above;
            }
        }
        return row[b.Length];
    }
}
