using ArrayDispatch.Functions;
using ArrayDispatch.Host.Tests.Readme;
using ArrayDispatch.Runtime.Diagnostics;

namespace ArrayDispatch.Host.Tests.Docs;

/// <summary>
/// docs/functions.md is generated from the catalogue and committed; this test fails when it is out of date, so the page
/// stays current. <c>ARRAYDISPATCH_UPDATE_DOCS=1 dotnet test --filter FunctionReferencePageTests</c> rewrites it.
/// </summary>
public sealed class FunctionReferencePageTests
{
    private static readonly string s_page = Path.Combine(ReadmeBlocks.RepositoryRoot, "docs", "functions.md");

    [Fact]
    public void The_committed_reference_page_matches_the_catalogue()
    {
        string generated = FunctionReference.Markdown();
        if (Environment.GetEnvironmentVariable("ARRAYDISPATCH_UPDATE_DOCS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(s_page)!);
            File.WriteAllText(s_page, generated);
        }

        File.Exists(s_page).ShouldBeTrue("docs/functions.md is missing; run ARRAYDISPATCH_UPDATE_DOCS=1 dotnet test --filter FunctionReferencePageTests");
        File.ReadAllText(s_page).ReplaceLineEndings("\n").ShouldBe(generated,
            "docs/functions.md is out of date with the catalogue; run ARRAYDISPATCH_UPDATE_DOCS=1 dotnet test --filter FunctionReferencePageTests and commit it");
    }

    [Fact]
    public void The_page_lists_every_catalogue_function_once()
    {
        string page = FunctionReference.Markdown();

        foreach ((_, ArrayFunction f) in FunctionReference.Catalogue()) page.ShouldContain($"| `{f.Name}` |");
        FunctionReference.Catalogue().Count.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void A_signature_names_the_argument_struct_its_fields_and_the_result()
    {
        string sum = FunctionReference.Describe(ArrayFunctions.Sum);

        sum.ShouldStartWith("sum: NDArray dispatched on the runtime types of its relevant arguments (NEP 18)");
        sum.ShouldContain("arguments: ReductionArgs");
        sum.ShouldContain("  NDArray X  [relevant]  — The array to reduce.");
        sum.ShouldContain("result: NDArray");
        sum.ShouldEndWith("handler: DispatchResult<NDArray> (in ReductionArgs args, ReadOnlySpan<Type> types)");
        FunctionReference.Describe(ArrayFunctions.Full).ShouldContain("created by backend:");
    }
}
