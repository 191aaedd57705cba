using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ArrayDispatch.Analyzers;

/// <summary>
/// Fixes for <see cref="ImplementsAnalyzer"/>: a misspelled function name becomes the nearest one (ArrayDispatch001), and a
/// handler gets the exact signature its function takes (ArrayDispatch002), keeping its name, modifiers and body.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ImplementsCodeFix)), Shared]
public sealed class ImplementsCodeFix : CodeFixProvider
{
    /// <inheritdoc/>
    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create("ArrayDispatch001", "ArrayDispatch002");

    /// <inheritdoc/>
    public override FixAllProvider? GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null) return;
        foreach (Diagnostic diagnostic in context.Diagnostics)
        {
            SyntaxNode node = root.FindNode(diagnostic.Location.SourceSpan);
            if (diagnostic.Id == "ArrayDispatch001"
                && diagnostic.Properties.TryGetValue(ImplementsAnalyzer.SuggestionKey, out string? suggestion) && suggestion is not null
                && node.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault() is { } literal)
            {
                context.RegisterCodeFix(CodeAction.Create($"Use '{suggestion}'",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(literal,
                        SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(suggestion))))),
                    "ArrayDispatch001"), diagnostic);
            }
            else if (diagnostic.Id == "ArrayDispatch002"
                && diagnostic.Properties.TryGetValue(ImplementsAnalyzer.ArgsKey, out string? args) && args is not null
                && diagnostic.Properties.TryGetValue(ImplementsAnalyzer.ResultKey, out string? result) && result is not null
                && node.FirstAncestorOrSelf<MethodDeclarationSyntax>() is { } method)
            {
                context.RegisterCodeFix(CodeAction.Create("Use the handler signature of the function",
                    _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(method, WithSignature(method, args, result)))),
                    "ArrayDispatch002"), diagnostic);
            }
        }
    }

    private static MethodDeclarationSyntax WithSignature(MethodDeclarationSyntax method, string args, string result)
    {
        TypeSyntax returnType = SyntaxFactory.ParseTypeName($"global::ArrayDispatch.Dispatch.DispatchResult<{Global(result)}>")
            .WithTriviaFrom(method.ReturnType);
        ParameterListSyntax parameters = SyntaxFactory.ParseParameterList($"(in {Global(args)} args, global::System.ReadOnlySpan<global::System.Type> types)")
            .WithTriviaFrom(method.ParameterList);
        return method.WithReturnType(returnType).WithParameterList(parameters)
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation, Microsoft.CodeAnalysis.Formatting.Formatter.Annotation);
    }

    private static string Global(string fullName) =>
        fullName.EndsWith("[]", System.StringComparison.Ordinal) ? Global(fullName.Substring(0, fullName.Length - 2)) + "[]" : "global::" + fullName;
}
