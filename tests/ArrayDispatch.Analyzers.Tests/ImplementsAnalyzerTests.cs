using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Shouldly;
using Xunit;

namespace ArrayDispatch.Analyzers.Tests;

/// <summary><c>[Implements]</c> is checked while the plugin compiles, and the fixes produce code that compiles clean.</summary>
public sealed class ImplementsAnalyzerTests
{
    private const string Usings = """
        using System;
        using ArrayDispatch;
        using ArrayDispatch.Dispatch;
        using ArrayDispatch.Functions;
        using ArrayDispatch.Plugins;

        """;

    private static readonly MetadataReference[] s_references =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Append(typeof(NDArray).Assembly.Location)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray();

    private static CSharpCompilation Compile(string source) =>
        CSharpCompilation.Create("Plugin", [CSharpSyntaxTree.ParseText(Usings + source, path: "Plugin.cs")], s_references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static async Task<ImmutableArray<Diagnostic>> Analyze(string source)
    {
        CSharpCompilation compilation = Compile(source);
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
        return await compilation.WithAnalyzers([new ImplementsAnalyzer()]).GetAnalyzerDiagnosticsAsync();
    }

    [Fact]
    public async Task A_correct_handler_and_a_plugins_own_function_pass()
    {
        var diagnostics = await Analyze("""
            public sealed class Handlers
            {
                public static readonly ArrayFunction<CallArgs, NDArray[]> Fft = FunctionCatalog.Define<CallArgs, NDArray[]>("mylib.fft");
                public static readonly ArrayFunction<CallArgs, NDArray[]> Local = FunctionCatalog.Define<CallArgs, NDArray[]>("localfn");

                [Implements("sum")]
                public static DispatchResult<NDArray> Sum(in ReductionArgs args, ReadOnlySpan<Type> types) => NotImplemented.Value;

                [Implements("linalg.svd")]
                public DispatchResult<SvdResult> Svd(in SvdArgs args, ReadOnlySpan<Type> types) => NotImplemented.Value;

                [Implements("localfn")]
                public static DispatchResult<NDArray[]> LocalFn(in CallArgs args, ReadOnlySpan<Type> types) => NotImplemented.Value;

                [Implements("otherlib.defined_elsewhere")]
                public static DispatchResult<NDArray[]> Elsewhere(in CallArgs args, ReadOnlySpan<Type> types) => NotImplemented.Value;
            }
            """);

        diagnostics.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_misspelled_function_is_an_error_with_the_nearest_name()
    {
        var diagnostics = await Analyze("""
            public static class Handlers
            {
                [Implements("matmull")]
                public static DispatchResult<NDArray> MatMul(in PairArgs args, ReadOnlySpan<Type> types) => NotImplemented.Value;

                [Implements("linalg.svdd")]
                public static DispatchResult<SvdResult> Svd(in SvdArgs args, ReadOnlySpan<Type> types) => NotImplemented.Value;
            }
            """);

        diagnostics.Select(d => (d.Id, d.GetMessage())).ShouldBe([
            ("ArrayDispatch001", "[Implements(\"matmull\")]: no function named 'matmull' is defined. Did you mean 'matmul'?"),
            ("ArrayDispatch001", "[Implements(\"linalg.svdd\")]: no function named 'linalg.svdd' is defined. Did you mean 'linalg.svd'?"),
        ], ignoreOrder: true);
    }

    [Theory]
    [InlineData("public static DispatchResult<NDArray> Add(BinaryArgs args, ReadOnlySpan<Type> types)")]             // not 'in'
    [InlineData("public static DispatchResult<NDArray> Add(in PairArgs args, ReadOnlySpan<Type> types)")]             // matmul's struct
    [InlineData("public static NDArray Add(in BinaryArgs args, ReadOnlySpan<Type> types)")]                          // no DispatchResult
    [InlineData("public static DispatchResult<NDArray> Add(in BinaryArgs args)")]                                     // no types
    public async Task A_handler_with_the_wrong_signature_is_an_error_naming_the_right_one(string signature)
    {
        var diagnostics = await Analyze($$"""
            public static class Handlers
            {
                [Implements("add")]
                {{signature}} => throw new NotSupportedException();
            }
            """);

        diagnostics.ShouldHaveSingleItem().Id.ShouldBe("ArrayDispatch002");
        diagnostics[0].GetMessage().ShouldBe("[Implements(\"add\")] handler 'Add' must be 'DispatchResult<NDArray> Add(in BinaryArgs args, ReadOnlySpan<Type> types)'");
    }

    [Theory]
    [InlineData("""
        [Implements("matmull")]
        public static DispatchResult<NDArray> MatMul(in PairArgs args, ReadOnlySpan<Type> types) => NotImplemented.Value;
        """, "[Implements(\"matmul\")]")]
    [InlineData("""
        [Implements("add")]
        public static NDArray Add(BinaryArgs x) => throw new NotSupportedException();
        """, "DispatchResult<NDArray> Add(in BinaryArgs args, ReadOnlySpan<Type> types)")]
    public async Task The_fixes_give_code_the_analyzer_accepts(string member, string expected)
    {
        string source = $"public static class Handlers\n{{\n{member}\n}}\n";
        using var workspace = new AdhocWorkspace();
        Project project = workspace.AddProject("Plugin", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithMetadataReferences(s_references);
        Document document = project.AddDocument("Plugin.cs", SourceText.From(Usings + source));
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        Diagnostic diagnostic = (await compilation.WithAnalyzers([new ImplementsAnalyzer()]).GetAnalyzerDiagnosticsAsync()).Single();

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
        await new ImplementsCodeFix().RegisterCodeFixesAsync(context);
        ImmutableArray<CodeActionOperation> operations = await actions.ShouldHaveSingleItem().GetOperationsAsync(CancellationToken.None);
        Solution fixedSolution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        Document fixedDocument = await Microsoft.CodeAnalysis.Simplification.Simplifier.ReduceAsync(fixedSolution.GetDocument(document.Id)!);
        string text = (await fixedDocument.GetTextAsync()).ToString();

        text.ShouldContain(expected);
        Compilation after = (await fixedDocument.Project.GetCompilationAsync())!;
        (await after.WithAnalyzers([new ImplementsAnalyzer()]).GetAnalyzerDiagnosticsAsync()).ShouldBeEmpty();
    }
}
